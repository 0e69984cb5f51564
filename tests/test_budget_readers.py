"""Budget tables in .docx and .html (merged header cells, indented sub-rows) read
end to end through ``process_file``: the reader renders the table into the
cell-per-line layout, the table stage parses it, the extractor reads the items."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.extractors.budget import extract_budget_items
from gongwen.ingest import formats
from gongwen.process import process_file

HEADER = ["职责活动", "年度预算数（万元）", "内容描述", "绩效目标", "绩效指标"]
GRADES = ["优", "良", "中", "差"]
ROWS = [
    ["机关党建", "25.60", "负责机关党组织建设", "党建工作规范有序", "", "", "", "", ""],
    ["　　支部标准化建设", "15.00", "推进支部达标创建", "支部全部达标", "达标支部比例",
     "100%", "90%以上", "80%以上", "80%以下"],
    ["", "", "", "", "党员培训覆盖率", "100%", "95%以上", "90%以上", "90%以下"],
    ["　　党员志愿服务", "10.60", "组织党员志愿服务", "服务群众", "志愿服务时长",
     "不少于2000小时", "1500-1999小时", "1000-1499小时", "1000小时以下"],
    ["人事管理", "8.00", "负责机关人事工作", "人事管理规范", "档案整理完成率", "100%", "95%", "90%", "90%以下"],
]


def build_docx(path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("市直机关工委部门预算绩效目标表")
    table = document.add_table(rows=2 + len(ROWS), cols=9)
    for j, text in enumerate(HEADER):
        merged = table.cell(0, j).merge(table.cell(1, j))  # spans both header rows
        merged.text = text
    grade_head = table.cell(0, 5).merge(table.cell(0, 8))  # 评价标准 over the four grades
    grade_head.text = "评价标准"
    for j, grade in enumerate(GRADES, start=5):
        table.cell(1, j).text = grade
    for i, row in enumerate(ROWS, start=2):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    document.add_paragraph("注：绩效指标按年度考核。")
    document.save(str(path))


def test_docx_budget_table(tmp_path: Path) -> None:
    if "docx" not in formats():
        pytest.skip("no .docx reader registered yet")
    path = tmp_path / "budget.docx"
    build_docx(path)
    doc = process_file(path, ["normalize", "tables"])
    items = extract_budget_items(doc)
    assert [(b.activity, b.parent, b.amount, b.amount_unit) for b in items] == [
        ("机关党建", None, 25.6, "万元"),
        ("支部标准化建设", "机关党建", 15.0, "万元"),
        ("党员志愿服务", "机关党建", 10.6, "万元"),
        ("人事管理", None, 8.0, "万元"),
    ]
    assert [i.name for i in items[1].indicators] == ["达标支部比例", "党员培训覆盖率"]
    assert items[2].indicators[0].grades == {
        "优": "不少于2000小时", "良": "1500-1999小时", "中": "1000-1499小时", "差": "1000小时以下"}
    for b in items:
        assert doc.text[b.start:b.end].startswith(b.activity)


HTML = """<html><head><meta charset="utf-8"><title>区财政局</title></head><body>
<p>某区司法局项目支出绩效目标表</p>
<table border="1">
<tr><td rowspan="2">项目名称</td><td rowspan="2">预算金额（万元）</td><td rowspan="2">绩效目标</td>
<td rowspan="2">绩效指标</td><td colspan="4">评价标准</td></tr>
<tr><td>优</td><td>良</td><td>中</td><td>差</td></tr>
<tr><td rowspan="2">人民调解</td><td rowspan="2">22.4</td><td rowspan="2">矛盾纠纷化解</td><td>调解成功率</td>
<td>98%以上</td><td>95%以上</td><td>90%以上</td><td>90%以下</td></tr>
<tr><td>案件回访率</td><td>100%</td><td>90%</td><td>80%</td><td>80%以下</td></tr>
<tr><td>&#12288;&#12288;调解员培训</td><td>5</td><td>提升能力</td><td>培训人次</td>
<td>200</td><td>150</td><td>100</td><td>100以下</td></tr>
</table></body></html>"""


def test_html_budget_table_with_rowspan_and_colspan(tmp_path: Path) -> None:
    if "html" not in formats():
        pytest.skip("no .html reader registered yet")
    path = tmp_path / "budget.html"
    path.write_text(HTML, encoding="utf-8")
    items = extract_budget_items(process_file(path, ["normalize", "tables"]))
    assert [(b.activity, b.parent, b.amount, b.amount_unit) for b in items] == [
        ("人民调解", None, 22.4, "万元"), ("调解员培训", "人民调解", 5, "万元")]
    assert [i.name for i in items[0].indicators] == ["调解成功率", "案件回访率"]
    assert items[1].indicators[0].grades == {"优": "200", "良": "150", "中": "100", "差": "100以下"}



def _items(doc) -> list[tuple]:
    return [(i.activity, i.amount, i.parent is not None, len(i.indicators)) for i in doc.budget_items]


def test_pdf_budget_table_gives_the_items_of_its_text_export(tmp_path: Path, samples: Path) -> None:
    """The sample budget table printed to PDF (ruled table, wrapped cells) yields the
    same items as the same table exported one cell per line."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpora"))
    import make_samples

    path = tmp_path / "budget.pdf"
    path.write_bytes(make_samples.to_pdf(make_samples.parse(make_samples.SRC / "budget_table.txt")))
    from_pdf = _items(process_file(path))
    assert from_pdf and from_pdf == _items(process_file(samples / "budget_table.txt"))
    assert any(has_parent for _, _, has_parent, _ in from_pdf) and any(n for *_, n in from_pdf)
