"""A rules text titled after its meeting rules the whole text, 一、 sections included.

(Found when page furniture between the title and section 一、 was removed: the
meeting's scope had ended at 一、 and lost every slot.)
"""

from __future__ import annotations

from gongwen.process import process_text


def test_the_title_meeting_takes_the_slots_of_the_sections_below() -> None:
    text = ("某村两委联席会议制度\n"
            "一、参加人员:联席会议成员为村党支部和村委会全体成员。\n"
            "二、会议召集人:会议由村党支部书记召集并主持。\n"
            "三、会议时间:会议至少每月召开一次,必要时随时召开。")
    doc = process_text(text)
    (meeting,) = [m for m in doc.meeting_rules if "联席会议" in m.body]
    assert meeting.frequency is not None and meeting.frequency.per == "month"
    assert meeting.chair == "村党支部书记"
