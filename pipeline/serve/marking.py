"""The normalized text of a document cut into segments, each knowing which records cover it.

Records overlap (a figure inside a duty inside a meeting's scope), so the text is
cut at every record boundary and each piece carries the set of records over it;
the page styles a piece by the kinds in that set and lists the records on hover.
Section starts are boundaries too, so the outline can link to them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from gongwen import kinds
from gongwen.record import Document


def marked_kinds() -> dict[str, tuple[str, str]]:
    """Kinds of marked record: short name → (label, CSS class), from each kind's declaration."""
    return {k.cli: (k.title_zh or k.cli, k.css or f"k-{k.cli}") for k in kinds.all_kinds() if k.page_marks}


@dataclass(frozen=True)
class Mark:
    """One record as the page shows it: its id, kind, span and a one-line description,
    with its kind's name and CSS class on the page."""

    rid: str
    kind: str
    start: int
    end: int
    label: str
    kind_title: str = ""
    css: str = ""


@dataclass
class Segment:
    text: str
    start: int
    marks: list[Mark] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(dict.fromkeys(m.css for m in self.marks))

    @property
    def title(self) -> str:
        return "\n".join(f"{m.kind_title} {m.rid}：{m.label}" for m in self.marks)


def marks(doc: Document) -> list[Mark]:
    known = marked_kinds()
    out = [Mark(rid, k.cli, start, end, label, *known[k.cli]) for k in kinds.all_kinds() if k.page_marks
           for rid, start, end, label in k.page_marks(doc)]
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
