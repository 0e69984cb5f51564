"""Texts copied out of a page's single paragraph: every line break lost."""

from __future__ import annotations

from pipeline.structure import outline

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
