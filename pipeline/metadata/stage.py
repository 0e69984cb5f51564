"""The ``metadata`` stage: fills ``title``, ``region``, ``organization``, ``year``
(``doc_type`` and the title line come from the ``classify`` stage)."""

from __future__ import annotations

from gongwen.metadata import describe
from gongwen.record import Document
from gongwen.stages import STAGES


@STAGES.register("metadata", requires=["doc.text", "work.source_text", "work.tables", "work.title", "doc.doc_type"],
                 assigns=["doc.title", "doc.region", "doc.organization", "doc.year"])
def metadata_stage(doc: Document) -> Document:
    meta = describe(doc.text, doc.work.source_text, bool(doc.work.tables), doc.work.title, doc.doc_type)
    doc.title = meta.title
    doc.region = meta.region
    doc.organization = meta.organization
    doc.year = meta.year
    return doc
