"""The ``tables`` stage: find the tables rendered into the normalized text and
parse them into :class:`~gongwen.record.Table` objects in ``doc.work.tables``.

Two layouts are read, both line-based so that every cell keeps exact offsets
into ``doc.text``:

* the *cell-per-line* layout all readers render tables into (see
  :mod:`gongwen.ingest`): each row opens with an empty line, then one line per
  cell, each starting with a TAB (optionally after stray spaces, as in a text
  export whose caption line is `` \\t<caption>``);
* the *pipe* layout of hand-flattened tables (one row per line, cells joined
  with `` | ``): two or more consecutive lines with the same number of cells
  (a Markdown rule line ``| --- |`` under the header is skipped);
* the same one-row-per-line layout with cells joined by TABs, as a table
  copied from a web page or a spreadsheet pastes (its first cell is never
  empty, which tells it from the TAB-led cell-per-line layout);
* the *space-aligned* layout of a spreadsheet or PDF page dumped as text:
  columns padded with blanks, a long cell wrapped onto the next lines under
  its own column with the other columns blank (read by
  :mod:`gongwen.normalize.aligned_tables`; the normalizer puts such a table into
  the cell-per-line layout, so it is met here only in a text not normalized);
* the *bar* layout a web page's table becomes when every cell is put on a line
  of its own ending in `` |``: a lone ``|`` opens each row, runs of empty cells
  are lines of bars (``|||``). Rows are told apart by their common width.

A table's first row is its *caption* when it holds a single cell and the rows
after it hold more; the caption is kept out of ``rows`` and published in
``doc.work.table_captions`` (one entry per table, ``None`` when there is
none; ``doc.work.table_caption`` is the first one found), so the budget reader
can take a table's caption as its context.

Parsing is by hand: the layouts are our own rendering contract, not a format a
library knows, and a single pass over the lines keeps it linear.
"""

from __future__ import annotations

import re
from collections import Counter

from gongwen.normalize.aligned_tables import Line as _Line
from gongwen.normalize.aligned_tables import aligned_blocks
from gongwen.normalize.aligned_tables import text_lines as _lines
from gongwen.record import Cell, Document, Table
from gongwen.stages import STAGES

#: A cell line of the cell-per-line layout: optional spaces, a TAB, the cell text.
_CELL_LINE = re.compile(r"^[ \u00a0]*\t")
#: The separator of the pipe layout; a line needs at least one to be a pipe row.
_PIPE = " | "
#: Whitespace stripped around cell text (full-width space included: its leading
#: run is indentation, read back by the budget extractor from ``doc.text``).
_STRIP = " \t\u3000\u00a0\r\n"
#: The fewest cells a pipe row must have; two-cell lines are too often prose.
MIN_PIPE_CELLS = 3
#: The share of a cell-per-line table's rows that must have its commonest width.
MIN_GRID_SHARE = 0.6
#: Cells this short (or empty) are typical of tables; the share a ragged table needs.
SHORT_CELL = 12
MIN_SHORT_SHARE = 0.6
#: A rule line a web page or Markdown copy puts under a pipe table's header
#: (``| --- | :---: |``): layout, not a row of cells.
_PIPE_RULE = re.compile(r"^[\s|:：\-—－=+]*$")
#: A cell line of the bar layout: cells each closed by a bar (``a |``, or ``a |b |`` when
#: the normalizer joined two cell lines), opened by text; or a line of bars alone.
_BAR_RUN = re.compile(r"^\s*\|+\s*$")
#: The fewest lines a bar-layout table spans (a stray ``|`` line is page noise).
MIN_BAR_LINES = 8
#: How many lines the test for a bar-layout table's start looks at (enough to see its
#: first rows; looking further would make a long run of bar lines quadratic).
MAX_BAR_SCAN = 120
#: The widest row a bar-layout table is read with.
MAX_BAR_WIDTH = 40
#: A first row stating only the unit ("单位：万元") is a note, not the table's caption.
_UNIT_NOTE = re.compile(r"^[（(]?\s*(?:单位|金额单位|计量单位)\s*[:：]")


def _cell(line_text: str, line_start: int, lo: int, hi: int) -> Cell:
    """The cell spanning ``line_text[lo:hi]``, stripped, with offsets into the text."""
    seg = line_text[lo:hi]
    lead = len(seg) - len(seg.lstrip(_STRIP))
    body = seg.strip(_STRIP)
    start = line_start + lo + lead
    return Cell(text=body, start=start, end=start + len(body))


