"""Breadcrumb furniture patterns read a line once, not in exponential time.

The breadcrumb patterns once split each segment's blanks between the segment and the
separator around it in every possible way (``[ \\t]*`` next to a lazy segment that also
takes blanks), so a long line of ``a > b > …`` that failed at its end took seconds at ten
separators and minutes at twelve (found by a property test). Their segments are now
atomic: the blanks before and after a segment's words are taken whole. These tests hold
the new patterns to the matches of the old ones on generated lines, and read a line that
the old patterns would not have finished.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gongwen.normalize.furniture import patterns

#: The two breadcrumb patterns as they were written before (exponential on failing lines).
OLD = [
    r"^[ 　]*(?:网站)?首页[ \t]*(?:[>»＞›][ \t]*[^\n>»＞›。，,]{1,16}?[ \t]*){1,6}$",
    r"^[ 　]*[^\n>»＞›。，,；;:：]{1,16}?(?:[ \t]*[>»＞›][ \t]*[^\n>»＞›。，,；;:：]{1,16}?){2,}[ \t]*$",
]
PIECES = ["首页", "网站", " ", "\t", "　", ">", "›", "＞", "通知", "公告", "工作动态", "某某局", "a",
          "。", "：", "长长长长长长长长长长", "\n"]


def breadcrumb_patterns() -> list[re.Pattern[str]]:
    found = [p.regex for p in patterns() if "[>»＞›]" in p.regex.pattern and "(?>" in p.regex.pattern]
    assert len(found) == 2
    return found


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_breadcrumb_patterns_match_what_the_old_ones_matched(pieces: list[str]) -> None:
    line = "".join(pieces)
    for old, new in zip(OLD, breadcrumb_patterns(), strict=True):
        want = [m.span() for m in re.finditer(old, line, re.MULTILINE)]
        assert [m.span() for m in new.finditer(line)] == want, repr(line)


def test_a_long_line_of_separators_that_is_no_breadcrumb_is_read() -> None:
    line = "  ".join(["甲 \t 乙 >"] * 60) + " 丙。"
    for new in breadcrumb_patterns():
        assert new.search(line) is None
        assert new.search("首页 > 通知公告 > 正文") is not None
