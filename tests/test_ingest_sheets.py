"""Spreadsheet readers: an .xlsx and an .xls copy of the sample budget table read as
its .docx does (merged cells, title and note rows, number formats), and bad input."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gongwen.errors import InputError
from gongwen.ingest import read
from gongwen.process import process_file

NUMBER = re.compile(r"\d+(\.\d+)?")
PERCENT = re.compile(r"\d+%")


def docx_to_xlsx(docx_path: Path, out: Path) -> Path:
    """The Word file's paragraphs and table as one sheet, the way a clerk retypes it:
    title and unit rows merged across the sheet, the table's merged cells merged,
    amounts as numbers shown with two decimals, rates as percentages."""
    import docx
    import openpyxl

    document = docx.Document(docx_path)
    table = document.tables[0]
    body = document.element.body
    before = [p.text for p in document.paragraphs if p._p.getparent() is body
              and list(body).index(p._p) < list(body).index(table._tbl)]
    after = [p.text for p in document.paragraphs if p.text not in before]
    width = len(table.columns)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "绩效目标"
    row = 1
    for text in before:
        ws.cell(row, 1, text)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    top = row
    # A merged cell is one w:tc that python-docx repeats over the grid positions it covers.
    spans: list[list] = []  # [w:tc element, first row, first col, last row, last col]
    for r, tr in enumerate(table.rows):
        for c, cell in enumerate(tr.cells):
            span = next((s for s in spans if s[0] is cell._tc), None)
            if span is None:
                spans.append([cell._tc, r, c, r, c])
                _put(ws.cell(top + r, 1 + c), cell.text)
            else:
                span[3], span[4] = max(span[3], r), max(span[4], c)
    for _, r0, c0, r1, c1 in spans:
        if (r0, c0) != (r1, c1):
            ws.merge_cells(start_row=top + r0, start_column=1 + c0, end_row=top + r1, end_column=1 + c1)
    row = top + len(table.rows) + 1  # an empty row before the note, as sheets have
    for text in after:
        ws.cell(row, 1, text)
        row += 1
    book.save(out)
    return out


def _put(cell, text: str) -> None:
    if NUMBER.fullmatch(text):
        cell.value = float(text)
        cell.number_format = "0.00" if "." in text else "0"
    elif PERCENT.fullmatch(text):
        cell.value = int(text[:-1]) / 100
        cell.number_format = "0%"
    else:
        cell.value = text


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory, samples: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sheets")
    xlsx = docx_to_xlsx(samples / "budget_table.docx", folder / "budget.xlsx")
    return {"xlsx": xlsx, "xls": _convert(xlsx, "xls")}


def _convert(path: Path, fmt: str) -> Path:
    """A copy in an older format, saved by LibreOffice as an office clerk's would be."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc-nogui); .ci/run installs it")
    profile = path.parent / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(path.parent), str(path)], check=True, capture_output=True, timeout=180)
    out = path.with_suffix(f".{fmt}")
    assert out.exists(), f"LibreOffice made no .{fmt}"
    return out


def _items(doc) -> list[tuple]:
    return [(b.activity, b.parent, b.amount, b.amount_unit,
             [(i.name, i.grades) for i in b.indicators]) for b in doc.budget_items]


def test_xlsx_reads_as_the_docx(sheets: dict[str, Path], samples: Path) -> None:
    assert read(sheets["xlsx"]).text == read(samples / "budget_table.docx").text


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
def test_spreadsheet_gives_the_budget_rows_of_the_docx(sheets: dict[str, Path], samples: Path, fmt: str) -> None:
    expected = _items(process_file(samples / "budget_table.docx"))
    assert expected and _items(process_file(sheets[fmt])) == expected


def test_number_formats_and_several_sheets(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "收入"
    first.append(["项目", "金额", "占比", "日期"])
    first.append(["财政拨款", 1234.5, 0.875, None])
    first["B2"].number_format = "#,##0.00"
    first["C2"].number_format = "0.0%"
    first["D2"].value = __import__("datetime").datetime(2021, 3, 5)
    second = book.create_sheet("支出")
    second.append(["项目", "金额"])
    second.append(["基本支出", 300])
    book.save(tmp_path / "t.xlsx")
    lines = read(tmp_path / "t.xlsx").text.split("\n")
    assert lines[0] == "收入" and "支出" in lines
    assert ["\t财政拨款", "\t1,234.50", "\t87.5%", "\t2021-03-05"] == lines[7:11]


@pytest.mark.parametrize("fmt,data,reason", [
    ("xlsx", b"PK\x05\x06" + b"\x00" * 18, "not a zip|corrupt"),
    ("xlsx", b"plain text", "not a zip"),
    ("xls", b"plain text, not a workbook", "corrupt Excel 97"),
])
def test_bad_spreadsheets_raise_input_errors(tmp_path: Path, fmt: str, data: bytes, reason: str) -> None:
    path = tmp_path / f"bad.{fmt}"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read(path)
