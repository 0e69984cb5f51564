"""The ``meeting_rules`` record kind (``meetings`` on the command line): its registration,
with one store column per slot so comparisons are plain SQL."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from gongwen.fulltext import DOC_FACTS
from gongwen.kinds import Column, FullText, RecordKind, Searched, register
from gongwen.record import Document, FractionRule, Frequency, Meeting
from gongwen.review import Mark

if TYPE_CHECKING:
    from rich.table import Table


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _b(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _rows(doc: Document, paths: Callable[[str | None], str]) -> Iterable[tuple[Any, ...]]:
    for m in doc.meeting_rules:
        f, q, v = m.frequency, m.quorum, m.vote_threshold
        yield (m.id, m.body, m.section, paths(m.section), m.start, m.end,
               f.text if f else None, f.count if f else None, f.per if f else None, _b(f.min) if f else None,
               _b(m.ad_hoc), m.convener, m.chair,
               q.text if q else None, q.fraction if q else None, _b(q.inclusive) if q else None, q.of if q else None,
               v.text if v else None, v.fraction if v else None, _b(v.inclusive) if v else None, v.of if v else None,
               _j([sq.__dict__ for sq in m.special_quorum]), _j(m.members), _j(m.attendees), m.recorder,
               _j(m.agenda_scope))


def _frequency(f: Frequency | None) -> str:
    if f is None:
        return ""
    return f"{'≥' if f.min else ''}{f.count:g}/{f.per}"


def _fraction(r: FractionRule | None) -> str:
    if r is None:
        return ""
    op = {True: "≥", False: ">", None: ""}[r.inclusive]
    return f"{op}{r.fraction:.4g} of {r.of or '?'}"


def _slots(m: Meeting) -> list[tuple[str, str]]:
    """The slots a meeting has, as (name, value) pairs; a meeting has too many slots for one row."""
    from gongwen.show import cell

    special = "; ".join(f"{s.matter}: {s.fraction:.4g}" for s in m.special_quorum)
    slots = [("frequency", _frequency(m.frequency)), ("ad hoc", {True: "yes", False: "no", None: ""}[m.ad_hoc]),
             ("convener", cell(m.convener)), ("chair", cell(m.chair)), ("quorum", _fraction(m.quorum)),
             ("special quorum", special), ("vote", _fraction(m.vote_threshold)), ("members", cell(m.members)),
             ("attendees", cell(m.attendees)), ("recorder", cell(m.recorder)),
             ("agenda", "；".join(m.agenda_scope))]
    return [(k, v) for k, v in slots if v]


def _show(doc: Document) -> Table:
    from gongwen.show import table

    out = table(f"meeting rules ({len(doc.meeting_rules)})", ["body", "slot", "value"])
    for m in doc.meeting_rules:
        slots = _slots(m) or [("", "")]
        for i, (k, v) in enumerate(slots):
            out.add_row(m.body if i == 0 else "", k, v, end_section=i == len(slots) - 1)
    return out


def _marks(doc: Document) -> Iterable[Mark]:
    return (Mark(m.start, m.end, f"会议 · {m.body}") for m in doc.meeting_rules)


def _page_marks(doc: Document) -> Iterable[tuple[str, int, int, str]]:
    return ((m.id, m.start, m.end, m.body) for m in doc.meeting_rules)


#: The kind's card on the web page of a document (Jinja; ``doc`` is the document).
CARD = """\
<section class="card">
      <h2>会议规则</h2>
      {% for m in doc.meeting_rules %}
      <details open><summary class="k-meeting">{{ m.body }}</summary>
        <table class="meta">
          {% if m.frequency %}<tr><th>频次</th><td>{{ m.frequency.text }}</td></tr>{% endif %}
          {% if m.ad_hoc %}<tr><th>临时召开</th><td>可以</td></tr>{% endif %}
          {% if m.convener %}<tr><th>召集</th><td>{{ m.convener }}</td></tr>{% endif %}
          {% if m.chair %}<tr><th>主持</th><td>{{ m.chair }}</td></tr>{% endif %}
          {% if m.quorum %}<tr><th>到会</th><td>{{ m.quorum.text }}</td></tr>{% endif %}
          {% for sq in m.special_quorum %}<tr><th>特别</th><td>{{ sq.text }}</td></tr>{% endfor %}
          {% if m.vote_threshold %}<tr><th>表决</th><td>{{ m.vote_threshold.text }}</td></tr>{% endif %}
          {% if m.members %}<tr><th>组成</th><td>{{ m.members|join('、') }}</td></tr>{% endif %}
          {% if m.attendees %}<tr><th>列席</th><td>{{ m.attendees|join('、') }}</td></tr>{% endif %}
          {% if m.recorder %}<tr><th>记录</th><td>{{ m.recorder }}</td></tr>{% endif %}
          {% if m.agenda_scope %}<tr><th>议事范围</th><td>{{ m.agenda_scope|length }} 项</td></tr>{% endif %}
        </table>
      </details>
      {% endfor %}
    </section>
"""


MEETING_RULES = register(RecordKind(
    name="meeting_rules", short="meetings", record=Meeting, order=30,
    extract="gongwen.extractors.meetings:extract_meetings",
    requires=("doc.text", "doc.sections", "doc.title"),
    columns=(Column("mid"), Column("body"), Column("section"), Column("section_path"), Column("start", "INTEGER"),
             Column("end_offset", "INTEGER"), Column("frequency_text"), Column("frequency_count", "REAL"),
             Column("frequency_per"), Column("frequency_min", "INTEGER"), Column("ad_hoc", "INTEGER"),
             Column("convener"), Column("chair"), Column("quorum_text"), Column("quorum_fraction", "REAL"),
             Column("quorum_inclusive", "INTEGER"), Column("quorum_of"), Column("vote_text"),
             Column("vote_fraction", "REAL"), Column("vote_inclusive", "INTEGER"), Column("vote_of"),
             Column("special_quorum"), Column("members"), Column("attendees"), Column("recorder"),
             Column("agenda_scope")),
    rows=_rows,
    full_text=FullText(
        "t.body || ' ' || coalesce(t.frequency_text, '') || ' ' || coalesce(t.convener, '') || ' ' || "
        "coalesce(t.chair, '') || ' ' || coalesce(t.quorum_text, '') || ' ' || coalesce(t.vote_text, '') || ' ' || "
        "coalesce(t.members, '') || ' ' || coalesce(t.attendees, '') || ' ' || coalesce(t.recorder, '') || ' ' || "
        "coalesce(t.agenda_scope, '')",
        f"coalesce(t.section_path, '') || ' ' || {DOC_FACTS}"),
    search=Searched(key="t.doc_id || ':' || t.mid",
                    text="t.body || '：' || trim(coalesce(t.frequency_text, '') || ' ' || coalesce(t.quorum_text, '')"
                         " || ' ' || coalesce(t.vote_text, ''))",
                    organ="t.body", weights=(1.0, 0.3), substring="t.words"),
    label="meetings", title_zh="会议规则", show=_show, marks=_marks, colors={"会议": "#f6c177"},
    page_marks=_page_marks, css="k-meeting", card=CARD,
))
