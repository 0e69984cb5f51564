"""The union of ranges extractors use to mark text already read."""

from __future__ import annotations

import pytest

from gongwen.spans import Spans


@pytest.mark.parametrize("ranges,merged", [
    ([(5, 10)], [(5, 10)]),
    ([(5, 10), (20, 30)], [(5, 10), (20, 30)]),
    ([(20, 30), (5, 10)], [(5, 10), (20, 30)]),          # added out of order
    ([(5, 10), (10, 12)], [(5, 12)]),                     # touching ranges merge
    ([(5, 10), (8, 25), (20, 30)], [(5, 30)]),            # a bridge merges three
    ([(5, 10), (20, 30), (0, 40)], [(0, 40)]),            # one range swallows all
    ([(5, 10), (6, 7)], [(5, 10)]),                       # a range inside another
    ([(5, 5)], []),                                       # empty ranges add nothing
])
def test_ranges_merge(ranges: list[tuple[int, int]], merged: list[tuple[int, int]]) -> None:
    spans = Spans()
    for a, b in ranges:
        spans.add(a, b)
    assert list(spans) == merged


@pytest.mark.parametrize("pos,held", [(4, False), (5, True), (9, True), (10, False), (19, False), (20, True),
                                      (29, True), (30, False), (100, False)])
def test_holds_is_half_open(pos: int, held: bool) -> None:
    spans = Spans()
    spans.add(20, 30)
    spans.add(5, 10)
    assert spans.holds(pos) is held


@pytest.mark.parametrize("a,b,hit", [(0, 5, False), (0, 6, True), (9, 20, True), (10, 20, False), (12, 15, False),
                                     (29, 31, True), (30, 40, False), (7, 7, True), (10, 10, False)])
def test_overlaps(a: int, b: int, hit: bool) -> None:
    spans = Spans()
    spans.add(5, 10)
    spans.add(20, 30)
    assert spans.overlaps(a, b) is hit
