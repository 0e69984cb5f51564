"""Which marks of the normalized text are guesses: marks the normalizer put where the
source had none (the punctuation restorer's ``，`` and ``。`` in a stripped text).

A reader that judges a line by its marks (a title has no sentence marks, a heading
ends without a full stop) must not count a guessed mark as evidence: the restorer puts
a ``。`` after a title line as readily as after a sentence. The offset map tells them
apart: a normalized mark whose source character is no punctuation at all was inserted
(an insertion maps onto the source character after it) or written over a space.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def guessed_marks(text: str, source_text: str, offsets: Sequence[int], limit: int | None = None) -> frozenset[int]:
    """The indices of ``text`` (of its first ``limit`` characters) holding a punctuation
    mark the source did not have."""
    if len(offsets) < len(text):  # no offset map (a text built without the normalizer)
        return frozenset()
    out = set()
    n = len(source_text)
    for i, ch in enumerate(text[:limit]):
        if not _is_mark(ch):
            continue
        at = offsets[i]
        if at >= n or not _is_mark(source_text[at]):
            out.add(i)
    return frozenset(out)


def without(text: str, drop: frozenset[int]) -> tuple[str, list[int]]:
    """``text`` with the characters at ``drop`` left out, and for each character of the
    result (and its end) its index in ``text``."""
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for i in sorted(drop):
        parts.append(text[pos:i])
        index.extend(range(pos, i))
        pos = i + 1
    parts.append(text[pos:])
    index.extend(range(pos, len(text) + 1))
    return "".join(parts), index
