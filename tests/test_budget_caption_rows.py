"""A statement copied as text may run its caption, its form number and its unit note
(``金额单位:元``) onto the line of its header labels. The unit note contains a label
word (金额) but names no column: the labels after it open the header row, so the rows
below are read under their own header, not under the previous table's."""

from __future__ import annotations

from gongwen.extractors.budget_text import _cells_of, _Span, _split_stream
from gongwen.process import process_text

# A made-up final account of two statements, each header line opened by its caption.
STATEMENTS = [
    "某镇卫生院2022年部门决算公开表",
    "收入决算表 金额单位:元 收入项目 行次 金额",
    "一、财政拨款收入 1 5,300.00",
    "二、事业收入 2",
    "本年收入合计 3 5,300.00",
    "支出决算表 公开02表 金额单位:元 支出项目(按功能分类) 行次 金额",
    "一、一般公共服务支出 4",
    "二、卫生健康支出 5 4,100.50",
    "三、节能环保支出 6 1,199.50",
]


def test_rows_under_a_header_opened_by_a_caption_are_read() -> None:
    items = process_text("\n".join(STATEMENTS), path="statements.txt").budget_items
    assert [(b.activity, b.amount) for b in items] == [("二、卫生健康支出", 4100.5), ("三、节能环保支出", 1199.5)]


def test_the_unit_note_closes_the_caption_and_the_labels_after_it_are_the_header() -> None:
    line = "支出决算表 公开02表 金额单位:元 支出项目(按功能分类) 行次 金额"
    rows = _split_stream(_cells_of(line, _Span(0, len(line))), long=False)
    assert [c.text for c in rows[-1]] == ["支出项目(按功能分类)", "行次", "金额"]
    assert rows[0][-1].text == "金额单位:元"
