"""Meeting rules as web excerpts write them: a rules text under an unnumbered heading,
blanks left inside words by a conversion, fractions after the noun or in digits,
attendees over several clauses (RECORDS.md "Meeting rules"). Every sentence is written
for the test.
"""

from __future__ import annotations

import pytest

from gongwen import stages
from gongwen.extractors.meetings import extract_meetings, fill_slots
from gongwen.process import process_text
from gongwen.record import Meeting


def meetings(text: str) -> dict[str, Meeting]:
    doc = process_text(text, stages.before("extract"), path="test.txt")
    return {m.body: m for m in extract_meetings(doc)}


def filled(sentence: str) -> Meeting:
    m = Meeting(id="m1", body="会议", section=None, start=0, end=0)
    fill_slots(m, sentence)
    return m


def test_unnumbered_heading_holds_the_parts_numbered_under_it() -> None:
    text = ("园区管委会会议制度\n"
            "一、召开时间\n"
            "原则上每两周召开一次，由管委会主任召集并主持。\n"
            "二、参加人员\n"
            "会议必须有半数以上委员到会方能召开。\n")
    (m,) = meetings(text).values()
    assert m.body.endswith("管委会会议")
    assert (m.frequency.count, m.frequency.per) == (2, "month")
    assert m.convener == "管委会主任" and m.chair == "管委会主任"
    assert m.quorum is not None and m.quorum.fraction == 0.5


def test_blanks_inside_words_do_not_hide_a_rule() -> None:
    m = filled("局务会议原则上一月 举行一次（每月 第一周周一召 开）")
    assert m.frequency is not None
    assert (m.frequency.count, m.frequency.per, m.frequency.min) == (1, "month", False)


@pytest.mark.parametrize(("sentence", "count", "per", "least"), [
    ("会议至少每月召开一次", 1, "month", True),
    ("主任会议每两月至少举行一次", 6, "year", True),
    ("联席会议一季度召开一次", 1, "quarter", False),
])
def test_frequency_wordings(sentence: str, count: int, per: str, least: bool) -> None:
    f = filled(sentence).frequency
    assert f is not None and (f.count, f.per, f.min) == (count, per, least)


def test_january_is_no_frequency() -> None:
    assert filled("第一月召开动员大会").frequency is None


@pytest.mark.parametrize(("sentence", "fraction", "inclusive", "of"), [
    ("出席人员须超过组成人员半数时方可举行", 0.5, False, "组成人员"),
    ("参加会议的人数须超过应到会人数的半数", 0.5, False, "应到会人数"),
    ("到会人数不少于应到人数的2/3", 0.6667, True, "应到人数"),
])
def test_quorum_with_the_fraction_after_the_noun(sentence: str, fraction: float, inclusive: bool, of: str) -> None:
    q = filled(sentence).quorum
    assert q is not None and (q.fraction, q.inclusive, q.of) == (fraction, inclusive, of)


@pytest.mark.parametrize(("sentence", "fraction"), [
    ("表决赞成票必须超过与会人数的半数，决议方能生效", 0.5),
    ("会议决议必须获得到会委员的2,3以上通过", 0.6667),
    ("会议决议必须获得出席人数的2/3以上且不少于委员总数的半数通过", 0.6667),
])
def test_vote_thresholds(sentence: str, fraction: float) -> None:
    v = filled(sentence).vote_threshold
    assert v is not None and v.fraction == fraction


def test_fraction_with_its_slash_garbled_into_a_full_stop_stays_one_sentence() -> None:
    text = "规划委员会会议规则\n会议作出的决议必须获得出席委员的2。3以上通过。\n"
    (m,) = meetings(text).values()
    assert m.vote_threshold is not None and m.vote_threshold.fraction == 0.6667


def test_attendees_over_several_clauses() -> None:
    m = filled("局务会议由局长、副局长组成，办公室主任列席，必要时各有关股、站负责人可列席会议")
    assert m.members == ["局长", "副局长"]
    assert "办公室主任" in m.attendees
    assert any(a.endswith("站负责人") for a in m.attendees)
    assert not any("必要" in a or "组成" in a for a in m.attendees)


def test_an_arranging_verb_is_no_attendee() -> None:
    m = filled("根据需要，可安排有关部门、单位主要负责同志列席")
    assert m.attendees and not any(a.startswith(("可安排", "安排")) for a in m.attendees)


