"""Documents whose punctuation a sharing site stripped: the points are found by their count."""

from __future__ import annotations

from gongwen.structure import outline
from gongwen.structure.lines import cell_row, content_lines
from gongwen.structure.unpunctuated import stripped, stripped_points

#: A rule of a township committee, written for this test, its marks stripped, breaks kept.
RULE_LINES = (
    "镇党委理论学习中心组学习办法\n"
    "一学习组成中心组由镇党委班子成员组成党委书记任组长负责召集和主持学习\n"
    "二学习安排\n"
    "中心组每月集中学习一次遇有重要文件下发可随时组织专题学习\n"
    "三学习要求1按时参加学习因故不能参加的须向组长请假2认真撰写心得体会每年不少于两篇\n"
    "四学习考核年底由党委办公室对成员的学习情况进行考核考核结果列入年度述职内容\n"
)
#: The same kind of rule with a blank where each mark was.
RULE_BLANKS = (
    "一 会议组成 支部委员会会议由支部全体委员组成 必要时可请有关同志列席\n"
    "二 会议时间 支部委员会会议一般每月召开一次 遇有紧急情况可随时召开\n"
    "1 研究贯彻上级党组织的决议和指示\n"
    "2 讨论决定支部工作计划和重要事项\n"
    "三 会议要求 会议议题应于会前两天通知委员 委员应做好发言准备\n"
)


def titles(text: str, doc_type: str = "work_rules") -> list[tuple[int, str]]:
    first = text.split("\n", 1)[0]
    span = (0, len(first)) if first.endswith("办法") else None  # the title line, as the stage gives it
    sections, _ = outline(text, doc_type=doc_type, title_span=span)
    return [(s.level, s.title) for s in sections]


def test_the_points_of_a_stripped_rule_are_counted_across_lines() -> None:
    assert titles(RULE_LINES) == [(1, "学习组成"), (1, "学习安排"), (1, "学习要求"), (1, "学习考核")]


def test_the_points_of_a_stripped_rule_run_into_one_line() -> None:
    one_line = RULE_LINES.replace("\n", "", RULE_LINES.count("\n") - 1)
    assert [t for _, t in titles(one_line)] == ["学习组成", "学习安排", "学习要求", "学习考核"]


def test_a_point_whose_title_cannot_be_cut_keeps_the_count_but_is_not_reported() -> None:
    text = RULE_LINES.replace("二学习安排\n中心组", "二中心组")
    assert [t for _, t in titles(text)] == ["学习组成", "学习要求", "学习考核"]


def test_blanks_left_for_stripped_marks_set_titles_off_and_no_list_is_a_table() -> None:
    assert [t for _, t in titles(RULE_BLANKS)] == ["会议组成", "会议时间", "会议要求"]
    assert not cell_row("1 研究贯彻上级党组织的决议和指示", stripped=True)
    assert cell_row("办公经费 12 15 80%", stripped=True)


def test_a_nested_count_opened_by_one_is_one_level_deeper() -> None:
    text = ("一工作目标\n" + "一组织建设目标全面推进基层组织标准化建设确保达标率达到要求\n"
            "二队伍建设目标培养一批政治过硬本领高强的基层干部队伍\n"
            "二工作措施\n" + "推行网格化管理将全镇划分为若干网格每个网格配备专职网格员负责日常巡查\n" * 2)
    assert titles(text) == [(1, "工作目标"), (2, "组织建设目标"), (2, "队伍建设目标"), (1, "工作措施")]


def test_a_text_that_kept_its_punctuation_is_read_as_before() -> None:
    text = "一、学习组成\n中心组由镇党委班子成员组成，党委书记任组长，负责召集和主持学习。" * 4
    lines = content_lines(text)
    assert not stripped(lines)
    assert stripped_points(text, lines) == []


def test_a_compilation_piece_whose_colon_was_stripped_is_still_a_piece() -> None:
    text = ("第一篇青松镇党建工作经验交流材料\n近年来，我镇坚持党建引领，推进各项工作。\n"
            "第二篇红旗村组织工作情况汇报\n今年以来，我村认真落实上级部署，成效明显。\n"
            "这是第三篇文章的开头，不是标题。\n")
    sections, _ = outline(text)
    assert [(s.number, s.title, s.level) for s in sections] == [
        ("第一篇", "青松镇党建工作经验交流材料", 1), ("第二篇", "红旗村组织工作情况汇报", 1)]
