"""The title of a text whose punctuation was restored: a mark the normalizer guessed is
no evidence for or against a title line (gongwen.normalize.guessed, metadata.title).
Texts written for these tests."""

from __future__ import annotations

from array import array

import pytest

from gongwen.metadata import find_title
from gongwen.metadata.title import _named_before_first_unit
from gongwen.normalize.guessed import guessed_marks, without


def _guess(text: str) -> frozenset[int]:
    """Every sentence mark and colon of ``text`` as a guess (a fully restored text)."""
    return frozenset(i for i, ch in enumerate(text) if ch in "，。；：")


BODY = "为了加强档案保密管理，保障档案实体和信息安全，根据有关法律法规，制定本制度。"


@pytest.mark.parametrize(("text", "title"), [
    # the restorer closed the title line with a full stop
    (f"青松县档案馆保密工作制度。\n{BODY}\n第一条 本馆人员应当遵守保密纪律。", "青松县档案馆保密工作制度"),
    # ... or put a comma inside a headline
    ("青松县以三联三促，提升基层治理水平。\n近年来，青松县坚持党建引领，全面推进基层治理，"
     "打造了一批有特色、有影响的工作品牌，群众满意度持续提升，各项工作走在全市前列。", "青松县以三联三促提升基层治理水平"),
    # line breaks lost too: the title runs into the first sentence behind a guessed comma
    (f"青松县档案馆保密工作制度，{BODY}\n第一条 本馆人员应当遵守保密纪律。", "青松县档案馆保密工作制度"),
    # a title line the restorer took for a lead-in
    ("红旗村党支部、村委会联席会议制度：\n一、参加人员：村党支部和村委会全体成员。", "红旗村党支部、村委会联席会议制度"),
])
def test_guessed_marks_do_not_hide_a_title(text: str, title: str) -> None:
    assert find_title(text, guessed=_guess(text)).text == title


def test_a_short_label_keeps_its_guessed_colon() -> None:
    text = "宣传科\n主要职责：\n（一）负责全县宣传思想工作的规划和指导，组织理论学习。"
    assert find_title(text, guessed=_guess(text)).text == "宣传科"


def test_a_guessed_clause_end_inside_a_run_in_title_refuses_it() -> None:
    text = "为加强机关管理，规范议事程序，根据有关规定，制定本规则。\n一、会议每月召开一次。"
    assert find_title(text, guessed=_guess(text)).text is None


def test_a_bare_numeral_opens_a_list_item_in_a_restored_text() -> None:
    text = "四讨论通过由县政府制定的重要规范性文件；\n（五）听取各部门的重要工作情况汇报；"
    assert find_title(text, guessed=_guess(text)).text is None


def test_the_title_span_points_into_the_text() -> None:
    text = f"青松县档案馆保密工作制度。\n{BODY}"
    span = find_title(text, guessed=_guess(text)).span
    assert span is not None and text[span[0]:span[1]] == "青松县档案馆保密工作制度"


def test_a_site_label_run_into_the_title_is_dropped() -> None:
    text = "简介青松县宣传科职责其主要职责是:\n1、负责全县宣传思想工作的规划和指导,组织理论学习。"
    assert find_title(text).text == "青松县宣传科职责"


def test_guessed_marks_are_those_the_source_lacks() -> None:
    source = "甲乙丙,丁"
    text = "甲乙。丙，丁"  # 。 inserted (maps onto 丙), the source's comma made full-width
    offsets = array("i", [0, 1, 2, 2, 3, 4, 5])
    assert guessed_marks(text, source, offsets) == frozenset({2})
    assert guessed_marks(text, source, array("i")) == frozenset()  # no offset map: nothing known


def test_without_maps_back() -> None:
    view, index = without("甲。乙，丙", frozenset({1, 3}))
    assert view == "甲乙丙" and index == [0, 2, 4, 5]


def test_a_header_field_whose_colon_was_stripped_names_the_title() -> None:
    text = "标题三、青松县龙潭乡公所组织自治条例\n第一条 本自治条例依有关规定，制定之。"
    assert find_title(text, guessed=_guess(text)).text == "青松县龙潭乡公所组织自治条例"
    assert find_title(text).text != "青松县龙潭乡公所组织自治条例"  # a text with its own marks needs the colon


