"""Enumeration markers that lost their punctuation: ``二本会…`` was ``二、本会…``.

A converter that strips punctuation turns the list markers ``二、`` and ``（二）`` into a bare
numeral glued to the item's first word, which then reads as a count (``二本``, ``三县``).
What still tells a marker from a count is the sequence: markers count up one by one, at the
starts of lines or before the same words (``一县委常委会…二县委常委会…三县委常委会``),
while counts do not. These spans are masked like the patterns of ``not_figures.tsv``.
"""

from __future__ import annotations

import re
from collections import defaultdict

from gongwen.numerals import parse_number

#: a bare Chinese numeral up to 三十 (no 第, no digit or numeral before it) glued to a word that
#: is no calendar word (一月, 三日 stay dates); what may not stand before it is checked after its
#: first numeral (a leading look-behind makes `re` try the pattern at every character)
MARKER_RE = re.compile(r"([一二三四五六七八九十](?<![第\d零〇○一二两三四五六七八九十百千万][一二三四五六七八九十])"
                       r"[一二三四五六七八九十]{0,2})(?=[\u4e00-\u9fff])(?![年月日号])")

LINE_START_RE = re.compile(r"(?:^|\n)[ \u3000]*$")

#: markers before the same word mid-line: so many in a row make an enumeration
RUN_BEFORE_SAME_WORD = 3


def marker_spans(text: str) -> list[tuple[int, int]]:
    """The spans of bare numerals that number the items of a list whose punctuation is gone."""
    line_starts: list[tuple[int, int, int]] = []
    by_word: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for m in MARKER_RE.finditer(text):
        value = parse_number(m.group(1))
        if value is None or not 1 <= value <= 30:
            continue
        item = (m.start(), m.end(), int(value))
        if LINE_START_RE.search(text, max(0, m.start() - 4), m.start()):
            line_starts.append(item)
        by_word[text[m.end():m.end() + 2]].append(item)
    spans = _consecutive(line_starts, 2)
    for items in by_word.values():
        spans += _consecutive(items, RUN_BEFORE_SAME_WORD)
    return spans


def _consecutive(items: list[tuple[int, int, int]], least: int) -> list[tuple[int, int]]:
    """The spans of the runs (in text order) whose values go up by one, at least ``least`` long."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int, int]] = []
    for item in items:
        if run and item[2] != run[-1][2] + 1:
            if len(run) >= least:
                out += [(a, b) for a, b, _ in run]
            run = []
        run.append(item)
    if len(run) >= least:
        out += [(a, b) for a, b, _ in run]
    return out
