"""A web page's info lines go by their shape (label:value pairs of stamps, counters, widgets,
file data); content lines that look a bit like them stay."""

from __future__ import annotations

import pytest

from gongwen.normalize import normalize
from gongwen.normalize.page_info import classify

BODY = "会议每月召开一次,由书记召集并主持。"


@pytest.mark.parametrize("source", [
    # one field a line, values on the next line
    f"某某标题\n发布日期:\n2026-01-05\n09:30\n阅读次数:次\n稿件来源:\n某某日报社\n{BODY}",
    f"某某标题\n来源:\n某某局\n发布时间:\n2026-01-05 09:30\n浏览次数:\n12\n{BODY}",
    # one line of pairs, with a widget, a site name before, buttons after
    f"某某标题\n时间:2026-01-05     分享到:\n{BODY}",
    f"某某标题\n某某网 人气:2.5K\n{BODY}",
    f"某某标题\n作者:管理员  ( 发表时间:2026-01-05   阅读人次:88 )\n{BODY}",
    f"某某标题\n投稿人:某某 发布时间:2026/1/5 会员投稿 申请VIP\n{BODY}",
    f"某某标题\n编辑: 某某某 2026-01-05\n{BODY}",
    f"某某标题\n【字体：大 中 小】【打印本页】【关闭窗口】\n{BODY}",
    f"某某标题\n{BODY}\n【责任编辑：某某】",
    # a sharing site's file data
    f"某某标题\nID:12345678\n\n大小:15.20 KB\n\n页数:3页\n\n时间:2026-01-05\n{BODY}",
    f"某某标题\n资源ID:54321\n资源大小:20.5KB\n- 资源格式: DOCX\n下载积分:3金币\n{BODY}",
    f"某某标题\n文档格式：DOC | 页数：5 | 浏览次数：23 | 上传日期：2026-01-05 10:11:12 | 文档星级：\n{BODY}",
])
def test_info_lines_go(source: str) -> None:
    assert normalize(source).text == f"某某标题\n{BODY}"


def test_pairs_opening_a_text_line_go_and_the_text_stays() -> None:
    text = normalize(f"发布时间:2026-01-05 字体:[ 大 中 小 ]{BODY}").text
    assert text == BODY
    text = normalize("来源:某某网 日期:2026-01-05 10:002025年,全区发展党员50名,其中女党员20名。").text
    assert text == "2025年,全区发展党员50名,其中女党员20名。"


def test_a_stamp_inside_a_line_goes_with_the_domain_before_it() -> None:
    text = normalize("某某项目绩效目标表某某局 www.example.gov.cn 发布时间:2026-01-05 10:202026年项目绩效目标表").text
    assert text == "某某项目绩效目标表某某局\n2026年项目绩效目标表"


@pytest.mark.parametrize("source", [
    "来源:某某日报\n" + BODY,  # a source line alone proves nothing
    "填表人: 某某 联系电话:0000000 填报日期: 单位负责人签字:",  # a form's fields
    "时间:\n地点:\n会议室",  # a form's empty fields
    "会议时间:2026-01-05\n会议地点:三楼会议室",  # labels of the text's own
    "某某县人民政府\n2026年1月5日",  # a signature date
    "三、会议时间:会议至少每月召开一次。",
    "时间:2026-01-05 地点:三楼会议室",  # minutes: the text's own fields
    "时间:2026-01-05 上午召开全体会议,研究年度工作。",
    "来源:某某日报 作者:某某 本报讯,全县召开工作会议。",  # source pairs alone prove nothing
    "审核:某某 填表人:某某",  # a form's signature row
])
def test_content_stays(source: str) -> None:
    # nothing is removed (a label heading may end its line: 三、会议时间:\n会议至少…)
    text = normalize(source).text
    assert text == source or text.replace(":\n", ":") == source


def test_the_lines_around_a_removed_info_line_are_not_joined() -> None:
    title = "2026年某某乡配套设施建设项目支出绩效目标审批表"
    text = normalize(f"{title}\n日期:2026-01-05\n{title}(2026年度)").text
    assert text == f"{title}\n{title}(2026年度)"


def test_classify_tells_an_empty_label_from_a_chrome_line() -> None:
    assert classify("信息来源:").kind == "who"
    assert classify("信息来源:").empty_end == "who"
    assert classify("浏览次数:35").chrome
    assert classify("来源:某某日报").kind == "who"
    assert not classify("来源:某某日报").chrome
