"""The text layer of a document: where its marks stand and how it cuts into clauses,
computed once per text and read by bisection (issue 15).

Extractors ask the same questions of a text again and again: where does the sentence
around this match begin and end (the last `。；\\n` before it, the first after it), how
often does this name occur, what are the text's clauses. Answered with ``str.rfind`` and
``str.find`` from every match, a text of one long line is scanned to its start or end
each time (a mark that never occurs is searched over the whole text), which made long
texts quadratic. The layer lists the places of each mark once and answers by bisection;
clause cuts and counts are kept so a second extractor or pass gets them for free.

One layer per text (:func:`text_layer`, cached on the text itself); it never changes the
text, so every answer equals the plain string operation it replaces.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from gongwen.lists import split_top


@dataclass
class TextLayer:
    """Marks, clauses and counts of one text; built lazily, each on first use."""

    text: str
    #: sorted places of each mark character
    places_of: dict[str, list[int]] = field(default_factory=dict, repr=False)
    #: sorted places of any character of a set of marks
    places_of_any: dict[str, list[int]] = field(default_factory=dict, repr=False)
    #: the whole text's clauses cut at a set of marks (:func:`gongwen.lists.split_top`)
    clauses_at: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    counts: dict[str, int] = field(default_factory=dict, repr=False)

    def places(self, marks: str) -> list[int]:
        """Where any character of ``marks`` stands, in text order."""
        found = self.places_of_any.get(marks)
        if found is None:
            per = [self._places(ch) for ch in dict.fromkeys(marks)]
            found = per[0] if len(per) == 1 else sorted(p for ps in per for p in ps)
            self.places_of_any[marks] = found
        return found

    def _places(self, ch: str) -> list[int]:
        found = self.places_of.get(ch)
        if found is None:
            found, text = [], self.text
            i = text.find(ch)
            while i != -1:
                found.append(i)
                i = text.find(ch, i + 1)
            self.places_of[ch] = found
        return found

    def last_before(self, marks: str, pos: int) -> int:
        """``max(text.rfind(ch, 0, pos) for ch in marks)``: the last place before ``pos``
        holding one of ``marks``, or -1."""
        found = self.places(marks)
        k = bisect.bisect_left(found, pos)
        return found[k - 1] if k else -1

    def first_from(self, marks: str, pos: int, end: int | None = None) -> int:
        """The first place in ``[pos, end)`` holding one of ``marks``, or -1: the least
        ``text.find(ch, pos, end)`` over ``marks`` that is found."""
        found = self.places(marks)
        k = bisect.bisect_left(found, max(pos, 0))
        return found[k] if k < len(found) and (end is None or found[k] < end) else -1

    def clauses(self, marks: str) -> list[tuple[int, int]]:
        """``split_top(text, 0, len(text), marks)``: the whole text cut at ``marks`` outside
        brackets and quotes, blanks and final punctuation trimmed."""
        found = self.clauses_at.get(marks)
        if found is None:
            found = self.clauses_at[marks] = split_top(self.text, 0, len(self.text), marks)
        return found

    def count(self, s: str) -> int:
        """``text.count(s)``, counted once per string."""
        n = self.counts.get(s)
        if n is None:
            n = self.counts[s] = self.text.count(s)
        return n


@lru_cache(maxsize=4)
def text_layer(text: str) -> TextLayer:
    """The layer of ``text``, shared by every extractor that reads the same text."""
    return TextLayer(text)
