"""The ``normalize`` stage: the record's ``text`` is the normalized source text."""

from __future__ import annotations

from pipeline.normalize import normalize
from pipeline.record import Document
from pipeline.stages import STAGES


@STAGES.register("normalize")
def normalize_stage(doc: Document) -> Document:
    result = normalize(doc.work.source_text)
    doc.text = result.text
    doc.work.offsets = result.offsets
    doc.script = result.script  # type: ignore[assignment]
    doc.warnings.extend(result.warnings)
    return doc
