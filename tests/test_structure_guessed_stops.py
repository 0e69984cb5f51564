"""Full stops the punctuation restorer guessed after heading lines (structure.guessed_stops,
the structure stage's reading of a restored text). Texts written for these tests."""

from __future__ import annotations

from gongwen.metadata.title import Title
from gongwen.normalize.punctuation import RESTORED_NOTE
from gongwen.record import Document, Source
from gongwen.structure.guessed_stops import heading_stops
from gongwen.structure.stage import structure_stage

#: The restored text: its source had no marks at all; the restorer closed the heading lines
#: with 。 as if they were sentences, and the item lines with ；.
TEXT = ("青松县委工作规则\n"
        "一、议事规则\n"
        "（一）全委会会议制度。\n"
        "1、全委会讨论决定全县经济社会发展的重大问题；\n"
        "2、全委会讨论决定重要干部任免事项；\n"
        "（二）书记办公会议制度。\n"
        "1、书记办公会研究需要提交常委会讨论的重要事项；\n"
        "2、书记办公会研究日常工作中的重要问题；\n"
        "（三）议题在会前一天通知参会人员。\n")
MARKS = "、。；（），"


def _source_and_offsets(text: str) -> tuple[str, list[int]]:
    """The marks-free source and the offset map of a restorer that inserted every mark."""
    source, offsets = [], []
    for ch in text:
        offsets.append(len(source))
        if ch not in MARKS:
            source.append(ch)
    offsets.append(len(source))
    return "".join(source), offsets


def test_a_guessed_stop_closing_a_heading_shaped_line_is_found() -> None:
    guessed = frozenset(i for i, ch in enumerate(TEXT) if ch in MARKS)
    stops = heading_stops(TEXT, guessed)
    assert sorted(TEXT[text_start(i):i] for i in stops) == ["（一）全委会会议制度", "（二）书记办公会议制度"]
    assert heading_stops(TEXT, frozenset()) == frozenset()  # a stop the source had stays evidence


def text_start(i: int) -> int:
    return TEXT.rfind("\n", 0, i) + 1


def _doc(text: str, restored: bool) -> Document:
    source, offsets = _source_and_offsets(text)
    doc = Document(source=Source(path="t.txt", format="txt", encoding="utf-8", bytes=1, sha256="0" * 64),
                   text=text, doc_type="work_rules")
    doc.work.source_text, doc.work.offsets = source, offsets
    doc.work.title = Title("青松县委工作规则", (0, 8))
    if restored:
        doc.warnings.append(f"{RESTORED_NOTE} the text had lost its punctuation; 40 marks restored")
    return doc


def test_the_outline_of_a_restored_text_keeps_its_headings_and_offsets() -> None:
    doc = structure_stage(_doc(TEXT, restored=True))
    titles = [s.title for s in doc.sections]
    assert "全委会会议制度" in titles and "书记办公会议制度" in titles
    assert "议题在会前一天通知参会人员" not in titles  # a clause, whatever its stop
    for s in doc.sections:  # offsets point into the record's own text
        assert TEXT[s.start:].startswith(s.number)
        assert 0 <= s.start < s.end <= len(TEXT)
