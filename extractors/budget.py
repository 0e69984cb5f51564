"""The ``budget_items`` extractor: one budget item per activity row of a budget or
performance-target table (预算绩效目标表), read from ``doc.work.tables``.

Two shapes of table are read:

* a *grid*, a header row naming the columns then one row per activity
  (:mod:`extractors.budget_grid`);
* a *form* describing one unit or project as a whole (部门整体支出绩效目标表):
  label/value rows plus embedded grids, one item for the unit and one per
  activity row it lists (:mod:`extractors.budget_form`).

Tables with neither shape give nothing: an unknown layout yields no items rather
than guesses.
"""

from __future__ import annotations

from extractors import EXTRACTORS
from extractors.budget_form import form_items, label_value
from extractors.budget_grid import grid_items
from extractors.budget_header import read_layout
from pipeline.record import BudgetItem, Document, Table

#: How much text before a table may hold its caption or a "单位：万元" note.
CONTEXT_CHARS = 120


def _context(doc: Document, table: Table, index: int) -> str:
    captions = doc.work.extra.get("table_captions") or []
    caption = captions[index] if index < len(captions) and captions[index] else ""
    return caption + " " + doc.text[max(0, table.start - CONTEXT_CHARS):table.start]


@EXTRACTORS.register("budget_items")
def extract_budget_items(doc: Document) -> list[BudgetItem]:
    """Budget items of every budget table of the document, in text order."""
    items: list[BudgetItem] = []
    for index, table in enumerate(doc.work.tables):
        if not table.rows:
            continue
        context = _context(doc, table, index)
        layout = read_layout(table.rows, context)
        if layout is not None and not any(label_value(r) for r in table.rows[:layout.first_row]):
            items.extend(grid_items(doc, table, layout))
        else:
            items.extend(form_items(doc, table, context))
    return items


def has_budget_table(doc: Document) -> bool:
    """Whether a table of the document reads as a budget table (after the ``tables`` stage).

    A hook for the metadata stage, which runs before extraction: a document whose
    tables yield budget items is a ``budget_table``.
    """
    return bool(extract_budget_items(doc))
