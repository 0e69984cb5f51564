"""Duties of texts whose punctuation a model put back, and of texts a wrong decoding or lost
line breaks damaged (issue 13).

The texts are written for these tests. A restored text is simulated by a punctuated text and
the restorer's warning: the extractor reads the marks of such a text as guesses.
"""

from __future__ import annotations

from gongwen import stages
from gongwen.extractors.duties import extract_duties
from gongwen.extractors.duties.run_on import run_on_cuts
from gongwen.lists import find_markers
from gongwen.normalize.punctuation import RESTORED_NOTE
from gongwen.process import process_text


def duties(text: str, guessed: bool = True) -> list[tuple[str | None, str]]:
    doc = process_text(text, stages.before("extract"), path="test.txt")
    if guessed:
        doc.warnings.append(f"{RESTORED_NOTE} the text had lost its punctuation; 9 marks are guesses")
    return [(d.organ, d.text) for d in extract_duties(doc)]


def pieces(s: str) -> list[str]:
    return [s[a:b] for a, b in run_on_cuts(s, 0, len(s))]


def test_a_statement_run_on_after_another_is_cut_at_its_verb() -> None:
    assert pieces("负责与各研究机构的联络负责办理群众来信来访") == ["负责与各研究机构的联络", "负责办理群众来信来访"]
    assert pieces("研究拟定全县编制管理制度和工作规则承担机关日常管理工作") == [
        "研究拟定全县编制管理制度和工作规则", "承担机关日常管理工作"]


def test_a_long_statement_with_no_verb_of_its_own_is_followed_by_a_cut() -> None:
    assert pieces("各种送阅和批办文件的传阅登记催办负责收文登记分发工作") == [
        "各种送阅和批办文件的传阅登记催办", "负责收文登记分发工作"]


def test_a_verb_that_closes_a_statement_is_followed_by_a_cut() -> None:
    assert pieces("研究拟定全县编制管理制度并监督实施负责全县机构改革工作") == [
        "研究拟定全县编制管理制度并监督实施", "负责全县机构改革工作"]


def test_an_adverb_before_the_verb_opens_the_next_statement() -> None:
    assert pieces("承担重要文稿起草工作统一负责本系统的执法工作") == ["承担重要文稿起草工作", "统一负责本系统的执法工作"]


def test_a_verb_bound_to_what_precedes_is_no_cut() -> None:
    for s in ["对重要成果负责向上级申报奖项",  # the piece before is no statement
              "组织贯彻执行有关法律法规和政策",  # two verbs of one statement
              "保证有关方针政策的贯彻执行到位",  # `的` makes the verb a noun
              "制定档案工作规划并负责组织实施",  # a conjunction joins the verbs
              "负责组织协调全区档案工作",  # no object before the next verb
              "召集全委会，向全委会负责并报告工作",  # the verb of a prepositional clause
              "监督各科室负责人的履职情况",  # `负责人` is a noun, not the verb
              "对分管的工作敢于负责，切实履行职责"]:  # the verb has no object
        assert pieces(s) == [s]


def test_run_on_statements_are_cut_only_where_the_marks_were_guessed() -> None:
    text = "档案科主要职责：\n1、负责档案收集工作负责档案保管工作。\n2、承担档案利用服务工作。\n"
    assert duties(text) == [("档案科", "负责档案收集工作"), ("档案科", "负责档案保管工作"),
                            ("档案科", "承担档案利用服务工作")]
    assert duties(text, guessed=False) == [("档案科", "负责档案收集工作负责档案保管工作"),
                                           ("档案科", "承担档案利用服务工作")]


UNITS = ("档案局内设机构：\n一办公室负责机关日常运转；负责文电处理工作。\n"
         "（二）业务科负责档案业务指导工作。\n（三）利用科负责档案查阅服务工作。\n")


def test_a_number_that_lost_its_marks_joins_its_siblings() -> None:
    assert [(m.style, m.n) for m in find_markers(UNITS, guessed=True)] == [
        ("bare_cn", 1), ("paren_cn", 2), ("paren_cn", 3)]
    assert [(m.style, m.n) for m in find_markers(UNITS)] == [("paren_cn", 2), ("paren_cn", 3)]
    assert duties(UNITS) == [("办公室", "负责机关日常运转"), ("办公室", "负责文电处理工作"),
                             ("业务科", "负责档案业务指导工作"), ("利用科", "负责档案查阅服务工作")]


def test_a_lone_number_beside_no_sibling_is_no_marker() -> None:
    text = "一季度完成检查工作；\n各单位按时报送材料。\n"
    assert find_markers(text, guessed=True) == []


