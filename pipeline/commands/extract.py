"""``gongwen extract FILE... [--out DIR | --jsonl]``: one document record per input."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from gongwen.cli import app
from gongwen.commands.options import FollowLinksOpt
from gongwen.errors import InputError
from gongwen.process import process_file
from gongwen.record import Document

#: Standard input has no suffix: its format is read off its first bytes.
MAGIC = ((b"%PDF-", "pdf"), (b"PK\x03\x04", "zip"), (b"<!doctype html", "html"), (b"<html", "html"))
#: Which zip-based format a zip is, by the folder its main part lives in.
ZIP_PARTS = (("word/", "docx"), ("xl/", "xlsx"))
STDIN = "-"


def _stdin_format(data: bytes) -> str:
    """The format of bytes that came without a name: PDF, a Word (or Excel) zip, HTML, else text."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    fmt = next((f for magic, f in MAGIC if head.startswith(magic.lower())), "txt")
    if fmt == "zip":
        import io
        import zipfile

        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "docx"  # the .docx reader names what is wrong with it
        fmt = next((f for part, f in ZIP_PARTS if any(n.startswith(part) for n in names)), "docx")
    return fmt


def _from_stdin() -> Document:
    from gongwen.ingest import MAX_BYTES, from_bytes
    from gongwen.process import process

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError("<stdin>", f"over the {MAX_BYTES / 1e6:.0f} MB limit")
    return process(from_bytes(data, "<stdin>", _stdin_format(data)))


def _out_name(doc: Document, path: Path | str, taken: set[str]) -> str:
    """``report.json`` for ``report.pdf``; ``report-<hash>.json`` when another input of this
    run (``a/report.txt``, ``b/report.txt``) already took the name."""
    stem = "stdin" if str(path) == STDIN else Path(path).stem or "document"
    name = f"{stem}.json"
    if name in taken:
        name = f"{stem}-{doc.doc_id[:12]}.json"
    taken.add(name)
    return name


def _inputs(paths: list[Path], follow_links: bool) -> list[Path | InputError]:
    """The files to extract: a file as given; a folder walked like ``gongwen run`` walks it
    (readable formats only, links out of it refused). A refused entry is an ``InputError``."""
    from gongwen.batch.discover import discover

    out: list[Path | InputError] = []
    for path in paths:
        if str(path) == STDIN or not path.is_dir():
            out.append(path)
            continue
        found = discover([path], follow_links=follow_links)
        out += [Path(f) for f in found.files]
        out += [InputError(p, reason) for p, reason in found.refused.items()]
        if not found.files and not found.refused:
            out.append(InputError(path, "folder holds no file of a readable format"))
    return out


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Files to read (.txt, .docx, .pdf, .html), folders "
                                                 "(searched recursively), or - for standard input.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write DIR/<input name>.json per input.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one record per line.")] = False,
    show: Annotated[str | None, typer.Option(
        "--show", help="Print a table of duties|meetings|figures|budget per file instead of JSON.")] = None,
    follow_links: FollowLinksOpt = False,
) -> None:
    """Extract the document record of each file.

    Without --out or --jsonl each record is printed as indented JSON. A file that
    cannot be read is reported in one line on stderr; the exit status is 1 when
    any file failed, 0 otherwise.
    """
    if out is not None and jsonl:
        raise typer.BadParameter("--out and --jsonl exclude each other")
    if show is not None:
        from gongwen.show import names

        if show not in names():
            raise typer.BadParameter(f"--show takes one of {', '.join(names())}, not {show!r}")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    failed = 0
    taken: set[str] = set()
    for path in _inputs(files, follow_links):
        try:
            if isinstance(path, InputError):
                raise path
            doc = _from_stdin() if str(path) == STDIN else process_file(path)
        except InputError as e:
            failed += 1
            typer.echo(f"error: {e}", err=True)
            continue
        if show is not None:
            from gongwen.show import show as show_table

            show_table(doc, show)
        elif out is not None:
            with (out / _out_name(doc, path, taken)).open("w", encoding="utf-8") as f:
                doc.write_json(f, indent=1)
        else:
            doc.write_json(sys.stdout, indent=None if jsonl else 1)
            sys.stdout.write("\n")
    raise typer.Exit(1 if failed else 0)
