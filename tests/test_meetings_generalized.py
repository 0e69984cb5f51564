"""Meeting rules, third pass: phrasings read since the first corpus check (recurring
practices of reports, occasions as a frequency, sittings a rules text provides for, rules
of one meeting inside another's text, `本X`/`会报` names). Every sentence is written for
the test in the style of the real documents.
"""

from __future__ import annotations

import pytest

from gongwen import stages
from gongwen.extractors.meetings import extract_meetings, fill_slots
from gongwen.normalize import normalize
from gongwen.process import process_text
from gongwen.record import Document, Meeting


def doc_of(text: str) -> Document:
    return process_text(text, stages.before("extract"), path="test.txt")


def traditional(text: str) -> str:
    """The text as a Taiwanese source would write it (OpenCC s2t); the pipeline normalizes it back."""
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def by_body(text: str) -> dict[str, Meeting]:
    return {m.body: m for m in extract_meetings(doc_of(text))}


def filled(sentence: str, script: str = "simplified") -> Meeting:
    if script == "traditional":
        sentence = normalize("機關會議規則條文\n" + traditional(sentence)).text.split("\n", 1)[1].strip()
    m = Meeting(id="m1", body="会议", section=None, start=0, end=0)
    fill_slots(m, sentence)
    return m


SCRIPTS = pytest.mark.parametrize("script", ["simplified", "traditional"])


@pytest.mark.parametrize("sentence,count,per,minimum", [
    ("在每年国庆和元旦期间，各村党支部召开党员议事会议", 2, "year", False),
    ("每年春节前后，各社区召开居民代表会议", 1, "year", False),
    ("每年“五四”、“七一”和国庆之际，团委召开青年座谈会", 3, "year", False),
    ("会议由召集人召集之，每学期至少召开一次", 1, "half_year", True),
    ("本局每年举行业务检讨会一次", 1, "year", False),
    ("镇长办公会议原则上每两周召开一次", 2, "month", False),
])
def test_frequency_phrasings(sentence: str, count: int, per: str, minimum: bool) -> None:
    f = filled(sentence).frequency
    assert f is not None and (f.count, f.per, f.min) == (count, per, minimum)


@pytest.mark.parametrize("sentence,slot,value", [
    ("分组会议由全体会议主持人确定若干名召集人，轮流主持会议", "chair", "召集人"),
    ("分组会议由常委会组成人员轮流担任召集人并主持会议", "chair", "召集人"),
    ("本小组会议每三个月举行一次，均由召集人召集且为主席", "chair", "召集人"),
    ("分组会议由小组召集人主持，召集人应当按照会议日程组织审议", "convener", None),
    ("分组会议由小组召集人主持，召集人应当按照会议日程组织审议", "chair", "小组召集人"),
    ("理事长或理事三分之一以上认为必要时，得改开秘密会议或召集临时会议", "convener", "理事长或理事三分之一以上"),
    ("县防汛联席会议由副县长担任召集人", "convener", "副县长"),
    ("分组会议由委员轮流担任召集人", "convener", None),
    ("本小组会议每四个月举行一次，由召集人召集并担任主席", "chair", "召集人"),
    ("本小组幕僚作业由本部人事处办理，并负责会议纪录", "recorder", "本部人事处"),
    ("局长办公会议由局长召集，党办主任列席并负责记录", "recorder", "党办主任"),
])
@SCRIPTS
def test_people_phrasings(sentence: str, slot: str, value: str | None, script: str) -> None:
    assert getattr(filled(sentence, script), slot) == value


@pytest.mark.parametrize("sentence,slot,value", [
    ("本处处务会议，由处长主持，各科科长及指定人员出席", "members", ["各科科长", "指定人员"]),
    ("局务会议由局长主持，局长不能出席时，由副局长代理", "members", []),
    ("委员会开会时，得允许与案件有关之民众列席说明", "attendees", ["与案件有关之民众"]),
    ("主管会报由副局长或主任秘书主持，一级单位主管出席，并得指定业务相关人员列席", "attendees", ["业务相关人员"]),
    ("本会开会时，理事因故不能出席时，得委托其他理事代理出席", "members", []),
    ("党组会议由党组书记召集和主持，党组成员参加，根据需要可安排有关人员列席", "members", ["党组成员"]),
    ("联席会议成员单位包括县发改局、县财政局、县应急局", "members", ["县发改局", "县财政局", "县应急局"]),
    ("党委会议由党委书记召集并主持，党委委员参加", "members", ["党委委员"]),
    ("党委会议由党委书记召集并主持，党委委员参加", "attendees", []),
    ("院长办公会议由院长召集并主持，副院长参加，院长助理、院办主任列席", "attendees", ["院长助理", "院办主任"]),
])
@SCRIPTS
def test_list_phrasings(sentence: str, slot: str, value: list[str], script: str) -> None:
    assert getattr(filled(sentence, script), slot) == value


