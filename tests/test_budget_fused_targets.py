"""The grade cells of a fused indicator row are placed by what they hold: a number target's
column is its place among the row's grades, which differs from row to row (``90%以上`` is one
row's 优 and another's 中), so other rows give no evidence against it; and a word that opens
each of a row's targets opens the first one too when a comparator's word follows it
(``故障次数少于3次 | 故障次数3次 | 故障次数3次以上``)."""

from __future__ import annotations

from gongwen.extractors.budget_fused import Column, fused_tables, segment
from gongwen.process import process_text

# An indicator grid of a made-up project form: category, name, then the targets of four grades.
GRID = [
    ["二级指标", "指标名称", "评价标准", "", "", ""],
    ["", "", "优", "良", "中", "差"],
    ["数量指标", "学员参训率", "100%", "95%以上", "90%以上", "90%以下"],
    ["质量指标", "课程结业率", "100%", "95%以上", "90%以上", "90%以下"],
    ["时效指标", "年度考核工作完成率", "90%以上", "80%以上", "60%以上", "60%以下"],
    ["质量指标", "档案数字化完成率", "100%", "95%以上", "90%以上", "90%以下"],
]


def fused_cells(grid: list[list[str]], first: int = 2) -> list[list[str]]:
    """The grid flattened as a .docx copy does (a row a line, nothing between its cells),
    then cut back into cells, from the row ``first`` (the one after the header's rows)."""
    lines = ["".join(row) for row in grid]
    text = "\n".join(lines)
    spans, pos = [], 0
    for line in lines:
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    cut = fused_tables(text, spans)
    return [[text[a:b] for a, b in cut[k] if a >= 0] for k in range(first, len(lines))]


def test_a_number_target_seen_under_another_grade_in_other_rows_keeps_its_place() -> None:
    assert fused_cells(GRID) == [[c for c in row if c] for row in GRID[2:]]


def test_a_word_repeated_before_each_target_opens_the_first_behind_a_comparators_word() -> None:
    columns = [Column("indicator", "指标名称"), *(Column("grade", g) for g in "优良中差")]
    line = "网络运行故障率无故障故障次数少于3次故障次数3次故障次数3次以上"
    cells = [line[p[0]:p[1]] for p in segment(line, columns) if p]
    assert cells[-3:] == ["故障次数少于3次", "故障次数3次", "故障次数3次以上"]
    assert cells[0].startswith("网络运行故障率")


def test_a_grade_of_two_bounds_joined_by_a_comma_is_one_cell() -> None:
    # the `，` between two bounds is no cell of its own, and no cell opens or ends on it
    columns = [Column("indicator", "指标名称"), *(Column("grade", g) for g in "优良中差")]
    line = "新建站点数＞6个＜6个，＞3个＜3个无"
    cells = [line[p[0]:p[1]] for p in segment(line, columns) if p]
    assert cells == ["新建站点数", "＞6个", "＜6个，＞3个", "＜3个", "无"]


#: A project form with a target-value indicator grid, each row of the grid one fused line.
FORM_GRID = [
    ["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"],
    ["产出指标", "数量指标", "维护路灯数量", "≥120盏", "计划标准"],
    ["", "质量指标", "路灯亮灯率", "≥98%", "计划标准"],
    ["效益指标", "社会效益指标", "村民满意度", "≥90%", "计划标准"],
]


def test_a_form_field_after_the_fused_grid_is_no_indicator() -> None:
    lines = [
        "某村2024年项目支出绩效目标表",
        "项目名称村道路灯维护预算部门某镇人民政府",
        "年度预算金额12.5万元",
        *("".join(row) for row in FORM_GRID),
        "填表人: 某某 联系电话:1XXXXXXXXXX 填报日期:",
    ]
    items = process_text("\n".join(lines), path="form.txt").budget_items
    names = [i.name for item in items for i in item.indicators]
    assert names == [row[2] for row in FORM_GRID[1:]]


#: An activity grid: activity, amount, description, goal; the last row states no amount.
ACTIVITIES = [
    ["职责活动", "年度预算数", "内容描述", "绩效目标"],
    ["档案接收管理", "12.50", "负责全县机关档案的接收、整理和进馆工作", "确保应进馆档案按期进馆"],
    ["档案利用服务", "8.20", "负责馆藏档案的查阅利用和编研工作", "方便群众查阅，提高利用效率"],
    ["档案安全管理", "20.00", "负责馆库安全和档案保护工作", "确保馆藏档案安全无事故"],
    ["综合事务管理", "", "组织史料征集；机关文秘、会务和后勤保障", "保障机关工作正常运转"],
]


def test_a_name_ends_where_the_columns_names_end_in_rows_with_an_amount() -> None:
    # 管理 ends two names an amount follows: the row with no amount ends its name there too,
    # though the words after it read on (管理组织史料)
    assert fused_cells(ACTIVITIES, first=1)[-1][0] == "综合事务管理"
