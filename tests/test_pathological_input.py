"""Input shaped to defeat the rules: runs of numerals far longer than any figure, comment
openers never closed, markup nested deeper than Python's recursion limit. Each gives the
same record a sane reading gives (the speed is watched by the hostile archive run)."""

from __future__ import annotations

from gongwen.extractors.figures import figures_of
from gongwen.ingest import from_bytes
from gongwen.normalize.markup import remove_markup


def test_a_numeral_run_longer_than_any_figure_is_no_figure() -> None:
    text = "编号" + "1" * 5000 + "万元，另投入资金35万元。" + "一二三四五六七八九十" * 100 + "、"
    figures = figures_of(text)
    assert [f.text for f in figures] == ["35万元"]


def test_figures_next_to_a_long_run_keep_their_offsets() -> None:
    text = "共" + "9" * 200 + "，培训干部1200人次。"
    (fig,) = figures_of(text)
    assert text[fig.start:fig.end] == fig.text == "1200人次"


def test_comments_are_removed_and_an_unclosed_opener_stays_text() -> None:
    text = "甲<!-- 注 -->乙<!--丙" + "<!--" * 1000
    edits = remove_markup(text)
    assert [(e.start, e.end) for e in edits] == [(1, 11)]


def test_markup_nested_past_the_recursion_limit_is_read() -> None:
    page = "<html><body>" + "<div>" * 5000 + "区委工作规则<p>第一条 总则</p>" + "</div>" * 5000 + "</body></html>"
    ingested = from_bytes(page.encode("utf-8"), "deep.html", "html")
    assert ingested.text.split() == ["区委工作规则", "第一条", "总则"]
