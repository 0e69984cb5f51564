"""Readers that undo a copying damage where the figure's own context proves it.

A font without ``≥`` (or a PDF text layer) prints the sign as the digit ``2``: a target
cell ``≥90%`` reaches the text as ``290%``. Read as written that is a share of 290%, which a
completion, execution or satisfaction rate cannot be; so when a table cell holds nothing
but ``2`` + a share of at most 100% and its row names a share bounded by 100%
(``bounded_shares.txt``) before the cell, the cell is read as ``≥`` that share. The row is
the line of a pipe or TAB row, or the cell lines since the row's opening blank line in the
table layout (``⏎\\t年度预算执行率⏎\\t290%``). The repair is a guess, so the hit carries a note
for the record's warnings.
"""

from __future__ import annotations

import re
from functools import cache

from gongwen.extractors.figures.common import SPACE, Context, Hit
from gongwen.extractors.figures.lexicon import DATA, _alternation
from gongwen.lexicon import entries

#: a cell holding only 2 + a share: 290%, 2100%, 295.5% (the cell ends at a bar, a TAB or the line end)
GE_AS_TWO_RE = re.compile(rf"2(\d{{2,3}}(?:\.\d+)?)%(?={SPACE}*(?:[|｜\t\n]|$))")

#: what opens a table cell: a bar or a TAB, then spaces
CELL_OPEN_RE = re.compile(rf"[|｜\t]{SPACE}*$")

ROW_REACH = 80

#: the row of the table layout: cell lines (each ``\t`` + text) since the blank line opening it
LAYOUT_ROW_RE = re.compile(r"(?:\n[ \u3000\u00a0]*\t[^\n]*)+\n[ \u3000\u00a0]*\t[ \u3000]*$")


@cache
def bounded_share_re() -> re.Pattern[str]:
    """A share bounded by 100% named in a cell before the figure's (执行率, 满意程度, 占比);
    growth is not bounded (增长率)."""
    words = _alternation(entries(DATA / "bounded_shares.txt"))
    return re.compile(rf"(?<!增长)(?<!增)(?<!下降)(?<!降低)(?:{words})[^\n|｜\t]{{0,12}}?[|｜\t]")


def _row_before(text: str, s: int) -> str | None:
    """The cells of the row before position ``s``, each closed by its separator; None when
    ``s`` opens no table cell."""
    line_start = text.rfind("\n", max(0, s - ROW_REACH), s) + 1
    row = text[line_start if line_start else max(0, s - ROW_REACH):s]
    if not CELL_OPEN_RE.search(row):
        return None
    if row.strip(" \u3000\u00a0") == "\t":  # a cell line of the table layout: its row is the lines above
        m = LAYOUT_ROW_RE.search(text, max(0, s - 4 * ROW_REACH), s)
        return m.group().replace("\n", "") if m else row
    return row


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
    row = _row_before(text, s)
    if row is None or not bounded_share_re().search(row):
        return None
    value = round(share / 100, 6)
    hit = Hit(s + 1, m.end(), "percent", int(value) if value == int(value) else value, cmp=">=")
    hit.note = (f"figures: the cell '{m.group(0)}' at {s} read as ≥{m.group(1)}% "
                f"(a ≥ printed as 2: the share its row names cannot exceed 100%)")
    return hit
