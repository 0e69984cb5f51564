"""The ``structure`` stage: fills ``sections`` with the document's outline.

The title line is not a section and lead sentences head numbered paragraphs only in
reports, so the stage asks :mod:`gongwen.metadata` for the title and the document type
first (keeping the title in ``work.extra`` for the metadata stage).
"""

from __future__ import annotations

from gongwen.metadata import classify, find_title
from gongwen.record import Document
from gongwen.stages import STAGES
from gongwen.structure.classifier import lead_scorer
from gongwen.structure.outline import outline


@STAGES.register("structure")
def structure_stage(doc: Document) -> Document:
    title = find_title(doc.text, doc.work.source_text)
    doc.work.extra["title"] = title
    doc_type = classify(doc.text, title.text, bool(doc.work.tables))
    skip = [(t.start, t.end) for t in doc.work.tables]
    doc.sections, warnings = outline(doc.text, doc_type=doc_type, skip=skip, title_span=title.span,
                                     lead_score=lead_scorer(), title_text=title.text)
    doc.warnings.extend(warnings)
    return doc
