"""Readable tables of a document's records: ``gongwen extract FILE --show duties``.

One renderer per record kind, registered by name (the spaCy way), so a new kind is
one function: ``@SHOW.register("kind")``. A renderer turns a :class:`Document` into
a Rich table; :func:`show` prints it. Rich is imported lazily so a plain
``extract`` does not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gongwen.record import Document, FractionRule, Frequency, Meeting
from gongwen.registry import Registry

if TYPE_CHECKING:
    from rich.table import Table

Renderer = Callable[[Document], "Table"]
SHOW: Registry[Renderer] = Registry("record view")


def _table(title: str, columns: list[str]) -> Table:
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _s(value: Any) -> str:
    """A cell: empty for None/[], lists joined with `、`."""
    if value is None or value == []:
        return ""
    if isinstance(value, list):
        return "、".join(_s(v) for v in value)
    return str(value)


def _section(doc: Document, sid: str | None) -> str:
    sec = doc.section_by_id(sid)
    if sec is None:
        return ""
    return sec.title if sec.title.replace(" ", "") == sec.number.replace(" ", "") else f"{sec.number}{sec.title}"


@SHOW.register("duties")
def duties_table(doc: Document) -> Table:
    table = _table(f"duties ({len(doc.duties)})", ["#", "organ", "duty", "section"])
    for i, d in enumerate(doc.duties, 1):
        table.add_row(str(i), _s(d.organ), d.text, _section(doc, d.section))
    return table


def _frequency(f: Frequency | None) -> str:
    if f is None:
        return ""
    return f"{'≥' if f.min else ''}{f.count:g}/{f.per}"


def _fraction(r: FractionRule | None) -> str:
    if r is None:
        return ""
    op = {True: "≥", False: ">", None: ""}[r.inclusive]
    return f"{op}{r.fraction:.4g} of {r.of or '?'}"


def _meeting_slots(m: Meeting) -> list[tuple[str, str]]:
    """The slots a meeting has, as (name, value) pairs; a meeting has too many slots for one row."""
    special = "; ".join(f"{s.matter}: {s.fraction:.4g}" for s in m.special_quorum)
    slots = [("frequency", _frequency(m.frequency)), ("ad hoc", {True: "yes", False: "no", None: ""}[m.ad_hoc]),
             ("convener", _s(m.convener)), ("chair", _s(m.chair)), ("quorum", _fraction(m.quorum)),
             ("special quorum", special), ("vote", _fraction(m.vote_threshold)), ("members", _s(m.members)),
             ("attendees", _s(m.attendees)), ("recorder", _s(m.recorder)),
             ("agenda", "；".join(m.agenda_scope))]
    return [(k, v) for k, v in slots if v]


@SHOW.register("meetings")
def meetings_table(doc: Document) -> Table:
    table = _table(f"meeting rules ({len(doc.meeting_rules)})", ["body", "slot", "value"])
    for m in doc.meeting_rules:
        slots = _meeting_slots(m) or [("", "")]
        for i, (k, v) in enumerate(slots):
            table.add_row(m.body if i == 0 else "", k, v, end_section=i == len(slots) - 1)
    return table


@SHOW.register("figures")
def figures_table(doc: Document) -> Table:
    table = _table(f"figures ({len(doc.figures)})", ["text", "kind", "value", "unit", "cmp", "at"])
    for f in doc.figures:
        table.add_row(f.text, f.kind, _s(f.value), _s(f.unit), _s(f.cmp), str(f.start))
    return table


@SHOW.register("budget")
def budget_table(doc: Document) -> Table:
    table = _table(f"budget items ({len(doc.budget_items)})",
                   ["activity", "parent", "amount", "unit", "indicators", "goal"])
    for b in doc.budget_items:
        table.add_row(b.activity, _s(b.parent), _s(b.amount), _s(b.amount_unit),
                      "、".join(i.name for i in b.indicators), _s(b.goal))
    return table


def show(doc: Document, kind: str, width: int | None = None) -> None:
    """Print the table of ``kind`` (``duties``, ``meetings``, ``figures``, ``budget``) for ``doc``."""
    from rich.console import Console

    console = Console(width=width)
    console.print(f"[bold]{doc.source.path}[/bold]  {doc.title or ''}")
    console.print(SHOW.get(kind)(doc))
