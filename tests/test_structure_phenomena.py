"""The outline on the layouts of documents we have never seen (RECORDS.md "Sections"):
one case (or a few) per phenomenon, on short text written for these tests."""

from __future__ import annotations

import pytest

from gongwen.structure import outline


def tree(text: str, doc_type: str | None = None) -> list[tuple[int, str, str]]:
    sections, _ = outline(text, doc_type=doc_type)
    return [(s.level, s.number, s.title) for s in sections]


ARTICLES = [
    ("an article whose text follows the number without a blank",
     "第一条为规范会议议事程序，制定本规则。\n第二条会议由主任召集并主持。\n第三条会议每月举行一次。\n",
     [(1, "第一条", "第一条"), (1, "第二条", "第二条"), (1, "第三条", "第三条")]),
    ("an article that carries a short title of its own",
     "第一条 参会范围\n学习小组由局领导班子成员组成，必要时邀请科室负责人参加。\n"
     "第二条 学习形式\n以集中学习为主，结合个人自学。\n",
     [(1, "第一条", "参会范围"), (1, "第二条", "学习形式")]),
    ("an article whose first clause follows a blank has no title",
     "第一条 为了规范议事行为，提高决策水平，制定本规则。\n第二条 会议由书记主持。\n",
     [(1, "第一条", "第一条"), (1, "第二条", "第二条")]),
    ("chapter and articles run into one line whose breaks were lost",
     "第三章,会议程序第十条。会议一般每月召开一次，由主任召集.第十一条,会议议题由办公室汇总"
     "后报主任确定。第十二条.会议须有过半数成员出席方能举行、第十三条。表决实行少数服从多数。\n",
     [(1, "第三章", "会议程序"), (2, "第十条", "第十条"), (2, "第十一条", "第十一条"),
      (2, "第十二条", "第十二条"), (2, "第十三条", "第十三条")]),
    ("a reference to an article inside a sentence is no article",
     "第一条 会议由主任召集。\n第二条 议题按照本规则第五条，由办公室汇总。本规则第九条的规定另行适用。\n",
     [(1, "第一条", "第一条"), (1, "第二条", "第二条")]),
]

ARTICLES.append(
    ("an amendment history wrapped at a reference to an article is not the outline's start",
     "法规名称：某委员会设置办法\n沿革内容：\n1.某年某月某日令修正发布\n第 8  条条文\n2.某年某月某日令修正发布\n"
     "第 2  条第 1  款、第 3  条第 1  项\n\n第 1 条\n为审议费率，特设本委员会。\n第 2 条\n本会任务如下。\n",
     [(1, "第1条", "第1条"), (1, "第2条", "第2条")]))

ARTICLES.append(
    ("articles run into a line stripped of all punctuation",
     "村民议事会议事规则第一条为规范村民议事会的议事行为保障村民依法行使民主权利根据有关法律法规结合本村实际"
     "制定本规则第二条村民议事会由村民代表和村两委成员组成每届任期与村民委员会相同第三条村民议事会会议每季度"
     "召开一次由村党组织书记召集和主持遇有重大事项可以临时召开依照本规则第五条的规定执行\n",
     [(1, "第一条", "第一条"), (1, "第二条", "第二条"), (1, "第三条", "第三条")]))

COLON_TITLES = [
    ("numbered titles ending in a colon, their content on the same line",
     "一、参会对象:全体村民代表和村两委成员，到会人数须过半数。\n"
     "二、议事时间：每季度召开一次，遇有重大事项可随时召开。\n"
     "三、议事内容:本村发展规划、年度计划和群众关心的热点问题。\n",
     [(1, "一、", "参会对象"), (1, "二、", "议事时间"), (1, "三、", "议事内容")]),
    ("a title set off by a blank from a sentence that ends in a colon",
     "一、 会议组成 站务会由站长、副站长和各组组长组成。\n"
     "二、 会议内容 站务会主要商定站内的业务安排, 具体包括:\n"
     "1、 安排每周的 值班、 巡查工作;\n2、 商定月度采购计划;\n",
     [(1, "一、", "会议组成"), (1, "二、", "会议内容")]),
    ("blanks a converter put inside sentences do not cut titles",
     "一、会议议题\n1、 听取各组、 各站点的 工作汇报;\n2、 列席会议的人员 , 发言应当简短。\n"
     "3、 各组、 站提交的议题, 事前应充分沟通。\n",
     [(1, "一、", "会议议题")]),
    ("a lead-in ending in a colon names no section",
     "一、区委办公室设下列科室：秘书科、信息科和督查科，各科职责另行规定。\n二、会议制度\n",
     [(1, "二、", "会议制度")]),
]


