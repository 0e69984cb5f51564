"""The ``budget_items`` extractor on budget tables written in the style of real ones."""

from __future__ import annotations

import pytest

from gongwen.extractors.budget import extract_budget_items, has_budget_table
from gongwen.extractors.budget_grid import parse_amount
from gongwen.extractors.budget_header import classify, unit_in
from gongwen.record import BudgetItem, Document, Source
from gongwen.tables import tables_stage

GRADES = ["优", "良", "中", "差"]


def layout(*rows: list[str], caption: str | None = None, before: str = "") -> str:
    """Text in the cell-per-line layout of a text export (as seed 004)."""
    lines = [before] if before else []
    if caption:
        lines.append(f" \t{caption}")
    for row in rows:
        lines.append("")
        lines.extend("\t" + c for c in row)
    lines.append("")
    return "\n".join(lines)


def items_of(text: str) -> list[BudgetItem]:
    src = Source(path="t.txt", format="txt", encoding="utf-8", bytes=len(text.encode()), sha256="0" * 64)
    doc = tables_stage(Document(source=src, text=text))
    return extract_budget_items(doc)


# A performance-target table of a 宣传部 in the seed-004 layout: two header rows
# (grade names under 评价标准), indented sub-rows, indicator continuation rows.
EXPORT = layout(
    ["职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标", "评价标准"],
    ["", "", "", "", "", *GRADES],
    ["理论宣传教育", "86.40", "负责全县理论学习；组织宣讲活动", "提升理论武装水平", "", "", "", "", ""],
    ["　　理论学习中心组学习", "20.00", "组织中心组集中学习", "完成年度学习计划", "集中学习次数",
     "12次以上", "10-11次", "8-9次", "8次以下"],
    ["", "", "", "", "宣讲覆盖率", "100%", "90%及以上", "80%及以上", "80%以下"],
    ["　　基层宣讲", "", "开展百姓宣讲", "打通宣传最后一公里", "宣讲场次", "不少于60场", "不少于40场",
     "不少于20场", "少于20场"],
    ["新闻舆论工作", "31.5", "负责新闻发布和舆情处置", "舆论引导有力", "", "", "", "", ""],
    ["　　网络舆情监测", "", "全天候监测网络舆情", "处置及时", "舆情处置及时率", "100%", "95%以上",
     "90%以上", "90%以下"],
    caption="305宣传部",
)


def test_text_export_items_parents_amounts() -> None:
    items = items_of(EXPORT)
    assert [(b.activity, b.parent, b.amount, b.amount_unit) for b in items] == [
        ("理论宣传教育", None, 86.4, None),
        ("理论学习中心组学习", "理论宣传教育", 20.0, None),
        ("基层宣讲", "理论宣传教育", None, None),
        ("新闻舆论工作", None, 31.5, None),
        ("网络舆情监测", "新闻舆论工作", None, None),
    ]


def test_text_export_indicators_and_continuation_rows() -> None:
    items = items_of(EXPORT)
    study = items[1]
    assert [i.name for i in study.indicators] == ["集中学习次数", "宣讲覆盖率"]
    assert study.indicators[1].grades == {"优": "100%", "良": "90%及以上", "中": "80%及以上", "差": "80%以下"}
    assert items[0].indicators == [] and items[2].indicators[0].grades["优"] == "不少于60场"
    assert study.description == "组织中心组集中学习" and study.goal == "完成年度学习计划"


def test_item_span_runs_from_first_to_last_cell() -> None:
    items = items_of(EXPORT)
    study = items[1]
    assert EXPORT[study.start:study.start + len("理论学习中心组学习")] == "理论学习中心组学习"
    assert EXPORT[:study.end].endswith("80%以下")  # its continuation row is included
    assert study.end < items[2].start
    for b in items:
        assert EXPORT[b.start:b.end].startswith(b.activity)


