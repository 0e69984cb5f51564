"""Heading marker styles, read from ``markers.tsv`` beside this module.

A *style* is one way of numbering headings (``一、``, ``（一）``, ``第一条`` …). The table
is data so that a research assistant can add a style without touching Python; this
module only compiles it and turns the ordinal a marker writes into an int, so that
the level assigner can check that a sequence continues (``二、`` after ``一、``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gongwen import lexicon
from gongwen.numerals import chinese_int
from gongwen.prefilter import may_open

HERE = Path(__file__).resolve().parent
#: What follows a cited article or chapter number rather than one that opens its unit
#: (``第三条的规定``, ``第2条第1款``): the one list the patterns that tell them apart share
#: (``markers.tsv`` spells it inside its article pattern).
CITED_AFTER = "的之中款项所规条至及和或第"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Financial (大写) numerals of Taiwan reports, mapped to ordinary ones before parsing.
CAPITALS = str.maketrans("壹贰叁参肆伍陆柒捌玖拾", "一二三三四五六七八九十")


@dataclass(frozen=True)
class Style:
    """One marker style: ``rank`` is None for enumerations, 0.. for 篇 > 章 > 节 > 条."""

    name: str
    rank: int | None
    inline: bool
    pattern: re.Pattern[str]


@cache
def styles() -> tuple[Style, ...]:
    out = []
    for row in lexicon.rows(HERE / "markers.tsv"):
        name, rank, inline, regex = row[:4]
        out.append(Style(name, None if rank == "-" else int(rank), inline == "yes", re.compile(regex)))
    return tuple(out)


@cache
def style(name: str) -> Style:
    return next(s for s in styles() if s.name == name)


@cache
def ordinal(text: str) -> int | None:
    """The integer an ordinal writes: ``十二`` → 12, ``3`` → 3, ``③`` → 3, ``5-1`` → 5."""
    text = re.sub(r"\s+", "", text).split("-")[0]
    if not text:
        return None
    if text in CIRCLED:  # before isdigit(), which is true of ① too
        return CIRCLED.index(text) + 1
    if text.isascii() and text.isdigit():
        return int(text)
    return chinese_int(text.translate(CAPITALS))


@cache
def _styles_opening(ch: str, line_start: bool) -> tuple[Style, ...]:
    """The styles, in order, whose marker may begin with ``ch`` (and, inline, that may stand
    inline): most characters open none, and the rest one or two of the styles."""
    return tuple(st for st in styles() if (line_start or st.inline) and may_open(st.pattern.pattern, ch))


def match_marker(text: str, pos: int, line_start: bool) -> tuple[Style, re.Match[str]] | None:
    """The first style whose marker starts at ``text[pos]``; inline positions only try
    styles allowed inline. Only the styles that may open on the character at ``pos`` are
    tried (the structure stage and the run-on splitter ask at every candidate place)."""
    if 0 <= pos < len(text):
        candidates = _styles_opening(text[pos], line_start)
    else:
        candidates = tuple(st for st in styles() if line_start or st.inline)
    for st in candidates:
        m = st.pattern.match(text, pos)
        if m:
            return st, m
    return None
