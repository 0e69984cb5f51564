"""The ``budget_items`` record kind (``budget`` on the command line): its registration."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from gongwen.fulltext import DOC_FACTS
from gongwen.kinds import Column, FullText, RecordKind, Searched, register
from gongwen.record import BudgetItem, Document
from gongwen.review import Mark

if TYPE_CHECKING:
    from rich.table import Table


def _rows(doc: Document, paths: Callable[[str | None], str]) -> Iterable[tuple[Any, ...]]:
    for i, b in enumerate(doc.budget_items):
        yield (i, b.activity, b.parent, b.amount, b.amount_unit, b.description, b.goal,
               json.dumps([ind.__dict__ for ind in b.indicators], ensure_ascii=False), b.start, b.end)


def _show(doc: Document) -> Table:
    from gongwen.show import cell, table

    out = table(f"budget items ({len(doc.budget_items)})", ["activity", "parent", "amount", "unit", "indicators", "goal"])
    for b in doc.budget_items:
        out.add_row(b.activity, cell(b.parent), cell(b.amount), cell(b.amount_unit),
                    "、".join(i.name for i in b.indicators), cell(b.goal))
    return out


def _marks(doc: Document) -> Iterable[Mark]:
    return (Mark(b.start, b.end, f"预算 · {b.activity}") for b in doc.budget_items)


def _page_marks(doc: Document) -> Iterable[tuple[str, int, int, str]]:
    return ((f"b{i + 1}", b.start, b.end, b.activity or "") for i, b in enumerate(doc.budget_items) if b.end > b.start)


#: The kind's card on the web page of a document (Jinja; ``doc`` is the document).
CARD = """\
<section class="card">
      <h2>预算行</h2>
      <table class="figures">{% for b in doc.budget_items %}<tr><td class="k-budget">{% if b.parent %}　{% endif %}{{ b.activity }}</td><td class="num">{{ b.amount if b.amount is not none else '' }} {{ b.amount_unit or '' }}</td></tr>{% endfor %}</table>
    </section>
"""


BUDGET_ITEMS = register(RecordKind(
    name="budget_items", short="budget", record=BudgetItem, order=50,
    extract="gongwen.extractors.budget:extract_budget_items",
    requires=("doc.text", "work.tables", "work.table_captions", "work.offsets", "work.source_text"),
    columns=(Column("ord", "INTEGER"), Column("activity"), Column("parent"), Column("amount", "REAL"),
             Column("amount_unit"), Column("description"), Column("goal"), Column("indicators"),
             Column("start", "INTEGER"), Column("end_offset", "INTEGER")),
    rows=_rows,
    full_text=FullText(
        "coalesce(t.activity, '') || ' ' || coalesce(t.description, '') || ' ' || coalesce(t.goal, '') || ' ' || "
        "coalesce(t.indicators, '')",
        f"coalesce(t.parent, '') || ' ' || {DOC_FACTS}"),
    search=Searched(key="t.doc_id || ':b' || t.ord",
                    text="coalesce(t.activity, '') || '：' || coalesce(t.goal, t.description, '')",
                    organ="t.parent", section_path="''", weights=(1.0, 0.3), substring="t.words"),
    label="budget items", title_zh="预算行", show=_show, marks=_marks, colors={"预算": "#a6da95"},
    page_marks=_page_marks, css="k-budget", card=CARD,
))