@pytest.mark.parametrize(("text", "title"), [
    # a site printed the title twice; breaks and marks lost, the restorer's guesses around it
    ("红旗镇党委会议制度红旗镇党委会议制度。\n一、召开时间\n原则上每周召开一次，由书记主持。", "红旗镇党委会议制度"),
    # the first sentence opens with a date: the title ends where it starts
    ("青松党员队伍持续壮大6月30日记者从县委组织部获悉，全县党员总数比上年增加，结构持续优化。",
     "青松党员队伍持续壮大"),
    ("概况2021年青松县委员会共发展党员12名，其中女党员5名，占比逐年提高，结构持续优化。", "概况"),
    # a clause before the date is no title
    ("截至2021年底全县共有党员一万余名，比上年增加，结构持续优化，基层组织不断巩固。", None),
])
def test_a_title_run_into_its_text_ends_where_shape_proves(text: str, title: str | None) -> None:
    assert find_title(text, guessed=_guess(text)).text == title


def test_a_chapter_name_ends_at_the_first_section_run_in_after_it() -> None:
    text = "第三章 组织工作第一节 机构设置1990年设办公室，增设干部科、组织科。"
    assert find_title(text).text == "组织工作"
    # a chapter of articles is a law's: its name is no title
    assert find_title("第五章 议事规则第二十三条 委员会会议每年至少召开一次。").text != "议事规则"


@pytest.mark.parametrize(("text", "title"), [
    ("附件2 部门整体支出绩效评价基础数据表 填报单位 单位万元 编制数 实有人数", "部门整体支出绩效评价基础数据表"),
    ("项目绩效目标表2022年度填报单位红石镇人民政府项目名称道路建设项目属性新增项目", "项目绩效目标表2022年度"),
])
def test_a_caption_keeps_its_year_and_drops_its_attachment_label(text: str, title: str) -> None:
    assert find_title(text).text == title


@pytest.mark.parametrize(("text", "title"), [
    ("第二章优抚安置泗阳县人民素有拥军优属的传统，各级政府把优抚工作列入重要议程。", "优抚安置"),
    ("第四类 编制工作曹县编制委员会办公室为县委工作部门，正科级单位，下设三个内设机构。", "编制工作"),
    ("第三章 组织建设全县共有党员一万余名，基层组织三百余个，组织体系不断健全。", None),
])
def test_a_chapter_name_ends_where_the_first_sentence_names_its_place(text: str, title: str | None) -> None:
    assert find_title(text).text == title


def test_a_header_field_after_a_running_head_whose_break_was_lost() -> None:
    assert find_title("青松乡志标题:三、青松乡公所组织自治条例\n第一条 本条例依法制定之。").text == "青松乡公所组织自治条例"
    assert find_title("副标题:青松乡公所组织自治条例\n第一条 本条例依法制定之。").text != "青松乡公所组织自治条例"


DUTIES = ("研究和指导基层组织建设；协调、指导党员教育工作，主管党员的管理和发展工作；考察各乡镇和县直各部门的领导班子，"
          "提出调整、配备的意见和建议；办理县委管理干部的任免、工资、待遇、退休审批手续；指导领导班子的思想作风建设。") * 2


def test_an_organ_heading_its_duties_on_a_run_on_line() -> None:
    assert find_title("泗阳县委组织部贯彻执行上级党组织有关组织工作的方针政策；" + DUTIES).text == "泗阳县委组织部"
    assert find_title("全县各级党组织贯彻执行上级党组织有关组织工作的方针政策；" + DUTIES).text is None


def test_a_guessed_enumeration_comma_is_left_out_of_the_title() -> None:
    text = "县、文化旅游局重点工作情况汇报，2022年我局积极推进公共文化服务体系建设，效果显著。"
    guessed = frozenset(i for i, ch in enumerate(text) if ch in "、，。")
    assert find_title(text, guessed=guessed).text == "县文化旅游局重点工作情况汇报"
    kept = "村党支部、村委会联席会议制度\n一、会议每月召开一次。"
    assert find_title(kept).text == "村党支部、村委会联席会议制度"  # the source's own comma stays


def test_a_title_the_issuing_notice_named_stands_before_the_first_article() -> None:
    notice = ("各乡镇人民政府县直各部门青松县人民政府工作规则已经县政府常务会议通过现予印发青松县人民政府"
              "2024年3月1日此件公开发布")
    body = "第一条 为规范县政府工作制定本规则" + "县政府坚持依法行政科学民主决策" * 12
    text = notice + "青松县人民政府工作规则第一章 总则" + body
    assert find_title(text).text == "青松县人民政府工作规则"
    # the stretch before the first chapter must be one the notice named
    assert _named_before_first_unit("会议通过现予印发青松县人民政府此件公开发布县政府工作规则第一章 总则" + body) is None


def test_a_run_in_title_starts_again_where_the_caption_repeats_the_page_heading() -> None:
    text = ("22年度部门整体支出绩效目标(档案馆)部门整体支出绩效目标表"
            "部门名称 青松县档案馆 年度预算安排 资金总额 120万元 年度目标 完成档案数字化")
    assert find_title(text).text == "部门整体支出绩效目标表"