# The same table with its columns in other orders: the layout comes from the header.
ORDERS = [
    [0, 1, 2, 3, 4],
    [1, 0, 3, 2, 4],
    [4, 2, 3, 0, 1],
]
COLUMNS = ["项目名称", "预算金额(万元)", "项目内容", "年度目标", "指标名称"]
ROWS = [["档案数字化", "45", "扫描历史档案", "完成数字化", "扫描页数"],
        ["", "", "", "", "数据准确率"],
        ["信息系统运维", "12.8", "维护业务系统", "系统稳定", "故障修复时长"]]


@pytest.mark.parametrize("order", ORDERS)
def test_column_order_does_not_matter(order: list[int]) -> None:
    header = [COLUMNS[i] for i in order] + ["目标值"]
    rows = [[r[i] for i in order] + [f"v{k}"] for k, r in enumerate(ROWS)]
    items = items_of(layout(header, *rows))
    assert [(b.activity, b.amount, b.amount_unit, b.description, b.goal) for b in items] == [
        ("档案数字化", 45, "万元", "扫描历史档案", "完成数字化"), ("信息系统运维", 12.8, "万元", "维护业务系统", "系统稳定")]
    assert [(i.name, i.grades) for i in items[0].indicators] == [("扫描页数", {"目标值": "v0"}),
                                                                   ("数据准确率", {"目标值": "v1"})]


def test_single_target_value_column() -> None:
    text = layout(["项目名称", "预算金额", "绩效指标", "指标值"],
                  ["农村公路养护", "300", "养护里程", "≥120公里"],
                  ["", "", "群众满意度", "≥85%"],
                  before="单位：万元")
    [item] = items_of(text)
    assert item.amount_unit == "万元"
    assert [(i.name, i.grades) for i in item.indicators] == [
        ("养护里程", {"目标值": "≥120公里"}), ("群众满意度", {"目标值": "≥85%"})]


def test_nested_activity_columns_give_parents() -> None:
    text = layout(["一级项目", "二级项目", "预算数", "绩效目标"],
                  ["机关运行", "", "60", "保障运转"],
                  ["", "办公经费", "40", "按标准支出"],
                  ["", "会议经费", "20", "压缩会议"])
    items = items_of(text)
    assert [(b.activity, b.parent) for b in items] == [
        ("机关运行", None), ("办公经费", "机关运行"), ("会议经费", "机关运行")]


def test_budget_group_header_over_subcolumns() -> None:
    text = layout(["项目名称", "年度预算安排（万元）", "", "绩效目标"],
                  ["", "合计", "财政拨款", ""],
                  ["教育培训", "18", "15", "培训干部200人次"])
    [item] = items_of(text)
    assert (item.activity, item.amount, item.amount_unit, item.goal) == ("教育培训", 18, "万元", "培训干部200人次")


@pytest.mark.parametrize("rows, expected", [
    # numbered rows: the marker's rank nests them
    ([["一、机关运行", "60"], ["1.办公经费", "40"], ["2.会议经费", "20"], ["二、业务工作", "30"]],
     [("一、机关运行", None), ("1.办公经费", "一、机关运行"), ("2.会议经费", "一、机关运行"), ("二、业务工作", None)]),
    # short activities that merely contain label words are rows, not a header
    ([["项目管理", "内容管理"], ["办公经费", "40"]], [("项目管理", None), ("办公经费", None)]),
    # a total row and a header repeated after a page break are not activities
    ([["办公经费", "40"], ["项目名称", "预算金额"], ["会议经费", "20"], ["合计", "60"]],
     [("办公经费", None), ("会议经费", None)]),
])
def test_row_nesting_and_skipped_rows(rows: list[list[str]], expected: list[tuple]) -> None:
    items = items_of(layout(["项目名称", "预算金额"], *rows))
    assert [(b.activity, b.parent) for b in items] == expected


def test_merged_parent_cell_on_first_child_row() -> None:
    text = layout(["一级项目", "二级项目", "预算数"],
                  ["综合管理", "机要文秘", "5"],
                  ["", "固定资产", "3"])
    assert [(b.activity, b.parent) for b in items_of(text)] == [("机要文秘", "综合管理"), ("固定资产", "综合管理")]


