"""The outline (gongwen.structure) on documents written for these tests, in the style of
the real ones: every marker style, headings vs items, restarted numbering, run-in
headings, label-sentence series, compilations, Taiwan law headers, tables."""

from __future__ import annotations

import pytest

from gongwen.structure import outline


def tree(text: str, doc_type: str | None = None, **kw) -> list[tuple[int, str, str]]:
    sections, _ = outline(text, doc_type=doc_type, **kw)
    return [(s.level, s.number, s.title) for s in sections]


LONG = "坚持问题导向，细化工作措施，明确责任分工，确保各项任务按期完成并取得实效。"

MARKER_CASES = [
    # (text, expected outline)
    ("第一章 总则\n第一条 为规范议事程序，制定本规则。\n第二条 本规则适用于全体会议。\n第二章 会议\n第三条 会议每月举行一次。",
     [(1, "第一章", "总则"), (2, "第一条", "第一条"), (2, "第二条", "第二条"), (1, "第二章", "会议"), (2, "第三条", "第三条")]),
    ("第 一 章 总 则\n第 1 条\n本会为处理内部分工，特订定本规程。\n第 5-1 条\n本会设下列单位。",
     [(1, "第一章", "总则"), (2, "第1条", "第1条"), (2, "第5-1条", "第5-1条")]),
    ("## 第二章\u3000会议的举行\n第四条 会议由主任召集。\n## 第三章\u3000附则\n第五条 本规则自公布之日起施行。",
     [(1, "第二章", "会议的举行"), (2, "第四条", "第四条"), (1, "第三章", "附则"), (2, "第五条", "第五条")]),
    ("第一节 一般规定\n第一条 本细则所称会议为全体会议。\n第二节 议程\n第二条 议程由秘书处拟定。",
     [(1, "第一节", "一般规定"), (2, "第一条", "第一条"), (1, "第二节", "议程"), (2, "第二条", "第二条")]),
    (f"一、总体要求\n{LONG}\n二、主要任务\n{LONG}", [(1, "一、", "总体要求"), (1, "二、", "主要任务")]),
    (f"（一）组织建设\n{LONG}\n（二）队伍建设\n{LONG}", [(1, "（一）", "组织建设"), (1, "（二）", "队伍建设")]),
    (f"(一)组织建设\n{LONG}\n(二)队伍建设\n{LONG}", [(1, "(一)", "组织建设"), (1, "(二)", "队伍建设")]),
    (f"1、议事范围：\n{LONG}\n2、会议程序：\n{LONG}", [(1, "1、", "议事范围"), (1, "2、", "会议程序")]),
    (f"1. 秘书科\n{LONG}\n2. 财务科\n{LONG}", [(1, "1.", "秘书科"), (1, "2.", "财务科")]),
    (f"1．综合协调\n{LONG}\n2．督促检查\n{LONG}", [(1, "1．", "综合协调"), (1, "2．", "督促检查")]),
    (f"（1）学习制度\n{LONG}\n（2）考勤制度\n{LONG}", [(1, "（1）", "学习制度"), (1, "（2）", "考勤制度")]),
    (f"①组织保障\n{LONG}\n②经费保障\n{LONG}", [(1, "①", "组织保障"), (1, "②", "经费保障")]),
    (f"【概况】 2015年，县委组织部{LONG}\n【干部工作】 年内，{LONG}", [(1, "【】", "概况"), (1, "【】", "干部工作")]),
    (f"〔概况〕 2020年，县委宣传部{LONG}\n〔新闻宣传〕 全年{LONG}", [(1, "〔〕", "概况"), (1, "〔〕", "新闻宣传")]),
    (f"壹、施政回顾\n{LONG}\n贰、未来展望\n{LONG}", [(1, "壹、", "施政回顾"), (1, "贰、", "未来展望")]),
    (f"第一部分　上半年工作完成情况\n一、就业工作\n{LONG}\n第二部分　下半年工作计划\n一、稳就业\n{LONG}",
     [(1, "第一部分", "上半年工作完成情况"), (2, "一、", "就业工作"), (1, "第二部分", "下半年工作计划"), (2, "一、", "稳就业")]),
    # the pieces of a compilation as sharing sites write them
    (f"篇一：机关党建材料\n一、主要做法\n{LONG}\n篇二：社区党建材料\n{LONG}",
     [(1, "篇一", "机关党建材料"), (2, "一、", "主要做法"), (1, "篇二", "社区党建材料")]),
    (f"【篇一】机关党建材料\n{LONG}\n【篇二】社区党建材料\n{LONG}",
     [(1, "【篇一】", "机关党建材料"), (1, "【篇二】", "社区党建材料")]),
    (f"【第一篇】机关党建材料\n{LONG}\n【第二篇】社区党建材料\n{LONG}",
     [(1, "【第一篇】", "机关党建材料"), (1, "【第二篇】", "社区党建材料")]),
]


