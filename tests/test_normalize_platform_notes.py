"""A sharing platform's notes about its own page go; text mentioning a download stays."""

from __future__ import annotations

import pytest

from gongwen.normalize import normalize
from gongwen.normalize.platform_notes import is_platform_note


@pytest.mark.parametrize("line", [
    "亲,本文档共有8页,已经全部预览完毕,喜欢请下载!",
    "全文预览已结束",
    "文档简介",
    "下载后继续阅读",
    "本文共2000字,仅供站内会员学习参考(会员可免费查看全部文档)",
    "2、部分预览的文档不可在线预览,如有问题可申请退款",
    "某某规章制度 VIP免费",
    "版权声明:本文档由用户上传,收益归上传人所有,如有侵权请联系删除",
    "下面是小编为大家整理的某某制度,供大家参考。",
    "2、文件下载后可能被浏览器直接打开,可保存到桌面",
    "新用户请【点此注册】加入会员",
    "制度是指一定的规格。那么你懂得怎么制定制度吗?下面是小编收集整理的某某制度,欢迎阅读,希望大家能够喜欢。",
])
def test_platform_notes(line: str) -> None:
    assert is_platform_note(line)


@pytest.mark.parametrize("line", [
    "群众可免费下载相关表格,到窗口办理。",
    "申请人可登录网站查询办理进度。",
    "正发布全文 35 条",  # a broken line of a law's amendment history
    "负责机关文档管理和档案工作。",
    "发挥商会和会员的资源优势,开展驻点招商。",
])
def test_text_that_mentions_a_platform_word(line: str) -> None:
    assert not is_platform_note(line)


def test_notes_are_removed_and_the_lines_around_stay_apart() -> None:
    title = "2026年某某乡配套设施建设项目支出绩效目标审批表"
    source = f"{title}\n全文预览已结束\n{title}(2026年度)"
    assert normalize(source).text == f"{title}\n{title}(2026年度)"
