"""Budget items of a *form*: a table describing one unit or project as a whole
(部门整体支出绩效目标表, 项目支出绩效目标表, 绩效目标申报表, 绩效自评表).

Such a table is not one grid but a stack of parts, read in turn:

* label/value rows, one or several pairs a row (``项目名称 | 某工程 | 主管部门 |
  某局``), a label alone on its row taking the rows below it as its value
  (``年度总体目标`` over ``目标1 …`` / ``目标2 …``), a label and its value in one
  cell (``预算单位：某局``);
* header rows over value rows (``资金总额 | 财政拨款`` over ``96.3 | 96.3``;
  ``总体目标 | 中期目标 | 年度目标`` over the two targets);
* embedded grids, each opened by a header row of its own: activities
  (``年度主要任务 | 任务名称 | 主要内容 | 预算金额``) and indicators (``一级指标 |
  二级指标 | 三级指标 | 指标值``), whose rows are aligned to the columns by what
  they hold (:mod:`gongwen.extractors.budget_align`), so merged cells that shift a row
  to the left do not shift its meaning.

RECORDS.md asks for one budget item for the unit plus one per activity row it
lists: the label/value rows and the indicator grids make the unit's item, the
activity grids make one item each, with the unit as their parent. Where the form
states an amount several times, this year's budget wins (a label naming another
period, ``中期`` or ``实际执行``, is never read as the amount), and a zero total
over non-zero parts yields to its first non-zero part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gongwen.extractors.budget_align import Column, align, columns_for, kind
from gongwen.extractors.budget_grid import first_text, grid_items, is_total, parse_amount, unit_after_number
from gongwen.extractors.budget_header import (
    Label,
    Layout,
    classify,
    classify_exact,
    grade_keys,
    is_header_row,
    layout_at,
    unit_in,
)
from gongwen.extractors.budget_repair import (
    realigned,
    repair_comparator,
    roles,
    row_labels_unheaded,
    spread_grade_group,
    total_of,
)
from gongwen.record import BudgetItem, Cell, Document, Indicator, Table

#: Roles of a cell that opens a label/value pair.
_PAIR_ROLES = {"unit", "activity", "amount", "description", "goal", "ignore"}
#: Roles a label may have by containing a vocabulary word (names need the exact label).
_LOOSE_ROLES = {"amount", "description", "goal", "ignore"}
#: Longer cells are values, whatever words they contain.
MAX_LOOSE_LABEL = 12
#: ``标签：值`` inside one cell.
_INLINE = re.compile(r"^(?P<label>[^:：]{2,12})[:：]\s*(?P<value>\S.*)$", re.S)
#: A value naming a unit or project holds a letter or a Chinese character.
_NAME = re.compile(r"[A-Za-z\u4e00-\u9fff]")


@dataclass
class _Unit:
    """What the label/value rows and indicator grids say about the unit as a whole."""

    name: Cell | None = None
    name_rank: int = 9
    amounts: list[tuple[int, float | int, str | None]] = field(default_factory=list)  # (rank, value, unit)
    description: str | None = None
    goal: tuple[int, str] | None = None
    cells: list[Cell] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    def offer_goal(self, label: str, text: str) -> None:
        rank = _this_year_rank(label)
        if text and (self.goal is None or rank < self.goal[0]):
            self.goal = (rank, text)

    def offer_amount(self, label: str, value: float | int | None, unit: str | None) -> None:
        if value is not None:
            self.amounts.append((_this_year_rank(label), value, unit))

    def amount(self) -> tuple[float | int | None, str | None]:
        """This year's amount: the best-ranked stated one, a zero yielding to a non-zero part."""
        if not self.amounts:
            return None, None
        ordered = sorted(self.amounts, key=lambda a: a[0])
        first = ordered[0]
        if first[1] == 0:
            first = next((a for a in self.amounts if a[1]), first)
        return first[1], first[2]


def _this_year_rank(label: str) -> int:
    """0 for a label naming this year (本年度, 当年), 1 otherwise: this year's figure wins."""
    return 0 if re.search(r"本年|当年|年度", label) else 1


