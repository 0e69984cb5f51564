"""Meeting names and slots in a text whose punctuation a restorer put back by guess: a mark
lost where a name ends, a comma where a full stop or a colon stood, an article's number run
into the name after it. Names and slots are read from the words. Every text is written for
these tests."""

from __future__ import annotations

from gongwen import stages
from gongwen.extractors.meetings import extract_meetings, fill_slots
from gongwen.process import process_text
from gongwen.record import Meeting


def meetings(text: str) -> dict[str, Meeting]:
    return {m.body: m for m in extract_meetings(process_text(text, stages.before("extract"), path="t.txt"))}


def test_recurring_meeting_named_before_the_next_clause_without_a_mark() -> None:
    text = ("一、走访慰问\n"
            "每年元旦和端午期间，各村党支部走访困难群众，并召开老干部座谈会议共同为困难户筹集物资。\n")
    found = meetings(text)
    assert "老干部座谈会议" in found
    assert found["老干部座谈会议"].frequency is not None


def test_further_meeting_at_a_line_end_before_the_next_article() -> None:
    text = ("某协会理事会会议规则\n"
            "第 3 条\n本会每季开会一次，由理事长召集之\n"
            "第 4 条\n本会开会得商同监事会举行理、监事联席会议\n"
            "第 5 条\n本会之决议，应有过半数理事之出席\n")
    assert "理、监事联席会议" in meetings(text)


def test_further_meeting_named_before_an_election() -> None:
    text = ("某镇人民代表大会议事规则\n"
            "第三条 镇人民代表大会每次会议举行预备会议选举主席团通过会议议程。\n"
            "第四条 镇人民代表大会会议每年至少举行一次。\n")
    assert "预备会议" in meetings(text)


def test_meeting_named_after_an_article_number_run_into_it() -> None:
    text = ("某市园林委员会议事规则\n"
            "第八条 园林委员会会议每季度召开一次。\n"
            "第九条各专项小组会议根据需要不定期召开，由小组组长召集。\n")
    found = meetings(text)
    assert "专项小组会议" in found
    m = found["专项小组会议"]
    assert m.ad_hoc and m.convener == "小组组长"


def test_meeting_named_after_a_comma_a_restorer_put_there() -> None:
    text = ("某镇人民代表大会工作规定\n"
            "第五条 镇人民代表大会会议每年至少举行一次。\n"
            "第六条 主席团的职责是：（一）联系代表；（二）办理其他事务，主席团会议，由镇人民代表大会主席召集。\n")
    found = meetings(text)
    assert "主席团会议" in found
    assert found["主席团会议"].convener == "镇人民代表大会主席"


def test_meeting_named_before_a_full_stop_a_restorer_put_between_it_and_its_rule() -> None:
    text = ("某市园林委员会议事规则\n"
            "第八条 园林委员会会议每季度召开一次。\n"
            "第九条 各专项小组会议。根据需要不定期召开，由小组组长召集，听取有关单位意见。\n")
    found = meetings(text)
    assert "专项小组会议" in found
    m = found["专项小组会议"]
    assert m.ad_hoc and m.convener == "小组组长"


def test_who_sits_in_while_the_meeting_goes_on_names_no_meeting() -> None:
    text = ("某院会议规则\n"
            "第 2 条 本院会议每月举行一次。\n"
            "第 9 条 出席、列席人员在会议进行中须先退席时，应取得主席同意。\n"
            "第 10 条 除前条所定得列席本院会议人员外，经院长指定之人员亦得列席本院会议。\n")
    found = meetings(text)
    assert not any("人员" in body for body in found)


def test_heading_whose_colon_became_a_comma_before_how_often() -> None:
    text = ("一、办公室工作制度\n"
            "6、实行周五上午例会制度，每周五上午总结安排工作，提出问题。\n"
            "7、实行值班制度，节假日安排人员值班。\n")
    found = meetings(text)
    assert "周五上午例会" in found
    freq = found["周五上午例会"].frequency
    assert freq is not None and (freq.count, freq.per) == (1, "week")


def sentence_slots(sentence: str) -> Meeting:
    m = Meeting(id="", body="某院会议", section=None, start=0, end=1)
    fill_slots(m, sentence)
    return m


def test_at_any_time_before_a_comma_is_ad_hoc() -> None:
    assert sentence_slots("常务会议随时，由主席召集之").ad_hoc


def test_either_convener_after_the_frequency_run_into_it() -> None:
    m = sentence_slots("本院会议每月举行院长或全体委员三分之一以上认为有必要时得召集临时会议")
    assert m.convener == "院长或全体委员三分之一以上"


