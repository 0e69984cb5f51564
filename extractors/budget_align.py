"""Put the cells of a table row under the columns they belong to, by what they hold.

A flattened or merged-cell table rarely gives every row the header's width: a
cell merged down from the row above (``产出指标`` over three indicator rows) is
missing on the left, a text export drops empty cells inside and at the end. So
a row is not read by position but aligned to the columns:

* each column has an *expectation*: the kinds of content its header role
  promises (an indicator category, a name, a number with its unit, a short
  grade word …) and the kinds its cells hold in the rows that fill every
  column (the table's own evidence, which outweighs the header);
* a row's cells keep their order; a dynamic program places them under
  increasing columns, maximizing how well each cell fits its column, with a
  small cost for columns left out at the start (merged from above) and a
  larger one for columns left out inside or at the end.

Written by hand: the alignment is a small monotone assignment (a row has a few
cells, a table a few columns), which no kept library offers in this form.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from gongwen.extractors.budget_header import classify_exact, vocabulary
from gongwen.record import Cell

#: A cell that states a number: optional comparator, digits (a value, an amount, a rate).
_NUMERIC = re.compile(r"^[≥≤><=±约＞＜≧≦]?\s*[-+]?\d")
#: Bracketed asides removed before a cell is compared with the categories: "时效指标(工期指标)".
_ASIDE = re.compile(r"[（(][^()（）]*[)）]|\s+")
#: Cells this short that are not numbers are short words (定量, 优良, 及时, %).
SHORT = 6
#: Longer cells are names or sentences, not categories, whatever they end with.
MAX_CATEGORY = 16
#: The costs of leaving columns out: before the first cell (merged from above), between
#: cells and after the last (a text export drops empty cells anywhere). Between equal
#: placements the one further left wins.
LEAD_COST, INNER_COST, TRAIL_COST = 0.2, 0.6, 0.6
#: How much better a cell of a full-width row fits the column it stands in (a reader that
#: keeps merged cells as empty ones keeps every cell in place).
IN_PLACE = 0.5
#: How much less a column fits when the table's fullest rows leave it empty.
EMPTY_COLUMN = 2.0

#: How well a kind of cell fits a column of a given header role (no evidence yet).
_PRIOR: dict[str | None, dict[str, float]] = {
    "indicator_group": {"group": 2.0, "short": 0.0, "text": -1.0, "num": -2.0, "int": -2.0},
    "indicator": {"text": 1.0, "short": 0.5, "group": 0.0, "num": -2.0, "int": -2.0},
    "grade": {"num": 1.5, "int": 1.5, "short": 1.0, "text": 0.5, "group": -1.0},
    "value": {"num": 0.5, "int": 0.5, "short": 0.5, "text": 0.5, "group": -1.0},
    "activity": {"text": 1.0, "short": 1.0, "group": 0.0, "num": -2.0, "int": -2.0},
    "amount": {"num": 2.0, "int": 0.5, "short": -2.0, "text": -2.0, "group": -2.0},
    "serial": {"int": 2.0, "num": 0.5, "short": 0.0, "text": -2.0, "group": -1.0},
    "line": {"int": 2.0, "num": 0.0, "short": -1.0, "text": -2.0, "group": -1.0},
    "description": {"text": 1.0, "short": 0.5, "num": -0.5, "int": -0.5, "group": -1.0},
    "goal": {"text": 1.0, "short": 0.5, "num": -0.5, "int": -0.5, "group": -1.0},
}
#: An item marker opening a cell ("2、出国经费"): the cell is its words, not a number.
_MARKER = re.compile(r"^\d{1,2}[、．](?=\D)")
#: Kinds whose evidence counts for each other, and how much.
_RELATED = {"int": ("num", 1.0), "num": ("int", 1.0), "short": ("text", 0.5), "text": ("short", 0.5)}
#: A small whole number with nothing around it: a row number, a count, a score.
_INT = re.compile(r"^\d{1,3}$")


@lru_cache(maxsize=1 << 16)
def kind(text: str) -> str:
    """The kind of a cell's content: empty, group (an indicator category), int (a small whole
    number: a row number, a count), num (any other number), short or text. Cached: each
    cell is asked once per column it may go to."""
    text = _MARKER.sub("", text.strip())
    if not text:
        return "empty"
    if is_category(text):
        return "group"
    if _INT.match(text):
        return "int"
    if _NUMERIC.match(text):
        return "num"
    return "short" if len(text) <= SHORT else "text"


@cache
def _categories() -> tuple[str, ...]:
    return tuple(w for w, lab in vocabulary().items() if lab.role == "category")


def is_category(text: str) -> bool:
    """An indicator category: a vocabulary category, or a longer name ending in one
    (``社会公众或服务对象满意度指标``, ``时效指标（工期指标）``)."""
    label = classify_exact(text)
    if label is not None and label.role in ("indicator_group", "category"):
        return True
    bare = _ASIDE.sub("", text)
    return len(bare) <= MAX_CATEGORY and bare.endswith(_categories())


@dataclass
class Column:
    """What a column is expected to hold: its header role and the cells seen in it."""

    role: str | None
    kinds: Counter[str] = field(default_factory=Counter)
    texts: set[str] = field(default_factory=set)
    evidence: int = 0  # how many of the table's fullest rows were seen

    def fit(self, text: str) -> float:
        k = kind(text)
        if k == "empty":
            return 0.0
        score = _PRIOR.get(self.role, {}).get(k, 0.0)
        seen = sum(self.kinds.values())
        if self.evidence and not seen:
            score -= EMPTY_COLUMN  # the fullest rows never fill it: a label spanning the block
        if seen:
            # the evidence compares numbers as numbers (a column of 191 | 99 takes 814.5 too)
            # and words as words, a short name in a column of long ones at half weight
            count = self.kinds[k] + _RELATED.get(k, (k, 0.0))[1] * self.kinds[_RELATED.get(k, (k, 0.0))[0]]
            score += 2.0 + math.log((count + 0.3) / (seen + 1.2))
            if text in self.texts:
                score += 1.5
        return score


def align(cells: list[Cell], columns: list[Column]) -> list[Cell | None]:
    """The row's cells placed under ``columns`` (None where a column gets no cell).

    Trailing empty cells are dropped first (a padded or ragged row); a row with
    more cells than columns keeps the first ones in order; a row exactly as wide
    as the columns favours keeping each cell where it stands.
    """
    positional = len(cells) == len(columns)  # a full-width row: its cells likely stand in place
    cells = list(cells)
    while cells and not cells[-1].text:
        cells.pop()
    m, n = len(columns), len(cells)
    if n == 0:
        return [None] * m
    if n >= m:
        return list(cells[:m])
    fits = [[columns[j].fit(c.text) + (IN_PLACE if positional and i == j else 0.0) for j in range(m)]
            for i, c in enumerate(cells)]
    neg = -1e9
    best = [[neg] * m for _ in range(n)]
    back = [[-1] * m for _ in range(n)]
    for j in range(m - n + 1):
        best[0][j] = fits[0][j] - LEAD_COST * j
    for i in range(1, n):
        for j in range(i, m - n + i + 1):
            for k in range(i - 1, j):
                if best[i - 1][k] == neg:
                    continue
                s = best[i - 1][k] - INNER_COST * (j - k - 1) + fits[i][j]
                if s > best[i][j]:
                    best[i][j], back[i][j] = s, k
    end = max(range(n - 1, m), key=lambda j: best[n - 1][j] - TRAIL_COST * (m - 1 - j))
    out: list[Cell | None] = [None] * m
    j = end
    for i in range(n - 1, -1, -1):
        out[j] = cells[i]
        j = back[i][j]
    return out


def columns_for(roles: list[str | None], rows: list[list[Cell]]) -> list[Column]:
    """Columns for a block of rows under a header: role priors, then the evidence of its fullest rows.

    The rows filling the most cells are aligned on the priors alone; what they
    hold then tells every column what to expect when the shorter rows are aligned.
    """
    columns = [Column(role) for role in roles]
    lengths = [len(_trimmed(r)) for r in rows]
    lengths = [n if n <= len(columns) else 0 for n in lengths]  # an overflowing row is no evidence
    if not any(lengths):
        return columns
    full = max(lengths)
    for row, length in zip(rows, lengths, strict=False):
        if length != full or length == 0:
            continue
        for col in columns:
            col.evidence += 1
        for col, cell in zip(columns, align(row, [Column(c.role) for c in columns]), strict=False):
            if cell is not None and cell.text:
                col.kinds[kind(cell.text)] += 1
                col.texts.add(cell.text)
    return columns


def _trimmed(row: list[Cell]) -> list[Cell]:
    cells = list(row)
    while cells and not cells[-1].text:
        cells.pop()
    return cells
