"""Meeting-rule and duty phrasings found by running new rules texts (``tests/data/unseen/rules_*``):
one sentence per case, written for the test, each a phrasing the extractors missed before.
"""

from __future__ import annotations

import pytest

from gongwen.extractors.duties.organs import leading_organ, subject_of_heading
from gongwen.extractors.meetings import fill_slots
from gongwen.extractors.meetings.scopes import _own_body
from gongwen.record import Meeting


def filled(sentence: str, body: str = "党委会议") -> Meeting:
    m = Meeting(id="m1", body=body, section=None, start=0, end=0)
    fill_slots(m, sentence)
    return m


@pytest.mark.parametrize("sentence,slot,value", [
    ("党委会议由党政办公室主任记录，会议记录存档备查", "recorder", "党政办公室主任"),
    ("常务会议的记录由县政府办公室负责", "recorder", "县政府办公室"),
    ("纪录由秘书室派员担任", "recorder", "秘书室"),
    ("县政府常务会议由县长、副县长、县政府党组成员组成", "members", ["县长", "副县长", "县政府党组成员"]),
    ("全体会议由县长、县政府各组成部门的主要负责人组成", "members", ["县长", "县政府各组成部门的主要负责人"]),
    ("县务会议以县长、副县长及各处处长组成之", "members", ["县长", "副县长", "各处处长"]),
    ("会议以讨论为主，以解决问题为目的", "members", []),
    ("镇长、人大主席团主席不是党委委员的，可列席党委会议", "attendees", ["镇长", "人大主席团主席"]),
    ("根据会议议题，可以通知有关部门负责人列席", "attendees", ["有关部门负责人"]),
    ("第六条 *区政府区长、区政协主席列席常委会会议", "attendees", ["区政府区长", "区政协主席"]),
])
def test_people_and_recorder(sentence: str, slot: str, value: object) -> None:
    assert getattr(filled(sentence), slot) == value


@pytest.mark.parametrize("sentence,count,per", [
    ("常委会会议一般每半月召开一次", 2, "month"),
    ("党组会议每半个月举行一次", 2, "month"),
    ("党委会议每月召开一次", 1, "month"),
])
def test_half_month(sentence: str, count: int, per: str) -> None:
    f = filled(sentence).frequency
    assert f is not None and (f.count, f.per) == (count, per)


@pytest.mark.parametrize("sentence,matter", [
    ("讨论决定干部任免事项，必须有三分之二以上常委到会", "讨论决定干部任免事项"),
    ("讨论干部任免事项时，必须有三分之二以上委员到会", "讨论干部任免事项"),
])
def test_special_quorum_matter(sentence: str, matter: str) -> None:
    m = filled(sentence)
    assert [(s.matter, s.fraction) for s in m.special_quorum] == [(matter, 0.6667)] and m.quorum is None


@pytest.mark.parametrize("body,title_body,expected", [
    ("本会委员会议", None, "委员会议"),  # a 处务规程: the council's own 委员会议
    ("本会委员会议", "都市更新审议委员会会议", None),  # a rules text: the title's meeting
    ("本院会议", None, None),
    ("党组会议", None, "党组会议"),
])
def test_own_body(body: str, title_body: str | None, expected: str | None) -> None:
    assert _own_body(body, title_body) == expected


@pytest.mark.parametrize("text,organ", [
    ("组织人事科负责街道党组织建设", "组织人事科"),
    ("组织股负责党员管理", "组织股"),
    ("领导小组负责统筹协调", "领导小组"),
    ("领导镇政府、镇人大主席团和群团组织，支持其开展工作", None),
    ("按照干部管理权限，负责对干部的教育", None),
    ("组织中心对外申请研究课题", None),
])
def test_leading_organ(text: str, organ: str | None) -> None:
    lead = leading_organ(text)
    assert (lead[0] if lead else None) == organ


@pytest.mark.parametrize("title,subject", [
    ("县政府履行下列职责", "县政府"),
    ("区委组织部主要职责", "区委组织部"),
])
def test_heading_subject(title: str, subject: str) -> None:
    assert subject_of_heading(title) == subject
