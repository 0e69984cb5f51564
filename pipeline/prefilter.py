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
from collections.abc import Iterable, Sequence
from functools import cache

try:  # Python 3.11+ keeps the parser here; older versions as sre_parse
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

Words = frozenset[str]


#: A character class of at most this many single characters is a word set of its own when
#: :func:`_sequence` is asked for ``chars`` (``[>»＞›]``: one of these stands in every match).
CLASS_MAX = 8


def _sequence(items: list, chars: bool = False) -> Words | None:  # type: ignore[type-arg]
    """The best word set a sequence of parsed items requires: a run of literals is one word;
    a group, a branch or a repeat of at least one contributes what it requires; with
    ``chars``, a small class of single characters does too."""
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
            found = None if (arg[1] | arg[2]) & _c.SRE_FLAG_IGNORECASE else _sequence(list(arg[-1]), chars)
        elif op is _c.BRANCH:
            branches = [_sequence(list(b), chars) for b in arg[1]]
            found = frozenset().union(*branches) if all(b is not None for b in branches) else None
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            found = _sequence(list(arg[2]), chars)
        elif op is _c.IN and chars and len(arg) <= CLASS_MAX and all(o is _c.LITERAL for o, _ in arg):
            found = frozenset(chr(a) for _, a in arg)
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
    parsed = _parsed(pattern)
    return None if parsed is None else _sequence(list(parsed))


@cache
def _parsed(pattern: str) -> _p.SubPattern | None:
    """``pattern``'s parse tree; None when it cannot be read or ignores case (its words
    would not be the text's)."""
    try:
        parsed = _p.parse(pattern)
    except Exception:  # noqa: BLE001 - an unreadable pattern just gets no prefilter
        return None
    return None if parsed.state.flags & re.IGNORECASE else parsed


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


def _width(state: object, item: tuple) -> int | None:  # type: ignore[type-arg]
    """The most characters ``item`` can match; None when unbounded."""
    hi = _p.SubPattern(state, [item]).getwidth()[1]  # type: ignore[arg-type]
    return None if hi >= _c.MAXREPEAT - 1 else hi


@cache
def anchor(pattern: str) -> tuple[Words, int] | None:
    """Words one of which every match contains, and how far (at most) after the match's start
    one of them begins; None when the pattern has no such words at a bounded distance."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    found = _anchors(list(parsed), parsed.state, 0)
    if not found:
        return None
    return max(found, key=lambda f: (min(map(len, f[0])), -len(f[0]), -f[1]))


def _anchors(items: list, state: object, offset: int) -> list[tuple[Words, int]]:  # type: ignore[type-arg]
    """The word sets the sequence ``items`` requires, each with how far after ``offset`` (where
    the sequence begins) one of its words begins at most; up to the first item of unbounded
    width, and inside that item when it is a group or a repeat taken at least once (its
    first round begins where it does: ``(?P<text>(?:掌理|综理)[^。]+)``)."""
    found: list[tuple[Words, int]] = []
    run: list[str] = []
    run_at = 0
    at: int | None = offset  # the most characters the items so far can take
    for op, arg in items:
        if op is _c.LITERAL and at is not None:
            if not run:
                run_at = at
            run.append(chr(arg))
            at += 1
            continue
        if run:
            found.append((frozenset(["".join(run)]), run_at))
            run = []
        if at is None:
            break
        width = _width(state, (op, arg))
        words = _sequence([(op, arg)]) if op is not _c.LITERAL else None
        if words and width is not None:
            found.append((words, at + width))  # a word inside the item begins within its width
        elif width is None and op is _c.SUBPATTERN and not (arg[1] | arg[2]) & _c.SRE_FLAG_IGNORECASE:
            found += _anchors(list(arg[-1]), state, at)
        elif width is None and op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            found += _anchors(list(arg[2]), state, at)
        at = None if width is None else at + width
    if run:
        found.append((frozenset(["".join(run)]), run_at))
    return found


#: How much of a long text :func:`_frequent` counts the words in.
SAMPLE = 200_000


def _frequent(words: Words, reach: int, text: str) -> bool:
    """Whether trying a pattern near each of its words costs more than one pass of the
    engine: judged on the text's first :data:`SAMPLE` characters, counting no further than
    the verdict needs (a set of a hundred organ endings would cost a hundred passes).
    Only the speed depends on it: both ways find the same matches."""
    span = min(len(text), SAMPLE)
    limit = span / ((reach + 1) * 4)
    seen = 0
    for w in sorted(words, key=len):  # short words are the frequent ones: an early verdict
        seen += text.count(w, 0, span)
        if seen > limit:
            return True
    return False


def _places(words: Iterable[str], text: str, limit: int | None = None) -> list[int] | None:
    """Where each of ``words`` stands in ``text`` (word by word, unsorted), or None as soon
    as more than ``limit`` places are found (the caller's one pass of the engine is then
    cheaper than trying near each)."""
    places: list[int] = []
    for w in words:
        i = text.find(w)
        while i != -1:
            places.append(i)
            if limit is not None and len(places) > limit:
                return None
            i = text.find(w, i + 1)
    return places


def finditer(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(rx.finditer(text))``, found by trying the pattern only just before the places
    where its anchor words stand (:func:`anchor`): patterns that open on a character class
    (`[\\u4e00-\\u9fff]{2,16}?列席…`) are otherwise tried, and fail, at every position of a text.

    Exact: a match starts at most ``reach`` characters before one of its words, and the
    starts are tried in increasing order, so the first that matches is the leftmost. Falls
    back to ``finditer`` when the words are so frequent that trying near each costs more."""
    found = anchor(rx.pattern)
    if found is None:
        return finditer_led(rx, text)
    words, reach = found
    if _frequent(words, reach, text):
        return list(rx.finditer(text))
    places = _places(words, text) or []  # no limit: never None
    out: list[re.Match[str]] = []
    pos = 0  # where the next match may start (the end of the last one)
    for q in sorted(set(places)):
        if q < pos:
            continue
        for s in range(max(pos, q - reach), q + 1):
            m = rx.match(text, s)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
        else:
            pos = q + 1  # every start up to q was tried
    return out