def test_title_run_into_its_preamble_names_the_meeting() -> None:
    text = ("1、站长办公会议事规则为进一步提高议事效率，特制定本规则。一、会议组织 1、会议必须有半数以上成员出席方可召开，"
            "由站长主持。2、站长办公会一般每周召开一次。\n")
    (m,) = meetings(text).values()
    assert m.body.startswith("站长办公会")
    assert m.chair == "站长" and m.frequency is not None and m.frequency.per == "week"


def test_title_repeated_with_and_without_its_place_is_one_meeting() -> None:
    text = ("县政协主席会议议事规则\n发布时间：2020年1月1日\n政协主席会议议事规则\n"
            "第一条 主席会议由主席、副主席组成。\n第二条 主席会议每月举行一次。\n")
    found = meetings(text)
    assert len(found) == 1
    (m,) = found.values()
    assert m.members == ["主席", "副主席"] and m.frequency is not None


def test_meetings_introduced_in_mid_text() -> None:
    text = ("十二、县政府常务会议一般每月召开两次，由县长召集并主持。\n"
            "十三、县长办公会议根据需要不定期召开，由县长召集并主持，副县长参加会议。\n"
            "十四、各专项工作会议原则上每季度召开一次。\n"
            "十五、县长、副县长按照分工召开专题会议，研究专门问题。\n")
    found = meetings(text)
    office = found["县长办公会议"]
    assert office.ad_hoc and office.convener == "县长"
    assert "专项工作会议" in found and found["专项工作会议"].frequency.per == "quarter"
    assert found["专题会议"].convener == "县长、副县长"


def test_a_rule_for_several_meetings_at_once_belongs_to_each() -> None:
    text = ("八、区政府常务会议一般每月召开一次，由区长召集并主持。\n"
            "九、区长办公会议根据需要不定期召开，由区长召集。\n"
            "十、区政府全体会议、常务会议必须有半数以上的副区长参加。\n"
            "十一、区政府全体会议、常务会议、区长办公会议由区政府办公室派专人记录并整理纪要。\n")
    found = meetings(text)
    assert set(found) == {"区政府常务会议", "区长办公会议", "区政府全体会议"}
    for body in ("区政府常务会议", "区政府全体会议"):
        assert found[body].quorum is not None and found[body].quorum.of == "副区长"
    assert all(m.recorder == "区政府办公室派专人" for m in found.values())
    assert found["区长办公会议"].quorum is None


def test_sentences_without_subject_in_a_text_on_one_meeting_are_its_rules() -> None:
    text = ("为规范决策程序，制定本规则。\n"
            "一、支委会议的参加人员为支部委员、村委会主任。\n"
            "二、委会议由书记召集并主持。书记不在时，可指定副书记主持。\n"
            "三、支委会议每月举行一次。\n"
            "四、支委会议必须有半数以上委员到会方能举行。\n"
            "五、遇有紧急情况，经书记同意可临时召开。\n")
    (m,) = meetings(text).values()
    assert m.members == ["支部委员", "村委会主任"]
    assert m.convener == "书记" and m.chair == "书记"
    assert m.ad_hoc is True


def test_members_stop_where_those_who_sit_in_begin() -> None:
    m = filled("出席会议成员为站长、副站长、党支部书记，办公室主任、财务股长列席会议")
    assert m.members == ["站长", "副站长", "党支部书记"]
    assert m.attendees == ["办公室主任", "财务股长"]


def test_a_modal_is_no_attendee() -> None:
    m = filled("委员因故不能亲自出席时，得指派代表出席")
    assert m.attendees == []


def test_page_marker_inside_the_attendee_sentence_is_furniture() -> None:
    text = ("镇党委会议议事规则\n"
            "一、镇党委会议一般每月召开一次。根据工作需要，会议主持人可确定有关人员\n"
            "2、列席会议。\n")
    (m,) = meetings(text).values()
    assert m.attendees == ["有关人员"]


@pytest.mark.parametrize(("sentence", "who"), [
    ("书记可根据议题需要召集站所负责人及其他相关人员列席", ["站所负责人", "其他相关人员"]),
    ("会议召集人可确定有关科室负责人列席会议", ["有关科室负责人"]),
])
def test_who_decides_is_not_who_sits_in(sentence: str, who: list[str]) -> None:
    assert filled(sentence).attendees == who


