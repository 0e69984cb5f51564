"""The ``sections`` record kind: the outline the ``structure`` stage fills (no extractor)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from gongwen.fulltext import DOC_FACTS
from gongwen.kinds import Column, FullText, RecordKind, Searched, register
from gongwen.record import Document, Section


def own_bodies(doc: Document) -> list[str]:
    """The text of each section up to its first subsection: what the section itself says."""
    first_child: dict[str, int] = {}
    for c in doc.sections:
        if c.parent is not None:
            first_child[c.parent] = min(first_child.get(c.parent, c.start), c.start)
    return [doc.text[s.start:min(s.end, max(s.start, first_child.get(s.id, s.end)))] for s in doc.sections]


def _rows(doc: Document, paths: Callable[[str | None], str]) -> Iterable[tuple[Any, ...]]:
    for sec, body in zip(doc.sections, own_bodies(doc), strict=True):
        yield sec.id, sec.parent, sec.level, sec.number, sec.title, paths(sec.id), sec.start, sec.end, body


SECTIONS = register(RecordKind(
    name="sections", record=Section, extract=None, order=10,
    columns=(Column("sid"), Column("parent"), Column("level", "INTEGER"), Column("number"), Column("title"),
             Column("section_path"), Column("start", "INTEGER"), Column("end_offset", "INTEGER"), Column("body")),
    rows=_rows,
    full_text=FullText("t.body", f"coalesce(t.title, '') || ' ' || coalesce(t.section_path, '') || ' ' || {DOC_FACTS}"),
    search=Searched(key="t.doc_id || ':' || t.sid", text="t.body"),
    title_zh="章节",
))
