"""Rows of a table rebuilt from text, put back together before they are read.

A text layer loses what a table's grid kept: empty cells, the corner cell over
the row labels, the columns a spanning header covers, the line a long cell
wrapped onto, the boundary between rows a PDF ran onto one line, even a decimal
point or a ``≥``. The repairs here are made only where the table itself proves
them (its header's width and roles, the kinds its cells hold, the sum its total
must be) and each guess that changes a value is said in the document's warnings.
"""

from __future__ import annotations

import re

from gongwen.extractors.budget_align import align, columns_for, kind
from gongwen.extractors.budget_grid import is_total, parse_amount
from gongwen.extractors.budget_header import Layout, classify, classify_exact
from gongwen.record import Cell, Document, Indicator, Table


def spread_grade_group(rows: list[list[Cell]], i: int) -> None:
    """Give a spanning grade header (``评价标准`` over ``优 | 良 | 中 | 差``) its columns back.

    A text export writes the spanning cell once and the grade row under it as a
    short row; the header gets empty cells after the spanning one and the grade
    row empty cells before it, so each grade stands under its own column.
    """
    if i + 1 >= len(rows):
        return
    header, sub = rows[i], [c for c in rows[i + 1] if c.text]
    spans = [j for j, c in enumerate(header) if (lab := classify(c.text)) and lab.role == "grade_group"]
    if len(spans) != 1 or len(sub) < 2 or len(rows[i + 1]) >= len(header):
        return
    if not all((lab := classify_exact(c.text)) and lab.role == "grade" for c in sub):
        return
    g = spans[0]
    pad = header[g].end
    rows[i] = [*header[:g + 1], *(Cell(text="", start=pad, end=pad) for _ in sub[1:]), *header[g + 1:]]
    lead = sub[0].start
    rows[i + 1] = [*(Cell(text="", start=lead, end=lead) for _ in range(g)), *sub]


def row_labels_unheaded(rows: list[list[Cell]], i: int, layout: Layout) -> bool:
    """A header of amount columns only (one of them another period's), its first cell
    already such a column, over rows opening with words that are no labels (``三公经费 |
    29.08 | 63.46``)."""
    head = next((c for c in rows[i] if c.text), None)
    label = classify(head.text) if head is not None else None
    if (layout.columns("activity") or rows[i][0] is not head or label is None
            or label.role not in ("amount", "ignore") or not layout.columns("amount")):
        return False
    nxt = next((r for r in rows[i + 1:i + 3] if any(c.text for c in r)), None)
    if nxt is None:
        return False
    first = next(c for c in nxt if c.text)
    return parse_amount(first.text) is None and classify(first.text) is None


#: A cell that is a bare number (no unit, no words): an amount, a count, a row number.
_BARE = re.compile(r"^-?[\d,]+(?:\.\d+)?$")


def _joined(rows: list[list[Cell]], width: int, text_after_amount: bool, numbers: int,
            whole: list[bool]) -> list[list[Cell]]:
    """Activity rows of a text table with their wrapped lines joined back.

    A row whose last cell is not a bare number has not reached its amount yet:
    a following line of bare numbers carries the rest of its cells, and a
    following one-cell line of words finishes its last cell (a name or note
    wrapped in its cell) unless either was cut from a line of several rows
    (``whole``); a row with fewer numbers than the header has number
    columns (``numbers``) takes a following line of numbers that fits. Where the header has words after the amount
    (``金额 | 测算依据 | 上年执行数``), a row ending at its amount goes on in the
    next line of words when both fit in the header's width.
    """
    out: list[list[Cell]] = []
    last_whole = False
    for row, is_whole in zip(rows, whole, strict=True):
        cells = [c for c in row if c.text]
        joinable, last_whole = not (is_whole or last_whole), is_whole
        if (out and cells and all(_BARE.match(c.text) for c in cells) and not _BARE.match(out[-1][0].text)
                and len(out[-1]) + len(cells) <= width and sum(1 for c in out[-1] if _BARE.match(c.text)) < numbers):
            out[-1] = out[-1] + cells  # the rest of a row's numbers, wrapped to the next line
            continue
        if (text_after_amount and out and cells and len(out[-1]) == 2 and _BARE.match(out[-1][-1].text)
                and not _BARE.match(cells[0].text) and not is_total(cells[0].text)
                and len(out[-1]) + len(cells) <= width):
            out[-1] = out[-1] + cells
            continue
        if out and cells and not _BARE.match(out[-1][-1].text):
            prev = out[-1]
            if all(_BARE.match(c.text) for c in cells):
                out[-1] = prev + cells
                continue
            if len(cells) == 1 and not _BARE.match(cells[0].text) and joinable:
                last = prev[-1]
                prev[-1] = Cell(text=last.text + cells[0].text, start=last.start, end=cells[0].end)
                continue
        out.append(cells)
    return out