def test_unit_note_row_and_title_row_inside_the_table() -> None:
    text = layout(["某局项目支出绩效目标表", "", ""], ["单位：万元", "", ""],
                  ["项目名称", "预算金额", "绩效目标"], ["网格化管理", "66", "网格全覆盖"])
    src = Source(path="t.txt", format="txt", encoding="utf-8", bytes=1, sha256="0" * 64)
    doc = tables_stage(Document(source=src, text=text))
    assert doc.work.table_caption == "某局项目支出绩效目标表"
    [item] = extract_budget_items(doc)
    assert (item.activity, item.amount, item.amount_unit) == ("网格化管理", 66, "万元")


# Tables that are not budget tables give nothing.
@pytest.mark.parametrize("text", [
    layout(["序号", "姓名", "职务"], ["1", "张某", "部长"], ["2", "李某", "副部长"]),
    layout(["时间", "地点", "内容"], ["3月5日", "三楼会议室", "学习会"], ["4月2日", "党校", "培训"]),
    "编号 | 补助项目 | 补助基准 | 补助对象 | 备注 | 主办单位\n0101 | 网室 | 最高补助12万元 | 农民 | | 农粮署\n"
    "0102 | 灌溉 | 每公顷最高3万元 | 农民 | | 农粮署",
    "第一条 为加强预算管理，制定本办法。\n第二条 项目名称、预算金额应当如实填报。",
])
def test_non_budget_tables_give_nothing(text: str) -> None:
    assert items_of(text) == []


FORM = layout(
    ["部门（单位）名称", "江口县民政局", "", ""],
    ["年度预算申请（万元）", "资金总额", "1250.50", ""],
    ["部门职能职责概述", "负责社会救助和养老服务", "", ""],
    ["年度绩效目标", "保障困难群众基本生活，提升养老服务水平", "", ""],
    ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"],
    ["", "城乡低保救助", "按月足额发放低保金", "800.00"],
    ["", "养老服务补贴", "为高龄老人发放补贴", "450.50"],
    ["年度绩效指标", "一级指标", "三级指标", "指标值"],
    ["", "产出指标", "低保对象覆盖人数", "≥5000人"],
    ["", "效益指标", "群众满意度", "≥90%"],
    caption="江口县民政局部门整体支出绩效目标表",
)


def test_whole_unit_form_gives_unit_item_plus_activities() -> None:
    unit, *activities = items_of(FORM)
    assert (unit.activity, unit.parent, unit.amount, unit.amount_unit) == ("江口县民政局", None, 1250.5, "万元")
    assert unit.goal == "保障困难群众基本生活，提升养老服务水平"
    assert unit.description == "负责社会救助和养老服务"
    assert [(i.name, i.grades) for i in unit.indicators] == [
        ("低保对象覆盖人数", {"目标值": "≥5000人"}), ("群众满意度", {"目标值": "≥90%"})]
    assert [(b.activity, b.parent, b.amount, b.description) for b in activities] == [
        ("城乡低保救助", "江口县民政局", 800.0, "按月足额发放低保金"),
        ("养老服务补贴", "江口县民政局", 450.5, "为高龄老人发放补贴")]


@pytest.mark.parametrize("cell, amount", [
    ("140.32", 140.32), ("51.80", 51.8), ("1,200", 1200), ("12万元", 12), ("", None), ("—", None)])
def test_amount_as_written(cell: str, amount: float | None) -> None:
    assert parse_amount(cell) == amount


@pytest.mark.parametrize("header, role, key", [
    ("职责活动", "activity", None), ("年度预算数（万元）", "amount", None), ("内容描述", "description", None),
    ("绩效目标", "goal", None), ("目标值", "grade", "目标值"), ("指标值", "grade", "目标值"),
    ("优", "grade", "优"), ("评价标准", "grade_group", None), ("三级指标", "indicator", None),
    ("一级指标", "indicator_group", None), ("备注", "ignore", None),
])
def test_header_vocabulary(header: str, role: str, key: str | None) -> None:
    label = classify(header)
    assert label is not None and (label.role, label.key) == (role, key)


