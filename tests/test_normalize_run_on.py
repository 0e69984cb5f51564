"""Run-on text (line breaks lost): headings, titles and paragraphs start lines again.

Every text here was written for these tests in the style of work rules and reports.
"""

from __future__ import annotations

import json

from gongwen.normalize import normalize
from gongwen.normalize.edits import apply_edits, identity_map
from gongwen.normalize.run_on import break_run_on_lines
from gongwen.process import process_text


def lines_of(text: str) -> list[str]:
    return normalize(text).text.split("\n")


def record(text: str) -> dict:
    return json.loads(process_text(text, path="run_on.txt").to_json())


WORK_RULES = (
    "青禾镇党委会议制度青禾镇党委会议制度一、召开时间原则上每半月召开一次,由镇党委书记召集并主持。"
    "书记不能到会时,可委托副书记召集。二、参加人员党委委员全体出席会议。会议须有半数以上委员到会方能召开,"
    "讨论干部任免须有三分之二以上委员到会。三、议事范围1、研究贯彻上级党委决定的具体措施;"
    "2、讨论全镇经济社会发展中的重大事项。3、研究决定干部推荐和任免事项。四、会议纪律与会人员应遵守保密规定,"
    "不得泄露会议讨论情况。"
)


def test_work_rules_with_their_breaks_lost_get_their_headings_back() -> None:
    lines = lines_of(WORK_RULES)
    assert lines[0] == "青禾镇党委会议制度"
    assert "一、召开时间" in lines
    assert "二、参加人员" in lines
    assert "三、议事范围" in lines
    assert any(x.startswith("2、讨论全镇") for x in lines)
    rec = record(WORK_RULES)
    titles = [s["title"] for s in rec["sections"]]
    assert {"召开时间", "参加人员", "议事范围"} <= set(titles)
    assert rec["title"] == "青禾镇党委会议制度"
    assert any("line breaks were lost" in w for w in rec["warnings"])


REPORT = (
    "河湾县民政局2023年社会救助工作总结2023年,我局坚持兜底保障,各项救助工作平稳推进。"
    "一、社会救助扎实有力1.低保政策落实到位。全县享受城乡低保3120户5410人,发放低保金2150万元。"
    "2.特困供养工作扎实。全县特困人员980人,发放供养金610万元。"
    "二、临时救助及时有效1.简化审批程序。全年实施临时救助1260人次。2.加强部门联动。与医保部门共享信息。"
)


def test_a_report_with_its_lead_sentences_run_together_is_broken_before_each_point() -> None:
    lines = lines_of(REPORT)
    assert lines[0] == "河湾县民政局2023年社会救助工作总结"
    assert lines[1].startswith("2023年,我局")
    assert "一、社会救助扎实有力" in lines
    assert any(x.startswith("2.特困供养工作扎实。") for x in lines)
    assert any(x.startswith("二、临时救助及时有效") for x in lines)
    rec = record(REPORT)
    assert rec["title"] == "河湾县民政局2023年社会救助工作总结"
    numbers = [s["number"] for s in rec["sections"]]
    assert numbers.count("一、") == 1 and numbers.count("二、") == 1


def test_a_title_run_into_the_first_sentence_is_found() -> None:
    text = ("松岭镇“三联三帮”工作法激活基层治理近年来,松岭镇聚焦群众急难愁盼,推行联系、联动、联心工作法,"
            "把矛盾化解在基层。镇党委把全镇划为12个网格,每个网格配备网格员2名,全年走访群众4800户次,"
            "收集意见建议320条,办结率达到96%。各村党组织每月召开一次议事会,商议村里大事。")
    assert lines_of(text)[0] == "松岭镇“三联三帮”工作法激活基层治理"
    assert record(text)["title"] == "松岭镇“三联三帮”工作法激活基层治理"


