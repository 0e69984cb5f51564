"""Cross-district comparison over a store of the sample records: meeting slots side by
side with differences marked, duty lists aligned, and every export format (the .xlsx
opened back with openpyxl and checked cell by cell)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from test_store_samples import docs
from typer.testing import CliRunner

from gongwen.compare import (
    MARK_FILL,
    align,
    canonical_body,
    compare_duties,
    compare_meetings,
    to_markdown,
    write_csv,
    write_xlsx,
)
from gongwen.store import Store


@pytest.mark.parametrize("body, kind", [
    ("常委会会议", "常委会会议"),
    ("区委常委会会议", "常委会会议"),
    ("常务委员会会议", "常委会会议"),
    ("人大常委会主任会议", "主任会议"),  # the longest alias wins
    ("区委全体会议", "全委会"),
    ("书记办公会议", "书记办公会"),
    ("村“两委”联席会议", "村“两委”会"),
    ("周一例会", "例会"),
    ("监事会会议", "监事会会议"),  # unknown: its own kind
])
def test_canonical_body(body: str, kind: str) -> None:
    assert canonical_body(body) == kind


def test_meetings_one_row_per_region_slots_as_columns(sample_db: Path) -> None:
    comp = compare_meetings(sample_db, body="常委会")
    assert [r.label for r in comp.rows] == ["东山区", "西岭区"]
    east, west = comp.rows
    assert (east.cells["frequency"].value, west.cells["frequency"].value) == ("2次/月", "1次/月")
    assert (east.cells["quorum"].value, west.cells["quorum"].value) == ("≥1/2 常委", "≥2/3 常委")
    assert west.cells["vote_threshold"].value == ">1/2 应到会常委"
    assert east.cells["special_quorum"].value == "讨论干部任免事项：≥2/3"
    assert east.cells["attendees"].value == "区人大常委会主任、区政协主席"
    assert set(comp.differing_columns()) == {"frequency", "ad_hoc", "quorum", "special_quorum", "vote_threshold",
                                             "attendees", "recorder"}
    assert east.cells["chair"].mark is None and east.cells["frequency"].mark == "differs"


def test_meetings_without_body_groups_kinds(sample_db: Path) -> None:
    comp = compare_meetings(sample_db)
    assert [(r.group, r.label) for r in comp.rows] == [
        ("全委会", "东山区"), ("常委会会议", "东山区"), ("常委会会议", "西岭区")]
    full = comp.rows[0]
    assert full.cells["frequency"].value == "2次/年（至少）"
    assert not any(c.mark for c in full.cells.values())  # alone in its group: nothing to differ from
    assert compare_meetings(sample_db, region="西岭区").rows[0].label == "西岭区"
    assert compare_meetings(sample_db, body="书记办公会").rows == []


def test_majority_value_is_not_marked(tmp_path: Path) -> None:
    from test_store_samples import XILING, Spec, build

    path = tmp_path / "g.db"
    with Store.open(path) as store:
        for d in docs():
            store.put(d)
        for region in ("甲区", "乙区"):  # two more districts with 西岭's rules: 1次/月 becomes the majority
            spec = Spec(**{**XILING.__dict__, "path": f"{region}.txt", "region": region})
            store.put(build(spec, text=XILING.text + region))
    comp = compare_meetings(path, body="常委会")
    marks = {r.label: r.cells["frequency"].mark for r in comp.rows}
    assert marks == {"东山区": "differs", "西岭区": None, "甲区": None, "乙区": None}


def test_duties_aligned_with_what_each_lacks(sample_db: Path) -> None:
    comp = compare_duties(sample_db, organ="组织部")
    assert [comp.headers[c] for c in comp.columns] == ["北湖区", "南岭区"]
    north, south = comp.columns
    pairs = {(r.cells[north].value, r.cells[south].value) for r in comp.rows}
    assert ("负责党费的收缴、管理和使用", "负责党费收缴、管理和使用工作") in pairs
    assert ("负责全区干部人事档案的管理工作", "管理全区干部人事档案") in pairs
    assert ("研究拟订全区组织工作的政策措施", "研究拟订全区组织工作政策措施并组织实施") in pairs
    assert comp.unique == {"北湖区": ["指导全区基层党组织建设", "负责本部机要、秘书、文书档案工作",
                                     "负责全区科级干部的考察任免工作"],
                           "南岭区": ["负责全区人才工作的统筹协调"]}
    lone = next(r for r in comp.rows if r.cells[south].value == "负责全区人才工作的统筹协调")
    assert (lone.cells[south].mark, lone.cells[north].mark) == ("unique", "missing")
    assert comp.rows[0].label == "2/2"


def test_duties_of_all_documents(sample_db: Path) -> None:
    comp = compare_duties(sample_db)
    assert len(comp.columns) == 4
    shared = [r for r in comp.rows if r.label == "4/4"]
    assert len(shared) == 1 and "党费" in shared[0].cells[comp.columns[0]].value
    assert comp.unique["西岭区"] == ["领导全区精神文明建设"]


@pytest.mark.parametrize("lists, threshold, expected", [
    ([["负责党费收缴"], ["负责收缴党费"]], 0.3, [[0, 0]]),
    ([["负责党费收缴"], ["领导精神文明建设"]], 0.3, [[0, None], [None, 0]]),
    ([["负责党费收缴", "管理干部档案"], ["管理干部人事档案", "负责党费的收缴"]], 0.3, [[0, 1], [1, 0]]),
    ([["负责党费收缴"], ["负责收缴党费"]], 0.99, [[0, None], [None, 0]]),  # threshold refuses the pair
    ([["甲", "乙"], []], 0.3, [[0, None], [1, None]]),
    ([["其他有关民政事项"], ["其他有关口腔健康事项"]], 0.3, [[0, None], [None, 0]]),  # shared frame only
    ([["领导交办的其他工作"], ["其他交办事项"]], 0.3, [[0, 0]]),  # the catch-all duty lines up
])
def test_align(lists: list[list[str]], threshold: float, expected: list[list[int | None]]) -> None:
    assert sorted((idx for idx, _ in align(lists, threshold)), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("text, content", [
    ("其他有关民政事项", "民政"),
    ("负责全区干部人事档案的管理工作", "全区干部人事档案的管理"),
    ("掌理本部人事事项", "人事"),
    ("负责", "负责"),  # nothing but frame: kept whole
])
def test_content_of(text: str, content: str) -> None:
    from gongwen.similar import content_of

    assert " ".join(content_of(text).split()) == content


def test_xlsx_cell_by_cell(sample_db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    comp = compare_meetings(sample_db, body="常委会")
    out = tmp_path / "meetings.xlsx"
    write_xlsx(comp, out)
    ws = load_workbook(out)["比较"]
    assert ws.freeze_panes == "B2"
    header = [c.value for c in ws[1]]
    assert header[:4] == ["地区", "会议", "频次", "临时召开"]
    assert ws.cell(1, 1).font.bold
    for ri, row in enumerate(comp.rows, start=2):
        assert ws.cell(ri, 1).value == row.label
        for ci, col in enumerate(comp.columns, start=2):
            cell = ws.cell(ri, ci)
            assert (cell.value or "") == row.cells[col].value
            assert cell.alignment.wrap_text
            fill = cell.fill.start_color.rgb if cell.fill.fill_type == "solid" else None
            expected = MARK_FILL[row.cells[col].mark] if row.cells[col].mark else None
            assert (fill[-6:] if fill else None) == expected, (ri, ci)
    assert ws.cell(2, header.index("频次") + 1).value == "2次/月"
    assert ws.cell(3, header.index("到会人数") + 1).value == "≥2/3 常委"


def test_xlsx_duties_marks(sample_db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "duties.xlsx"
    write_xlsx(compare_duties(sample_db, organ="组织部"), out)
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(min_row=2, values_only=False))
    lone = next(r for r in rows if r[2].value == "负责全区人才工作的统筹协调")
    assert lone[2].fill.start_color.rgb[-6:] == MARK_FILL["unique"]
    assert lone[1].value is None and lone[1].fill.start_color.rgb[-6:] == MARK_FILL["missing"]


def test_csv_and_markdown(sample_db: Path, tmp_path: Path) -> None:
    comp = compare_meetings(sample_db, body="常委会")
    out = tmp_path / "m.csv"
    write_csv(comp, out)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["地区", "会议", "频次"] and rows[0][-1] == "marked"
    assert rows[1][0] == "东山区" and "频次:differs" in rows[1][-1]
    md = to_markdown(comp)
    assert "| 东山区 | 常委会会议 | ≠ 2次/月 |" in md


@pytest.mark.parametrize("args, fragment", [
    (["compare", "meetings", "--body", "常委会", "-f", "md"], "≠ 1次/月"),
    (["compare", "duties", "--organ", "组织部", "-f", "csv"], "负责全区人才工作的统筹协调"),
    (["compare", "duties", "--organ", "组织部", "-f", "json"], '"mark": "unique"'),
    (["compare", "meetings"], "常委会会议"),
])
def test_cli(sample_db: Path, args: list[str], fragment: str) -> None:
    from gongwen.cli import load_commands

    app = load_commands()

    res = CliRunner().invoke(app, [*args, "--db", str(sample_db)], env={"COLUMNS": "250"})
    assert res.exit_code == 0, res.output
    assert fragment in res.stdout


def test_cli_xlsx_output_and_errors(sample_db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from gongwen.cli import load_commands

    app = load_commands()
    runner = CliRunner()
    out = tmp_path / "c.xlsx"
    res = runner.invoke(app, ["compare", "duties", "-o", str(out), "--db", str(sample_db)])
    assert res.exit_code == 0, res.output
    assert load_workbook(out).active.max_column == 5
    res = runner.invoke(app, ["compare", "meetings", "-f", "xlsx", "--db", str(sample_db)])
    assert res.exit_code != 0 and "--output" in res.output
    res = runner.invoke(app, ["compare", "meetings", "--body", "书记办公会", "--db", str(sample_db)])
    assert res.exit_code == 1 and "nothing to compare" in res.output


def test_too_many_documents_is_a_clear_error(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gongwen.compare

    monkeypatch.setattr(gongwen.compare, "MAX_DOCUMENTS", 3)
    with pytest.raises(ValueError, match="4 documents match.*narrow it"):
        compare_duties(sample_db)
    assert len(compare_duties(sample_db, doc_type="duty_list").columns) == 2


@pytest.mark.parametrize("a, b, same", [
    # sharing only the frame of a duty (贯彻执行上级党组织…) is not the same duty
    ("贯彻执行上级党组织有关组织工作的路线、方针、政策", "制定贯彻执行上级党组织和区党代表大会决议、打算的措施", False),
    ("负责全区干部人事档案管理工作", "负责全区党员教育管理工作", False),
    # paraphrases of one duty in two districts share what it is about
    ("贯彻执行上级党组织有关组织工作的路线、方针、政策", "贯彻落实党中央和上级党组织关于组织工作的方针政策", True),
    ("负责党费的收缴、管理和使用", "加强党费收缴、使用和管理", True),
    ("规划和指导全局精神产品的生产工作", "负责从宏观上指导全区精神产品的生产", True),
    ("完成领导交办的其他工作", "完成区委交办的其他任务", True),
])
def test_duties_line_up_only_when_they_share_a_topic(a: str, b: str, same: bool) -> None:
    from gongwen.compare import align, share_topic

    assert share_topic(a, b) is same
    rows = align([[a, "负责机关后勤保障"], [b, "负责档案室日常管理"]])
    paired = any(r[0] == 0 and r[1] == 0 for r, _ in rows)
    assert paired is same
