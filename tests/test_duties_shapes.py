"""Duties told by the shape of their text: multi-sentence items, unit lists with no cue,
lead-ins run together with their heading (RECORDS.md "Duties").

Each case is a short text written for the test in the style of a web excerpt (a page cut
before its heading, a 三定 list whose items hold several sentences).
"""

from __future__ import annotations

from extractors.duties import extract_duties
from pipeline import stages
from pipeline.process import process_text


def duties(text: str) -> list[tuple[str | None, str]]:
    doc = process_text(text, stages.before("extract"), path="test.txt")
    found = extract_duties(doc)
    for d in found:
        assert doc.text[d.start:d.end] == d.text
    return [(d.organ, d.text) for d in found]


def test_item_of_several_sentences_gives_one_duty_per_statement() -> None:
    text = ("第三条 县水务局的主要职责：\n"
            "（一）负责全县水资源管理。拟订水资源保护规划。指导农村饮水安全工作。\n"
            "（二）承担水旱灾害防御工作。组织编制洪水干旱防治规划。\n")
    got = duties(text)
    assert [t for _, t in got] == ["负责全县水资源管理", "拟订水资源保护规划", "指导农村饮水安全工作",
                                   "承担水旱灾害防御工作", "组织编制洪水干旱防治规划"]
    assert {o for o, _ in got} == {"县水务局"}  # the article number is no part of the organ


def test_sentence_going_on_about_the_previous_stays_with_it() -> None:
    text = ("常委会职责如下：\n"
            "1、召集全委会会议。遇有重大问题，要及时向全委会报告。\n"
            "2、组织实施全委会的决议。\n")
    got = [t for _, t in duties(text)]
    assert got[0] == "召集全委会会议。遇有重大问题，要及时向全委会报告"
    assert got[1] == "组织实施全委会的决议"


def test_unit_items_without_a_cue_are_the_units_duties() -> None:
    text = ("（一）综合科。负责机关文电、会务工作；承担档案管理工作。\n"
            "（二）规划股：拟订全县交通发展规划。\n"
            "（三）执法股（行政审批股）。负责交通行政执法工作。\n")
    got = duties(text)
    assert ("综合科", "负责机关文电、会务工作") in got
    assert ("综合科", "承担档案管理工作") in got
    assert ("规划股", "拟订全县交通发展规划") in got
    assert any(o == "执法股" and t == "负责交通行政执法工作" for o, t in got)


def test_numbered_list_of_plain_statements_is_not_a_unit_list() -> None:
    text = ("今年主要工作：\n"
            "（一）办公室。今年完成了搬迁。\n"
            "（二）食堂。菜价稳定。\n")
    assert duties(text) == []


def test_township_sections_named_ke_are_units() -> None:
    text = ("第五条 本所设下列各课，分别掌理有关事项：\n"
            "一、民政课：掌理户政、兵役等事项。\n"
            "二、财经课：掌理财务、公产等事项。\n")
    got = duties(text)
    assert ("民政课", "掌理户政、兵役等事项") in got
    assert ("财经课", "掌理财务、公产等事项") in got


def test_heading_run_into_its_lead_in_names_the_organ() -> None:
    text = ("青山区统战部职责其主要职责是：\n"
            "1、负责联系全区民主党派工作。\n"
            "2、指导全区民族宗教工作。\n")
    got = duties(text)
    assert got and all(o == "青山区统战部" for o, _ in got)