def test_a_law_header_run_together_is_split_into_its_fields() -> None:
    text = ("法规名称：某某委员会会议规则最新异动日期：20190305法规类别：行政＞某某委员会＞组织目沿革内容：" "1.中华民国一百零八年三月五日发布全文 12 条第 1 条本规则依组织法订定之。"
            "第 2 条本会会议每月召开一次，由主任委员召集之。第 3 条会议须有委员过半数出席始得开会。")
    lines = lines_of(text)
    assert lines[0] == "法规名称：某某委员会会议规则"
    assert "最新异动日期：20190305" in lines
    assert any(x.startswith("第 2 条") for x in lines)
    assert record(text)["title"] == "某某委员会会议规则"


def rebreak(text: str) -> str:
    out, _ = apply_edits(text, identity_map(len(text)), break_run_on_lines(text))
    return out


def test_cited_articles_numbers_and_quotes_are_no_break_points() -> None:
    # one cited article, a decimal, and markers inside a quote: nothing counts on
    text = ("本办法依照第三条规定制定,全年增长2.7%。根据《某某条例》第五条、第六条的规定,各单位应当报告。"
            "会议强调“一、要讲政治;二、要守纪律”的要求,各部门要认真落实本办法各项规定,确保各项工作取得实效。")
    assert rebreak(text) == text


def test_a_lone_point_run_in_is_left_alone() -> None:
    text = ("各单位要加强组织领导,明确工作责任,抓好工作落实,确保各项任务按期完成,形成工作合力,推动工作取得实效。"
            "二、是本年度的重点,各单位要提前谋划,精心组织,认真实施,切实把各项措施落到实处,不断提高工作水平。")
    assert rebreak(text) == text


def test_a_text_cut_off_mid_point_keeps_its_last_point_on_the_line_before() -> None:
    text = ("一、议事规则镇党委会议一般每月召开一次。1、会议议题由书记确定,会前通知各委员。"
            "2、会议讨论决定事项时须有半数以上委员到会。3、会议须有半数以上")
    out = rebreak(text).split("\n")
    assert out[-1].startswith("2、") and out[-1].endswith("3、会议须有半数以上")


def test_a_meeting_sentence_in_the_next_article_goes_on_about_the_last_meeting() -> None:
    # the article's number cut off as a sentence of its own (`第三条。`) is no sentence
    text = ("某某委员会会议规则\n第一条 委员会全体会议每季度召开一次,由主任召集并主持。\n"
            "第二条 委员会常务会议每月召开一次,由主任召集并主持。\n第三条。会议可邀请有关部门负责人列席。\n")
    meetings = {m["body"]: m for m in record(text)["meeting_rules"]}
    assert meetings["委员会常务会议"]["attendees"] == ["有关部门负责人"]


def test_articles_named_and_run_together_get_their_names_back() -> None:
    text = ("某某村民议事会制度为规范村级议事,制定本制度。第一条 议事内容村级发展规划、集体资产处置、"
            "公益事业建设等涉及村民切身利益的重大事项,均须提交议事会讨论决定。"
            "第二条 参加人员议事会成员为村两委成员和村民代表,可邀请驻村干部和有关部门负责人列席会议。"
            "第三条 议事程序议题由村党支部提出,会前三日通知全体成员,会议讨论后形成决议并向村民公开。")
    lines = lines_of(text)
    assert "第一条 议事内容" in lines and "第二条 参加人员" in lines and "第三条 议事程序" in lines


def test_a_caption_run_into_its_table_rows_is_the_title() -> None:
    text = ("\t某某局项目绩效目标表| 项目名称 | 年度预算数 | 绩效目标 | 指标值 || 机关运行保障 | 12.50 | 保障运转 | 100% |"
            "| 档案整理 | 3.20 | 整理档案 | 500卷 |\n")
    assert normalize(text).text.split("\n")[0].strip() == "某某局项目绩效目标表"


def test_an_organ_run_into_its_duty_label_is_the_title() -> None:
    text = ("欢迎访问某某林业局网站!统战部主要职责:(一)贯彻执行上级有关宣传工作的方针、政策,制订全局宣传工作计划。"
            "(二)负责全局新闻宣传和对外宣传工作,协调各类媒体的采访报道。(三)负责组织全局干部职工的理论学习。")
    lines = lines_of(text)
    assert lines[1:3] == ["统战部", "主要职责:"]
    assert record(text)["title"] == "统战部"


