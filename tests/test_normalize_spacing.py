"""Stray spaces of converted documents go from running text; headings and table cells keep theirs."""

from __future__ import annotations

import pytest

from gongwen.normalize import normalize


@pytest.mark.parametrize("source, expected", [
    # a printed line ended inside a sentence
    ("某镇位于三县交界处,是本市 的北大门。东部 为平原,西部为山地。",
     "某镇位于三县交界处,是本市的北大门。东部为平原,西部为山地。"),
    # spaces after punctuation and list markers
    ("1、 传达中央、 国务院的决定, 研究贯彻意见。", "1、传达中央、国务院的决定,研究贯彻意见。"),
    # a space before punctuation
    ("参加会议的人员 , 发言要简明扼要。会议不超过半小时。", "参加会议的人员,发言要简明扼要。会议不超过半小时。"),
    # numbers and their units
    ("1990 年 6 月,增设两个科室。全区有党员 2345 名、预备党员 67 名。",
     "1990年6月,增设两个科室。全区有党员2345名、预备党员67名。"),
    # a figure's number after a word
    ("全镇辖30个行政村,人口 5万人,全年实现财政收入 800万元。", "全镇辖30个行政村,人口5万人,全年实现财政收入800万元。"),
    # a line break between a number and its unit
    ("年底,全区有党员 2345\n名、预备党员67名。", "年底,全区有党员2345名、预备党员67名。"),
])
def test_conversion_spaces_go(source: str, expected: str) -> None:
    assert normalize(source).text == expected


@pytest.mark.parametrize("source", [
    # a run-in heading is separated from its content by the space alone
    "二、议事范围 凡属全镇重大问题,都应提交会议讨论,会议每月召开一次。",
    "基层组织建设 2020年3月,工委召开动员会,成立领导小组。",
    "(三)常委会职责 常委会在全委会闭会期间,行使委员会职权,领导全区的工作。",
    # table rows: pipe rows, space-separated cells, number cells
    "项目名称 某某项目 预算单位 某某局 金额 250万元",
    "名称 1 5,000 5,000",
    "| 年度 预算 | 250 | 100 |",
    "一、收入 1 12,345.60 23,456.70 二、支出 2 34,567.80",
    "组织、指导和检查地方志工作 保障工作开展所需资金,确保完成任务 市志编纂经费 49.8确保人员工资发放",
    # a list of names
    "参加人员:张某 李某 王某 赵某,列席人员:钱某。",
    # English words keep their spaces
    "会议通过了决议,英文名称为 Rules of Procedure, Standing Committee, 2026 edition。",
])
def test_structural_spaces_stay(source: str) -> None:
    assert normalize(source).text == source


def test_a_number_cut_after_its_decimal_point_is_joined() -> None:
    assert normalize("编制数 实有人数 控制率\n143 136 95.\n10% 经费情况").text == "编制数 实有人数 控制率\n143 136 95.10% 经费情况"
    assert normalize("第一章 总则 2.\n第二章").text == "第一章 总则 2.\n第二章"


def test_a_table_value_is_not_joined_to_the_next_label() -> None:
    text = "资金总额 171.41\n年度\n总体目标"
    assert normalize(text).text == text


LONG = "会议由书记召集并主持,书记不能出席时可委托副书记召集并主持,会议须有半数以上成员到会方能举行。" * 3


def test_numbered_headings_run_into_a_flattened_page_start_lines() -> None:
    source = f"某某议事规则{LONG}一、会议组织1、出席人员为全体成员。{LONG}二、议事范围会议的议事范围包括:1、重大事项。"
    lines = normalize(source).text.split("\n")
    # the heading run into its first item (一、会议组织1、…) ends its line too
    assert [x[:6] for x in lines[1:]] == ["一、会议组织", "1、出席人员", "二、议事范围"]


def test_a_heading_with_a_number_inside_is_not_split() -> None:
    source = "某某规则\n二、加强2号楼管理1、每周检查。"
    assert normalize(source).text == source


def test_a_lone_numeral_after_a_sentence_end_is_no_heading() -> None:
    source = f"某某议事规则{LONG}二、三季度的会议由副书记主持。{LONG}"
    assert "\n" not in normalize(source).text


def test_lines_wrapped_at_the_page_width_are_joined_even_without_punctuation() -> None:
    source = ("某县机构编制委员会办公室主要职责\n"
              "贯彻执行中央和省市关于机构改革和机构编\n"
              "制管理的方针政策和法规规章研究拟定全县\n"
              "机构编制管理政策制度并监督实施负责全县\n"
              "各级党政机关机构改革和机构编制日常管理\n"
              "工作。\n"
              "一、综合科\n"
              "负责机关日常运转工作。")
    lines = normalize(source).text.split("\n")
    assert lines[1].startswith("贯彻执行") and lines[1].endswith("日常管理工作。")
    assert lines[0] == "某县机构编制委员会办公室主要职责" and lines[2] == "一、综合科"


def test_titles_of_a_text_without_a_page_width_stay_apart() -> None:
    source = "关于进一步加强机关党建工作的实施意见\n为加强机关党建,现提出如下意见。"
    assert normalize(source).text == source


def test_a_numbered_label_heading_keeps_its_text_on_a_line_of_its_own() -> None:
    # on its own line, `一、参加人员:…` stays whole: the structure stage reads a colon title
    # where it stands, and `一、民政局：掌理…` is a unit item (one duty, RECORDS.md)
    source = "某村联席会议制度\n一、参加人员:联席会议成员为全体委员。\n二、会议时间:会议每月召开一次。"
    assert normalize(source).text == source


def test_a_numbered_label_heading_run_into_a_flattened_page_ends_its_line() -> None:
    body = "联席会议成员为全体委员和村民小组长，必要时邀请驻村干部参加，共同研究村里的重大事项。" * 5
    source = "某村联席会议制度\n" + "一、参加人员:" + body
    lines = normalize(source).text.split("\n")
    assert lines[1] == "一、参加人员:" and lines[2].startswith("联席会议成员为")


def test_a_long_label_or_a_sentence_after_a_marker_is_no_label_heading() -> None:
    source = "一、根据上级党委和政府的有关规定:各单位要认真执行。"
    assert normalize(source).text == source


def test_the_space_after_an_article_marker_in_mid_line_stays() -> None:
    source = "第五条 主任会议由主任召集，每月一次。第六条 站务会议每周召开一次，由站长主持。"
    assert "第六条 站务会议" in normalize(source).text