@pytest.mark.parametrize("text, unit", [
    ("年度预算数(万元)", "万元"), ("预算金额（元）", "元"), ("单位：万元", "万元"), ("年度预算数", None),
    ("（单位：亿元）", "亿元")])
def test_amount_unit_from_header(text: str, unit: str | None) -> None:
    assert unit_in(text) == unit


def test_shared_seed_budget_table(shared) -> None:
    from gongwen.process import process_file

    [path] = sorted((shared / "seeds").glob("004_*.txt"))
    doc = process_file(path, ["normalize", "tables"])
    items = extract_budget_items(doc)
    assert len(items) == 12
    assert sum(1 for b in items if b.parent is None) == 4
    assert [b.amount for b in items if b.amount is not None] == [140.32, 140.32, 51.8, 10.0, 41.8]
    assert sum(len(b.indicators) for b in items) == 14
    assert all(set(i.grades) == set(GRADES) for b in items for i in b.indicators)
    assert doc.work.table_caption.endswith("组织部")


def test_indentation_read_from_source_when_normalizer_dropped_it() -> None:
    source = layout(["职责活动", "年度预算数"], ["机关党建", "9"], ["　　支部建设", "4"])
    text = source.replace("\t　　", "\t")
    # offsets: normalized index → source index (the two dropped spaces shift the rest by 2)
    cut = source.index("\t　　") + 1
    offsets = [i if i < cut else i + 2 for i in range(len(text) + 1)]
    src = Source(path="t.txt", format="txt", encoding="utf-8", bytes=1, sha256="0" * 64)
    doc = Document(source=src, text=text)
    doc.work.source_text, doc.work.offsets = source, offsets
    items = extract_budget_items(tables_stage(doc))
    assert [(b.activity, b.parent) for b in items] == [("机关党建", None), ("支部建设", "机关党建")]


# A whole-unit table whose amount sits under its label in a header/value pair of rows.
FORM_STACKED = layout(
    ["部门（单位）名称", "206统战部", "", "", ""],
    ["年度主要任务", "任务名称", "主要内容", "", ""],
    ["", "民族宗教工作", "做好民族团结进步创建", "", ""],
    ["", "党外人士工作", "加强党外代表人士队伍建设", "", ""],
    ["年度部门整体支出预算（万元）", "资金总额", "财政拨款", "其他资金", ""],
    ["", "96.30", "96.30", "0", ""],
    ["年度总体目标", "巩固和发展最广泛的爱国统一战线", "", "", ""],
    ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值（包含数字及文字描述）"],
    ["", "产出指标", "数量指标", "党外干部培训人次", "≥60人次"],
    ["", "", "时效指标", "任务完成及时率", "100%"],
)


def test_whole_unit_form_with_stacked_amount() -> None:
    unit, *activities = items_of(FORM_STACKED)
    assert (unit.activity, unit.amount, unit.amount_unit, unit.goal) == (
        "206统战部", 96.3, "万元", "巩固和发展最广泛的爱国统一战线")
    assert [i.name for i in unit.indicators] == ["党外干部培训人次", "任务完成及时率"]
    assert unit.indicators[1].grades == {"目标值": "100%"}
    assert [(b.activity, b.parent, b.amount, b.description) for b in activities] == [
        ("民族宗教工作", "206统战部", None, "做好民族团结进步创建"),
        ("党外人士工作", "206统战部", None, "加强党外代表人士队伍建设")]


@pytest.mark.parametrize("text, expected", [
    (EXPORT, True), (FORM, True),
    (layout(["序号", "姓名", "职务"], ["1", "张某", "部长"], ["2", "李某", "副部长"]), False),
    ("第一条 本规则自发布之日起施行。", False),
])
def test_has_budget_table_hook(text: str, expected: bool) -> None:
    src = Source(path="t.txt", format="txt", encoding="utf-8", bytes=1, sha256="0" * 64)
    assert has_budget_table(tables_stage(Document(source=src, text=text))) is expected


