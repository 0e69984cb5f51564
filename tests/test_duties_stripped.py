"""Duty lists whose punctuation a copying site stripped, markers' `、` and brackets included.

The texts are written for these tests: a heading, then items whose numbers stand bare
(`一负责…`), one per line or run together into one line.
"""

from __future__ import annotations

from gongwen import stages
from gongwen.extractors.duties import extract_duties
from gongwen.lists import find_markers
from gongwen.process import process_text


def duties(text: str) -> list[tuple[str | None, str]]:
    doc = process_text(text, stages.before("extract"), path="test.txt")
    return [(d.organ, d.text) for d in extract_duties(doc)]


ITEMS = ["负责全区档案资料的收集整理和保管", "指导各街道档案工作的业务开展",
         "承办区委交办的其他事项"]


def test_bare_numbers_one_item_a_line() -> None:
    text = "档案科主要职责\n" + "\n".join(f"{n}{t}" for n, t in zip("一二三", ITEMS, strict=True)) + "\n"
    assert duties(text) == [("档案科", t) for t in ITEMS]


def test_bare_numbers_run_into_one_line() -> None:
    text = "档案科主要职责\n" + "".join(f"{n}{t}" for n, t in zip("一二三", ITEMS, strict=True)) + "\n"
    assert duties(text) == [("档案科", t) for t in ITEMS]


def test_arabic_bare_numbers() -> None:
    text = "档案科主要职责\n" + "\n".join(f"{n}{t}" for n, t in zip("123", ITEMS, strict=True)) + "\n"
    assert duties(text) == [("档案科", t) for t in ITEMS]


def test_a_number_inside_an_item_does_not_restart_the_list() -> None:
    text = "一负责全区档案统一管理\n二指导各街道档案工作\n三承办交办事项\n"
    assert [(m.n, m.start) for m in find_markers(text)] == [(1, 0), (2, 12), (3, 23)]


def test_lines_that_kept_their_punctuation_have_no_bare_markers() -> None:
    # prose opening lines with numbers (`一般…`, `二是…`) is no list when its marks are there
    text = "一般情况下，由科长负责。\n二级单位应当配合；\n三季度完成检查。\n"
    assert find_markers(text) == []


def test_two_bare_numbers_are_no_list() -> None:
    assert find_markers("一负责收集资料\n二负责保管资料\n") == []


def test_duty_paragraphs_run_into_one_line() -> None:
    # a page of unnumbered duty paragraphs copied with its line breaks lost
    paras = ["负责全镇安全生产工作的综合监督管理，组织开展安全检查。",
             "负责辖区内消防安全的日常巡查；指导村居做好隐患排查。",
             "承担应急预案的编制和演练组织工作。",
             "协调处理突发事件的先期处置工作。",
             "负责组织全镇安全生产宣传教育和培训工作，普及安全知识。",
             "完成镇党委镇政府交办的其他工作任务。"]
    found = duties("".join(paras))
    assert [t for _, t in found] == [
        "负责全镇安全生产工作的综合监督管理，组织开展安全检查", "负责辖区内消防安全的日常巡查",
        "指导村居做好隐患排查", "承担应急预案的编制和演练组织工作", "协调处理突发事件的先期处置工作",
        "负责组织全镇安全生产宣传教育和培训工作，普及安全知识", "完成镇党委镇政府交办的其他工作任务"]


def test_a_report_paragraph_is_no_duty_list() -> None:
    text = ("今年以来，全镇经济运行总体平稳，财政收入稳步增长。各村积极开展环境整治，"
            "群众满意度明显提高。下一步，我们将继续加大工作力度，推动各项任务落实落细。")
    assert duties(text) == []


def test_second_heading_run_on_after_a_list_keeps_its_own_list() -> None:
    # a page copied with its line breaks lost: the second heading follows the last item directly
    text = ("区档案局主要职责（一）负责全区档案工作的统筹规划。（二）指导各单位档案业务。"
            "区档案局内设机构（一）办公室负责机关日常运转。（二）业务科负责档案业务指导。")
    assert duties(text) == [("区档案局", "负责全区档案工作的统筹规划"), ("区档案局", "指导各单位档案业务"),
                            ("办公室", "负责机关日常运转"), ("业务科", "负责档案业务指导")]


def test_one_sentence_duties_of_articles_run_together() -> None:
    # 处务规程 articles copied with their line breaks lost: each article still opens a duty
    text = ("第 1 条 本规程依组织条例订定之。第 2 条 秘书室掌理本局文书事项。"
            "第 3 条 会计室掌理本局岁计及会计事项。")
    assert duties(text) == [("秘书室", "掌理本局文书事项"), ("会计室", "掌理本局岁计及会计事项")]
