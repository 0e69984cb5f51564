"""Budget forms of many kinds, read by what their cells hold (texts written for these tests)."""

from __future__ import annotations

import pytest

from gongwen.extractors.budget_align import Column, align, columns_for, kind
from gongwen.extractors.budget_grid import code_ranks
from gongwen.process import process_text
from gongwen.record import Cell
from gongwen.tables import find_tables


def items(text: str) -> list[tuple]:
    return [(b.activity, b.parent, b.amount, b.amount_unit) for b in process_text(text).budget_items]


def indicators(text: str) -> list[str]:
    return [i.name for b in process_text(text).budget_items for i in b.indicators]


def cells(*texts: str) -> list[Cell]:
    return [Cell(text=t, start=0, end=0) for t in texts]


@pytest.mark.parametrize("text, expected", [
    ("", "empty"), ("产出指标", "group"), ("社会公众或服务对象满意度指标", "group"), ("时效指标(工期指标)", "group"),
    ("达成预期指标", "short"), ("38", "int"), ("697,723.84", "num"), ("≥90%", "num"), ("2、出国经费", "short"),
    ("按时发放全体人员工资待遇", "text"),
])
def test_cell_kinds(text: str, expected: str) -> None:
    assert kind(text) == expected


def test_a_row_shifted_by_a_merged_cell_is_aligned_by_content() -> None:
    roles: list[str | None] = ["indicator_group", "indicator_group", "indicator", "value", "grade", "value"]
    body = [cells("产出指标", "数量指标", "培训人次", "定量", "≥300人次", "未达标扣分"),
            cells("质量指标", "培训合格率", "定量", "≥95%", "未达标扣分"),
            cells("时效指标", "完成时间", "定量", "年底前", "未达标扣分")]
    columns = columns_for(roles, body)
    placed = [[c.text if c else None for c in align(row, columns)] for row in body[1:]]
    assert placed == [[None, "质量指标", "培训合格率", "定量", "≥95%", "未达标扣分"],
                      [None, "时效指标", "完成时间", "定量", "年底前", "未达标扣分"]]


def test_a_column_the_fullest_rows_leave_empty_takes_no_cell() -> None:
    # the header's first cell labels the block ("年度绩效指标") and spans its rows
    columns = columns_for(["indicator", "indicator_group", "indicator", "grade"],
                          [cells("数量指标", "宣讲场次", "≥40场"), cells("质量指标", "群众知晓率", "≥85%")])
    assert [c.text if c else None for c in align(cells("办件时限", "5个工作日"), columns)] == [
        None, None, "办件时限", "5个工作日"]


# A Taiwan KPI table in a pipe copy: the form rows are shorter than the grid.
TAIWAN = ("臺中市政府文化局114年度施政計畫\n"
          "計畫名稱 | 藝文推廣計畫 | 預算數(千元) | 18,600\n"
          "策略目標 | 擴大藝文參與\n"
          "關鍵績效指標 | 衡量標準 | 年度目標值\n"
          "藝文活動場次 | 全年辦理場次 | 120場\n"
          "參與人次 | 活動參與人次累計 | 60,000人次\n")


def test_taiwan_kpi_table() -> None:
    assert items(TAIWAN) == [("艺文推广计划", None, 18600, "千元")]
    assert indicators(TAIWAN) == ["艺文活动场次", "参与人次"]


# A self-evaluation form as a spreadsheet dump: an amount header over value rows where this
# year's budget column comes first and execution columns follow; a row of categories with
# nothing under them is no indicator.
SELF_EVALUATION = ("项目支出绩效自评表\n"
                   "项目名称 乡镇污水处理设施运维 主管部门 某县生态环境分局\n"
                   "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
                   "年度资金总额: 0 0 0 10 0 0\n"
                   "其中:财政拨款 45 44.8 44.8\n"
                   "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
                   "产出指标 数量指标 运维站点数 ≥12个 12 10 10\n"
                   "质量指标 出水达标率 ≥95% 96% 10 10\n"
                   "效益指标 经济效益指标\n"
                   "满意度指标 服务对象满意度指标 周边群众满意度 ≥90% 93% 10 10\n")