#: What a category escape (``\d``, ``\s``, ``\w``) in a str pattern accepts, as the engine tests it.
_CATEGORIES = {
    _c.CATEGORY_DIGIT: str.isdecimal,
    _c.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdecimal(),
    _c.CATEGORY_SPACE: str.isspace,
    _c.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    _c.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    _c.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}


def _in_set(items: list, ch: str) -> bool | None:  # type: ignore[type-arg]
    """Whether the character set ``items`` (an ``IN`` item's list) holds ``ch``; None when it
    holds a construct this does not read."""
    o = ord(ch)
    negate = False
    hit = False
    for op, arg in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            hit = hit or arg == o
        elif op is _c.RANGE:
            hit = hit or arg[0] <= o <= arg[1]
        elif op is _c.CATEGORY and arg in _CATEGORIES:
            hit = hit or bool(_CATEGORIES[arg](ch))
        else:
            return None
    return hit != negate


def _may_open(items: list, ch: str) -> bool:  # type: ignore[type-arg]
    """Whether a match of the parsed sequence ``items`` may begin with ``ch`` (True when unsure)."""
    for op, arg in items:
        item = (op, arg)
        if op is _c.LITERAL:
            found: bool | None = arg == ord(ch)
        elif op is _c.NOT_LITERAL:
            found = arg != ord(ch)
        elif op is _c.IN:
            found = _in_set(list(arg), ch)
        elif op is _c.SUBPATTERN:
            found = None if (arg[1] | arg[2]) & _c.SRE_FLAG_IGNORECASE else _may_open(list(arg[-1]), ch)
        elif op is _c.BRANCH:
            found = any(_may_open(list(b), ch) for b in arg[1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            found = _may_open(list(arg[2]), ch) if arg[1] > 0 else False
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: what follows opens the match (a looser test, still exact)
        else:
            return True
        if found is None or found:
            return True
        if _p.SubPattern(_p.State(), [item]).getwidth()[0] > 0:  # type: ignore[arg-type]
            return False  # the item must take a character, and it cannot take ch
    return True  # the whole sequence may match empty


@cache
def may_open(pattern: str, ch: str) -> bool:
    """Whether a match of ``pattern`` may begin with the character ``ch``, read off its parse
    tree: False only when no match can. A caller trying many patterns at one place (list
    marker styles) tries only those that may open on the character there."""
    parsed = _parsed(pattern)
    if parsed is None or parsed.state.flags & (re.ASCII | re.LOCALE):
        return True  # \d, \s, \w would mean less than the Unicode tests above: no prefilter
    return _may_open(list(parsed), ch)


def _takes(item: tuple, ch: str) -> bool | None:  # type: ignore[type-arg]
    """Whether the one-character item (a literal or a set) takes ``ch``; None when unsure."""
    op, arg = item
    if op is _c.LITERAL:
        return arg == ord(ch)
    return _in_set(list(arg), ch) if op is _c.IN else None


@cache
def lead(pattern: str) -> tuple[tuple, str] | None:  # type: ignore[type-arg]
    """``(X, W)`` for a pattern that opens on a run of one character class X (``\\d+``,
    ``[一二三]{2,}``) followed at once by the word W, whose first character X does not take
    (``\\d+部队``): every match then ends its run right where W stands. None otherwise."""
    parsed = _parsed(pattern)
    if parsed is None or parsed.state.flags & (re.ASCII | re.LOCALE):
        return None
    items = list(parsed)
    if len(items) < 2 or items[0][0] not in (_c.MAX_REPEAT, _c.MIN_REPEAT) or items[0][1][0] < 1:
        return None
    body = list(items[0][1][2])
    if len(body) != 1 or body[0][0] not in (_c.LITERAL, _c.IN):
        return None
    word = ""
    for op, arg in items[1:]:
        if op is not _c.LITERAL:
            break
        word += chr(arg)
    if not word or _takes(body[0], word[0]) is not False:
        return None
    return body[0], word


def finditer_led(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(rx.finditer(text))``; for a pattern with a :func:`lead`, tried only at the run
    of X right before each W, from its first character on. Exact: a match's run ends where
    its W begins (X does not take W's first character), so the runs before successive Ws are
    disjoint and tried in text order, and the first start that matches is the leftmost."""
    led = lead(rx.pattern)
    if led is None:
        return list(rx.finditer(text))
    item, word = led
    if text.count(word, 0, SAMPLE) * 20 > min(len(text), SAMPLE):
        return list(rx.finditer(text))  # W everywhere: the engine's own pass is cheaper
    member: dict[str, bool] = {}
    out: list[re.Match[str]] = []
    pos = 0  # where the next match may start (the end of the last one)
    q = text.find(word)
    while q != -1:
        r = q
        while r > pos:
            ch = text[r - 1]
            took = member.get(ch)
            if took is None:
                took = member[ch] = bool(_takes(item, ch))
            if not took:
                break
            r -= 1
        for s in range(r, q):
            m = rx.match(text, s)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
        q = text.find(word, q + 1)
    return out


#: Character categories that never match a line break.
_NO_BREAK_CATEGORIES = {_c.CATEGORY_DIGIT, _c.CATEGORY_NOT_SPACE, _c.CATEGORY_WORD}


def _within_line(items: list) -> bool:  # type: ignore[type-arg]
    """Whether parsed ``items`` can never match a line break (read conservatively: anything
    not understood here counts as possibly matching one)."""
    for op, arg in items:
        if op is _c.LITERAL:
            ok = arg != 10
        elif op is _c.NOT_LITERAL:
            ok = arg == 10
        elif op is _c.IN:
            if arg and arg[0][0] is _c.NEGATE:
                ok = any((o is _c.LITERAL and a == 10) or (o is _c.CATEGORY and a is _c.CATEGORY_SPACE)
                         for o, a in arg[1:])
            else:
                ok = all((o is _c.LITERAL and a != 10) or (o is _c.RANGE and not a[0] <= 10 <= a[1])
                         or (o is _c.CATEGORY and a in _NO_BREAK_CATEGORIES) for o, a in arg)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            ok = True  # takes no characters
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            ok = _within_line(list(arg[2]))
        elif op is _c.SUBPATTERN:
            ok = _within_line(list(arg[-1]))
        elif op is _c.ATOMIC_GROUP:
            ok = _within_line(list(arg))
        elif op is _c.BRANCH:
            ok = all(_within_line(list(b)) for b in arg[1])
        else:
            ok = False
        if not ok:
            return False
    return True


@cache
def line_words(pattern: str, flags: int) -> Words | None:
    """For a pattern that starts at a line's start (``^`` under MULTILINE): words one of which
    every match holds on the line it starts on, so a match starts only at the start of a
    line holding one of them. None when the pattern is not so anchored or has no such words
    (the words are read from the items before the first that might match a line break)."""
    parsed = _parsed(pattern)
    if parsed is None or not (flags | parsed.state.flags) & re.MULTILINE:
        return None
    items = list(parsed)
    if not items or items[0] != (_c.AT, _c.AT_BEGINNING):
        return None
    k = 1
    while k < len(items) and _within_line(items[k:k + 1]):
        k += 1
    return _sequence(items[1:k], chars=True)


#: Finding more words than this one by one costs as much as scanning with the pattern.
LINE_WORDS_MAX = 4
#: Trying a pattern at the lines of its words pays while they are at most one in this many
#: characters; a text fuller of them is scanned whole (a short one: past this many places).
LINE_WORD_SPACING = 500
LINE_PLACES_MIN = 32


def scan(rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(rx.finditer(text))`` for a pattern that may stand anywhere, found cheaply:

    - a pattern none of whose :func:`required_words` is in the text matches nowhere;
    - a pattern anchored at line starts (``^…`` under MULTILINE, see :func:`line_words`) is
      tried only at the starts of the lines holding its words, in order (the first that
      matches after the last match's end is the next match, as ``finditer`` finds it);
    - anything else goes through :func:`finditer` (anchored, else a full scan).

    The regex engine would otherwise try a ``^``-anchored pattern at every character."""
    if rx.flags & (re.IGNORECASE | re.VERBOSE):  # the words are read from the pattern as written
        return list(rx.finditer(text))
    anchored = line_words(rx.pattern, rx.flags)
    if anchored is None or len(anchored) > LINE_WORDS_MAX:
        words = required_words(rx.pattern)
        if words is not None and not any(w in text for w in words):
            return []
        return finditer(rx, text)
    places = _places(anchored, text, max(LINE_PLACES_MIN, len(text) // LINE_WORD_SPACING))
    if places is None:
        return list(rx.finditer(text))
    out: list[re.Match[str]] = []
    pos = 0
    for start in sorted({text.rfind("\n", 0, i) + 1 for i in places}):
        if start < pos:
            continue
        m = rx.match(text, start)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out
