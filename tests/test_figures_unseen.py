"""The figures extractor on documents it was never tuned on.

``tests/data/unseen/figures_*.txt`` are figure-dense documents written for these tests in
the style of the seeds: a 镇 yearbook entry, a 县政府工作报告, a 组织部 half-year summary,
a traditional-script report of the Executive Yuan (民国 years, 兆/亿/万 amounts) and a 县委
组织部 experience report in Chinese numerals. Beside each, ``figures_*.expected.json`` holds
what a careful annotator following RECORDS.md writes: the document's ``year``, every
figure as (text, kind, value, unit, cmp) in reading order, and ``not_figures``: traps
(ordinals, slogans, document numbers, hotlines, clock times, cited titles) in which no
figure may start.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from unseen import cases, expected, source, texts

from gongwen.extractors.figures import figures_of
from gongwen.normalize import normalize
from gongwen.record import Figure

CASES = cases("figures_")


@cache
def text_of(name: str) -> str:
    return normalize(source(name)).text


@cache
def figures(name: str) -> tuple[Figure, ...]:
    return tuple(figures_of(text_of(name), expected(name)["year"]))


def test_every_document_has_expectations() -> None:
    assert len(CASES) >= 4
    assert {f"{c}.txt" for c in CASES} == texts("figures_")


@pytest.mark.parametrize("name", CASES)
def test_figures_as_annotated(name: str) -> None:
    got = [(f.text, f.kind, f.value, f.unit, f.cmp) for f in figures(name)]
    want = [(f["text"], f["kind"], f["value"], f["unit"], f["cmp"]) for f in expected(name)["figures"]]
    assert got == want


@pytest.mark.parametrize("name", CASES)
def test_traps_hold_no_figure(name: str) -> None:
    text = text_of(name)
    inside = []
    for trap in expected(name)["not_figures"]:
        at = text.find(trap)
        assert at >= 0, f"trap {trap!r} is not in the normalized text"
        inside += [(trap, f.text) for f in figures(name) if at <= f.start < at + len(trap)]
    assert inside == []


@pytest.mark.parametrize("name", CASES)
def test_spans_are_the_surface(name: str) -> None:
    text = text_of(name)
    assert [f.text for f in figures(name) if text[f.start:f.end] != f.text] == []


#: the rules the documents above made the extractor learn, one sentence each (document year 2019)
LEARNED = [
    ("截至本年8月底，外汇存底为4,658亿美元。", [("本年8月底", "date", "2019-08", None, None),
                                              ("4,658亿美元", "money", 465800000000, "美元", None)]),
    ("自去年1月启动以来。", [("去年1月", "date", "2018-01", None, None)]),
    ("于同年10月召开第二次会议，并于次年3月通过验收。", [("同年10月", "date", "2019-10", None, None),
                                                      ("次年3月", "date", "2020-03", None, None)]),
    ("每年11月至次年2月为森林防火期。", [("11月至次年2月", "date", ["2019-11", "2020-02"], None, None)]),
    ("2018年11月至次年1月开展整治。", [("2018年11月至次年1月", "date", ["2018-11", "2019-01"], None, None)]),
    ("服务据点由民国104年底之3万9千人增至18万余人。", [("民国104年底", "date", "2015", None, None),
                                                ("3万9千人", "count", 39000, "人", None),
                                                ("18万余人", "count", 180000, "人", ">")]),
    ("金额约新台币870亿元。", [("870亿元", "money", 87000000000, "元", "~")]),
    ("比例为七比三。", [("七比三", "ratio", [7, 3], None, None)]),
    ("按一比一的比例配套资金。", [("一比一", "ratio", [1, 1], None, None)]),
    ("开展三比三看活动。", []),
    ("镇七届人大三次会议召开，应到代表58名。", [("58名", "count", 58, "名", None)]),
    ("连任两届。", [("两届", "count", 2, "届", None)]),
    ("抽查干部档案不少于300卷。", [("300卷", "count", 300, "卷", ">=")]),
    ("每轮试题100道。", [("100道", "count", 100, "道", None)]),
    ("修建3条道路。", [("3条", "count", 3, "条", None)]),
    ("考试成绩在60分以下的不合格，实行100分制。", [("60分", "count", 60, "分", "<=")]),
    ("上午9时30分召开。", []),
    ("计有二十二县市、三百六十八乡镇市区参与。", [("二十二县市", "count", 22, "县市", None),
                                              ("三百六十八乡镇市区", "count", 368, "乡镇市区", None)]),
    ("每月逢5、15、25日为集中办理日。", [("5", "date", "---05", None, None), ("15", "date", "---15", None, None),
                                       ("25日", "date", "---25", None, None)]),
    ("3月5、6日召开会议。", [("3月5", "date", "2019-03-05", None, None), ("6日", "date", "2019-03-06", None, None)]),
    ("会议于每月逢10日召开。", [("10日", "date", "---10", None, None)]),
    ("全年降水量1,235.6毫米。", [("1,235.6毫米", "count", 1235.6, "毫米", None)]),
]


@pytest.mark.parametrize(("text", "want"), LEARNED)
def test_learned_rules(text: str, want: list[tuple[Any, ...]]) -> None:
    assert [(f.text, f.kind, f.value, f.unit, f.cmp) for f in figures_of(text, 2019)] == want
