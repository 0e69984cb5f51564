"""Budget tables written as text (cells apart by spaces, one row a line) keep their rows
through the damages a conversion does to prose lines: lines hard-wrapped at a fixed
width, spaces put inside words, line breaks lost, punctuation stripped.

Each case writes a small statement, reads it clean, damages it the way a PDF text
layer or a sharing site does, and asserts the same budget rows.
"""

from __future__ import annotations

import re

from budget_source import lines_from_source

from gongwen.normalize import normalize
from gongwen.process import process_text

#: A final-accounts statement as a PDF text layer gives it: a caption line, the header,
#: rows of an item name, a line number and the amount (empty where nothing was spent).
STATEMENT = "\n".join([
    "某县某镇卫生院2023年度部门决算公开表,本表反映本单位年度支出情况,数据以财务系统决算为准。",
    "支出决算总表 公开02表 金额单位:元 支出 项目(按功能分类) 行次 栏次 金额 1",
    "一、一般公共服务支出 31",
    "二、教育支出 32",
    "三、社会保障和就业支出 33 486,215.30",
    "四、卫生健康支出 34 19,804,377.16",
    "五、节能环保支出 35",
    "六、城乡社区支出 36 73,900.00",
    "七、住房保障支出 37 651,048.72",
    "本年支出合计 38 21,015,541.18 注:本表反映部门本年度的总支出情况。",
])


def items(text: str) -> list[tuple]:
    return [(b.activity, b.amount, b.amount_unit) for b in process_text(text).budget_items]


def hard_wrap(text: str, width: int) -> str:
    """Every line cut at ``width`` characters with no regard for words or numbers."""
    return "\n".join("\n".join(line[i:i + width] for i in range(0, len(line), width)) or line
                     for line in text.split("\n"))


def test_the_statement_itself() -> None:
    assert items(STATEMENT) == [
        ("三、社会保障和就业支出", 486215.3, "元"), ("四、卫生健康支出", 19804377.16, "元"),
        ("六、城乡社区支出", 73900, "元"), ("七、住房保障支出", 651048.72, "元")]


def test_rows_hard_wrapped_at_a_fixed_width_keep_their_cells() -> None:
    # each width cuts the caption's long line several times, and some cut the header inside
    # its bracket (项目(按 / 功能分类)), a number inside its groups or right after a space
    for width in (24, 27, 31):
        assert items(hard_wrap(STATEMENT, width)) == items(STATEMENT), width


def _wrapped_at(line: str, mark: str) -> str:
    """``line`` hard-wrapped at the width that ends its first line right after ``mark``."""
    width = line.index(mark) + len(mark)
    return hard_wrap(line, width)


def test_a_cut_right_after_a_space_keeps_the_space() -> None:
    # the space between two cells is the last character of a full-width line
    line = ("保障本单位志鉴编纂工作开展所需资金 地情经费 49.8 按时发放人员福利待遇 确保日常工作正常运行"
            "的经费支出 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34")
    source = _wrapped_at(line, "资金 ")
    assert source.split("\n")[0].endswith("资金 ")
    assert normalize(source).text == line


def test_a_cut_inside_a_word_before_what_looks_like_a_label_is_joined() -> None:
    # 其中: cut as 其 / 中: — 中: only looks like a label line; 其中 is one word
    line = ("1、公务用车购置和维护经费 11.86 41.46 39.30 其中:公车购置 29.46 29.46 公车运行维护 11.86 12 9.84 "
            "公务接待 17.22 22 4.99 办公经费 14.44 10 0.68 会议费、培训费 0 0.8 0 水费、电费 7.5")
    source = _wrapped_at(line, "其")
    assert "\n中:" in source
    assert normalize(source).text == line


def test_a_comparator_cut_from_its_number_is_joined() -> None:
    line = ("质量指标,办公大楼维修维护验收合格率,反映维修质量>92%,设备更新验收合格率,反映设备更新情况95%,成本指标,"
            "成本控制率不超预算,水电气消耗下降率,反映下降情况>5%,满意度指标,服务对象满意度,反映服务对象满意情况90%。")
    source = _wrapped_at(line, ">")
    assert "\n92%" in source
    assert normalize(source).text == line


