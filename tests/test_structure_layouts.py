"""The outline on layouts found by auditing documents the rules were not tuned to:
三定 unit lists (`（一）办公室。负责…`) and lead-in sentences ending in a colon."""

from __future__ import annotations

import pytest

from gongwen.structure import outline


def tree(text: str, doc_type: str | None = None) -> list[tuple[int, str, str]]:
    sections, _ = outline(text, doc_type=doc_type)
    return [(s.level, s.number, s.title) for s in sections]


CASES = [
    ("三定 units set off by 。 are headings of their duties",
     "一、主要职责\n（一）拟订全县林业发展规划并组织实施。\n（二）负责森林资源保护工作。\n"
     "二、内设机构\n根据上述职责，县林业局设2个内设机构：\n"
     "（一）办公室。负责机关日常运转工作；承担文电、会务工作。\n"
     "（二）资源管理股（加挂森林防火办公室牌子）。负责林地管理工作；组织森林资源调查。\n",
     [(1, "一、", "主要职责"), (1, "二、", "内设机构"), (2, "（一）", "办公室"), (2, "（二）", "资源管理股")]),
    ("a sentence leading into its list is no label heading",
     "一、内设机构\n区委宣传部设下列科室：\n（一）理论科：负责理论学习组织工作；承办理论宣讲。\n"
     "（二）新闻科：负责新闻宣传的组织协调工作；联系新闻单位。\n",
     [(1, "一、", "内设机构"), (2, "（一）", "理论科"), (2, "（二）", "新闻科")]),
    ("a label line before its list stays a heading",
     "机构设置及职能：\n1. 秘书处\n负责机关值班安排；负责收文登记。\n2. 财务处\n负责预算编制和执行。\n",
     [(1, "", "机构设置及职能"), (2, "1.", "秘书处"), (2, "2.", "财务处")]),
    ("a numbered sentence leading into sub-items is an item; its sub-labels hang under the point",
     "三、評審會設置規定如下：\n"
     "(一) 本署評審會，置委員十五人，由當然委員五人及票選委員十人，依下列規定組成：\n"
     "1、當然委員產生方式：\n(1) 業務處處長（兼召集人）。\n(2) 人事室主任一人。\n"
     "2、票選委員產生方式：\n(1) 各校票選之候選人互選產生。\n(2) 其餘由本署遴派。\n",
     [(1, "三、", "評審會設置規定如下"), (2, "1、", "當然委員產生方式"), (2, "2、", "票選委員產生方式")]),
    ("parallel label lines under a heading, their content not in the source",
     "伍、各組審查結果\n第1組審查結果\n第2組審查結果\n第3組審查結果\n",
     [(1, "伍、", "各組審查結果"), (2, "", "第1組審查結果"), (2, "", "第2組審查結果"), (2, "", "第3組審查結果")]),
    ("a topic with one clause leading into its list stays a heading",
     "二、岁出编列情形，主要部分陈述如下：\n(一) 教育支出编列300亿元，较上年度增加5亿元。\n"
     "(二) 国防支出编列280亿元，较上年度增加9亿元。\n",
     [(1, "二、", "岁出编列情形，主要部分陈述如下")]),
    ("names listed under a heading share no ending: no headings",
     "陆、出席人员\n张明远\n李建华\n王立新\n",
     [(1, "陆、", "出席人员")]),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_layouts(name: str, text: str, expected: list[tuple[int, str, str]]) -> None:
    assert tree(text, "duty_list") == expected