def _is_word(cell: Cell) -> bool:
    return kind(cell.text) in ("short", "text", "group")


def _split_run_rows(row: list[Cell], words: int, coded: bool, words_first: bool = False) -> list[list[Cell]]:
    """A line holding several rows run together (a PDF text layer): more word cells than the
    header has word columns, each word cell past the row's share opening a row of its own;
    or numbers then words, where the numbers end the row above (in a table with no code
    column, whose rows never open with a number).

    ``words_first``: the header puts every word column before its number columns, so words
    after a row's numbers open the next row, and in a coded table so does a code standing
    right before them (``… 5,000 5,000 2018 资讯服务费 340,000``: row 2018 begins at its code).
    """
    cells = [c for c in row if c.text]
    leading_numbers = not coded and bool(cells) and not _is_word(cells[0]) and any(_is_word(c) for c in cells)
    numbers_then_words = words_first and any(
        not _is_word(a) and _is_word(b) and any(_is_word(c) for c in cells[:k])
        for k, (a, b) in enumerate(zip(cells, cells[1:], strict=False)))
    if words < 1 or (sum(1 for c in cells if _is_word(c)) <= words and not leading_numbers
                     and not numbers_then_words):
        return [cells]
    out: list[list[Cell]] = [[]]
    code_opened = False  # the current row was opened by its code, its words come next
    for k, cell in enumerate(cells):
        is_word = _is_word(cell)
        has_words = any(_is_word(c) for c in out[-1])
        code = coded and bool(_CODE.match(cell.text)) and k + 1 < len(cells) and _is_word(cells[k + 1])
        if is_word and sum(1 for c in out[-1] if _is_word(c)) >= words:
            out.append([])
        elif is_word and out[-1] and not has_words and not code_opened:
            out.append([])  # words after the numbers of a row: the next row
        elif words_first and has_words and out[-1] and not _is_word(out[-1][-1]) and (is_word or code):
            out.append([])  # the row's numbers are done: words (or a code and words) open the next
            code_opened = code
            out[-1].append(cell)
            continue
        code_opened = False
        out[-1].append(cell)
    return [r for r in out if r]


#: A code opening a row of a coded table: a whole number of two to four digits (05, 2018).
_CODE = re.compile(r"^\d{2,4}$")


def realigned(doc: Document, segment: Table, layout: Layout) -> Table:
    """The segment with its body rows joined and placed under the header's columns.

    A row with more cells than the header has columns cannot be placed (an
    export that ran the values of several rows together): its numbers are not
    read as its amount, and a warning says so.
    """
    header = segment.rows[:layout.header_rows]
    width = max(len(r) for r in header)
    amount = layout.amount_column
    text_after = amount is not None and any(
        layout.roles.get(j) in ("description", "goal") for j in range(amount + 1, width))
    numeric = sum(1 for j in range(width) if layout.roles.get(j) not in
                  ("activity", "description", "goal", "serial", "line", "indicator", "indicator_group"))
    words = sum(1 for j in range(width) if layout.roles.get(j) in (
        "activity", "description", "goal", "indicator", "indicator_group", "grade", "value"))
    coded = bool(layout.columns("serial") or layout.columns("line"))
    word_columns = [j for j in range(width) if layout.roles.get(j) in ("activity", "description", "goal")]
    number_columns = [j for j in range(width) if layout.roles.get(j) == "amount"]
    words_first = bool(word_columns and number_columns) and max(word_columns) < min(number_columns)
    body: list[list[Cell]] = []
    placed_rows: list[list[Cell]] = []  # rows a reader already placed under the columns
    rows, whole = [], []

    def flush() -> None:
        body.extend(_joined(rows, width, text_after, numeric, whole))
        rows.clear()
        whole.clear()

    for row in segment.rows[layout.header_rows:]:
        if is_placed(row, width):
            flush()
            body.append(row)
            placed_rows.append(row)
            continue
        parts = _split_run_rows(row, words, coded, words_first)
        rows.extend(parts)
        whole.extend([len(parts) > 1] * len(parts))
    flush()
    columns = columns_for(roles(layout, width), [r for r in body if not any(r is p for p in placed_rows)])
    out = [*header]
    for row in body:
        if any(row is p for p in placed_rows):
            out.append(row)
            continue
        if len(row) > width:
            names = [c.text for c in row if not _BARE.match(c.text)]
            doc.warnings.append(
                f"budget: row {names[0] if names else row[0].text!r} has {len(row)} cells for "
                f"{width} columns; its numbers are not read as its amount")
            row = [c for c in row if not _BARE.match(c.text)][:1]
        placed = align(row, columns)
        _name_from_description(placed, layout)
        _goal_not_indicator(placed, layout)
        anchor = row[0].start if row else segment.start
        out.append([c if c is not None else Cell(text="", start=anchor, end=anchor) for c in placed])
    return Table(rows=out, start=segment.start, end=segment.end)


