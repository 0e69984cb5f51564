"""Meeting rules, second pass: the general phrasings of 人大 rules, committee set-up texts and
rules that refer to other meetings. Every sentence here is written for the test; the
document cases run the real stages, so the traditional ones go through the normalizer.
"""

from __future__ import annotations

import pytest

from gongwen import stages
from gongwen.extractors.meetings import aliases, extract_meetings, fill_slots, sentence_subject
from gongwen.normalize import normalize
from gongwen.process import process_text
from gongwen.record import Document, Meeting


def doc_of(text: str) -> Document:
    return process_text(text, stages.before("extract"), path="test.txt")


SCRIPTS = pytest.mark.parametrize("script", ["simplified", "traditional"])


def in_script(sentence: str, script: str) -> str:
    """The sentence as written, or turned traditional (OpenCC) and normalized back: the
    phrasing must survive the way traditional documents reach the extractor."""
    if script == "simplified":
        return sentence
    import opencc

    # a document heading in front: a lone short sentence is too little evidence of its script
    heading = "機關會議規則條文"
    text = normalize(opencc.OpenCC("s2t").convert(heading + "\n" + sentence)).text
    assert text.startswith("机关会议规则条文")
    return text.split("\n", 1)[1].strip()


def filled(sentence: str, body: str = "会议", script: str = "simplified") -> Meeting:
    m = Meeting(id="m1", body=body, section=None, start=0, end=0)
    fill_slots(m, in_script(sentence, script))
    return m


def by_body(text: str) -> dict[str, Meeting]:
    return {m.body: m for m in extract_meetings(doc_of(text))}


@pytest.mark.parametrize("sentence,fraction,inclusive,of", [
    ("常务委员会会议须有常务委员会全体组成人员过半数出席，始得举行", 0.5, False, "常务委员会全体组成人员"),
    ("区人大常委会会议有常委会全体组成人员的过半数出席，始得举行", 0.5, False, "常委会全体组成人员"),
    ("本委员会会议之决议，应有全体委员过三分之二出席", 0.6667, False, "全体委员"),
])
@SCRIPTS
def test_renda_quorum(sentence: str, fraction: float, inclusive: bool, of: str, script: str) -> None:
    q = filled(sentence, script=script).quorum
    assert q is not None and (q.fraction, q.inclusive, q.of) == (fraction, inclusive, of)


@pytest.mark.parametrize("sentence,fraction,of", [
    ("决议草案以常务委员会全体组成人员的过半数通过", 0.5, "常务委员会全体组成人员"),
    ("主席团的决定，以主席团成员的过半数通过", 0.5, "主席团成员"),
])
@SCRIPTS
def test_renda_vote(sentence: str, fraction: float, of: str, script: str) -> None:
    v = filled(sentence, script=script).vote_threshold
    assert v is not None and (v.fraction, v.inclusive, v.of) == (fraction, False, of)


@pytest.mark.parametrize("sentence,count,per,minimum", [
    ("常务委员会会议每两个月至少举行一次", 6, "year", True),
    ("本会每年至少召开委员会议一次", 1, "year", True),
    ("本小组会议每六个月举行一次", 1, "half_year", False),
])
@SCRIPTS
def test_frequency_phrasings(sentence: str, count: int, per: str, minimum: bool, script: str) -> None:
    f = filled(sentence, script=script).frequency
    assert f is not None and (f.count, f.per, f.min) == (count, per, minimum)


@pytest.mark.parametrize("sentence,slot,value", [
    ("本会会议每月举行，主任委员或全体委员三分之一以上认为必要时，得召集临时会议", "convener", "主任委员或全体委员三分之一以上"),
    ("区人民代表大会举行会议的时候，由主席团主持会议并负责召集下一次会议", "convener", "主席团"),
    ("区人民代表大会举行会议的时候，由主席团主持会议并负责召集下一次会议", "chair", "主席团"),
    ("前项会议，由主任委员担任主席，主任委员不能出席时由副主任委员代理", "chair", "主任委员"),
    ("会议主席由召集人担任", "chair", "召集人"),
    ("会议由召集人召集，并为主席；召集人不能出席时由副召集人为主席", "chair", "召集人"),
    ("本小组开会时，以召集人为主持人", "chair", "召集人"),
    ("各工作小组置召集委员一人", "convener", None),
    ("审查人由主席指定，并以其中一人负责召集", "convener", None),
    ("会议由出席委员公推一人担任主席", "chair", None),
])
@SCRIPTS
def test_convener_and_chair(sentence: str, slot: str, value: str | None, script: str) -> None:
    assert getattr(filled(sentence, script=script), slot) == value