def test_convener_of_a_further_meeting_before_a_restored_comma() -> None:
    text = ("某市政府工作规则\n"
            "十、市政府常务会议一般每月召开一次，由市长召集。\n"
            "十一、副市长或副市长委托秘书长，按照分工召开专题会议研究专门问题。\n")
    found = meetings(text)
    assert found["专题会议"].convener == "副市长"


def test_heading_with_a_word_run_into_it_keeps_who_sits_in() -> None:
    text = ("某局党组会议制度（修订）\n"
            "修订党组会议制度\n"
            "一、会议组成\n"
            "局党组会议由党组书记、党组成员组成，办公室主任列席，必要时各有关科室负责人可列席会议。\n"
            "二、会议时间\n"
            "局党组会议原则上每月举行一次，由党组书记主持。\n"
            "三、局党组会议须有半数以上成员到会方能举行。\n")
    (m,) = meetings(text).values()
    assert m.body == "局党组会议"
    assert m.attendees == ["办公室主任", "各有关科室负责人"]


def test_item_numbers_run_into_the_sentence_before_start_a_sentence() -> None:
    from gongwen.extractors.meetings.scopes import sentence_spans

    text = ("三、支委会议每月举行一次。必要时可召开临时会议四、支委会议须有半数以上委员到会"
            "所作决定应经到会委员过半数同意5.非委员的党小组长可以列席会议")
    sents = [s for _, _, s in sentence_spans(text, 0, len(text))]
    assert "四、支委会议须有半数以上委员到会所作决定应经到会委员过半数同意" in sents
    assert "5.非委员的党小组长可以列席会议" in sents


def test_numbers_inside_a_sentence_are_no_items() -> None:
    from gongwen.extractors.meetings.scopes import sentence_spans

    text = "一、依照第二、三条办理。二、增长3.5个百分点，做到统一、规范"
    assert [s for _, _, s in sentence_spans(text, 0, len(text))] == ["一、依照第二、三条办理", "二、增长3.5个百分点，做到统一、规范"]



def test_meeting_named_after_its_verb_is_no_subject() -> None:
    from gongwen.extractors.meetings.subjects import sentence_subject

    names = {"支委": "支委会", "党员大": "党员大会"}
    assert sentence_subject("规定各村每月召开一次支委会每季度召开一次党员大会，要求每次会议有镇干部指导", names) is None
    assert sentence_subject("支委会每月召开一次", names) == "支委"


def test_outline_part_run_into_a_section_ends_the_meeting_before_it() -> None:
    text = ("一、职责\n全委会负责重大决策。\n"
            "二、会议制度\n"
            "（一）全委会会议制度\n1、全委会会议每年召开两次。\n"
            "（二）常委会生活会制度常委会一般每半年召开一次民主生活会加强党性锻炼三、议事程序\n"
            "1、全委会进行表决时以赞成票超过应到会委员人数的半数为通过。\n")
    found = meetings(text)
    vote = found["全委会会议"].vote_threshold
    assert vote is not None and vote.fraction == 0.5
    assert all(m.vote_threshold is None for body, m in found.items() if body != "全委会会议")


def test_duty_to_convene_after_a_number_that_lost_its_mark() -> None:
    text = ("一、常委会职责\n常委会的职责是：1召集全委会，向全委会负责并报告工作。\n"
            "二、会议制度\n（一）全委会会议制度\n1、全委会会议每年召开两次。\n")
    assert meetings(text)["全委会会议"].convener == "常委会"


def test_heading_whose_marker_lost_its_brackets_after_a_full_stop() -> None:
    text = ("二、会议制度\n"
            "（六）班子会议制度\n1、班子会议每月召开一次。2、班子会议的议题由书记确定。"
            "七协调会议制度区委建立协调会议制度。遇到的重大问题等书记或副书记可召集有关部门进行协调。\n")
    found = meetings(text)
    assert "协调会议" in found
    assert found["协调会议"].convener is not None and found["协调会议"].convener.startswith("书记")


def test_members_run_into_those_who_sit_in_without_the_comma() -> None:
    m = sentence_slots("参加会议成员为局长、副局长、纪委书记人事科科长财务科科长列席会议")
    assert m.members == ["局长", "副局长", "纪委书记"]
    assert m.attendees == ["人事科科长", "财务科科长"]


def test_members_end_at_the_first_names_run_together() -> None:
    m = sentence_slots("会议的组成人员为县委常委、县政府县长和副县长、县政协主席和副主席县法院院长、县检察院检察长列席会议")
    assert m.members[-1] == "副主席" and "县法院院长" not in m.members
    assert m.attendees == ["县法院院长", "县检察院检察长"]


def test_an_organ_before_its_own_head_stays_one_name() -> None:
    from gongwen.extractors.meetings.slots import run_together

    assert run_together("县政府县长和副县长") == ["县政府县长和副县长"]