def is_placed(row: list[Cell], width: int) -> bool:
    """A row already placed under the header's columns: exactly as wide, its empty cells
    kept (:mod:`gongwen.extractors.budget_fused` cuts a fused row so); text rows rebuilt
    from separators have no empty cells."""
    return len(row) == width and any(not c.text for c in row) and any(c.text for c in row)


def _goal_not_indicator(placed: list[Cell | None], layout: Layout) -> None:
    """Words placed as an indicator with no grade beside them, the goal column before it
    left empty, are the goal: an indicator states its targets."""
    goals, names = layout.columns("goal"), layout.columns("indicator")
    grades = [j for j, r in layout.roles.items() if r in ("grade", "value") and j < len(placed)]
    if not goals or not names or any(placed[j] is not None for j in grades):
        return
    g, k = goals[-1], names[0]
    if g < k < len(placed) and placed[g] is None and placed[k] is not None:
        placed[g], placed[k] = placed[k], None


def _name_from_description(placed: list[Cell | None], layout: Layout) -> None:
    """A row with its own amount and a description but no activity cell is a detail line
    named by its description (a budget book's 说明 column under a coded row)."""
    acts, descs, amount = layout.columns("activity"), layout.columns("description"), layout.amount_column
    if not acts or not descs or amount is None or amount >= len(placed):
        return
    if any(placed[j] is not None for j in acts if j < len(placed)) or placed[amount] is None:
        return
    desc = next((j for j in descs if j < len(placed) and placed[j] is not None), None)
    if desc is not None:
        placed[acts[-1]], placed[desc] = placed[desc], None


def roles(layout: Layout, width: int) -> list[str | None]:
    return [layout.roles.get(j) for j in range(width)]


def total_of(doc: Document, written: str, parts: list[float | int]) -> float | int | None:
    """The amount of a total row as written, unless the sum of its parts proves it misread.

    A total is the sum of its parts: when its digits ran into the next columns'
    (``814662.98794.55`` for 814 | 662.98 | 794.55, a text layer with no
    separators) the leading number equal to the sum is the total; when its
    decimal point was lost (``4875`` for 48.75) the sum with the same digits is.
    Either repair is said in a warning.
    """
    value = parse_amount(written)
    if value is None or not parts or abs(value - sum(parts)) <= 0.005:
        return value
    total = round(sum(parts), 2)
    split = split_by_sum(written, total)
    if split is not None:
        doc.warnings.append(f"budget: total {written!r} read as {split} (the sum of its rows); "
                            "its digits ran into the next cells")
        return split
    if _digits(written) == _digits(f"{total:.2f}") and "." not in written:
        doc.warnings.append(f"budget: total {written!r} read as {total} (the sum of its rows); "
                            "its decimal point was lost")
        return total
    return value


def _digits(text: str) -> str:
    """The significant digits of a number as written (no separators, point or padding zeros)."""
    return re.sub(r"\D", "", text).lstrip("0").rstrip("0")


def split_by_sum(written: str, total: float) -> float | int | None:
    """The leading number of fused digits that equals ``total`` (``814662.98`` → 814), or None."""
    digits = re.sub(r"[,\s]", "", written)
    for end in range(1, len(digits)):
        head = parse_amount(digits[:end])
        if head is not None and abs(head - total) < 0.005 and not digits[end - 1] == ".":
            return head
    return None


#: A rate printed with its ``≥`` read as ``2`` by a text layer: "292%" for "≥92%".
_GARBLED_AT_LEAST = re.compile(r"^2(\d{1,3}(?:\.\d+)?)%$")
#: Indicator names that state a rate, which cannot exceed 100%.
_RATE_NAME = re.compile(r"(?:率|比例|占比)$")


def repair_comparator(doc: Document, indicator: Indicator) -> None:
    """Give back the ``≥`` a text layer printed as ``2`` where the indicator proves it: a
    rate (its name ends in 率) cannot be over 100%, while the value without the ``2``
    can. The repair is a guess, so a warning says what was read."""
    if not _RATE_NAME.search(indicator.name):
        return
    for key, value in indicator.grades.items():
        m = _GARBLED_AT_LEAST.match(value)
        if m and float(value[:-1]) > 100 and float(m.group(1)) <= 100:
            indicator.grades[key] = f"≥{m.group(1)}%"
            doc.warnings.append(f"budget: {indicator.name} {value!r} read as '≥{m.group(1)}%' "
                                "(a rate over 100%: the ≥ was printed as 2)")


