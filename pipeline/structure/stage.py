"""The ``structure`` stage: fills ``sections`` with the document's outline.

The title line is not a section and lead sentences head numbered paragraphs only in
reports, so the stage requires the title line and the document type, which the
``classify`` stage finds before it. In a text whose punctuation was restored, the
outline reads the text without the full stops guessed after heading lines
(:mod:`gongwen.structure.guessed_stops`), and its offsets are mapped back.
"""

from __future__ import annotations

import bisect

from gongwen.normalize.guessed import guessed_marks, without
from gongwen.normalize.punctuation import RESTORED_NOTE
from gongwen.record import Document, Section
from gongwen.stages import STAGES
from gongwen.structure.classifier import lead_scorer
from gongwen.structure.guessed_stops import heading_stops
from gongwen.structure.outline import outline


@STAGES.register("structure", requires=["doc.text", "work.tables", "work.title", "doc.doc_type"],
                 assigns=["doc.sections"])
def structure_stage(doc: Document) -> Document:
    title = doc.work.title
    assert title is not None  # the classify stage, which this stage requires, sets it
    skip = [(t.start, t.end) for t in doc.work.tables]
    text, span = doc.text, title.span
    drop: frozenset[int] = frozenset()
    if any(w.startswith(RESTORED_NOTE) for w in doc.warnings):
        drop = heading_stops(text, guessed_marks(text, doc.work.source_text, doc.work.offsets))
    index: list[int] | None = None
    if drop:
        text, index = without(text, drop)

        def to_view(i: int) -> int:
            return bisect.bisect_left(index, i)  # type: ignore[arg-type]

        skip = [(to_view(s), to_view(e)) for s, e in skip]
        span = (to_view(span[0]), to_view(span[1])) if span else None
    sections, warnings = outline(text, doc_type=doc.doc_type, skip=skip, title_span=span,
                                 lead_score=lead_scorer(), title_text=title.text)
    if index is not None:
        sections = [Section(s.id, s.parent, s.level, s.number, s.title, index[s.start], index[s.end])
                    for s in sections]
    doc.sections = sections
    doc.warnings.extend(warnings)
    return doc
