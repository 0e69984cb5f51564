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

from gongwen.lists import split_top, top_cuts, trim


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
    cuts_at: dict[str, list[int]] = field(default_factory=dict, repr=False)
    pieces_at: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
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
            found = self.clauses_at[marks] = [(x, y) for x, y in self._pieces(marks) if y > x]
        return found

    def clauses_in(self, marks: str, a: int, b: int) -> list[tuple[int, int]]:
        """``split_top(text, a, b, marks)``, read off the whole text's cuts: a cut of the
        whole text inside ``[a, b)`` is a cut of the stretch too, and from the first such cut
        on both scans are in one state (the stretch counts its bracket depth from ``a``, never
        above the text's, and both are 0 at a cut), so only the stretch's head before that
        cut is scanned again (the meetings extractor cut every scope's text anew)."""
        cuts = self.cuts(marks)
        k = bisect.bisect_left(cuts, a)
        if k == len(cuts) or cuts[k] >= b:
            return split_top(self.text, a, b, marks)
        m = bisect.bisect_left(cuts, b) - 1  # the last cut before b
        pieces = self._pieces(marks)  # pieces[i] ends at cuts[i]
        out = split_top(self.text, a, cuts[k], marks)
        out.extend((x, y) for x, y in pieces[k + 1:m + 1] if y > x)
        x, y = trim(self.text, cuts[m] + 1, b)
        if y > x:
            out.append((x, y))
        return out

    def cuts(self, marks: str) -> list[int]:
        """Where :func:`gongwen.lists.split_top` cuts the whole text at ``marks``."""
        found = self.cuts_at.get(marks)
        if found is None:
            found = self.cuts_at[marks] = top_cuts(self.text, 0, len(self.text), marks)
        return found

    def _pieces(self, marks: str) -> list[tuple[int, int]]:
        """The trimmed stretches between the whole text's cuts, empty ones kept, so that
        ``pieces[i]`` is the one ending at ``cuts[i]`` (the last one at the text's end)."""
        found = self.pieces_at.get(marks)
        if found is None:
            bounds = [-1, *self.cuts(marks), len(self.text)]
            found = self.pieces_at[marks] = [trim(self.text, p + 1, q) for p, q in zip(bounds, bounds[1:], strict=False)]
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
