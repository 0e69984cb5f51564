"""The budget rebuild's source lines of a normalized text, for tests that write both texts."""

from __future__ import annotations

from gongwen.extractors.budget_text import source_lines
from gongwen.record import Document, Source


def lines_from_source(source: str, text: str) -> list[str]:
    """The rebuild's lines of ``text``, normalized from ``source`` by removals only: each
    character of the text is placed at its first occurrence in the source after the last."""
    doc = Document(source=Source(path="t.txt", format="txt", encoding="utf-8", bytes=1, sha256="0" * 64), text=text)
    offsets, k = [], 0
    for ch in text:
        k = source.index(ch, k)
        offsets.append(k)
        k += 1
    doc.work.source_text, doc.work.offsets = source, [*offsets, len(source)]
    return [text[s.start:s.end] for s in source_lines(doc)]