@pytest.mark.parametrize("sentence,body,value", [
    ("区长、副区长，街道主任、副主任列席区人民代表大会会议", "区人民代表大会会议", ["区长", "副区长", "街道主任", "副主任"]),
    ("代表团会议审议议案的时候，区人民政府应当派人到会，听取意见", "代表团会议", ["区人民政府"]),
    ("根据会议议程的需要，可以邀请市人民政府有关部门的负责人以及其他有关人员列席会议", "常务委员会会议",
     ["市人民政府有关部门的负责人", "其他有关人员"]),
    ("不是常委会组成人员的各专门委员会（以下简称专委）的负责人，常委会副秘书长，列席会议", "常委会会议",
     ["不是常委会组成人员的各专门委员会的负责人", "常委会副秘书长"]),
    ("质询案在专门委员会会议上答复的，提质询案的委员有权列席会议", "常务委员会会议", []),
    ("本会议出席、列席人员均应于签到簿签名", "委员会议", []),
    ("除前条所定得列席本会议人员外，经主任委员邀请之有关人员亦得列席本会议", "委员会议", ["经主任委员邀请之有关人员"]),
    ("审查会开会，主席认为必要时，得指定有关人员列席", "审查会", ["有关人员"]),
])
@SCRIPTS
def test_attendees(sentence: str, body: str, value: list[str], script: str) -> None:
    assert filled(sentence, body, script).attendees == value


@pytest.mark.parametrize("sentence,body,value", [
    ("书记办公会由书记、副书记组成", "书记办公会议", ["书记", "副书记"]),
    ("调查委员会由主任委员、副主任委员和委员组成", "常务委员会会议", []),
    ("主席团一般由七人至九人组成", "主席团会议", []),
    ("常委会主任、副主任和委员为常委会组成人员", "常务委员会会议", ["常委会主任", "副主任", "委员"]),
    ("院长、副院长为院务会议的成员", "主席团会议", []),
    ("老党员去世时召开追悼会，所在党支部全体党员参加", "追悼会", ["所在党支部全体党员"]),
])
@SCRIPTS
def test_members(sentence: str, body: str, value: list[str], script: str) -> None:
    assert filled(sentence, body, script).members == value


NAMES = {"乡镇人民代表大会": "乡镇人民代表大会会议", "主席团": "主席团会议", "常务委员": "常务委员会会议"}


@pytest.mark.parametrize("sentence,subject", [
    ("乡镇人民代表大会举行会议的时候，由主席团主持会议", "乡镇人民代表大会"),
    ("主席团的决定，以主席团成员的过半数通过", "主席团"),
    ("第五条 本级人民代表大会会议每年举行一次", "乡镇人民代表大会"),
    ("乡镇人民代表大会主席团在闭会期间开展工作", None),
    ("常委会会议由主任召集并主持", "常务委员"),
    ("调查委员会由主任委员组成", None),
])
@SCRIPTS
def test_sentence_subject(sentence: str, subject: str | None, script: str) -> None:
    assert sentence_subject(in_script(sentence, script), NAMES) == subject


def test_aliases() -> None:
    assert {"乡镇人民代表大会会议", "乡镇人民代表大会", "人民代表大会"} <= set(aliases("乡镇人民代表大会会议"))
    assert "常委会" in aliases("常务委员会会议") and "书记办公会" in aliases("书记办公会议")


TOWNSHIP = (
    "某县乡镇人民代表大会工作规定\n"
    "第一条 乡、镇（以下简称乡镇）人民代表大会是基层国家权力机关，由选民直接选举的代表组成。\n"
    "第二条 乡镇人民代表大会会议每年至少举行两次。乡镇人民代表大会会议有三分之二以上的代表出席，始得举行。\n"
    "第三条 乡镇人民代表大会每次会议举行预备会议，选举主席团。\n"
    "第四条 乡镇人民代表大会举行会议的时候，由主席团主持会议并负责召集下一次的本级人民代表大会会议。\n"
    "乡镇人民代表大会主席、副主席为主席团的成员。主席团的决定，以主席团成员的过半数通过。\n"
    "主席团会议由乡镇人民代表大会主席召集。\n"
    "第五条 乡镇人民代表大会主席、副主席可以召开代表团召集人会议，听取各代表团的审议意见。\n"
    "第六条 乡长、副乡长，镇长、副镇长列席乡镇人民代表大会会议。\n"
)


def test_township_congress_rules() -> None:
    found = by_body(TOWNSHIP)
    assert set(found) == {"乡镇人民代表大会会议", "预备会议", "主席团会议", "代表团召集人会议"}
    congress, presidium = found["乡镇人民代表大会会议"], found["主席团会议"]
    assert congress.frequency and (congress.frequency.count, congress.frequency.min) == (2, True)
    assert (congress.convener, congress.chair) == ("主席团", "主席团")
    assert congress.quorum and congress.quorum.fraction == 0.6667
    assert congress.members == ["选民直接选举的代表"]
    assert congress.attendees == ["乡长", "副乡长", "镇长", "副镇长"]
    assert presidium.vote_threshold and presidium.vote_threshold.of == "主席团成员"
    assert presidium.members == ["乡镇人民代表大会主席", "副主席"]
    assert found["代表团召集人会议"].convener == "乡镇人民代表大会主席、副主席"
    assert found["预备会议"].convener is None


