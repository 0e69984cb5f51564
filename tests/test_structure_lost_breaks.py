"""Texts copied out of a page's single paragraph: every line break lost."""

from __future__ import annotations

from gongwen.structure import outline
from gongwen.structure.classifier import lead_scorer

#: Articles of a rule written for this test, all on one line, no mark after the article numbers.
ARTICLES = "".join(
    f"第{n}条{body}。" for n, body in zip("一二三四五六七八", [
        "为规范本委员会的议事活动提高决策效率根据有关规定制定本规则",
        "主任会议由主任副主任和秘书长组成必要时可请有关部门负责人列席",
        "主任会议一般每月举行一次遇有特殊情况可由主任临时召集",
        "会议议题由办公室汇总后报主任确定并于会前送达组成人员",
        "会议须有过半数组成人员出席方可举行决定事项以组成人员过半数同意通过",
        "会议决定的事项由办公室负责督办落实并将办理情况及时向主任会议报告",
        "会议应当制作会议纪要由秘书长审核后印发组成人员和有关单位存档备查",
        "本规则自印发之日起施行以前的有关规定与本规则不一致的以本规则为准",
    ], strict=True))
ALL = ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条"]


def test_articles_run_in_after_the_sentence_before_them() -> None:
    sections, _ = outline("区人大常委会主任会议议事规则" + ARTICLES, doc_type="work_rules")
    assert [s.title for s in sections] == ALL


def test_a_reference_to_an_article_in_running_text_is_no_heading() -> None:
    text = ARTICLES.replace("本规则自印发之日起施行", "依照第二条规定本规则自印发之日起施行")
    sections, _ = outline(text, doc_type="work_rules")
    assert len(sections) == len(ALL)


def test_a_title_span_holding_the_whole_text_does_not_hide_its_headings() -> None:
    sections, _ = outline(ARTICLES, doc_type="work_rules", title_span=(0, len(ARTICLES)))
    assert len(sections) == len(ALL)
    short = "议事规则\n" + ARTICLES
    sections, _ = outline(short, doc_type="work_rules", title_span=(0, 4))
    assert len(sections) == len(ALL)


def test_a_law_header_run_into_its_articles_ends_at_the_first_article() -> None:
    header = ("法规名称：某某委员会会议规则修正日期：20190301沿革内容：1.某年某月某日委员会会议通过"
              "2.某年某月某日修正第 3 条条文并修正第 2 章标题")
    sections, _ = outline(header + ARTICLES.replace("第", "第 ").replace("条", " 条"), doc_type="work_rules")
    assert [s.title for s in sections] == ALL
    assert all(s.parent is None for s in sections)  # no chapter of the history holds them


#: Points of a rule run into one paragraph, each title running on into its text.
POINTS = ("乡镇人大主席团会议制度一、会议时间主席团会议原则上每月召开一次，由主席召集并主持。"
          "二、参加人员主席团全体成员出席会议，必要时可邀请有关人员列席。"
          "三、议事范围主席团会议研究本级人大闭会期间的重要工作，听取有关情况的汇报，"
          "讨论决定代表活动的安排和其他需要集体研究的重要事项。"
          "四、会议纪律参加会议的人员应当遵守会议纪律，不得泄露尚未公开的讨论内容，确需请假的应事先说明。"
          "五、决定事项的落实程序会议决定的事项由主席团成员按照分工负责落实，"
          "办公室跟踪督办并在下次会议上报告落实情况，对落实不力的要说明原因，情节严重的按有关规定处理。")


def test_points_whose_titles_run_on_are_cut_at_their_head_noun() -> None:
    sections, _ = outline(POINTS, doc_type="work_rules")
    assert [s.title for s in sections] == ["参加人员", "议事范围", "会议纪律", "决定事项的落实程序"]


def test_with_its_breaks_a_point_is_read_as_before() -> None:
    text = POINTS.replace("一、", "\n一、").replace("二、", "\n二、").replace("三、", "\n三、").replace("四、", "\n四、")
    sections, _ = outline(text, doc_type="work_rules")
    assert "会议时间" not in [s.title for s in sections]  # a short line is no longer a paragraph that lost its breaks


