"""The year patterns of ``is_roc``, the scanner's bracket mask and the bare-marker pattern
open on a literal or a numeral, their look-behinds moved after it (a leading look-behind
makes `re` try every character): they must match where the plain forms match, on
generated text."""

from __future__ import annotations

import random
import re

from gongwen.extractors.figures import GREGORIAN_YEAR, ROC_MARK, ROC_YEAR

PLAIN = {
    GREGORIAN_YEAR: re.compile(r"(?<!\d)(?:19|20)\d\d[ \u3000]*年"),
    ROC_YEAR: re.compile(r"(?:(?<![\d.,])|(?<=,\d{3}))(1[0-3]\d)[ \u3000]*(?:年|学年度)"),
    ROC_MARK: re.compile(r"(?:中华)?民国[ \u3000]*[\d零〇一二三四五六七八九十百]+[ \u3000]*年"),
}
POOL = ["1", "0", "2", "9", "3", "10", "19", "20", "12", ",", ".", "年", "学年度", " ", "\u3000", "民国", "中华",
        "一百", "度", "至", "\n"]


def test_the_year_patterns_match_as_their_plain_forms() -> None:
    rng = random.Random(104)
    found = dict.fromkeys(PLAIN.values(), 0)
    for _ in range(6000):
        text = "".join(rng.choice(POOL) for _ in range(rng.randint(1, 14)))
        for fast, plain in PLAIN.items():
            expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, (plain.pattern, text)
            found[plain] += len(expected)
    assert min(found.values()) > 20, "each pattern must match for the test to say anything"


def test_the_bracketed_number_mask_matches_as_its_plain_form() -> None:
    """The scanner's mask of a bracketed number checks 今（94）年 after the bracket, not before it."""
    from gongwen.extractors.figures.scanner import BUILTIN_MASKS, HZ_NUM, SPACE

    plain = re.compile(rf"(?<![今本明去上])[〔\[［(（【]{SPACE}*(?:\d+|[{HZ_NUM}]+){SPACE}*[〕\]］)）】]")
    fast = re.compile(BUILTIN_MASKS[-1])
    rng = random.Random(94)
    pool = ["今", "本", "年", "（", "）", "(", ")", "【", "】", "94", "一", "二十", " ", "是", "〔", "〕"]
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 10)))
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in fast.finditer(text)] == expected, text
        found += len(expected)
    assert found > 100


def test_the_bare_marker_pattern_matches_as_its_plain_form() -> None:
    from gongwen.extractors.figures.markers import MARKER_RE

    plain = re.compile(r"(?<![第\d零〇○一二两三四五六七八九十百千万])([一二三四五六七八九十]{1,3})(?=[\u4e00-\u9fff])(?![年月日号])")
    rng = random.Random(3)
    pool = ["一", "二", "十", "三", "第", "1", "百", "县", "本", "年", "月", "\n", "、", " "]
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 10)))
        expected = [(m.span(), m.group(1)) for m in plain.finditer(text)]
        assert [(m.span(), m.group(1)) for m in MARKER_RE.finditer(text)] == expected, text
        found += len(expected)
    assert found > 100
