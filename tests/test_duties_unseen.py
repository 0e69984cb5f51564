"""Duty layouts found by running new rules texts (``tests/data/unseen/rules_*``): each case a
short text written for the test and the ``(organ, text)`` pairs an annotator lists."""

from __future__ import annotations

import pytest

from gongwen import stages
from gongwen.extractors.duties import extract_duties
from gongwen.process import process_text


def duties(text: str) -> list[tuple[str | None, str]]:
    doc = process_text(text, stages.before("extract"), path="test.txt")
    return [(d.organ, d.text) for d in extract_duties(doc)]


@pytest.mark.parametrize("text,expected", [
    # a cue whose duties run on in its own sentence, `；`-separated
    ("第五条 乡党委书记的职责：主持乡党委全面工作；召集党委会议；抓好班子建设。\n",
     [("乡党委书记", "主持乡党委全面工作"), ("乡党委书记", "召集党委会议"), ("乡党委书记", "抓好班子建设")]),
    ("第六条 乡党委副书记协助书记工作，其职责是：协助书记处理日常工作；抓好分管工作。\n",
     [("乡党委副书记", "协助书记处理日常工作"), ("乡党委副书记", "抓好分管工作")]),
    # a single clause after the cue is not taken: it may be a lead-in
    ("第七条 委员的职责：按照分工开展工作。\n", []),
    # `X履行下列职责：` over numbered items: X is the organ
    ("第二条 乡政府履行下列职责：\n1.执行乡人民代表大会的决议。\n2.管理本乡的民政工作。\n",
     [("乡政府", "执行乡人民代表大会的决议"), ("乡政府", "管理本乡的民政工作")]),
])
def test_inline_and_verb_headings(text: str, expected: list[tuple[str, str]]) -> None:
    assert duties(text) == expected


def test_last_item_stops_at_run_in_article() -> None:
    text = ("第二条 县委常委会的职责是：（一）组织实施全委会的决议；（二）召集全委会会议。 "
            "第三条 常委会会议一般每月召开一次。\n")
    assert duties(text)[-1] == ("县委常委会", "召集全委会会议")
