"""``gongwen brief FILE... [-o brief.docx] [--format docx|md] [--max-chars N] [--per-piece]``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from gongwen.briefs import build_brief, render_docx, render_markdown
from gongwen.briefs.compose import DEFAULT_MAX_CHARS
from gongwen.cli import app
from gongwen.errors import InputError
from gongwen.process import process_file

#: Bounds of --max-chars: below one sentence or two a brief says nothing; above a
#: long report's length the bound bounds nothing.
MIN_CHARS, MAX_CHARS = 100, 100_000


@app.command()
def brief(
    files: Annotated[list[Path], typer.Argument(help="Reports to draft from (several: one combined brief).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where to write (default brief.docx / stdout for md).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="docx or md.")] = "docx",
    max_chars: Annotated[int, typer.Option("--max-chars", min=MIN_CHARS, max=MAX_CHARS, help=(
        "Upper bound on the quoted text (lead, headings, sentences); the default is one to two pages."
    ))] = DEFAULT_MAX_CHARS,
    per_piece: Annotated[bool, typer.Option("--per-piece", help="One brief per piece of a compilation.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show the ranking scores in the Word comments.")] = False,
) -> None:
    """Draft a brief from reports: every sentence is quoted from the source, with its place."""
    if fmt not in ("docx", "md"):
        raise typer.BadParameter("--format is docx or md")
    docs = []
    for path in files:
        try:
            docs.append(process_file(path))
        except InputError as e:
            typer.echo(f"error: {e}", err=True)
    if not docs:
        raise typer.Exit(1)
    briefs = build_brief(docs, max_chars=max_chars, per_piece=per_piece)
    for i, b in enumerate(briefs):
        if fmt == "md":
            text = render_markdown(b)
            if output is None:
                sys.stdout.write(text)
            else:
                target = _numbered(output, i, len(briefs))
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        else:
            target = _numbered(output or Path("brief.docx"), i, len(briefs))
            target.parent.mkdir(parents=True, exist_ok=True)
            render_docx(b, target, explain=explain)
            typer.echo(f"wrote {target}")
    raise typer.Exit(1 if len(docs) < len(files) else 0)


def _numbered(path: Path, i: int, n: int) -> Path:
    return path if n == 1 else path.with_name(f"{path.stem}-{i + 1}{path.suffix}")
