"""A duty-list title right above its own 一、主要职责 / 二、内设机构 sections: the sections are
no duties of the title.

(Found when the page's info line between the title and section 一、 was removed.)
"""

from __future__ import annotations

from gongwen.process import process_text


def test_sections_under_a_duty_title_are_not_its_duties() -> None:
    text = ("某县统计局主要职责和内设机构\n"
            "一、主要职责\n"
            "负责全县统计调查工作;完成县政府交办的其他任务。\n"
            "二、内设机构\n"
            "某县统计局设下列内设机构:\n"
            "(一)办公室。负责机关日常运转工作。\n"
            "(二)综合股。负责统计数据汇总工作。")
    duties = [d.text for d in process_text(text).duties]
    assert "内设机构" not in duties
    assert not any(d.startswith("主要职责") for d in duties)
    assert any(d.startswith("负责全县统计调查工作") for d in duties)
