"""Headings in text whose punctuation and line breaks were stripped.

Some sharing sites strip every mark and break, so a rule's points run in as
``…特制订本规则一议事范围研究宣传贯彻…二会议制度班子会议一般每月一次…``: the marker has
lost its 、 and the title its break. Such a heading is found by its words: a bare Chinese
numeral continuing the count (一, then 二, then 三 …), not part of a number word
(一般, 三分之二), followed by a short phrase that ends in a noun that heads titles
(``范围``, ``制度``, ``方法``; ``lexicon.tsv`` kind ``head_noun``). Only lines with
(almost) no punctuation are read this way, and two points in sequence are needed.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.structure.headings import Heading
from pipeline.structure.lines import Line, unpunctuated, words
from pipeline.structure.markers import ordinal

NUMERALS = "一二三四五六七八九十"
#: Characters that make a numeral part of a number word (三分之二, 一次, 二十).
_NUMBER_WORD = set(NUMERALS) | set("百千万亿分之次个年月日名人般些切样旦致项是")
TITLE_MAX = 12


@cache
def _title_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, words("lexicon.tsv", "head_noun")), key=len, reverse=True))
    # greedy: the longest phrase ending in a head noun (议事程序和决策方法, not 议事程序)
    return re.compile(rf"[\u4e00-\u9fff]{{0,{TITLE_MAX - 2}}}(?:{nouns})")


def _title(text: str, pos: int, end: int) -> str | None:
    m = _title_pattern().match(text, pos, min(end, pos + TITLE_MAX))
    return m.group(0) if m and len(m.group(0)) >= 2 else None


def run_in_points(text: str, line: Line) -> list[Heading]:
    """The points ``一议事范围`` … of an unpunctuated line, or [] (fewer than two found)."""
    if not unpunctuated(line):
        return []
    out: list[Heading] = []
    pos, n = line.start, 1
    while n <= len(NUMERALS):
        found = None
        for i in (m.start() for m in re.finditer(NUMERALS[n - 1], text[pos:line.end])):
            at = pos + i
            before = text[at - 1] if at > line.start else ""
            after = text[at + 1] if at + 1 < line.end else ""
            if before in _NUMBER_WORD or after in _NUMBER_WORD:
                continue
            title = _title(text, at + 1, line.end)
            if title is not None:
                found = (at, title)
                break
        if found is None:
            break
        at, title = found
        out.append(Heading(at, "bare_cn", None, text[at], ordinal(text[at]), title, at + 1 + len(title),
                           line.index, at == line.start, evidence="unpunctuated"))
        pos, n = at + 1 + len(title), n + 1
    return out if len(out) >= 2 else []