def _is_cell_line(line: _Line) -> bool:
    """A TAB-led line holding one cell; a line with TABs inside is a row of a TSV copy instead."""
    m = _CELL_LINE.match(line.text)
    return bool(m) and "\t" not in line.text[m.end():]


def _cell_rows(lines: list[_Line], i: int) -> tuple[list[list[Cell]], int]:
    """Rows of a cell-per-line table starting at line ``i``; returns them and the next line index.

    Rows are runs of cell lines; the table goes on across blank lines as long as
    the next non-blank line is a cell line again.
    """
    rows: list[list[Cell]] = []
    n = len(lines)
    while i < n:
        row: list[Cell] = []
        while i < n and _is_cell_line(lines[i]):
            ln = lines[i]
            tab = ln.text.index("\t")
            row.append(_cell(ln.text, ln.start, tab + 1, len(ln.text)))
            i += 1
        rows.append(row)
        j = i
        while j < n and not _is_cell_line(lines[j]) and not lines[j].text.strip(_STRIP):
            j += 1
        if j < n and _is_cell_line(lines[j]) and j > i:
            i = j
            continue
        break
    return rows, i


def _pipe_cells(line: _Line, sep: str = "|") -> list[Cell]:
    cells: list[Cell] = []
    lo = 0
    text = line.text
    # Split on every separator (an empty cell is written "| |"), keeping offsets.
    for m in re.finditer(re.escape(sep), text):
        cells.append(_cell(text, line.start, lo, m.start()))
        lo = m.end()
    cells.append(_cell(text, line.start, lo, len(text)))
    return cells


def _pipe_rows(lines: list[_Line], i: int, sep: str = "|") -> tuple[list[list[Cell]], int]:
    """Pipe rows with the header's cell count from line ``i`` (maybe just the header).

    A row may run over several lines when a cell holds line breaks (a numbered
    list inside a cell, split by the normalizer): lines are joined until their
    cells add up to the header's width, and a multi-line cell keeps its line
    breaks, so ``text[start:end]`` is still exactly the cell.
    """
    width = len(_pipe_cells(lines[i], sep))
    rows = [_pipe_cells(lines[i], sep)]
    i += 1
    while i < len(lines) and sep in lines[i].text:
        if sep == "|" and _is_bar_start(lines, i):
            break  # a bar-layout table follows: its lines are no cells of this row
        if sep == "|" and _is_pipe_rule(lines[i]):
            i += 1
            continue
        j, count = i, lines[i].text.count(sep) + 1
        while (count < width and j + 1 < len(lines) and lines[j + 1].text.strip(_STRIP)
               # a full line is a row of its own, and so is one of MIN_PIPE_CELLS cells after
               # a line that closed its last cell (a form's rows are shorter than its widest)
               and lines[j + 1].text.count(sep) + 1 < (
                   width if lines[j].text.rstrip(_STRIP).endswith(sep) else min(width, MIN_PIPE_CELLS))):
            j += 1
            count += lines[j].text.count(sep)
        short_row = j == i and count >= 2  # a form's narrower row (label | value): a row of its own
        if count > width or (count < width and sep == "|" and not (short_row or _last_short_row(lines, j, count))):
            break
        joined = _Line("\n".join(ln.text for ln in lines[i:j + 1]), lines[i].start)
        cells = _pipe_cells(joined, sep)
        if len(cells) < width:  # a spreadsheet copy drops a row's trailing empty cells
            end = cells[-1].end
            cells += [Cell(text="", start=end, end=end) for _ in range(width - len(cells))]
        rows.append(cells)
        i = j + 1
    return rows, i


def _last_short_row(lines: list[_Line], j: int, count: int) -> bool:
    """A shorter pipe row ending the table (a page cut it, or its merged cells are gone):
    two or more cells, and no further pipe row after it."""
    return count >= 2 and (j + 1 >= len(lines) or "|" not in lines[j + 1].text)


def _is_pipe_rule(line: _Line) -> bool:
    """A ``| --- | --- |`` line: it separates header and body, it holds no cells."""
    return "-" in line.text and bool(_PIPE_RULE.match(line.text))


def _is_grid(rows: list[list[Cell]]) -> bool:
    """Whether cell-per-line rows form a table rather than TAB-indented prose.

    A table's rows share one width (the grid's column count, the readers'
    contract); a text export may shorten rows by dropping trailing empty cells,
    so a table of ragged rows still counts when most of its cells are short or
    empty, as table cells are and wrapped prose lines are not. Either way it
    needs at least two rows of two or more cells.
    """
    multi = [r for r in rows if len(r) >= 2]
    if len(multi) < 2:
        return False
    width, count = Counter(len(r) for r in multi).most_common(1)[0]
    if count >= 2 and count >= MIN_GRID_SHARE * len(rows):
        return True
    cells = [c for r in rows for c in r]
    short = sum(1 for c in cells if len(c.text) <= SHORT_CELL)
    return short >= MIN_SHORT_SHARE * len(cells)