@pytest.mark.parametrize("sentence,quorum_of,special", [
    ("本小组应有全体委员过半数及外聘委员二人以上之出席，始得开会", "全体委员", []),
    ("审查费率之初审决议，应有该小组三分之二以上之委员出席", None, ["审查费率之初审决议"]),
    ("讨论决定干部任免事项须有三分之二以上党组成员到会", None, ["讨论决定干部任免事项"]),
    ("村民代表会议有三分之二以上的组成人员参加方可召开", "组成人员", []),
])
def test_fraction_phrasings(sentence: str, quorum_of: str | None, special: list[str]) -> None:
    m = filled(sentence)
    assert (m.quorum.of if m.quorum else None) == quorum_of
    assert [s.matter for s in m.special_quorum] == special


@pytest.mark.parametrize("sentence,of", [
    ("会议以应到会成员超过半数同意形成决定", "应到会成员"),
    ("所作决定应当经到会人员的过半数同意", "到会人员"),
    ("赞成票超过应到会委员人员的半数为通过", "应到会委员"),
])
def test_vote_of(sentence: str, of: str) -> None:
    vote = filled(sentence).vote_threshold
    assert vote is not None and (vote.fraction, vote.inclusive, vote.of) == (0.5, False, of)


RULES_SITTINGS = ("某省人民代表大会常务委员会议事规则\n"
                  "第一条 常务委员会会议每两个月至少举行一次，由主任召集并主持。\n"
                  "第二条 常务委员会举行会议时，应当召开全体会议、分组会议，也可以根据需要召开联组会议。\n"
                  "全体会议和联组会议由常务委员会主任主持。分组会议由小组召集人主持，召集人应当组织审议。\n"
                  "第三条 常委会会议须有常委会全体组成人员的过半数出席，始得举行。\n")


@pytest.mark.parametrize("body,slot,value", [
    ("联组会议", "ad_hoc", True),
    ("联组会议", "chair", "常务委员会主任"),
    ("联组会议", "convener", None),
    ("分组会议", "ad_hoc", None),
    ("分组会议", "chair", "小组召集人"),
    ("分组会议", "convener", None),
    ("某省人民代表大会常务委员会会议", "convener", "主任"),
])
def test_sittings_of_a_rules_text(body: str, slot: str, value: object) -> None:
    found = by_body(RULES_SITTINGS)
    assert set(found) == {"某省人民代表大会常务委员会会议", "分组会议", "联组会议"}  # `常委会会议` is the same body
    assert getattr(found[body], slot) == value
    assert found["某省人民代表大会常务委员会会议"].quorum is not None


SETUP_TEXT = ("某部费率审议委员会设置办法\n"
              "一、本会每年至少召开委员会议一次，以召集人为主席，必要时得召开临时会议。\n"
              "二、工作小组会议不定期召开，以召集委员为主席。\n"
              "三、工作小组会议，应有该小组三分之二以上之委员出席，始得开会。\n"
              "四、本会会议之决议应有全体委员二分之一以上出席，出席委员过半数同意行之。\n")


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_setup_text_with_a_working_group(script: str) -> None:
    found = by_body(SETUP_TEXT if script == "simplified" else traditional(SETUP_TEXT))
    assert set(found) == {"某部费率审议委员会会议", "工作小组会议"}
    group, main = found["工作小组会议"], found["某部费率审议委员会会议"]
    assert (group.ad_hoc, group.chair, group.quorum and group.quorum.fraction) == (True, "召集委员", 0.6667)
    assert main.quorum is not None and main.quorum.fraction == 0.5  # not the group's two thirds
    assert main.chair == "召集人"


OFFICE_RULES = ("某局处务规程\n"
                "第一章 总则\n"
                "第一条 本规程依组织法订定之。\n"
                "第四章 会议\n"
                "第二十条\n"
                "本局局务会议，由局长主持，局长因事不能主持时，由副局长代理，各科科长及指定人员出席。\n"
                "前项局务会议以每月召开一次为原则。必要时得召开临时会议。\n"
                "第二十一条\n"
                "主管会报（以下简称本会报）由副局长主持，一级单位主管出席，并得指定业务相关人员列席。\n"
                "第二十二条\n"
                "本局每年举行业务检讨会一次。\n")


@pytest.mark.parametrize("body,slot,value", [
    ("局务会议", "chair", "局长"),
    ("局务会议", "ad_hoc", True),
    ("局务会议", "members", ["各科科长", "指定人员"]),
    ("主管会报", "chair", "副局长"),
    ("主管会报", "members", ["一级单位主管"]),
    ("主管会报", "attendees", ["业务相关人员"]),
    ("业务检讨会", "chair", None),
])
@SCRIPTS
def test_office_rules_meetings(body: str, slot: str, value: object, script: str) -> None:
    found = by_body(OFFICE_RULES if script == "simplified" else traditional(OFFICE_RULES))
    assert set(found) == {"局务会议", "主管会报", "业务检讨会"}
    assert getattr(found[body], slot) == value
    freq = found["局务会议"].frequency
    assert freq is not None and (freq.count, freq.per) == (1, "month")


