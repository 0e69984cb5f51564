"""Budget items of a *form*: a table describing one unit or project as a whole
(部门整体支出绩效目标表, 项目支出绩效目标表).

Such a table is not one grid but a stack of parts: label/value rows
(``部门名称 | 某某局``, ``年度预算申请 | 资金总额 | 1200``, ``年度绩效目标 | …``) and
embedded grids, each opened by a header row of its own (``年度主要任务 | 任务名称 |
主要内容 | 预算金额``; ``年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值``).
RECORDS.md asks for one budget item for the unit plus one per activity row it
lists: the label/value rows and the indicator grids make the unit's item, the
activity grids make one item each, with the unit as their parent.

A label/value row needs its label cell to be *exactly* a vocabulary label, so a
data cell that merely contains a word like 项目 is never read as a label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.budget_grid import first_text, grid_items, indicator_of, parse_amount
from extractors.budget_header import Layout, classify, classify_exact, is_header_row, layout_at, unit_in
from pipeline.record import BudgetItem, Cell, Document, Indicator, Table


@dataclass
class _Unit:
    """What the label/value rows and indicator grids say about the unit as a whole."""

    name: Cell | None = None
    name_role: str = ""
    amount: float | int | None = None
    amount_unit: str | None = None
    description: str | None = None
    goal: str | None = None
    cells: list[Cell] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)


def label_value(row: list[Cell]) -> tuple[str, list[Cell]] | None:
    """``(role, value cells)`` of a label/value row, or None when the row is not one."""
    filled = [c for c in row if c.text]
    if len(filled) < 2:
        return None
    label = classify_exact(filled[0].text)
    if label is None or label.role in ("ignore", "serial", "grade", "grade_group"):
        return None
    values = [c for c in filled[1:] if not classify(c.text)]
    return (label.role, values) if values else None


def _take(unit: _Unit, role: str, label: Cell, values: list[Cell], context: str) -> None:
    if role in ("unit", "activity"):
        # A project's own name (项目名称) outranks the unit that manages it (主管部门).
        if unit.name is None or (role == "activity" and unit.name_role == "unit"):
            unit.name, unit.name_role = values[0], role
    elif role == "amount" and unit.amount is None:
        cell = next((c for c in values if parse_amount(c.text) is not None), None)
        if cell is not None:
            unit.amount = parse_amount(cell.text)
            unit.amount_unit = unit_in(label.text) or unit_in(context)
    elif role == "description" and unit.description is None:
        unit.description = values[0].text
    elif role == "goal" and unit.goal is None:
        unit.goal = " ".join(c.text for c in values)


def form_items(doc: Document, table: Table, context: str) -> list[BudgetItem]:
    """The unit's item followed by one item per activity row; nothing when no unit is named."""
    unit = _Unit()
    activities: list[BudgetItem] = []
    rows = table.rows
    i = 0
    while i < len(rows):
        row = rows[i]
        if is_header_row(row) and label_value(row) is None:
            layout = layout_at(rows, i, context)
            end = _segment_end(rows, i + layout.header_rows)
            segment = Table(rows=rows[i:end], start=table.start, end=table.end)
            layout.first_row = 0  # the segment's rows start at its header
            if layout.columns("activity") and (
                    layout.amount_column is not None or layout.columns("description")
                    or layout.columns("goal")):
                activities.extend(grid_items(doc, segment, layout))
            elif layout.columns("indicator"):
                _indicators(unit, segment, layout)
            elif layout.amount_column is not None:
                _amount(unit, segment, layout)
            i = end
            continue
        pair = label_value(row)
        if pair is not None:
            role, values = pair
            _take(unit, role, next(c for c in row if c.text), values, context)
            unit.cells.extend(c for c in row if c.text)
        i += 1
    if unit.name is None:
        return []
    if not (unit.amount is not None or unit.goal or unit.description or unit.indicators or activities):
        return []
    for item in activities:
        item.parent = item.parent or unit.name.text
    start = min(c.start for c in unit.cells)
    end = max(c.end for c in unit.cells)
    head = BudgetItem(activity=unit.name.text, parent=None, amount=unit.amount,
                      amount_unit=unit.amount_unit, description=unit.description, goal=unit.goal,
                      start=start, end=end, indicators=unit.indicators)
    return [head, *activities]


def _segment_end(rows: list[list[Cell]], i: int) -> int:
    """Where an embedded grid ends: at the next header row or label/value row."""
    while i < len(rows):
        if label_value(rows[i]) is not None or is_header_row(rows[i]):
            break
        i += 1
    return i


def _indicators(unit: _Unit, segment: Table, layout: Layout) -> None:
    for row in segment.rows[layout.header_rows:]:
        indicator = indicator_of(row, layout)
        if indicator:
            unit.indicators.append(indicator)
            unit.cells.extend(c for c in row if c.text)


def _amount(unit: _Unit, segment: Table, layout: Layout) -> None:
    """The unit's amount from a header/value pair of rows (资金总额 over 245.12)."""
    for row in segment.rows[layout.header_rows:]:
        value = parse_amount(first_text(row, layout.columns("amount")) or "")
        if value is not None and unit.amount is None:
            unit.amount, unit.amount_unit = value, layout.amount_unit
            unit.cells.extend(c for c in row if c.text)