def test_a_unit_name_run_into_its_first_duty() -> None:
    # the `。` or brackets that set each unit's name off were lost and not put back
    text = ("（一）办公室综合科负责机关日常运转；承担文电处理工作。\n"
            "（二）规划财务科拟订事业发展规划；负责财务管理工作。\n"
            "（三）社会事务科审批科贯彻执行社会组织管理办法。\n")
    found = duties(text)
    assert [t for _, t in found] == ["负责机关日常运转", "承担文电处理工作", "拟订事业发展规划",
                                     "负责财务管理工作", "贯彻执行社会组织管理办法"]
    assert [o for o, _ in found] == ["办公室综合科"] * 2 + ["规划财务科"] * 2 + ["社会事务科审批科"]


def test_a_guessed_full_stop_after_a_duty_heading() -> None:
    text = "（四）书记、副书记的职责。\n1、书记主持党委全面工作。\n2、副书记协助书记处理日常工作。\n"
    assert duties(text) == [("书记", "主持党委全面工作"), ("副书记", "协助书记处理日常工作")]


def test_a_guessed_full_stop_ends_a_lead_in_line() -> None:
    text = ("县档案局为县政府工作部门。主要职责是贯彻执行上级档案工作的方针政策。\n"
            "组织开展档案理论研究；负责全县档案的日常管理工作。\n")
    assert duties(text) == [("县档案局", "贯彻执行上级档案工作的方针政策"), ("县档案局", "组织开展档案理论研究"),
                            ("县档案局", "负责全县档案的日常管理工作")]


def test_a_garbled_sentence_does_not_end_an_inline_list() -> None:
    # a stretch decoded one GBK byte out of step, at the start of a sentence
    text = "档案局的主要职责是：负责甲类档案工作；负责乙类档案工作。涸鹑?县档案的统计工作；负责丙类档案工作。\n"
    assert [t for _, t in duties(text, guessed=False)] == [
        "负责甲类档案工作", "负责乙类档案工作", "涸鹑?县档案的统计工作", "负责丙类档案工作"]


def test_the_subject_of_a_sentence_a_heading_ran_onto() -> None:
    # line breaks lost: the heading `第二类 档案工作` runs onto the sentence naming the organ
    text = "第二类 档案工作某县档案局为县政府工作部门。主要职责是负责全县档案工作；指导各单位档案业务。"
    organs = {o for o, _ in duties(text, guessed=False)}
    assert len(organs) == 1 and organs.pop().endswith("某县档案局")


def test_stripped_numbers_inside_a_run_on_line_continue_the_list() -> None:
    text = "1、负责档案收集工作2负责档案保管工作3承担档案利用服务工作\n"
    assert [(m.style, m.n) for m in find_markers(text, guessed=True)] == [
        ("ar_dun", 1), ("bare_ar", 2), ("bare_ar", 3)]
    assert [(m.style, m.n) for m in find_markers(text)] == [("ar_dun", 1)]


def test_a_count_inside_an_item_is_no_stripped_number() -> None:
    # `2名` is a count: nothing of the list follows it (no duty verb, no number 3)
    text = "1、设主任1名，副主任2名，负责日常工作。\n"
    assert [(m.style, m.n) for m in find_markers(text, guessed=True)] == [("ar_dun", 1)]


def test_guessed_semicolons_part_a_run_in_page_of_duty_paragraphs() -> None:
    # a page of unnumbered duty paragraphs that lost its marks and line breaks; the restorer
    # put back `；` where the paragraphs ended
    text = ("负责全镇档案的收集整理工作，配合上级做好档案检查工作；负责编写档案工作年度报告"
            "和统计报表的汇总；承担档案利用服务和查阅登记工作，做好档案的安全保管工作；"
            "会同有关部门研究改进档案管理工作。") * 2
    assert len(duties(text)) >= 6
    assert duties(text, guessed=False) == []


def test_a_chinese_number_inside_a_run_on_line_before_a_duty_verb() -> None:
    text = "档案科主要职责：（一）负责档案收集工作；（二）负责档案保管工作三负责档案利用服务工作。\n"
    assert [(m.style, m.n) for m in find_markers(text, guessed=True)] == [
        ("paren_cn", 1), ("paren_cn", 2), ("bare_cn", 3)]
    # a numeral that is part of a word is no marker: `统一` is not the list's next number
    assert [m.n for m in find_markers("（一）负责档案收集；（二）负责档案统一管理工作。\n", guessed=True)] == [1, 2]


def test_a_first_stripped_number_right_after_a_lead_in() -> None:
    text = "档案局内设机构一办公室负责机关日常运转工作（二）业务科负责档案业务指导工作。\n"
    assert [(m.style, m.n) for m in find_markers(text, guessed=True)] == [("bare_cn", 1), ("paren_cn", 2)]


