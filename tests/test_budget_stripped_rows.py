"""A text layer that lost its punctuation and line breaks runs a row's last amount, written
without thousands separators, into the next row's name (``340000资讯设备维护费``): a number of
five digits or more followed by words that are no unit of it ends its cell. Before a
column label (``88100质量指标``) the label cut reads the row instead."""

from __future__ import annotations

from gongwen.extractors.budget_text import _cells_of, _Span
from gongwen.process import process_text


def cells(line: str) -> list[str]:
    return [c.text for c in _cells_of(line, _Span(0, len(line)))]


def test_a_plain_amount_run_into_the_next_rows_name_is_cut() -> None:
    assert cells("340000档案数字化服务费") == ["340000", "档案数字化服务费"]
    assert cells("340,000档案数字化服务费") == ["340,000", "档案数字化服务费"]
    # a unit, a short number and a column label stay with the number
    assert cells("12000元") == ["12000元"]
    assert cells("2024年度") == ["2024年度"]
    assert "88100质量指标" not in cells("数量指标88100质量指标88100")


def test_the_rows_of_a_stripped_statement_keep_their_names() -> None:
    text = "\n".join([
        "某市档案馆2024年度预算明细",
        "编号 科目 说明 数量 单价 预算数",
        "2015 档案数字化服务费   340000档案库房维护费 1 52000 52000 2018 印刷费   18000",
    ])
    names = [b.activity for b in process_text(text, path="stripped.txt").budget_items]
    assert "档案库房维护费" in names
