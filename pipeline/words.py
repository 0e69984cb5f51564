"""Word lists that several extractors read: the verbs duty statements open with and the
endings of organ names.

Kept here rather than in one extractor's package so that list markers (:mod:`gongwen.lists`:
a bare number before a duty verb opens an item), duties and meeting rules all read the same
lists without one extractor importing another's internals.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from gongwen import lexicon

HERE = Path(__file__).parent


@cache
def duty_verbs() -> tuple[str, ...]:
    """Verbs a duty statement opens with (``duty_verbs.txt``: 负责, 承担, 指导 …)."""
    return tuple(lexicon.entries(HERE / "duty_verbs.txt"))


@cache
def organ_suffixes() -> tuple[str, ...]:
    """Endings of an organ's name (``organ_suffixes.txt``: 委员会, 办公室, 局 …)."""
    return tuple(lexicon.entries(HERE / "organ_suffixes.txt"))
