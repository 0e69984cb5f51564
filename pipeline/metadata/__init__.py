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


def describe(text: str, source_text: str = "", has_tables: bool = False, title: Title | None = None) -> Metadata:
    """The metadata fields of a normalized text (``source_text`` serves cues the
    normalizer removes, like an encyclopedia infobox)."""
    title = title or find_title(text, source_text)
    org = organization(text, title.text) or source_organ(text, source_text) or area_as_organ(text, title.text)
    # the source's first line (a running head, a file name the normalizer removed) still
    # names the document and its place when the text offers no title or place of its own
    head = next((line.strip() for line in source_text[:2000].splitlines() if line.strip()), "")
    head = head if len(head) <= HEAD_MAX else None
    return Metadata(
        title=title.text,
        doc_type=classify(text, title.text or head, has_tables),
        region=region(text, title.text, org) or (region(text, head, org) if head else None),
        organization=org,
        year=find_year(text, title.text, title.span[1] if title.span else 0, source_text),
    )


__all__ = ["Metadata", "Title", "classify", "describe", "find_title"]