def test_listed_attendees_are_one_per_role() -> None:
    text = ("公所务会议规则\n"
            "一、公所务会议每月举行一次。\n"
            "• 二、下列人员得列席公所务会议：\n"
            "（一）秘书、各课课长。\n"
            "（二）其他经邀请之人员。\n")
    (m,) = meetings(text).values()
    assert m.attendees == ["秘书", "各课课长", "其他经邀请之人员"]


def test_a_vote_rule_for_several_matters_is_the_general_threshold() -> None:
    m = filled("会议决定多个事项时，应逐项表决，以应到会成员过半数同意为通过")
    assert m.special_quorum == []
    assert m.vote_threshold is not None and m.vote_threshold.fraction == 0.5


def test_a_threshold_for_asking_is_no_quorum_but_makes_it_meet_as_needed() -> None:
    m = filled("有五分之一以上的居民代表提议，召集居民代表会议")
    assert m.quorum is None and m.special_quorum == []
    assert m.ad_hoc is True


def test_range_in_chinese_numerals_gives_its_lower_bound() -> None:
    f = filled("常务会议每月召开一至两次").frequency
    assert f is not None and (f.count, f.per, f.min) == (1, "month", True)


def test_follow_on_invitation_after_a_sentence_without_subject() -> None:
    text = ("第五条 主任会议由主任召集。第六条 站务会议每周召开一次。会议由站长主持。可邀请有关股室负责人列席。\n"
            "第七条 主任会议每月召开一次。\n")
    found = meetings(text)
    assert found["站务会议"].attendees == ["有关股室负责人"]
    assert found["主任会议"].attendees == []


def test_short_form_without_the_place_is_the_meeting() -> None:
    text = ("镇党委会议制度\n一、会议时间\n原则上每周召开一次。\n二、会议要求\n党委会议必须有三分之二以上委员到会方能召开。\n")
    (m,) = meetings(text).values()
    assert m.quorum is not None and m.quorum.fraction == 0.6667


@pytest.mark.parametrize("sentence", [
    "由市长或者市长委托负责日常工作的副市长召集和主持",
    "由市长或市长委托的副市长召集并主持",
])
def test_convener_and_chair_without_their_fallback(sentence: str) -> None:
    m = filled(sentence)
    assert m.convener == "市长" and m.chair == "市长"


def test_text_with_its_punctuation_stripped_still_yields_its_rules() -> None:
    text = ("青溪镇领导班子议事规则为了提高班子议事效率特制订本规则一会议制度班子会议一般每月召开一次如遇特殊情况可随时召开"
            "会议由书记召集并主持会议必须有应到会人员的过半数出席才能举行讨论决定干部问题应有三分之二以上班子成员到会才能进行"
            "会议根据需要可吸收有关站所负责人列席会议由党政办主任负责记录二议事程序")
    (m,) = meetings(text).values()
    assert m.body.endswith("班子会议")
    assert m.frequency is not None and (m.frequency.count, m.frequency.per) == (1, "month")
    assert m.ad_hoc is True and m.convener == "书记" and m.chair == "书记"
    assert m.quorum is not None and (m.quorum.fraction, m.quorum.inclusive) == (0.5, False)
    assert [x.fraction for x in m.special_quorum] == [0.6667]
    assert m.attendees == ["有关站所负责人"] and m.members == []
    assert m.recorder == "党政办主任"


def test_a_study_groups_sessions_are_its_meetings() -> None:
    text = ("XX县委理论学习中心组学习制度\n"
            "第一条 参学人员\n"
            "县委中心组由县委常委组成，可吸收有关部门负责人列席。\n"
            "第二条 学习要求\n"
            "原则上每月集中学习一次。如有重要内容需要传达，可以随时安排。\n")
    (m,) = meetings(text).values()
    assert m.body.endswith("中心组学习")
    assert m.members == ["县委常委"] and m.attendees == ["有关部门负责人"]
    assert m.frequency is not None and (m.frequency.count, m.frequency.per) == (1, "month")
    assert m.ad_hoc is True


def test_ascii_full_stops_between_chinese_end_sentences() -> None:
    text = ("第一条。规划委员会会议每年召开一次,由主任召集.每次会议的参加人数不少于九名.会议作出的决议必须获得到会委员的半数以上通过."
            "第二条。专家委员会会议根据需要不定期召开.由主任委员召集.会议作出的决定必须获得到会委员的三分之二以上通过。\n")
    found = meetings(text)
    assert found["规划委员会会议"].vote_threshold.fraction == 0.5
    assert found["专家委员会会议"].vote_threshold.fraction == 0.6667
    assert found["专家委员会会议"].ad_hoc is True