def split_inline(row: list[Cell]) -> list[Cell]:
    """Cells ``标签：值`` split in two where the part before the colon is a vocabulary label."""
    out: list[Cell] = []
    for cell in row:
        m = _INLINE.match(cell.text)
        label = classify_exact(m.group("label")) if m else None
        if m and label and label.role in _PAIR_ROLES:
            lo = cell.start + m.start("value")
            out.append(Cell(text=m.group("label"), start=cell.start, end=cell.start + m.end("label")))
            out.append(Cell(text=m.group("value").strip(), start=lo, end=lo + len(m.group("value").strip())))
        else:
            out.append(cell)
    return out


def _pair_label(cell: Cell, after_label: bool) -> Label | None:
    """The label a cell opens a pair with, or None for a value."""
    label = classify_exact(cell.text)
    if label is not None:
        return label if label.role in _PAIR_ROLES else None
    if after_label or len(cell.text) > MAX_LOOSE_LABEL or not _NAME.search(cell.text):
        return None
    label = classify(cell.text)
    return label if label is not None and label.role in _LOOSE_ROLES else None


def label_pairs(row: list[Cell]) -> list[tuple[Cell, Label, list[Cell]]]:
    """The label/value pairs of a row, in order; a label may have no value (its rows follow)."""
    out: list[tuple[Cell, Label, list[Cell]]] = []
    after_label = leading = False
    for cell in row:
        if not cell.text:
            continue
        label = _pair_label(cell, after_label)
        if label is not None:
            out.append((cell, label, []))
            after_label = True
        elif out:
            out[-1][2].append(cell)
            after_label = False
        else:
            leading = True  # a caption run into the row, or a data row
    if leading and not (out and out[0][1].role in ("unit", "activity")):
        return []  # a row opening with a value is a data row, unless a name label follows
    return out


def label_value(row: list[Cell]) -> tuple[str, list[Cell]] | None:
    """``(role, value cells)`` of a row opening with a label that has values, or None."""
    pairs = label_pairs(split_inline(row))
    if not pairs or not pairs[0][2]:
        return None
    return pairs[0][1].role, pairs[0][2]


def _take(unit: _Unit, label_text: str, label: Label, values: list[Cell], context: str) -> None:
    """Record one label/value pair; ``label_text`` includes a lone label just before it
    (``年度预算申请（万元） | 资金总额 | 1250.5``: the unit note is the outer label's)."""
    role = label.role
    text = " ".join(c.text for c in values).strip()
    if role in ("unit", "activity"):
        name = next((c for c in values if _NAME.search(c.text)), None)
        # A project's own name (项目名称) outranks the unit that manages it (主管部门);
        # a label saying 名称 outranks one that merely names a kind (预算项目).
        rank = (0 if role == "activity" else 2) + (0 if "名称" in label_text else 1)
        if name is not None and rank < unit.name_rank:
            unit.name, unit.name_rank = name, rank
    elif role == "amount":
        cell = next((c for c in values if parse_amount(c.text) is not None), None)
        if cell is not None:
            written = " ".join(c.text for c in values[values.index(cell):])  # "18,895,713,000 | 元("
            money = unit_in(label_text) or unit_after_number(written) or unit_in(context)
            unit.offer_amount(label_text, parse_amount(cell.text), money)
    elif role == "description" and unit.description is None and text:
        unit.description = text
    elif role == "goal":
        unit.offer_goal(label_text, text)


