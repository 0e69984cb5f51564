"""The normalizer's rules, one table of written examples per rule, and the offset map."""

from __future__ import annotations

import random

import pytest

from gongwen.normalize import RULES, normalize
from gongwen.normalize.edits import Edit, apply_edits, identity_map
from gongwen.normalize.fullwidth import fullwidth_to_ascii
from gongwen.normalize.furniture import remove_furniture
from gongwen.normalize.garbled import repair_garbled
from gongwen.normalize.lines import join_broken_lines, split_flattened_paragraphs, tidy_whitespace
from gongwen.normalize.markup import remove_markup
from gongwen.normalize.page_split import remove_page_markers
from gongwen.normalize.pinyin import remove_pinyin
from gongwen.normalize.script import detect_script, to_simplified


def run(rule, text: str) -> str:  # type: ignore[no-untyped-def]
    out, offsets = apply_edits(text, identity_map(len(text)), rule(text))
    assert len(offsets) == len(out) + 1
    return out


# --- edits --------------------------------------------------------------------


@pytest.mark.parametrize("text, edits, expected, expected_map", [
    ("abcdef", [Edit(1, 3, "")], "adef", [0, 3, 4, 5, 6]),
    ("abcdef", [Edit(1, 3, "XY")], "aXYdef", [0, 1, 2, 3, 4, 5, 6]),
    ("abcdef", [Edit(1, 3, "X")], "aXdef", [0, 1, 3, 4, 5, 6]),
    ("abc", [Edit(1, 1, "\n")], "a\nbc", [0, 1, 1, 2, 3]),
    # text moved around (a wrapped cell's parts brought together): each character says where it came from
    ("ab\ncd", [Edit(0, 5, "acbd", origin=(0, 3, 1, 4))], "acbd", [0, 3, 1, 4, 5]),
    ("abc", [Edit(0, 3, "xyz")], "xyz", [0, 1, 2, 3]),
])
def test_apply_edits_keeps_the_map(text: str, edits: list[Edit], expected: str, expected_map: list[int]) -> None:
    out, offsets = apply_edits(text, identity_map(len(text)), edits)
    assert out == expected
    assert list(offsets) == expected_map


def test_apply_edits_refuses_overlaps() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", identity_map(6), [Edit(1, 4), Edit(2, 5)])
    with pytest.raises(ValueError):  # an origin for every character of the replacement, or none
        apply_edits("abcdef", identity_map(6), [Edit(0, 2, "xyz", origin=(0, 1))])


# --- script -------------------------------------------------------------------


@pytest.mark.parametrize("text, script", [
    ("区委工作规则：区委每月召开两次常委会议，讨论干部问题。", "simplified"),
    ("區委工作規則：區委每月召開兩次常委會議，討論幹部問題。", "traditional"),
    ("区委工作规则：區委每月召開兩次常委會議，讨论干部问题，书记主持会议并负责记录。", "mixed"),
    ("abc 123", "simplified"),
])
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize("text, expected", [
    ("進行身份轉換，幹部經驗交流", "进行身份转换，干部经验交流"),
    ("法規名稱：某某委員會處務規程\n本會資訊室掌理下列事項", "法规名称：某某委员会处务规程\n本会资讯室掌理下列事项"),
])
def test_to_simplified(text: str, expected: str) -> None:
    assert run(lambda t: to_simplified(t, "traditional"), text) == expected


def test_simplified_text_is_not_converted() -> None:
    assert to_simplified("着眼于干部", "simplified") == []


# --- pinyin -------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("經(jīng)驗交流", "經驗交流"),
    ("組織(zhī)工作", "組織工作"),
    ("領（lǐng）導", "領導"),
    ("(一)区委职责", "(一)区委职责"),
    ("工作条例(试行)", "工作条例(试行)"),
    ("出国(境)审查", "出国(境)审查"),
    ("年鉴(2013)", "年鉴(2013)"),
    ("方案(A)和(ab)", "方案(A)和(ab)"),
    ("新?lián)?dāng)能力", "新??能力"),
])
def test_remove_pinyin(text: str, expected: str) -> None:
    assert run(remove_pinyin, text) == expected