UNITS = [
    ("units each running into one statement are items (one duty each), not headings",
     "街道内设机构如下:\n(1)综合办公室:负责文秘、机要和后勤工作。\n(2)城建科:负责街道范围内的市政设施维护。\n"
     "(3)经济服务科:负责辖区经济发展规划和统计工作。\n",
     []),
    ("三定 units heading several statements, an alias that names a unit kept in the title",
     "(一)综合股(法规股)。负责局内文电和会务;承担档案管理和保密工作。\n"
     "(二)计划财务股。编制年度资金计划;承担预决算和资产管理工作。\n"
     "(三)市场监管股(许可股)。落实市场准入办法;负责经营主体的年度检查。\n",
     [(1, "(一)", "综合股(法规股)"), (1, "(二)", "计划财务股"), (1, "(三)", "市场监管股(许可股)")]),
]

COLON_TITLES.append(
    ("a rule naming its topic before a colon, among rules that are sentences, is an item",
     "一、工作制度\n1、实行签到制度。每天上午八点前签到，每月汇总一次。\n"
     "2、实行工作日志制度。记录当天的工作和学习情况。\n3、实行例会制度:每周五上午通报进度、部署下周任务。\n"
     "4、实行督办制度。领导交办的事项要按时办结并反馈。\n",
     [(1, "一、", "工作制度")]))

COLON_TITLES.append(
    ("a rule leading into its sub-list among rules that are sentences is an item",
     "为规范议事行为，制定本规则。一、党委会议主要研究以下事项:\n1、研究贯彻上级决定的具体措施;\n2、研究年度工作计划;\n"
     "二、党委会议一般由书记召开。书记外出时，可请副书记代为召开。\n三、党委会议每月举行一次。\n"
     "四、党委会议到会委员须超过应到人数的一半。\n五、会议议题由书记确定。\n六、议题须提前两天告知与会委员。\n"
     "七、会议决定的事项由分管委员负责落实。\n八、党委会议决定的事项须形成纪要并印发各支部执行\n",
     []))

COLON_TITLES.append(
    ("a paragraph with a converter's blanks inside its words has no run-in label",
     "一、 会议时间\n站务会一般每两周 召开一次, 遇急事可随时召 开。\n"
     "通常由站长或站长指定的一名 副站长 召集, 到会人员 应当超过应到人数 一半。\n",
     [(1, "一、", "会议时间")]))

COLON_TITLES.append(
    ("a letter-spaced title set off from its content by a blank",
     "一、综 合 据统计部门测算，全市经济总量达到一百五十亿元，较上年有所增长。\n"
     "二、农 业 全市蔬菜种植面积六十万亩，比上年增加一万亩。\n",
     [(1, "一、", "综合"), (1, "二、", "农业")]))

COLON_TITLES.append(
    ("numbered titles after scrambled full stops, one line; an enumeration in a sentence is none",
     "为规范议事行为,制定本规则,一、议事范围:凡涉及全村发展的重大事项均须集体讨论决定.二、会议制度:会议每月召开一次,"
     "由书记召集并主持,三、表决方式:实行少数服从多数,票数相同时暂缓表决.\n"
     "会议材料分为两类,一、书面材料须提前送达。\n",
     [(1, "一、", "议事范围"), (1, "二、", "会议制度"), (1, "三、", "表决方式")]))

TABLES_PDF_PROSE = (
    "第三节 队伍建设\n干部培训\n1995 年,全县举办各类培训班 46 期、培训干部 2310 人次。是年,按照分级负责的原则\n"
    "选派骨干 128 名,其中 40 岁以下的 77 名\n人才引进\n全县引进各类人才 305 名,其中硕士 21 名\n"
    "本科 164 名,专科 120 名,比上年增加 18 名。\n"
)

