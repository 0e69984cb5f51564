"""The ``duties`` record kind: its registration (store row, full text, search, show, review)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from gongwen.fulltext import DOC_FACTS
from gongwen.kinds import Column, FullText, RecordKind, Searched, register
from gongwen.record import Document, Duty
from gongwen.review import Mark

if TYPE_CHECKING:
    from rich.table import Table


def _rows(doc: Document, paths: Callable[[str | None], str]) -> Iterable[tuple[Any, ...]]:
    for d in doc.duties:
        yield d.id, d.organ, d.text, d.start, d.end, d.section, paths(d.section)


def _show(doc: Document) -> Table:
    from gongwen.show import cell, section_label, table

    out = table(f"duties ({len(doc.duties)})", ["#", "organ", "duty", "section"])
    for i, d in enumerate(doc.duties, 1):
        out.add_row(str(i), cell(d.organ), d.text, section_label(doc, d.section))
    return out


def _marks(doc: Document) -> Iterable[Mark]:
    return (Mark(d.start, d.end, f"职责 · {d.organ}" if d.organ else "职责") for d in doc.duties)


def _page_marks(doc: Document) -> Iterable[tuple[str, int, int, str]]:
    return ((d.id, d.start, d.end, f"{d.organ or '—'}：{d.text}") for d in doc.duties)


DUTIES = register(RecordKind(
    name="duties", record=Duty, order=20,
    extract="gongwen.extractors.duties:extract_duties",
    requires=("doc.text", "doc.sections", "doc.title", "doc.organization"),
    columns=(Column("did"), Column("organ"), Column("text"), Column("start", "INTEGER"),
             Column("end_offset", "INTEGER"), Column("section"), Column("section_path")),
    rows=_rows,
    full_text=FullText("t.text", f"coalesce(t.organ, '') || ' ' || coalesce(t.section_path, '') || ' ' || {DOC_FACTS}"),
    search=Searched(key="t.doc_id || ':' || t.did", text="t.text", organ="t.organ"),
    label="duties", title_zh="职责", show=_show, marks=_marks, colors={"职责": "#9ccfd8"},
    page_marks=_page_marks, css="k-duty",
))
