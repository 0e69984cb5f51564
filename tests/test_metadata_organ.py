"""Organization, region and the administrative chain (gongwen.metadata) on text written for these tests."""

from __future__ import annotations

import pytest

from gongwen.metadata import describe
from gongwen.metadata.place import chain, chains

BODY = "坚持问题导向，细化工作措施，明确责任分工，确保各项任务按期完成并取得实效。"

CASES = [
    # text, region, organization
    # the subject of the rules, the genre words after it dropped
    (f"红石县委常委会会议议事和决策规章制度\n一、县委常委会会议一般每月召开两次。{BODY}", "红石县", "红石县委常委会"),
    (f"桃源乡党政班子议事规则\n一、议事范围\n{BODY}", "桃源乡", "桃源乡党政班子"),
    # a 党组 of a 局: the body's fuller name
    (f"党组会议制度\n一、局党组会议由党组书记主持。\n二、局党组会议每月召开一次。{BODY}", None, "局党组"),
    # the issuer never named: the body whose meetings the text regulates
    (f"院长办公会议事规则\n一、院长办公会由院长召集。{BODY}", None, "院长办公会"),
    # a law-form text abbreviating its organ, with the place inside the organ's name (Taiwan too)
    (f"第1条\n本规程依法订定之。\n第2条\n澎湖县望安乡公所(以下简称本所)置乡长一人。{BODY}", "望安乡", "澎湖县望安乡公所"),
    (f"第一条\n台中市政府文化委员会(以下简称本会)委员会议依本规则行之。{BODY}", "台中市", "台中市政府文化委员会"),
    # the same with the brackets stripped (a blank left where they stood, or none)
    (f"第1条\n本规程依法订定之。\n第2条\n澎湖县望安乡公所 以下简称本所 置乡长一人。{BODY}", "望安乡", "澎湖县望安乡公所"),
    (f"第一条 台中市政府文化委员会以下简称本会委员会议依本规则行之。{BODY}", "台中市", "台中市政府文化委员会"),
    # a budget form's fields
    (f"项目支出绩效目标表\n项目名称 道路维修\n预算单位: 红石县龙潭镇人民政府\n金额单位:万元\n{BODY}", "龙潭镇", "红石县龙潭镇人民政府"),
    ("部门整体支出绩效目标表\n部门(单位)名称 | 中共柳河市委政策研究室 | ||||\n年度总体目标 | 完成调研任务 |",
     "柳河市", "中共柳河市委政策研究室"),
    # a report whose subject is its area; a headline `地名：…`
    (f"夯实基层基础\n近年来，石门县以提升组织力为重点，{BODY}", "石门县", "石门县"),
    (f"2020年长丰县国民经济和社会发展统计公报\n2020年，全县上下{BODY}", "长丰县", "长丰县"),
    # an organ that opens the first sentence with 为
    (f"第四类 编制工作东林县编制委员会办公室为县委工作部门，正科级单位。{BODY}", "东林县", "东林县编制委员会办公室"),
    (f"编制工作\n东林县编制委员会办公室为县委工作部门，正科级单位。{BODY}", "东林县", "东林县编制委员会办公室"),
    # no issuer named: the body whose meetings an item opens with, or that the rules name twice
    (f"为规范决策，制定本规则。一、公司党委会议主要研究以下事项：\n1、{BODY}\n二、会议由书记召集。", None, "公司党委"),
    (f"第三条 市政府常务会议每月召开两次。\n第四条 市政府常务会议由市长召集。{BODY}", None, "市政府"),
    # a headline `地名：以…` whose colon was stripped: the place word before the preposition
    ("泗阳以一镇一品提升基层治理水平\n近年来，泗阳推进基层治理，打造了一批工作品牌。", "泗阳", "泗阳"),
    # a yearbook entry's label whose brackets were stripped, a blank left before its date
    (f"宣传工作\n概况 2021年，工委宣传部以{BODY}", None, "工委宣传部"),
    # a news item's informant; a duty text naming one area before its organs
    (f"党员队伍持续优化\n7月1日，记者从区委组织部获悉，{BODY}", None, "区委组织部"),
    (f"负责理论学习工作，配合桃源县委组织部做好党员教育。\n负责网络文化建设工作。{BODY}", "桃源县", None),
    # 全区 said once: the area of that kind a running head names
    (f"Page 12 - 杭州市西湖区志\n第四章 组织工作\n1990年，全区设组织科。{BODY}", "西湖区", None),
    # a kind of town is no town's name
    (f"申报材料\n某镇被列为全省重点中心镇。全镇辖12个村，全镇人口3万人。{BODY}", None, None),
    # a bare body as the subject, widened to the name the text gives it
    (f"【导读】党委会是局党委议事决策的基本形式。{BODY}\n一、局党委会议由党委书记召集。", None, "局党委"),
    # the organ named only as 本局: organization is null
    (f"工作情况汇报\n今年以来，本局{BODY}我们本局全体干部。", None, None),
]


@pytest.mark.parametrize("text,region,organization", CASES)
def test_organization_and_region(text: str, region: str | None, organization: str | None) -> None:
    meta = describe(text)
    assert (meta.region, meta.organization) == (region, organization)


def test_chain_rolls_a_county_up_to_its_city_and_province() -> None:
    got = [(d.name, d.level, d.code) for d in chain("鄞州区")]
    assert got == [("浙江省", "province", "330000"), ("宁波市", "city", "330200"), ("鄞州区", "county", "330212")]


def test_chain_reads_names_as_texts_write_them() -> None:
    assert [d.name for d in chain("鄞州")] == ["浙江省", "宁波市", "鄞州区"]  # suffix left off
    assert [d.name for d in chain("威海经济技术开发区")] == ["山东省", "威海市"]  # a zone of a city
    assert [d.level for d in chain("浙江省")] == ["province"]


def test_taiwan_cities_roll_up_to_the_national_code() -> None:
    assert [(d.name, d.code) for d in chain("台北市")] == [("台湾省", "710000"), ("台北市", None)]
    # 连江县 is a county of Fujian and of Taiwan (马祖): both readings are offered
    assert {c[0].name for c in chains("连江县")} == {"福建省", "台湾省"}


def test_unknown_or_missing_names_have_no_chain() -> None:
    assert chain(None) == [] and chain("") == [] and chain("幸福社") == []