TABLES = [
    ("the numbered rows of a flattened budget table are no headings",
     "项目 行次 金额\n一、财政拨款收入 1 2,350,000.00\n二、事业收入 2\n三、经营收入 3\n"
     "四、其他收入 4 120,500.50\n本年收入合计 5 2,470,500.50\n",
     []),
    ("a wrapped label cell between rows of cells is no heading",
     "项目名称 道路维修工程 项目总预算 65\n项目总体概况 新建道路两条，硬化路面四千平方米，配套排水设施。\n"
     "年度绩效目标     和产出 完成道路硬化和排水工程建设，方便群众出行。\n其中:上级补助 40 本级配套 25\n"
     "资金到位率 100% 权重 10\n",
     []),
    ("figures in the prose of a report leave its headings alone",
     "一、经济运行平稳\n全年经济总量1288450万元，比上年增长3.1%。税收收入186390万元，同比增长7.4%。\n"
     "二、农业生产稳定\n全年粮食总产量18.6万吨，比上年增加0.4万吨，蔬菜产量9.2万吨。\n",
     [(1, "一、", "经济运行平稳"), (1, "二、", "农业生产稳定")]),
]

LEADS = [
    ("parallel lead sentences opening the paragraphs of a report",
     "理清思路,坚持清单化推进。对照年度任务清单，逐月排出进度表，每项任务明确牵头人。\n"
     "紧盯过程,实行清单式管理。把支部建设作为主抓手，建立任务清单，每月调度一次进展。\n"
     "融入大局,严格量化式考核。把服务发展作为重要标准，考核结果与评先评优直接挂钩。\n",
     [(1, "", "理清思路,坚持清单化推进"), (1, "", "紧盯过程,实行清单式管理"), (1, "", "融入大局,严格量化式考核")]),
    ("a series run into one paragraph under the lead sentence that opens it, in two levels",
     "聚焦主业主责,筑牢基层战斗堡垒。抓阵地,建强服务场所。新建村级服务中心二十个，改造提升旧阵地十五个。"
     "抓队伍,选优配强班子。选派第一书记三十名，回引优秀青年一百余人到村任职。"
     "抓制度,规范组织生活。推行主题党日清单制度，各支部按月公示活动开展情况。\n",
     [(1, "", "聚焦主业主责,筑牢基层战斗堡垒"), (2, "", "抓阵地,建强服务场所"),
      (2, "", "抓队伍,选优配强班子"), (2, "", "抓制度,规范组织生活")]),
    ("sentences of unlike shape in ordinary prose are no headings",
     "今年以来,全镇经济稳中有进。全年完成财政收入一千二百万元，比上年增长百分之八。"
     "农业生产稳定,粮食再获丰收。全镇新建高标准农田三千亩，粮食总产量达到两万吨。"
     "社会事业全面进步。新建幼儿园两所，改造卫生院一所，群众满意度持续提升。\n",
     []),
]

BREAKS = [
    ("a list's first number glued to the title before it",
     "一、工作目标\n全年完成各项任务。\n二、会议制度1、会议一般每月召开一次，由书记召集并主持。"
     "2、会议议题由书记确定，会前通知各委员。\n",
     [(1, "一、", "工作目标"), (1, "二、", "会议制度")]),
    ("a sharing site's chunk numbers at lines that break off mid-sentence are no headings",
     "1、村务公开制度为规范村务管理，保障村民的知情权和监督权，结合本村实际，制定本制度。一、公开内容 "
     "村务公开的内容包括村级财务收支、集体资产处置和惠农补贴发放等事项，以及群众普遍关心的其\n"
     "2、他重要事项。二、公开时间 一般事项每季度公开一次，重要事项随时公开，公开时间不少于十五天，并由村务监督委员会"
     "负责审核公开的内容是否真实完整，发现问题及时向党支部报告，限期纠正并向全体村民说\n"
     "3、明情况。三、公开形式 以村务公开栏为主，辅以村民代表会议、广播和微信群等形式。\n",
     [(1, "一、", "公开内容"), (1, "二、", "公开时间"), (1, "三、", "公开形式")]),
]

