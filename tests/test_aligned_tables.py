"""Every number in a table cell is a figure, however the table was flattened: a table dumped
as space-aligned text (its long cells wrapped under their columns, padded with full-width
spaces) gives the figures of the same table written as pipe rows, and the normalizer puts
it into the table layout. Tables written for the test."""

from __future__ import annotations

import re

import pytest

from gongwen.extractors.figures import figures_of
from gongwen.normalize import normalize
from gongwen.process import process_text
from gongwen.tables import find_tables

GRID = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "举办培训班次数", "≥12期"],
    ["", "质量指标", "学员考核合格率", "95%-98%"],
    ["", "时效指标", "培训完成时间", "2024.03-2024.11"],
    ["效益指标", "满意度指标", "学员满意程度", "≥90%"],
    ["成本指标", "经济成本指标", "培训经费", "36.5万"],
    ["", "", "参训率", "100%"],
]


def pipes(grid: list[list[str]]) -> str:
    return "\n".join("| " + " | ".join(row) + " |" for row in grid)


def space_aligned(grid: list[list[str]], width: int) -> str:
    """Each column ``width`` characters and two blanks wide, padded with full-width spaces;
    a cell longer than that wrapped onto the next lines, bare numbers never."""
    out = []
    for row in grid:
        parts = [[c] if re.fullmatch(r"[\d.,%]+", c) else [c[i:i + width] for i in range(0, len(c), width)] or [""]
                 for c in row]
        for k in range(max(map(len, parts))):
            out.append("  ".join((p[k] if k < len(p) else "").ljust(width + 2, "\u3000") for p in parts).rstrip())
    return "\n".join(out)


def figures(table: str) -> list[tuple]:
    doc = process_text("某单位培训项目绩效目标表\n" + table + "\n以上指标按年度考核。", path="t.txt")
    return [(f.text, f.kind, f.value, f.unit, f.cmp) for f in doc.figures]


def test_the_pipe_table_gives_a_figure_for_every_number() -> None:
    assert figures(pipes(GRID)) == [
        ("12期", "count", 12, "期", ">="), ("95%-98%", "percent", [0.95, 0.98], None, None),
        ("2024.03-2024.11", "date", ["2024-03", "2024-11"], None, None), ("90%", "percent", 0.9, None, ">="),
        ("36.5万", "money", 365000, "元", None), ("100%", "percent", 1, None, None)]


@pytest.mark.parametrize("width", [3, 4, 5, 6, 8])
def test_a_space_aligned_table_gives_the_figures_of_its_grid(width: int) -> None:
    # wrapped at `width`: 2024.03-2024.11 spreads over four lines, 学员考核合格率 over two
    assert figures(space_aligned(GRID, width)) == figures(pipes(GRID))


def test_the_normalizer_joins_wrapped_cells_into_the_table_layout() -> None:
    text = "培训项目绩效目标表\n" + space_aligned(GRID, 4) + "\n三、其他\n以上指标按年度考核。"
    out = normalize(text).text
    assert "\t2024.03-2024.11\n" in out and "\t学员考核合格率\n" in out
    # the title above stays a line; a short line after the table (a heading) is no row of it
    assert out.startswith("培训项目绩效目标表\n\n\t一级指标\n")
    assert out.endswith("\t100%\n\n三、其他\n以上指标按年度考核。")
    # the tables stage reads the grid back
    (table, _), = find_tables(out)
    assert [[c.text for c in row] for row in table.rows] == GRID


def test_the_tables_stage_reads_a_space_aligned_table_as_it_stands() -> None:
    # a text not normalized: the same reader gives the grid, wrapped cells joined
    (table, _), = find_tables(space_aligned(GRID, 5))
    assert [[c.text for c in row] for row in table.rows] == GRID


def test_money_named_by_the_row_label_one_cell_line_above() -> None:
    # 万 without 元 is money where its row names money, also when each cell is a line of its own
    assert [(f.text, f.kind, f.value) for f in figures_of("\n\t年度预算金额\n\t250万\n\t上级资金\n\t0\n")][:1] == [
        ("250万", "money", 2500000)]
    # the row ends at the blank line: the label of the row above names nothing of this one
    assert [f.kind for f in figures_of("\n\t预算金额\n\t自筹\n\n\t服务人次\n\t25万\n")] != ["money"]


def test_ge_printed_as_two_under_a_bounded_share_in_the_table_layout() -> None:
    text = "\n\t效益指标\n\t市民对服务的满意程度\n\t285%\n\n\t产出指标\n\t营业收入增长率\n\t290%\n"
    assert [(f.text, f.value, f.cmp) for f in figures_of(text)] == [("85%", 0.85, ">="), ("290%", 2.9, None)]
    # a row that names no share proves nothing
    assert [(f.text, f.cmp) for f in figures_of("| 指标 | 风炮射程 | 280% |")] == [("280%", None)]


def test_a_dotted_range_after_a_time_label_is_no_page_stamp() -> None:
    assert [(f.text, f.value) for f in figures_of("完成时间\n\t2024.03-2024.11\n")] == [
        ("2024.03-2024.11", ["2024-03", "2024-11"])]
    assert figures_of("发布时间：2022.10.15 10:50") == []


def test_labels_of_one_width_fill_their_column_but_wrap_nothing() -> None:
    # no line of this table leaves a column blank under a full one: nothing is wrapped, each
    # line is a row (产出指标 and 效益指标 fill their column alike); the heading after it stays text
    text = ("前言。\n一级指标  二级指标  三级指标  指标值\n产出指标  数量指标  培训人次  300\n"
            "效益指标  服务对象  群众满意  ≥90%\n三、  其他事项\n本办法自发布之日起施行。")
    out = normalize(text).text
    assert "\t产出指标\n\t数量指标\n\t培训人次\n\t300\n\n\t效益指标\n" in out
    assert out.endswith("\t≥90%\n\n三、  其他事项\n本办法自发布之日起施行。")
    assert [(f.text, f.cmp) for f in figures_of(out)] == [("300", None), ("90%", ">=")]
