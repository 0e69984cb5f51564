"""The meeting-rules extractor: one phrasing per case, then whole documents.

Slot cases feed one sentence to :func:`fill_slots` and read one slot back; the
document cases run the real stages (normalizer included, so traditional input is
converted) and compare the records' slots.
"""

from __future__ import annotations

import pytest

from gongwen import stages
from gongwen.extractors.meetings import agenda, extract_meetings, fill_slots
from gongwen.process import process_text
from gongwen.record import Document, Meeting


def doc_of(text: str) -> Document:
    return process_text(text, stages.before("extract"), path="test.txt")


def filled(sentence: str) -> Meeting:
    m = Meeting(id="m1", body="会议", section=None, start=0, end=0)
    fill_slots(m, sentence)
    return m


@pytest.mark.parametrize("sentence,count,per,minimum", [
    ("全委会每年至少召开两次", 2, "year", True),
    ("常委会会议一般每月进行两次", 2, "month", False),
    ("协调会每周一上午召开", 1, "week", False),
    ("常委会一般每半年召开一次民主生活会", 1, "half_year", False),
    ("委员会议每星期四举行一次", 1, "week", False),
    ("委员会每三个月扩大举行一次", 1, "quarter", False),
    ("本会每三月开会一次", 1, "quarter", False),
    ("本院会议每月举行", 1, "month", False),
    ("党组会议每月召开1-2次", 1, "month", True),
    ("每季度召开不少于一次", 1, "quarter", True),
])
def test_frequency(sentence: str, count: int, per: str, minimum: bool) -> None:
    f = filled(sentence).frequency
    assert f is not None and (f.count, f.per, f.min) == (count, per, minimum)


@pytest.mark.parametrize("sentence,ad_hoc", [
    ("遇有重要情况可随时召开", True),
    ("书记办公会议可根据工作需要召开", True),
    ("四大班子会议依据工作需要不定期召开", True),
    ("必要时并得召开临时会", True),
    ("常务理事会会议随时由主席召集之", True),
    ("会议议题由书记确定", None),
])
def test_ad_hoc(sentence: str, ad_hoc: bool | None) -> None:
    assert filled(sentence).ad_hoc is ad_hoc


@pytest.mark.parametrize("sentence,fraction,inclusive", [
    ("全委会必须有三分之二以上委员到会方能进行", 0.6667, True),
    ("常委会会议必需有半数以上委员到会方能进行", 0.5, True),
    ("会议应有全体委员过半数之出席", 0.5, False),
    ("会议须有应出席人员过半数之出席，方得开会", 0.5, False),
    ("非有过半数以上委员之出席不得开会", 0.5, False),
    ("委员会议应有委员总额过半数之出席，始得开议", 0.5, False),
    ("本院会议须有应出席委员二分之一以上之出席，方得开会", 0.5, True),
])
def test_quorum(sentence: str, fraction: float, inclusive: bool) -> None:
    q = filled(sentence).quorum
    assert q is not None and (q.fraction, q.inclusive) == (fraction, inclusive)


@pytest.mark.parametrize("sentence,fraction,inclusive,of", [
    ("全委会进行表决时,以赞成票超过应到会委员人数的半数为通过", 0.5, False, "应到会委员"),
    ("会议之决议，以出席委员过半数之同意行之", 0.5, False, "出席委员"),
    ("以出席人员过半数之同意行之", 0.5, False, "出席人员"),
    ("议案须经全体委员三分之二以上同意", 0.6667, True, "全体委员"),
])
def test_vote_threshold(sentence: str, fraction: float, inclusive: bool, of: str) -> None:
    v = filled(sentence).vote_threshold
    assert v is not None and (v.fraction, v.inclusive, v.of) == (fraction, inclusive, of)


@pytest.mark.parametrize("sentence,fractions", [
    ("讨论干部问题时,应有三分之二以上委员到会方能进行", [0.6667]),
    ("复议案须有法定出席人过半数之出席及出席人三分之二以上之同意，方得决议", [0.5, 0.6667]),
    ("对于决议案之申请复议，须有出席委员六分之一以上之提议，三分之一以上之同意", [0.3333]),
])
def test_special_quorum(sentence: str, fractions: list[float]) -> None:
    m = filled(sentence)
    assert [s.fraction for s in m.special_quorum] == fractions
    assert m.quorum is None and m.vote_threshold is None


@pytest.mark.parametrize("sentence,slot,value", [
    ("常委会会议由书记召集并主持", "convener", "书记"),
    ("常委会会议由书记召集并主持", "chair", "书记"),
    ("书记不能参加会议时，可委托副书记召集并主持", "convener", "副书记"),
    ("区党政联席会议,由书记召集和主持", "chair", "书记"),
    ("本院会议以院长为主席，院长不能出席时，以副院长为主席", "chair", "院长"),
    ("会议由出席委员互推一人为主席", "chair", None),
    ("协调会由书记或书记委托副书记主持", "chair", "书记"),
    ("书记、副书记或常委可召集有关部门和人员进行协调", "convener", "书记、副书记"),
    ("区委办公室主任列席书记办公会议,并负责书记办公会议记录", "recorder", "区委办公室主任"),
    ("会议记录由办公室秘书负责记录", "recorder", "办公室秘书"),
    ("会议议题由书记确定", "recorder", None),
])
def test_people_slots(sentence: str, slot: str, value: str | None) -> None:
    assert getattr(filled(sentence), slot) == value


