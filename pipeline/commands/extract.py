"""``gongwen extract FILE... [--out DIR | --jsonl]``: one document record per input."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli import app
from pipeline.errors import InputError
from pipeline.process import process_file


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Files to read (.txt, .docx, .pdf, .html).")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write DIR/<doc_id>.json per input.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one record per line.")] = False,
    show: Annotated[str | None, typer.Option(
        "--show", help="Print a table of duties|meetings|figures|budget per file instead of JSON.")] = None,
) -> None:
    """Extract the document record of each file.

    Without --out or --jsonl each record is printed as indented JSON. A file that
    cannot be read is reported in one line on stderr; the exit status is 1 when
    any file failed, 0 otherwise.
    """
    if out is not None and jsonl:
        raise typer.BadParameter("--out and --jsonl exclude each other")
    if show is not None:
        from pipeline.show import SHOW

        if show not in SHOW:
            raise typer.BadParameter(f"--show takes one of {', '.join(SHOW.names())}, not {show!r}")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in files:
        try:
            doc = process_file(path)
        except InputError as e:
            failed += 1
            typer.echo(f"error: {e}", err=True)
            continue
        if show is not None:
            from pipeline.show import show as show_table

            show_table(doc, show)
        elif out is not None:
            with (out / f"{doc.doc_id}.json").open("w", encoding="utf-8") as f:
                doc.write_json(f, indent=1)
        else:
            doc.write_json(sys.stdout, indent=None if jsonl else 1)
            sys.stdout.write("\n")
    raise typer.Exit(1 if failed else 0)
