"""The ``budget_items`` extractor: one budget item per activity row of a budget or
performance-target table (预算绩效目标表), read from ``doc.work.tables``.

Two shapes of table are read:

* a *grid*, a header row naming the columns then one row per activity
  (:mod:`gongwen.extractors.budget_grid`);
* a *form* describing one unit or project as a whole (部门整体支出绩效目标表):
  label/value rows plus embedded grids, one item for the unit and one per
  activity row it lists (:mod:`gongwen.extractors.budget_form`).

Tables with neither shape give nothing: an unknown layout yields no items rather
than guesses.
"""

from __future__ import annotations

from gongwen.extractors.budget_form import form_items, label_value, split_forms
from gongwen.extractors.budget_grid import grid_items
from gongwen.extractors.budget_header import Layout, read_layout
from gongwen.extractors.budget_text import lead_rows, text_table
from gongwen.record import BudgetItem, Document, Table

#: How much text before a table may hold its caption or a "单位：万元" note.
CONTEXT_CHARS = 120
#: The most text between two parts of a table split by a page break (a page number,
#: 续表, a repeated caption) for the second to continue the first.
PAGE_BREAK_CHARS = 60


def _context(doc: Document, table: Table, index: int) -> str:
    captions = doc.work.table_captions
    caption = captions[index] if index < len(captions) and captions[index] else ""
    return caption + " " + doc.text[max(0, table.start - CONTEXT_CHARS):table.start]


def _header_texts(table: Table, layout: Layout) -> list[list[str]]:
    rows = table.rows[layout.first_row:layout.first_row + layout.header_rows]
    return [[c.text for c in r if c.text] for r in rows]


def _continues(doc: Document, prev: Table, prev_layout: Layout, table: Table, layout: Layout | None) -> bool:
    """Whether ``table`` is the rest of the grid ``prev``, cut by a page break.

    A page break leaves a line between the parts (``续表``, ``2/3``) that ends the
    table in the text; the second part repeats the header, or has none of its own
    and keeps the first part's width.
    """
    if len(doc.text[prev.end:table.start].strip()) > PAGE_BREAK_CHARS:
        return False  # prose between: another table, however alike
    if layout is not None:
        return _header_texts(table, layout) == _header_texts(prev, prev_layout)
    return max(len(r) for r in table.rows) == max(len(r) for r in prev.rows)


def _merged(first: Table, rest: Table) -> Table:
    return Table(rows=first.rows + rest.rows, start=min(first.start, rest.start), end=max(first.end, rest.end))


def extract_budget_items(doc: Document) -> list[BudgetItem]:
    """Budget items of every budget table of the document, in text order.

    The parts of a grid split by page breaks are read as one table, so a row
    continuing an activity across the break stays with it.
    """
    parts: list[tuple[Table, Layout | None, str]] = []  # (table, grid layout or None for a form, context)
    for index, table in enumerate(doc.work.tables):
        if not table.rows:
            continue
        context = _context(doc, table, index)
        layout = read_layout(table.rows, context)
        if parts and (last := parts[-1])[1] is not None and _continues(doc, last[0], last[1], table, layout):
            parts[-1] = (_merged(last[0], table), last[1], last[2])
            continue
        lead = lead_rows(doc, table, doc.work.tables[index - 1].end if index else 0)
        if lead:
            table = Table(rows=lead + table.rows, start=lead[0][0].start, end=table.end)
            layout = None  # the form's name stood above the table: read the whole as a form
        is_grid = layout is not None and not any(
            (pair := label_value(r)) and pair[0] != "ignore" for r in table.rows[:layout.first_row])
        parts.append((table, layout if is_grid else None, context))
    items: list[BudgetItem] = []
    for table, layout, context in parts:
        items.extend(grid_items(doc, table, layout) if layout else form_items(doc, table, context))
    if not items:
        # No table the tables stage found is a budget table: the table may have reached
        # us as plain text (space-separated cells, no separators, rows run together).
        rebuilt = text_table(doc, [(t.start, t.end) for t in doc.work.tables])
        if rebuilt is not None:
            for form in split_forms(rebuilt[0]):
                items.extend(form_items(doc, form, rebuilt[1], realign=True))
    return items


def has_budget_table(doc: Document) -> bool:
    """Whether a table of the document reads as a budget table (after the ``tables`` stage).

    A hook for the metadata stage, which runs before extraction: a document whose
    tables yield budget items is a ``budget_table``.
    """
    return bool(extract_budget_items(doc))