# --- full width ---------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("１２３人，ＡＢ岗", "123人，AB岗"),
    ("（一）职责：；。", "（一）职责：；。"),
])
def test_fullwidth_to_ascii(text: str, expected: str) -> None:
    assert run(fullwidth_to_ascii, text) == expected


# --- markup -------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ('<div class="a">\n\t  <span class="t">部门职责</span>\n</div>', "\n部门职责\n"),
    ("1. 秘书处<br>\n负责值班。", "1. 秘书处\n负责值班。"),
    ("甲<br>乙", "甲\n乙"),
    ("# 标题\n\n<!-- INFO END -->\n第一条", "# 标题\n\n\n第一条"),
    ("人数<5人，甲&nbsp;乙", "人数<5人，甲 乙"),
])
def test_remove_markup(text: str, expected: str) -> None:
    assert run(remove_markup, text) == expected


# --- furniture ----------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("某县工作规则.doc\n\n上传人:王** 文档编号:1234 上传时间:2021-01-02 格式:DOC\n返回 下载 相关 举报\n正文。",
     "\n正文。"),
    ("某县工作规则.doc_第3页\n第3页 / 共9页\n点击查看更多>>\n资源描述\n正文。", "正文。"),
    ("《某县规则.doc》由会员分享,可在线阅读,更多相关《某县规则.doc》请在某某文库上搜索。\n正文。", "正文。"),
    ("正文。\n展开阅读全文\n相关资源\n本站为文档交易模式\n工信部备案号:某ICP备1号", "正文。"),
    ("住(来源:某某范文网 http://example.cn/)院的干部", "住院的干部"),
    ("会议。 某某大全网-,为您细心编辑整理本文,转载与引用请注明出处。 3、下一条", "会议。  3、下一条"),
    ("\t[bookmark: _GoBack]落实政策", "\t落实政策"),
    ("组织工作\n\nOriginal URL: http://example.cn/a?b=1\n\n【概况】", "组织工作\n\n\n【概况】"),
    ("下载\n打印\n【字号：\n加大\n还原\n减小\n】\n报告正文。", "报告正文。"),
    # the QR-code line and the short buttons after it close the page: removed to the end
    ("报告正文。\n扫一扫在手机打开当前页\n【\n打印本页\n】", "报告正文。"),
    ("当前位置：\n首页\n>\n政务信息\n>\n要闻\n报告", "报告"),
    ("某某作报告。本报记者 张三摄\n各位代表：", "各位代表："),
    ("鲁ICP备12345678号-1 | 鲁公网安备 3701号\n", ""),
    ("第一条 下载附件后办理。", "第一条 下载附件后办理。"),
    ("第一段。\n- 3 -\n第二段。\n第 4 页 共 9 页\n还剩6页未读，继续阅读\n[键入文字]", "第一段。\n第二段。\n"),
    ("首页 > 工作动态 > 经验交流\n某县推行网格管理", "某县推行网格管理"),
    ("网站首页 » 党建 » 典型\n正文。", "正文。"),
    ("首页文章。\n正文。", "首页文章。\n正文。"),
    ("报告正文。\n【打印本页】【关闭窗口】", "报告正文。"),
    ("【概况】 全镇辖12个村。", "【概况】 全镇辖12个村。"),
    ("时间：2022-05-09 09:12:33　作者：范文先生　点击：1268次\n篇1：正文", "篇1：正文"),
    ("来源：某县委组织部　发布时间：2019-06-12　浏览次数：1532\n正文", "正文"),
    ("发布时间：2019-06-12\n正文", "发布时间：2019-06-12\n正文"),
    ("正文。\n本文由范文先生整理，版权归原作者所有，转载请注明出处。", "正文。"),
    ("本文由县委办公室起草，经常委会讨论通过。", "本文由县委办公室起草，经常委会讨论通过。"),
    ("发布者：某某　|　2021-03-18 上传　|　浏览 356 次\n正文", "正文"),
    ("正文。\n本文来源于网络，如有侵权请联系删除。\n更多相关文章：\n某某工作汇报材料\n某某工作总结范文", "正文。\n"),
    ("更多相关文章：\n某某材料\n正文还在继续。\n结尾。", "更多相关文章：\n某某材料\n正文还在继续。\n结尾。"),
])
def test_remove_furniture(text: str, expected: str) -> None:
    assert run(remove_furniture, text) == expected


