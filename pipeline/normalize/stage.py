"""The ``normalize`` stage: the record's ``text`` is the normalized source text.

``doc.work.offsets`` receives the normalizer's offset map, an ``array('i')``
(indexable like a list, 4 bytes a character) of ``len(doc.text) + 1`` entries.
"""

from __future__ import annotations

from gongwen.normalize import normalize
from gongwen.record import Document
from gongwen.stages import STAGES


@STAGES.register("normalize", requires=["work.source_text"], assigns=["doc.text", "work.offsets", "doc.script"])
def normalize_stage(doc: Document) -> Document:
    result = normalize(doc.work.source_text)
    doc.text = result.text
    doc.work.offsets = result.offsets  # type: ignore[assignment]
    doc.script = result.script  # type: ignore[assignment]
    doc.warnings.extend(result.warnings)
    return doc