@pytest.mark.parametrize("text,expected", MARKER_CASES)
def test_marker_styles(text: str, expected: list) -> None:
    assert tree(text) == expected


ITEM_CASES = [
    # numbered units that are content (duties, rules) are items, not headings
    ("（一）镇党委职责\n镇党委是全镇的领导核心。其职责是：\n1、对全镇的重大问题作出决策。\n2、向镇人大推荐重要干部。\n3、领导全镇的工作。",
     "work_rules", [(1, "（一）", "镇党委职责")]),
    # a colon heading that opens a list is a heading; its rule siblings stay items
    ("（一）全体会议制度\n1、议事范围：(1)审议年度工作计划。(2)讨论重大事项。\n2、全体会议每年至少召开两次。\n3、会议必须有三分之二以上委员到会方能进行。",
     "work_rules", [(1, "（一）", "全体会议制度"), (2, "1、", "议事范围")]),
    # lead sentences head the paragraphs of a report …
    (f"一、主要做法\n1、坚持以人为本，抓能力建设。{LONG}\n2、坚持公道正派，抓作风建设。{LONG}\n3、突出规范运作，抓制度建设。{LONG}",
     "experience_report",
     [(1, "一、", "主要做法"), (2, "1、", "坚持以人为本，抓能力建设"), (2, "2、", "坚持公道正派，抓作风建设"),
      (2, "3、", "突出规范运作，抓制度建设")]),
    # … and a sibling that is its lead sentence alone, before its own sub-items, heads too
    (f"二、主要做法\n（一）压实责任，构建攻坚体系。{LONG}\n（二）精准施策，推动政策落地。\n1、产业扶贫。{LONG}\n"
     f"2、就业扶贫。{LONG}\n（三）强化保障，凝聚攻坚合力。{LONG}",
     "experience_report",
     [(1, "二、", "主要做法"), (2, "（一）", "压实责任，构建攻坚体系"), (2, "（二）", "精准施策，推动政策落地"),
      (3, "1、", "产业扶贫"), (3, "2、", "就业扶贫"), (2, "（三）", "强化保障，凝聚攻坚合力")]),
    # … but a list of one-sentence items with two longer ones is still a list
    (f"一、工作成效\n1、完成培训任务。\n2、完成调研任务。\n3、完成考核任务。\n4、完成宣传任务。{LONG}\n5、完成信息任务。{LONG}",
     "experience_report", [(1, "一、", "工作成效")]),
    # … but in rules, the same shape is a list of rules
    (f"一、工作制度\n1、实行签到制度。{LONG}\n2、实行值班制度。{LONG}\n3、实行督办制度。{LONG}",
     "work_rules", [(1, "一、", "工作制度")]),
    # a series whose units open with an internal unit's name: the name heads each unit
    ("内设机构\n(一)人秘股负责本部机要、秘书、文印工作;负责本部的信息、会务工作。\n(二)组织股主管党员的管理和发展工作;负责党费管理工作。\n(三)干部监督股负责干部监督工作的综合协调。",
     "duty_list", [(1, "", "内设机构"), (2, "(一)", "人秘股"), (2, "(二)", "组织股"), (2, "(三)", "干部监督股")]),
    # items inside an article are never headings
    ("第一条 本会设下列单位：\n一、秘书室。\n二、会计室。\n第二条 秘书室掌理事项如下：\n一、文书处理。\n二、印信典守。",
     "duty_list", [(1, "第一条", "第一条"), (1, "第二条", "第二条")]),
]


@pytest.mark.parametrize("text,doc_type,expected", ITEM_CASES)
def test_heading_or_item(text: str, doc_type: str, expected: list) -> None:
    assert tree(text, doc_type) == expected