ENCYCLOPEDIA = (
    "收藏查看我的收藏0有用+1已投票0某县委宣传部编辑锁定本词条缺少名片图，补充相关内容使词条更完整，"
    "还能快速升级，赶紧来编辑吧！负责全县宣传工作，指导理论学习，"
    "中文名某县委宣传部类    别党委部门地    点某县目录1主要职责2内设机构"
    "某县委宣传部主要职责编辑(一)负责理论学习。(二)指导新闻工作。[1]"
    "某县委宣传部内设机构编辑(一)办公室负责文电。[2]参考资料1.某县政府网[引用日期2015-01-01]词条标签：组织机构"
)


def test_encyclopedia_chrome() -> None:
    out = run(remove_furniture, ENCYCLOPEDIA)
    assert out.split("\n\n") == [
        "某县委宣传部",
        "负责全县宣传工作，指导理论学习，",
        "某县委宣传部主要职责",
        "(一)负责理论学习。(二)指导新闻工作。",
        "某县委宣传部内设机构",
        "(一)办公室负责文电。",
    ]


@pytest.mark.parametrize("tail", ["词条图册更多图册", "词条统计浏览次数：1532次编辑次数：7次最近更新：2019-05-21",
                                  "本词条对我有帮助"])
def test_encyclopedia_page_links_and_counters(tail: str) -> None:
    out = run(remove_furniture, ENCYCLOPEDIA.replace("参考资料", tail + "参考资料"))
    assert out.split("\n\n")[-1] == "(一)办公室负责文电。"


def test_encyclopedia_rules_leave_ordinary_text_alone() -> None:
    text = "编辑部负责编辑出版工作[1]，目录1份。"
    assert run(remove_furniture, text) == text


# --- page-split markers -------------------------------------------------------

PAGE = "区委领导全区工作，各部门认真贯彻落实各项决定，按期报告工作情况。" * 8  # ~250 characters


@pytest.mark.parametrize("text, expected", [
    (f"1、 某区工作规则 {PAGE}在全区国家机关\n\n2、、人民团体中{PAGE}召开党代表大会或党代表会\n\n3、议。{PAGE}",
     f"某区工作规则 {PAGE}在全区国家机关、人民团体中{PAGE}召开党代表大会或党代表会议。{PAGE}"),
    (f"1、{PAGE}在全区\n\n2、机关{PAGE}完毕。\n\n3、{PAGE}末页",
     f"{PAGE}在全区机关{PAGE}完毕。\n{PAGE}末页"),
])
def test_remove_page_markers(text: str, expected: str) -> None:
    assert run(remove_page_markers, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the upload banner above the first page is gone, and its line breaks with it
    (f"\n1、某乡经验材料\n{PAGE}在全乡\n\n2、推行{PAGE}完毕。\n\n3、{PAGE}末页",
     f"\n某乡经验材料\n{PAGE}在全乡推行{PAGE}完毕。\n{PAGE}末页"),
    (f"1、{PAGE}\n\n2、2、推行{PAGE}在全\n\n3、乡{PAGE}末页",  # page 2 opens with the text's item 2、
     f"{PAGE}\n2、推行{PAGE}在全乡{PAGE}末页"),
])
def test_page_markers_after_a_removed_banner(text: str, expected: str) -> None:
    assert run(remove_page_markers, text) == expected


@pytest.mark.parametrize("text", [
    "职责：\n\n1、对全区的重大问题作出决策。\n\n2、通过法定程序使区委的主张成为决议。\n\n3、向国家机关推荐重要干部。",
    f"1、{PAGE}\n\n3、{PAGE}\n\n4、{PAGE}",  # not a running sequence from 1
    f"1、{PAGE}\n\n2、短\n\n3、{PAGE * 3}",  # pages of very different length
    f"1、{PAGE}\n\n2、{PAGE}\n\n3、{PAGE}",  # every page ends a sentence: a real list
])
def test_real_lists_are_not_page_markers(text: str) -> None:
    assert remove_page_markers(text) == []


