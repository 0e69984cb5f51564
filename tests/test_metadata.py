"""Metadata (gongwen.metadata) on texts written for these tests: title, doc_type,
region, organization, year."""

from __future__ import annotations

import pytest

from gongwen.metadata import describe, find_title
from gongwen.metadata.place import place_names

BODY = "坚持问题导向，细化工作措施，明确责任分工，确保各项任务按期完成并取得实效。"

TITLE_CASES = [
    ("法规名称：某某委员会处务规程\n最新异动日期：20170809\n\n第 1 条\n本会为处理内部分工，特订定本规程。", "某某委员会处务规程"),
    ("# 某省乡镇人民代表大会工作若干规定\n\n第一条 为了规范工作，制定本规定。", "某省乡镇人民代表大会工作若干规定"),
    (f"红旗区委工作规则.docx\n\n红旗区委工作规则 为坚持民主集中制原则，{BODY}", "红旗区委工作规则"),
    (f"组织工作\n\nOriginal URL: http://example.org/x\n【概况】 2013年，工委组织部{BODY}", "组织工作"),
    (f"下载\n打印\n【字号：\n】\n2026年某省政府工作报告\n来源：某省日报\n各位代表：\n{BODY}", "2026年某省政府工作报告"),
    (f"第一篇:品牌经验交流\n各位领导:\n{BODY}", None),
    ("\t301宣传部\n\n\t项目名称\n\t年度预算安排\n", "301宣传部"),
    (f"红旗区委组织部主要职责\n{BODY}", "红旗区委组织部主要职责"),
    # after a 主送 line and an 印发 notice with its signature and date
    (f"各乡镇人民政府，县直各单位：\n《青松县人民政府工作规则》已经县政府常务会议通过，现予印发。\n青松县人民政府\n"
     f"2024年3月1日\n青松县人民政府工作规则\n第一章 总 则\n第一条 {BODY}", "青松县人民政府工作规则"),
    # a file-number prefix and a site's tag, the title repeated by the site
    (f"12,,镇党委会议制度(完整)\n发布时间：2022-01-05\n12,,镇党委会议制度(完整)\n一、会议每月召开一次。{BODY}",
     "镇党委会议制度"),
    # a sharing site's page marker before the title run twice into the body
    (f"1、经验交流材料:抓党建促振兴经验交流材料:抓党建促振兴 近年来，{BODY}", "经验交流材料:抓党建促振兴"),
    # page-image captions count only when nothing better stands
    (f"办公会议制度_第1页\n办公会议制度_第2页\n文档简介\n1、{BODY}", "办公会议制度"),
    ("目标表_第1页\n全文预览已结束\n项目支出绩效目标表(2023年度)填报单位：某镇人民政府 项目名称 道路维修", "项目支出绩效目标表(2023年度)"),
    # the title run into a lead-in, and a flattened table's caption row
    (f"简介\n某区宣传部职责其主要职责是:\n1、{BODY}", "某区宣传部职责"),
    ("某市项目支出绩效目标批复表 | |||||\n项目名称 | 道路改造 | 主管部门 | 市交通局 |", "某市项目支出绩效目标批复表"),
    # a page's headline, its info line, then the document's own caption
    (f"某办年度绩效目标(原某委)\n时间:2019-12-31 来源::\n部门整体支出绩效目标表\n部门名称 某办\n{BODY}", "部门整体支出绩效目标表"),
    # a headline `地名：…` is a title, not a `label: value` line
    (f"如东:以品牌建设提升组织力\n发布时间:2018-05-14\n近年来，{BODY}", "如东:以品牌建设提升组织力"),
    # never a title: a page-number running head's prefix, meta tags, a tip box, a news opener, a byline
    (f"Page 12 - 某县消防白皮书\nP. 12\n第五节 紧急救护\n一、概述\n{BODY}", "某县消防白皮书"),
    (f"〈meta name=“ArticleTitle” content=“某表”〉\n友情提示\n2、下载后可能会被浏览器打开。\n{BODY}", None),
    (f"本刊讯 10月25日，某县开展党员活动日活动，{BODY}\n（张某 李某）", None),
    # an excerpt of a gazetteer: its chapter names it, not the book's running head
    (f"Page 8 - 某县志\n某县志\n第四章 组织工作\n第一节 机构设置\n1988年{BODY}", "组织工作"),
    (f"第二章\n优抚安置\n某市人民具有拥军优属的优良传统。{BODY}", "优抚安置"),
    # a form's labels and their values, one a line: no title
    (f"资料来源:第13页\n预算机关\n某市政府社会局\n承办单位\n某市政府社会局\n计划内容\n{BODY}", None),
    (f"某某委员会议事规则\n第二章 会议制度\n第五条 会议每月召开一次。{BODY}", "某某委员会议事规则"),
]


