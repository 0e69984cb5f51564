"""The ``tables`` stage: table blocks of the text → rows of cells with exact offsets."""

from __future__ import annotations

import pytest

from gongwen.record import Document, Source
from gongwen.tables import find_tables, tables_stage


def layout(*rows: list[str], caption: str | None = None) -> str:
    """Text in the cell-per-line layout (each row opens with an empty line, cells TAB-led)."""
    lines = [f" \t{caption}"] if caption else []
    for row in rows:
        lines.append("")
        lines.extend("\t" + c for c in row)
    lines.append("")
    return "\n".join(lines)


def doc_of(text: str) -> Document:
    src = Source(path="t.txt", format="txt", encoding="utf-8", bytes=len(text.encode()), sha256="0" * 64)
    return Document(source=src, text=text)


GRID = layout(["项目名称", "预算金额", "绩效目标"], ["会议保障", "12.5", "按时召开"], ["培训", "", "全员参训"])
PIPES = "前言一段。\n\n序号 | 项目名称 | 预算金额\n1 | 会议保障 | 12.5\n2 | 培训 | | \n\n后记。"
PIPES_EMPTY = "编号 | 补助项目 | 备注 | 主办单位\n0101 | 网室 | | 农粮署\n0102 | 灌溉 | | 农粮署"


@pytest.mark.parametrize("text, shapes, first_row", [
    (GRID, [[3, 3, 3]], ["项目名称", "预算金额", "绩效目标"]),
    ("前言。\n" + GRID + "\n正文继续。", [[3, 3, 3]], ["项目名称", "预算金额", "绩效目标"]),
    (layout(["甲", "乙"], ["1", "2"], caption="101办公室"), [[2, 2]], ["甲", "乙"]),
    (layout(["活动", "金额", "标准", "", ""], ["", "", "优", "良", "中"], ["会务", "3", "a", "b", "c"]),
     [[5, 5, 5]], ["活动", "金额", "标准", "", ""]),
    (PIPES_EMPTY, [[4, 4, 4]], ["编号", "补助项目", "备注", "主办单位"]),
    # an export that drops trailing empty cells: ragged rows of short cells
    (layout(["活动", "金额", "指标", "优", "良"], ["会务", "3"], ["", "", "参会率", "100%", "90%"], ["培训", "2"]),
     [[5, 2, 5, 2]], ["活动", "金额", "指标", "优", "良"]),
])
def test_tables_are_found_with_their_shape(text: str, shapes: list[list[int]], first_row: list[str]) -> None:
    found = find_tables(text)
    assert [[len(r) for r in t.rows] for t, _ in found] == shapes
    assert [c.text for c in found[0][0].rows[0]] == first_row


@pytest.mark.parametrize("text", [
    "\t第一段用制表符缩进的正文。\n\n\t第二段也用制表符缩进。\n\n\t第三段。",  # TAB-indented prose
    "\t第一段的第一行，换行之前写得很长，\n\t硬换行的第二行也写得相当长。\n\n"
    "\t第二段的第一行同样写得相当长，\n\t又一行继续写下去，写得很长，\n\t再一行直到段落结束为止。",  # wrapped prose
    "首页 | 新闻 | 关于我们\n正文第一段。",  # a single pipe line (site navigation)
    "甲 | 乙\n丙 | 丁",  # two-cell pipe lines are too often prose
    "一、总则\n\n第一条 为规范工作，制定本规则。",
])
def test_prose_is_not_a_table(text: str) -> None:
    assert find_tables(text) == []


@pytest.mark.parametrize("text", [GRID, PIPES, PIPES_EMPTY, layout(["　　子项", "1"], ["主项", "2"])])
def test_cell_offsets_index_the_text(text: str) -> None:
    for table, _ in find_tables(text):
        for row in table.rows:
            for cell in row:
                assert text[cell.start:cell.end] == cell.text
        assert table.start <= table.rows[0][0].start and table.end >= table.rows[-1][-1].start


def test_indentation_stays_outside_the_cell_text() -> None:
    text = layout(["职责活动", "年度预算数"], ["　　党建活动", "3"])
    cell = find_tables(text)[0][0].rows[1][0]
    assert cell.text == "党建活动" and text[cell.start - 2:cell.start] == "　　"


def test_stage_publishes_tables_and_caption() -> None:
    doc = tables_stage(doc_of(layout(["活动", "金额"], ["会务", "3"], caption="305宣传部")))
    assert len(doc.work.tables) == 1
    assert [c.text for c in doc.work.tables[0].rows[0]] == ["活动", "金额"]
    assert doc.work.table_caption == "305宣传部"
    assert doc.work.table_captions == ["305宣传部"]


def test_stage_without_tables_leaves_no_caption() -> None:
    doc = tables_stage(doc_of("第一条 本规则自发布之日起施行。"))
    assert doc.work.tables == [] and doc.work.table_caption is None


def test_two_tables_separated_by_prose() -> None:
    text = layout(["活动", "金额"], ["甲", "1"]) + "\n说明文字。\n" + PIPES_EMPTY
    assert [len(t.rows) for t, _ in find_tables(text)] == [2, 3]


def test_pipe_row_running_over_several_lines() -> None:
    text = ("一、生产设施\n编号 | 补助项目 | 补助基准 | 主办单位\n"
            "0103 | 蓄水池 | 1、 10吨1.5万元／座。\n2、 20吨2万元／座。 | 农粮署\n"
            "0104 | 管路灌溉 | 每户最高20万元。 | 农田水利处\n"
            "二、生产机具\n编号 | 补助项目 | 补助基准 | 主办单位\n0201 | 农机具 | 1/3 | 农粮署")
    found = find_tables(text)
    assert [[len(r) for r in t.rows] for t, _ in found] == [[4, 4, 4], [4, 4]]
    cell = found[0][0].rows[1][2]
    assert cell.text == "1、 10吨1.5万元／座。\n2、 20吨2万元／座。" == text[cell.start:cell.end]
    assert [c.text for c in found[0][0].rows[2]] == ["0104", "管路灌溉", "每户最高20万元。", "农田水利处"]



