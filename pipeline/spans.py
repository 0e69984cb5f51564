"""A union of half-open character ranges, for "is this stretch already taken?".

Extractors mark the text they have turned into records so that a later pattern
does not read it again. A plain list checked with ``any(...)`` makes that
quadratic on long documents; keeping the union merged and sorted makes each
question one bisection.
"""

from __future__ import annotations

import bisect


class Spans:
    """Disjoint, sorted ranges ``[a, b)``; adding a range merges it with those it touches."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, a: int, b: int) -> None:
        if b <= a:
            return
        lo = bisect.bisect_left(self._ends, a)  # first range that ends at or after a
        hi = bisect.bisect_right(self._starts, b)  # ranges from lo to hi touch [a, b)
        if lo < hi:
            a, b = min(a, self._starts[lo]), max(b, self._ends[hi - 1])
        self._starts[lo:hi] = [a]
        self._ends[lo:hi] = [b]

    def holds(self, pos: int) -> bool:
        """Whether ``pos`` lies inside one of the ranges."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def overlaps(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` shares a character with one of the ranges."""
        i = bisect.bisect_right(self._ends, a)  # first range that ends after a
        return i < len(self._starts) and self._starts[i] < b

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(zip(self._starts, self._ends, strict=True))