@pytest.mark.parametrize("text,title", TITLE_CASES)
def test_title(text: str, title: str | None) -> None:
    assert find_title(text).text == title


def test_title_from_an_encyclopedia_infobox_in_the_source() -> None:
    source = "收藏0有用+1中文名红旗区委组织部类    别政府部门地    点红旗区目录1主要职责"
    assert find_title(f"{BODY}\n主要职责\n{BODY}", source).text == "红旗区委组织部"


META_CASES = [
    # text, doc_type, region, organization, year
    (f"红旗区委工作规则\n一、职责\n（一）区委职责\n区委是全区的领导核心。{BODY}全区各级组织。\n二、会议制度\n全委会每年至少召开两次。",
     "work_rules", "红旗区", "红旗区委", None),
    ("红旗区委组织部\n红旗区委组织部主要职责\n(一)拟订全区组织工作的规定。\n红旗区委组织部内设机构\n(一)人秘股负责机要工作。",
     "duty_list", "红旗区", "红旗区委组织部", None),
    (f"组织工作\n【概况】 2013年，工委组织部以学习贯彻会议精神为主线，{BODY}\n【干部工作】 年内，全区选拔干部82人，"
     f"印发《东港经济技术开发区干部管理办法》。全区各单位参加。\n（工委组织部供稿）",
     "yearbook", "东港经济技术开发区", "工委组织部", 2013),
    (f"第一篇：品牌组工经验交流\n各位领导：\n根据市委组织部文件精神，我镇全力打造两个品牌。现将工作情况汇报如下：\n一、创新机制\n{BODY}全镇干部。",
     "experience_report", None, None, None),
    ("法规名称：某某委员会会议规则\n最新异动日期：20200616\n沿革内容：\n1.中华民国三十七年六月十五日通过施行\n\n第 1 条\n本规则依法订定之。\n"
     "第 2 条\n会议每月举行一次。\n第 3 条\n会议由主任委员召集。", "work_rules", None, "某某委员会", 2020),
    ("# 某省乡镇人民代表大会工作若干规定\n\n1995年6月14日 某省人民代表大会常务委员会通过\n\n2010年9月29日 第一次修正\n\n"
     "2015年12月3日 某省人民代表大会常务委员会第十七次会议《关于修改\n\n〈某省条例〉的决定》第二次修正\n\n"
     "第一条 根据宪法制定本规定。\n\n第二条 乡镇人民代表大会会议每年至少举行一次。\n\n第三条 主席团主持会议。",
     "work_rules", None, "某省乡镇人民代表大会", 2015),
    ("部门职责\n办公厅(人事局)负责组织、管理、协调机关行政和人事管理工作；承担会议组织、文电处理工作。\n机构设置及职能：\n1. 秘书处\n负责值班安排。",
     "duty_list", None, "办公厅(人事局)", None),
    ("\t301宣传部\n\n\t项目名称\n\t年度预算安排\n\t绩效目标\n\t绩效指标\n\n\t宣传工作\n\t20.5\n\t负责全县宣传工作\n\t完成率\n",
     "budget_table", None, "宣传部", None),
    (f"某某学会简讯\n发布时间：2018-05-14\n本会召开理事会议，{BODY}", "other", None, None, 2018),
    # a 镇 entry titled by its name, which jieba cuts apart (东林|镇): about the area, not an organ
    (f"东林镇\n【概况】 东林镇地处某县西北部。2019年，全镇完成生产总值23亿元。\n【党建工作】 年内，镇党委以{BODY}全镇。",
     "yearbook", "东林镇", None, 2019),
    # the area named only as 云岭|区 inside a cited title, the document calling it 全区
    (f"组织工作\n【概况】 2016年，区委组织部围绕全区中心工作，{BODY}\n【基层党建】 印发《云岭区学习教育实施方案》，"
     f"全区党员参加学习。", "yearbook", "云岭区", "区委组织部", 2016),
    # a verb before a bare suffix is no name (指导|县党代会)
    (f"组织工作\n【概况】 2016年，县委组织部以服务大局为重点，协调和指导县党代会工作，{BODY}全县各单位。全县党员。",
     "yearbook", None, "县委组织部", 2016),
    # a government page: the organ named as its source, the year from its stamp
    (f"某县推行网格管理\n来源：柳河县委组织部　发布时间：2019-06-12\n今年以来，柳河县坚持以党建引领基层治理，推行网格化管理模式，{BODY}",
     "experience_report", "柳河县", "柳河县委组织部", 2019),
    # a byline under the title names the issuer; the title opens with the area before a year
    (f"青松县2018年脱贫攻坚工作情况汇报\n（2018年11月26日）\n中共青松县委\n尊敬的各位领导：\n下面，我就工作情况作简要汇报。{BODY}",
     "experience_report", "青松县", "青松县委", 2018),
    # the organ opens the title before the year, the title ending in a genre the lexicon lacks
    (f"永宁区人力资源和社会保障局2019年上半年工作总结及下半年工作计划\n今年上半年，{BODY}",
     "yearbook", "永宁区", "永宁区人力资源和社会保障局", 2019),
    # a yearbook printing its headings in 〔〕
    (f"宣传思想工作\n〔概况〕 2020年，县委宣传部紧紧围绕县委中心工作，{BODY}\n〔新闻宣传〕 全年刊发稿件460篇。",
     "yearbook", None, "县委宣传部", 2020),
    # an essay site's compilation: its page stamp is an upload date
    (f"党建经验交流材料3篇\n时间：2022-05-09\n篇1：机关党建经验交流材料\n近年来，我局党组{BODY}",
     "experience_report", None, None, None),
]


