"""Budget tables the rules were never tuned on, written for these tests
(``tests/data/unseen/budget_*.txt``), each with what a careful annotator following
RECORDS.md and GOLD.md would write beside it (``budget_*.expected.json``).

The documents vary what seed 004 shows: a cell-per-line export with its columns in
another order (description last, goal before amount) under a two-row header; a
table nesting by a second activity column (一级项目/二级项目) with merged cells left
empty below; a 部门整体支出绩效目标表 (the unit, then its activities); a pipe table
copied from a web page (a ``| --- |`` rule under the header, amounts in 元 with
thousands separators, a ``其中：`` sub-row); a table with 合计/小计 rows, a
``单位：万元`` note above it and its header repeated after a page break; a
spreadsheet copy with TAB-separated cells whose 序号 column (一 / 1) nests the rows
where the sums do not, amounts in 元 by its header against a 万元 note above. A
.docx table with merged cells is built here with python-docx.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from unseen import cases, document, expected, texts

from gongwen.ingest import formats
from gongwen.process import process_file

CASES = cases("budget_")
FIELDS = ("activity", "parent", "amount", "amount_unit", "description", "goal")


def test_every_document_has_expectations() -> None:
    assert len(CASES) >= 4
    assert {f"{c}.txt" for c in CASES} == texts("budget_")


@pytest.mark.parametrize("name", CASES)
def test_items(name: str) -> None:
    got = [tuple(getattr(b, f) for f in FIELDS) for b in document(name).budget_items]
    assert got == [tuple(b[f] for f in FIELDS) for b in expected(name)["budget_items"]]


@pytest.mark.parametrize("name", CASES)
def test_indicators(name: str) -> None:
    got = [[(i.name, i.grades) for i in b.indicators] for b in document(name).budget_items]
    want = [[(i["name"], i["grades"]) for i in b["indicators"]] for b in expected(name)["budget_items"]]
    assert got == want


@pytest.mark.parametrize("field", ["title", "doc_type"])
@pytest.mark.parametrize("name", CASES)
def test_metadata(name: str, field: str) -> None:
    assert getattr(document(name), field) == expected(name)[field]


@pytest.mark.parametrize("name", CASES)
def test_item_spans_start_at_their_activity(name: str) -> None:
    d = document(name)
    for b in d.budget_items:
        assert b.activity in d.text[b.start:b.end]


# A .docx budget table: grade columns under a merged 评价标准, the activity cell of
# a group merged down over its rows, sub-rows in a second activity column, a
# 小计 row; amounts in 元 with thousands separators, stated in a note above.
DOCX_HEADER = ["一级项目", "二级项目", "预算金额", "绩效目标", "绩效指标"]
DOCX_ROWS = [
    ["乡村振兴衔接", "", "1,500,000", "巩固脱贫攻坚成果", "", "", "", "", ""],
    ["", "产业帮扶", "1,100,000", "扶持特色种养业", "带动脱贫户户数", "300户以上", "200-299户", "100-199户",
     "100户以下"],
    ["", "", "", "", "产业项目完工率", "100%", "95%", "90%", "90%以下"],
    ["", "雨露计划补助", "400,000", "资助脱贫家庭学生就读职业院校", "补助发放及时率", "100%", "95%", "90%",
     "90%以下"],
    ["", "小计", "1,500,000", "", "", "", "", "", ""],
]


def build_docx(path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某县乡村振兴局项目支出绩效目标表")
    document.add_paragraph("单位：元")
    table = document.add_table(rows=2 + len(DOCX_ROWS), cols=9)
    for j, text in enumerate(DOCX_HEADER):
        table.cell(0, j).merge(table.cell(1, j)).text = text
    table.cell(0, 5).merge(table.cell(0, 8)).text = "评价标准"
    for j, grade in enumerate(["优", "良", "中", "差"], start=5):
        table.cell(1, j).text = grade
    for i, row in enumerate(DOCX_ROWS, start=2):
        for j, text in enumerate(row):
            if text:
                table.cell(i, j).text = text
    # the group's first-level cell merged down over its sub-rows
    table.cell(3, 0).merge(table.cell(2 + len(DOCX_ROWS) - 1, 0))
    document.save(str(path))


def test_docx_budget_table_with_merged_cells(tmp_path: Path) -> None:
    if "docx" not in formats():
        pytest.skip("no .docx reader registered")
    path = tmp_path / "budget.docx"
    build_docx(path)
    items = process_file(path).budget_items
    assert [(b.activity, b.parent, b.amount, b.amount_unit, b.goal) for b in items] == [
        ("乡村振兴衔接", None, 1500000, "元", "巩固脱贫攻坚成果"),
        ("产业帮扶", "乡村振兴衔接", 1100000, "元", "扶持特色种养业"),
        ("雨露计划补助", "乡村振兴衔接", 400000, "元", "资助脱贫家庭学生就读职业院校"),
    ]
    assert [i.name for i in items[1].indicators] == ["带动脱贫户户数", "产业项目完工率"]
    assert items[2].indicators[0].grades == {"优": "100%", "良": "95%", "中": "90%", "差": "90%以下"}
