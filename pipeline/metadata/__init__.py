"""Metadata of a document: title, doc_type, region, organization, year (RECORDS.md top level).

:func:`describe` is the library call behind the ``metadata`` stage; each field has its
own small module (:mod:`title`, :mod:`doctype`, :mod:`place`, :mod:`year`) with its cue
words in a data file beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongwen.metadata.doctype import classify
from gongwen.metadata.place import area_as_organ, organization, region, source_organ
from gongwen.metadata.title import Title, find_title
from gongwen.metadata.year import find_year


@dataclass
class Metadata:
    title: str | None
    doc_type: str
    region: str | None
    organization: str | None
    year: int | None


#: The source's first line serves as a title only when it is title-short.
HEAD_MAX = 40


def source_head(source_text: str) -> str | None:
    """The source's first line (a running head, a file name the normalizer removed), when it
    is title-short: it still names the document and its place when the text offers no
    title or place of its own."""
    head = next((line.strip() for line in source_text[:2000].splitlines() if line.strip()), "")
    return head if len(head) <= HEAD_MAX else None


def doc_type_of(text: str, title: Title, source_text: str, has_tables: bool) -> str:
    """The document's type, from its text and its title (or the source's first line without one)."""
    return classify(text, title.text or source_head(source_text), has_tables)


def describe(text: str, source_text: str = "", has_tables: bool = False, title: Title | None = None,
             doc_type: str | None = None) -> Metadata:
    """The metadata fields of a normalized text (``source_text`` serves cues the
    normalizer removes, like an encyclopedia infobox); ``title`` and ``doc_type``, when
    the ``classify`` stage found them already, are not looked for again."""
    title = title or find_title(text, source_text)
    org = organization(text, title.text) or source_organ(text, source_text) or area_as_organ(text, title.text)
    head = source_head(source_text)
    return Metadata(
        title=title.text,
        doc_type=doc_type or doc_type_of(text, title, source_text, has_tables),
        region=region(text, title.text, org) or (region(text, head, org) if head else None),
        organization=org,
        year=find_year(text, title.text, title.span[1] if title.span else 0, source_text),
    )


__all__ = ["Metadata", "Title", "classify", "describe", "doc_type_of", "find_title", "source_head"]
