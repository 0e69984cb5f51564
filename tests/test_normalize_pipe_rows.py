"""Pipe-table rows run together on one line (a page copied with its line breaks lost) go
back to a line each, on text written for this test."""

from __future__ import annotations

from gongwen.normalize import normalize
from gongwen.normalize.pipe_rows import split_run_together_rows
from gongwen.process import process_text

ROWS = [
    "| 项目名称 | 农村公路养护 | 预算金额(万元) | 120.5 |",
    "| 一级指标 | 二级指标 | 三级指标 | 指标值 |",
    "| 产出指标 | 数量指标 | 养护里程 | ≥300公里 |",
    "| 效益指标 | 满意度指标 | 群众满意度 | ≥90% |",
]


def test_rows_run_together_are_split_back_into_the_table() -> None:
    run_on = "本表经局务会审定，现予公布。" + "".join(ROWS) + "附注：数据截至年底。"
    result = normalize(run_on)
    lines = result.text.split("\n")
    assert lines[1:5] == ROWS
    assert lines[0] == "本表经局务会审定，现予公布。" and lines[5] == "附注：数据截至年底。"
    assert any("pipe rows" in w for w in result.warnings)
    assert _items(run_on) == _items("\n".join(ROWS)) != []


def _items(text: str) -> list[tuple]:
    return [(b.activity, b.amount, b.amount_unit, [(i.name, i.grades) for i in b.indicators])
            for b in process_text(text).budget_items]


def test_a_row_with_empty_cells_written_without_blanks_is_not_cut() -> None:
    one_row = "| 项目 || 金额 || 备注 |"  # empty cells as bare bars: one row, not three
    assert split_run_together_rows(one_row) == []


def test_boundaries_that_give_no_table_shape_are_left_alone() -> None:
    ragged = "| 甲 || 乙 | 丙 | 丁 | 戊 | 己 || 庚 || 辛 | 壬 | 癸 | 子 | 丑 | 寅 | 卯 |"
    assert split_run_together_rows(ragged) == []