NESTING_CASES = [
    # a report that starts at (一) has (一) at level 1; 1、 nests under it and restarts
    (f"（一）组织建设\n1、支部建设\n{LONG}\n2、党员管理\n{LONG}\n（二）队伍建设\n1、教育培训\n{LONG}",
     [(1, "（一）", "组织建设"), (2, "1、", "支部建设"), (2, "2、", "党员管理"), (1, "（二）", "队伍建设"),
      (2, "1、", "教育培训")]),
    # 一、 right under 一、 opens a deeper level; 二、 after 三、 returns to the outer series
    (f"一、信息的重要性\n一、信息是窗口。{LONG}\n二、信息是眼睛。{LONG}\n三、信息是助推剂。{LONG}\n二、撰写心得\n{LONG}",
     [(1, "一、", "信息的重要性"), (2, "一、", "信息是窗口"), (2, "二、", "信息是眼睛"), (2, "三、", "信息是助推剂"),
      (1, "二、", "撰写心得")]),
    # a colon label groups the numbered headings after it
    (f"二、撰写心得\n从信息员的角度来说有两点：\n一、认真开展业务工作。{LONG}\n二、不断加强自身学习。{LONG}\n"
     f"从信息本身来说有两点：\n一、写好标题。{LONG}\n二、安排好结构。{LONG}\n三、几点建议\n{LONG}",
     [(1, "二、", "撰写心得"), (2, "", "从信息员的角度来说有两点"), (3, "一、", "认真开展业务工作"),
      (3, "二、", "不断加强自身学习"), (2, "", "从信息本身来说有两点"), (3, "一、", "写好标题"), (3, "二、", "安排好结构"),
      (1, "三、", "几点建议")]),
    # 一是 series that start again after content are new series beside the old ones
    (f"（一）扩大内需\n一是稳定消费。{LONG}\n二是扩大投资。{LONG}\n（二）深化改革\n一是优化环境。{LONG}\n二是激发活力。{LONG}",
     [(1, "（一）", "扩大内需"), (2, "一是", "稳定消费"), (2, "二是", "扩大投资"), (1, "（二）", "深化改革"),
      (2, "一是", "优化环境"), (2, "二是", "激发活力")]),
]


@pytest.mark.parametrize("text,expected", NESTING_CASES)
def test_levels_follow_the_document(text: str, expected: list) -> None:
    assert tree(text, "experience_report") == expected


UNNUMBERED_CASES = [
    # run-in headings after a bracket heading and at paragraph starts
    (f"【基层组织建设】 年内，工委{LONG}\n村居整治工作 2012年11月，工委召开动员会，{LONG}\n班子整治 2月，按照比例{LONG}",
     [(1, "【】", "基层组织建设"), (2, "", "村居整治工作"), (2, "", "班子整治")]),
    (f"【干部队伍建设】 选拔任用 按照要求，{LONG}\n公开考录 根据编制，{LONG}",
     [(1, "【】", "干部队伍建设"), (2, "", "选拔任用"), (2, "", "公开考录")]),
    # a series of label sentences opening paragraphs; one alone is prose
    (f"工作机制建设 报酬考核机制。2月，工委印发意见，{LONG}\n会议机制。明确规定各村每周召开一次会议，{LONG}\n月报机制。自4月起，{LONG}",
     [(1, "", "工作机制建设"), (2, "", "报酬考核机制"), (2, "", "会议机制"), (2, "", "月报机制")]),
    (f"加大人才工作力度。{LONG}\n{LONG}", []),
    # stand-alone label lines before content; a label right after a heading is its subtitle
    (f"主要职责\n{LONG}\n内设机构\n{LONG}", [(1, "", "主要职责"), (1, "", "内设机构")]),
    (f"一、创新干部管理机制\n打造干部队伍品牌\n{LONG}", [(1, "一、", "创新干部管理机制")]),
    # a colon label before a numbered list, and a label over a list of names
    (f"机构设置及职能：\n1. 秘书处\n{LONG}\n2. 人事处\n{LONG}\n负责人\n主    任    张三\n副主任\u3000\u3000李四",
     [(1, "", "机构设置及职能"), (2, "1.", "秘书处"), (2, "2.", "人事处"), (1, "", "负责人")]),
    # salutations are not headings
    (f"各位领导：\n{LONG}", []),
]


@pytest.mark.parametrize("text,expected", UNNUMBERED_CASES)
def test_unnumbered_headings(text: str, expected: list) -> None:
    assert tree(text, "yearbook") == expected


def test_compilation_pieces_are_level_one() -> None:
    text = (f"第一篇：品牌经验交流\n各位领导：\n{LONG}\n一、创新管理机制\n{LONG}\n二、建立帮扶机制\n{LONG}\n"
            f"第二篇：原创经验交流材料\n{LONG}")
    assert tree(text, "experience_report") == [
        (1, "第一篇", "品牌经验交流"), (2, "一、", "创新管理机制"), (2, "二、", "建立帮扶机制"),
        (1, "第二篇", "原创经验交流材料")]


def test_inline_compilation_piece_and_sharing_site_layout() -> None:
    # texts from sharing sites run a whole chapter into one line
    text = ("一、职责 (一)镇党委职责 镇党委是全镇的领导核心。其职责是： 1、对全镇的重大问题作出决策。 2、领导全镇的工作。"
            " (二)委员会职责 委员会执行上级的决议。 二、会议制度 (一)全委会会议制度 1、议事范围：(1)学习。(2)讨论。"
            " 篇2:镇政府办公室工作规章 工作规章 办公室工作要在镇长领导下开展，树立无小事的意识。 1、实行签到制度。")
    assert tree(text, "work_rules") == [
        (1, "一、", "职责"), (2, "(一)", "镇党委职责"), (2, "(二)", "委员会职责"), (1, "二、", "会议制度"),
        (2, "(一)", "全委会会议制度"), (3, "1、", "议事范围"), (1, "篇2", "镇政府办公室工作规章")]


