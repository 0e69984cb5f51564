"""Read the column layout of a budget table from its header row(s).

The layout is never assumed: every header cell is mapped to a *role* through the
vocabulary in ``budget_headers.tsv`` (activity, amount, description, goal,
indicator, grade …), so a table with its columns in another order, or with the
grades under a spanning ``评价标准`` header in a second header row, is read the
same way. A table whose header does not name an activity and at least one of
amount / goal / indicator is not a budget table and gets no layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from gongwen import lexicon
from gongwen.record import Cell

HERE = Path(__file__).resolve().parent
#: How many leading rows may hold the header (caption rows, a unit note, two header rows).
MAX_HEADER_START = 4
#: Longer cells are content, not header labels (a header names a column in a few words).
MAX_LABEL_CHARS = 14
#: Characters dropped before a header cell is looked up (whitespace, punctuation).
_JUNK = re.compile(r"[\s\u3000:：、,，.。;；·\-—_/（）()\[\]【】<>《》\"“”'‘’*＊]+")
#: A unit note inside a header cell: "(万元)", "（单位：万元）".
_UNIT_NOTE = re.compile(r"[（(][^（()）]*[)）]")


@dataclass(frozen=True)
class Label:
    role: str
    key: str | None  # the grade name, for role "grade"


@dataclass
class Layout:
    """Which columns of a table play which part; ``header_rows`` rows are header."""

    header_rows: int
    first_row: int  # index of the first header row (rows before it are captions/notes)
    roles: dict[int, str] = field(default_factory=dict)  # column → role
    grades: dict[int, str] = field(default_factory=dict)  # column → grade name
    amount_unit: str | None = None

    def columns(self, role: str) -> list[int]:
        return sorted(c for c, r in self.roles.items() if r == role)

    @property
    def amount_column(self) -> int | None:
        cols = self.columns("amount")
        return cols[0] if cols else None


@cache
def vocabulary() -> dict[str, Label]:
    """The header labels of ``budget_headers.tsv``: normalized label → role and grade key."""
    out: dict[str, Label] = {}
    for parts in lexicon.rows(HERE / "budget_headers.tsv"):
        role, label = parts[0], parts[1]
        key = parts[2] if len(parts) > 2 and parts[2] else None
        out.setdefault(_clean(label), Label(role, key))
    return out


@cache
def money_units() -> tuple[str, ...]:
    return tuple(lexicon.entries(HERE / "budget_units.txt"))


#: A score weight after an indicator category: "成本指标(0-20)分", "产出指标（50分）".
_WEIGHT = re.compile(r"[（(]\s*[\d.\-—~～]+\s*分?\s*[)）]\s*分?")


#: A year opening a header: "2020年实际执行数", "2023年预算数" name the column after it.
_YEAR = re.compile(r"^\s*(?:19|20)\d\d\s*年度?")


#: The classification a statement's header names after its label, its brackets perhaps lost
#: with the rest of the punctuation: "项目(按功能分类)", "项目按经济分类".
_CLASSIFIED_BY = re.compile(r"按[\u4e00-\u9fff]{1,8}分类$")


def _clean(text: str) -> str:
    key = _JUNK.sub("", _UNIT_NOTE.sub("", _WEIGHT.sub("", _YEAR.sub("", text))))
    return _CLASSIFIED_BY.sub("", key) or key


#: Roles a header loses when it names another period (中期预算, 上年执行数, 实施期目标).
_PERIOD_BOUND = ("amount", "goal", "activity", "description")


@cache
def classify(text: str) -> Label | None:
    """The role of a header cell: an exact label, else the longest label it contains.

    A label naming another period than this year's budget (``other_period``:
    中期, 上年, 实际执行) turns an amount or goal header into one to ignore, so
    ``中期市财政预算`` never gives the amount nor ``中期滚动目标`` the goal.
    """
    key = _clean(text)
    if not key:
        return None
    vocab = vocabulary()
    if key in vocab:
        return vocab[key]
    if len(key) > MAX_LABEL_CHARS:
        return None  # a sentence of content that happens to contain 目标 or 内容
    best: tuple[int, Label] | None = None
    period = False
    for label, info in vocab.items():
        # Grade names are single characters (优, 中 …): only an exact cell is a grade.
        if info.role == "grade" and len(label) < 3:
            continue
        if label not in key:
            continue
        if info.role == "other_period":
            period = True
        elif best is None or len(label) > best[0]:
            best = (len(label), info)
    if best and period and best[1].role in _PERIOD_BOUND:
        return Label("ignore", None)
    if best is None and period:
        return Label("ignore", None)
    return best[1] if best else None


def unit_in(text: str) -> str | None:
    """The money unit a header or note states (``年度预算数(万元)`` → ``万元``); a note that lost its
    colon (``金额单位元``) states it too when no word runs on after the unit."""
    for unit in money_units():
        if re.search(rf"[（(]\s*(?:单位\s*[:：]\s*)?{unit}\s*[)）]|单位\s*[:：]\s*{unit}"
                     rf"|单位{unit}(?![\u4e00-\u9fff])", text):
            return unit
    return None


#: The share of a header row's cells that must be labels (one unknown label does not
#: make a header row a data row).
MIN_LABEL_SHARE = 0.75


def is_header_row(row: list[Cell]) -> bool:
    """A row of header labels: at least two cells, nearly all labels, one exactly a column label.

    The exact one keeps a row of short activities (``项目管理 | 目标管理``), which
    merely contain label words, from passing for a header; it must name a column
    (not an indicator category, which data rows hold), so ``效益指标 | 经济效益指标 |
    未达指标值扣分`` stays a data row.
    """
    texts = [c.text for c in row if c.text]
    if len(texts) < 2:
        return False
    known = sum(1 for t in texts if classify(t))
    exact = [classify_exact(t) for t in texts]
    return (known >= max(2, MIN_LABEL_SHARE * len(texts))
            and any(e is not None and e.role not in ("indicator_group", "category", "breakdown") for e in exact)
            and classify(texts[0]) is not None)


def _label_grid(rows: list[list[Cell]], width: int) -> list[list[str]]:
    """Header texts padded to ``width``, with spanning headers spread over the columns they span.

    A merged header cell's text sits in its first grid position (or, in a ragged
    text export, the row simply stops early); a position left empty whose lower
    header row is filled belongs to the nearest label on its left.
    """
    grid = [[c.text for c in r] + [""] * (width - len(r)) for r in rows]
    for r in range(len(grid) - 1):
        for j in range(1, width):
            if grid[r][j] or not any(grid[k][j] for k in range(r + 1, len(grid))):
                continue
            left = next((grid[r][i] for i in range(j - 1, -1, -1) if grid[r][i]), "")
            grid[r][j] = left
    return grid


def _column_role(labels: list[str]) -> Label | None:
    """The role of one column from its header labels, top to bottom."""
    found = [(t, classify(t)) for t in labels if t]
    if not found:
        return None
    text, deepest = found[-1]
    if deepest is None and len(found) > 1:
        parent = found[-2][1]
        if parent and parent.role in ("grade_group", "grade"):
            return Label("grade", text)  # an unknown grade name under 评价标准
        if parent and parent.role == "amount":
            return parent
        return None
    if deepest and deepest.role == "grade_group":
        return Label("grade", text)  # a single criteria column
    return deepest


def read_layout(rows: list[list[Cell]], context: str = "") -> Layout | None:
    """The layout of a grid table from its leading rows; None when it is not a budget table.

    ``context`` is text around the table (its caption, a ``单位：万元`` note) that
    may state the amount unit when the header does not.
    """
    start = next((i for i, r in enumerate(rows[:MAX_HEADER_START]) if is_header_row(r)), None)
    if start is None:
        return None
    layout = layout_at(rows, start, context)
    if not layout.columns("activity") or not any(
            layout.columns(r) for r in ("amount", "goal", "indicator")):
        return None
    return layout


def layout_at(rows: list[list[Cell]], start: int, context: str = "") -> Layout:
    """The layout given by the header row ``rows[start]`` and the sub-header rows under it."""
    end = start + 1
    while end < len(rows) and _is_subheader(rows[end]):
        end += 1
    width = max(len(r) for r in rows)
    grid = _label_grid(rows[start:end], width)
    layout = Layout(header_rows=end - start, first_row=start)
    for j in range(width):
        label = _column_role([grid[r][j] for r in range(len(grid))])
        if label is None or label.role == "ignore":
            continue
        layout.roles[j] = label.role
        if label.role == "grade":
            layout.grades[j] = label.key or grid[-1][j]
    _prefer_budget_column(layout, grid)
    amount = layout.amount_column
    if amount is not None:
        layout.amount_unit = unit_in(" ".join(grid[r][amount] for r in range(len(grid))))
    if layout.amount_unit is None:
        header_text = " ".join(c.text for r in rows[:end] for c in r)  # a "单位：万元" row too
        layout.amount_unit = unit_in(header_text) or unit_in(context)
    return layout


def _prefer_budget_column(layout: Layout, grid: list[list[str]]) -> None:
    """Of several amount columns, this year's budget: one naming another period or an
    execution (``2017年决算数``, ``上年执行数``) yields to a budget column after it
    (``2018年预算数``), which becomes the amount; the others are left unread."""
    cols = layout.columns("amount")
    if len(cols) < 2:
        return
    def other(col: int) -> bool:
        text = _YEAR.sub("", "".join(grid[r][col] for r in range(len(grid))))
        return any(w in text for w in _period_words())
    best = next((c for c in cols if not other(c)), None)
    if best is None or best == cols[0]:
        return
    for c in cols:
        if c != best:
            del layout.roles[c]


@cache
def _period_words() -> tuple[str, ...]:
    return tuple(w for w, lab in vocabulary().items() if lab.role == "other_period")


#: What :func:`_clean` may remove or read: digits and blanks (a year, a weight), brackets (a
#: unit note, a weight), the punctuation of :data:`_JUNK`, and the 按 of ``按…分类``.
CLEANED = re.compile(r"[\d\s（()）按" + _JUNK.pattern[1:-2] + "]")


class ExactLabels:
    """``classify_exact(text[i:j])`` for the many slices of one line a tiling tries, without the
    regex passes of :func:`_clean` where they cannot change the answer (on a long text of prose
    those passes cost more than all the rest of the budget extractor):

    * a slice holding nothing :func:`_clean` removes (:data:`CLEANED`) is its own key;
    * a slice opening on a character :func:`_clean` keeps keeps it as its key's first
      character, so no label matches unless some key opens with it (:meth:`opens`).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.vocab = vocabulary()
        n = len(text)
        cleaned = {m.start() for m in CLEANED.finditer(text)}
        #: the first position at or after i that _clean may change
        self.plain_to = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            self.plain_to[i] = i if i in cleaned else self.plain_to[i + 1]
        self.cleaned = cleaned

    def opens(self, i: int) -> bool:
        """Whether a label may start at ``i``."""
        return i in self.cleaned or self.text[i] in _key_openers()

    def at(self, i: int, j: int) -> Label | None:
        """``classify_exact(text[i:j])``."""
        if j <= self.plain_to[i]:
            return self.vocab.get(self.text[i:j])
        return classify_exact(self.text[i:j])


