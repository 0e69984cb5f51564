"""A review page: the normalized text with one kind of extracted record marked on it.

Research assistants check extraction by reading the text with the spans marked,
not by reading JSON. spaCy's displaCy renders exactly that page from plain
character spans (its "manual" mode needs no model), so we use it instead of
writing HTML by hand; spaCy is the ``spacy`` extra, and without it :func:`render`
raises :class:`~gongwen.extras.MissingExtra` saying what to install. displaCy's entity style needs spans that do not overlap;
each layer below yields one kind of record, and the rare overlaps inside a kind
(nested meeting scopes) keep the earlier span.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gongwen.extras import SPACY
from gongwen.record import Document
from gongwen.registry import Registry

#: Named in the message when spaCy is missing.
FEATURE = "the review page (drawn by spaCy's displaCy)"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    label: str


Layer = Callable[[Document], Iterable[Mark]]
LAYERS: Registry[Layer] = Registry("review layer")

#: Label colours of each layer (displaCy's ``colors`` option); labels not listed are grey.
COLORS = {
    "money": "#f6c177", "count": "#9ccfd8", "percent": "#c4a7e7", "fraction": "#c4a7e7",
    "ratio": "#c4a7e7", "date": "#a6da95", "duration": "#eed49f", "number": "#dddddd",
    "职责": "#9ccfd8", "会议": "#f6c177", "预算": "#a6da95",
}


@LAYERS.register("figures")
def _figures(doc: Document) -> Iterable[Mark]:
    return (Mark(f.start, f.end, f.kind) for f in doc.figures)


@LAYERS.register("duties")
def _duties(doc: Document) -> Iterable[Mark]:
    return (Mark(d.start, d.end, f"职责 · {d.organ}" if d.organ else "职责") for d in doc.duties)


@LAYERS.register("meetings")
def _meetings(doc: Document) -> Iterable[Mark]:
    return (Mark(m.start, m.end, f"会议 · {m.body}") for m in doc.meeting_rules)


@LAYERS.register("budget")
def _budget(doc: Document) -> Iterable[Mark]:
    return (Mark(b.start, b.end, f"预算 · {b.activity}") for b in doc.budget_items)


def marks(doc: Document, layer: str) -> list[Mark]:
    """The layer's marks in text order, without overlaps."""
    return without_overlaps(LAYERS.get(layer)(doc))


def without_overlaps(found: Iterable[Mark]) -> list[Mark]:
    """Marks in text order; a mark overlapping an earlier (or longer, same-start) one is dropped."""
    out: list[Mark] = []
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        if m.end > m.start and (not out or m.start >= out[-1].end):
            out.append(m)
    return out


#: The page around displaCy's markup: its own page template says lang="en", is titled
#: "displaCy" and declares no character set, so a browser may guess the Chinese wrong.
PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>{title}</title>
</head>
<body style="font-size: 16px; font-family: sans-serif; padding: 4rem 2rem">
<h1 style="font-size: 1.4rem">{title}</h1>
{body}
</body>
</html>
"""


def render(doc: Document, layer: str, found: list[Mark] | None = None) -> str:
    """A whole HTML page: the document's text with the layer's records (``found``, the
    layer's :func:`marks` when not given) marked."""
    SPACY.require(FEATURE)
    from spacy import displacy  # heavy import, only for this command

    found = marks(doc, layer) if found is None else found
    colors = {m.label: COLORS.get(m.label.split(" · ")[0], "#dddddd") for m in found}
    data = {"text": doc.text, "title": f"{doc.title or doc.source.path} — {layer} ({len(found)})",
            "ents": [{"start": m.start, "end": m.end, "label": m.label} for m in found]}
    body = displacy.render(data, style="ent", manual=True, page=False, options={"colors": colors})
    return PAGE.format(title=html.escape(data["title"]), body=body)