def _is_pipe_start(line: _Line) -> bool:
    return _PIPE in line.text and len(_pipe_cells(line)) >= MIN_PIPE_CELLS


def _is_tsv_start(line: _Line) -> bool:
    """A row of a table copied from a web page or a spreadsheet: cells joined by TABs.

    Needs a cell before its first TAB (a TAB-led line is the cell-per-line layout)
    and :data:`MIN_PIPE_CELLS` cells, as a pipe row does.
    """
    text = line.text
    return (not _CELL_LINE.match(text) and text.count("\t") + 1 >= MIN_PIPE_CELLS
            and bool(text.split("\t", 1)[0].strip(_STRIP)))


def _is_bar_cell(text: str) -> bool:
    """Cells each closed by a bar, opened by text (checked by hand: a nested regex
    backtracks without end on long lines with bars inside)."""
    stripped = text.strip()
    return stripped.endswith("|") and not stripped.startswith("|") and bool(stripped.strip("| "))


def _is_bar_line(line: _Line) -> bool:
    return _is_bar_cell(line.text) or bool(_BAR_RUN.match(line.text))


def _bar_tokens(lines: list[_Line]) -> list[Cell]:
    """The cells of bar-layout lines in order; each bar of a line of bars is an empty cell."""
    out: list[Cell] = []
    for ln in lines:
        lo = 0
        for k, ch in enumerate(ln.text):  # every bar closes the cell written before it
            if ch == "|":
                out.append(_cell(ln.text, ln.start, lo, k))
                lo = k + 1
    return out


