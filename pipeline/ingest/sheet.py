"""Spreadsheets (.xlsx with openpyxl, .xls with xlrd): every sheet as a table.

A sheet reaches the table stage in the shape the .docx reader gives a Word table
(:mod:`gongwen.ingest.layout`): a merged range's value in its first position and
the positions it covers empty, rows padded to the grid. Spreadsheets keep a
table's title and notes in cells too — typically one cell (often merged across
the sheet) above the header (``XX部门预算绩效目标表``, ``单位：万元``) or below the
last row (``填报说明…``) — where a Word file has paragraphs; so leading and
trailing rows holding a single value are read as paragraphs, by their shape.
Empty rows and columns (spacing) are dropped. A workbook of several sheets
names each sheet in a line before its table.

Cells hold numbers, not text: a value is written as its number format shows it
(``86.5`` with format ``0.00`` is ``86.50``, ``0.95`` with ``0%`` is ``95%``),
since the extractors read amounts and rates from the text.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongwen.errors import InputError
from gongwen.ingest import READERS, Decoded
from gongwen.ingest.archive import open_zip
from gongwen.ingest.layout import cell_text, join_blocks, render_table

#: Cells read per sheet at most (a sheet formatted down to row 1,048,576 is not data).
MAX_CELLS = 2_000_000

_DECIMALS = re.compile(r"0\.(0+)")


@dataclass
class Sheet:
    name: str
    rows: list[list[str]]


@READERS.register("xlsx")
def read_xlsx(path: Path, data: bytes) -> Decoded:
    open_zip(path, data, "Excel (.xlsx)")
    import openpyxl  # imported here: only needed for spreadsheet input

    try:
        # Not read_only: merged ranges are only known to a fully loaded workbook.
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as e:  # openpyxl raises many types for broken packages
        raise InputError(path, f"corrupt Excel (.xlsx) file: {type(e).__name__}: {e}") from None
    sheets = []
    for ws in book.worksheets:
        _check_size(path, ws.title, ws.max_row * ws.max_column)
        rows = [[format_value(c.value, c.number_format) for c in row]
                for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column)]
        sheets.append(Sheet(ws.title, rows))
    return _decoded(path, sheets)


@READERS.register("xls")
def read_xls(path: Path, data: bytes) -> Decoded:
    import xlrd  # imported here: only needed for spreadsheet input

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as e:  # xlrd raises XLRDError, CompDocError, struct errors …
        reason = str(e)
        if "xlsx" in reason.lower():
            raise InputError(path, "not an Excel 97–2003 (.xls) file: it is an .xlsx saved as .xls") from None
        raise InputError(path, f"corrupt Excel 97–2003 (.xls) file: {type(e).__name__}: {e}") from None
    sheets = []
    for index in range(book.nsheets):
        ws = book.sheet_by_index(index)
        _check_size(path, ws.name, ws.nrows * ws.ncols)
        rows = [[_xls_value(book, ws.cell(r, c)) for c in range(ws.ncols)] for r in range(ws.nrows)]
        for r0, r1, c0, c1 in ws.merged_cells:  # xlrd fills nothing, but be sure: first cell only
            for r in range(r0, r1):
                for c in range(c0, c1):
                    if (r, c) != (r0, c0) and r < len(rows) and c < len(rows[r]):
                        rows[r][c] = ""
        sheets.append(Sheet(ws.name, rows))
    return _decoded(path, sheets)


def _check_size(path: Path, sheet: str, cells: int) -> None:
    if cells > MAX_CELLS:
        raise InputError(path, f"sheet {sheet!r} spans {cells:,} cells, over the {MAX_CELLS:,} limit")


def _xls_value(book: Any, cell: Any) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return format_value(xlrd.xldate_as_datetime(cell.value, book.datemode), "")
        except (ValueError, OverflowError):
            return str(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return format_value(bool(cell.value), "")
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    fmt = ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        xf = book.xf_list[cell.xf_index]
        fmt = book.format_map[xf.format_key].format_str
    return format_value(cell.value, fmt)


def format_value(value: Any, number_format: str) -> str:
    """A cell's value as text, numbers as their format shows them (decimals, percent)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int | float):
        fmt = (number_format or "").split(";")[0]
        m = _DECIMALS.search(fmt)
        decimals = len(m.group(1)) if m else None
        if fmt.endswith("%"):
            value = value * 100
        if decimals is not None:
            text = f"{value:,.{decimals}f}" if "#,##" in fmt else f"{value:.{decimals}f}"
        elif float(value).is_integer():
            text = str(int(value))
        else:
            text = repr(float(value)) if abs(value) >= 1e-4 else f"{value:.6g}"
        return text + ("%" if fmt.endswith("%") else "")
    return str(value)


def _decoded(path: Path, sheets: list[Sheet]) -> Decoded:
    blocks: list[str | list[str]] = []
    named = sum(1 for s in sheets if _trim(s.rows)) > 1
    for sheet in sheets:
        rows = _trim(sheet.rows)
        if not rows:
            continue
        if named:
            blocks.append(sheet.name)
        blocks.extend(_sheet_blocks(rows))
    text = join_blocks(blocks)
    if not text.strip():
        raise InputError(path, "the workbook holds no data")
    return Decoded(text=text)


def _trim(rows: list[list[str]]) -> list[list[str]]:
    """Rows without the empty rows and the empty columns, cells flattened to one line."""
    rows = [[cell_text([c]) for c in row] for row in rows]
    rows = [r for r in rows if any(r)]
    width = max((len(r) for r in rows), default=0)
    keep = [c for c in range(width) if any(c < len(r) and r[c] for r in rows)]
    return [[r[c] if c < len(r) else "" for c in keep] for r in rows]


def _sheet_blocks(rows: list[list[str]]) -> list[str | list[str]]:
    """Title and note rows (one value) as paragraphs, the rows between as one table."""
    def single(row: list[str]) -> bool:
        return sum(1 for c in row if c) == 1

    head = 0
    while head < len(rows) and single(rows[head]):
        head += 1
    tail = len(rows)
    while tail > head and single(rows[tail - 1]):
        tail -= 1
    blocks: list[str | list[str]] = [next(c for c in r if c) for r in rows[:head]]
    if tail > head:
        blocks.append(render_table(rows[head:tail]))
    blocks.extend(next(c for c in r if c) for r in rows[tail:])
    return blocks
