"""Keyword prefilters read off a regex: every match holds one of the words."""

from __future__ import annotations

import re

import pytest

from gongwen.extractors.meetings.slots import patterns
from gongwen.prefilter import anchor, finditer, gate, required_words


@pytest.mark.parametrize(("pattern", "words"), [
    ("由(?P<who>[^，。]{1,16}?)召集", {"召集"}),  # the longer literal run wins
    ("(?:提议|要求)[，,]?", {"提议", "要求"}),  # a branch: one of its words
    ("每(?P<per>年|月)召开", {"召开"}),
    ("(?:会议)?主持人?[:：]", {"主持"}),  # an optional group requires nothing
    ("[一二三]、", {"、"}),
])
def test_required_words(pattern: str, words: set[str]) -> None:
    assert required_words(pattern) == words


@pytest.mark.parametrize("pattern", [r"\d+", "[甲乙]+", "(?:甲|[乙丙])", "(?i:abc)"])
def test_no_word_no_prefilter(pattern: str) -> None:
    """A pattern with an alternative that needs no literal (or case folding) gets no prefilter."""
    assert required_words(pattern) is None
    assert gate([re.compile(pattern)]) is None


SENTENCES = [
    "党委会议由党委书记召集并主持，每月召开一次",
    "会议纪录由秘书室派员担任",
    "镇长、副镇长列席会议",
    "必要时可随时召开临时会议",
    "本办法自发布之日起施行",
    "由各科室负责人组成",
    "会议主持人：办公室主任",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_slot_gates_never_hide_a_match(sentence: str) -> None:
    """Where a slot pattern matches, its slot's gate matches too; a sentence the gate
    rejects is one no pattern of the slot matches."""
    for slot, rxs in patterns().items():
        g = gate(rxs)
        if any(rx.search(sentence) for rx in rxs):
            assert g is None or g.search(sentence), (slot, sentence)


def test_gate_rejects_a_sentence_without_the_words() -> None:
    g = gate(patterns()["convener"])
    assert g is not None and g.search("本办法自发布之日起施行") is None


ANCHORED = [
    r"(?P<who>[\u4e00-\u9fff]{2,16}?)(?:可以|可)?列席(?P<body>[\u4e00-\u9fff]{1,14}?会议)(?=[、，,。；;]|$)",
    r"(?:^|(?<=[\s。；;]))(?P<body>[\u4e00-\u9fff]{2,8}?会)(?=由[^，。；;]{1,16}?召集)",
    r"每(?:年|月|周)[^，。；]{0,6}?召开(?:一|两)次",
]
TEXT = ("镇长、副镇长列席党委会议。各科室负责人可列席办公会议，党委书记可以列席。"
        "审查会由副院长召集。每月召开一次。列席会议。每年至少召开两次全体会议；") * 3


@pytest.mark.parametrize("pattern", ANCHORED)
def test_anchored_finditer_finds_what_finditer_finds(pattern: str) -> None:
    """Trying a pattern only near its words gives the same matches, in the same places."""
    rx = re.compile(pattern)
    expected = [(m.start(), m.end(), m.groupdict()) for m in rx.finditer(TEXT)]
    assert expected, "the text must hold matches for the test to say anything"
    assert [(m.start(), m.end(), m.groupdict()) for m in finditer(rx, TEXT)] == expected


def test_anchor_is_the_word_and_how_far_it_may_stand() -> None:
    assert anchor(ANCHORED[0]) == (frozenset(["列席"]), 18)  # 16 characters and `可以` before it
    assert anchor(r"[\u4e00-\u9fff]+列席") is None  # unbounded before its word: no anchor
