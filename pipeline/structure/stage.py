"""The ``structure`` stage: fills ``sections`` with the document's outline.

The title line is not a section and lead sentences head numbered paragraphs only in
reports, so the stage requires the title line and the document type, which the
``classify`` stage finds before it.
"""

from __future__ import annotations

from gongwen.record import Document
from gongwen.stages import STAGES
from gongwen.structure.classifier import lead_scorer
from gongwen.structure.outline import outline


@STAGES.register("structure", requires=["doc.text", "work.tables", "work.title", "doc.doc_type"],
                 assigns=["doc.sections"])
def structure_stage(doc: Document) -> Document:
    title = doc.work.title
    assert title is not None  # the classify stage, which this stage requires, sets it
    skip = [(t.start, t.end) for t in doc.work.tables]
    doc.sections, warnings = outline(doc.text, doc_type=doc.doc_type, skip=skip, title_span=title.span,
                                     lead_score=lead_scorer(), title_text=title.text)
    doc.warnings.extend(warnings)
    return doc
