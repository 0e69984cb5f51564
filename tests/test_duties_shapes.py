"""Duties told by the shape of their text: multi-sentence items, unit lists with no cue,
lead-ins run together with their heading (RECORDS.md "Duties").

Each case is a short text written for the test in the style of a web excerpt (a page cut
before its heading, a 三定 list whose items hold several sentences).
"""

from __future__ import annotations

from test_duties_layouts import duties

from gongwen import stages
from gongwen.extractors.duties import extract_duties
from gongwen.process import process_text


def test_item_of_several_sentences_gives_one_duty_per_statement() -> None:
    text = ("第三条 县水务局的主要职责：\n"
            "（一）负责全县水资源管理。拟订水资源保护规划。指导农村饮水安全工作。\n"
            "（二）承担水旱灾害防御工作。组织编制洪水干旱防治规划。\n")
    got = duties(text)
    assert [t for _, t in got] == ["负责全县水资源管理", "拟订水资源保护规划", "指导农村饮水安全工作",
                                   "承担水旱灾害防御工作", "组织编制洪水干旱防治规划"]
    assert {o for o, _ in got} == {"县水务局"}  # the article number is no part of the organ


def test_sentence_going_on_about_the_previous_stays_with_it() -> None:
    text = ("常委会职责如下：\n"
            "1、召集全委会会议。遇有重大问题，要及时向全委会报告。\n"
            "2、组织实施全委会的决议。\n")
    got = [t for _, t in duties(text)]
    assert got[0] == "召集全委会会议。遇有重大问题，要及时向全委会报告"
    assert got[1] == "组织实施全委会的决议"


def test_unit_items_without_a_cue_are_the_units_duties() -> None:
    text = ("（一）综合科。负责机关文电、会务工作；承担档案管理工作。\n"
            "（二）规划股：拟订全县交通发展规划。\n"
            "（三）执法股（行政审批股）。负责交通行政执法工作。\n")
    got = duties(text)
    assert ("综合科", "负责机关文电、会务工作") in got
    assert ("综合科", "承担档案管理工作") in got
    assert ("规划股", "拟订全县交通发展规划") in got
    assert any(o == "执法股" and t == "负责交通行政执法工作" for o, t in got)


def test_numbered_list_of_plain_statements_is_not_a_unit_list() -> None:
    text = ("今年主要工作：\n"
            "（一）办公室。今年完成了搬迁。\n"
            "（二）食堂。菜价稳定。\n")
    assert duties(text) == []


def test_township_sections_named_ke_are_units() -> None:
    text = ("第五条 本所设下列各课，分别掌理有关事项：\n"
            "一、民政课：掌理户政、兵役等事项。\n"
            "二、财经课：掌理财务、公产等事项。\n")
    got = duties(text)
    assert ("民政课", "掌理户政、兵役等事项") in got
    assert ("财经课", "掌理财务、公产等事项") in got


def test_heading_run_into_its_lead_in_names_the_organ() -> None:
    text = ("青山区统战部职责其主要职责是：\n"
            "1、负责联系全区民主党派工作。\n"
            "2、指导全区民族宗教工作。\n")
    got = duties(text)
    assert got and all(o == "青山区统战部" for o, _ in got)


def test_bare_cue_running_on_over_lines_takes_the_organ_of_the_sentences_before() -> None:
    text = ("南岭县档案局为县政府直属机构，正科级。行政编制5人。主要职责是贯彻执行档案工作法规；\n"
            "拟定全县档案事业发展规划；指导全县机关档案工作。负责县级档案的接收和保管；"
            "按照有关规定，办理档案开放鉴定工作。馆藏档案共计三万卷。\n")
    got = duties(text)
    assert [t for _, t in got] == ["贯彻执行档案工作法规", "拟定全县档案事业发展规划", "指导全县机关档案工作",
                                   "负责县级档案的接收和保管", "按照有关规定，办理档案开放鉴定工作"]
    assert {o for o, _ in got} == {"南岭县档案局"}


def test_a_meetings_tasks_are_its_agenda_not_duties() -> None:
    text = ("会议内容\n"
            "局务会议是研究全局重大事项的会议，其任务是：\n"
            "1、传达上级重要文件精神；\n"
            "2、研究全局年度工作计划。\n")
    assert duties(text) == []


def test_plain_paragraphs_of_responsibilities_without_heading_are_duties() -> None:
    text = ("负责全县文物保护工作，指导文物普查。\n"
            "负责博物馆业务指导；组织文物安全检查。\n"
            "宣传文物保护法律法规。\n"
            "承担县委交办的其他事项。\n")
    got = [t for _, t in duties(text)]
    assert got == ["负责全县文物保护工作，指导文物普查", "负责博物馆业务指导", "组织文物安全检查",
                   "宣传文物保护法律法规", "承担县委交办的其他事项"]


def test_a_reports_paragraphs_of_actions_are_not_duties() -> None:
    text = ("推进乡村道路建设，完成硬化里程十公里。\n"
            "开展安全生产大检查，排查隐患二十处。\n"
            "落实河长制，清理河道垃圾。\n"
            "负责同志带队督查三次。\n")
    assert duties(text) == []


def test_organ_named_before_a_bare_zhineng_heading() -> None:
    text = "首页 > 机构设置\n青山县统计局职能\n一、贯彻执行统计法律法规。\n二、负责全县统计调查工作。\n"
    assert duties(text) == [("青山县统计局", "贯彻执行统计法律法规"), ("青山县统计局", "负责全县统计调查工作")]