def test_self_evaluation_form_zero_total_yields_to_its_part() -> None:
    assert items(SELF_EVALUATION) == [("乡镇污水处理设施运维", None, 45, "万元")]
    assert indicators(SELF_EVALUATION) == ["运维站点数", "出水达标率", "周边群众满意度"]


def test_a_garbled_at_least_is_repaired_only_in_a_rate_over_100() -> None:
    text = ("项目名称 | 机关大楼物业管理 | 年度预算金额 | 96\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值\n"
            "产出指标 | 数量指标 | 巡查次数 | 2280次\n"
            " | 质量指标 | 设备验收合格率 | 295%\n")
    doc = process_text(text)
    grades = {i.name: i.grades for b in doc.budget_items for i in b.indicators}
    assert grades["巡查次数"] == {"目标值": "2280次"}  # a count: nothing proves a lost ≥
    assert grades["设备验收合格率"] == {"目标值": "≥95%"}
    assert any("295%" in w and "≥95%" in w for w in doc.warnings)


@pytest.mark.parametrize("serials, ranks", [
    (["05", "2000", "2015", "", "2018", ""], [0, 1, 2, 3, 2, 3]),
    (["一", "1", "2"], []),  # not budget codes: the markers decide
    (["", ""], []),
])
def test_budget_codes_nest_rows(serials: list[str], ranks: list[int]) -> None:
    assert code_ranks(serials) == ranks


# A budget book's detail lines, space-aligned: coded rows, a description wrapped to the next
# line, the amount alone on a line, detail lines named in the description column.
BUDGET_BOOK = ("预算机关\n某市政府文化局\n预算金额\n3,200,000 元\n"
               "编号 科目 说明 数量 单价 预算数\n"
               "06 文化推广 市款2,900,000元,\n中央补助300,000元\n3,200,000\n"
               "2000 业务费   150,000\n"
               "展演场地租金 2 50,000 100,000\n"
               "宣传品印制 1 50,000 50,000\n")


def test_budget_book_detail_lines() -> None:
    assert items(BUDGET_BOOK) == [
        ("某市政府文化局", None, 3200000, "元"), ("文化推广", "某市政府文化局", 3200000, None),
        ("业务费", "文化推广", 150000, None), ("展演场地租金", "业务费", 100000, None),
        ("宣传品印制", "业务费", 50000, None)]


# A fixed statement (行次 column) run onto few lines: empty lines are no items, and a row
# holding more numbers than the statement has columns cannot be read (warned).
STATEMENT = ("支出决算表 金额单位:元\n"
             "项目 行次 金额\n"
             "一、一般公共服务支出 1 二、教育支出 2 386,120.50 三、卫生健康支出 3 1,204,300.00 "
             "四、其他支出 4 12,000.00 5,500.00 7,700.00\n")


def test_fixed_statement_rows() -> None:
    doc = process_text(STATEMENT)
    assert [(b.activity, b.amount, b.amount_unit) for b in doc.budget_items] == [
        ("二、教育支出", 386120.5, "元"), ("三、卫生健康支出", 1204300.0, "元")]
    assert any("四、其他支出" in w for w in doc.warnings)


def test_bar_layout_rows_by_their_period() -> None:
    text = "\n".join(["|", "项目名称 |", "村道硬化 |", "||", "|", "年度预算金额 |", "88 |", "||",
                      "|", "绩效目标 |", "完成硬化5公里 |", "||"])
    [(table, _)] = find_tables(text)
    assert [[c.text for c in r] for r in table.rows] == [
        ["项目名称", "村道硬化", "", ""], ["年度预算金额", "88", "", ""], ["绩效目标", "完成硬化5公里", "", ""]]


