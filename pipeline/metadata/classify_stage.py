"""The ``classify`` stage: the document's title line and type, found once, before the
outline (``structure`` needs both: the title line is not a section, and lead sentences
head numbered paragraphs only in reports) and read again by ``metadata``."""

from __future__ import annotations

from gongwen.extractors.budget_fused import has_fused_table
from gongwen.metadata import doc_type_of, find_title
from gongwen.normalize.guessed import guessed_marks
from gongwen.record import Document
from gongwen.stages import STAGES

#: How far into the text guessed marks are looked for: the title stands in the opening lines
#: (a text whose breaks were lost runs on beyond, where no title line is judged by its marks).
TITLE_HEAD = 5000


@STAGES.register("classify", requires=["doc.text", "work.source_text", "work.tables"],
                 assigns=["work.title", "doc.doc_type"])
def classify_stage(doc: Document) -> Document:
    guessed = guessed_marks(doc.text, doc.work.source_text, doc.work.offsets, TITLE_HEAD)
    doc.work.title = find_title(doc.text, doc.work.source_text, guessed)
    # a table copied with no cell separators is a table too, though the tables stage found none
    tables = bool(doc.work.tables) or has_fused_table(doc.text)
    doc.doc_type = doc_type_of(doc.text, doc.work.title, doc.work.source_text, tables)  # type: ignore[assignment]
    return doc
