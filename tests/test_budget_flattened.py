"""A budget table flattened each way it reaches us gives the budget items of the grid it
came from.

Each case writes a small grid, reads it as a real table (the cell-per-line layout the
readers render), then flattens the same grid the way a web page, a spreadsheet dump, a
.docx text layer or a sharing site does, and asserts the same budget items: activity,
parent, amount as written, amount unit, indicator names.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gongwen.process import process_text

Grid = list[list[str]]

# A project form: label/value rows, then an indicator grid whose category cells are
# merged down (empty below their first row).
FORM: Grid = [
    ["项目名称", "乡村道路养护", "主管部门", "某县交通运输局"],
    ["年度预算金额(万元)", "120.5", "", ""],
    ["年度绩效目标", "完成农村公路日常养护任务", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "养护里程", "≥300公里"],
    ["", "质量指标", "路面完好率", "≥85%"],
    ["效益指标", "满意度指标", "沿线群众满意度", "≥90%"],
]

# A cost breakdown under a project name: the total row adds up its parts.
COSTS: Grid = [
    ["项目名称", "档案数字化加工", "", ""],
    ["成本构成", "金额", "测算依据", "上年执行数"],
    ["扫描服务费", "36", "按页计价", "30"],
    ["存储设备购置", "12.5", "政府采购价", "10"],
    ["合计", "48.5", "", "40"],
]

# A unit's activities under a 预算单位 line, amounts in 元 with separators.
UNIT: Grid = [
    ["预算单位", "某镇人民政府", "", ""],
    ["科目", "说明", "数量", "预算数"],
    ["办公费", "日常办公用品", "1", "12,000"],
    ["印刷费", "宣传资料印制", "2", "8,500"],
]


def cell_per_line(grid: Grid) -> str:
    """The readers' table layout: each row opens with an empty line, cells TAB-led."""
    lines = ["单位：万元"]
    for row in grid:
        lines.append("")
        lines.extend("\t" + c for c in row)
    return "\n".join(lines) + "\n"


def pipe_rows(grid: Grid) -> str:
    """One row a line, ` | ` between cells; a merged cell is simply missing (the row shifts
    left) and the row's empty cells run together at its end (``||||``)."""
    lines = ["单位:万元"]
    for row in grid:
        cells = row[next((k for k, c in enumerate(row) if c), 0):]
        filled = [c for c in cells if c]
        lines.append(" | ".join(filled) + " |" + "|" * (len(row) - len(filled)))
    return "\n".join(lines) + "\n"


def bar_lines(grid: Grid) -> str:
    """One cell a line, each ending in ` |`; a lone `|` opens a row; empty cells are bars
    (``|||``), as a web page's table pastes."""
    lines = ["单位:万元"]
    for row in grid:
        lines.append("|")
        empties = 0
        for c in row:
            if c:
                if empties:
                    lines.append("|" * empties)
                    empties = 0
                lines.append(f"{c} |")
            else:
                empties += 1
        if empties:
            lines.append("|" * empties)
    return "\n".join(lines) + "\n"


def space_aligned(grid: Grid) -> str:
    """A spreadsheet dumped as text: cells apart by spaces, empty cells gone, a label cell
    with no value beside it wrapped one word per line."""
    lines = ["金额单位:万元"]
    for row in grid:
        filled = [c for c in row if c]
        if len(filled) == 2 and len(filled[0]) > 6 and filled[0].startswith("年度"):
            label = filled[0]
            lines.extend([label[:2], label[2:4], label[4:6], label[6:]])
            lines.append(filled[1])
            continue
        lines.append(" ".join(filled))
    return "\n".join(lines) + "\n"


