"""The normalizer's cheap filters stand in for the costly steps they skip, never change them.

Each filter here replaced a slower way of reaching the same answer (a loop over every
character, a regex over a whole dictionary); the properties check on generated text
that the fast way finds everything the slow way found.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.normalize.run_on import ARTICLE, MARKER_START
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