def test_pipe_layout_budget_table() -> None:
    text = ("单位：万元\n项目名称 | 预算金额 | 绩效目标 | 绩效指标 | 目标值\n"
            "政务公开 | 8.5 | 公开及时 | 公开率 | 100%\n"
            "　　网站维护 | 3 | 网站正常运行 | 故障次数 | ≤2次\n"
            " |  |  | 更新频次 | 每周1次\n")
    items = items_of(text)
    assert [(b.activity, b.parent, b.amount, b.amount_unit) for b in items] == [
        ("政务公开", None, 8.5, "万元"), ("网站维护", "政务公开", 3, "万元")]
    assert [(i.name, i.grades) for i in items[1].indicators] == [
        ("故障次数", {"目标值": "≤2次"}), ("更新频次", {"目标值": "每周1次"})]


def _flat(*rows: tuple[str, float | None]) -> list:
    from gongwen.record import BudgetItem

    return [BudgetItem(activity=a, parent=None, amount=x, amount_unit="万元", description=None, goal=None,
                       start=0, end=0) for a, x in rows]


@pytest.mark.parametrize("rows,parents", [
    ([("党建", 86.5), ("村级经费", 62.3), ("党员培训", 24.2), ("人事", 41.8), ("培训", 28.6), ("考核", 13.2)],
     [None, "党建", "党建", None, "人事", "人事"]),
    ([("甲", 10), ("乙", 4), ("丙", 5)], [None, None, None]),            # does not add up
    ([("甲", 10), ("乙", 10), ("丙", 3)], [None, None, None]),           # one row is not a breakdown
    ([("甲", 10), ("乙", None), ("丙", 10)], [None, None, None]),        # a row without amount breaks the sum
    ([("合", 30), ("甲", 10), ("乙", 15), ("丙", 5)], [None, "合", "合", "合"]),
])
def test_flat_table_nested_by_its_sums(rows: list, parents: list) -> None:
    from gongwen.extractors.budget_grid import nest_by_sums

    assert [it.parent for it in nest_by_sums(_flat(*rows))] == parents


def test_stated_nesting_is_not_second_guessed() -> None:
    from gongwen.extractors.budget_grid import nest_by_sums

    items = _flat(("党建", 86.5), ("村级经费", 62.3), ("党员培训", 24.2))
    items[2].parent = "村级经费"  # the table said so, whatever the sums
    assert [it.parent for it in nest_by_sums(items)] == [None, None, "村级经费"]


@pytest.mark.parametrize("rows, expected", [
    # a 序号 column nests the rows (一 over 1) where the sums do not add up
    ([["一", "公共安全", "50"], ["1", "消防", "20"], ["2", "交通", "10"], ["二", "教育", "30"], ["1", "学前", "30"]],
     [("公共安全", None), ("消防", "公共安全"), ("交通", "公共安全"), ("教育", None), ("学前", "教育")]),
    ([["1", "办公", "5"], ["1.1", "水电", "2"], ["1.2", "印刷", "1"], ["2", "培训", "4"]],
     [("办公", None), ("水电", "办公"), ("印刷", "办公"), ("培训", None)]),
    # plain serial numbers nest nothing
    ([["1", "办公", "5"], ["2", "培训", "4"], ["3", "会议", "3"]], [("办公", None), ("培训", None), ("会议", None)]),
    # 合计 / 小计 / 总 计 rows are sums, not activities
    ([["", "合计", "9"], ["1", "办公", "5"], ["", "小　计", "5"], ["2", "培训", "4"], ["", "总 计", "9"]],
     [("办公", None), ("培训", None)]),
    # a 其中： row itemizes the row above; the next plain row is a sibling of that row again
    ([["1", "机关运行", "50"], ["", "其中：办公经费", "20"], ["", "其中： 差旅费", "8"], ["2", "培训", "4"]],
     [("机关运行", None), ("办公经费", "机关运行"), ("差旅费", "机关运行"), ("培训", None)]),
    # a bare 其中： row is no activity; the indented rows below it are the breakdown
    ([["1", "机关运行", "50"], ["", "其中：", ""], ["", "　　办公经费", "20"], ["2", "培训", "4"]],
     [("机关运行", None), ("办公经费", "机关运行"), ("培训", None)]),
])
def test_serial_column_totals_and_breakdowns(rows: list[list[str]], expected: list[tuple]) -> None:
    items = items_of(layout(["序号", "项目名称", "预算数"], *rows))
    assert [(b.activity, b.parent) for b in items] == expected


