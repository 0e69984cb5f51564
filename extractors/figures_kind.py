"""The ``figures`` record kind: its registration, with numeric and date columns
(``value_num``, ``date_from``, …) so a store compares quantities, not JSON text."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from gongwen.figure_values import figure_columns
from gongwen.fulltext import DOC_FACTS
from gongwen.kinds import Column, FullText, RecordKind, Searched, register
from gongwen.record import Document, Figure
from gongwen.review import Mark

if TYPE_CHECKING:
    from rich.table import Table

_SENTENCE_ENDS = "。！？；\n!?;"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, for figures whose extractor gave none."""
    lo = max((text.rfind(c, 0, start) for c in _SENTENCE_ENDS), default=-1) + 1
    his = [i for i in (text.find(c, end) for c in _SENTENCE_ENDS) if i >= 0]
    hi = min(his) + 1 if his else len(text)
    return text[lo:hi].strip()


def _rows(doc: Document, paths: Callable[[str | None], str]) -> Iterable[tuple[Any, ...]]:
    for i, fig in enumerate(doc.figures):
        sec = doc.section_at(fig.start)
        sentence = fig.sentence or sentence_around(doc.text, fig.start, fig.end)
        yield (i, fig.text, fig.kind, json.dumps(fig.value, ensure_ascii=False), fig.unit, fig.cmp, fig.start,
               fig.end, sentence, sec.id if sec else None, paths(sec.id) if sec else "",
               *figure_columns(fig.kind, fig.value))


def _value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def figure_label(f: Figure) -> str:
    """`money 200000 元 (>=)`: a figure in one line, for the web page."""
    parts = [f.kind, _value(f.value)]
    if f.unit:
        parts.append(f.unit)
    if f.cmp:
        parts.append(f"({f.cmp})")
    return " ".join(str(p) for p in parts)


def _page_marks(doc: Document) -> Iterable[tuple[str, int, int, str]]:
    return ((f"f{i + 1}", f.start, f.end, figure_label(f)) for i, f in enumerate(doc.figures))


def _show(doc: Document) -> Table:
    from gongwen.show import cell, table

    out = table(f"figures ({len(doc.figures)})", ["text", "kind", "value", "unit", "cmp", "at"])
    for f in doc.figures:
        out.add_row(f.text, f.kind, cell(f.value), cell(f.unit), cell(f.cmp), str(f.start))
    return out


def _marks(doc: Document) -> Iterable[Mark]:
    return (Mark(f.start, f.end, f.kind) for f in doc.figures)


#: The kind's card on the web page of a document (Jinja; ``doc`` is the document).
CARD = """\
<section class="card">
      <h2>数字 <span class="muted">{{ doc.figures|length }}</span></h2>
      <table class="figures">
        {% for f in doc.figures[:300] %}<tr><td class="k-figure">{{ f.text }}</td><td class="muted">{{ figure_label(f) }}</td></tr>{% endfor %}
      </table>
      {% if doc.figures|length > 300 %}<p class="muted">只列出前 300 个。</p>{% endif %}
    </section>
"""


FIGURES = register(RecordKind(
    name="figures", record=Figure, order=40,
    extract="gongwen.extractors.figures:extract_figures",
    requires=("doc.text", "doc.year"),
    columns=(Column("ord", "INTEGER"), Column("text"), Column("kind"), Column("value"), Column("unit"),
             Column("cmp"), Column("start", "INTEGER"), Column("end_offset", "INTEGER"), Column("sentence"),
             Column("section"), Column("section_path"), Column("value_num", "REAL"), Column("value_low", "REAL"),
             Column("value_high", "REAL"), Column("date_from"), Column("date_to")),
    rows=_rows,
    full_text=FullText("t.sentence", f"t.text || ' ' || coalesce(t.unit, '') || ' ' || coalesce(t.section_path, '')"
                                     f" || ' ' || {DOC_FACTS}"),
    search=Searched(key="t.doc_id || ':f' || t.ord", text="t.sentence", figure="t.text"),
    label="figures", title_zh="数字", show=_show, marks=_marks, page_marks=_page_marks, css="k-figure", card=CARD,
    colors={"money": "#f6c177", "count": "#9ccfd8", "percent": "#c4a7e7", "fraction": "#c4a7e7",
            "ratio": "#c4a7e7", "date": "#a6da95", "duration": "#eed49f", "number": "#dddddd"},
))