def padded_columns(grid: Grid, wrap: int = 5, pad: str = " ") -> str:
    """A page layout dumped as text: each column padded with blanks to its own width, a
    long word cell wrapped at ``wrap`` characters under its column with the other columns
    blank on the continuation lines; numbers are never wrapped (they widen their column)."""
    def parts(cell: str) -> list[str]:
        if cell.replace(".", "").replace(",", "").isdigit():
            return [cell]
        return [cell[i:i + wrap] for i in range(0, len(cell), wrap)] or [""]

    cells = [[parts(c) for c in row] for row in grid]
    widths = [max(len(p) for row in cells for p in row[j]) for j in range(len(grid[0]))]
    lines = ["金额单位:万元", ""]
    for row in cells:
        for k in range(max(len(p) for p in row)):
            texts = [p[k] if k < len(p) else "" for p in row]
            lines.append("  ".join(t.ljust(w, pad) for t, w in zip(texts, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def padded_fullwidth(grid: Grid) -> str:
    """The same layout padded with full-width spaces and wrapped at four characters."""
    return padded_columns(grid, wrap=4, pad="\u3000")


def spaced_words(grid: Grid) -> str:
    """Cells apart by spaces, and a conversion's stray space inside every word of three
    Han characters or more (``项 目名称``, ``乡 村道路养护``)."""
    return space_aligned([[f"{c[0]} {c[1:]}" if len(c) >= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in c) else c
                           for c in row] for row in grid])


def one_line_spaces(grid: Grid) -> str:
    """A text layer with no line breaks: every cell apart by one space, all on one line."""
    return "金额单位:万元 " + " ".join(c for row in grid for c in row if c) + "\n"


def fused(grid: Grid) -> str:
    """A .docx text layer with no cell separators at all: the cells run together."""
    return "金额单位:万元\n" + "".join(c for row in grid for c in row if c) + "\n"


def tab_rows(grid: Grid) -> str:
    """A spreadsheet copy: one row a line, cells apart by TABs."""
    return "单位：万元\n" + "\n".join("\t".join(row) for row in grid) + "\n"


def bar_per_cell(grid: Grid) -> str:
    """Every cell on a line of its own ending in ` |`, an empty cell a lone `|`, a lone `|`
    opening each row; above the table, the page's own bars around a unit note."""
    lines = ["|", "单位:万元 |", "||||", "|"]
    for row in grid:
        lines.append("|")
        lines.extend(f"{c} |" if c else "|" for c in row)
    return "\n".join(lines) + "\n"


def pipes_merged(grid: Grid) -> str:
    """Rows opened and closed by bars with no spaces: a cell equal to the one above is
    empty (merged), each row closes with a run of bars of its own length, and the header
    row is repeated after the second row (a page break)."""
    lines = ["单位:万元"]
    for i, row in enumerate(grid):
        above = grid[i - 1] if i else []
        cells = ["" if i and c and j < len(above) and c == above[j] else c for j, c in enumerate(row)]
        lines.append("|" + "|".join(cells) + "|" * (1 + (i * 3) % 5))
        if i == 1:
            lines.append("|" + "|".join(grid[0]) + "|")
    return "\n".join(lines) + "\n"


def fused_rows(grid: Grid) -> str:
    """A .docx table copied as text: one row a line, its cells run together."""
    return "金额单位:万元\n" + "\n".join("".join(row) for row in grid) + "\n"


FLATTENERS: dict[str, Callable[[Grid], str]] = {
    "pipe_rows": pipe_rows, "bar_lines": bar_lines, "space_aligned": space_aligned,
    "one_line_spaces": one_line_spaces, "fused": fused, "tab_rows": tab_rows,
    "bar_per_cell": bar_per_cell, "pipes_merged": pipes_merged, "fused_rows": fused_rows,
    "padded_columns": padded_columns, "padded_fullwidth": padded_fullwidth, "spaced_words": spaced_words,
}


def read(text: str) -> list[tuple]:
    doc = process_text(text)
    return [(b.activity, b.parent, b.amount, b.amount_unit, [i.name for i in b.indicators])
            for b in doc.budget_items]


@pytest.mark.parametrize("grid, expected", [
    (FORM, [("乡村道路养护", None, 120.5, "万元", ["养护里程", "路面完好率", "沿线群众满意度"])]),
    (COSTS, [("档案数字化加工", None, 48.5, "万元", []), ("扫描服务费", "档案数字化加工", 36, "万元", []),
             ("存储设备购置", "档案数字化加工", 12.5, "万元", [])]),
    (UNIT, [("某镇人民政府", None, None, None, []), ("办公费", "某镇人民政府", 12000, "万元", []),
            ("印刷费", "某镇人民政府", 8500, "万元", [])]),
], ids=["form", "costs", "unit"])
def test_the_grid_itself(grid: Grid, expected: list[tuple]) -> None:
    assert read(cell_per_line(grid)) == expected


CASES = [(grid, name, flatten) for grid, name in ((FORM, "form"), (COSTS, "costs"), (UNIT, "unit"))
         for flatten in sorted(FLATTENERS)
         # Known limit: fused text is cut at labels of three characters or more (shorter ones
         # hide inside values), so a grid labelled only 科目 | 说明 | 数量 cannot be cut apart.
         if (name, flatten) != ("unit", "fused")
         # Known limit: activity grids fused one row a line are not realigned yet (forms are).
         and not (name in ("costs", "unit") and flatten == "fused_rows")]


@pytest.mark.parametrize("grid, flatten", [(g, f) for g, _, f in CASES], ids=[f"{n}-{f}" for _, n, f in CASES])
def test_each_flattening_gives_the_grid_items(grid: Grid, flatten: str) -> None:
    assert read(FLATTENERS[flatten](grid)) == read(cell_per_line(grid))


def test_a_fused_total_is_split_by_its_parts_with_a_warning() -> None:
    doc = process_text(fused(COSTS))
    assert doc.budget_items[0].amount == 48.5
    assert any("48.540" in w and "48.5" in w for w in doc.warnings)


def test_a_word_opening_with_a_measure_word_is_no_unit_of_the_number_before_it() -> None:
    # 36根据…: 根据 ("according to") opens the next cell; 根 is no unit of 36
    grid = [row[:] for row in COSTS]
    grid[2][2] = "根据页数计价"
    doc = process_text(fused(grid))
    assert [(b.activity, b.amount) for b in doc.budget_items][:2] == [("档案数字化加工", 48.5), ("扫描服务费", 36)]