MARKDOWN = "| 项目名称 | 预算金额 | 绩效目标 |\n| --- | :---: | --- |\n| 会议保障 | 12.5 | 按时召开 |\n"
TSV = "项目名称\t预算金额\t绩效目标\n会议保障\t12.5\t按时召开\n\t\t全员参训\n培训\t3\t合格率100%\n"


@pytest.mark.parametrize("text, rows", [
    # the Markdown rule under the header is layout, not a row
    (MARKDOWN, [["", "项目名称", "预算金额", "绩效目标", ""], ["", "会议保障", "12.5", "按时召开", ""]]),
    # a spreadsheet or web-page copy: cells joined by TABs, one row a line
    (TSV, [["项目名称", "预算金额", "绩效目标"], ["会议保障", "12.5", "按时召开"], ["", "", "全员参训"],
           ["培训", "3", "合格率100%"]]),
    # a spreadsheet copy drops a row's trailing empty cells: the row is padded, not joined
    ("项目名称\t预算金额\t绩效目标\t指标\n一\t安全生产\t235\n1\t隐患排查\t120\t整改到位\n",
     [["项目名称", "预算金额", "绩效目标", "指标"], ["一", "安全生产", "235", ""], ["1", "隐患排查", "120", "整改到位"]]),
])
def test_one_row_per_line_layouts(text: str, rows: list[list[str]]) -> None:
    [(table, _)] = find_tables(text)
    assert [[c.text for c in r] for r in table.rows] == rows
    assert all(text[c.start:c.end] == c.text for r in table.rows for c in r)


@pytest.mark.parametrize("text", [
    "甲\t乙\n丙\t丁\n",  # two cells a line: too often aligned prose
    "姓名\t张某\t部门\t办公室\n",  # a single line is no table
])
def test_tab_separated_prose_is_not_a_table(text: str) -> None:
    assert find_tables(text) == []


@pytest.mark.parametrize("text, shapes", [
    # a page cut the last row short: it is still a row of the table, padded
    ("一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 培训人次 | 300\n效益指标 | 满意度",
     [[4, 4, 4]]),
    # a form's rows are narrower than its first: each line is a row of its own, padded, not
    # joined to the next
    ("项目名称 | 村道硬化 | 年度预算 | 88\n绩效目标 | 硬化5公里\n一级指标 | 三级指标 | 指标值\n", [[4, 4, 4]]),
    # one cell a line, each closed by a bar; a lone bar opens a row, bars alone are empty cells
    ("|\n项目名称 |\n村道硬化 |\n||\n|\n年度预算 |\n88 |\n||\n", [[3, 3]]),
])
def test_flattened_layouts_keep_their_rows(text: str, shapes: list[list[int]]) -> None:
    assert [[len(r) for r in t.rows] for t, _ in find_tables(text)] == shapes


def texts(text: str) -> list[list[list[str]]]:
    return [[[c.text for c in r] for r in t.rows] for t, _ in find_tables(text)]


def test_bar_cells_joined_on_one_line_and_stray_bars_above_keep_the_grid() -> None:
    # the page's own bars around a note come first; two cell lines were joined into one
    text = "|\n单位:元 |\n|||\n|\n|\n活动 |\n金额 |\n说明 |\n|\n会务 |5 |\n|\n|\n培训 |\n2 |\n按期 |\n"
    assert texts(text) == [[["活动", "金额", "说明"], ["会务", "5", ""], ["培训", "2", "按期"]]]


def test_bare_bar_rows_of_differing_lengths_are_one_table() -> None:
    text = "前言。\n|活动|金额|说明|||\n|会务|5||\n|培训||按期||||||\n后记。"
    assert texts(text) == [[["", "活动", "金额", "说明", ""], ["", "会务", "5", "", ""],
                            ["", "培训", "", "按期", ""]]]



def test_bar_layout_keeps_a_header_row_narrower_than_its_rows() -> None:
    # the header's 标准 spans the two grade columns, so the first row has a cell fewer
    grid = [["活动", "金额", "标准"], ["", "", "优", "良"], ["会务", "5", "全到", "九成"],
            ["培训", "2", "按期", "延期"]]
    text = "\n".join(line for row in grid for line in ["|", *(f"{c} |" if c else "|" for c in row)])
    assert texts(text) == [[["活动", "金额", "标准", ""], *grid[1:]]]


def test_space_aligned_rows_join_wrapped_cells_and_keep_merged_rows_apart() -> None:
    # columns padded with blanks; 服务对象满意度 wrapped under its column; the second
    # indicator row leaves its category blank (merged from the row above): a row of its own
    text = ("一级指标  二级指标  三级指标  指标值\n"
            "产出指标  数量指标  培训人次  300\n"
            "          质量指标  合格率    ≥95%\n"
            "效益指标  服务对象  群众满意  ≥90%\n"
            "          满意度    度")
    assert texts(text) == [[["一级指标", "二级指标", "三级指标", "指标值"],
                            ["产出指标", "数量指标", "培训人次", "300"],
                            ["", "质量指标", "合格率", "≥95%"],
                            ["效益指标", "服务对象满意度", "群众满意度", "≥90%"]]]