LEADS.append(
    ("a short sentence alone on its line before a paragraph is a label",
     "集体经济不断壮大。\n全镇坚持产业强村的思路，培育了食用菌、果蔬和乡村旅游三个主导产业，"
     "村级集体经济收入全部超过十万元。\n",
     [(1, "", "集体经济不断壮大")]))

BREAKS.append(
    ("points run in as 一议事范围 in text stripped of all punctuation and breaks",
     "村务监督委员会工作规则为了加强村务监督保障村民合法权益结合本村实际制定本规则一监督范围村级重大事项决策"
     "村级财务收支集体资产资源处置和惠农资金发放情况均应接受监督委员会的监督二工作制度监督委员会一般每季度召开一次"
     "会议遇有紧急事项可以临时召开会议由主任召集全体委员均应参加三监督程序和工作方法委员会发现问题应及时向村党组织"
     "提出意见和建议\n",
     [(1, "一", "监督范围"), (1, "二", "工作制度"), (1, "三", "监督程序和工作方法")]))

BREAKS.append(
    ("the number on one line and the title on the next",
     "第三章\n社会保障\n全市社会保障体系逐步健全，覆盖城乡居民。\n第一节\n养老保险\n"
     "一、\n城镇职工养老保险\n参保人数逐年增加，基金运行平稳。\n",
     [(1, "第三章", "社会保障"), (2, "第一节", "养老保险"), (3, "一、", "城镇职工养老保险")]))

FURNITURE = [
    ("the value of a page's field, a web address and a page thumbnail are no headings",
     "【www.example.com--范文】\n2023年工作回顾\n过去的一年，全区上下团结奋斗，经济社会发展取得新的成绩，各项任务圆满完成。\n"
     "发布单位:\n区融媒体中心\n近年来，全区持续加强基层组织建设，党员队伍不断壮大，"
     "组织覆盖更加全面。\n工作规则汇编_第2页\n党员队伍稳步壮大。全年发展党员五百余名，其中一线党员占六成以上。\n"
     "组织设置持续优化。全区新建党组织三十个，调整撤并党组织十二个。\n"
     "阵地建设全面加强。新建党群服务中心二十个，改造提升旧阵地十五个。\n",
     [(1, "", "2023年工作回顾"), (2, "", "党员队伍稳步壮大"), (2, "", "组织设置持续优化"),
      (2, "", "阵地建设全面加强")]),
]

FURNITURE.append(
    ("a sentence cut off at the end of the text is no heading",
     "一、会议制度\n会议每月召开一次，由书记召集并主持。\n1、本资料仅供个人学习参考,转载请注明出处,如有疑\n",
     [(1, "一、", "会议制度")]))

CASES = ARTICLES + COLON_TITLES + UNITS + TABLES + LEADS + BREAKS + FURNITURE


def test_a_budget_table_document_has_no_sections() -> None:
    text = ("项目名称 道路维修工程\n项目总体概况\n新建道路两条，硬化路面四千平方米，配套建设排水设施和路灯。\n"
            "年度主要目标\n完成道路硬化和排水工程建设，方便沿线群众出行，改善村容村貌。\n一、产出指标\n二、效益指标\n")
    assert tree(text, "budget_table") == []
    assert tree(text, "yearbook") != []


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_layouts(name: str, text: str, expected: list[tuple[int, str, str]]) -> None:
    assert tree(text, "work_rules") == expected


@pytest.mark.parametrize("content", [b"not json", b"", b'{"format": "gongwen-heading-lead/0", "features": []}',
                                     b'{"format": "gongwen-heading-lead/1", "features": ["c:a"]}'],
                         ids=["garbage", "empty", "stale", "truncated"])
def test_a_model_that_fails_to_load_leaves_the_decision_to_the_rules(tmp_path, content: bytes) -> None:
    from gongwen.structure.classifier import lead_scorer

    broken = tmp_path / "heading_lead.json"
    broken.write_bytes(content)
    score = lead_scorer(broken)
    assert score is not None and score(["坚持以人为本，抓能力建设", "会议由书记主持"]) == [0.5, 0.5]
    name, text, expected = LEADS[0]
    sections, _ = outline(text, doc_type="experience_report", lead_score=score)
    assert [(s.level, s.number, s.title) for s in sections] == expected