def _is_grid_header(row: list[Cell]) -> bool:
    """A header row opening a grid: labels, not label/value pairs.

    A name label (项目名称) followed by a cell that is not exactly a label is a
    pair however label-like its value (``委托业务项目``); a number is a value.
    """
    if not is_header_row(row):
        return False
    filled = [c for c in row if c.text]
    for a, b in zip(filled, filled[1:], strict=False):
        label = classify_exact(a.text)
        if label is None or label.role not in _PAIR_ROLES:
            continue
        loose = classify(b.text)
        if label.role in ("unit", "activity") and classify_exact(b.text) is None and (
                loose is None or loose.role in ("unit", "activity")):
            return False  # a name and its value, however label-like (项目名称 | 委托业务项目)
        if classify(b.text) is None and parse_amount(b.text) is None:
            return False  # a form field and its value (立项依据 | 三定方案)
    numbers = [c for c in filled if parse_amount(c.text) is not None and classify(c.text) is None]
    # a statement's header may end in its column number (栏次 1); any other number is a value
    return not numbers or (numbers == filled[-1:] and bool(re.fullmatch(r"\d{1,2}", numbers[0].text)))


def form_items(doc: Document, table: Table, context: str, realign: bool = False) -> list[BudgetItem]:
    """The unit's item followed by one item per activity row (the activities alone when no
    unit is named).

    ``realign``: the table was rebuilt from text, so its activity rows lost their
    empty cells and may be wrapped over several lines; they are joined and aligned
    to the header's columns by content before they are read.
    """
    unit = _Unit()
    activities: list[BudgetItem] = []
    rows = _without_repeated_pairs(doc, [split_inline(r) for r in table.rows])
    pending: tuple[Cell, Label, list[Cell]] | None = None  # a lone label gathering the rows below
    block = ""  # the text of a lone label heading the label/value rows below it
    i = 0
    while i < len(rows):
        row = rows[i]
        if not any(c.text for c in row):
            i += 1
            continue
        if _is_grid_header(row):
            pending = _flush(unit, pending, context)
            block = ""
            if realign:
                spread_grade_group(rows, i)
            layout = layout_at(rows, i, context)
            if realign and row_labels_unheaded(rows, i, layout):
                # the header has no cell over the row labels (a text export dropped the
                # empty corner cell): the rows' first column is the activity column
                head = rows[i][0]
                rows[i] = [Cell(text="", start=head.start, end=head.start), *rows[i]]
                layout = layout_at(rows, i, context)
                layout.roles[0] = "activity"
            values_only = not (layout.columns("activity") or layout.columns("indicator")
                               or layout.columns("indicator_group"))
            end = _segment_end(rows, i + layout.header_rows, values_only)
            segment = Table(rows=rows[i:end], start=table.start, end=table.end)
            layout.first_row = 0  # the segment's rows start at its header
            if layout.columns("activity") and (
                    layout.amount_column is not None or layout.columns("description")
                    or layout.columns("goal")):
                if realign:
                    segment = realigned(doc, segment, layout)
                found = grid_items(doc, segment, layout)
                activities.extend(found)
                _total(doc, unit, segment, layout, found)
            elif layout.columns("indicator") or layout.columns("indicator_group"):
                _indicators(doc, unit, segment, layout)
            else:
                _values_under_header(unit, segment, layout, context)
            i = end
            continue
        pairs = label_pairs(row)
        if pairs:
            if pending is not None and not pending[2]:
                block = pending[0].text  # a lone label over label/value rows: 年度预算安排（万元）
            pending = _flush(unit, pending, context)
            outer = block
            for label_cell, label, values in pairs:
                unit.cells.append(label_cell)
                unit.cells.extend(values)
                if values:
                    _take(unit, outer + label_cell.text, label, values, context)
                outer = block if values else label_cell.text
            last = pairs[-1]
            if not last[2]:
                pending = (last[0], last[1], [])
        elif pending is not None:
            pending[2].extend(c for c in row if c.text)
            unit.cells.extend(c for c in row if c.text)
        i += 1
    _flush(unit, pending, context)
    if unit.name is None:
        return activities  # activity grids with no unit named above them
    amount, money = unit.amount()
    if not (amount is not None or unit.goal or unit.description or unit.indicators or activities):
        return []
    for item in activities:
        item.parent = item.parent or unit.name.text
    cells = unit.cells or [unit.name]
    head = BudgetItem(activity=unit.name.text, parent=None, amount=amount, amount_unit=money,
                      description=unit.description, goal=unit.goal[1] if unit.goal else None,
                      start=min(c.start for c in cells), end=max(c.end for c in cells),
                      indicators=unit.indicators)
    return [head, *activities]


