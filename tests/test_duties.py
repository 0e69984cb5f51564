"""The duties extractor on documents written in the style of the corpus.

Each document runs through the real stages before ``extract`` (normalizer, outline,
metadata), so traditional-script input is converted as it would be in production.
Cases compare ``(organ, text)`` pairs; offsets are checked against the surface.
"""

from __future__ import annotations

import pytest

from gongwen import stages
from gongwen.extractors.duties import extract_duties
from gongwen.extractors.duties.organs import leading_organ, subject_of_heading
from gongwen.lists import find_markers, split_top
from gongwen.process import process_text
from gongwen.record import Document


def doc_of(text: str) -> Document:
    return process_text(text, stages.before("extract"), path="test.txt")


def duties(text: str) -> list[tuple[str | None, str]]:
    doc = doc_of(text)
    found = extract_duties(doc)
    for d in found:
        assert doc.text[d.start:d.end] == d.text
    return [(d.organ, d.text) for d in found]


WORK_RULES = (
    "城南区委工作规则\n"
    "一、职责\n"
    "(一)区委职责 城南区委是全区的领导核心。区委的职责主要是:\n"
    "1、对全区的重大问题作出决策。\n"
    "2、向区国家机关推荐重要干部；指导全区基层党组织建设。\n"
    "(二)常委会职责 常委会在全委会闭会期间行使委员会职权。其职责是:\n"
    "1、召集全委会,向全委会报告工作。\n"
    "2、组织实施上级党组织的指示。\n"
    "(三)书记、副书记的职责\n"
    "1、区委书记主持区委全面工作,负责召集常委会会议。\n"
    "2、副书记协助书记工作；分管党群工作。\n"
    "二、会议制度\n"
    "(一)常委会会议制度\n"
    "1、常委会会议一般每月召开一次,由书记召集并主持。\n"
)

DUTY_LIST = (
    "江岸区委组织部主要职责\n"
    "(一)拟订全区组织工作的规划,并组织实施。\n"
    "(二)研究和指导党的基层组织建设;负责党员教育管理工作。\n"
    "江岸区委组织部内设机构\n"
    "(一)办公室负责部机关文电、会务和机要工作;承担部领导交办的其他工作。\n"
    "(二)干部监督股负责干部监督工作的综合协调;受理反映干部问题的举报。\n"
)

UNIT_LINES = (
    "部门职责\n"
    "办公厅(秘书局)负责机关日常运转；承担文电、会务工作；负责机关财务管理。\n"
    "\n"
    "机构设置及职能：\n"
    "\n"
    "1. 秘书处\n"
    "负责机关值班安排。\n"
    "负责收文登记；负责文书档案管理。\n"
    "2. 财务处\n"
    "负责预算编制和执行。\n"
    "\n"
    "负责人\n"
    "处长 王某\n"
)

LEAD = (
    "贯彻执行上级党组织有关组织工作的方针政策；研究和指导基层组织建设；协调、指导党员教育工作；"
    "负责干部档案管理工作。\n"
    "北湖区委组织部主要职责\n"
    "(一)拟订全区组织工作规划。\n"
    "(二)管理属下事业单位。\n"
)

