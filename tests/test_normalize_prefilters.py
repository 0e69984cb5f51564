"""The normalizer's cheap filters stand in for the costly steps they skip, never change them.

Each filter here replaced a slower way of reaching the same answer (a loop over every
character, a regex over a whole dictionary); the properties check on generated text
that the fast way finds everything the slow way found.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.normalize.furniture import patterns
from gongwen.normalize.run_on import ARTICLE, MARKER_START
from gongwen.prefilter import line_words, scan
from gongwen.structure.markers import match_marker
from gongwen.tokenize import dictionary_fields

#: Characters markers are made of, mixed with prose and blanks, so generated lines hold
#: markers, near-markers and numbers in many arrangements.
MARKERISH = "第一二三四五六七八九十百〇零章节条篇部分类是、．.（）()【】〔〕0123456789 \u3000，。会议规定"
#: Where the rule tried the styles before the filter: every character of these.
OLD_STARTS = set("第一二三四五六七八九十（(【〔0123456789")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=MARKERISH, max_size=30))
def test_the_marker_filter_hits_every_place_a_marker_starts(line: str) -> None:
    hits = {m.start() for m in MARKER_START.finditer(line)}
    for pos, ch in enumerate(line):
        if ch in OLD_STARTS and (match_marker(line, pos, True) or ARTICLE.match(line, pos)):
            assert pos in hits, (line, pos)
    assert all(line[p] in OLD_STARTS for p in hits)


def test_the_marker_filter_skips_prose() -> None:
    assert not MARKER_START.search("会议由书记召集并主持，研究决定重大事项。")
    assert [m.start() for m in MARKER_START.finditer("。二、参加人员（一）会议3. 第")] == [1, 7, 12, 15]


WORD = st.text(alphabet="会议制度规定abc", min_size=1, max_size=4)
LINE = st.one_of(
    st.tuples(WORD, st.integers(0, 999), st.sampled_from(["n", "v", "nr"])).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
    st.sampled_from(["", "坏行", "坏行 12", "坏 行 1 n", "词 x n"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=8), st.booleans())
def test_dictionary_fields_read_as_the_line_pattern_does(lines: list[str], final_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_newline and lines else "")
    expected = [f for m in re.finditer(r"^(\S+) (\d+) (\S+)$", text, re.MULTILINE) for f in m.groups()]
    assert dictionary_fields(text) == expected


# --- line-anchored scans: a pattern tried only at the lines holding its words ------------

LINE_PATTERNS = [
    r"^[ 　]*(?:上传人|上传者)[:：][^\n]*$",
    r"^[^\n]{1,20}_第\d+页[ \t]*$",
    r"^[ 　]*[-—][ \t]*\d{1,4}[ \t]*[-—][ \t]*$",
    r"^[ 　]*[^\n>。]{1,6}?(?:[ \t]*[>»][ \t]*[^\n>»。]{1,6}?){2,}[ \t]*$",
    r"^[ 　]*展开阅读全文[\s\S]{0,30}\Z",
    r"^[ 　]*当前位置[:：][^\n]*(?:\n[ \t]*>[^\n]*)*",
    r"^(?:相关|推荐)?阅读$",
]
#: Lines and pieces that make and break those patterns' matches.
PIECES = ["上传人：某", "上传者:", "文档_第3页", "- 12 -", "首页 > 通知 > 正文", "展开阅读全文", "当前位置：",
          "  > 首页", "相关阅读", "阅读", "会议由书记主持。", "  ", "_第", ">", "—7—", "第2页", "\n", "\n\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_a_line_anchored_scan_finds_what_finditer_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern in LINE_PATTERNS:
        rx = re.compile(pattern, re.MULTILINE)
        assert [m.span() for m in scan(rx, text)] == [m.span() for m in rx.finditer(text)], pattern


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_furniture_patterns_scan_as_finditer_does(data: st.DataObject) -> None:
    """Text holding a generated match of a furniture pattern among other lines."""
    p = data.draw(st.sampled_from(patterns()))
    sample = data.draw(st.from_regex(p.regex, fullmatch=False))
    text = data.draw(st.sampled_from(PIECES)) + sample + data.draw(st.sampled_from(PIECES))
    assert [m.span() for m in scan(p.regex, text)] == [m.span() for m in p.regex.finditer(text)], p.regex.pattern


@pytest.mark.parametrize(("pattern", "words"), [
    (r"^[ 　]*(?:上传人|贡献者)[:：]", {"上传人", "贡献者"}),
    (r"^[ 　]*[-—][ \t]*\d", {"-", "—"}),  # a small class of characters is a word set
    (r"^[^\n]{1,80}_第\d+页", {"_第"}),
    (r"^[ 　]*\s*第", None),  # \s may be a line break: the word may stand on a later line
    (r"第\d+页", None),  # not anchored at a line start
])
def test_line_words(pattern: str, words: set[str] | None) -> None:
    found = line_words(pattern, re.MULTILINE)
    assert (set(found) if found else None) == words
    assert line_words(pattern, 0) is None  # ^ is the text's start only
