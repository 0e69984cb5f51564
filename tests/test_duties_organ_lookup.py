"""The organ finder looks a name's follower up by the lengths followers have: it must find
the word trying the list in order finds."""

from __future__ import annotations

import random

from gongwen.extractors.duties.organs import _first_follower, subject_followers


def test_first_follower_is_the_first_of_the_list_the_text_has() -> None:
    """The organ finder looks its follower up by length: the same word as trying the list in order."""
    words = subject_followers()
    rng = random.Random(5)
    pool = [*words, *"的了和在对组织一"]
    hits = 0
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(3))
        for j in range(len(text) + 1):
            expected = next((f for f in words if text.startswith(f, j)), None)
            assert _first_follower(text, j) == expected, (text, j)
            hits += expected is not None
    assert hits > 1000
