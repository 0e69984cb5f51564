"""Budget items of a *grid*: a header row (or two) naming the columns, then one row
per activity (the layout of seed 004's 预算绩效目标表).

The layout comes from the header (:mod:`gongwen.extractors.budget_header`). A row with an
empty activity cell but indicator cells continues the activity above (the table
merged the activity cell over its indicator rows); a row indented (leading
spaces in its activity cell) or filled in a deeper activity column is a sub-row
whose ``parent`` is the nearest shallower activity above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gongwen import lexicon
from gongwen.extractors.budget_header import HERE, Layout, classify_exact, money_units
from gongwen.record import BudgetItem, Cell, Document, Indicator, Table

#: The number in an amount cell, as written (thousands separators allowed).
_NUMBER = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")
#: Characters that indent a sub-row's activity cell.
_INDENT = " \u3000\u00a0"
#: Characters that end the look-back for indentation (cell boundaries).
_CELL_EDGE = "\t\n|"


def parse_amount(text: str) -> float | int | None:
    """The number of an amount cell as written: ``140.32`` → 140.32, ``1,200`` → 1200."""
    m = _NUMBER.search(text)
    if not m:
        return None
    raw = m.group().replace(",", "")
    try:
        return float(raw) if "." in raw else int(raw)
    except ValueError:
        return None


def unit_after_number(text: str) -> str | None:
    """The money unit written right after the number in a cell (``12万元`` → ``万元``)."""
    m = _NUMBER.search(text)
    if not m:
        return None
    rest = text[m.end():].lstrip()
    return next((u for u in money_units() if rest.startswith(u)), None)


def indent_of(doc: Document, cell: Cell) -> int:
    """How far a cell's text is indented: the run of spaces before it inside its cell.

    Looks in the normalized text first and, when the normalizer dropped the
    indentation, in the source text through the offset map.
    """
    width = _lead(doc.text, cell.start)
    offsets, source = doc.work.offsets, doc.work.source_text
    if width == 0 and source and cell.start < len(offsets):
        width = _lead(source, offsets[cell.start])
    return width


def _lead(text: str, pos: int) -> int:
    """Width of the spaces right before ``pos`` when they open a cell (a full-width space counts 2)."""
    width = 0
    i = pos - 1
    while i >= 0 and text[i] in _INDENT:
        width += 2 if text[i] == "\u3000" else 1
        i -= 1
    return width if i < 0 or text[i] in _CELL_EDGE else 0


def _cell(row: list[Cell], col: int | None) -> Cell | None:
    if col is None or col >= len(row) or not row[col].text:
        return None
    return row[col]


def _text(row: list[Cell], col: int | None) -> str | None:
    cell = _cell(row, col)
    return cell.text if cell else None


@dataclass
class _Open:
    """An item being built, with the span of the cells it covers so far."""

    item: BudgetItem
    depth: tuple[int, int, int]  # activity column, indentation, marker rank
    breakdown: bool = False  # a "其中：" row, nested under the row above

    def cover(self, row: list[Cell]) -> None:
        for cell in row:
            if cell.text:
                self.item.start = min(self.item.start, cell.start)
                self.item.end = max(self.item.end, cell.end)


def indicator_of(row: list[Cell], layout: Layout) -> Indicator | None:
    """The indicator a row states: its rightmost non-empty name cell and the grade cells."""
    names = [t for t in (_text(row, c) for c in layout.columns("indicator")) if t]
    grades = {key: (_text(row, col) or "") for col, key in sorted(layout.grades.items())}
    if not names:
        return None
    return Indicator(name=names[-1], grades=grades)


def grid_items(doc: Document, table: Table, layout: Layout) -> list[BudgetItem]:
    """Budget items of a grid table whose header is ``layout``."""
    activity_cols = layout.columns("activity")
    amount_cols = layout.columns("amount")
    desc_cols, goal_cols = layout.columns("description"), layout.columns("goal")
    serial_cols = layout.columns("serial")
    header = {c.text for r in table.rows[layout.first_row:layout.first_row + layout.header_rows] for c in r}
    stack: list[_Open] = []
    built: list[_Open] = []
    done: list[_Open] = []  # items of earlier tables run into this one (each after its caption)
    seen: dict[int, str] = {}  # the last text of each activity column (merged cells are empty below)
    body = [r for r in table.rows[layout.first_row + layout.header_rows:] if any(c.text for c in r)]
    codes = code_ranks([first_text(r, serial_cols) or "" for r in body])
    line_form = bool(layout.columns("line"))
    for n, row in enumerate(body):
        if _repeats_header(row, header):
            continue  # a header repeated after a page break
        lone = [c.text for c in row if c.text]
        if len(lone) == 1 and n + 1 < len(body) and _repeats_header(body[n + 1], header):
            if is_continued(lone[0]):
                continue  # "续表" after a page break: the same table goes on
            stack.clear()  # the caption of the next table of the same form (304宣传部 …): a new outline
            seen.clear()
            done.extend(built)
            built = []
            continue
        filled = [(k, c) for k, c in enumerate(activity_cols) if _cell(row, c)]
        label = classify_exact(row[filled[-1][1]].text) if filled else None
        if filled and ((label and label.role != "breakdown") or is_total(row[filled[-1][1]].text)):
            continue  # a 合计/小计 row, or a label row: no activity of its own
        if filled:
            level, col = filled[-1]
            for k, c in filled:
                seen[k] = row[c].text
            cell = row[col]
            cut = breakdown_prefix(cell.text)
            if cut and cut == len(cell.text):
                continue  # a bare "其中：" row: the rows below carry the breakdown
            if cut and stack:
                while len(stack) > 1 and stack[-1].breakdown:
                    stack.pop()
                cell = Cell(text=cell.text[cut:], start=cell.start + cut, end=cell.end)
                level_, indent, rank = stack[-1].depth
                depth = (level_, indent + 1, rank)  # just below the row it breaks down
            else:
                cut = 0
                rank = (codes[n] if codes else
                        marker_rank(cell.text) or serial_rank(first_text(row, serial_cols) or ""))
                depth = (level, indent_of(doc, cell), rank)
                while stack and stack[-1].depth >= depth:
                    stack.pop()
            parent = stack[-1].item.activity if stack else None
            if parent is None and level > 0:
                parent = seen.get(level - 1)
            amount_text = first_text(row, amount_cols) or ""
            if line_form and parse_amount(amount_text) is None:
                continue  # an empty line of a fixed statement (行次 column), not an activity
            if len(cell.text.strip()) < 2 and parse_amount(amount_text) is None:
                continue  # one character and no amount: a word's tail a text layer cut off (目标|表)
            item = BudgetItem(
                activity=cell.text, parent=parent, amount=parse_amount(amount_text),
                amount_unit=layout.amount_unit or unit_after_number(amount_text),
                description=first_text(row, desc_cols), goal=first_text(row, goal_cols),
                start=cell.start, end=cell.end)
            current = _Open(item, depth, breakdown=bool(cut))
            stack.append(current)
            built.append(current)
        elif not built:
            continue  # rows before the first activity (a unit note, a group label)
        else:
            current = built[-1]
            item = current.item
            item.description = item.description or first_text(row, desc_cols)
            item.goal = item.goal or first_text(row, goal_cols)
        indicator = indicator_of(row, layout)
        if indicator:
            current.item.indicators.append(indicator)
        current.cover(row)
    return nest_by_sums([b.item for b in done + built])


def nest_by_sums(items: list[BudgetItem]) -> list[BudgetItem]:
    """Sub-rows of a flat table recovered from its arithmetic.

    A PDF or a plain export may lose the indentation that marks sub-rows, but a
    budget table still adds up: an activity whose amount is the sum of the two or
    more activities right below it is their parent (``基层党组织建设 86.5`` over
    ``62.3`` and ``24.2``). Applied only when no row of the table has a parent
    already, so stated structure always wins; a sum must match to the cent.
    """
    if any(it.parent for it in items):
        return items
    i = 0
    while i < len(items):
        head, total, j = items[i], 0.0, i + 1
        while head.amount and j < len(items) and items[j].amount is not None and total < head.amount - 0.005:
            total += items[j].amount
            j += 1
        if head.amount and j - i > 2 and abs(total - head.amount) < 0.005:
            for child in items[i + 1:j]:
                child.parent = head.activity
            i = j
        else:
            i += 1
    return items


def _repeats_header(row: list[Cell], header: set[str]) -> bool:
    texts = [c.text for c in row if c.text]
    return len(texts) >= 2 and all(t in header for t in texts)


def first_text(row: list[Cell], cols: list[int]) -> str | None:
    return next((t for t in (_text(row, c) for c in cols) if t), None)


#: A budget code: digits only, two or more (用途别 2000 / 2015, 分支计划 05).
_CODE = re.compile(r"^\d{2,}$")


def code_ranks(serials: list[str]) -> list[int]:
    """How deep each row nests by the budget code in its serial column; [] when the column holds no codes.

    Codes of one scheme share a length and nest by their significant digits
    (``2000`` over ``2015``: the zeros of a group code are padding); a scheme of
    shorter codes is the outer one (``05`` over ``2000``), and a row with no
    code is a detail line under the code above it.
    """
    codes = [s.strip() for s in serials]
    codes = ["" if is_total(c) else c for c in codes]  # 合计 written in the code column
    if sum(1 for c in codes if _CODE.match(c)) < 2 or any(c and not _CODE.match(c) for c in codes):
        return []
    shapes = sorted({(len(c), len(c.rstrip("0")) or 1) for c in codes if c})
    deepest = len(shapes)
    return [shapes.index((len(c), len(c.rstrip("0")) or 1)) if c else deepest for c in codes]


#: A dotted serial number (1.1, 2.3.1): one level deeper per dot below the plain ``1``.
_DOTTED = re.compile(r"^\d+(?:\.\d+)+$")


def serial_rank(text: str) -> int:
    """How deep the number in a serial column (序号) nests its row: ``一`` 0, ``1`` 2, ``1.1`` 3.

    The column holds bare markers, so the marker patterns are tried with the
    ``、`` a marker in the text would carry; 0 when the cell is empty or no marker.
    """
    text = text.strip()
    if not text:
        return 0
    if _DOTTED.match(text):
        return marker_rank("1、") + text.count(".")
    return marker_rank(text if text[-1] in "、.．)）" else text + "、")


@cache
def _row_words(kind: str) -> tuple[str, ...]:
    return tuple(lexicon.of_kind(HERE / "budget_rows.txt", kind))


def is_total(text: str) -> bool:
    """Whether an activity cell is a 合计/小计 label (``budget_rows.txt``): a sum, not an activity."""
    return re.sub(r"\s+", "", text) in _row_words("total")


def is_continued(text: str) -> bool:
    """Whether a lone cell says a table continues after a page break (``续表``, ``某某表（续）``)."""
    bare = re.sub(r"[\s（）()]+", "", text)
    words = _row_words("continued")
    return bare in words or any(bare.endswith(w) for w in words)


def breakdown_prefix(text: str) -> int:
    """Length of a ``其中：`` prefix (``budget_rows.txt``) opening a cell, with spaces after it; 0 without.

    Such a row itemizes part of the row above it, so it is that row's sub-row
    even where the table shows no indentation (a web copy loses it).
    """
    for prefix in _row_words("subrow"):
        if text.startswith(prefix):
            rest = text[len(prefix):]
            return len(text) - len(rest.lstrip(" \u3000"))
    return 0


@cache
def _markers() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in lexicon.entries(HERE / "budget_markers.txt")]


def marker_rank(text: str) -> int:
    """How deep an item marker nests (``一、`` 0, ``（一）`` 1, ``1.`` 2 …); 0 with no marker."""
    return next((rank for rank, pattern in enumerate(_markers()) if pattern.match(text)), 0)