def test_a_heading_run_on_after_the_statement_before_it() -> None:
    from gongwen.extractors.duties.organs import subject_of_heading

    assert subject_of_heading("协调、指导党员教育工作某县委组织部主要职责") == "某县委组织部"
    assert subject_of_heading("组织部主要职责") == "组织部"
    assert subject_of_heading("负责中心直属单位的管理机构设置及职能") is None
    # a site's greeting run on before the name, a guessed `、` between
    assert subject_of_heading("欢迎访问某县林业局官方网站、宣传部主要职责") == "宣传部"
    assert subject_of_heading("区委书记、副书记的职责") == "区委书记、副书记"


def test_a_first_arabic_number_run_into_the_line_before_its_second() -> None:
    text = "可设以下机构1办公室负责文秘工作2档案科：负责档案管理工作\n"
    assert [(m.style, m.n) for m in find_markers(text, guessed=True)] == [("bare_ar", 1), ("bare_ar", 2)]


def test_a_date_is_no_stripped_list() -> None:
    text = "会议于2023年1月召开2个部门负责筹备工作\n"
    assert find_markers(text, guessed=True) == []


def test_a_stripped_number_before_an_adverb_and_its_verb() -> None:
    text = "（一）负责档案收集工作；（二）负责档案保管工作三定期组织档案检查工作\n"
    assert [(m.style, m.n) for m in find_markers(text, guessed=True)][-1] == ("bare_cn", 3)


def test_an_article_duty_with_a_comma_after_its_time_clause() -> None:
    text = "第七条 乡镇人民代表大会主席在闭会期间，负责联系本级人民代表大会代表。\n"
    assert duties(text, guessed=False) == [("乡镇人民代表大会主席", "在闭会期间，负责联系本级人民代表大会代表")]


def test_a_unit_name_run_into_its_text_among_unit_led_items() -> None:
    # line breaks lost: `3. 行政处` ran into its first statement, which opens with no verb
    text = ("某研究中心办公厅部门职责\n办公厅负责组织协调机关行政管理工作。\n机构设置及职能：\n"
            "1. 秘书处负责日常值班安排。\n2. 财务处负责经费报销工作。\n"
            "3. 行政处日常行政管理和后勤服务工作。\n4. 机要处负责机要文件的收发。\n")
    assert duties(text, guessed=False)[-4:] == [
        ("秘书处", "负责日常值班安排"), ("财务处", "负责经费报销工作"), ("行政处", "日常行政管理和后勤服务工作"),
        ("机要处", "负责机要文件的收发")]


def test_a_guessed_comma_between_the_organ_and_its_duty_heading_keeps_the_organ() -> None:
    # the restorer may put `，` after 的 (`某县统计局的，主要职责：`); an author never writes it there
    text = "第三条某县统计局的，主要职责：\n（一）负责全县统计调查工作。\n（二）组织实施人口普查。\n"
    got = duties(text)
    assert [organ for organ, _ in got] == ["某县统计局", "某县统计局"]


def test_a_unit_set_off_from_its_first_duty_by_a_guessed_comma() -> None:
    # the restorer put `，` where the author had `。` after the unit's name; an author never
    # parts a subject from its verb with one
    text = ("档案局主要职责：负责全县档案工作。档案局内设机构一资料股，负责档案资料收集工作；负责档案整理工作"
            "（二）利用股，负责档案查阅服务工作。\n")
    assert [(m.style, m.n) for m in find_markers(text, guessed=True)][-2:] == [("bare_cn", 1), ("paren_cn", 2)]
    got = duties(text)
    assert ("资料股", "负责档案资料收集工作") in got
    assert ("利用股", "负责档案查阅服务工作") in got


def test_a_unit_name_line_runs_on_over_a_duty_line_left_without_a_mark() -> None:
    # a restorer leaves a line's end bare as often as a title's: a line under a unit's name
    # that opens with a duty verb is still one of its statements
    text = ("机构设置：\n1. 资料股\n负责档案资料的收集和整理工作\n承担查阅登记工作。\n"
            "2. 利用股\n负责档案查阅服务工作。\n")
    organs = [o for o, _ in duties(text)]
    assert organs.count("资料股") == 2 and organs.count("利用股") == 1
    assert find_markers(text, guessed=False).guessed is False


def test_a_run_in_page_of_duty_paragraphs_with_few_responsibility_verbs() -> None:
    # each paragraph cut at its guessed `；` gives pieces that open with other duty verbs:
    # three in seven of them opening with 负责 still make the page a duty list
    text = ("负责全县宣传教育工作；规划和部署全县宣传工作。组织开展理论学习活动；指导基层宣传工作；"
            "负责编写宣传教材。会同有关部门研究改进宣传工作；负责开展社会宣传活动。") * 2
    assert len(duties(text)) >= 10
