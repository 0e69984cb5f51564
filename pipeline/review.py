"""A review page: the normalized text with one kind of extracted record marked on it.

Research assistants check extraction by reading the text with the spans marked,
not by reading JSON. spaCy's displaCy renders exactly that page from plain
character spans (its "manual" mode needs no model), so we use it instead of
writing HTML by hand; spaCy is the ``spacy`` extra, and without it :func:`render`
raises :class:`~gongwen.extras.MissingExtra` saying what to install. displaCy's entity style
needs spans that do not overlap; each layer (a kind's ``marks``, :mod:`gongwen.kinds`) yields
one kind of record, and the rare overlaps inside a kind
(nested meeting scopes) keep the earlier span.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from gongwen import kinds
from gongwen.extras import SPACY
from gongwen.record import Document

#: Named in the message when spaCy is missing.
FEATURE = "the review page (drawn by spaCy's displaCy)"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    label: str


#: Colours of the figures' kinds and the other kinds' labels come from each kind's
#: ``colors`` (:mod:`gongwen.kinds`); labels no kind colours are grey.
GREY = "#dddddd"


def layers() -> list[str]:
    """The kinds a review page can mark (their command-line names)."""
    return kinds.short_names(having="marks")


def marks(doc: Document, layer: str) -> list[Mark]:
    """The layer's marks in text order, without overlaps."""
    mark = kinds.get(layer).marks
    if mark is None:
        raise KeyError(f"record kind {layer!r} has no review layer; choose one of {', '.join(layers())}")
    return without_overlaps(mark(doc))


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
    palette = kinds.get(layer).colors
    colors = {m.label: palette.get(m.label.split(" · ")[0], GREY) for m in found}
    data = {"text": doc.text, "title": f"{doc.title or doc.source.path} — {layer} ({len(found)})",
            "ents": [{"start": m.start, "end": m.end, "label": m.label} for m in found]}
    body = displacy.render(data, style="ent", manual=True, page=False, options={"colors": colors})
    return PAGE.format(title=html.escape(data["title"]), body=body)
