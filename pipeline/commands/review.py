"""``gongwen review FILE [--kind figures|duties|meetings|budget] [-o page.html]``:
the text with one kind of extracted record marked, for checking extraction by eye."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongwen.cli import app
from gongwen.errors import InputError
from gongwen.extras import SPACY, MissingExtra


@app.command("review")
def review_command(
    file: Annotated[Path, typer.Argument(help="File to read (.txt, .docx, .pdf, .html).")],
    kind: Annotated[str, typer.Option("--kind", "-k", help="figures, duties, meetings or budget.")] = "figures",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The HTML page to write "
                                                "(default: FILE's name with .<kind>.html).")] = None,
) -> None:
    """Write an HTML page of FILE's text with its figures (or duties, meetings, budget rows) marked."""
    from gongwen.process import process_file
    from gongwen.review import FEATURE, layers, marks, render

    if kind not in layers():
        raise typer.BadParameter(f"unknown kind {kind!r}; known: {', '.join(layers())}", param_hint="--kind")
    try:
        SPACY.require(FEATURE)  # before reading the file: say at once what is missing
        doc = process_file(file)
    except (InputError, MissingExtra) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None
    output = output or Path(f"{file.stem}.{kind}.html")
    found = marks(doc, kind)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(doc, kind, found), encoding="utf-8")
    typer.echo(f"wrote {output} ({len(found)} {kind} marked)")
