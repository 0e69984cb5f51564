"""Meeting rules in a text whose punctuation was stripped, or put back only in part (by a
converter's leftovers or a restorer's guesses): names and slots are read where the words
prove the boundary a lost mark held. Every text is written for these tests."""

from __future__ import annotations

import pytest

from gongwen import stages
from gongwen.extractors.meetings import extract_meetings, fill_slots
from gongwen.extractors.meetings.scopes import find_scopes
from gongwen.extractors.meetings.slots import run_together
from gongwen.process import process_text
from gongwen.record import Document, Meeting


def doc_of(text: str) -> Document:
    return process_text(text, stages.before("extract"), path="test.txt")


def meetings(text: str) -> dict[str, Meeting]:
    return {m.body: m for m in extract_meetings(doc_of(text))}


def test_heading_with_a_full_stop_after_it_names_its_meeting() -> None:
    text = ("一、会议制度\n"
            "（一）党委会议制度\n"
            "1、党委会议一般每月召开一次，由书记召集并主持。\n"
            "（二）书记碰头会议制度。\n"
            "1、书记碰头会议由书记召集并主持，副书记参加。\n"
            "2、书记碰头会议必须有半数以上的书记、副书记到会才能进行。\n")
    found = meetings(text)
    assert "书记碰头会议" in found
    m = found["书记碰头会议"]
    assert m.convener == "书记" and m.quorum is not None and m.quorum.fraction == 0.5


def test_heading_whose_marker_lost_its_brackets_ends_where_the_outline_goes_on() -> None:
    text = ("二、会议制度\n"
            "（一）常委会会议制度\n"
            "1、常委会会议一般每月召开两次。\n"
            "八常委会组织生活会制度\n"
            "常委会一般每半年召开一次民主生活会。\n"
            "三、议事程序\n"
            "1、全委会进行表决时以赞成票超过应到会委员人数的半数为通过。\n")
    doc = doc_of(text)
    life = next(sc for sc in find_scopes(doc) if sc.body.endswith("生活会"))
    assert doc.text[life.start:life.end].rstrip().endswith("民主生活会。")


def test_title_run_into_its_preamble_over_a_comma() -> None:
    text = ("某镇党委理论中心组学习制度，为了提高班子理论水平，特制定本制度。\n"
            "第一条 党委中心组由全体班子成员组成，可吸收相关人员列席。\n"
            "第二条 原则上每月集中学习一次，如有重要内容可以随时安排。\n")
    (m,) = meetings(text).values()
    assert m.body.endswith("中心组学习")
    assert m.frequency is not None and (m.frequency.count, m.frequency.per) == (1, "month")


def test_title_run_into_its_first_chapter_after_the_issuing_notice() -> None:
    text = ("各乡镇人民政府、市级各部门某市人民政府常务会议议事规则已经市政府常务会议通过现予印发"
            "某市人民政府2024年3月1日此件公开发布某市人民政府常务会议议事规则第一章 总则第一条 为规范会议，"
            "制定本规则。第二条 常务会议的议题由市长确定。\n")
    doc = doc_of(text)
    doc.title = None  # no title found in the run-on notice: the rules' name is read off the text
    assert any(sc.body == "某市人民政府常务会议" for sc in find_scopes(doc))


def test_meeting_named_before_the_next_clause_without_a_mark() -> None:
    text = ("基层组织会议机制，明确规定各村每周召开一次两委会每月召开一次党员和村民代表会，"
            "要求每次村级会议必须有镇机关干部现场指导。\n")
    found = meetings(text)
    assert {"两委会", "党员和村民代表会"} <= {b.strip("“”") for b in found}
    weekly = next(m for b, m in found.items() if b.strip("“”") == "两委会")
    assert weekly.frequency is not None and (weekly.frequency.count, weekly.frequency.per) == (1, "week")
    monthly = found["党员和村民代表会"]
    assert monthly.frequency is not None and monthly.frequency.per == "month"


def test_attendee_of_a_meeting_named_before_a_verb() -> None:
    text = ("实施村干部激励机制。\n"
            "村党组织书记可列席镇党委会参与重大事项决策。\n")
    found = meetings(text)
    assert found["镇党委会"].attendees == ["村党组织书记"]


def test_moving_a_meeting_is_no_meeting_of_its_own() -> None:
    text = ("二、会议制度\n"
            "班子会议一般每月一次，如遇特殊情况可随时召开或推迟会议由书记召集主持。\n")
    assert not any("推迟" in b for b in meetings(text))


def test_clauses_run_together_make_no_name() -> None:
    text = ("二、会议制度\n"
            "班子会议一般每月一次，根据需要，可吸收有关部门负责人列席参加具体人员由会议召集人确定会议由办公室主任负责记录。\n")
    found = meetings(text)
    assert not any("具体人员" in b for b in found)
    assert next(iter(found.values())).recorder == "办公室主任"