def test_prose_naming_a_project_gives_no_item() -> None:
    text = "各单位应如实填报项目名称和预算金额，不得虚报。\n项目名称应当与批复一致。\n"
    assert items(text) == []


def test_columns_are_read_without_a_header_vocabulary_match_for_every_label() -> None:
    # 佐证材料 is in no vocabulary: the row is still a header, the form still read
    text = ("项目名称 | 档案库房改造 | 年度预算金额 | 30\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 佐证材料\n"
            "产出指标 | 数量指标 | 改造面积 | 600平方米 | 验收单\n")
    assert indicators(text) == ["改造面积"]
    assert isinstance(Column("grade").fit("600平方米"), float)


def test_two_forms_one_after_another_give_two_units() -> None:
    text = ("项目名称 村级文化广场建设 主管部门 某乡人民政府\n年度预算金额 40\n"
            "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 新建广场数 3个\n"
            "项目名称 农家书屋补充图书 主管部门 某乡人民政府\n年度预算金额 6.5\n"
            "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 补充图书册数 ≥1500册\n")
    doc = process_text(text)
    assert [(b.activity, b.amount, [i.name for i in b.indicators]) for b in doc.budget_items] == [
        ("村级文化广场建设", 40, ["新建广场数"]), ("农家书屋补充图书", 6.5, ["补充图书册数"])]


def test_pdf_lines_holding_parts_of_two_rows() -> None:
    # a PDF text layer: a row's last numbers wrap to the next line before the next row's
    # label, and two labels share a line
    text = ("单位:万元\n上年决算数 本年预算数 本年决算数\n"
            "培训费 12.5 15\n8.2 会议费 6\n"
            "6 5.1\n差旅费 公务接待费 3.2 4 3.9\n")
    assert items(text) == [("培训费", None, 15, "万元"), ("会议费", None, 6, "万元"),
                           ("差旅费", None, None, "万元"), ("公务接待费", None, 4, "万元")]


# A grid with grades under a spanning 评价标准, dumped as space-aligned text: the grade row
# is short, the indicator continuation rows hold no activity.
GRADED = ("单位：万元\n职责活动 年度预算数 内容描述 绩效目标 绩效指标 评价标准\n优 良 中 差\n"
          "档案管理 40 负责档案收集整理 档案规范管理\n"
          "　　档案数字化 25 推进馆藏档案数字化 完成年度扫描任务 扫描页数 50万页以上 40万页以上 30万页以上 30万页以下\n"
          "数字化验收合格率 100% 98%以上 95%以上 95%以下\n"
          "编研服务 8 开展档案编研 编研成果丰富 出版编研成果 3部 2部 1部 0部\n")


def test_graded_grid_as_space_aligned_text() -> None:
    doc = process_text(GRADED)
    assert [(b.activity, b.parent, b.amount, b.goal) for b in doc.budget_items] == [
        ("档案管理", None, 40, "档案规范管理"), ("档案数字化", "档案管理", 25, "完成年度扫描任务"),
        ("编研服务", None, 8, "编研成果丰富")]
    assert [[i.name for i in b.indicators] for b in doc.budget_items] == [
        [], ["扫描页数", "数字化验收合格率"], ["出版编研成果"]]
    assert doc.budget_items[1].indicators[1].grades == {"优": "100%", "良": "98%以上", "中": "95%以上", "差": "95%以下"}


def test_a_word_cut_by_a_page_footer_is_joined_with_a_warning() -> None:
    text = ("项目名称 机关大楼运行保障 主管部门 某局\n年度预算金额 96\n一级指标 二级指标 三级指标 指标值\n"
            "产出指标 数量指标 大楼日常维修维\n- 3 -\n护次数 ≥200次\n质量指标 设备验收合格率 ≥95%\n")
    doc = process_text(text)
    assert [(i.name, i.grades) for b in doc.budget_items for i in b.indicators] == [
        ("大楼日常维修维护次数", {"目标值": "≥200次"}), ("设备验收合格率", {"目标值": "≥95%"})]
    assert any("大楼日常维修维护次数" in w for w in doc.warnings)


