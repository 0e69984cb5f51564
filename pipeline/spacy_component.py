"""gongwen as a spaCy pipeline component, for researchers who work in spaCy.

    import spacy
    nlp = spacy.blank("zh")
    nlp.add_pipe("gongwen_records")
    doc = nlp(text)
    doc.spans["duties"]          # one Span per duty, in record order
    doc.spans["figures"][0].label_   # "money", "percent", …
    doc._.gongwen                # the whole record (gongwen.record.Document)

The component runs gongwen's pipeline on the Doc's text and puts every record that has
offsets on the Doc as a span group named like the record's field (``sections``,
``duties``, ``meeting_rules``, ``figures``, ``budget_items``; a record kind added later
appears by itself). A span's label is the record's ``kind`` when it has one (figures:
``money``, ``count`` …), else its type (``duty``, ``section``, ``meeting``, ``budget_item``);
its ``id_`` is the record's id where the record has one. The records' own offsets index
the normalized text (``doc._.gongwen.text``); they are mapped back onto the Doc's text
through the normalizer's offset map, so spans cover the original characters even where
normalization changed them (full-width digits, line breaks), and are widened to whole
tokens (``char_span(..., alignment_mode="expand")``).

The factory is registered with ``@Language.factory`` and advertised to spaCy through the
``spacy_factories`` entry point (pyproject.toml), so ``nlp.add_pipe("gongwen_records")``
works without importing gongwen first. spaCy is the ``spacy`` extra.

No ``from __future__ import annotations`` here: spaCy 3.7 reads the factory's type hints
with pydantic 1, which cannot resolve hints kept as strings.
"""

import dataclasses
import typing
from dataclasses import dataclass
from functools import cache

from gongwen.extras import SPACY

SPACY.require("the gongwen_records spaCy component")

from spacy.language import Language  # noqa: E402 - after the clear message above
from spacy.tokens import Doc  # noqa: E402

from gongwen.process import process_text  # noqa: E402
from gongwen.record import Document  # noqa: E402

FACTORY = "gongwen_records"

if not Doc.has_extension("gongwen"):
    Doc.set_extension("gongwen", default=None)


@dataclass(frozen=True)
class RecordSpan:
    """Where one record lies in the normalized text, and how its span is labelled."""

    start: int
    end: int
    label: str
    id: str


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(name))


@cache
def span_groups() -> dict[str, type]:
    """The record fields that become span groups: lists of records with offsets, by field name."""
    out: dict[str, type] = {}
    for name, hint in typing.get_type_hints(Document).items():
        args = typing.get_args(hint)
        if typing.get_origin(hint) is list and args and dataclasses.is_dataclass(args[0]):
            names = {f.name for f in dataclasses.fields(args[0])}
            if {"start", "end"} <= names:
                out[name] = args[0]
    return out


def record_spans(document: Document) -> dict[str, list[RecordSpan]]:
    """Every record with offsets, by span group, in record order."""
    out: dict[str, list[RecordSpan]] = {}
    for group, kind in span_groups().items():
        type_label = _snake(kind.__name__)
        out[group] = [RecordSpan(r.start, r.end, str(getattr(r, "kind", None) or type_label),
                                 str(getattr(r, "id", None) or "")) for r in getattr(document, group)]
    return out


def attach(doc: Doc, document: Document) -> Doc:
    """Put ``document``'s records on ``doc`` (whose text is the text ``document`` was read
    from) as span groups, and the record itself as ``doc._.gongwen``."""
    offsets = document.work.offsets
    same = document.text == doc.text

    def source(start: int, end: int) -> tuple[int, int]:
        if same or not offsets:
            return start, end
        return offsets[start], (offsets[end - 1] + 1 if end > start else offsets[start])

    for group, found in record_spans(document).items():
        spans = []
        for r in found:
            lo, hi = source(r.start, r.end)
            span = doc.char_span(lo, hi, label=r.label, alignment_mode="expand")
            if span is None:  # a range on white space only: say so rather than drop it quietly
                document.warnings.append(f"spaCy: no tokens for the {group} record at {r.start}–{r.end}")
                continue
            span.id_ = r.id
            spans.append(span)
        doc.spans[group] = spans
    doc._.gongwen = document
    return doc


class GongwenRecords:
    """The component: runs gongwen on each Doc's text and attaches the records."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return attach(doc, process_text(doc.text))


@Language.factory(FACTORY)
def make_records(nlp: Language, name: str) -> GongwenRecords:
    """spaCy's factory for ``nlp.add_pipe("gongwen_records")``."""
    return GongwenRecords(nlp, name)