def test_taiwan_law_header_and_history_are_not_outline() -> None:
    text = ("法规名称：某某委员会会议规则\n最新异动日期：20200616\n法规类别：行政＞某某委员会\n沿革内容：\n"
            "1.中华民国三十七年六月十五日某某委员会第二次会议通过施行\n"
            "2.中华民国一百零九年六月十六日某某委员会令修正发布第 2、3  条条文\n\n"
            "第 1 条\n本规则依组织法订定之。\n第 2 条\n会议每月举行一次。\n第 2-1 条\n会议由主任委员召集。")
    assert tree(text) == [(1, "第1条", "第1条"), (1, "第2条", "第2条"), (1, "第2-1条", "第2-1条")]


def test_lawrefbook_preamble_is_not_outline() -> None:
    text = ("# 某省乡镇人民代表大会工作若干规定\n\n1995年6月14日 某省第八届人民代表大会常务委员会第十五次会议通过\n\n"
            "2015年12月3日 某省第十二届人民代表大会常务委员会第十七次会议第二次修正\n\n"
            "第一条 为了规范乡镇人民代表大会的工作，制定本规定。\n\n（一）会议日程；\n\n第二条 本规定自公布之日起施行。")
    assert tree(text) == [(1, "第一条", "第一条"), (1, "第二条", "第二条")]


def test_tables_have_no_sections() -> None:
    text = "\t一、人员经费\n\t100\n\n\t二、公用经费\n\t50\n\n一、项目说明\n" + LONG
    assert tree(text) == [(1, "一、", "项目说明")]


def test_title_line_is_not_a_section() -> None:
    text = f"组织工作\n【概况】 2013年，{LONG}"
    assert tree(text, title_span=(0, 4)) == [(1, "【】", "概况")]


def test_extents_ids_and_parents() -> None:
    text = f"一、职责\n{LONG}\n（一）区委职责\n{LONG}\n二、会议\n{LONG}"
    sections, _ = outline(text)
    s1, s2, s3 = sections
    assert (s1.id, s1.parent, s2.parent, s3.parent) == ("s1", None, "s1", None)
    assert text[s1.start:].startswith("一、职责") and s1.end == s3.start == text.index("二、会议")
    assert text[s2.start:s2.end].startswith("（一）区委职责") and s2.end == s3.start
    assert s3.end == len(text)


def test_broken_numbering_is_reported() -> None:
    text = f"一、总体要求\n{LONG}\n三、保障措施\n{LONG}"
    sections, warnings = outline(text)
    assert [s.level for s in sections] == [1, 1]
    assert warnings and "三、保障措施" in warnings[0]


def test_stray_number_inside_a_sentence_is_not_a_heading() -> None:
    text = f"一、工作安排\n全年召开会议，分别在 3、6月进行。{LONG}"
    assert tree(text) == [(1, "一、", "工作安排")]


@pytest.mark.parametrize("sentence,heading", [
    ("坚持以人为本，抓队伍建设", True),
    ("强化责任落实，提升服务质量", True),
    ("常委会会议由书记召集并主持", False),
    ("委员因故不能参加会议，应在会前请假", False),
])
def test_lead_classifier(sentence: str, heading: bool) -> None:
    from gongwen.structure.classifier import lead_scorer

    score = lead_scorer()
    if score is None:
        pytest.skip("models/heading_lead.json is missing (python -m gongwen.structure.train)")
    assert (score([sentence])[0] > 0.5) == heading


def test_outline_runs_on_rules_alone_without_the_model(monkeypatch) -> None:
    from pathlib import Path

    from gongwen.structure import classifier

    monkeypatch.setattr(classifier, "MODEL_PATH", Path("/nonexistent/heading_lead.json"))
    assert classifier.lead_scorer() is None
    text = f"一、主要做法\n1、坚持以人为本，抓能力建设。{LONG}\n2、坚持公道正派，抓作风建设。{LONG}"
    assert len(tree(text, "experience_report")) == 3


@pytest.mark.parametrize("text,value", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零一", 101), ("三百", 300),
    ("叁", 3), ("拾贰", 12), ("5", 5), ("5-1", 5), ("③", 3), ("甲", None),
])
def test_ordinals(text: str, value: int | None) -> None:
    from gongwen.structure.markers import ordinal

    assert ordinal(text) == value


@pytest.mark.parametrize("text", ["", "   \n\n", "\t项目\n\t金额\n", "。。。\n：：", "第\n篇\n【】"])
def test_degenerate_text_gives_an_empty_outline(text: str) -> None:
    assert outline(text) == ([], [])