def test_a_name_holding_a_preposition_inside_a_word_is_still_a_name() -> None:
    # 存在 and 对策 hold 在 and 对 inside a word: no clause, the names end at their head nouns
    text = ("某乡二〇二三年工作总结今年以来,我乡认真落实各项工作部署,取得了一定成效。"
            "一、主要成绩全年完成固定资产投资三亿元,新建村级道路十二公里,群众满意度明显提高。"
            "二、存在问题部分村集体经济基础薄弱,产业结构比较单一,干部队伍年龄偏大,创新意识还不够强。"
            "三、对策措施加大招商引资力度,培育特色产业,加强干部教育培训,推动各项工作再上新台阶。")
    lines = lines_of(text)
    assert "二、存在问题" in lines and "三、对策措施" in lines
    # a preposition standing as a word of its own still makes a clause, not a name
    # (的 here: the phrase is a sentence's subject, not a name)
    clause = ("某某学习制度为加强理论学习,制定本制度。一、学习的主要内容包括政治理论、法律法规和业务知识,"
              "由中心组组长确定。二、学习的基本形式包括集中学习、个人自学和专题研讨,每季度不少于一次。")
    lines = lines_of(clause)
    assert not any(line.endswith(("主要内容", "基本形式")) for line in lines)
    assert any(line.startswith("二、学习的基本形式包括") for line in lines)


def test_a_name_ends_before_the_sentence_that_leads_into_its_enumeration() -> None:
    # the colon ends a sentence of the paragraph, so 一是 does not end the name: its head noun does
    text = ("某镇二〇二三年工作总结今年以来,全镇上下凝心聚力,各项工作稳步推进。"
            "一、主要做法围绕中心抓党建,围绕发展抓项目,全年新建村级道路十二公里,群众满意度明显提高。"
            "二、存在问题在推进基层治理过程中,发现的主要问题有:一是村级集体经济基础薄弱;二是干部队伍年龄偏大。"
            "三、对策措施加大招商引资力度,培育特色产业,加强干部教育培训,推动各项工作再上新台阶。")
    lines = lines_of(text)
    assert "二、存在问题" in lines and "一、主要做法" in lines


#: Points of a rule each opened by a page's bullet, run together (written for this test).
BULLETED = ("某委员会会议规则 • 一、本会委员会议除法令另有规定外，适用本规则之规定。"
            "• 二、委员会议由主任委员召集并为主席，每月举行一次。• 三、委员会议应有委员过半数之出席，始得召开。"
            "• 四、委员应亲自出席会议，不得委托他人代理出席。• 五、委员会议讨论事项如下：(一)本会重要业务。(二)委员之提案。")


def test_a_bullet_before_a_run_in_marker_opens_its_line_with_it() -> None:
    lines = lines_of(BULLETED)
    assert lines[0] == "某委员会会议规则"
    assert [x[:4] for x in lines[1:6]] == ["• 一、", "• 二、", "• 三、", "• 四、", "• 五、"]
    assert not any(x.rstrip().endswith("•") for x in lines)


def test_a_bullet_before_a_paragraph_space_goes_with_the_new_line() -> None:
    page = "".join(f"第{n}段说明本会委员会议的召开程序以及议案的提出方式。 • {n}、" for n in "一二三四五六七八")
    lines = lines_of("会议须知 " + page + "以上各点自公布之日起施行。")
    assert not any(x.rstrip().endswith("•") for x in lines)


def test_an_organ_and_its_duty_label_after_a_sites_words_and_a_mark_start_lines() -> None:
    # the page's greeting, a mark (a restorer may have put it there), then the organ and its label
    text = ("欢迎访问某某林业局官方网站、组织部主要职责：（一）负责机关日常运转，承担文电会务工作；"
            "（二）负责机关财务和资产管理工作；（三）承办领导交办的其他事项。")
    lines = lines_of(text)
    assert lines[:3] == ["欢迎访问某某林业局官方网站、", "组织部", "主要职责："]
    rec = record(text)
    assert rec["title"] == "组织部"