@cache
def _key_openers() -> frozenset[str]:
    return frozenset(k[0] for k in vocabulary() if k)


@lru_cache(maxsize=1 << 16)
def classify_exact(text: str) -> Label | None:
    """The role of a cell that is exactly a label: the strict test for label/value rows.
    Cached: asked for every cell again by each reader (four regex passes each time)."""
    return vocabulary().get(_clean(text))


def _is_subheader(row: list[Cell]) -> bool:
    """A further header row (grades under 评价标准 …): like a header row, but one label is enough."""
    texts = [c.text for c in row if c.text]
    return bool(texts) and all(classify(t) for t in texts) and any(classify_exact(t) for t in texts)


def grade_keys(layout: Layout, header: list[list[Cell]], width: int) -> dict[int, str]:
    """The key each column's value is recorded under in an indicator's ``grades``.

    A grade column of the vocabulary gives its key (``指标值（含文字描述）`` →
    目标值, RECORDS.md's name for the single target column); any other column, or
    two grade columns that would share a key (a mid-term and a yearly target side
    by side), keep the header as written, without required-field asterisks and spaces.
    """
    def written(col: int) -> str:
        texts = [r[col].text for r in header if col < len(r) and r[col].text]
        return re.sub(r"[\s*＊]", "", texts[-1]) if texts else str(col)

    keys = {j: re.sub(r"[\s*＊]", "", layout.grades.get(j) or "") or written(j) for j in range(width)}
    counts: dict[str, int] = {}
    for key in keys.values():
        counts[key] = counts.get(key, 0) + 1
    return {j: key if counts[key] == 1 else written(j) for j, key in keys.items()}
