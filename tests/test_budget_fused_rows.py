"""A budget table copied from a .docx as text, one row a line with its cells run together
(no separators at all), is cut back into the cells of the grid it came from: the header
line tiles into known column labels, and each row is cut by what its cells hold."""

from __future__ import annotations

from gongwen.extractors.budget_fused import (
    Column,
    has_fused_table,
    repeated_heads,
    repeated_tails,
    segment,
    tile_grades,
    tile_header,
)
from gongwen.extractors.budget_text import text_rows
from gongwen.process import process_text

# An indicator grid of a project form, written for this test.
GRID = [
    ["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"],
    ["产出指标", "数量指标", "新建村级文化广场数", "≥12个", "计划标准"],
    ["", "质量指标", "工程验收合格率", "100%", "计划标准"],
    ["", "时效指标", "项目完工时间", "2024.10", "计划标准"],
    ["效益指标", "社会效益指标", "群众文化活动参与人次", "≥3000人次", "计划标准"],
    ["", "满意度指标", "村民满意度", "≥95%", "计划标准"],
]


def fused_lines(grid: list[list[str]]) -> list[str]:
    return ["".join(row) for row in grid]


def test_the_header_line_tiles_into_its_column_labels() -> None:
    spans = tile_header("一级指标二级指标三级指标指标值(或计划水平)绩效标准")
    assert spans is not None
    assert [label.role for _, _, label in spans] == ["indicator_group", "indicator_group", "indicator", "grade", "value"]
    assert tile_grades("优良中差") is not None
    assert tile_header("项目名称乡村道路养护工程主管部门某县交通局") is None  # a label/value row, no header


def test_each_fused_row_is_cut_into_the_cells_of_its_grid() -> None:
    lines = fused_lines(GRID)
    columns = [Column(label.role, lines[0][a:b]) for a, b, label in tile_header(lines[0])]
    body = lines[1:]
    tails, heads = repeated_tails(body), repeated_heads(body)
    assert tails == {"计划标准"}  # a value repeating down its column is a cell of its own
    for row, line in zip(GRID[1:], body, strict=True):
        cells = [line[p[0]:p[1]] for p in segment(line, columns, tails, heads) if p]
        assert cells == [c for c in row if c]


def test_the_rows_words_repeated_before_its_targets_open_each_target() -> None:
    columns = [Column("indicator", "指标"), *(Column("grade", g) for g in "优良中差")]
    line = "培训参训率参训率95%参训率85%参训率75%参训率60%"
    cells = [line[p[0]:p[1]] for p in segment(line, columns) if p]
    assert cells == ["培训参训率", "参训率95%", "参训率85%", "参训率75%", "参训率60%"]


def test_the_rebuilt_rows_of_a_fused_table_are_its_grid_with_a_warning() -> None:
    text = "项目支出绩效目标表\n单位：万元\n" + "\n".join(fused_lines(GRID)) + "\n"
    doc = process_text(text)
    rows = [[c.text for c in r if c.text] for r in text_rows(doc, [])]
    assert [r for r in rows if len(r) > 1] == [[c for c in row if c] for row in GRID]
    assert any("no cell separators" in w for w in doc.warnings)


def test_a_fused_activity_grid_keeps_each_activity_and_its_amount() -> None:
    grid = [
        ["职责活动", "年度预算数", "内容描述", "绩效目标"],
        ["档案管理", "36.5", "负责机关文书档案的收集、整理和保管", "档案完整率达到百分之百"],
        ["信息化建设", "12", "负责机关网络和信息系统的日常维护", "系统全年安全运行"],
    ]
    doc = process_text("\n".join(fused_lines(grid)) + "\n")
    assert [(b.activity, b.amount) for b in doc.budget_items] == [("档案管理", 36.5), ("信息化建设", 12)]


def test_a_fused_grid_is_a_table_to_the_genre_classifier() -> None:
    assert has_fused_table("某局项目绩效目标\n" + "\n".join(fused_lines(GRID)))
    assert not has_fused_table("各单位要按照绩效目标管理的要求，认真填报一级指标和二级指标。\n")
    grid = [
        ["职责活动", "年度预算数", "内容描述", "绩效目标"],
        ["档案管理", "36.5", "负责机关文书档案的收集、整理和保管；负责档案查阅服务", "档案完整率达到百分之百"],
        ["信息化建设", "12", "负责机关网络和信息系统的日常维护；负责网站内容更新", "系统全年安全运行"],
    ]
    assert process_text("\n".join(fused_lines(grid)) + "\n").doc_type == "budget_table"


def test_a_fused_form_names_its_unit_by_a_label_written_with_an_aside() -> None:
    text = ("某县档案馆2024年度整体绩效目标表\n部门(单位)名称某县档案馆\n*年度总体绩效目标完成馆藏档案数字化\n"
            + "\n".join(fused_lines(GRID)) + "\n")
    items = process_text(text).budget_items
    assert [b.activity for b in items] == ["某县档案馆"]
    assert [i.name for i in items[0].indicators] == [row[2] for row in GRID[1:]]


def test_a_label_closed_by_its_unit_note_is_cut_from_the_name_before_it() -> None:
    text = ("项目支出绩效目标批复表\n项目名称乡村道路提质改造工程中期市级预算(万元)5200.00本年度预算金额(万元)860.00\n"
            + "\n".join(fused_lines(GRID)) + "\n")
    items = process_text(text).budget_items
    assert [(b.activity, b.amount, b.amount_unit) for b in items] == [("乡村道路提质改造工程", 860, "万元")]


def test_a_category_with_an_aside_inside_stays_one_cell_and_asides_stay_with_their_label() -> None:
    header = "一级指标二级指标三级指标指标值(或计划水平)绩效标准"
    spans = tile_header(header)
    assert spans is not None and [header[a:b] for a, b, _ in spans][3] == "指标值(或计划水平)"
    columns = [Column(label.role, header[a:b]) for a, b, label in spans]
    line = "产出指标成本(或投资规模)控制指标年度预算执行率≥95%计划标准"
    cells = [line[p[0]:p[1]] for p in segment(line, columns, {"计划标准"}) if p]
    assert cells == ["产出指标", "成本(或投资规模)控制指标", "年度预算执行率", "≥95%", "计划标准"]


def test_a_value_repeating_down_its_column_places_the_row_that_lacks_a_name() -> None:
    # the third row has no indicator name of its own: its category stands in the name column,
    # and 定量 goes under 指标值类型 as in the other rows, not under the name
    lines = ["一级指标二级指标三级指标指标值类型指标值",
             "产出指标数量指标培训场次定量12场",
             "质量指标培训合格率定量98%",
             "成本指标经济成本指标定量50万元",
             "时效指标完成时限定量2024年底"]
    doc = process_text("项目名称某县基层干部能力提升培训项目\n" + "\n".join(lines) + "\n")
    names = [i.name for b in doc.budget_items for i in b.indicators]
    assert names == ["培训场次", "培训合格率", "经济成本指标", "完成时限"]
