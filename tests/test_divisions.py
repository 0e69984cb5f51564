"""A region's administrative chain from the division table, and what it makes possible: search
by any level of the chain and counts rolled up province › city › county."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.metadata.divisions import chain, chain_text, code
from gongwen.process import process_text
from gongwen.search import search
from gongwen.serve.app import region_tree
from gongwen.store import Store


@pytest.mark.parametrize("region, names, last_code", [
    ("湘桥区", ["广东省", "潮州市", "湘桥区"], "445102"),
    ("湘桥", ["广东省", "潮州市", "湘桥区"], "445102"),  # without its suffix
    ("广东省潮州市湘桥区", ["广东省", "潮州市", "湘桥区"], "445102"),  # several levels named
    ("南京市鼓楼区", ["江苏省", "南京市", "鼓楼区"], "320106"),  # a shared name told by its city
    ("北京市东城区", ["北京市", "东城区"], "110101"),  # a municipality: no city level
    ("浙江省", ["浙江省"], "330000"),
    ("威海经济技术开发区", ["山东省", "威海市"], "371000"),  # a zone: the city it lies in
    ("台北市", ["台湾省", "台北市"], None),  # Taiwan's cities are regions too
])
def test_chain(region: str, names: list[str], last_code: str | None) -> None:
    assert [d.name for d in chain(region)] == names
    assert code(region) == last_code
    assert chain_text(region) == " " + " ".join(names) + " "


@pytest.mark.parametrize("region", ["鼓楼区", "曾达乡", "某某开发区", "", None])
def test_unknown_or_ambiguous_regions_have_no_chain(region: str | None) -> None:
    assert chain(region) == [] and chain_text(region) == "" and code(region) is None


def test_levels_follow_the_codes() -> None:
    assert [d.level for d in chain("湘桥区")] == ["province", "city", "county"]


def test_search_by_any_level_of_the_chain(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    with Store.open(db) as store:
        for region in ("湘桥区", "饶平县", "卫东区"):
            store.put(process_text(f"{region}委组织部主要职责\n一、主要职责\n（一）负责{region}干部档案管理工作；\n"
                                   "（二）负责党员教育工作。\n", path=f"{region}.txt"))
    in_chaozhou = {h.region for h in search(db, "档案", region="潮州")}
    assert in_chaozhou == {"湘桥区", "饶平县"}
    assert {h.region for h in search(db, "档案", region="广东省")} == {"湘桥区", "饶平县"}
    assert {h.region for h in search(db, "档案", region="河南")} == {"卫东区"}
    assert {h.region for h in search(db, "档案", region="湘桥")} == {"湘桥区"}


def test_counts_roll_up_province_city_county() -> None:
    rows = [(r, chain_text(r), n) for r, n in (("湘桥区", 2), ("饶平县", 1), ("潮州市", 1), ("曾达乡", 3),
                                                (None, 1))]
    tree = region_tree(rows)
    assert tree[0] == ("广东省", 4, [("潮州市", 4, [("湘桥区", 2, []), ("饶平县", 1, [])])])
    assert ("曾达乡", 3, []) in tree and tree[-1] == (None, 1, [])