SAME_RULES = (
    "法規名稱：海事評議委員會會議規則\n"
    "第 1 條\n本會議每月舉行一次，主任委員或全體委員四分之一以上認為有必要時，得召集臨時會議。\n"
    "第 2 條\n本會議須有應出席委員二分之一以上之出席，方得開會；以出席委員過半數之同意，方得決議。"
    "年度檢討會議出席及決議人數亦同。\n"
    "第 3 條\n本會開會得商同監察人會舉行理、監事聯席會議。\n"
)


def test_same_rules_and_joint_meetings_traditional() -> None:
    found = by_body(SAME_RULES)
    assert set(found) == {"海事评议委员会会议", "年度检讨会议", "理、监事联席会议"}
    main, review = found["海事评议委员会会议"], found["年度检讨会议"]
    assert main.convener == "主任委员或全体委员四分之一以上"
    assert review.quorum == main.quorum and review.vote_threshold == main.vote_threshold
    assert review.quorum and review.quorum.fraction == 0.5


COMMITTEE = (
    "港務局航道審議小組設置要點\n"
    "一、為審議航道劃定事項，特設航道審議小組（以下簡稱本小組）。\n"
    "二、本小組置委員九人至十三人，其中一人為召集人。\n"
    "三、本小組每三個月開會一次，必要時得召開臨時會議，由召集人召集，並為主席。\n"
    "四、本小組會議應有全體委員過半數之出席，始得開會；出席委員過半數之同意始得決議。\n"
    "五、本小組開會時，得邀請有關機關、團體派員列席。\n"
)


def test_committee_setup_text_traditional() -> None:
    meetings = extract_meetings(doc_of(COMMITTEE))
    assert [m.body for m in meetings] == ["港务局航道审议小组会议"]
    m = meetings[0]
    assert m.frequency and (m.frequency.count, m.frequency.per) == (1, "quarter")
    assert (m.ad_hoc, m.convener, m.chair) == (True, "召集人", "召集人")
    assert m.quorum and (m.quorum.fraction, m.quorum.inclusive) == (0.5, False)
    assert m.attendees == ["有关机关", "团体"]


def test_committee_named_in_a_gazette_order_traditional() -> None:
    text = ("交通部令\t中華民國百年5月1日\n交航字第1000000001號\n訂定「港務局航道審議小組設置要點」，並自即日生效。\n"
            + COMMITTEE.split("\n", 1)[1])
    assert [m.body for m in extract_meetings(doc_of(text))] == ["港务局航道审议小组会议"]


def test_committee_without_meeting_rules_is_no_meeting() -> None:
    text = "港务局航道审议小组设置要点\n一、本小组置委员九人，其中一人为召集人。\n二、本小组所需经费由本局预算支应。\n"
    assert extract_meetings(doc_of(text)) == []


def test_report_holder_convenes() -> None:
    text = ("老党员去世时所在村党支部会举行追悼会，普通党员去世，由村党支部书记主持召开追悼会。\n"
            "今年全县召开了经济工作会议，部署全年任务。\n")
    found = by_body(text)
    assert set(found) == {"追悼会"}
    assert (found["追悼会"].convener, found["追悼会"].chair) == ("所在村党支部", "村党支部书记")


def test_rules_text_sittings_are_no_bodies() -> None:
    text = ("某市人民代表大会常务委员会议事规则\n"
            "第一条 常务委员会会议每两个月至少举行一次，遇有特殊需要的时候，可以召开临时会议。\n"
            "第二条 常务委员会举行会议期间，可以召开全体会议和分组会议。\n")
    assert [m.body for m in extract_meetings(doc_of(text))] == ["某市人民代表大会常务委员会会议"]


def test_report_recurring_meeting() -> None:
    text = ("（二）节日有人慰问。在每年国庆和元旦期间，各村党支部会上门慰问老党员，并召开党员议事会议，"
            "听取老党员意见。\n"
            "（三）每月上旬，各村可以召开临时会议处理急事。\n")
    found = by_body(text)
    assert set(found) == {"党员议事会议"}  # a 临时会议 is a sitting, not a body
    assert found["党员议事会议"].convener == "各村党支部"


def test_duty_list_convener_and_named_chair() -> None:
    text = ("城东区委工作规则\n"
            "(一)常委会职责 常委会在全委会闭会期间行使职权。其职责是:\n"
            "1、召集全委会,向全委会报告工作。\n"
            "2、组织实施全委会的决议。\n"
            "二、会议制度\n"
            "(一)全委会会议制度 1、全委会每年至少召开两次。\n"
            "(二)大会全体会议制度 1、主席团推选大会全体会议的执行主席。\n")
    found = by_body(text)
    assert found["全委会会议"].convener == "常委会"
    assert found["大会全体会议"].chair == "执行主席"
