"""Outline and metadata on documents written in the style of the five kinds but with
variations the seeds lack (inputs under ``tests/data/generalize/``): the rules must
generalize beyond the documents they were tuned on."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from gongwen.process import process_file
from gongwen.record import Document
from gongwen.structure.headings import clause_topic

DATA = Path(__file__).parent / "data" / "generalize"


@cache
def doc(name: str) -> Document:
    return process_file(DATA / name)


def outline_of(d: Document) -> list[tuple[int, str, str, str | None]]:
    """(level, number, title, parent title) of each section."""
    by_id = {s.id: s for s in d.sections}
    return [(s.level, s.number, s.title, by_id[s.parent].title if s.parent else None) for s in d.sections]


OUTLINES = {
    "county_standing_rules.txt": [
        (1, "第一章", "总则", None), (2, "第一条", "第一条", "总则"), (2, "第二条", "第二条", "总则"),
        (1, "第二章", "议事范围", None), (2, "第三条", "第三条", "议事范围"),
        (1, "第三章", "会议制度", None), (2, "第四条", "第四条", "会议制度"), (2, "第五条", "第五条", "会议制度"),
        (1, "第四章", "附则", None), (2, "第六条", "第六条", "附则"),
    ],
    "town_yearbook.txt": [
        (1, "【】", "概况", None),
        (1, "【】", "党的建设", None), (2, "", "基层组织建设", "党的建设"), (2, "", "党风廉政建设", "党的建设"),
        (1, "【】", "经济发展", None), (2, "", "特色农业", "经济发展"), (2, "", "招商引资", "经济发展"),
        (1, "【】", "社会事业", None),
    ],
    "bureau_units.txt": [
        (1, "一、", "办公室", None), (1, "二、", "综合规划股", None),
        (1, "三、", "运输管理股", None), (1, "四、", "安全监督股", None),
    ],
    "experience_report.txt": [
        (1, "（一）", "突出政治引领，夯实组织基础", None),
        (1, "（二）", "突出产业带动，拓宽增收渠道", None),
        (1, "（三）", "突出治理创新，提升服务水平", None),
    ],
    # a rule in points: every point is a section (title: its label, else its number), the
    # title line is not one; (二) introduces its list 1、2、 and heads it
    "tw_setup_points.txt": [
        (1, "一、", "一", None), (1, "二、", "二", None), (1, "三、", "组织", None),
        (2, "(二)", "委员由本部就下列人员聘兼之", "组织"),
        (1, "四、", "四", None), (1, "五、", "五", None),
    ],
}


@pytest.mark.parametrize("name", sorted(OUTLINES))
def test_outline(name: str) -> None:
    assert outline_of(doc(name)) == OUTLINES[name]


META = [  # name, title, doc_type, region, organization, year
    ("county_standing_rules.txt", "中共青山县委常委会议事规则", "work_rules", "青山县", "青山县委常委会", 2024),
    ("town_yearbook.txt", "红石镇", "yearbook", "红石镇", None, 2023),
    ("bureau_units.txt", "青山县交通运输局机关内设机构职责", "duty_list", "青山县", "青山县交通运输局", None),
    # the byline (——青山县柳溪乡经验交流材料) and the opening subject (柳溪乡坚持…) name the area it reports on
    ("experience_report.txt", "抓实基层党建 推动乡村振兴", "experience_report", "柳溪乡", "柳溪乡", None),
    ("tw_setup_points.txt", "经济部中小企业咨询委员会设置要点", "work_rules", None, "经济部中小企业咨询委员会", None),
]


@pytest.mark.parametrize(("name", "title", "doc_type", "region", "organization", "year"), META)
def test_metadata(name: str, title: str, doc_type: str, region: str | None, organization: str | None,
                  year: int | None) -> None:
    d = doc(name)
    assert (d.title, d.doc_type, d.region, d.organization, d.year) == (title, doc_type, region, organization, year)


@pytest.mark.parametrize(("line", "topic"), [
    ("国家教育委员会在国务院的领导下，主管全国高等教育工作，其主要职责是", "国家教育委员会"),
    ("省、自治区、直辖市人民政府管理本地区内的高等学校，其主要职责是", "省、自治区、直辖市人民政府"),
    ("扩大高等学校管理权限，增强高等学校的活力，其主要内容是", "扩大高等学校管理权限"),
    ("县财政局负责全县预算管理工作", None),
])
def test_clause_topic(line: str, topic: str | None) -> None:
    assert clause_topic(line) == topic