def test_recorder_after_another_agent_of_the_run_on_sentence() -> None:
    m = Meeting(id="m1", body="会议", section=None, start=0, end=0)
    fill_slots(m, "具体人员由会议召集人确定会议由组织委员负责记录一般的会议记录由分管领导审核")
    assert m.recorder == "组织委员"


def test_list_marker_that_lost_its_comma_is_no_part_of_the_name() -> None:
    text = ("某局会议须知\n"
            "一本须知适用于本局委员会议。\n"
            "三委员会议应有委员过半数之出席，始得召开。\n"
            "七委员会议讨论事项，以出席委员过半数之同意始得决议。\n"
            "九下列人员得列席委员会议：\n")
    found = meetings(text)
    assert "三委员会议" not in found
    m = found["委员会议"]
    assert m.quorum is not None and m.vote_threshold is not None


def test_a_name_that_opens_on_a_numeral_keeps_it() -> None:
    text = ("（六）四大班子会议制度\n"
            "四大班子会议由区委书记召集和主持，不定期召开。\n")
    assert "四大班子会议" in meetings(text)


@pytest.mark.parametrize(("name", "parts"), [
    ("纪委书记院长办公室主任监审科科长", ["纪委书记", "院长办公室主任", "监审科科长"]),
    ("区人民政府区人民法院区人民检察院", ["区人民政府", "区人民法院", "区人民检察院"]),
    ("镇人大主席副主席镇政府镇长", ["镇人大主席", "副主席", "镇政府镇长"]),
])
def test_names_run_together_are_cut_after_each_holder(name: str, parts: list[str]) -> None:
    assert run_together(name) == parts


@pytest.mark.parametrize("name", [
    "区委办公室负责常委会议记录的副主任",  # 常委|会议: the name goes on
    "党委领导班子全体成员",  # 领导|班子
    "市政府法律顾问室主要负责同志",  # the government's own office, no second place named
    "主任委员",
    "区政府区长",
])
def test_one_holders_name_stays_whole(name: str) -> None:
    assert run_together(name) == [name]


def test_attendees_whose_marks_were_stripped() -> None:
    m = Meeting(id="m1", body="院长办公会议", section=None, start=0, end=0)
    fill_slots(m, "院长办公会议由院长召集并主持纪委书记院长办公室主任监审科科长列席会议")
    assert m.attendees == ["纪委书记", "院长办公室主任", "监审科科长"]


def test_who_asks_them_is_no_attendee_in_a_long_run_on_clause() -> None:
    m = Meeting(id="m1", body="主任会议", section=None, start=0, end=0)
    fill_slots(m, "主任会议根据内容需要可召开扩大会议请区人大常委会调研员、常委会办公室负责人列席会议")
    assert m.attendees == ["区人大常委会调研员", "常委会办公室负责人"]


def test_quorum_and_special_quorum_run_together() -> None:
    m = Meeting(id="m1", body="常委会会议", section=None, start=0, end=0)
    fill_slots(m, "常委会会议必须有半数以上委员到会方能进行讨论干部任免问题时应有三分之二以上委员到会方能进行")
    assert m.quorum is not None and m.quorum.fraction == 0.5
    assert [(x.fraction, x.matter) for x in m.special_quorum] == [(0.6667, "讨论干部任免问题")]


def test_who_takes_part_and_who_sits_in_without_the_comma_between() -> None:
    m = Meeting(id="m1", body="书记碰头会", section=None, start=0, end=0)
    fill_slots(m, "书记碰头会由书记、副书记组成和议题有关的委员参与")
    assert m.members == ["书记", "副书记"] and m.attendees == ["和议题有关的委员"]


def test_attendee_and_recorder_after_the_members_clause_run_into_it() -> None:
    m = Meeting(id="m1", body="工作协调会", section=None, start=0, end=0)
    fill_slots(m, "工作协调会由书记、副书记、镇长参与党政办主任列席会议，并负责记录")
    assert m.attendees == ["党政办主任"] and m.recorder == "党政办主任"


def test_convener_named_by_a_duty_run_into_the_next() -> None:
    text = ("一、职责\n"
            "（一）常委会职责 常委会在全委会闭会期间行使职权。其职责是：\n"
            "1、召集全委会向全委会负责并报告工作。\n"
            "2、组织实施上级的决议。\n"
            "二、会议制度\n"
            "（一）全委会会议制度\n"
            "1、全委会每年至少召开两次。\n")
    assert meetings(text)["全委会会议"].convener == "常委会"


def test_numbered_heading_run_into_its_text() -> None:
    text = ("二、会议制度\n"
            "（一）党委会议制度\n"
            "1、党委会议每月召开一次。\n"
            "2、党委会议的议题由书记确定；（二）班子组织生活会制度原则上每半年召开一次，由书记主持。\n")
    found = meetings(text)
    assert found["班子组织生活会"].chair == "书记"