# --- flattened paragraphs, broken lines, whitespace -------------------------------

FLAT = ("某区委工作规则 为完善集体领导制度，结合实际，制订本规则。 一、职责 (一)区委职责 区委是领导核心。"
        "区委的职责主要是: 1、对重大问题作出决策。 2、推荐重要干部。 (二)全委会职责 全委会执行上级指示。") * 4


def test_split_flattened_paragraphs() -> None:
    out = run(split_flattened_paragraphs, FLAT)
    lines = out.split("\n")
    assert "一、职责" in lines
    assert "1、对重大问题作出决策。" in lines
    assert any(x.startswith("(二)全委会职责") for x in lines)


def test_short_lines_are_not_split() -> None:
    assert split_flattened_paragraphs("修正发布第 9、10、12  条条文。 一、总则") == []


def test_a_long_table_row_is_not_a_flattened_page() -> None:
    cell = "1、 蓄水池每座补助1.5万元。 2、 沉砂池每座补助1万元。 3、 灌溉管路每公尺补助300元。 4、 抽水机每台补助2万元。"
    row = "0302 | 灌溉设施 | " + cell * 3 + " | 农民 | 依实际施工数量核实补助"
    assert len(row) >= 200 and split_flattened_paragraphs(row) == []


SENT = "我们坚持把抓好党建作为最大政绩，探索形成了一套工作机制，基层党组织的凝聚力明显增强。"


@pytest.mark.parametrize("line, expected", [
    # a short flattened page: title and byline, salutation, and a two-phrase heading run into its paragraph
    (f"某乡经验交流材料 ——某县某乡党委 各位领导、同志们： {SENT * 3} 一、强化组织引领，建强战斗堡垒 {SENT}",
     ["某乡经验交流材料", "——某县某乡党委", "各位领导、同志们：", SENT * 3, "一、强化组织引领，建强战斗堡垒", SENT]),
    # a one-phrase label before its paragraph is a run-in heading and stays on its line
    (f"{SENT * 3} (二)全委会职责 全委会执行上级指示。 一、总则 {SENT} 二、会议 {SENT}",
     [SENT * 3, "(二)全委会职责 全委会执行上级指示。", f"一、总则 {SENT}", f"二、会议 {SENT}"]),
])
def test_flattened_headings_and_bylines(line: str, expected: list[str]) -> None:
    assert run(split_flattened_paragraphs, line).split("\n") == expected


@pytest.mark.parametrize("text, expected", [
    ("“把班子成员当职业经理人用”就是把副科级以上干部派往工业园区，进行身\n份转换，不光要抓行政",
     "“把班子成员当职业经理人用”就是把副科级以上干部派往工业园区，进行身份转换，不光要抓行政"),
    ("1.中华民国八十五年六月十二日总统府秘书长华总一字第 8\n  500906360 号令订定发布全文 27 条",
     "1.中华民国八十五年六月十二日总统府秘书长华总一字第 8500906360 号令订定发布全文 27 条"),
    ("一、创新干部管理、考核、激励机制\n打造朝气蓬勃的干部队伍品牌", None),
    ("各位领导：\n根据市委组织部的方案", None),
    ("本规则所称会议，是指常务委员会全体会议和分组会议\n第二条 会议由主任召集", None),
    ("本规则所称会议，是指常务委员会全体会议和分组会议\n## 第二章 会议的举行", None),
    ("本规则所称会议，是指常务委员会全体会议和分组会议\n（一）全体会议", None),
    ("——2026年1月26日在某省第十四届人民代表大会第四次会议上\n某省人民政府省长 某某", None),
    ("关于进一步加强和改进新形势下基层党组织建设工作的实施意见\n为深入贯彻落实有关精神", None),
    ("在某省第十四届人民代表大会第四次会议上作的报告全文\n来源：某某日报", None),
    ("编号 | 补助项目 | 补助基准 | 补助对象\n0101 | 网室 | 补助三分之一 | 农民", None),
    ("\t负责全县党组织建设；负责县委基层组织建设\n\t加强基层领导班子建设", None),
    ("The committee shall meet every two months and\nreport to the council", "The committee shall meet every two months and report to the council"),
])
def test_join_broken_lines(text: str, expected: str | None) -> None:
    assert run(join_broken_lines, text) == (text if expected is None else expected)


