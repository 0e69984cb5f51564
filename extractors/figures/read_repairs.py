"""Readers that undo a copying damage where the figure's own context proves it.

A font without ``≥`` (or a PDF text layer) prints the sign as the digit ``2``: a target
cell ``≥90%`` reaches the text as ``290%``. Read as written that is a rate of 290%, which a
completion, execution or satisfaction rate cannot be; so when a table cell holds nothing
but ``2`` + a share of at most 100% and the row names a bounded rate, the cell is read as
``≥`` that share. The repair is a guess, so the hit carries a note for the record's warnings.
"""

from __future__ import annotations

import re

from gongwen.extractors.figures.common import SPACE, Context, Hit

#: a cell holding only 2 + a share: 290%, 2100%, 295.5% (the cell ends at a bar, a TAB or the line end)
GE_AS_TWO_RE = re.compile(rf"2(\d{{2,3}}(?:\.\d+)?)%(?={SPACE}*(?:[|｜\t\n]|$))")

#: what opens a table cell: a bar or a TAB, then spaces
CELL_OPEN_RE = re.compile(rf"[|｜\t]{SPACE}*$")

#: a rate bounded by 100% named before the cell on its row (执行率, 合格率, 满意度); growth is not bounded
BOUNDED_RATE_RE = re.compile(r"(?<!增长)(?<!增)(?<!下降)(?<!降低)(?:率|满意度)[^\n|｜\t]{0,12}?[|｜\t]")

ROW_REACH = 80


def read_ge_as_two(ctx: Context, s: int, e: int) -> Hit | None:
    """``| 年度预算执行率 | 290% |``: the ``≥90%`` of a target cell, with a note saying so."""
    text = ctx.text
    if text[s] != "2" or not text.startswith("%", e):
        return None
    m = GE_AS_TWO_RE.match(text, s)
    if m is None or m.end() != e + 1:
        return None
    share = float(m.group(1))
    if share > 100 or float(text[s:e]) <= 100:
        return None
    line_start = text.rfind("\n", max(0, s - ROW_REACH), s) + 1
    row = text[line_start if line_start else max(0, s - ROW_REACH):s]
    if not CELL_OPEN_RE.search(row) or not BOUNDED_RATE_RE.search(row):
        return None
    value = round(share / 100, 6)
    hit = Hit(s + 1, m.end(), "percent", int(value) if value == int(value) else value, cmp=">=")
    hit.note = (f"figures: the cell '{m.group(0)}' at {s} read as ≥{m.group(1)}% "
                f"(a ≥ printed as 2: the rate its row names cannot exceed 100%)")
    return hit
