"""Edit lists: how every normalization rule rewrites text while keeping the offset map.

A rule never builds the new text itself; it returns a list of :class:`Edit`
(replace ``text[start:end]`` by ``replacement``), sorted and non-overlapping.
:func:`apply_edits` makes the new text and the new offset map in one pass, so
the rules compose: after the last rule, ``offsets[i]`` is still the source index
of normalized character ``i``.

Why edits rather than per-character maps: most rules touch a few spans of a long
text, so copying the untouched stretches as slices of an ``array`` is linear,
C-speed and small in memory (4 bytes a character), where a list of Python ints
would cost ~36 bytes a character on a 10 MB input.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

#: Array type code of offset maps: 4-byte signed ints, enough for the reader's 64 MB limit.
OFFSET_TYPE = "i"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``; ``note`` becomes a warning when set.

    ``origin``, when set, gives for each character of ``replacement`` the index in ``text``
    it comes from: a rule that moves text around (a wrapped table cell's parts brought
    together) keeps every character pointing at its own source character that way.
    """

    start: int
    end: int
    replacement: str = ""
    note: str | None = None
    origin: tuple[int, ...] | None = None


def identity_map(n: int) -> array:
    """The offset map of an untouched text of ``n`` characters (``n + 1`` entries)."""
    return array(OFFSET_TYPE, range(n + 1))


def apply_edits(text: str, offsets: array, edits: Iterable[Edit]) -> tuple[str, array]:
    """Apply sorted, non-overlapping ``edits`` to ``text`` and carry ``offsets`` along.

    A replacement of the same length as the span maps character by character (a
    script conversion keeps exact offsets); a shorter or longer one maps its
    characters onto the span's characters in order, the surplus onto the span's
    last character, so every normalized character still points into its span.
    """
    parts: list[str] = []
    new = array(OFFSET_TYPE)
    pos = 0
    for e in edits:
        if e.start < pos or e.end < e.start:
            raise ValueError(f"edits overlap or are unsorted at {e.start}:{e.end}")
        parts.append(text[pos:e.start])
        new.extend(offsets[pos:e.start])
        parts.append(e.replacement)
        span = e.end - e.start
        n = len(e.replacement)
        if e.origin is not None:
            if len(e.origin) != n:
                raise ValueError(f"an edit at {e.start}:{e.end} gives {len(e.origin)} origins for {n} characters")
            new.extend(array(OFFSET_TYPE, (offsets[k] for k in e.origin)))
        elif n == span:
            new.extend(offsets[e.start:e.end])
        elif n:
            if span == 0:
                new.extend(array(OFFSET_TYPE, [offsets[e.start]]) * n)
            else:
                new.extend(array(OFFSET_TYPE, (offsets[e.start + min(k, span - 1)] for k in range(n))))
        pos = e.end
    parts.append(text[pos:])
    new.extend(offsets[pos:])
    return "".join(parts), new




def aligned_edits(old: str, new: str, start: int = 0) -> list[Edit]:
    """Edits turning ``old`` into ``new`` when lengths differ, aligned with difflib.

    Used only on the rare line a phrase conversion lengthens or shortens, so the
    quadratic worst case of ``SequenceMatcher`` stays on one short line.
    """
    import difflib  # light, and only needed on the rare length change

    edits: list[Edit] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            edits.append(Edit(start + i1, start + i2, new[j1:j2]))
    return edits
