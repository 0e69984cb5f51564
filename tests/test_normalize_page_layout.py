"""The printed page's apparatus goes by shape: running heads, page numbers, contents, teasers;
and the page chrome patterns added with it (page thumbnails, <meta> text, data URIs,
breadcrumbs, a comment-button tail)."""

from __future__ import annotations

import pytest

from gongwen.metadata import describe
from gongwen.normalize import normalize

BODY = "第一节 机构设置\n1990年6月,设办公室。"


@pytest.mark.parametrize("source", [
    f"Page 17 - 某某县志\nP. 17\n某\n某县\n志\n某某县志\n{BODY}",  # vertical head and its copy
    f"某\n某县\n志\n某某县志\n{BODY}",  # without the Page line
    f"Page 17 - 某某县志\n{BODY}",
])
def test_running_heads_go(source: str) -> None:
    assert normalize(source).text == BODY


def test_short_lines_that_spell_no_nearby_line_stay() -> None:
    text = "甲\n乙\n丙\n丁\n名单如上。"
    assert normalize(text).text == text


@pytest.mark.parametrize("source", [
    "目录\n第一章 总则 ........ 1\n第二章 职责 ........ 3\n第三章 会议 ........ 5\n第一章 总则\n第一条 为规范议事,制定本规则。",
    "一、职责 二、机构 三、编制\n一、职责\n负责全县工作。\n二、机构\n设办公室。",
])
def test_contents_and_teasers_go(source: str) -> None:
    text = normalize(source).text
    assert not text.startswith(("目录", "第一章 总则 ..", "一、职责 二、"))


def test_table_rows_ending_in_row_numbers_are_no_contents() -> None:
    text = "收入决算表\n一、财政拨款收入 1\n二、上级补助收入 2\n三、事业收入 3\n四、经营收入 4"
    assert normalize(text).text == text


def test_contents_under_a_contents_line_without_dots() -> None:
    text = normalize("目录\n第一章 总则 1\n第二章 职责 3\n第三章 会议 5\n第一章 总则\n第一条 为规范议事,制定本规则。").text
    assert text == "第一章 总则\n第一条 为规范议事,制定本规则。"


def test_a_line_of_headings_not_opened_later_stays() -> None:
    text = "一、提高认识 二、加强领导 三、狠抓落实\n会议要求各单位贯彻执行。"
    assert normalize(text).text == text


@pytest.mark.parametrize("source, expected", [
    ("某某议事规则_第1页\n某某议事规则 _第2页\n" + BODY, BODY),
    ("〈meta name=“ArticleTitle” content=“某某表”〉 〈meta name=“PubDate” content=“2026-01-05”〉\n" + BODY, BODY),
    ('<image>data:image/png;base64,AAAA" alt=""</image>\n' + BODY, BODY),
    ("当前位置:\n某某局 > 其他 > 通知公告\n" + BODY, BODY),
    (BODY + "\n扫一扫在手机打开当前页\n相关解读\n- 全部留言\n- 评论\n- 有用()", BODY),
    ("【www.example.com--报告】\n" + BODY, BODY),
    (BODY + "\n发表评论\n上一篇：某某镇工作总结\n下一篇：某某镇工作计划", BODY),
    ("某某词一_某某词二_某某词三_某某词四\n" + BODY, BODY),
])
def test_page_chrome_patterns(source: str, expected: str) -> None:
    assert normalize(source).text == expected


def test_a_comparison_with_a_greater_sign_stays() -> None:
    text = "甲 > 乙\n指标 >92% 合格\n详情请访问 www.example.gov.cn 查询。\n法规类别：行政＞某某委员会＞组织"
    assert normalize(text).text == text


def test_the_sources_first_line_names_the_place_when_the_text_does_not() -> None:
    source = f"Page 17 - 浙江省安吉县志\n{BODY}"
    meta = describe(normalize(source).text, source)
    assert meta.region == "安吉县"