EXAM_RULES = ("某院会议规则\n"
              "第一条 本院会议每月举行一次，以院长为主席。\n"
              "第二条 讨论之议案得经主席征求出席人员二分之一以上之同意，交付审查会审查。\n"
              "第三条 审查会以副院长、各处处长组成之，由副院长召集。\n"
              "审查会开会时以召集人为主席。\n")


def test_review_sitting_of_a_rules_text() -> None:
    found = by_body(EXAM_RULES)
    assert set(found) == {"某院会议", "审查会"}
    review = found["审查会"]
    assert (review.convener, review.chair, review.vote_threshold) == ("副院长", "召集人", None)
    assert found["某院会议"].convener is None


CONGRESS_RULES = ("某县乡镇人民代表大会工作规定\n"
                  "第一条 乡镇人民代表大会会议每年至少举行一次。\n"
                  "第二条 乡镇人民代表大会主席可以召开小组召集人会议，听取各小组的审议意见。\n"
                  "第三条 大会全体会议表决议案，由全体代表的过半数通过。\n")


def test_plenary_vote_and_role_members() -> None:
    found = by_body(CONGRESS_RULES)
    main = found["乡镇人民代表大会会议"]
    assert main.vote_threshold is not None and main.vote_threshold.fraction == 0.5
    assert found["小组召集人会议"].members == ["小组召集人"]


ORGAN_RULES = ("中共某镇委员会议事规则\n\n"
               "第一章 总则\n第一条 为规范议事决策程序，制定本规则。\n\n"
               "第二章 党委会议\n"
               "第二条 党委会议一般每月召开一次，由书记召集并主持；书记不在时，可委托副书记召集并主持。\n"
               "第三条 党委会议可邀请镇人大主席列席。\n\n"
               "第三章 镇长办公会议\n"
               "第四条 镇长办公会议原则上每两周召开一次，由镇长召集并主持，副镇长参加，党政办主任列席并负责记录。\n")


@pytest.mark.parametrize("body,slot,value", [
    ("党委会议", "convener", "书记"),
    ("党委会议", "attendees", ["镇人大主席"]),
    ("镇长办公会议", "chair", "镇长"),
    ("镇长办公会议", "members", ["副镇长"]),
    ("镇长办公会议", "attendees", ["党政办主任"]),
    ("镇长办公会议", "recorder", "党政办主任"),
])
def test_chapters_named_for_meetings(body: str, slot: str, value: object) -> None:
    found = by_body(ORGAN_RULES)
    assert set(found) == {"党委会议", "镇长办公会议"}  # the organ of the title is no meeting of its own
    assert getattr(found[body], slot) == value


REPORT = ("三、建立基层会议机制\n"
          "今年总结推广东湖镇“村务工作交流会”做法，要求各镇每月以片区为单位，组织各村主要负责人通报情况、交流经验。"
          "全年召开全区现场推进会2次。\n"
          "四、开展群众评议。每季度，组织群众代表和有关部门人士，对窗口服务进行评议，听取意见。"
          "县人社局高度重视评议结果，及时整改，并在下次的评议会上通报整改情况。\n")


@pytest.mark.parametrize("body,slot,value", [
    ("村务工作交流会", "convener", "各镇"),
    ("村务工作交流会", "members", ["各村主要负责人"]),
    ("村务工作交流会", "agenda_scope", ["通报情况", "交流经验"]),
    ("评议会", "convener", "县人社局"),
    ("评议会", "members", ["群众代表", "有关部门人士"]),
    ("评议会", "agenda_scope", ["对窗口服务进行评议"]),
])
def test_report_practices(body: str, slot: str, value: object) -> None:
    found = by_body(REPORT)
    assert set(found) == {"村务工作交流会", "评议会"}  # the one-off 推进会 is no meeting rule
    assert getattr(found[body], slot) == value
    assert (found["村务工作交流会"].frequency.per, found["评议会"].frequency.per) == ("month", "quarter")  # type: ignore[union-attr]


def test_report_practice_whose_comma_before_the_agenda_was_lost() -> None:
    # a restorer missed the comma: the participants still end before `对…进行…`, though what
    # is judged ends on a word people's names end on too (人员)
    text = REPORT.replace("有关部门人士，对窗口服务进行", "有关部门人士对窗口工作人员进行")
    found = by_body(text)
    assert found["评议会"].members == ["群众代表", "有关部门人士"]
    assert found["评议会"].agenda_scope == ["对窗口工作人员进行评议"]


def test_report_without_practices() -> None:
    text = "二、推进产业发展\n召开全区旅游发展大会，举办现场推进会、项目观摩会，每月通报项目进度。\n"
    assert by_body(text) == {}


@pytest.mark.parametrize("text,body,convener", [
    ("一、加强班子建设\n各乡镇党委每季度至少召开一次党建工作例会，研究党建工作。\n", "党建工作例会", "各乡镇党委"),
    ("一、加强班子建设\n坚持每周一召开班子例会，由县委书记主持。\n", "班子例会", None),
    ("一、加强村级管理\n各村每月召开一次党员大会，通报村务。\n", "党员大会", None),
])
def test_report_meeting_holder(text: str, body: str, convener: str | None) -> None:
    found = by_body(text)
    assert body in found and found[body].convener == convener
