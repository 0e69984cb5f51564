"""Text whose conversion put blanks inside words all through it (``乡镇 人民代 表大会``)."""

from __future__ import annotations

from gongwen.structure import outline
from gongwen.structure.lines import spaced_words

#: Articles written for this test, with a converter's blanks inside words and numerals.
SPACED = "\n".join([
    "第一条 为规范 乡镇人民代 表大会主席团的工作 根据有关法律 制定本办法。",
    "第二条 乡镇 人民代表大会主 席团由代表选举产生 对代表大会 负责并报告工作。",
    "第三条 主席团 在代表大会闭 会期间每季度 至少召开一次会议 听取政府工作情况 的汇报。",
    "第十 一条 主席团 会议由主席召 集并主持 主席不能 出席时由副主 席召集并主持。",
])
#: The same articles as a writer sets them: a short title after a blank.
TITLED = "第一条 工作依据\n本办法根据有关法律制定，适用于本镇人民代表大会主席团。\n" * 2


def test_blanks_inside_words_are_no_title_separators() -> None:
    assert spaced_words(SPACED * 3)
    sections, _ = outline(SPACED * 3, doc_type="work_rules")
    assert [s.title for s in sections][:4] == ["第一条", "第二条", "第三条", "第十一条"]


def test_a_title_set_off_by_a_writer_s_blank_is_kept() -> None:
    assert not spaced_words(TITLED * 3)
    sections, _ = outline(TITLED, doc_type="work_rules")
    assert sections[0].title == "工作依据"