def test_a_line_of_the_page_width_ending_a_sentence_is_not_continued() -> None:
    source = "\n".join(["会议由书记召集并主持书记不能出席时可委托副书记召集并主持。", "一、会议组成由全体班子成员参加会议须有半数以上成员到会。",
                        "二、议事范围包括重大事项决策和重要干部任免以及大额资金使用。", "三、会议程序由书记召集会议前应将议题和材料送达与会人员。"])
    assert normalize(source).text == source


def lose_line_breaks(text: str) -> str:
    return re.sub(r"\s*\n\s*", "", text)


def test_rows_run_together_without_line_breaks_part_at_the_next_item_number() -> None:
    # 32三、…: the row number of one row runs into the item number of the next
    assert items(lose_line_breaks(STATEMENT)) == items(STATEMENT)


#: A coded budget: a code opens each group row, detail rows under it have none; every word
#: column stands before the number columns.
CODED = "\n".join(["单位:元", "编号 科目 说明 数量 单价 预算数", "2000 业务费 办公运行经费 41,500",
                   "办公用品购置 1 6,500 6,500", "2015 印刷费 35,000", "宣传资料印制 2 10,000 20,000",
                   "政策汇编印制 1 15,000 15,000"])


def test_a_code_or_words_run_onto_the_numbers_of_the_row_before_open_the_next_row() -> None:
    # a text layer joined each code to the previous row's amount (6,5002015: a grouped number's
    # last group has three digits) and a row to the one before it (20,000政策汇编…)
    run = CODED.replace("6,500\n2015", "6,5002015").replace("20,000\n政策", "20,000政策")
    assert run != CODED
    assert items(run) == items(CODED) == [
        ("业务费", 41500, "元"), ("办公用品购置", 6500, "元"), ("印刷费", 35000, "元"),
        ("宣传资料印制", 20000, "元"), ("政策汇编印制", 15000, "元")]