@pytest.mark.parametrize("text, unit", [
    # the column's own unit wins over a note above the table
    ("单位：万元\n" + layout(["项目名称", "预算金额（元）", "绩效目标"], ["培训", "12,000.00", "全员参训"]), "元"),
    ("单位：元\n" + layout(["项目名称", "预算金额", "绩效目标"], ["培训", "12,000.00", "全员参训"]), "元"),
])
def test_amount_in_yuan_with_separators(text: str, unit: str) -> None:
    [item] = items_of(text)
    assert (item.amount, item.amount_unit) == (12000.0, unit)


PART_ONE = layout(["项目名称", "预算金额", "绩效指标", "目标值"], ["道路养护", "30", "养护里程", "≥80公里"],
                  before="单位：万元")
PART_TWO_ROWS = [["", "", "优良路率", "≥85%"], ["　　桥梁检测", "6", "检测座数", "12座"]]


@pytest.mark.parametrize("between, header", [
    ("续表", True),          # header repeated after the break
    ("- 2 -\n续表", False),  # no header on the second page: same width continues
    ("2/3", False),
])
def test_table_split_by_a_page_break_is_read_as_one(between: str, header: bool) -> None:
    rows = ([["项目名称", "预算金额", "绩效指标", "目标值"]] if header else []) + PART_TWO_ROWS
    items = items_of(PART_ONE + between + "\n" + layout(*rows))
    assert [(b.activity, b.parent, b.amount_unit, [i.name for i in b.indicators]) for b in items] == [
        ("道路养护", None, "万元", ["养护里程", "优良路率"]), ("桥梁检测", "道路养护", "万元", ["检测座数"])]


def test_alike_tables_apart_in_the_text_stay_apart() -> None:
    second = layout(["项目名称", "预算金额", "绩效指标", "目标值"], *PART_TWO_ROWS)
    text = (PART_ONE + "二、下属单位项目支出绩效目标\n下表为县公路管理段填报的本年度项目支出绩效目标，"
            "资金来源为县级财政预算安排，与上表分开统计，不重复计算。\n" + second)
    items = items_of(text)
    assert [(b.activity, b.parent) for b in items] == [("道路养护", None), ("桥梁检测", None)]
    assert [i.name for i in items[0].indicators] == ["养护里程"]


def test_tables_of_several_units_run_together_in_one_export() -> None:
    """An export of several units' tables: each caption row opens a new outline, no item of its own."""
    second = EXPORT.replace("305宣传部", "306统战部").replace("理论宣传教育", "统一战线工作")
    items = items_of(EXPORT + "\n" + second)
    assert "306统战部" not in [b.activity for b in items]
    assert [(b.activity, b.parent) for b in items[5:7]] == [
        ("统一战线工作", None), ("理论学习中心组学习", "统一战线工作")]
    assert len(items) == 10


@pytest.mark.parametrize("lone", ["续表", "（续表）", "305宣传部绩效目标表（续）"])
def test_continued_cell_before_a_repeated_header_keeps_the_outline(lone: str) -> None:
    head = ["项目名称", "预算金额", "绩效指标", "目标值"]
    text = layout(head, ["道路养护", "30", "养护里程", "≥80公里"], [lone, "", "", ""], head,
                  ["", "", "优良路率", "≥85%"], ["　　桥梁检测", "6", "检测座数", "12座"])
    assert [(b.activity, b.parent, len(b.indicators)) for b in items_of(text)] == [
        ("道路养护", None, 2), ("桥梁检测", "道路养护", 1)]