def test_labelled_fields() -> None:
    text = ("社区两委例会制度\n一、参加人员：社区党委委员、居委会委员。\n二、会议时间：每周一上午召开。\n"
            "三、主持人：社区党委书记。\n四、记录人：社区党委副书记。\n五、列席人员：驻社区民警。\n")
    (m,) = meetings(text).values()
    assert m.members == ["社区党委委员", "居委会委员"] and m.attendees == ["驻社区民警"]
    assert m.chair == "社区党委书记" and m.recorder == "社区党委副书记"
    assert m.ad_hoc is None  # `会议时间` says when, not that it meets as needed


def test_plain_discussion_is_no_special_matter() -> None:
    m = filled("常务会议讨论决定问题时，须有过半数组成人员到会")
    assert m.special_quorum == [] and m.quorum is not None and m.quorum.of == "组成人员"


def test_quorum_of_those_taking_part() -> None:
    q = filled("会议须有三分之二以上参会人员出席方可召开").quorum
    assert q is not None and (q.fraction, q.of) == (0.6667, "参会人员")


def test_convener_and_chair_in_a_clause_of_their_own() -> None:
    m = filled("镇政府常务会议由镇长、副镇长组成，镇长召集和主持")
    assert m.convener == "镇长" and m.chair == "镇长"


def test_attendees_with_their_ground_and_manner() -> None:
    m = filled("主持园区管委会日常工作的同志和县财政局、县审计局主要负责同志固定列席会议")
    assert m.attendees == ["主持园区管委会日常工作的同志", "县财政局", "县审计局主要负责同志"]
    m = filled("议题起草部门主要负责人根据议题需要列席会议")
    assert m.attendees == ["议题起草部门主要负责人"]


def test_quorum_cut_off_by_the_end_of_an_excerpt() -> None:
    q = filled("党委会议必须有半数以上").quorum
    assert q is not None and (q.fraction, q.inclusive) == (0.5, True)
    assert filled("委员会由委员九人组成，其中专家须有三分之一以上具有高级职称").quorum is None


def test_a_section_on_a_meeting_held_is_no_body_whatever_the_genre() -> None:
    report = "2023年工作总结\n一、全县经济工作会议\n会上总结了全年经济工作，部署了明年任务。\n二、其他工作\n完成道路建设。\n"
    assert meetings(report) == {}
    rules = "某局工作规则\n一、局务会议\n局务会议由局长召集和主持，每月召开一次。\n二、其他\n本规则自印发之日起施行。\n"
    assert "局务会议" in meetings(rules)


@pytest.mark.parametrize(("sentence", "count", "per"), [
    ("会议每月第一周的星期一召开", 1, "month"),
    ("每年年底召开", 1, "year"),
])
def test_a_day_in_the_period_is_once_per_period(sentence: str, count: int, per: str) -> None:
    f = filled(sentence).frequency
    assert f is not None and (f.count, f.per) == (count, per)


def test_recorder_field_with_its_verb() -> None:
    assert filled("会议记录：由办公室主任负责").recorder == "办公室主任"


def test_a_title_naming_the_meetings_together_is_no_meeting() -> None:
    text = ("某镇会议制度\n（一）党委会议制度\n党委会议每周召开一次，由书记主持。\n"
            "（二）镇长办公会议制度\n镇长办公会议每月召开两次，由镇长召集。\n")
    assert set(meetings(text)) == {"党委会议", "镇长办公会议"}


def test_a_meeting_introduced_by_what_it_mainly_decides() -> None:
    text = "为规范决策，制定本制度。\n局务会议主要讨论全局重大事项。局务会议由局长主持。\n"
    found = meetings(text)
    assert found["局务会议"].chair == "局长"


def test_a_section_topic_run_into_its_sentence_is_no_meeting() -> None:
    from gongwen.process import process_text

    doc = process_text("某院院长办公会议事规则\n一、会议组织\n院长办公会一般每周召开一次，由院长主持。\n"
                       "二、议事范围会议的议事范围主要包括：研究全院发展规划。\n")
    assert len(doc.meeting_rules) == 1 and "院长办公会" in doc.meeting_rules[0].body
