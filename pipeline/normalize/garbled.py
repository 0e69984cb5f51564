"""Garbled GBK stretches: bytes decoded one byte off, repaired by realigning them.

A scraper that lost one byte of GBK text decodes the following bytes in the
wrong pairs until an ASCII byte puts it back in step: ``。現將`` (``A1A3 AC46
8CA2``) becomes ``?,F將`` — the lost ``A1`` shows as ``?``, ``A3AC`` decodes as
``，`` (later folded to ``,``), ``46`` as ``F``. A lone lead byte at the end of
the stretch shows as a second ``?``; a pair that fell in the user-defined area
(``FA BD``) decoded to nothing and is simply missing.

The repair inverts that: take the characters after the ``?``, encode them back
to GBK (an ASCII character may have been a full-width one, ``?`` a ``？`` or the
lone trailing byte), put an unknown lead byte in front (an unknown trail byte at
the end when needed, and possibly a lost pair between two characters) and
decode again in step. Unknown bytes are chosen, and a repair accepted, by
:func:`readability`: how many characters fall in common dictionary words
(jieba's dictionary, after OpenCC t2s). That is a guess, so each repair is
reported in the warnings; a stretch no realignment makes readable is left as
it is, with a warning.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from gongwen.normalize.edits import Edit
from gongwen.normalize.pinyin import ORPHAN
from gongwen.tokenize import cut, frequencies

#: Longest garbled stretch tried after the ``?`` (characters).
MAX_RUN = 8
#: A repair must be this much more readable than the garbled text.
MIN_GAIN = 2.0
#: How much more readable a repair assuming a lost pair must be than one without.
GAP_MARGIN = 3.0
#: Rounds of re-choosing the unknown bytes of one stretch.
MAX_PASSES = 4
#: Dictionary frequency from which a two-character word counts as readable (the dictionary
#: also holds rare pairs such as ``遥现`` that garbage can form; longer words count from 1).
MIN_WORD_FREQ = 20
#: A character rarer than this standing outside any word lowers readability.
RARE_CHAR = 500
#: Dictionary frequency from which a character is a candidate for an unknown byte.
MIN_CHAR_FREQ = 50
#: Characters of context on each side used to score a candidate.
CONTEXT = 4
#: Characters of text on each side a repair may look at (context plus annotations to skip).
WINDOW = 6 * CONTEXT
#: Garbled stretches examined per text at most: the repair is a heuristic for a few
#: stretches of a scraped page, not for a text garbled throughout.
MAX_ATTEMPTS = 300
PUNCTUATION = frozenset("。，、；：？！“”‘’《》（）【】")
HAN = re.compile(r"[\u3400-\u9fff]")
#: A ``?`` right after a Han character (or its pinyin annotation) and before a non-space
#: character: where a stretch may start.
START = re.compile(r"(?<=[\u3400-\u9fff)])\?(?=[^\s(（])")
#: Characters a garbled stretch never contains: annotation brackets and pinyin tone letters.
STOP = frozenset("(（)）āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü")
#: ASCII that sits oddly between Han characters in a garbled stretch.
ODD = re.compile(r"(?<=[\u3400-\u9fff?])[A-Za-z?]|[A-Za-z?](?=[\u3400-\u9fff])")
#: Pinyin annotations (whole or with a swallowed bracket), dropped from the scoring context.
CONTEXT_NOISE = re.compile(r"[(（]?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
#: An enumeration the text is writing (一是…；二是…): a garbled stretch right after its
#: members most likely holds the next one, a word jieba's dictionary lacks (it knows 而是).
SERIES = re.compile(r"([一二三四五六七八九])是")
NUMERALS = "一二三四五六七八九十"
#: How far back the last member of a series is looked for (characters).
SERIES_REACH = 400
#: Readability credit for a candidate that continues the series: more than a two-character
#: word earns (2), so 二是 wins over the word it displaces (而是).
SERIES_BONUS = 3.0
LEADS = range(0x81, 0xFF)
TRAILS = [b for b in range(0x40, 0xFF) if b != 0x7F]

Template = list[int | None]


@lru_cache(maxsize=1)
def _t2s() -> Any:
    from gongwen.normalize.script import converter

    return converter("t2s")


@lru_cache(maxsize=1)
def _s2t() -> Any:
    from gongwen.normalize.script import converter

    return converter("s2t")


def _freq(word: str) -> int:
    """The word's frequency in jieba's dictionary, read only when a garbled stretch is being
    repaired (through :mod:`gongwen.tokenize`: importing and initialising jieba would cost
    several times more)."""
    return int(frequencies().get(word, 0))


def _words(text: str) -> list[str]:
    # Dictionary words only: with the HMM on, garbled characters get glued into
    # "new words" and garbage would look readable.
    return cut(text, hmm=False)


@lru_cache(maxsize=65536)
def readability(text: str) -> float:
    """How readable ``text`` is: characters in common words of two or more (longer words
    weigh more), plus Chinese punctuation, minus Latin letters and ``?`` wedged between
    Han characters and rare characters standing alone; a tiny log-frequency term breaks
    ties (``专用`` over ``专有``)."""
    counts, han = frequencies(), HAN.match  # looked up once: called for every candidate
    score = -float(len(ODD.findall(text)))
    for w in _words(_t2s().convert(text)):
        n = len(w)
        if n >= 2 and han(w):
            f = int(counts.get(w, 0))
            if f >= (MIN_WORD_FREQ if n == 2 else 1):
                score += n * (1 + 0.25 * (n - 2)) + math.log10(f) / 100
        elif w in PUNCTUATION:
            score += 0.5
        elif n == 1 and han(w) and int(counts.get(w, 0)) < RARE_CHAR:
            score -= 1  # a rare character standing alone: what garbage looks like
    return score


@lru_cache(maxsize=65536)
def _simple(ch: str) -> str:
    """One candidate character in simplified script (cached: the candidates of every unknown
    byte are converted again for each stretch and each pass, through OpenCC's Python wrapper)."""
    return _t2s().convert(ch)


@lru_cache(maxsize=65536)
def _traditional(ch: str) -> str:
    return _s2t().convert(ch)


@lru_cache(maxsize=65536)
def _ok(ch: str) -> bool:
    if ch in PUNCTUATION:
        return True
    return bool(HAN.match(ch)) and _freq(_simple(ch)) >= MIN_CHAR_FREQ


@lru_cache(maxsize=4096)
def _pair(lead: int, trail: int) -> str | None:
    try:
        ch = bytes((lead, trail)).decode("gbk")
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 and (HAN.match(ch) or ch in PUNCTUATION) else None


@lru_cache(maxsize=1024)
def _candidates(lead: int | None, trail: int | None) -> tuple[str, ...]:
    """Common characters a pair with one unknown byte can be."""
    pairs = ((x, trail) for x in LEADS) if lead is None else ((lead, y) for y in TRAILS)
    return tuple(c for c in (_pair(a, b) for a, b in pairs if b is not None and a is not None) if c and _ok(c))


def _user_defined_pairs() -> Iterator[tuple[int, int]]:
    """Byte pairs of GBK's user-defined areas: decoded to nothing, so lost from the stretch."""
    for lead in (*range(0xAA, 0xB0), *range(0xF8, 0xFF)):
        for trail in range(0xA1, 0xFF):
            yield lead, trail
    for lead in range(0xA1, 0xA8):
        for trail in range(0x40, 0xA1):
            if trail != 0x7F:
                yield lead, trail


@lru_cache(maxsize=256)
def _lost_pair_candidates(before: int, after: int) -> tuple[str, ...]:
    """The two characters a lost user-defined pair ``P1 P2`` may belong to: ``(before, P1)``
    and ``(P2, after)``, both common."""
    out = []
    for p1, p2 in _user_defined_pairs():
        a, b = _pair(before, p1), _pair(p2, after)
        if a and b and _ok(a) and _ok(b):
            out.append(a + b)
    return tuple(out)


def _opens_clause(marker: str, text: str) -> bool:
    """Whether ``marker`` (``二是``) stands in ``text`` where an enumeration member does: at
    the start or after punctuation (``；二是``, not ``一二是``)."""
    i = text.find(marker)
    while i >= 0:
        if i == 0 or text[i - 1] in PUNCTUATION or text[i - 1] in ",;:\n":
            return True
        i = text.find(marker, i + 1)
    return False


def _best(cands: tuple[str, ...], left: str, right: str, expect: str = "") -> str | None:
    """The candidate making ``left + c + right`` most readable; ties go to the commoner,
    then to the standard form (鎮 over its variant 鎭). ``expect`` is the next member of an
    enumeration the text is writing (``二是``); a candidate starting it gets a bonus."""
    conv = _t2s()
    best, best_key = None, (-1e9, -1, False)
    for c in cands:
        simple = _simple(c)
        bonus = SERIES_BONUS if expect and _opens_clause(expect, conv.convert(left + c + right)) else 0.0
        key = (readability(left + c + right) + bonus, 10**9 if c in PUNCTUATION else _freq(simple),
               _traditional(simple) == c)
        if key > best_key:
            best, best_key = c, key
    return best


def _readings(run: str) -> tuple[bytes | None, ...] | None:
    """The bytes behind a garbled stretch ending at its last character.

    The stretch ends where an ASCII byte put the decoder back in step, so its
    last character is that single byte (or, for ``?``, a lone lead byte whose
    value is lost: None); any ASCII character before it was a full-width one
    folded to ASCII later (``,`` for ``，``, ``?`` for ``？``).
    """
    out: list[bytes | None] = []
    for i, ch in enumerate(run):
        last = i == len(run) - 1
        if ch.isascii():
            if last:
                out.append(None if ch == "?" else ch.encode())
            elif "!" <= ch <= "~":
                out.append(chr(ord(ch) + 0xFEE0).encode("gbk"))
            else:
                return None
        else:
            try:
                out.append(ch.encode("gbk"))
            except UnicodeEncodeError:
                return None
    return tuple(out)


def _templates(choice: tuple[bytes | None, ...], with_gap: bool) -> Iterator[Template]:
    """Byte templates (None = unknown) of the original text behind one reading of a stretch:
    the lost first byte, the stretch's bytes, the unknown last byte if any, and optionally
    a lost pair at an even character boundary."""
    tail: Template = [None] if choice[-1] is None else []
    parts = [list(b) for b in choice if b is not None]
    body: Template = [b for p in parts for b in p]
    if not with_gap:
        yield [None, *body, *tail]
        return
    offset = 0
    for p in parts[:-1]:
        offset += len(p)
        if offset % 2 == 0:
            yield [None, *body[:offset], None, None, *body[offset:], *tail]


def _decode(t: Template, left: str, right: str, expect: str = "") -> str | None:
    """Decode a template in step, filling each unknown byte by readability in context."""
    units: list[tuple[int | None, ...]] = []
    i = 0
    while i < len(t):
        b = t[i]
        if b is not None and b < 0x80:
            units.append((b,))
            i += 1
        elif i + 1 < len(t):
            units.append((b, t[i + 1]))
            i += 2
        else:
            return None
    chars: list[str | None] = []
    for u in units:
        if len(u) == 1:
            ch = chr(u[0]) if u[0] is not None else None
            if ch is None or ch.isalpha():
                return None
            chars.append(ch)
        elif None in u:
            if u[0] is None and u[1] is None:
                return None
            chars.append(None)
        else:
            c = _pair(u[0], u[1])  # type: ignore[arg-type]
            if c is None or not _ok(c):
                return None
            chars.append(c)
    # Unknown characters in groups: a lost pair's two characters (a known lead with an
    # unknown trail, then an unknown lead with a known trail) are chosen together, so they
    # can settle on one word (基本) rather than on two locally likely characters.
    groups: list[list[int]] = []
    for k, c in enumerate(chars):
        if c is not None:
            continue
        pair_start = groups and groups[-1][-1] == k - 1 and units[k - 1][1] is None and units[k][0] is None
        if pair_start and len(groups[-1]) == 1:
            groups[-1].append(k)
        else:
            groups.append([k])
    # Coordinate ascent over the groups until nothing changes (the first ``?`` of
    # ``??顚S?`` reads 专款专用 only once the last one is known).
    for _ in range(MAX_PASSES):
        changed = False
        for g in groups:
            before = (left + "".join(c or "" for c in chars[:g[0]]))[-2:]
            following = chars[g[-1] + 1:]
            after = "".join(itertools.takewhile(bool, following))  # type: ignore[arg-type]
            if all(following):
                after += right
            options = [_candidates(units[k][0], units[k][1]) for k in g] if len(g) == 1 else []
            if len(g) == 1:
                joined = options[0]
            else:
                joined = _lost_pair_candidates(units[g[0]][0], units[g[1]][1])  # type: ignore[arg-type]
            chosen = _best(joined, before, after[:3], expect)
            if chosen is None:
                return None
            for k, c in zip(g, chosen, strict=True):
                if c != chars[k]:
                    chars[k], changed = c, True
        if not changed:
            break
    return "".join(chars)  # type: ignore[arg-type]


def _repair_at(text: str, p: int) -> tuple[int, str] | None:
    """The best repair of a stretch starting with the ``?`` at ``p``: (end, replacement).

    Depends only on the text around ``p``, so identical stretches (a document
    repeated, a boilerplate paragraph) are worked out once.
    """
    lo = max(0, p - WINDOW)
    found = _repair_window(text[lo:p + 1 + MAX_RUN + WINDOW], p - lo, _next_in_series(text, p))
    return (found[0] + lo, found[1]) if found else None


def _next_in_series(text: str, p: int) -> str:
    """The next member of the 一是/二是 enumeration open before ``p`` (``三是``), or ``""``."""
    found = list(SERIES.finditer(_t2s().convert(text[max(0, p - SERIES_REACH):p])))
    if not found:
        return ""
    n = NUMERALS.index(found[-1].group(1))
    return NUMERALS[n + 1] + "是"


@lru_cache(maxsize=4096)
def _repair_window(text: str, p: int, expect: str = "") -> tuple[int, str] | None:
    """:func:`_repair_at` on a window of the text.

    The stretch may end at any ASCII character within :data:`MAX_RUN` (see
    :func:`_readings`); each end is tried, plain and with a lost pair.
    """
    left = CONTEXT_NOISE.sub("", text[max(0, p - WINDOW):p])[-CONTEXT:]
    ends: list[int] = []
    for k in range(1, MAX_RUN + 1):
        ch = text[p + k:p + k + 1]
        if not ch or ch.isspace() or ch in STOP:
            break
        if ch.isascii() and (ch.isalpha() or ch in "?,.;:!"):
            if not (ch.isalpha() and text[p + k + 1:p + k + 2].isascii() and text[p + k + 1:p + k + 2].isalpha()):
                ends.append(k)  # never inside a Latin word
    results: list[tuple[int, str, float] | None] = []
    for with_gap in (False, True):
        best: tuple[int, str, float] | None = None
        for k in ends:
            run = text[p + 1:p + 1 + k]
            choice = _readings(run)
            if choice is None:
                continue
            right = CONTEXT_NOISE.sub("", text[p + 1 + k:p + 1 + k + WINDOW])[:CONTEXT]
            base = readability(left + "?" + run + right)
            for template in _templates(choice, with_gap):
                fixed = _decode(template, left, right, expect)
                if not fixed:
                    continue
                gain = readability(left + fixed + right) - base
                if gain >= MIN_GAIN and (best is None or gain > best[2]):
                    best = (p + 1 + k, fixed, gain)
        results.append(best)
    # A lost pair is one more assumption: it must read clearly better than plain realignment.
    plain, gap = results
    if gap and (plain is None or gap[2] >= plain[2] + GAP_MARGIN):
        return gap[0], gap[1]
    return (plain[0], plain[1]) if plain else None


def repair_garbled(text: str) -> list[Edit]:
    """Edits replacing garbled GBK stretches by their realigned text, each with a warning."""
    if "?" not in text:
        return []
    edits: list[Edit] = []
    attempts = 0
    for m in START.finditer(text):
        p = m.start()
        if attempts >= MAX_ATTEMPTS:
            edits.append(Edit(p, p, "", f"more garbled text not examined after {MAX_ATTEMPTS} stretches"))
            break
        attempts += 1
        if edits and p < edits[-1].end:
            continue
        if ORPHAN.match(text, p + 1):  # its own bytes are lost with the annotation's "("
            _warn(edits, p, text)
            continue
        found = _repair_at(text, p)
        if found:
            end, fixed = found
            edits.append(Edit(p, end, fixed, f"repaired garbled GBK text (a guess): {text[p:end]!r} → {fixed!r}"))
        elif ODD.search(text, p + 1, p + 1 + MAX_RUN):
            _warn(edits, p, text)
    return edits


def _warn(edits: list[Edit], p: int, text: str) -> None:
    """A warning for a stretch left as found, one per stretch (not per ``?`` in it)."""
    if edits and not edits[-1].replacement and p - edits[-1].start <= 2 * MAX_RUN:
        return
    edits.append(Edit(p, p, "", f"garbled text left as found near {_near(text, p)!r}"))


def _near(text: str, p: int) -> str:
    return text[max(0, p - 6):p + 8]
