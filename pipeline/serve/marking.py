"""The normalized text of a document cut into segments, each knowing which records cover it.

Records overlap (a figure inside a duty inside a meeting's scope), so the text is
cut at every record boundary and each piece carries the set of records over it;
the page styles a piece by the kinds in that set and lists the records on hover.
Section starts are boundaries too, so the outline can link to them.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from gongwen.record import Document

#: Kinds of marked record: key → (label, CSS class).
KINDS: dict[str, tuple[str, str]] = {
    "duty": ("职责", "k-duty"),
    "meeting": ("会议规则", "k-meeting"),
    "figure": ("数字", "k-figure"),
    "budget": ("预算行", "k-budget"),
}


@dataclass(frozen=True)
class Mark:
    """One record as the page shows it: its id, kind, span and a one-line description."""

    rid: str
    kind: str
    start: int
    end: int
    label: str


@dataclass
class Segment:
    text: str
    start: int
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(dict.fromkeys(KINDS[m.kind][1] for m in self.marks))

    @property
    def title(self) -> str:
        return "\n".join(f"{KINDS[m.kind][0]} {m.rid}：{m.label}" for m in self.marks)


def _value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def figure_label(f: Any) -> str:
    parts = [f.kind, _value(f.value)]
    if f.unit:
        parts.append(f.unit)
    if f.cmp:
        parts.append(f"({f.cmp})")
    return " ".join(str(p) for p in parts)


def marks(doc: Document) -> list[Mark]:
    out = [Mark(d.id, "duty", d.start, d.end, f"{d.organ or '—'}：{d.text}") for d in doc.duties]
    out += [Mark(m.id, "meeting", m.start, m.end, m.body) for m in doc.meeting_rules]
    out += [Mark(f"f{i + 1}", "figure", f.start, f.end, figure_label(f)) for i, f in enumerate(doc.figures)]
    out += [Mark(f"b{i + 1}", "budget", b.start, b.end, b.activity or "")
            for i, b in enumerate(doc.budget_items) if b.end > b.start]
    return [m for m in out if 0 <= m.start < m.end <= len(doc.text)]


def segments(doc: Document) -> list[Segment]:
    """The text cut at every record and section boundary, in order."""
    found = marks(doc)
    cuts = {0, len(doc.text)}
    for m in found:
        cuts.update((m.start, m.end))
    starts: dict[int, list[str]] = {}
    for s in doc.sections:
        if 0 <= s.start <= len(doc.text):
            cuts.add(s.start)
            starts.setdefault(s.start, []).append(s.id)
    bounds = sorted(cuts)
    segs = [Segment(doc.text[a:b], a, anchors=starts.get(a, [])) for a, b in zip(bounds, bounds[1:], strict=False)]
    positions = [s.start for s in segs]
    for m in found:
        i = bisect_right(positions, m.start) - 1
        while i < len(segs) and segs[i].start < m.end:
            segs[i].marks.append(m)
            i += 1
    return segs