@pytest.mark.parametrize("text,doc_type,region,organization,year", META_CASES)
def test_metadata(text: str, doc_type: str, region: str | None, organization: str | None, year: int | None) -> None:
    meta = describe(text)
    assert (meta.doc_type, meta.region, meta.organization, meta.year) == (doc_type, region, organization, year)


@pytest.mark.parametrize("text,names", [
    ("印发《东港经济技术开发区干部管理办法》", ["东港经济技术开发区"]),
    ("国家级经济技术开发区和经济区的建设", []),
    ("全区各单位和城区、社区", []),
])
def test_place_names(text: str, names: list[str]) -> None:
    assert place_names(text) == names


def test_an_upload_date_is_not_the_year() -> None:
    text = f"某镇工作规则.docx\n上传人:张** 上传时间:2023-03-27 格式:DOCX\n某镇工作规则 为规范工作，{BODY}"
    assert describe(text).year is None


def test_title_of_a_gazette_order() -> None:
    text = ("某院令\t中华民国96年7月25日\n某总一义字第09600094181号\n兹依某某审查总报告，公布某某预算。\n"
            "院\u3000\u3000长\u3000张三\n某某年度总预算案审查总报告\n壹、审查缘起\n" + BODY)
    assert find_title(text).text == "某某年度总预算案审查总报告"
    attached = text.replace("院\u3000\u3000长\u3000张三\n", "院\u3000\u3000长\u3000张三\n注：附某某年度总预算案审查总报告（修正本）乙本。\n")
    assert find_title(attached).text == "某某年度总预算案审查总报告（修正本）"
    text = "某部令\t中华民国99年10月1日\n某字第0990163886C号\n修正「某某委员会设置要点」。\n附修正「某某评审会设置要点」\n"
    assert find_title(text).text == "某某评审会设置要点"


@pytest.mark.parametrize("text,year", [
    ("强基固本抓党建\n——某县委组织部基层党建工作经验交流材料\n二〇二二年，我县以抓党建促乡村振兴为主线，推动基层党建全面进步。", 2022),
    ("行政院经济建设施政报告\n中华民国一百零八年九月二十四日\n壹、总体经济概况\n今年上半年经济成长率为2.07%，预估全年成长2.46%。", 2019),
    ("某县政府工作报告\n民国九十四年施政成果如下，全年经济成长率为3.5%，失业率降至百分之四。", 2005),
])
def test_years_in_chinese_numerals(text: str, year: int) -> None:
    assert describe(text).year == year


@pytest.mark.parametrize("text,converted", [
    ("二〇二二年", "2022年"), ("一九九八年底", "1998年底"), ("中华民国一百零八年", "中华民国108年"),
    ("民国九十四年", "民国94年"), ("十二年", "十二年"), ("第二〇二二号", "第二〇二二号"),
])
def test_arabic_years(text: str, converted: str) -> None:
    from gongwen.metadata.year import arabic_years

    assert arabic_years(text) == converted