UNEVEN_LEADS = ("强化组织领导,压实工作责任。县里成立工作专班，每月召开一次调度会，研究解决具体问题。\n"
                "聚焦重点,创新举措。围绕产业发展和基层治理，推出十项具体措施，逐项明确责任单位。\n"
                "加强督查考核,确保任务落实到位。把工作成效纳入年度考核，对进度滞后的单位进行通报。\n")


def test_paragraph_leads_of_unlike_shape_need_the_classifier() -> None:
    from gongwen.structure.classifier import lead_scorer

    assert tree(UNEVEN_LEADS, "experience_report") == []  # rules alone: could be prose
    score = lead_scorer()
    if score is None:
        pytest.skip("models/heading_lead.json is missing (python -m gongwen.structure.train)")
    sections, _ = outline(UNEVEN_LEADS, doc_type="experience_report", lead_score=score)
    assert [s.title for s in sections] == ["强化组织领导,压实工作责任", "聚焦重点,创新举措", "加强督查考核,确保任务落实到位"]


REPORT_RUN_IN = (
    "a numbered item run into the paragraph before it after its full stop",
     "一、养老服务持续改善\n1.居家养老覆盖城乡。全市建成社区养老服务站八十个，服务老人两万余人次。\n"
     "2.机构养老提质增效。新增养老床位六百张，对三所敬老院完成了改造。3.医养结合稳步推进。"
     "签约医疗机构四十家。床位使用率提高2.5%。\n",
     [(1, "一、", "养老服务持续改善"), (2, "1.", "居家养老覆盖城乡"), (2, "2.", "机构养老提质增效"),
      (2, "3.", "医养结合稳步推进")])


def test_a_report_item_run_in_after_a_full_stop() -> None:
    name, text, expected = REPORT_RUN_IN
    assert tree(text, "yearbook") == expected


def test_figures_of_pdf_prose_set_off_by_blanks_are_no_table_cells() -> None:
    assert [t for _, _, t in tree(TABLES_PDF_PROSE, "yearbook")] == ["队伍建设", "干部培训", "人才引进"]


def test_a_line_printing_the_title_again_is_no_heading_a_part_named_in_it_is() -> None:
    text = ("兴安县志\n第四章 民政工作\n第一节 优抚安置\n全县优抚对象逐年增加，各项待遇落实到位，群众满意度较高。\n"
            "内设机构\n局机关设办公室、优抚股和救助股三个内设机构，分别承担相应职责。\n")
    sections, _ = outline(text, doc_type="yearbook", title_text="Page 12 - 兴安县志")
    assert [s.title for s in sections] == ["民政工作", "优抚安置", "内设机构"]
    sections, _ = outline(text, doc_type="yearbook", title_text="兴安县民政局职能配置、内设机构和人员编制规定")
    assert "内设机构" in [s.title for s in sections]


def test_a_lone_point_of_a_report_is_headed_by_its_short_lead() -> None:
    text = ("一、强化队伍建设。一是抓业务培训，分批组织全体会员参加专题研修，全年举办培训班六期。"
            "二是抓骨干培养，新吸收会员十五名，其中青年会员八名，队伍结构进一步优化。\n")
    assert tree(text, "yearbook") == [(1, "一、", "强化队伍建设")]
    assert tree(text, "work_rules") == []  # a rule's point is an item


def test_a_grade_header_row_of_a_flattened_table_is_no_heading() -> None:
    """A performance table flattened with its cells fused leaves the grade columns' header
    (优良中差) on a line of its own, above rows of long fused text: no heading."""
    from gongwen.process import process_text
    from gongwen.structure.unnumbered import grade_scale

    text = ("101办公室\n\n职责活动年度预算数内容描述绩效目标绩效指标评价标准\n优良中差\n"
            "文书档案管理50.50负责全局文书档案的收集整理和归档；负责机关公文的收发运转工作；"
            "研究和提出档案管理制度的意见\n信息公开12.00负责政府信息公开工作的组织协调、信息发布\n")
    assert [s.title for s in process_text(text).sections] == []
    assert grade_scale("优良中差") and grade_scale("优秀良好合格不合格")
    assert not grade_scale("中心工作") and not grade_scale("良好作风")
