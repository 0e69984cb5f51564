"""Meeting rules copied with their line breaks lost: article headings run into the names
after them and the title runs into the text. The texts are written for these tests."""

from __future__ import annotations

from gongwen import stages
from gongwen.extractors.meetings import extract_meetings
from gongwen.process import process_text
from gongwen.record import Meeting


def meetings(text: str) -> dict[str, Meeting]:
    doc = process_text(text, stages.before("extract"), path="test.txt")
    return {m.body: m for m in extract_meetings(doc)}


def test_article_heading_is_no_part_of_a_meeting_name() -> None:
    text = ("某区人大常委会主任会议议事规则\n第一条为规范议事，制定本规则。第二条主任会议由主任召集并主持。"
            "第三条主任会议一般每月召开一次。第四条主任会议须有全体组成人员过半数出席始得举行。")
    found = meetings(text)
    assert list(found) == ["某区人大常委会主任会议"]
    m = found["某区人大常委会主任会议"]
    assert m.frequency is not None and not m.frequency.text.startswith("第")
    assert m.convener is not None


def test_title_run_into_the_text_names_the_meeting() -> None:
    text = ("审议会会议规则最新修正日期：20190101法规类别：行政第 1 条本规则依组织法订定之。"
            "第 2 条本会议每月举行一次，由主任委员召集并担任主席。"
            "第 3 条本会议须有委员二分之一以上出席，方得开会。")
    found = meetings(text)
    assert list(found) == ["审议会会议"]
    assert found["审议会会议"].quorum is not None


def test_database_label_whose_colon_was_stripped_is_no_part_of_the_title() -> None:
    text = ("法规名称审议会会议规则\n第一条本规则依组织法订定之\n第二条本会议每月举行一次由主任委员召集\n"
            "第三条本会议须有委员二分之一以上出席方得开会\n")
    assert list(meetings(text)) == ["审议会会议"]