def test_a_long_section_is_not_renamed_by_a_meeting_far_into_it() -> None:
    text = ("二、会议制度\n"
            "（一）党委会议制度\n"
            "1、党委会议由书记召集并主持，议题由书记确定，一般提前三天通知参会人员并送达会议材料。\n"
            "2、党委会议的决定由分管领导负责落实，落实情况定期报告书记并在下次会议上通报。\n"
            "3、班子一般每半年召开一次民主生活会。\n")
    doc = doc_of(text)
    (head,) = [sc for sc in find_scopes(doc) if sc.heading]
    assert head.body == "党委会议"


def test_a_section_titled_with_who_sits_in_is_no_meeting() -> None:
    text = ("某会委员会议规则\n"
            "一、本会委员会议由主任委员召集并为主席。\n"
            "二、下列人员得列席委员会议:\n"
            "（一）本会主任秘书。\n"
            "（二）其他经指定之人员。\n")
    assert not any("列席" in b for b in meetings(text))


def test_heading_with_a_word_run_into_it_takes_the_name_the_text_uses() -> None:
    text = ("党组会议制度完整党组会议制度。\n"
            "一、会议组成\n"
            "局党组会议由党组书记、党组成员组成。\n"
            "二、会议时间\n"
            "局党组会议原则上一月举行一次。\n"
            "局党组会议须有半数以上成员到会方可举行。\n")
    (m,) = meetings(text).values()
    assert m.body == "局党组会议"


def test_practice_named_without_its_quotes() -> None:
    text = ("基层组织会议机制。\n"
            "7月，总结推广河口镇村务工作交流会做法，要求各镇每月以工作片为单位，组织各村主要负责人互通情况、交流学习。\n")
    m = meetings(text)["河口镇村务工作交流会"]
    assert m.convener == "各镇" and m.members == ["各村主要负责人"]
    assert m.frequency is not None and m.frequency.per == "month"


def test_further_meeting_named_before_what_it_studies() -> None:
    text = ("某市人民政府工作规则\n"
            "十四、市长办公会议由市长召集并主持。\n"
            "十五、副市长按照分工召开专题会议研究协调专门问题。\n")
    assert meetings(text)["专题会议"].convener == "副市长"


def test_chapter_and_article_run_into_a_meeting_name() -> None:
    text = ("某市规划委员会章程\n"
            "第五章议事规则第二十三条市规划委员会会议原则上每年至少召开1次，由主任召集。\n")
    assert "市规划委员会会议" in meetings(text)


def test_members_whose_list_runs_into_the_quorum() -> None:
    m = Meeting(id="m1", body="联席会议", section=None, start=0, end=0)
    fill_slots(m, "联席会议成员为村党支部和村委会全体成员参加会议的人数须超过应到会人数的半数")
    assert m.members == ["村党支部", "村委会全体成员"]
    assert m.quorum is not None and m.quorum.fraction == 0.5


def test_chair_who_also_convenes_after_a_comma_and_and() -> None:
    m = Meeting(id="m1", body="代表大会会议", section=None, start=0, end=0)
    fill_slots(m, "镇人民代表大会举行会议的时候由主席团主持会议，并负责召集下一次的本级人民代表大会会议主席团一般由七人组成")
    assert m.convener == "主席团" and m.chair == "主席团"


def test_an_articles_sentence_ending_on_a_system_is_no_heading() -> None:
    text = ("某县人民政府工作规则\n"
            "第三章 会议制度\n"
            "第三条 县政府实行全体会议和常务会议制度。\n"
            "第四条 县政府全体会议由县长召集和主持。\n"
            "第五条 县长办公会议由县长召集和主持。\n")
    bodies = set(meetings(text))
    assert not any("实行" in b for b in bodies)
    assert {"县政府全体会议", "县长办公会议"} <= bodies


def test_practice_named_after_the_marks_a_restorer_put_where_its_quotes_were() -> None:
    text = ("基层组织会议机制。\n"
            "7月，总结推广，河口镇、村务工作交流会做法，要求各镇每月以工作片为单位，组织各村主要负责人互通情况、交流学习。\n")
    m = meetings(text)["村务工作交流会"]
    assert m.convener == "各镇" and m.members == ["各村主要负责人"]


def test_a_quorum_clause_set_off_by_guessed_commas_names_no_member() -> None:
    text = ("某村联席会议制度\n"
            "一、参加人员：联席会议成员为村党支部和村委会全体成员，参加会议的人数，须超过应到会人数的半数。\n"
            "二、会议由村党支部书记召集并主持。\n")
    m = meetings(text)["某村联席会议"]
    assert m.members == ["村党支部", "村委会全体成员"]
    assert m.quorum is not None and m.quorum.fraction == 0.5