def _row_texts(row: list[Cell]) -> tuple[str, ...]:
    return tuple(c.text for c in row if c.text)


def _without_repeated_pairs(doc: Document, rows: list[list[Cell]]) -> list[list[Cell]]:
    """``rows`` without a label/value row that repeats an earlier one cell for cell.

    A form split over pages may repeat its first rows (项目名称 | … | 主管部门 | …) on the
    next page, in the middle of its indicator grid; read as a pair row, the copy would
    end the grid there and leave the indicators after it unheaded. It says nothing the
    first one did not, so it is read once (with a warning).
    """
    seen: set[tuple[str, ...]] = set()
    out: list[list[Cell]] = []
    for row in rows:
        key = _row_texts(row)
        if len(key) >= 2 and key in seen and label_pairs(row):
            doc.warnings.append(f"budget form: row '{' | '.join(key)[:40]}' repeated after a page break, read once")
            continue
        seen.add(key)
        out.append(row)
    return out


def _flush(unit: _Unit, pending: tuple[Cell, Label, list[Cell]] | None, context: str) -> None:
    """Give a lone label the rows gathered under it; returns None (no label is pending after)."""
    if pending is not None and pending[2]:
        _take(unit, pending[0].text, pending[1], pending[2], context)
    return None


def _segment_end(rows: list[list[Cell]], i: int, values_only: bool = False) -> int:
    """Where an embedded grid ends: at the next header row or label/value row.

    Under a header of amounts (``年初预算数 | 全年预算数``) a row label followed by
    numbers (``年度资金总额： | 0 | 0``) is a value row of the grid, not a pair.
    """
    while i < len(rows):
        filled = [c for c in rows[i] if c.text]
        numbers = len(filled) > 1 and all(parse_amount(c.text) is not None for c in filled[1:])
        total = bool(filled) and is_total(filled[0].text)  # 合计 closes the grid, it is part of it
        if _is_grid_header(rows[i]) or (
                label_value(rows[i]) is not None and not (values_only and numbers) and not total):
            break
        i += 1
    return i


def _indicators(doc: Document, unit: _Unit, segment: Table, layout: Layout) -> None:
    """The indicators of an embedded grid, each row aligned to the columns by what it holds."""
    header = segment.rows[:layout.header_rows]
    width = max(len(r) for r in header)
    while width > 1 and not layout.roles.get(width - 1) and not any(
            j < len(r) and r[j].text for r in header for j in [width - 1]):
        width -= 1  # trailing columns with no header (a padded row)
    body = [r for r in segment.rows[layout.header_rows:] if any(c.text for c in r)]
    columns = columns_for(roles(layout, width), body)
    keys = grade_keys(layout, header, width)
    for row in body:
        placed = align(row, columns)
        indicator = _indicator(placed, columns, keys)
        if indicator:
            repair_comparator(doc, indicator)
            unit.indicators.append(indicator)
            unit.cells.extend(c for c in row if c.text)


def _indicator(placed: list[Cell | None], columns: list[Column], keys: dict[int, str]) -> Indicator | None:
    """The indicator of an aligned row: the deepest name cell; with none, the deepest category
    when a target value is stated (a form whose 指标内容 is left empty)."""
    def text(j: int) -> str:
        cell = placed[j]
        return cell.text if cell is not None else ""

    names = [j for j, c in enumerate(columns) if c.role == "indicator"]
    groups = [j for j, c in enumerate(columns) if c.role == "indicator_group"]
    grades = [j for j, c in enumerate(columns) if c.role == "grade"]
    name = text(names[-1]) if names else ""
    if not name and names[:-1]:
        name = next((text(j) for j in reversed(names[:-1]) if text(j)), "")
    if not name and any(kind(text(j)) in ("num", "int") for j in grades):
        name = next((text(j) for j in reversed(groups) if text(j)), "")
    if not name or is_total(name) or name.endswith((":", "：")) or (
            (label := classify_exact(name)) is not None and label.role in _PAIR_ROLES):
        return None  # a form's field after the grid (填表人: 某某, 联系电话 …) is no indicator
    values = [j for j, c in enumerate(columns) if c.role in ("grade", "value") and text(j)]
    groups_stated = [j for j in groups if text(j)]
    numbers = any(kind(text(j)) in ("num", "int") for j in grades)
    if (not values and not groups_stated) or (kind(name) == "group" and not numbers):
        # a lone cell in the grid (审核意见: the label of another part), or a row of
        # categories with nothing under them (a form's empty 经济效益指标 row)
        return None
    out: dict[str, str] = {}
    for j, col in enumerate(columns):
        if col.role == "grade":
            out[keys[j]] = text(j)
        elif col.role == "value" and text(j):
            out[keys[j]] = text(j)
    return Indicator(name=name, grades=out)