def _bar_rows(lines: list[_Line], i: int) -> tuple[list[list[Cell]], int]:
    """Rows of a bar-layout table starting at line ``i``; returns them and the next line index.

    Every row is its opening bar plus the same number of cells, so the row width
    is the period at which an empty opener recurs; the smallest period that
    holds for the whole run wins. The first opener may come after a few stray
    bar lines above the table (a page's own bars around a note), so the period
    may hold from any offset within its first row; what comes before that is
    not the table's, unless it is a header row narrower than the rest
    (:func:`_short_first_row`). Without a period, a line of two or more bars ends a row
    (the run of a row's trailing empty cells).
    """
    j = i
    while j < len(lines) and _is_bar_line(lines[j]):
        j += 1
    tokens = _bar_tokens(lines[i:j])
    n = len(tokens)
    for period in range(3, min(MAX_BAR_WIDTH, n // 2) + 1):
        offset = next((o for o in range(period) if all(not tokens[k].text for k in range(o, n, period))), None)
        if offset is not None:
            rows = [tokens[k + 1:k + period] for k in range(offset, n, period)]
            head = _short_first_row(tokens[:offset], period - 1)
            return [r for r in [*head, *rows] if any(c.text for c in r)], j
    rows, row = [], []
    for ln in lines[i:j]:
        cells = _bar_tokens([ln])
        if _BAR_RUN.match(ln.text) and len(cells) >= 2:
            rows.append(row + cells[:-1])
            row = []
        elif not (_BAR_RUN.match(ln.text) and not row):
            row.extend(cells)
    rows.append(row)
    return [r for r in rows if any(c.text for c in r)], j


def _short_first_row(tokens: list[Cell], width: int) -> list[list[Cell]]:
    """The header row before a bar-layout table's period, when it is narrower than the
    rows under it (a header cell spanning the grade columns: ``评价标准`` over ``优 | 良 |
    中 | 差``): the cells after the last empty opener, all holding text, two or more of them,
    padded to the table's width. Stray bars or a lone note before the table give none."""
    last = max((k for k, c in enumerate(tokens) if not c.text), default=None)
    cells = tokens[last + 1:] if last is not None else []
    if not 2 <= len(cells) < width:
        return []
    end = cells[-1].end
    return [cells + [Cell(text="", start=end, end=end) for _ in range(width - len(cells))]]


def _is_bar_start(lines: list[_Line], i: int) -> bool:
    """A run of :data:`MIN_BAR_LINES` or more bar-layout lines, some of them lines of bars
    alone and two or more holding a cell (a table's first rows may be mostly empty cells)."""
    j = i
    while j < len(lines) and j < i + MAX_BAR_SCAN and _is_bar_line(lines[j]):
        j += 1
    run = lines[i:j]
    return (len(run) >= MIN_BAR_LINES and any(_BAR_RUN.match(ln.text) for ln in run)
            and sum(1 for ln in run if _is_bar_cell(ln.text)) >= 2
            and not any(_PIPE in ln.text.rstrip(" |") for ln in run))


def _is_bare_row(line: _Line) -> bool:
    """A row closed by bars at both ends (``|a|b||c|||``), however its cells are spaced."""
    text = line.text.strip(_STRIP)
    return len(text) > 1 and text.startswith("|") and text.endswith("|") and text.count("|") >= MIN_PIPE_CELLS


def _is_bare_start(lines: list[_Line], i: int) -> bool:
    """Two bare rows in a row, the first with two or more cells holding text."""
    return (i + 1 < len(lines) and _is_bare_row(lines[i]) and _is_bare_row(lines[i + 1])
            and sum(1 for c in _pipe_cells(lines[i]) if c.text) >= 2)


def _bare_rows(lines: list[_Line], i: int) -> tuple[list[list[Cell]], int]:
    """Rows of a table whose lines open and close with bars but whose widths differ.

    A web page copied with its merged cells left empty closes each row with a run of
    bars as long as the cells it lacks, so a row's width says nothing: a row ends at
    its last cell holding text, and every row is padded to the widest. Rows of empty
    cells only (spacer lines) and rule lines hold no cells and are skipped.
    """
    rows: list[list[Cell]] = []
    while i < len(lines) and _is_bare_row(lines[i]):
        cells = _pipe_cells(lines[i])
        while cells and not cells[-1].text:
            cells.pop()
        if len(cells) > 1:
            rows.append(cells)
        i += 1
    width = max((len(r) for r in rows), default=0) + 1  # the closing bar's empty edge cell
    for r in rows:
        end = r[-1].end
        r += [Cell(text="", start=end, end=end) for _ in range(width - len(r))]
    return rows, i


def _table(rows: list[list[Cell]]) -> tuple[Table, Cell | None]:
    """Build a table from its rows, splitting off a single-cell caption row."""
    caption = None
    head = [c for c in rows[0] if c.text]
    if (len(rows) > 1 and len(head) == 1 and head[0] is rows[0][0] and not _UNIT_NOTE.match(head[0].text)
            and max(sum(1 for c in r if c.text) for r in rows[1:]) > 1):
        caption = head[0]  # a title row (or a title cell merged across the table)
        rows = rows[1:]
    cells = [c for r in rows for c in r]
    start = min((c.start for c in cells), default=0)
    end = max((c.end for c in cells), default=start)
    return Table(rows=rows, start=start, end=end), caption


def find_tables(text: str) -> list[tuple[Table, Cell | None]]:
    """All tables of ``text``, each with its caption cell (or None), in text order."""
    lines = _lines(text)
    aligned = {b.start: b for b in aligned_blocks(lines)}
    found: list[tuple[Table, Cell | None]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_cell_line(line):
            rows, i = _cell_rows(lines, i)
            if _is_grid(rows):
                found.append(_table(rows))
            continue
        if i in aligned:  # a space-aligned table the normalizer did not put into the table layout
            block = aligned[i]
            if block.parts:
                found.append(_table(block.rows))
            i = block.end
            continue
        if _is_bar_start(lines, i):
            rows, i = _bar_rows(lines, i)
            if len(rows) >= 2:
                found.append(_table(rows))
            continue
        sep = "|" if _is_pipe_start(line) else "\t" if _is_tsv_start(line) else None
        rows, nxt = _pipe_rows(lines, i, sep) if sep is not None else ([], i)
        if _is_bare_start(lines, i):
            # rows of one width read as pipe rows; where that stops early (a row's
            # closing run of bars is longer or shorter), the bare reading goes on
            bare, bare_nxt = _bare_rows(lines, i)
            if bare_nxt > nxt or len(rows) < 2:
                rows, nxt = bare, bare_nxt
        if len(rows) >= 2:
            found.append(_table(rows))
            i = nxt
            continue
        i += 1
    return found


@STAGES.register("tables", requires=["doc.text"], assigns=["work.tables", "work.table_captions"])
def tables_stage(doc: Document) -> Document:
    """Parse the tables of ``doc.text`` into ``doc.work.tables`` and publish their captions."""
    found = find_tables(doc.text)
    doc.work.tables = [t for t, _ in found]
    doc.work.table_captions = [c.text if c else None for _, c in found]
    return doc