#: Entries of a yearbook written for this test, run into one paragraph.
ENTRY = ("宣传工作【概况】 全年围绕中心工作开展宣传，组织各类宣讲活动，覆盖全区机关、企业和社区，"
         "群众知晓率明显提高，舆论氛围积极向上。【理论学习】 年内，区委理论学习中心组集中学习十二次，"
         "专题研讨四次，各级党组织开展学习活动，形成调研报告多篇。专题宣讲 3月，组建基层宣讲队伍，"
         "深入村居、企业开展宣讲，全年宣讲一百余场次，受众两万余人次，群众反响良好。"
         "网络宣传 年内，开通政务新媒体账号，发布信息千余条，阅读量持续增长，影响力不断扩大。")


def test_yearbook_entries_run_together_keep_their_brackets_and_run_in_labels() -> None:
    text = ENTRY * 5  # a page of entries
    titles = [s.title for s in outline(text, doc_type="yearbook")[0]]
    assert titles[:4] == ["概况", "理论学习", "专题宣讲", "网络宣传"]


def test_a_long_paragraph_of_its_own_has_no_run_in_labels_inside() -> None:
    text = "宣传工作\n" + ENTRY.replace("【概况】 ", "").replace("【理论学习】 ", "")
    assert len(text) < 4 * 250
    assert [s.title for s in outline(text, doc_type="yearbook")[0]] == ["宣传工作"]


def test_a_chapter_run_in_is_kept_when_its_first_article_follows_its_title() -> None:
    text = "某某网站首页_资讯频道第三章,会议制度" + ARTICLES
    sections, _ = outline(text, doc_type="work_rules")
    assert [(s.level, s.title) for s in sections][:2] == [(1, "会议制度"), (2, "第一条")]
    reference = "依照第三章的规定执行" + ARTICLES  # a chapter named in running text
    assert [s.level for s in outline(reference, doc_type="work_rules")[0]] == [1] * len(ALL)


def _filler(topic: str, n: int) -> str:
    """Prose of ``n`` sentences about ``topic``, written for these tests."""
    return "".join(f"围绕{topic}开展第{k}轮专题调研，形成的意见建议及时报送有关部门并跟踪落实。" for k in range(1, n + 1))


#: A report whose unnumbered label paragraphs (``组织协调能力。``) lost their line breaks.
LABELS = ["调查研究能力", "统筹协调能力", "改革攻坚能力"]
RUN_ON_LABELS = ("关于提升干部本领的汇报" + _filler("干部本领", 6)
                 + "".join(f"{label}。" + _filler(label, 5) for label in LABELS))


def test_label_sentences_run_in_after_full_stops_are_headings() -> None:
    sections, _ = outline(RUN_ON_LABELS, doc_type="work_report")
    assert [s.title for s in sections] == LABELS
    assert len({s.level for s in sections}) == 1


def test_a_lone_short_sentence_in_run_on_prose_is_no_heading() -> None:
    # one label sentence alone is as likely a statement: no sibling shares its ending
    text = "关于提升干部本领的汇报" + _filler("干部本领", 6) + "调查研究能力。" + _filler("调研", 12)
    sections, _ = outline(text, doc_type="work_report")
    assert sections == []


def test_short_sentences_with_different_endings_are_no_series() -> None:
    text = ("关于提升干部本领的汇报" + _filler("干部本领", 6) + "工作成效明显。" + _filler("调研", 6)
            + "群众普遍满意。" + _filler("服务", 6))
    sections, _ = outline(text, doc_type="work_report")
    assert sections == []


def test_the_first_label_may_follow_its_parents_run_in_title() -> None:
    # a run-in heading, a blank, then its first label: the break after the heading was lost too
    text = ("区委组织部年度工作" + _filler("组织工作", 6) + "完善基层工作机制 干部报酬发放机制。" + _filler("报酬", 5)
            + "基层组织会议机制。" + _filler("会议", 5))
    sections, _ = outline(text, doc_type="work_report")
    titles = [s.title for s in sections]
    assert titles[-2:] == ["干部报酬发放机制", "基层组织会议机制"]
    assert "完善基层工作机制" in titles
    parent = {s.id: s.title for s in sections}
    assert all(parent.get(s.parent) == "完善基层工作机制" for s in sections[-2:])


