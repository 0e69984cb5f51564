"""Keyword prefilters for regexes: the words one of which every match must contain.

Slot and scope patterns run over every sentence of a document, and most sentences hold
none of what they look for; a plain ``word in sentence`` test rules a sentence out at C
speed where the regex engine would try the pattern at every position. The words are read
off the pattern itself (its parse tree), so a new pattern in a data file gets its
prefilter without anyone listing keywords by hand, and a pattern with no word that every
match must hold simply gets none (it is always run).

Reads the parse tree through ``re._parser`` (``sre_parse``), the standard library's own
parser: no kept library exposes it, and anything it cannot read falls back to "no prefilter".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

try:  # Python 3.11+ keeps the parser here; older versions as sre_parse
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

Words = frozenset[str]


def _sequence(items: list) -> Words | None:  # type: ignore[type-arg]
    """The best word set a sequence of parsed items requires: a run of literals is one word;
    a group, a branch or a repeat of at least one contributes what it requires."""
    options: list[Words] = []
    run: list[str] = []

    def close() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        close()
        found: Words | None = None
        if op is _c.SUBPATTERN:
            found = None if (arg[1] | arg[2]) & _c.SRE_FLAG_IGNORECASE else _sequence(list(arg[-1]))
        elif op is _c.BRANCH:
            branches = [_sequence(list(b)) for b in arg[1]]
            found = frozenset().union(*branches) if all(b is not None for b in branches) else None
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            found = _sequence(list(arg[2]))
        if found:
            options.append(found)
    close()
    if not options:
        return None
    # the set whose shortest word is longest: the test most sentences fail
    return max(options, key=lambda ws: (min(map(len, ws)), -len(ws)))


@cache
def required_words(pattern: str) -> Words | None:
    """Words one of which every match of ``pattern`` contains; None when there are none
    (or the pattern has flags or constructs this does not read)."""
    try:
        parsed = _p.parse(pattern)
    except Exception:  # noqa: BLE001 - an unreadable pattern just gets no prefilter
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _sequence(list(parsed))


def gate(rxs: Sequence[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One alternation of the required words of all ``rxs``: a text it does not match is
    matched by none of them. None when one of them requires no word (it must always run)."""
    return _gate(tuple(rx.pattern for rx in rxs))


@cache
def _gate(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    words: set[str] = set()
    for pattern in patterns:
        found = required_words(pattern)
        if found is None:
            return None
        words |= found
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
