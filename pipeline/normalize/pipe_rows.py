"""Pipe-table rows run together on one line: each row put back on a line of its own.

A page copied with its line breaks lost runs a table's rows together as well as its
prose: ``…批复表 | 项目名称 | 某工程 |  || 总体目标 | 年度目标 |  || 绩效指标 | …``.
The tables stage reads one row per line, so such a line gives it one endless row.

Where one row ended and the next began is still visible: a row closes with ``|`` and
the next opens with ``|`` and a blank, so ``|| `` (a bar, a bar, a blank) marks a row
boundary. An empty cell written without blanks (``| a || b |``) looks the same, so
the line is split only where the boundaries agree with a table: at least
:data:`MIN_ROWS` rows, most of them with the same number of bars (within one: a
merged cell spans), as rows of one table have. A caption or prose run onto the
table's first row, and prose after its last bar, go to lines of their own too. Every split is a guess: one
warning per text says how many rows were put back.
"""

from __future__ import annotations

import re
from collections import Counter

from gongwen.normalize.edits import Edit

#: A row boundary inside a line: the bar closing one row, then the bar and blank opening the next.
BOUNDARY = re.compile(r"(?<=\|)(?=\|[ \u3000])")
#: Fewer row boundaries than this on a line is not a run of rows.
MIN_ROWS = 3
#: The share of rows whose bar count is the table's (within one) for the split to stand.
AGREEING_SHARE = 0.6
#: Text after the last bar of the run that is prose, not a cell: it holds a sentence.
_TRAILING_PROSE = re.compile(r"[^|]*[\u4e00-\u9fff][^|]*$")


def _rows_agree(rows: list[str]) -> bool:
    counts = [r.count("|") for r in rows]
    common, _ = Counter(counts).most_common(1)[0]
    agreeing = sum(abs(c - common) <= 1 for c in counts)
    return common >= 3 and agreeing >= AGREEING_SHARE * len(rows)


def _line_breaks(line: str) -> list[int]:
    """Offsets in ``line`` where a line break goes (row boundaries, prose before and after)."""
    cuts = [m.start() for m in BOUNDARY.finditer(line)]
    if len(cuts) + 1 < MIN_ROWS:
        return []
    first_bar = line.index("|")
    bounds = [first_bar, *cuts, line.rindex("|") + 1]
    rows = [line[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if not _rows_agree(rows):
        return []
    breaks = list(cuts)
    # text run onto the first row (a caption, a sentence) is a line of its own
    if line[:first_bar].strip():
        breaks.insert(0, first_bar)
    tail_at = line.rindex("|") + 1
    if tail_at < len(line) and _TRAILING_PROSE.match(line, tail_at) and line[tail_at:].strip():
        breaks.append(tail_at)
    return breaks


def split_run_together_rows(text: str) -> list[Edit]:
    """Edits putting a line break between the rows of a pipe table run together on one line."""
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if line.count("|") >= 3 * MIN_ROWS:
            edits.extend(Edit(pos + b, pos + b, "\n") for b in _line_breaks(line))
        pos += len(line) + 1
    if edits:
        note = (f"pipe rows: a table's rows ran together on one line; {len(edits)} line breaks "
                "put back between them")
        edits[0] = Edit(edits[0].start, edits[0].end, edits[0].replacement, note)
    return edits
