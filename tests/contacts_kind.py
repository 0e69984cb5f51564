"""A small record kind for the tests: telephone numbers (``contacts``), added the way a
new extractor package is — a dataclass, a pure extractor and one registration — and
named nowhere else. Importing this module registers the kind (workers of a batch run
import it as a plugin); the tests forget it again with ``KINDS.remove``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gongwen.fulltext import DOC_FACTS
from gongwen.kinds import Column, FullText, RecordKind, Searched, register
from gongwen.record import Document
from gongwen.review import Mark

if TYPE_CHECKING:
    from rich.table import Table

#: An area code and a local number (`0768-2281234`), or a mobile number.
PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9})(?!\d)")


@dataclass
class Contact:
    text: str
    start: int
    end: int


def extract_contacts(doc: Document) -> list[Contact]:
    return [Contact(m.group(), m.start(), m.end()) for m in PHONE.finditer(doc.text)]


def _rows(doc: Document, paths: Callable[[str | None], str]) -> Iterable[tuple[Any, ...]]:
    for i, c in enumerate(doc.records("contacts")):
        line_start = doc.text.rfind("\n", 0, c.start) + 1
        line_end = doc.text.find("\n", c.end)
        sec = doc.section_at(c.start)
        yield i, c.text, c.start, c.end, doc.text[line_start:line_end if line_end != -1 else None], \
            paths(sec.id) if sec else ""


def _show(doc: Document) -> Table:
    from gongwen.show import table

    out = table(f"contacts ({len(doc.records('contacts'))})", ["number", "at"])
    for c in doc.records("contacts"):
        out.add_row(c.text, str(c.start))
    return out


def _marks(doc: Document) -> Iterable[Mark]:
    return (Mark(c.start, c.end, "电话") for c in doc.records("contacts"))


def _page_marks(doc: Document) -> Iterable[tuple[str, int, int, str]]:
    return ((f"c{i + 1}", c.start, c.end, c.text) for i, c in enumerate(doc.records("contacts")))


CONTACTS = RecordKind(
    name="contacts", record=Contact, extract=extract_contacts, order=60, requires=("doc.text", "doc.sections"),
    columns=(Column("ord", "INTEGER"), Column("text"), Column("start", "INTEGER"), Column("end_offset", "INTEGER"),
             Column("line"), Column("section_path")),
    rows=_rows,
    full_text=FullText("t.line", f"coalesce(t.section_path, '') || ' ' || {DOC_FACTS}"),
    search=Searched(key="t.doc_id || ':c' || t.ord", text="t.line", figure="t.text"),
    label="phone numbers", title_zh="电话", show=_show, marks=_marks, colors={"电话": "#eed49f"},
    page_marks=_page_marks,
    card='<section class="card"><h2>电话</h2>{% for c in doc.records("contacts") %}<p>{{ c.text }}</p>{% endfor %}</section>',
)

register(CONTACTS)

