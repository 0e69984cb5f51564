"""Readable tables of a document's records: ``gongwen extract FILE --show duties``.

Each record kind brings its own renderer (``RecordKind.show``, :mod:`gongwen.kinds`),
built with the helpers here; :func:`show` prints the one asked for. A renderer turns
a :class:`Document` into a Rich table. Rich is imported lazily so a plain
``extract`` does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gongwen import kinds
from gongwen.record import Document

if TYPE_CHECKING:
    from rich.table import Table


def table(title: str, columns: list[str]) -> Table:
    from rich.table import Table

    out = Table(title=title, show_lines=False, expand=False)
    for col in columns:
        out.add_column(col, overflow="fold")
    return out


def cell(value: Any) -> str:
    """A cell: empty for None/[], lists joined with `、`."""
    if value is None or value == []:
        return ""
    if isinstance(value, list):
        return "、".join(cell(v) for v in value)
    return str(value)


def section_label(doc: Document, sid: str | None) -> str:
    sec = doc.section_by_id(sid)
    if sec is None:
        return ""
    return sec.title if sec.title.replace(" ", "") == sec.number.replace(" ", "") else f"{sec.number}{sec.title}"


def names() -> list[str]:
    """The kinds ``--show`` can print (their command-line names)."""
    return kinds.short_names(having="show")


def show(doc: Document, kind: str, width: int | None = None) -> None:
    """Print the table of ``kind`` (a name of :func:`names`: ``duties``, ``meetings``, …) for ``doc``."""
    from rich.console import Console

    renderer = kinds.get(kind).show
    if renderer is None:
        raise KeyError(f"record kind {kind!r} has no table; choose one of {', '.join(names())}")
    console = Console(width=width)
    console.print(f"[bold]{doc.source.path}[/bold]  {doc.title or ''}")
    console.print(renderer(doc))
