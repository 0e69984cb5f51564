"""Counting the characters of a class in a long text without listing them.

``len(HAN.findall(text))`` builds one string object per match: on a text of millions of
Chinese characters (none of which Python keeps as shared single-character objects) that
is tens of bytes per character held at once, hundreds of MB for a 10 MB file, only to
take the list's length. Counting runs of the class instead keeps one match at a time.
"""

from __future__ import annotations

import re
import sys
from functools import cache


@cache
def _runs(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{pattern.pattern})+", pattern.flags)


def count_chars(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int = sys.maxsize) -> int:
    """``len(pattern.findall(text, pos, endpos))`` for a ``pattern`` that matches exactly one
    character by what it is (a character class, no lookaround): the summed lengths of the
    runs of such characters."""
    runs = _runs(pattern)
    if runs.groups:  # findall would give the groups, not the runs
        return sum(m.end() - m.start() for m in runs.finditer(text, pos, endpos))
    return sum(map(len, runs.findall(text, pos, endpos)))
