"""A text a conversion spaced out all through (``主要职 责``, ``会 议``, ``1、 传达中央、 国务院``):
the spaces inside words go, the spaces that part a heading's title from its content, a
heading's number from the text before it and table cells stay."""

from __future__ import annotations

from gongwen.normalize import normalize
from gongwen.normalize.spaced_out import spaced_out

#: A duty list as a converter spaced it: inside words, after list commas, between a number and its unit.
DUTIES = "\n".join([
    "某某县宣传 部主要职 责",
    "(一)负责 全县宣传思想 工作的统筹 协调, 指导各乡镇、 各部门 开展理论学习。",
    "(二)组织 协调全县新闻 宣传工作,审 核重要 新闻稿件。",
    "(三)承办县委 和上级部 门交办的其他 事项, 每年 组织培训 2 次。",
])

#: Meeting rules with run-in headings whose titles end in a title noun.
MEETINGS = "\n".join([
    "某局 党组会议制度",
    "一、 会 议组成 局党组会议由党组书 记、 党组成员 组成, 办公室主任 列席。",
    "二、 会议 时间 党组会议原 则上每月 召开一次, 必要时 可临时召 开。",
    "1、 传 达上级的重要 指示、 决定;",
    "2、 讨论 研究全局工作 中的重大 事项。",
])


def test_words_of_a_spaced_out_duty_list_are_whole_again() -> None:
    assert spaced_out(DUTIES)
    assert normalize(DUTIES).text.split("\n")[1:] == [
        "(一)负责全县宣传思想工作的统筹协调,指导各乡镇、各部门开展理论学习。",
        "(二)组织协调全县新闻宣传工作,审核重要新闻稿件。",
        "(三)承办县委和上级部门交办的其他事项,每年组织培训2次。",
    ]


def test_a_spaced_out_title_line_loses_the_spaces_inside_its_words() -> None:
    assert normalize(DUTIES).text.split("\n")[0] == "某某县宣传部主要职责"


def test_meeting_rules_keep_the_space_after_a_run_in_title_only() -> None:
    lines = normalize(MEETINGS).text.split("\n")
    assert lines[1] == "一、会议组成 局党组会议由党组书记、党组成员组成,办公室主任列席。"
    assert lines[2] == "二、会议时间 党组会议原则上每月召开一次,必要时可临时召开。"
    # an item's verb is no title: its space goes
    assert lines[3:] == ["1、传达上级的重要指示、决定;", "2、讨论研究全局工作中的重大事项。"]


def test_the_cells_of_a_pipe_row_lose_the_spaces_inside_their_words() -> None:
    text = MEETINGS + "\n| 项目 名称 | 某某 工程 | 预算 金额 |\n| 实施 单位 | 某某县交通 运输局 | 250 |"
    rows = normalize(text).text.split("\n")[-2:]
    assert [r.replace(" ", "") for r in rows] == ["|项目名称|某某工程|预算金额|", "|实施单位|某某县交通运输局|250|"]
    assert all(r.count(" |") == r.count("|") - 1 for r in rows)  # the cell padding stays


def test_a_spaced_out_text_is_warned_about() -> None:
    warnings = normalize(DUTIES).warnings
    assert any("spaces inside words" in w for w in warnings)


def test_a_heading_number_after_a_space_and_an_article_s_space_stay() -> None:
    text = MEETINGS + "\n议事规则 三、会 议纪律 与会人员 应当 遵守会 议纪律,不得 缺席。\n第五条 会议由书 记召 集, 书记 主持。"
    lines = normalize(text).text.split("\n")
    # the heading number stays apart from the title before it: by its space, or on a line of
    # its own once the run-on rule has broken the line there
    assert "\n".join(lines[-3:-1]) in ("议事规则\n三、会议纪律 与会人员应当遵守会议纪律,不得缺席。",
                                       lines[-3] + "\n议事规则 三、会议纪律 与会人员应当遵守会议纪律,不得缺席。")
    assert lines[-1] == "第五条 会议由书记召集,书记主持。"


def test_a_written_text_with_a_few_spaces_is_not_spaced_out() -> None:
    text = "\n".join([
        "第一章 总 则",
        "第一条 为规范会议,制定本规则。",
        "一、 大型活动,原则上按实际需要补助。",
        "项目名称 某某项目 预算单位 某某局",
        "主 任 委 员 王某某",
    ] * 3)
    assert not spaced_out(text)
    assert normalize(text).text.count("总 则") == 3


def test_a_spaced_out_cell_row_keeps_its_cell_spaces_and_joins_its_words() -> None:
    # a budget statement flattened to space-separated cells, then spaced out inside its words
    row = "八、社会保障和就 业支出 38 697,723.84 项目 名称 某某 项目 50 个 29.46 公车运行维护"
    out = normalize(MEETINGS + "\n" + row).text.split("\n")[-1]
    assert "社会保障和就业支出 38 697,723.84" in out
    assert "项目名称" in out  # a budget label word is a word
    assert "50个" in out and "29.46 公车运行维护" in out  # 个 is a unit, 公车 is no unit


def test_dates_ordinal_labels_and_cited_articles() -> None:
    text = MEETINGS + "\n" + "\n".join([
        "2010年9 月29 日 某省人大常委会 第十九次会议通过。",
        "第四类 编制 工作",
        "第二十 二条 本规定依组织 准则 第三条 第三项规定 制定。",
    ])
    lines = normalize(text).text.split("\n")[-3:]
    assert lines[0].startswith("2010年9月29日 某省人大常委会")
    assert lines[1] == "第四类 编制工作"
    assert lines[2] == "第二十二条 本规定依组织准则第三条第三项规定制定。"


def test_a_letter_spaced_bulletin_title_keeps_its_run_in_space() -> None:
    text = MEETINGS + "\n一、综 合 初步核算,全年全县地 区生产总值增长2.7%。"
    assert normalize(text).text.split("\n")[-1] == "一、综合 初步核算,全年全县地区生产总值增长2.7%。"


def test_a_space_beside_a_table_label_word_parts_cells_in_running_text() -> None:
    text = MEETINGS + "\n填报单位(盖章):某某镇人民 政府 项目名称 镇域内基础设施建设,主管部门 某某镇。"
    out = normalize(text).text.split("\n")[-1]
    assert out == "填报单位(盖章):某某镇人民政府 项目名称 镇域内基础设施建设,主管部门 某某镇。"


def test_a_number_written_onto_a_word_loses_the_space_after_it_a_code_cell_keeps_it() -> None:
    text = MEETINGS + "\n资料来源:第13 页,附 表公开01 表。\n05 老人福利 市款4,625,000元,收支 并列150,205,000元"
    lines = normalize(text).text.split("\n")
    assert lines[-2] == "资料来源:第13页,附表公开01表。"
    assert lines[-1].startswith("05 老人福利 市款4,625,000元,")