def test_label_sentences_in_short_paragraphs_are_left_to_the_paragraph_rules() -> None:
    # a text that kept its line breaks: a short sentence inside a normal paragraph stays prose
    text = "\n".join(["关于提升干部本领的汇报", _filler("干部本领", 2) + "调查研究能力。" + _filler("调研", 1),
                      _filler("协调", 1) + "统筹协调能力。" + _filler("统筹", 1)])
    sections, _ = outline(text, doc_type="work_report", title_span=(0, 11))
    assert sections == []


#: Points of a report whose names ran on into their text after the normalizer broke the
#: lines again at their markers: the lines are short, the document lost its breaks all the same.
RUN_ON_POINTS = ("关于打造组工品牌的汇报" + _filler("组工品牌", 13) + "\n"
                 "一、创新干部管理、考核、激励机制打造奋发有为的干部队伍" + _filler("干部队伍", 2) + "\n"
                 "二、建立老党员关怀帮扶长效机制打造互帮互助的党员关爱品牌" + _filler("党员关爱", 2))


def test_point_names_that_ran_on_end_at_their_head_noun_in_a_text_that_lost_its_breaks() -> None:
    sections, _ = outline(RUN_ON_POINTS, doc_type="work_report")
    assert [s.title for s in sections] == ["创新干部管理、考核、激励机制", "建立老党员关怀帮扶长效机制"]


def test_in_a_text_that_kept_its_breaks_a_short_point_line_is_not_cut() -> None:
    # no line holds more sentences than a paragraph does: nothing says the breaks were lost
    text = RUN_ON_POINTS.replace(_filler("组工品牌", 13), _filler("组工品牌", 2))
    titles = [s.title for s in outline(text, doc_type="work_report")[0]]
    assert "建立老党员关怀帮扶长效机制" not in titles


def test_a_clause_ending_in_a_copula_before_its_list_names_no_topic() -> None:
    # the normalizer starts a line at a short label leading into a list after a sentence end
    items = "1、对本区的重大问题作出决策。\n2、通过法定程序使决定成为全区的共同行动。\n3、向有关机关推荐重要干部。"
    text = "区委工作规则\n区委对全区工作实行全面领导，统筹推进各项事业。\n{}\n" + items
    titles = [s.title for s in outline(text.format("区委的职责主要是："), doc_type="work_rules", title_span=(0, 6))[0]]
    assert "区委的职责主要是" not in titles
    titles = [s.title for s in outline(text.format("区委主要职责："), doc_type="work_rules", title_span=(0, 6))[0]]
    assert "区委主要职责" in titles  # a topic's name before the same list is its heading


#: Articles of a rule whose break after the number was lost, two running into a word that
#: would make the number a reference inside a sentence (written for this test).
CITED_WORDS = ("第 1 条 本规则依本会组织规程订定之。\n"
               "第 2 条中央委员会会议，除另有规定外，依本规则行之。\n"
               "第 3 条中华文化委员会之主席由主任委员担任。\n"
               "第 4 条 会议每月举行一次。\n")


def test_an_article_at_a_line_start_before_a_citing_word_continues_its_articles() -> None:
    titles = [s.title for s in outline(CITED_WORDS, doc_type="work_rules")[0]]
    assert titles == ["第1条", "第2条", "第3条", "第4条"]


def test_a_line_opening_with_a_cited_article_outside_a_series_is_no_article() -> None:
    text = "会议规则\n第 2 条中的规定适用于全体委员，委员应当遵守会议纪律并按时出席。\n其他事项另行规定。"
    assert [s.title for s in outline(text, doc_type="work_rules", title_span=(0, 4))[0]] == []


def test_three_label_sentences_with_different_endings_are_siblings_when_the_classifier_agrees() -> None:
    labels = ["队伍规模稳步扩大", "队伍结构持续优化", "基层组织不断巩固"]
    text = "关于党员队伍建设的报告" + _filler("党员队伍", 6) + "".join(f"{x}。" + _filler(x, 4) for x in labels)
    assert [s.title for s in outline(text, doc_type="work_report", lead_score=lead_scorer())[0]] == labels
    # two such sentences alone may be prose; without the classifier nothing vouches for them
    two = "关于党员队伍建设的报告" + _filler("党员队伍", 6) + "".join(f"{x}。" + _filler(x, 6) for x in labels[:2])
    assert outline(two, doc_type="work_report", lead_score=lead_scorer())[0] == []
    assert outline(text, doc_type="work_report")[0] == []