def _values_under_header(unit: _Unit, segment: Table, layout: Layout, context: str) -> None:
    """Amounts and goals stated in value rows under a header row (资金总额 | 财政拨款 over 96.3 | 96.3).

    A value row opening with a label of its own (``年度资金总额：`` then the amounts)
    is read from the left, the label under the header's first column; a row of
    values alone is read from the right (the header's first cell labels the block).
    """
    header = segment.rows[0]
    width = max(len(r) for r in segment.rows)
    labels = [header[j].text if j < len(header) else "" for j in range(width)]
    for row in segment.rows[layout.header_rows:]:
        cells = [c for c in row if c.text]
        if not cells:
            continue
        head = classify(cells[0].text) if parse_amount(cells[0].text) is None else None
        if head is not None:
            placed = dict(zip(range(width), cells, strict=False))
        else:
            filled = [j for j in range(width) if labels[j]]
            placed = dict(zip(filled[len(filled) - len(cells):], cells, strict=False)) if len(cells) <= len(filled) else {}
        for j, cell in placed.items():
            role = layout.roles.get(j)
            if role == "amount":
                label = labels[j] + (cells[0].text if head is not None else "")
                money = layout.amount_unit or unit_after_number(cell.text) or unit_in(context)
                unit.offer_amount(label, parse_amount(cell.text), money)
                unit.cells.extend(cells)
            elif role == "goal":
                unit.offer_goal(labels[j], cell.text)
            elif role == "description" and unit.description is None:
                unit.description = cell.text


def _total(doc: Document, unit: _Unit, segment: Table, layout: Layout, found: list[BudgetItem]) -> None:
    """A form stating no amount of its own takes its activity grid's total row (合计),
    checked against the sum of the top rows (:func:`gongwen.extractors.budget_repair.total_of`)."""
    parts = [b.amount for b in found if b.parent is None and b.amount is not None]
    for row in segment.rows[layout.header_rows:]:
        names = [row[c].text for c in layout.columns("activity") if c < len(row) and row[c].text]
        if names and is_total(names[-1]):
            value = total_of(doc, first_text(row, layout.columns("amount")) or "", parts)
            if value is not None:
                unit.amounts.append((2, value, layout.amount_unit))
            return


def split_forms(table: Table) -> list[Table]:
    """The forms of a table rebuilt from a document's text, one per name row.

    A document may hold several forms one after another (one per project); a row
    naming a project or unit by a 名称 label, after a form that already holds
    more than its name, opens the next form.
    """
    forms: list[list[list[Cell]]] = [[]]
    texts: set[tuple[str, ...]] = set()  # the rows of the current form, as _row_texts
    seen = False
    for row in table.rows:
        named = any(label.role in ("unit", "activity") and values and "名称" in cell.text
                    for cell, label, values in label_pairs(split_inline(row)))
        row_texts = _row_texts(row)
        repeat = row_texts in texts  # a page break's copy
        if named and seen and len(forms[-1]) > 1 and not repeat:
            forms.append([])
            texts = set()
        seen = seen or named
        forms[-1].append(row)
        texts.add(row_texts)
    return [Table(rows=rows, start=rows[0][0].start if rows[0] else table.start, end=table.end)
            for rows in forms if rows]
