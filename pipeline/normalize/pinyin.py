"""Inline pinyin annotations left by web scrapers: ``經(jīng)驗`` → ``經驗``.

A scraper that annotates rare characters writes the reading in parentheses
right after the character. What tells an annotation from a real parenthesis
(``(一)``, ``(试行)``, ``(2013)``, ``(A)``) is its content: Latin letters with at
least one pinyin tone mark, nothing else. Neutral-tone readings carry no mark
and are left alone: too close to ordinary bracketed Latin to remove blindly.
"""

from __future__ import annotations

import re

from gongwen.normalize.edits import Edit

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_LETTERS = f"a-zü{_TONED}"
_LETTER_SET = frozenset("abcdefghijklmnopqrstuvwxyzü" + _TONED)
#: ``(jīng)`` after any non-space character (a garbled character may carry one too);
#: ASCII or full-width parentheses.
ANNOTATION = re.compile(rf"(?<=\S)[(（](?=[{_LETTERS}]*[{_TONED}])[{_LETTERS}]{{1,7}}[)）]")
#: An annotation whose opening parenthesis was swallowed by a garbled byte: ``?lián)``
#: (or ``鎮zhèn)`` once the garbled byte is repaired).
ORPHAN = re.compile(rf"(?<=[?\u3400-\u9fff])(?=[{_LETTERS}]*[{_TONED}])[{_LETTERS}]{{1,7}}\)")
#: The same found fast: the closing parenthesis first, checked backwards (a pattern that
#: opens with a look-behind is tried at every position of a long text).
_ORPHAN_TAIL = re.compile(rf"[{_LETTERS}]{{1,7}}\)")


def remove_pinyin(text: str) -> list[Edit]:
    """Edits deleting every inline pinyin annotation."""
    spans = [m.span() for m in ANNOTATION.finditer(text)]
    for m in _ORPHAN_TAIL.finditer(text):
        k = m.start()
        while k > 0 and text[k - 1] in _LETTER_SET:
            k -= 1  # the whole Latin run
        o = ORPHAN.match(text, k)
        if o and o.end() == m.end():
            spans.append(o.span())
    return [Edit(s, e) for s, e in sorted(spans)]