CASES = [
    ("cued list: organ is the clause subject", WORK_RULES, [
        ("区委", "对全区的重大问题作出决策"),
        ("区委", "向区国家机关推荐重要干部"),
        ("区委", "指导全区基层党组织建设"),
        ("常委会", "召集全委会,向全委会报告工作"),
        ("常委会", "组织实施上级党组织的指示"),
        ("区委书记", "主持区委全面工作,负责召集常委会会议"),
        ("副书记", "协助书记工作"),
        ("副书记", "分管党群工作"),
    ]),
    ("duty list with internal units", DUTY_LIST, [
        ("江岸区委组织部", "拟订全区组织工作的规划,并组织实施"),
        ("江岸区委组织部", "研究和指导党的基层组织建设"),
        ("江岸区委组织部", "负责党员教育管理工作"),
        ("办公室", "负责部机关文电、会务和机要工作"),
        ("办公室", "承担部领导交办的其他工作"),
        ("干部监督股", "负责干部监督工作的综合协调"),
        ("干部监督股", "受理反映干部问题的举报"),
    ]),
    ("heading paragraph and unit-name items", UNIT_LINES, [
        ("办公厅", "负责机关日常运转"),
        ("办公厅", "承担文电、会务工作"),
        ("办公厅", "负责机关财务管理"),
        ("秘书处", "负责机关值班安排"),
        ("秘书处", "负责收文登记"),
        ("秘书处", "负责文书档案管理"),
        ("财务处", "负责预算编制和执行"),
    ]),
    ("unnumbered lead paragraph", LEAD, [
        ("北湖区委组织部", "贯彻执行上级党组织有关组织工作的方针政策"),
        ("北湖区委组织部", "研究和指导基层组织建设"),
        ("北湖区委组织部", "协调、指导党员教育工作"),
        ("北湖区委组织部", "负责干部档案管理工作"),
        ("北湖区委组织部", "拟订全区组织工作规划"),
        ("北湖区委组织部", "管理属下事业单位"),
    ]),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_duties(name: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert duties(text) == expected


TRADITIONAL = (
    "法規名稱：海洋委員會處務規程\n"
    "第 1 條\n海洋委員會（以下簡稱本會）為處理內部單位之分工職掌，特訂定本規程。\n"
    "第 2 條\n主任委員綜理會務，並指揮、監督所屬人員；副主任委員襄助主任委員處理會務。\n"
    "第 3 條\n本會設下列處、室，分別掌理本規程有關事務。\n"
    "第 4 條\n參事權責如下：\n一、法規之研議。\n二、其他交辦事項。\n"
    "第 5 條\n綜合規劃處掌理事項如下：\n一、本會施政計畫之研擬。\n二、本會出版品之編輯及管理。\n"
    "第 6 條\n產業處掌理下列產業之輔導事項：\n一、漁業及水產養殖業。\n二、航運及倉儲業。\n"
    "第 7 條\n人事室掌理本會人事事項。\n"
    "第 8 條\n秘書室職掌如左：\n一、文書及檔案之管理。\n二、出納及採購事務。\n"
    "第 9 條\n本會置秘書一人，承主任委員之命，辦理議事事務。\n"
    "第 10 條\n本規程自發布日施行。\n"
)


def test_traditional_affairs_rules() -> None:
    found = duties(TRADITIONAL)
    assert found[:2] == [("主任委员", "综理会务，并指挥、监督所属人员"), ("副主任委员", "襄助主任委员处理会务")]
    assert ("参事", "法规之研议") in found and ("参事", "其他交办事项") in found
    assert ("综合规划处", "本会施政计画之研拟") in found or ("综合规划处", "本会施政计划之研拟") in found
    assert ("人事室", "掌理本会人事事项") in found
    assert ("秘书室", "文书及档案之管理") in found and ("秘书室", "出纳及采购事务") in found
    assert ("秘书", "承主任委员之命，办理议事事务") in found
    # the sub-list of industries belongs to the one duty that introduces it
    industry = [t for o, t in found if o == "产业处"]
    assert len(industry) == 1 and industry[0].startswith("掌理下列产业之辅导事项") and "航运及仓储业" in industry[0]
    # `分别掌理…有关事务` without a list is no duty; the closing article neither
    assert not any("分别掌理" in t or "施行" in t for _, t in found)
    assert len(found) == 11


def test_no_duties_from_meetings_practices_or_plain_text() -> None:
    text = ("一、会议制度\n(一)党组会议制度\n1、党组会议一般每月召开一次。\n2、党组会议由书记召集并主持。\n"
            "二、主要做法\n我们坚持每周一学习，推动工作落实；强化督查；狠抓落实。\n")
    assert duties(text) == []


@pytest.mark.parametrize("text,expected", [
    ("人秘股负责本部机要工作", ("人秘股", 3)),
    ("干部监督股负责干部监督工作", ("干部监督股", 5)),
    ("组织股主管党员的管理", ("组织股", 3)),
    ("书记或者书记委托副书记召集和主持常委会会议", ("书记", 11)),
    ("办公厅(人事局)负责机关行政工作", ("办公厅", 8)),
    ("区委书记主持区委工作", ("区委书记", 4)),
    ("常委会委员要带头贯彻执行常委会决定", ("常委会委员", 5)),
    ("负责本部的财务管理", None),
    ("组织中心对外申请研究课题", None),
    ("代行办公厅对下属单位的管理", None),
    ("监督领导干部和干部选拔任用", None),
])
def test_leading_organ(text: str, expected: tuple[str, int] | None) -> None:
    assert leading_organ(text) == expected


@pytest.mark.parametrize("title,subject", [
    ("区委职责", "区委"),
    ("湘江区委组织部主要职责", "湘江区委组织部"),
    ("(四)区委书记、副书记、常委的职责", "区委书记、副书记、常委"),
    ("内设机构湘江区委组织部主要职责", "湘江区委组织部"),
    ("职责", None),
])
def test_subject_of_heading(title: str, subject: str | None) -> None:
    assert subject_of_heading(title) == subject


@pytest.mark.parametrize("text,pieces", [
    ("负责甲；负责乙；负责丙", ["负责甲", "负责乙", "负责丙"]),
    ("负责（含甲；乙）工作；负责丙", ["负责（含甲；乙）工作", "负责丙"]),
    ("组织“学习；实践”活动;协调丙。", ["组织“学习；实践”活动", "协调丙"]),
])
def test_split_top(text: str, pieces: list[str]) -> None:
    assert [text[a:b] for a, b in split_top(text, 0, len(text))] == pieces


@pytest.mark.parametrize("text,markers", [
    ("1、甲。2、乙。", [("ar_dun", 1), ("ar_dun", 2)]),
    ("(一)甲 (二)乙", [("paren_cn", 1), ("paren_cn", 2)]),
    ("一、甲\n二、乙", [("cn_dun", 1), ("cn_dun", 2)]),
    ("①甲②乙", [("circled", 1), ("circled", 2)]),
    ("增长3.5个百分点,第12、13项", []),
    ("（十二）甲", [("paren_cn", 12)]),
])
def test_markers(text: str, markers: list[tuple[str, int]]) -> None:
    assert [(m.style, m.n) for m in find_markers(text)] == markers


SETUP_POINTS = (
    "海洋保育諮詢小組設置要點\n"
    "一、海洋委員會為推動海洋保育工作，特設海洋保育諮詢小組（以下簡稱本小組）。\n"
    "二、本小組任務如下：\n(一)海洋保育政策之諮詢事宜。\n(二)其他有關海洋保育諮詢事宜。\n"
    "三、本小組置召集人一人，由委員互選之。\n"
    "四、本小組置執行秘書一人，承召集人之命，處理本小組幕僚事務。\n"
    "五、秘書長為本會首長，綜理會務。\n"
)


def test_setup_points_tasks_and_posts() -> None:
    """`本小组任务如下` lists duties of the body the title names; an appointment rule is no duty."""
    assert duties(SETUP_POINTS) == [
        ("海洋保育咨询小组", "海洋保育政策之咨询事宜"),
        ("海洋保育咨询小组", "其他有关海洋保育咨询事宜"),
        ("执行秘书", "承召集人之命，处理本小组幕僚事务"),
        ("秘书长", "综理会务"),
    ]
