"""No rule removes content silently: furniture removal stops where content starts, and a
text that lost much of its source says how much and by which rule."""

from __future__ import annotations

from gongwen.normalize import RULES, normalize
from gongwen.normalize.edits import Edit

CONTENT = "某某局是县政府工作部门，主要负责全县的统计调查工作。局内设办公室和综合股两个股室。"


def test_one_line_encyclopedia_page_keeps_its_content() -> None:
    page = ("收藏查看我的收藏0有用+1已投票0某某局编辑锁定本词条由某某认证。" + CONTENT
            + "词条标签：机构 政府 ©2026 某某百科 京ICP证000000号 京公网安备00000000000000号")
    result = normalize(page)
    assert CONTENT in result.text
    assert "ICP" not in result.text and "收藏" not in result.text


def test_label_line_running_into_content_keeps_the_content() -> None:
    line = "上传人：张三 上传时间：2026-01-02 某某镇议事规则 为规范党委议事，提高决策水平，制定本规则。"
    text = normalize(line).text
    assert "上传人" not in text and "2026-01-02" not in text
    assert text.startswith("某某镇议事规则")
    assert text.endswith("为规范党委议事，提高决策水平，制定本规则。")


def test_a_tag_label_takes_only_its_tags() -> None:
    text = normalize("词条标签：行政机构 主要职责是负责全县的统计调查工作。").text
    assert text == "主要职责是负责全县的统计调查工作。"


def test_a_reference_heading_inside_body_text_keeps_what_follows() -> None:
    page = "收藏查看我的收藏0有用+1已投票0某某局编辑" + CONTENT + "参考资料 编写组每年汇编统计数据，供领导决策参考使用。"
    text = normalize(page).text
    assert "编写组每年汇编统计数据，供领导决策参考使用。" in text


def test_a_reference_list_closing_the_entry_still_goes() -> None:
    page = "收藏查看我的收藏0有用+1已投票0某某局编辑" + CONTENT + "参考资料 1. 某某局职能 . 某某网 [引用日期2026-01-02]"
    text = normalize(page).text
    assert text.endswith("两个股室。")


def test_furniture_only_text_warns_that_nothing_is_left() -> None:
    result = normalize("第1页 / 共5页\n下载 相关 举报\n")
    assert result.text == ""
    assert any("keeps 0 of" in w and "furniture" in w for w in result.warnings)


def test_large_removal_names_the_rule_and_the_amount() -> None:
    source = "甲乙丙丁戊己庚辛壬癸" * 3 + "。" + CONTENT

    def drop_first_sentence(text: str, script: str) -> list[Edit]:
        return [Edit(0, text.index("。") + 1)]

    result = normalize(source, rules=(*RULES, ("drop_first_sentence", drop_first_sentence)))
    (warning,) = [w for w in result.warnings if "keeps" in w]
    assert "drop_first_sentence 31" in warning
    assert "source 0–31" in warning


def test_ordinary_text_has_no_loss_warning() -> None:
    assert normalize("第一条 总则\n" + CONTENT).warnings == []


def test_pinyin_annotations_do_not_count_as_lost_text() -> None:
    source = "開(kāi)展(zhǎn)學(xué)習(xí)活動(dòng)，黨(dǎng)員(yuán)每月參加一次組織生活。"
    result = normalize(source)
    assert result.text == "开展学习活动，党员每月参加一次组织生活。"
    assert result.warnings == []


# --- page-split markers of an excerpt ------------------------------------------------

PAGE = "镇党委领导全镇工作，各部门认真贯彻落实各项决定，按期报告工作情况。" * 8  # ~260 characters


def test_an_excerpt_of_two_pages_loses_its_markers_and_the_cut_word_is_joined() -> None:
    text = f"规章汇编\n\n1、某镇议事规则 {PAGE}并及时对其请\n\n2、示的重要事项做出决定。"
    assert normalize(text).text == f"规章汇编\n某镇议事规则 {PAGE}并及时对其请示的重要事项做出决定。"


def test_markers_of_a_flattened_page_after_a_single_line_break() -> None:
    text = f"1、某县经验材料 {PAGE}助推粮油和中药材等\n2、传统产业提档升级。{PAGE}同\n3、心共建。"
    assert normalize(text).text == f"某县经验材料 {PAGE}助推粮油和中药材等传统产业提档升级。{PAGE}同心共建。"


def test_a_two_item_list_is_not_an_excerpt() -> None:
    text = "1、对全镇的重大问题作出决策\n\n2、向上级推荐重要干部。"
    assert normalize(text).text == "1、对全镇的重大问题作出决策\n2、向上级推荐重要干部。"


def test_a_page_marker_cutting_an_attendee_list_is_removed_and_the_list_rejoined() -> None:
    text = f"规章汇编\n\n1、某镇议事规则 {PAGE}列席人员:办公室主任、组织委员、\n\n2、宣传委员、纪检委员。"
    assert normalize(text).text == f"规章汇编\n某镇议事规则 {PAGE}列席人员:办公室主任、组织委员、宣传委员、纪检委员。"


def test_a_page_marker_cutting_a_table_row_is_removed() -> None:
    text = f"规章汇编\n\n1、某镇经费表 {PAGE}\n| 办公经费 | 12.5 |\n| 培训\n\n2、经费 | 3.0 |"
    assert normalize(text).text.endswith("| 办公经费 | 12.5 |\n| 培训经费 | 3.0 |")


def test_a_unit_item_on_its_own_line_keeps_its_statement_on_that_line() -> None:
    from gongwen.normalize import normalize

    text = "某县政府设下列局室：\n一、民政局：掌理自治行政、社会行政等事项。\n二、财政科：掌理财务行政等事项。\n"
    assert "一、民政局：掌理自治行政" in normalize(text).text