def test_policy_heading_with_zhineng_in_a_report_is_no_duty_list() -> None:
    text = "三、转变政府职能\n（一）深化放管服改革，压减审批事项。\n（二）优化营商环境。\n"
    assert duties(text) == []


def test_organ_named_only_as_itself_is_null() -> None:
    text = "本乡镇纪委主要职责：\n1、负责监督执纪问责。\n2、协助乡镇党委推进全面从严治党。\n"
    assert {o for o, _ in duties(text)} == {None}


def test_several_plain_paragraphs_under_a_duty_heading() -> None:
    text = ("一、工作职责\n"
            "负责检查和处理辖区内党员违纪问题；受理群众信访举报。\n"
            "根据上级授权，按照管理权限对公职人员进行监督。\n"
            "二、人员组成\n")
    assert [t for _, t in duties(text)] == ["负责检查和处理辖区内党员违纪问题", "受理群众信访举报",
                                           "根据上级授权，按照管理权限对公职人员进行监督"]


def test_unit_lines_with_a_full_stop_after_a_units_cue() -> None:
    text = "根据上述职责，县卫健局设下列内设机构：\n办公室。负责机关日常运转工作。\n医政股。负责医疗机构监管工作。\n"
    assert duties(text) == [("办公室", "负责机关日常运转工作"), ("医政股", "负责医疗机构监管工作")]


def test_a_kind_of_duties_is_no_organ() -> None:
    text = "岗位职责\n一、负责单位财务核算工作；\n二、负责编制年度预算；\n"
    assert {o for o, _ in duties(text)} == {None}


def test_a_unit_set_up_inside_another_units_item() -> None:
    text = ("（1）城管科：负责辖区内的城市管理。\n"
            "（2）综合办公室：负责文秘、后勤工作。同时设立财政所，负责街道预算资金管理。\n")
    got = duties(text)
    assert ("综合办公室", "负责文秘、后勤工作") in got
    assert ("财政所", "负责街道预算资金管理") in got


def test_a_statement_opening_on_its_ground_is_a_duty_of_its_own() -> None:
    text = ("（一）审批科。承担行政审批改革工作。按照“一窗受理”要求，集中办理审批事项。\n"
            "（二）综合科。负责机关运转。\n")
    got = [t for _, t in duties(text)]
    assert "按照“一窗受理”要求，集中办理审批事项" in got


def test_officers_set_up_with_their_charge() -> None:
    text = ("第六条 本所置课长，承乡长之命办理各该管业务。\n"
            "第七条 本所设人事管理员，依法办理人事管理事项。\n")
    got = duties(text)
    assert ("课长", "承乡长之命办理各该管业务") in got
    assert ("人事管理员", "依法办理人事管理事项") in got


def test_task_section_beside_the_duty_section() -> None:
    text = ("一、工作职责\n"
            "负责检查和处理辖区内党员违纪问题；受理群众信访举报。\n"
            "二、工作任务\n"
            "1、明确监督重点。重点监督惠民资金落实情况；重点监督村务公开情况。\n"
            "2、对党员干部开展廉洁教育。\n")
    got = duties(text)
    assert [t for _, t in got][2:] == ["明确监督重点", "重点监督惠民资金落实情况", "重点监督村务公开情况",
                                       "对党员干部开展廉洁教育"]
    assert {o for o, _ in got} == {None}


def test_a_reports_main_tasks_are_no_duties() -> None:
    text = "二、主要任务\n1、完成道路硬化十公里。\n2、新建公厕三座。\n"
    assert duties(text) == []


def test_a_fragment_cut_off_mid_word_is_no_duty_and_is_reported() -> None:
    text = "青山县统计局主要职责\n1、负责全县统计调查工作。\n2、对统计数据质量进行监督检查和审"
    doc = process_text(text, stages.before("extract"), path="test.txt")
    assert [d.text for d in extract_duties(doc)] == ["负责全县统计调查工作"]
    assert any("mid-word" in w for w in doc.warnings)


def test_a_fragment_ending_on_a_whole_word_stays() -> None:
    text = "青山县统计局主要职责\n1、负责全县统计调查工作。\n2、参与拟订全县就业、教育"
    assert [t for _, t in duties(text)][-1] == "参与拟订全县就业、教育"


def test_jigou_zhineng_headings() -> None:
    assert {o for o, _ in duties("机构职能\n负责全县商务发展规划；承担招商引资工作；指导全县外贸工作。\n")} == {None}
    text = "青山县商务局机构职能\n（一）贯彻执行商务工作方针政策。\n（二）负责全县招商引资工作。\n"
    assert {o for o, _ in duties(text)} == {"青山县商务局"}


def test_unit_lines_without_cue_or_numbers() -> None:
    text = "办公室：负责机关日常运转、文秘工作。\n财务股：负责财务核算和预算编制。\n执法大队：负责行政执法工作。\n"
    assert duties(text) == [("办公室", "负责机关日常运转、文秘工作"), ("财务股", "负责财务核算和预算编制"),
                            ("执法大队", "负责行政执法工作")]


def test_a_single_labelled_line_is_no_unit_list() -> None:
    assert duties("联系人：负责接待的王科长。\n地址：青山路1号。\n") == []