@pytest.mark.parametrize("sentence,slot,value", [
    ("书记办公会由书记、副书记组成", "members", ["书记", "副书记"]),
    ("党政联席会议组成人员为区委常委、区政府区长、区政协主席", "members", ["区委常委", "区政府区长", "区政协主席"]),
    ("区人大常委会主任、区政协主席列席常委会会议", "attendees", ["区人大常委会主任", "区政协主席"]),
    ("本会开会时，得邀本行各局主管及其他相关人员列席", "attendees", ["本行各局主管", "其他相关人员"]),
    ("需要其他人员列席的，由主持会议的书记确定", "attendees", []),
])
def test_lists(sentence: str, slot: str, value: list[str]) -> None:
    assert getattr(filled(sentence), slot) == value


def test_agenda_scope() -> None:
    text = "1、议事范围:(1)学习贯彻上级指示。(2)讨论全区重大问题。(3)听取工作报告。\n2、全委会每年至少召开两次。"
    assert agenda(text, 0, len(text)) == ["学习贯彻上级指示", "讨论全区重大问题", "听取工作报告"]


WORK_RULES = (
    "城南区委工作规则\n"
    "二、会议制度\n"
    "(一)全委会会议制度\n"
    "1、议事范围:(1)贯彻执行上级重要指示。(2)讨论全区重大问题。\n"
    "2、全委会每年至少召开两次,遇有重要情况可随时召开。\n"
    "3、全委会必须有三分之二以上委员到会方能进行。\n"
    "(二)书记办公会议制度\n"
    "1、书记办公会由书记、副书记组成。\n"
    "2、书记办公会议可根据工作需要召开,会议由书记召集并主持。\n"
    "3、区委办公室主任列席书记办公会议,并负责会议记录。\n"
    "三、议事规则与程序\n"
    "1、全委会进行表决时,以赞成票超过应到会委员人数的半数为通过。\n"
)


def test_work_rules_document() -> None:
    found = {m.body: m for m in extract_meetings(doc_of(WORK_RULES))}
    assert set(found) == {"全委会会议", "书记办公会议"}
    plenary, office = found["全委会会议"], found["书记办公会议"]
    assert plenary.frequency and (plenary.frequency.count, plenary.frequency.per, plenary.frequency.min) == (
        2, "year", True)
    assert plenary.ad_hoc is True and plenary.quorum and plenary.quorum.fraction == 0.6667
    assert plenary.vote_threshold and plenary.vote_threshold.inclusive is False  # from chapter 三
    assert plenary.agenda_scope == ["贯彻执行上级重要指示", "讨论全区重大问题"]
    assert (office.members, office.convener, office.chair, office.ad_hoc) == (["书记", "副书记"], "书记", "书记", True)
    assert office.attendees == ["区委办公室主任"] and office.recorder == "区委办公室主任"


TRADITIONAL = (
    "法規名稱：海洋委員會委員會議規則\n"
    "第 1 條\n本規則依海洋委員會組織法規定訂定之。\n"
    "第 2 條\n下列人員應列席本會議：\n一、主任秘書。\n二、各處處長。\n"
    "第 3 條\n本會議每月舉行一次，必要時得召開臨時會議，由主任委員召集之。\n"
    "第 4 條\n本會議以主任委員為主席。\n"
    "第 5 條\n本會議須有應出席委員二分之一以上之出席，方得開會；以出席委員過半數之同意，方得決議。\n"
    "第 6 條\n復議案須有出席委員三分之二以上之同意，方得決議。\n"
)


def test_traditional_meeting_rules() -> None:
    meetings = extract_meetings(doc_of(TRADITIONAL))
    assert [m.body for m in meetings] == ["海洋委员会委员会议"]
    m = meetings[0]
    assert m.frequency and (m.frequency.count, m.frequency.per) == (1, "month")
    assert (m.ad_hoc, m.convener, m.chair) == (True, "主任委员", "主任委员")
    assert m.quorum and (m.quorum.fraction, m.quorum.inclusive) == (0.5, True)
    assert m.vote_threshold and (m.vote_threshold.fraction, m.vote_threshold.inclusive) == (0.5, False)
    assert [s.fraction for s in m.special_quorum] == [0.6667]
    assert m.attendees == ["主任秘书", "各处处长"]


def test_report_mentions() -> None:
    text = ("基层组织会议机制。明确规定各村每周召开一次“两委”会、每月召开一次党员和村民代表会,"
            "要求每次村级会议必须有镇机关干部现场指导。\n"
            "普通老党员去世,由所在基层党组织书记主持召开追悼会。\n"
            "7月,镇党委召开全镇工作推进会,部署下半年工作。\n")
    found = {m.body: m for m in extract_meetings(doc_of(text))}
    assert set(found) == {"“两委”会", "党员和村民代表会", "追悼会"}  # a one-off meeting is no rule
    assert found["“两委”会"].frequency.per == "week"  # type: ignore[union-attr]
    assert found["党员和村民代表会"].frequency.per == "month"  # type: ignore[union-attr]
    assert found["党员和村民代表会"].attendees == ["镇机关干部"]
    assert found["追悼会"].chair == "所在基层党组织书记"
