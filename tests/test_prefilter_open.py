"""``may_open``: which characters a pattern's match may begin with, read off its parse tree.

A caller skips a pattern at a place whose character cannot open it, so a False must never
hide a match: checked against the engine on generated text for the heading marker styles
and the figures extractor's not-a-figure patterns.
"""

from __future__ import annotations

import random
import re

import pytest

from gongwen.extractors.figures.lexicon import lexicon
from gongwen.prefilter import anchor, finditer, may_open
from gongwen.structure.markers import match_marker, styles

#: characters the patterns under test are made of, and some they are not
POOL = "第篇章节条部分类一二三四五六七八九十百零〇两壹贰叁0123456789９①③、．.（）()【】〔〕：:是 \u3000\n届级号分时点期年月日会议x_A-—+＋《》“”"


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(POOL) for _ in range(rng.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize(("pattern", "opening", "not_opening"), [
    (r"(?<![x])a", "a", "xb"),
    (r"a?b", "ab", "c"),
    (r"\s*x", " \u3000\nx", "y"),
    (r"(?:上|下)半年", "上下", "半年"),
    (r"\d{1,2}、", "1９", "①a"),  # ① is a digit to str.isdigit, not to \d
    (r"[^a]", "b一", "a"),
    (r"(?i)a", "aAb", ""),  # a pattern that ignores case is never ruled out
    (r"(?a)\D", "a９", ""),  # nor one whose \d means ASCII digits only
])
def test_may_open(pattern: str, opening: str, not_opening: str) -> None:
    assert all(may_open(pattern, ch) for ch in opening)
    assert not any(may_open(pattern, ch) for ch in not_opening)


def _patterns() -> list[re.Pattern[str]]:
    return [st.pattern for st in styles()] + list(lexicon().not_figures)


@pytest.mark.parametrize("seed", range(4))
def test_a_match_always_opens_on_a_character_that_may_open_it(seed: int) -> None:
    matched = 0
    for text in _texts(seed, 1500):
        for rx in _patterns():
            for i in range(len(text)):
                m = rx.match(text, i)
                if m is not None and m.end() > i:
                    matched += 1
                    assert may_open(rx.pattern, text[i]), (rx.pattern, text, i)
    assert matched > 100, "the generated text must hold matches for the test to say anything"


def test_match_marker_tries_the_styles_in_table_order() -> None:
    """The first style of the table that matches wins, as when every style was tried."""
    found = 0
    for text in _texts(7, 3000):
        for line_start in (True, False):
            expected = next(((st.name, m.span()) for st in styles() if line_start or st.inline
                             for m in [st.pattern.match(text)] if m), None)
            got = match_marker(text, 0, line_start)
            assert (None if got is None else (got[0].name, got[1].span())) == expected, text
            found += expected is not None
    assert found > 100


def test_anchor_reads_into_a_group_of_unbounded_width() -> None:
    """The words opening an unbounded group after a bounded name anchor the pattern: the
    organ endings before them are too frequent to try the pattern near each."""
    pattern = r"(?:^|(?<=[。；]))(?P<org>[\u4e00-\u9fff]{0,6}?(?:室|科))(?P<text>(?:掌理|综理)[^。；]+)"
    found = anchor(pattern)
    assert found is not None and found[0] == frozenset(["掌理", "综理"])
    assert 7 <= found[1] <= 9  # the name takes at most 7; the word stands within the group's 2
    rx = re.compile(pattern)
    text = ("人事室掌理本会人事事项。会计室综理岁计会计事项；秘书科负责文书。" * 40 + "本科掌理档案") * 3
    expected = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
    assert len(expected) > 200
    assert [(m.span(), m.groupdict()) for m in finditer(rx, text)] == expected



LED = [r"\d+部队", r"[一二三四五六七八九十]+届(?=[市县区]|全国)", r"[\d一二三]{2,}字第", r"\d+?号(?!码)"]


@pytest.mark.parametrize("pattern", LED)
def test_a_pattern_led_by_a_run_finds_what_finditer_finds(pattern: str) -> None:
    """Tried only at the run before each of its words, a pattern finds the same matches."""
    from gongwen.prefilter import finditer_led, lead

    led = lead(pattern)
    assert led is not None
    rng = random.Random(pattern)
    runs = ["1", "23", "一", "二三", "十", "4一", ""]
    words = ["部队", "届", "届市", "届全国", "字第", "号", "号码", "，", "\n"]
    rx = re.compile(pattern)
    found = 0
    for _ in range(200):
        # the words rare enough that the runs before them are tried, not the engine's own pass
        text = "".join(rng.choice(runs) + rng.choice(runs) + rng.choice(words) if rng.random() < 0.15
                       else "会议的召开时间" for _ in range(60))
        assert text.count(led[1]) * 20 <= len(text)
        expected = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in finditer_led(rx, text)] == expected, text
        found += len(expected)
    assert found > 50


def test_no_lead_where_the_run_takes_the_word() -> None:
    from gongwen.prefilter import lead

    assert lead(r"[\u4e00-\u9fff]+列席") is None  # 列 is itself a Han character: runs would overlap
    assert lead(r"\d*部队") is None  # a run that may be empty