@pytest.mark.parametrize("text, expected", [
    ("第一段。  \n\n\n　　第二段。\r\n", "第一段。\n第二段。"),
    ("表前。\n\n\t项目\n\t金额\n\n\t\n\t100\n\n表后。", "表前。\n\n\t项目\n\t金额\n\n\t\n\t100\n\n表后。"),
    (" \t203组织部\n\n\t职责", "\t203组织部\n\n\t职责"),
    ("\t\u3000\u3000子项目  \n", "\t\u3000\u3000子项目"),
    ("负责人\n\n\t\n", "负责人"),
])
def test_tidy_whitespace(text: str, expected: str) -> None:
    assert run(tidy_whitespace, text) == expected


# --- garbled GBK --------------------------------------------------------------


def scrape_garble(text: str) -> str:
    """What a scraper makes of ``text`` when it loses the first byte of its GBK encoding.

    The decoder pairs the following bytes wrongly until an ASCII byte puts it back in
    step; a lone lead byte shows as ``?``, a pair in GBK's user-defined area decodes to
    nothing, and the site folds full-width ASCII (``，`` ``？`` ``Ｓ``) to ASCII afterwards.
    """
    data = text.encode("gbk")[1:]
    out = ["?"]
    i = 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif i + 1 >= len(data) or data[i + 1] < 0x40:
            out.append("?")
            i += 1
        else:
            pair = data[i:i + 2]
            i += 2
            if pair[0] >= 0xF8:
                continue  # user-defined area
            try:
                out.append(pair.decode("gbk"))
            except UnicodeDecodeError:
                out.append("?")
    return "".join(out).translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})


@pytest.mark.parametrize("before, stretch, after", [
    ("全年各项任务圆满完成", "。現將", "有關情況報告如下"),
    ("對生活困難的老黨員實行", "專款專用", ",并定期公開使用情況"),
    ("經過公開推薦和民主測評", "。縣委", "常委會研究決定"),
    ("各項工作的推進和保障措施", "。基本結", "構已經建立起來"),  # a pair lost in the user-defined area
    ("各鄉鎮要積極創造條件", "。可以借助組", "織的力量開展工作"),  # the same, the stretch ending in M
])
def test_repair_garbled(before: str, stretch: str, after: str) -> None:
    garbled = scrape_garble(stretch)
    assert garbled != stretch
    text = before + garbled + after
    assert run(repair_garbled, text) == before + stretch + after
    assert all(e.note and "a guess" in e.note for e in repair_garbled(text))


@pytest.mark.parametrize("text, expected", [
    # a lost lead byte before ；二是 (Python's decoder shows the broken pair as ?): the text is
    # writing an enumeration, so 二是 and not the common word 而是
    ("一是做強茶葉產業，新建茶園1200畝?欢?是發展林下經濟", "一是做強茶葉產業，新建茶園1200畝；二是發展林下經濟"),
])
def test_repair_garbled_continues_a_series(text: str, expected: str) -> None:
    assert run(repair_garbled, text) == expected


@pytest.mark.parametrize("text", [
    "这是为什么?我们要认真思考。",
    "是否召开会议?由书记确定。",
    "怎么办?关键在于落实。",
    "這是為什麼?我們要認真思考。",
    "如何考核?实行千分制。",
    "网址是 http://example.cn/a?b=1 。",
])
def test_real_question_marks_stay(text: str) -> None:
    assert run(repair_garbled, text) == text


def test_unrepairable_garble_is_reported() -> None:
    result = normalize("加快創新?lián)?dāng)能力建設,提高工作水平。")
    assert "?lián" not in result.text
    assert any("garbled" in w for w in result.warnings)


# --- the whole normalizer -----------------------------------------------------

