"""Sample records for the store, search and compare tests, built directly (not by the
extractors, whose quality is not what these tests are about), plus checks that the
builders produce consistent records (every span points at its own text).

The texts are written for these tests in the style of district work rules and duty
lists; the districts are invented.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import pytest

from gongwen.record import Document, Duty, FractionRule, Frequency, Meeting, Section, Source, SpecialQuorum


@dataclass
class Spec:
    """What a sample document holds: text, headings (number, title), duties (organ, text), meetings."""

    path: str
    text: str
    title: str
    region: str
    organization: str
    doc_type: str = "work_rules"
    headings: list[tuple[str, str, int]] = field(default_factory=list)
    duties: list[tuple[str, str]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)


def build(spec: Spec, text: str | None = None) -> Document:
    """A :class:`Document` with offsets found in ``spec.text`` (or ``text`` for a changed file)."""
    text = spec.text if text is None else text
    data = text.encode("utf-8")
    doc = Document(
        source=Source(path=spec.path, format="txt", encoding="utf-8", bytes=len(data),
                      sha256=hashlib.sha256(data).hexdigest()),
        text=text, title=spec.title, doc_type=spec.doc_type,  # type: ignore[arg-type]
        region=spec.region, organization=spec.organization, year=2019)
    stack: list[Section] = []
    for i, (number, title, level) in enumerate(spec.headings, 1):
        start = text.index(number + title)
        while stack and stack[-1].level >= level:
            stack.pop()
        sec = Section(id=f"s{i}", parent=stack[-1].id if stack else None, level=level, number=number,
                      title=title, start=start, end=len(text))
        doc.sections.append(sec)
        stack.append(sec)
    for sec in doc.sections:
        later = [s.start for s in doc.sections if s.start > sec.start and s.level <= sec.level]
        sec.end = min(later, default=len(text))
    for i, (organ, duty) in enumerate(spec.duties, 1):
        start = text.index(duty)
        sec = doc.section_at(start)
        doc.duties.append(Duty(id=f"d{i}", organ=organ, text=duty, start=start, end=start + len(duty),
                               section=sec.id if sec else None))
    for i, m in enumerate(spec.meetings, 1):
        m = dict(m)
        anchor = m.pop("anchor")
        start = text.index(anchor)
        sec = doc.section_at(start)
        doc.meeting_rules.append(Meeting(id=f"m{i}", section=sec.id if sec else None, start=start,
                                         end=sec.end if sec else len(text), **m))
    return doc


DONGSHAN = Spec(
    path="samples/dongshan_rules.txt",
    title="东山区委工作规则", region="东山区", organization="东山区委",
    text=(
        "东山区委工作规则\n"
        "为坚持民主集中制原则，规范区委工作，结合区委工作实际，制定本规则。\n"
        "一、职责\n"
        "（一）区委职责\n"
        "区委是全区的领导核心。区委的主要职责是：\n"
        "1、对全区经济社会发展的重大问题作出决策。\n"
        "2、向区国家机关推荐重要干部。\n"
        "3、管好用好党建专项经费；加强党费收缴、使用和管理。\n"
        "4、做好干部人事档案管理工作。\n"
        "（二）常委会职责\n"
        "1、主持区委经常工作。\n"
        "2、讨论决定干部任免事项。\n"
        "二、会议制度\n"
        "（一）全委会\n"
        "全委会每年至少召开两次，由常委会召集。全委会必须有三分之二以上委员到会方能进行。"
        "表决以赞成票超过应到会委员人数的半数为通过。\n"
        "（二）常委会会议\n"
        "常委会会议一般每月召开两次，遇有重要情况可随时召开，由书记召集并主持。"
        "常委会会议必须有半数以上常委到会方能进行；讨论干部任免事项时，应有三分之二以上常委到会。"
        "区人大常委会主任、区政协主席列席会议，区委办公室一名副主任负责记录。\n"
    ),
    headings=[("一、", "职责", 1), ("（一）", "区委职责", 2), ("（二）", "常委会职责", 2),
              ("二、", "会议制度", 1), ("（一）", "全委会", 2), ("（二）", "常委会会议", 2)],
    duties=[("区委", "对全区经济社会发展的重大问题作出决策"), ("区委", "向区国家机关推荐重要干部"),
            ("区委", "管好用好党建专项经费"), ("区委", "加强党费收缴、使用和管理"),
            ("区委", "做好干部人事档案管理工作"),
            ("常委会", "主持区委经常工作"), ("常委会", "讨论决定干部任免事项")],
    meetings=[
        dict(anchor="全委会每年", body="全委会",
             frequency=Frequency(text="全委会每年至少召开两次", count=2, per="year", min=True),
             convener="常委会",
             quorum=FractionRule(text="全委会必须有三分之二以上委员到会方能进行", fraction=0.6667,
                                 inclusive=True, of="委员"),
             vote_threshold=FractionRule(text="以赞成票超过应到会委员人数的半数为通过", fraction=0.5,
                                         inclusive=False, of="应到会委员")),
        dict(anchor="常委会会议一般", body="常委会会议",
             frequency=Frequency(text="一般每月召开两次", count=2, per="month", min=False), ad_hoc=True,
             convener="书记", chair="书记",
             quorum=FractionRule(text="必须有半数以上常委到会方能进行", fraction=0.5, inclusive=True, of="常委"),
             special_quorum=[SpecialQuorum(matter="讨论干部任免事项", fraction=0.6667, inclusive=True,
                                           text="讨论干部任免事项时，应有三分之二以上常委到会")],
             attendees=["区人大常委会主任", "区政协主席"], recorder="区委办公室一名副主任"),
    ],
)

XILING = Spec(
    path="samples/xiling_rules.txt",
    title="西岭区委工作规则", region="西岭区", organization="西岭区委",
    text=(
        "西岭区委工作规则\n"
        "一、区委的职责\n"
        "区委对全区工作实行全面领导，主要职责是：\n"
        "（1）对全区政治、经济和社会发展的重大问题进行决策。\n"
        "（2）向区人大、区政府推荐重要干部。\n"
        "（3）负责党员教育管理和党费收缴工作。\n"
        "（4）领导全区精神文明建设。\n"
        "二、常委会议事规则\n"
        "常委会会议原则上每月召开一次，由书记召集和主持。常委会会议须有三分之二以上常委到会方可召开。"
        "表决时以赞成票超过应到会常委半数为通过。区长、区政协主席列席会议。\n"
    ),
    headings=[("一、", "区委的职责", 1), ("二、", "常委会议事规则", 1)],
    duties=[("区委", "对全区政治、经济和社会发展的重大问题进行决策"), ("区委", "向区人大、区政府推荐重要干部"),
            ("区委", "负责党员教育管理和党费收缴工作"), ("区委", "领导全区精神文明建设")],
    meetings=[
        dict(anchor="常委会会议原则上", body="常委会会议",
             frequency=Frequency(text="原则上每月召开一次", count=1, per="month", min=False),
             convener="书记", chair="书记",
             quorum=FractionRule(text="须有三分之二以上常委到会方可召开", fraction=0.6667, inclusive=True, of="常委"),
             vote_threshold=FractionRule(text="以赞成票超过应到会常委半数为通过", fraction=0.5, inclusive=False,
                                         of="应到会常委"),
             attendees=["区长", "区政协主席"]),
    ],
)

BEIHU = Spec(
    path="samples/beihu_zuzhibu.txt", doc_type="duty_list",
    title="北湖区委组织部主要职责", region="北湖区", organization="北湖区委组织部",
    text=(
        "北湖区委组织部主要职责\n"
        "一、主要职责\n"
        "（一）研究拟订全区组织工作的政策措施。\n"
        "（二）负责全区干部人事档案的管理工作。\n"
        "（三）负责党费的收缴、管理和使用。\n"
        "（四）指导全区基层党组织建设。\n"
        "二、内设机构\n"
        "人秘股负责本部机要、秘书、文书档案工作。\n"
        "干部股负责全区科级干部的考察任免工作。\n"
    ),
    headings=[("一、", "主要职责", 1), ("二、", "内设机构", 1)],
    duties=[("北湖区委组织部", "研究拟订全区组织工作的政策措施"), ("北湖区委组织部", "负责全区干部人事档案的管理工作"),
            ("北湖区委组织部", "负责党费的收缴、管理和使用"), ("北湖区委组织部", "指导全区基层党组织建设"),
            ("人秘股", "负责本部机要、秘书、文书档案工作"), ("干部股", "负责全区科级干部的考察任免工作")],
)

NANLING = Spec(
    path="samples/nanling_zuzhibu.txt", doc_type="duty_list",
    title="南岭区委组织部职能配置", region="南岭区", organization="南岭区委组织部",
    text=(
        "南岭区委组织部职能配置\n"
        "一、职能\n"
        "1.研究拟订全区组织工作政策措施并组织实施。\n"
        "2.负责党费收缴、管理和使用工作。\n"
        "3.负责全区人才工作的统筹协调。\n"
        "4.管理全区干部人事档案。\n"
    ),
    headings=[("一、", "职能", 1)],
    duties=[("南岭区委组织部", "研究拟订全区组织工作政策措施并组织实施"), ("南岭区委组织部", "负责党费收缴、管理和使用工作"),
            ("南岭区委组织部", "负责全区人才工作的统筹协调"), ("南岭区委组织部", "管理全区干部人事档案")],
)

ALL = [DONGSHAN, XILING, BEIHU, NANLING]


def docs() -> list[Document]:
    return [build(s) for s in ALL]


@pytest.mark.parametrize("spec", ALL, ids=lambda s: s.region)
def test_sample_spans_point_at_their_text(spec: Spec) -> None:
    doc = build(spec)
    assert all(doc.text[d.start:d.end] == d.text for d in doc.duties)
    assert all(doc.text[s.start:].startswith(s.number + s.title) for s in doc.sections)
    assert len(doc.duties) == len(spec.duties)


def test_sample_sections_nest() -> None:
    doc = build(DONGSHAN)
    duty = next(d for d in doc.duties if d.text == "主持区委经常工作")
    assert [s.title for s in doc.section_path(duty.section)] == ["职责", "常委会职责"]
