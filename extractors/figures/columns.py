"""Cells of a table dumped as space-aligned text, wrapped over several lines.

A spreadsheet printed as text pads its columns with spaces and wraps a long cell onto the
next lines at the same column (``90%及`` above ``以上``). A figure's comparator word may
so land on the next line; this module gives the rest of a figure's cell, read down its
column, so that ``cmp`` comes from the whole cell. Columns are matched by character offset
(``str.ljust`` padding) or by display width (a layout that counts a Chinese character as
two columns), whichever the line below fits.
"""

from __future__ import annotations

import re
import unicodedata

#: the gap between two columns: two blanks or more
GAP_RE = re.compile(r"[ \u3000]{2,}")

#: the continuation lines a comparator word may be spread over
MAX_LINES = 2

#: the longest line read as a row of columns
MAX_ROW = 400


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _segment_end(line: str, pos: int) -> int:
    gap = GAP_RE.search(line, pos)
    return gap.start() if gap else len(line)


def _segment_start(line: str, pos: int) -> int:
    start = 0
    for gap in GAP_RE.finditer(line, 0, pos):
        start = gap.end()
    return start


def _cell_below(line: str, column: int, width: int) -> str | None:
    """The segment of ``line`` that starts at ``column`` (characters) or at ``width`` (display)."""
    candidates = [column]
    acc = 0
    for i, ch in enumerate(line):
        if acc >= width:
            candidates.append(i)
            break
        acc += _width(ch)
    for at in candidates:
        if at >= len(line) or line[at] in " \u3000":
            continue
        if at == 0 or GAP_RE.fullmatch(line[max(0, at - 2):at]):
            return line[at:_segment_end(line, at)]
    return None


def wrapped_cell_tail(text: str, start: int, end: int) -> str | None:
    """The rest of the cell holding ``text[start:end]``, read down its column, when the
    figure stands in a space-aligned row and the line below continues its cell; else None."""
    # a row is short: a longer line is prose or a flattened page, and bounding the search keeps
    # the figures of one long line linear
    line_start = text.rfind("\n", max(0, start - MAX_ROW), start) + 1
    line_end = text.find("\n", end, end + MAX_ROW)
    if line_end < 0 or (line_start == 0 and start > MAX_ROW):
        return None
    line = text[line_start:line_end]
    if not GAP_RE.search(line):
        return None  # prose, not a row of columns
    cell_start = _segment_start(line, start - line_start)
    tail = line[end - line_start:_segment_end(line, end - line_start)]
    column, width = cell_start, _width(line[:cell_start])
    pos = line_end + 1
    found = False
    for _ in range(MAX_LINES):
        nxt_end = text.find("\n", pos, pos + MAX_ROW)
        below = text[pos:nxt_end if nxt_end >= 0 else min(len(text), pos + MAX_ROW)]
        cell = _cell_below(below, column, width)
        if not cell or not GAP_RE.search(below) and column:
            break
        tail += cell
        found = True
        if nxt_end < 0:
            break
        pos = nxt_end + 1
    return tail if found else None
