"""Extractors: one module per kind of record, each registered as a record kind
(:mod:`gongwen.kinds`) under the name of the record field it fills (``figures``,
``duties``, ``meeting_rules``, ``budget_items``).

An extractor is a pure function ``Document -> list[record]``: it reads the
normalized text, the outline and the tables, and returns its records; the
``extract`` stage assigns them, each kind after the kinds it requires. A new
extractor is one package plus its registration (a ``<package>_kind`` module beside
it, listed in :data:`gongwen.kinds.KIND_MODULES`, or any module a plugin imports).
"""

from __future__ import annotations

from gongwen import kinds
from gongwen.record import Document
from gongwen.stages import STAGES


def _assigns() -> list[str]:
    return [f"doc.{k.name}" for k in kinds.extracted()]


@STAGES.register("extract", requires=kinds.requirements, assigns=_assigns)
def extract_stage(doc: Document) -> Document:
    for kind in kinds.extracted():
        doc.set_records(kind.name, kind.run(doc))
    return doc