#: A unit's performance form whose indicator rows explain themselves in long cells with no
#: punctuation (``该指标主要考察…情况``).
FORM = [
    ["部门(单位)名称", "某区价格认证中心", "", "", ""],
    ["年度总体绩效目标", "做好涉案价格认定工作。", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
    ["产出指标", "数量指标", "价格认定案件办结数", "≥120件", "该指标主要考察全年价格认定案件办结情况"],
    ["", "质量指标", "认定结论复核维持率", "≥95%", "该指标主要考察价格认定结论经复核后得以维持的情况"],
    ["效益指标", "满意度指标", "委托机关满意度", "≥90%", "该指标主要考察办案机关对认定工作的满意程度"],
]


def test_a_cell_per_line_keeps_its_bars_where_long_cells_lack_punctuation() -> None:
    # each cell on a line closed by a bar: the punctuation restorer must not put a mark after
    # the bar of a long cell (``…情况 |。``), which would hide the cell's end from the tables stage
    per_line = "\n".join(["某区价格认证中心绩效目标表", *("\n".join(["|", *(f"{c} |" if c else "|" for c in row)])
                                                      for row in FORM)])
    piped = "\n".join(["某区价格认证中心绩效目标表", *("| " + " | ".join(row) + " |" for row in FORM)])
    doc = process_text(per_line)
    assert "|。" not in doc.text
    names = [i.name for b in doc.budget_items for i in b.indicators]
    assert names == [i.name for b in process_text(piped).budget_items for i in b.indicators]
    assert names == ["价格认定案件办结数", "认定结论复核维持率", "委托机关满意度"]


#: The punctuation a stripping converter drops (decimal points and percent signs stay; the
#: thousands separators go with the commas).
PUNCT = re.compile(r"[，。、；：！？“”‘’《》（）,;:!?()]")


def test_a_statement_stripped_of_punctuation_keeps_its_rows() -> None:
    # 项目(按功能分类) becomes 项目按功能分类 and 金额单位:元 becomes 金额单位元; the item names
    # lose their 、, the amounts their separators; a restorer may guess a mark after a row's
    # last number (33；), which is no part of it
    stripped = PUNCT.sub("", STATEMENT)
    assert "项目按功能分类" in stripped
    assert [(a.replace("、", ""), n, u) for a, n, u in items(stripped)] == [
        (a.replace("、", ""), n, u) for a, n, u in items(STATEMENT)]


def test_a_classification_after_a_header_label_names_the_same_column() -> None:
    from gongwen.extractors.budget_header import classify_exact

    assert classify_exact("项目按功能分类") == classify_exact("项目(按功能分类)") == classify_exact("项目")
    assert classify_exact("按功能分类") is None


def test_a_caption_fused_into_a_form_gives_no_one_character_activity() -> None:
    # 项目绩效目标表 cut at its labels leaves 表 alone under 项目: one character and no amount is
    # the tail of a caption, not an activity
    text = "\n".join(["项目绩效目标表2021年度填报单位盖章某镇人民政府 项目名称乡村道路硬化工程项目属性延续项目主管部门某镇财政所",
                      "资金总额 320.5万元", "绩效指标 一级指标 二级指标 指标内容 指标值",
                      "产出指标 数量指标 硬化道路里程 ≥12公里", "效益指标 满意度指标 群众满意度 ≥90%"])
    assert [(b.activity, b.amount, [i.name for i in b.indicators]) for b in process_text(text).budget_items] == [
        ("乡村道路硬化工程", 320.5, ["硬化道路里程", "群众满意度"])]


def test_an_amount_repeated_into_the_next_rows_code_is_cut_where_it_repeats() -> None:
    # without thousands separators the cut 6,500|2015 shows no more; the amount repeated from
    # the cell before it (单价 6500, 预算数 6500) does, and the cut is said in a warning
    run = PUNCT.sub("", CODED).replace("6500\n2015", "65002015")
    assert "6500 65002015 印刷费" in run
    doc = process_text(run)
    assert [(b.activity, b.amount) for b in doc.budget_items] == [(a, n) for a, n, _ in items(CODED)]
    assert any("65002015" in w for w in doc.warnings)


def test_a_coded_table_that_lost_all_its_line_breaks_keeps_its_rows() -> None:
    # 单位:元编号 …预算数2000 业务费 … 41,5002011…: the unit note runs into the header, the header
    # into the first row's code, each amount into the next row's code or name
    assert items(lose_line_breaks(CODED)) == items(CODED)


def test_a_sum_in_words_run_into_the_amount_and_a_year_label_into_a_code_are_cells() -> None:
    from gongwen.extractors.budget_text import _glued_pieces

    assert _glued_pieces("收支并列150,205,000元4,773,630,000") == ["收支并列150,205,000元", "4,773,630,000"]
    assert _glued_pieces("114预算05") == ["114预算", "05"]
    assert _glued_pieces("单位:元编号") == ["单位:元", "编号"]
    assert _glued_pieces("2019年度") == ["2019年度"]  # a year is no label


def test_a_statement_without_punctuation_or_line_breaks_keeps_its_rows() -> None:
    # 32二教育支出: the row number runs into the next item's number, whose 、 is gone too
    both = lose_line_breaks(PUNCT.sub("", STATEMENT))
    assert "32三社会保障和就业支出" in both
    assert [(a.replace("、", ""), n) for a, n, _ in items(both)] == [(a.replace("、", ""), n) for a, n, _ in items(STATEMENT)]


def test_a_page_marker_removed_between_a_rows_words_and_its_numbers_is_a_line_break_again() -> None:
    # a sharing site's page marker (2、) cut the table where a row's name line ended; the
    # normalizer removed it with the break. Inside a word or a number the join is the repair.
    assert lines_from_source("1、业务工作专项\n\n2、 938.8\n320", "1、业务工作专项938.8\n320") == [
        "1、业务工作专项", "938.8", "320"]
    assert lines_from_source("十、节能环保支出 4\n\n4、0", "十、节能环保支出 40") == ["十、节能环保支出 40"]
    assert lines_from_source("维修维\n\n3、护次数 12", "维修维护次数 12") == ["维修维护次数 12"]


def test_a_year_spaced_off_its_amount_label_stays_the_labels() -> None:
    # a conversion put a space between a number and the word after it: 2024 预算数 is one
    # header cell, the budget column, not a number in the header
    assert items(CODED.replace("预算数", "2024 预算数")) == items(CODED)
