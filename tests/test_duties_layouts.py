"""Duties in layouts found by auditing documents the rules were not tuned to.

Each case is a short document written in the style of one kind of real text (三定
regulations, 处务规程/办事细则, 暂行规定 allocating duties among several organs) and
the ``(organ, text)`` pairs a careful annotator following RECORDS.md would list.
"""

from __future__ import annotations

import pytest

from gongwen import stages
from gongwen.extractors.duties import extract_duties, prefix_organ, unit_prefix
from gongwen.process import process_text


def duties(text: str) -> list[tuple[str | None, str]]:
    """The ``(organ, text)`` pairs of ``text`` run through the real stages before ``extract``."""
    doc = process_text(text, stages.before("extract"), path="test.txt")
    found = extract_duties(doc)
    for d in found:
        assert doc.text[d.start:d.end] == d.text
    return [(d.organ, d.text) for d in found]

SANDING = (
    "青石县林业局主要职责内设机构和人员编制规定\n"
    "一、主要职责\n"
    "（一）贯彻执行国家和省林业方针政策，拟订全县林业发展规划并组织实施。\n"
    "（二）负责全县森林资源保护工作；组织森林防火工作。\n"
    "二、内设机构\n"
    "根据上述职责，县林业局设3个内设机构：\n"
    "（一）办公室。负责机关日常运转工作；承担文电、会务、档案等工作。\n"
    "（二）综合规划股。拟订林业发展规划；负责林业统计工作。\n"
    "（三）资源管理股。负责林地管理工作。\n"
    "三、人员编制\n"
    "县林业局机关行政编制9名。\n"
)

COPULA_AND_LIST_LEAD = (
    "中共南湖区委宣传部职能配置、内设机构和人员编制规定\n"
    "一、主要职责\n"
    "区委宣传部是区委主管意识形态工作的职能部门，主要职责是：\n"
    "（一）负责全区理论学习的规划和指导。\n"
    "（二）承办区委交办的其他事项。\n"
    "二、内设机构\n"
    "区委宣传部设下列科室：\n"
    "（一）理论科。负责理论学习组织工作。\n"
    "（二）新闻科：负责新闻宣传的组织协调；指导全区新闻发布工作。\n"
)

UNIT_LINES = (
    "西岭镇人民政府内设机构及职责\n"
    "党政综合办公室：负责镇党委、政府日常运转；负责文电、会务工作。\n"
    "社会事务办公室：负责民政、残联工作。\n"
)

SECTIONS_UNDER_UNITS = (
    "法規名稱：海事博物館辦事細則\n"
    "第 1 條\n海事博物館（以下簡稱本館）辦事細則依本館組織規程訂定之。\n"
    "第 2 條\n館長綜理館務，並指揮、監督所屬人員；副館長襄助館長處理館務。\n"
    "第 3 條\n典藏組分設二科，各科掌理事項如下：\n"
    "一、第一科：文物之登錄及保管事項；庫房管理事項。\n"
    "二、第二科：文物修護事項。\n"
    "第 4 條\n展示組分設二科，各科掌理事項如下：\n"
    "一、第一科\n（一）關於常設展之規劃事項。\n（二）關於各展場之維護事項。\n"
    "二、第二科\n（一）關於特展之辦理事項。\n（二）關於各機關借展之協調事項。\n"
    "展示組掌理本館導覽人員之訓練事項。\n"
    "第 5 條\n本細則自發布日施行。\n"
)

SEVERAL_ORGANS = (
    "# 职业教育管理职责暂行规定\n"
    "为了明确职业教育管理职责，作如下规定：\n"
    "一、 省教育厅在省人民政府的领导下，主管全省职业教育工作，其主要职责是：\n"
    "(一)贯彻执行国家有关职业教育的方针政策。\n"
    "督促、检查各市、县对职业教育政策的执行情况。\n"
    "(二)编制全省职业教育发展规划。\n"
    "(三)指导职业学校的教学工作。\n"
    "二、 市、县人民政府管理本地区的职业学校，其主要职责是：\n"
    "(一)负责本地区职业学校的设置和调整。\n"
    "(二)筹措职业教育经费。\n"
)

