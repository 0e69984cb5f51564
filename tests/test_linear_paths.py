"""The long-text paths of the speed work (issue 15) give what the plain definitions give.

Each fast path here replaced a whole-text pass per item (quadratic on a text of one
line) or a list of one string per character; these tests hold them to the plain
definition they replaced, on many small texts, so a later edit cannot drift.
"""

from __future__ import annotations

import random
import re

import pytest

from gongwen.counting import count_chars
from gongwen.normalize import furniture
from gongwen.structure.headings import Heading
from gongwen.structure.levels import Placed
from gongwen.structure.outline import _section_ends

HAN = re.compile(r"[\u4e00-\u9fff]")
SPACE = re.compile(r"\s")


@pytest.mark.parametrize("pattern", [HAN, SPACE])
def test_count_chars_is_the_number_of_matches(pattern: re.Pattern[str]) -> None:
    rng = random.Random(7)
    alphabet = "会议制度每月一次。， \n\u3000ab12"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert count_chars(pattern, text) == len(pattern.findall(text))
        assert count_chars(pattern, text, lo, hi) == len(pattern.findall(text, lo, hi))


def _keep_content_plain(text: str, start: int, anchor: int, end: int, footer: bool) -> tuple[int, int]:
    """keep_content as defined: every sentence of the slices read whole."""
    if anchor > start:
        before = text[start:anchor]
        ends = [m.end() for m in furniture.SENTENCE_END.finditer(before)]
        if ends and furniture.has_prose(before[:ends[-1]]):
            start += ends[-1]
    if footer:
        return start, end
    starts = furniture.prose_starts(text[anchor:end])
    if not starts:
        return start, end
    labels = furniture.label_run_end(text, anchor, end)
    if labels is not None:
        return start, labels
    first_end = furniture.SENTENCE_END.search(text, anchor, end)
    if first_end and first_end.end() <= anchor + starts[-1]:
        return start, first_end.end()
    return start, end


def test_keep_content_reads_windows_as_the_whole_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(furniture, "WINDOW", 3)  # windows far smaller than the sentences
    rng = random.Random(11)
    pieces = ["本单位全体职工认真学习文件精神", "我们", "。", "！", "?", " ", "\n", "|", "[", "来源：", "日期:",
              "2024-01-02", "点击", "分享到"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        start = rng.randint(0, len(text))
        anchor = rng.randint(start, len(text))
        end = rng.randint(anchor, len(text))
        for footer in (False, True):
            assert furniture.keep_content(text, start, anchor, end, footer) == \
                _keep_content_plain(text, start, anchor, end, footer)


def test_line_furniture_on_a_page_of_one_line_keeps_the_text() -> None:
    sentence = "本单位全体职工认真学习文件精神并抓好落实。"
    text = sentence * 300 + "来源：某某网 日期：2024-01-02 " + sentence * 300
    anchor = text.index("来源")
    start, end = furniture.keep_content(text, 0, anchor, len(text))
    assert text[:start] == sentence * 300
    assert text[end:].lstrip().startswith(sentence)


def test_section_ends_are_the_next_heading_of_the_same_level_or_above() -> None:
    rng = random.Random(3)
    for _ in range(300):
        levels = [rng.randint(1, 4) for _ in range(rng.randint(0, 25))]
        placed = [Placed(Heading(start=10 * i, style="cn_dun", rank=None, number="", ordinal=None, title="",
                                 title_end=10 * i + 5, line_index=i, at_line_start=True), level, None)
                  for i, level in enumerate(levels)]
        plain = [next((q.heading.start for q in placed[i + 1:] if q.level <= p.level), 999)
                 for i, p in enumerate(placed)]
        assert _section_ends(placed, 999) == plain


def test_source_lines_answer_each_document_for_itself() -> None:
    from gongwen.extractors.budget_text import _source_lines, source_lines
    from gongwen.process import process_text

    a = process_text("项目名称 某工程\n年度预算 120\n")
    b = process_text("第一条 为了规范会议。\n第二条 会议每月召开一次。\n第三条 本制度自发布之日起施行。\n")
    for doc in (a, b, a):
        lines = source_lines(doc)
        assert lines == _source_lines(doc.text, doc.work.offsets, doc.work.source_text)
        lines.clear()  # the caller's copy: the next answer is whole again
        assert source_lines(doc) == _source_lines(doc.text, doc.work.offsets, doc.work.source_text)
