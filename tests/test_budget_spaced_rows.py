"""In a text a conversion spaced out (spaces inside words all through it), a budget table
copied as text with one space between its cells has its row labels cut by the same
spaces (``八、社会保 障和 就业支出 38 697.84``); the parts of a row's label are joined back
(a row holds no more text cells before its values than its header names), and only
there: in a written text one space between two words of a row may part two cells."""

from __future__ import annotations

from gongwen.extractors.budget_text import _cells_of, _Span
from gongwen.normalize.spaced_out import NOTE, found_spaced_out
from gongwen.process import process_text

# Prose of a made-up report, spaced out as a converter does (inside words, after 、 and ，).
PROSE = [
    "本单位 2023 年 度预算 公开说明如下， 主要 职责是 负责 全镇 医疗、 卫生、 防疫 等工作。",
    "本年 收支 总体 情况 平稳， 各项 支出 均 按 规定 执行， 没有 超出 预算 的 情况。",
]
# A text-form table of a made-up final account, its cells one space apart; the conversion
# also cut three row labels (社会保障和 就业 支出, 卫生 健康支出, 节能 环保 支出).
TABLE = [
    "支出决算表 金额单位:元",
    "项目 行次 金额",
    "七、文化旅游支出 12 3,500.00",
    "八、社会保障和 就业 支出 13 697,723.84",
    "九、卫生 健康支出 14 25,037.22",
    "十、节能 环保 支出 15 8,800.00",
]


def activities(text: str) -> list[str]:
    return [item.activity for item in process_text(text, path="spaced.txt").budget_items]


def test_a_row_label_the_conversion_cut_is_joined_back() -> None:
    doc = process_text("\n".join(PROSE + TABLE), path="spaced.txt")
    assert found_spaced_out(doc.warnings)
    names = [item.activity for item in doc.budget_items]
    assert "八、社会保障和就业支出" in names and "九、卫生健康支出" in names and "十、节能环保支出" in names
    assert not any(n in {"支出", "健康支出"} for n in names)
    assert any("read as one" in w for w in doc.warnings)  # the joins are a guess, said so


def test_in_a_written_text_one_space_still_parts_two_cells() -> None:
    clean = ["本单位2023年度预算公开说明如下，主要职责是负责全镇医疗、卫生、防疫等工作。"]
    doc = process_text("\n".join(clean + TABLE), path="written.txt")
    assert not found_spaced_out(doc.warnings)
    assert "八、社会保障和就业支出" not in [item.activity for item in doc.budget_items]


def cells(line: str, columns: int = 1) -> list[str]:
    return [c.text for c in _cells_of(line, _Span(0, len(line)), [], columns)]


def test_only_the_words_before_a_rows_first_number_are_joined() -> None:
    assert cells("八、社会保障和 就业 支出 13 697.84") == ["八、社会保障和就业支出", "13", "697.84"]
    assert cells("2030 差旅 费 8,800") == ["2030", "差旅费", "8,800"]
    assert cells("八、社会保障和 就业 支出 13 697.84", columns=0)[:3] == ["八、社会保障和", "就业", "支出"]
    # a header naming two text columns (科目, 说明) keeps two words apart, joins three
    assert cells("办公费 日常办公用品 1 12,000", columns=2) == ["办公费", "日常办公用品", "1", "12,000"]
    assert cells("宣传 资料 印制 2 8,500", columns=2)[0] == "宣传资料印制"
    # header labels are cells of their own, and words with no number after them stay apart
    assert cells("产出指标 数量指标 培训人次 100") == ["产出指标", "数量指标", "培训人次", "100"]
    assert cells("办公 用品 说明") == ["办公", "用品", "说明"]
    # in a line running several rows together, text after a number may be several cells
    assert cells("合规性 10 10 经费支出合规性 严格执行 规定 8 8")[3:6] == ["经费支出合规性", "严格执行", "规定"]


def test_a_header_with_two_text_columns_keeps_a_rows_two_words_apart() -> None:
    table = ["科目 说明 数量 预算数", "印刷费 宣传资料印制 2 8,500", "办公费 日常 办公用品 1 12,000"]
    doc = process_text("\n".join(PROSE + table), path="spaced.txt")
    assert found_spaced_out(doc.warnings)
    assert "印刷费" in [item.activity for item in doc.budget_items]


def test_the_spaced_out_warning_is_what_readers_look_for() -> None:
    assert found_spaced_out([f"{NOTE}: 12 removed"])
    assert not found_spaced_out(["budget: something else"])
