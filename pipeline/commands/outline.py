"""``gongwen outline FILE``: the document's outline as an indented tree.

A thin wrapper over the pipeline up to the ``structure`` stage: each line shows the
section's number, title, level and character range in the normalized text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongwen import stages
from gongwen.cli import app
from gongwen.errors import InputError
from gongwen.record import Document, Section

#: The stages an outline needs (``metadata`` gives the title shown at the top).
OUTLINE_STAGES = stages.before("extract")


def outline_tree(doc: Document):
    """The outline as a Rich tree (one node per section, nested by ``parent``)."""
    from rich.markup import escape
    from rich.tree import Tree

    root = Tree(f"[bold]{escape(doc.title or doc.source.path)}[/bold]  [dim]{doc.doc_type}[/dim]")
    nodes: dict[str, Tree] = {}
    for s in doc.sections:
        parent = nodes.get(s.parent or "", root)
        nodes[s.id] = parent.add(_label(s))
    if not doc.sections:
        root.add("[dim](no sections)[/dim]")
    return root


def _label(s: Section) -> str:
    from rich.markup import escape

    number = f"[cyan]{escape(s.number)}[/cyan] " if s.number else ""
    return f"{number}{escape(s.title)}  [dim]L{s.level} {s.start}-{s.end}[/dim]"


@app.command()
def outline(
    file: Annotated[Path, typer.Argument(help="File to read (.txt, .docx, .pdf, .html).")],
) -> None:
    """Print the outline of FILE: number, title, level and character range of each section."""
    from rich.console import Console

    from gongwen.process import process_file

    try:
        doc = process_file(file, OUTLINE_STAGES)
    except InputError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None
    Console().print(outline_tree(doc))
