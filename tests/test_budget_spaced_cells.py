"""In a text a conversion spaced out, the cells of a budget form keep what parts them and
lose what the conversion added: a label written with an aside in brackets
(``部门(单位)名称``) is still a label, so the space after it parts two cells; a comparator's
number keeps the short word it counts (``≥100 百分比``); and an indicator's name cut by
the conversion's spaces after the row's categories is joined before its target value."""

from __future__ import annotations

from gongwen.extractors.budget_text import _cells_of, _Span
from gongwen.normalize import normalize

# A made-up form, spaced out as a converter does (inside words, after 、 and ，, before units).
PROSE = "\n".join([
    "本单位 2023 年 度预算 公开说明如下， 主要 职责是 负责 全县 档案、 史志 等工作。",
    "本年 收支 总体 情况 平稳， 各项 支出 均 按 规定 执行， 没有 超出 预算 的 情况。",
])


def lines(*rows: str) -> list[str]:
    return normalize(PROSE + "\n" + "\n".join(rows)).text.split("\n")[2:]


def test_the_space_after_a_label_written_with_an_aside_stays() -> None:
    row = lines("部门(单位)名称 某县档 案馆 部 门预算 编码 8810 年 度")[0]
    assert row.startswith("部门(单位)名称 某县档案馆 部门预算编码")


def test_a_comparators_number_keeps_the_short_word_it_counts() -> None:
    row = lines("质量指 标 报告合格率 ≥100 百分比 100 8 8")[0]
    assert "≥100百分比 100" in row
    # a longer word after the number is a cell of its own
    assert "≥50 达成预期指标" in lines("数量指标 培训人次 ≥50 达成预期指标 8 8")[0]


def cells(line: str, columns: int = 1) -> list[str]:
    return [c.text for c in _cells_of(line, _Span(0, len(line)), [], columns)]


def test_an_indicator_name_cut_after_the_rows_categories_is_joined() -> None:
    assert cells("产出指标 数量指标 资料 整理 时效 100%(历史标准) 100%")[:4] == [
        "产出指标", "数量指标", "资料整理时效", "100%(历史标准)"]
    # with no value after them the parts stay cells (a name, its standard, its result)
    assert cells("产出指标 数量指标 资料整理 严格执行 规定")[2:] == ["资料整理", "严格执行", "规定"]