def test_a_total_that_lost_its_decimal_point_is_proved_by_its_parts() -> None:
    text = ("项目名称 | 档案数字化加工 | | \n成本构成 | 金额 | 测算依据 | 备注\n扫描服务费 | 36.25 | 按页计价 | \n"
            "存储设备 | 12.5 | 采购价 | \n合计 | 4875 | | \n")
    doc = process_text(text)
    assert doc.budget_items[0].amount == 48.75
    assert any("4875" in w and "decimal point" in w for w in doc.warnings)


def test_docx_form_with_merged_category_cells(tmp_path) -> None:
    docx = pytest.importorskip("docx")
    from gongwen.ingest import formats
    from gongwen.process import process_file

    if "docx" not in formats():
        pytest.skip("no .docx reader registered")
    rows = [["项目名称", "社区食堂运营补贴", "", ""], ["年度预算金额（万元）", "35", "", ""],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "供餐人次", "≥3万人次"],
            ["", "质量指标", "食品安全检查合格率", "100%"], ["效益指标", "满意度指标", "就餐老人满意度", "≥90%"]]
    document = docx.Document()
    document.add_paragraph("某街道项目支出绩效目标表")
    table = document.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text:
                table.cell(i, j).text = text
    table.cell(3, 0).merge(table.cell(4, 0))  # 产出指标 merged down over its two rows
    table.cell(0, 1).merge(table.cell(0, 3))
    path = tmp_path / "form.docx"
    document.save(str(path))
    doc = process_file(path)
    assert [(b.activity, b.amount, b.amount_unit) for b in doc.budget_items] == [("社区食堂运营补贴", 35, "万元")]
    assert [i.name for b in doc.budget_items for i in b.indicators] == ["供餐人次", "食品安全检查合格率", "就餐老人满意度"]


# A final-accounts table: codes nest the rows, 基本支出 | 项目支出 break the total down.
ACCOUNTS = ("单位：万元\n科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出\n"
            "208 | 社会保障和就业支出 | 64.2 | 60 | 4.2\n20805 | 行政事业单位养老支出 | 64.2 | 60 | 4.2\n"
            "2080505 | 机关事业单位基本养老保险缴费支出 | 40 | 40 | \n"
            "2080506 | 机关事业单位职业年金缴费支出 | 24.2 | 20 | 4.2\n合计 | | 64.2 | 60 | 4.2\n")


@pytest.mark.parametrize("text", [ACCOUNTS, ACCOUNTS.replace(" | ", " ").replace("| ", "")])
def test_final_accounts_nested_by_codes(text: str) -> None:
    assert items(text) == [
        ("社会保障和就业支出", None, 64.2, "万元"), ("行政事业单位养老支出", "社会保障和就业支出", 64.2, "万元"),
        ("机关事业单位基本养老保险缴费支出", "行政事业单位养老支出", 40, "万元"),
        ("机关事业单位职业年金缴费支出", "行政事业单位养老支出", 24.2, "万元")]


@pytest.mark.parametrize("source, text, lines", [
    ("甲 1\n乙 2", "甲 1乙 2", ["甲 1", "乙 2"]),  # a line break the normalizer joined is a row again
    ("甲 1\n乙 2", "甲 1\n乙 2", ["甲 1", "乙 2"]),
    ("维修维\n- 3 -\n护次数", "维修维护次数", ["维修维护次数"]),  # joined across a removed footer: kept
])
def test_source_lines_recover_joined_rows(source: str, text: str, lines: list[str]) -> None:
    from budget_source import lines_from_source

    assert lines_from_source(source, text) == lines
