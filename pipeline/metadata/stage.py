"""The ``metadata`` stage: fills ``title``, ``doc_type``, ``region``, ``organization``, ``year``."""

from __future__ import annotations

from gongwen.metadata import Title, describe
from gongwen.record import Document
from gongwen.stages import STAGES


@STAGES.register("metadata")
def metadata_stage(doc: Document) -> Document:
    title = doc.work.extra.get("title")
    meta = describe(doc.text, doc.work.source_text, bool(doc.work.tables),
                    title if isinstance(title, Title) else None)
    doc.title = meta.title
    doc.doc_type = meta.doc_type  # type: ignore[assignment]
    doc.region = meta.region
    doc.organization = meta.organization
    doc.year = meta.year
    return doc