CASES = [
    ("三定: units set off by 。 after a 设N个内设机构 cue; organ from the title", SANDING, [
        ("青石县林业局", "贯彻执行国家和省林业方针政策，拟订全县林业发展规划并组织实施"),
        ("青石县林业局", "负责全县森林资源保护工作"),
        ("青石县林业局", "组织森林防火工作"),
        ("办公室", "负责机关日常运转工作"),
        ("办公室", "承担文电、会务、档案等工作"),
        ("综合规划股", "拟订林业发展规划"),
        ("综合规划股", "负责林业统计工作"),
        ("资源管理股", "负责林地管理工作"),
    ]),
    ("copula clause subject; 设下列科室 with 。 and ： units", COPULA_AND_LIST_LEAD, [
        ("区委宣传部", "负责全区理论学习的规划和指导"),
        ("区委宣传部", "承办区委交办的其他事项"),
        ("理论科", "负责理论学习组织工作"),
        ("新闻科", "负责新闻宣传的组织协调"),
        ("新闻科", "指导全区新闻发布工作"),
    ]),
    ("unnumbered unit lines under a joined title", UNIT_LINES, [
        ("党政综合办公室", "负责镇党委、政府日常运转"),
        ("党政综合办公室", "负责文电、会务工作"),
        ("社会事务办公室", "负责民政、残联工作"),
    ]),
    ("item running on over a second paragraph; several organs", SEVERAL_ORGANS, [
        ("省教育厅", "贯彻执行国家有关职业教育的方针政策"),
        ("省教育厅", "督促、检查各市、县对职业教育政策的执行情况"),
        ("省教育厅", "编制全省职业教育发展规划"),
        ("省教育厅", "指导职业学校的教学工作"),
        ("市、县人民政府", "负责本地区职业学校的设置和调整"),
        ("市、县人民政府", "筹措职业教育经费"),
    ]),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_layouts(name: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert duties(text) == expected


def test_office_rules_heads_colon_units_and_paragraph_after_nested_list() -> None:
    found = duties(SECTIONS_UNDER_UNITS)
    assert found[:2] == [("馆长", "综理馆务，并指挥、监督所属人员"), ("副馆长", "襄助馆长处理馆务")]
    # `一、第一科：…` names the unit; `典藏组分设二科` is no organ
    assert ("第一科", "文物之登录及保管事项") in found and ("第一科", "库房管理事项") in found
    assert ("第二科", "文物修护事项") in found
    assert not any(o and "分设" in o for o, _ in found)
    # `关于各机关…` opens the item's topic, not its subject
    assert ("第二科", "关于各机关借展之协调事项") in found
    # the plain paragraph after the last unit's sub-list is a sentence duty of its own
    assert ("展示组", "掌理本馆导览人员之训练事项") in found
    assert len(found) == 10


def test_list_of_unit_names_holds_no_duties() -> None:
    """`本會設下列處室：` followed by bare names lists the units, not what they do."""
    text = ("法規名稱：海洋委員會處務規程\n第 3 條\n本會設下列處室：\n一、綜合規劃處。\n二、秘書室。\n"
            "第 4 條\n本規程自發布日施行。\n")
    assert duties(text) == []


@pytest.mark.parametrize("text,expected", [
    ("办公室。负责机关日常运转", ("办公室", 4)),
    ("第一科：档案之典藏事项", ("第一科", 4)),
    ("综合规划股。拟订发展规划", ("综合规划股", 6)),
    ("规划计划科：组织编制规划", ("规划计划科", 6)),
    ("支持区人民法院。对其工作进行监督", None),  # after 。 no duty verb: a one-sentence item
    ("办公室。", None),  # nothing follows the name
    ("议事范围：讨论决定重大事项", None),  # not a unit's name
    ("办公室（政策法规股）。负责机关运转", ("办公室", 11)),  # an alias stays out of the organ
])
def test_unit_prefix(text: str, expected: tuple[str, int] | None) -> None:
    assert unit_prefix(text, 0, len(text)) == expected


@pytest.mark.parametrize("clause,organ", [
    ("区委办公室是区委的综合办事机构", "区委办公室"),
    ("审编处分设四科", "审编处"),
    ("国家教育委员会在国务院的领导下", "国家教育委员会"),
    ("都市计划委员会之", "都市计划委员会"),
    ("本会", None),
])
def test_prefix_organ(clause: str, organ: str | None) -> None:
    assert prefix_organ(clause) == organ


#: 一、职责 over numbered sub-sections that each name a body's duties, open with a
#: paragraph and only then list them: the sub-section titles are not duties.
SECTIONED_RULES = (
    "中共石桥区委工作规则\n"
    "一、职责\n"
    "（一）区委职责\n"
    "区委是全区的领导核心，对全区各项工作实行全面领导。区委的主要职责是：\n"
    "1、贯彻落实上级党委的决策部署。\n"
    "2、讨论决定全区经济社会发展中的重大问题。\n"
    "（二）区委常委会职责\n"
    "区委常委会在全会闭会期间行使区委职权。其主要职责是：\n"
    "1、组织实施区委全会的决议。\n"
    "2、研究决定干部任免事项。\n"
)


def test_titles_of_duty_sections_are_not_duties() -> None:
    found = duties(SECTIONED_RULES)
    assert [text for _, text in found] == ["贯彻落实上级党委的决策部署", "讨论决定全区经济社会发展中的重大问题",
                                           "组织实施区委全会的决议", "研究决定干部任免事项"]
    assert [organ for organ, _ in found] == ["区委", "区委", "区委常委会", "区委常委会"]


@pytest.mark.parametrize("text,expected", [
    # a whole article stating one organ's duty, with or without a time clause
    ("第十二条 镇人民代表大会主席、副主席在本级人民代表大会闭会期间负责联系代表，组织代表开展活动。\n",
     [("镇人民代表大会主席、副主席", "在本级人民代表大会闭会期间负责联系代表，组织代表开展活动")]),
    ("第九条 县人民代表大会常务委员会办公室负责会议的组织和服务工作。\n",
     [("县人民代表大会常务委员会办公室", "负责会议的组织和服务工作")]),
    # not an article of its own: a report's sentence, or a clause inside another rule
    ("今年以来，县委办公室负责牵头抓好督查工作。\n", []),
    ("第五条 本规定由县人民代表大会常务委员会负责解释。\n", []),
])
def test_one_sentence_duty_articles(text: str, expected: list[tuple[str, str]]) -> None:
    assert duties(text) == expected