SOURCE = (
    "某县委组织部工作规则.docx\n\n上传人:李** 文档编号:5 上传时间:2022-01-01\n返回 下载 相关 举报\n\n"
    "第一篇:品牌組工經(jīng)驗交流\n各位領(lǐng)導(dǎo):\n"
    "我鎮全力打造了兩個組工品牌,把副科級以上幹部派往靈成工業園,進行身\n份轉換,抓經濟建設。今年有１２名干部受訓。\n"
    "一、創新干部管理機制\n(一)生病住院有人看望。\n"
)


def test_normalize_end_to_end() -> None:
    result = normalize(SOURCE)
    assert result.text == (
        "第一篇:品牌组工经验交流\n各位领导:\n"
        "我镇全力打造了两个组工品牌,把副科级以上干部派往灵成工业园,进行身份转换,抓经济建设。今年有12名干部受训。\n"
        "一、创新干部管理机制\n(一)生病住院有人看望。"
    )
    assert result.script == "mixed"  # a simplified upload banner around a traditional text


def _same_char(src: str, out: str) -> bool:
    from gongwen.normalize.script import converter

    if src == out or converter("t2s").convert(src) == out or src.translate({0x3000: 0x20}) == out:
        return True
    return 0xFF01 <= ord(src) <= 0xFF5E and chr(ord(src) - 0xFEE0) == out


def test_offset_map_points_at_the_source_characters() -> None:
    result = normalize(SOURCE)
    offsets = result.offsets
    assert len(offsets) == len(result.text) + 1
    assert offsets[-1] == len(SOURCE)
    assert list(offsets) == sorted(offsets)
    rng = random.Random(7)
    for _ in range(200):
        i = rng.randrange(len(result.text))
        ch = result.text[i]
        if ch.isspace():
            continue
        assert _same_char(SOURCE[offsets[i]], ch), (i, ch, SOURCE[offsets[i]])


@pytest.mark.parametrize("text, expected, expected_map", [
    ("", "", [0]),
    ("\r\n甲。\r\n乙。\r", "甲。\n乙。", [2, 3, 4, 6, 7, 9]),
    ("\t\n\t\n", "", [4]),
    ("  \u3000 ", "", [4]),
])
def test_edge_cases_keep_a_valid_map(text: str, expected: str, expected_map: list[int]) -> None:
    result = normalize(text)
    assert result.text == expected
    assert list(result.offsets) == expected_map


def test_rules_are_listed_once_in_order() -> None:
    names = [n for n, _ in RULES]
    assert len(names) == len(set(names))
    assert names.index("garbled") < names.index("pinyin") < names.index("simplify") < names.index("furniture")
    assert names.index("page_split") < names.index("join_lines") < names.index("whitespace")


# A table printed with padded columns: a long label wrapped under its own column, the other
# columns blank on the continuation line; a sentence of running text after it.
ALIGNED = ("项目名称  会议保障经费  预算数  12.5\n"
           "          （含培训）\n"
           "一级指标  二级指标      指标值\n"
           "产出指标  数量指标      ≥3次\n"
           "以上经费按照规定的标准和程序使用，并接受审计部门的监督检查，确保专款")


def test_a_space_aligned_table_goes_into_the_table_layout() -> None:
    result = normalize(ALIGNED)
    out = result.text
    # a row a block, a cell a TAB-led line, the wrapped label whole; the sentence after stays prose
    assert out.split("\n\n")[0].split("\n") == ["\t项目名称", "\t会议保障经费（含培训）", "\t预算数", "\t12.5"]
    assert out.endswith("\t≥3次\n\t\n\n以上经费按照规定的标准和程序使用，并接受审计部门的监督检查，确保专款")
    # every character still points at its own source character, the wrapped part's too
    for word in ("（含培训）", "12.5", "≥3次", "以上经费"):
        at = out.index(word)
        assert [ALIGNED[result.offsets[k]] for k in range(at, at + len(word))] == list(word)


@pytest.mark.parametrize("text", [
    # double spaces inside running text make no row of columns: the broken line is joined
    "一、中华民国八十八年三月二十五日内政部令修正发布第 3、13、24  条条文，并自发布日起施\n"
    "  行第 4  条删除第 7  条条文之规定，其余各条依照原办法继续执行。",
])
def test_double_spaces_in_prose_are_no_table(text: str) -> None:
    assert normalize(text).text.count("\n") == 0
