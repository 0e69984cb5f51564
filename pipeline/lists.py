"""Numbered items of Chinese official lists, found in the normalized text.

Duty lists and meeting rules both hang their content on item markers (`1、`,
`(一)`, `一、`, `(1)`, `①`). An *item chain* is a run of markers of one style
numbered 1, 2, 3 … ; each item runs to the next marker of the chain, and the last
one to the first sign that the list is over (a marker of an outer list, a blank
line, an article heading, a plain line after a one-line item). Written by hand:
no library we have parses list markers, and the rules are a few lines.

The marker styles are data (``list_markers.tsv``) so a new style is one line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from gongwen import lexicon
from gongwen.numerals import chinese_int
from gongwen.words import duty_verbs, organ_suffixes

HERE = Path(__file__).parent

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Styles whose brackets make them safe to recognise in the middle of a line.
BRACKETED = {"paren_cn", "paren_ar", "circled"}
#: Characters after which an unbracketed marker may start.
BOUNDARY = set(" \t\n\u3000。；;：:！!？?")
ARTICLE = re.compile(r"第\s*[一二三四五六七八九十百零\d]+\s*[条條章节節篇]")
#: Brackets and quotes inside which a semicolon does not end a clause.
OPEN, CLOSE = "（(“「《〈‘[【", "）)”」》〉’]】"


@dataclass(frozen=True)
class Marker:
    style: str
    n: int
    start: int
    end: int  # where the item's text begins (after the marker and blanks)


class Markers(list[Marker]):
    """The markers of a text in text order, with lookups by position.

    Following a chain asks "which marker starts here?" and "which is the first one
    after here?" for every character and item of a document; answered from a dict and
    by bisection they cost nothing, where a scan of the whole list made long
    documents quadratic.
    """

    def __init__(self, markers: list[Marker], guessed: bool = False) -> None:
        super().__init__(markers)
        #: the text's marks were put back by a model (see :func:`find_markers`)
        self.guessed = guessed
        self.by_start = {m.start: m for m in markers}
        self.starts = [m.start for m in markers]
        self._kinds: dict[tuple[str, int], tuple[list[int], list[Marker]]] | None = None
        #: where each item ends with no limit, and from which limit on that holds (last_item_end)
        self.open_ends: dict[Marker, tuple[int, int | None]] = {}
        self._places: dict[str, list[int]] = {}

    def find(self, text: str, ch: str, a: int, b: int | None = None) -> int:
        """``text.find(ch, a, b)`` by bisection over the places of ``ch``, listed once per text:
        item walks ask for the next line break from every item, which on a text of one long
        line scanned to its end each time."""
        places = self._places.get(ch)
        if places is None:
            places = self._places[ch] = [m.start() for m in re.finditer(re.escape(ch), text)]
        k = bisect.bisect_left(places, a)
        return places[k] if k < len(places) and (b is None or places[k] < b) else -1

    def of_kind(self, style: str, n: int) -> tuple[list[int], list[Marker]]:
        """The starts and the markers of one style numbered ``n``, in text order."""
        if self._kinds is None:
            self._kinds = {}
            for m in self:
                starts, found = self._kinds.setdefault((m.style, m.n), ([], []))
                starts.append(m.start)
                found.append(m)
        return self._kinds.get((style, n), ([], []))

    def of_family(self, style: str, n: int) -> tuple[list[int], list[Marker]]:
        """:meth:`of_kind` over the styles a chain of ``style`` may mix (:func:`family`)."""
        kinds = [self.of_kind(s, n) for s in family(style)]
        if sum(bool(k[0]) for k in kinds) <= 1:
            return next((k for k in kinds if k[0]), kinds[0])
        merged = sorted((m for k in kinds for m in k[1]), key=lambda m: m.start)
        return [m.start for m in merged], merged

    def within(self, a: int, b: int) -> list[Marker]:
        """The markers starting in ``[a, b)``."""
        return self[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]

    def first_within(self, a: int, b: int) -> Marker | None:
        i = bisect.bisect_left(self.starts, a)
        return self[i] if i < len(self) and self[i].start < b else None


@dataclass(frozen=True)
class Item:
    n: int
    style: str
    start: int  # the marker
    body: int  # the text after the marker
    end: int


def cn_number(s: str) -> int:
    """`三` → 3, `十二` → 12, `二十` → 20, `7` → 7, `③` → 3."""
    if s in CIRCLED:
        return CIRCLED.index(s) + 1
    if s.isascii() and s.isdigit():
        return int(s)
    return chinese_int(s) or 0  # 0: no number (`三四`), which no chain follows


@cache
def styles() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(regex)) for name, regex in lexicon.rows(HERE / "list_markers.tsv")]


def find_markers(text: str, start: int = 0, end: int | None = None, guessed: bool = False) -> Markers:
    """Every marker in ``text[start:end]`` that stands where an item may begin, in order.
    With ``guessed`` (the text's punctuation was put back by a model) a number that lost its
    marks also counts at a line start next to a sibling (:func:`stripped_beside`)."""
    end = len(text) if end is None else end
    found: dict[int, Marker] = {}
    for name, rx in styles():
        for m in rx.finditer(text, start, end):
            a = m.start()
            if name not in BRACKETED and a > 0 and text[a - 1] not in BOUNDARY:
                continue
            if name == "paren_ar" and a > 0 and text[a - 1].isdigit():
                continue
            b = m.end()
            while b < end and text[b] in " \t\u3000":
                b += 1
            if a not in found:
                found[a] = Marker(name, cn_number(m.group("n")), a, b)
    for mk in bare_markers(text, start, end):
        found.setdefault(mk.start, mk)
    if guessed:
        for mk in stripped_beside(text, start, end, found):
            found.setdefault(mk.start, mk)
    return Markers([found[k] for k in sorted(found)], guessed)


@lru_cache(maxsize=4)
def text_markers(text: str, guessed: bool = False) -> Markers:
    """The markers of a whole text, found once for every extractor that reads them (duties,
    then meetings' scopes and attendee lists each scanned the whole text again)."""
    return find_markers(text, guessed=guessed)


#: The marked styles a stripped number may stand for (`（一）`, `一、` → `一`).
FAMILY = {"bare_cn": ("paren_cn", "cn_dun"), "bare_ar": ("paren_ar", "ar_dun")}


def family(style: str) -> tuple[str, ...]:
    """The styles one chain may mix: a style and the stripped form of its numerals (a restorer
    puts back `（二）` and misses `一`), never two marked styles (`一、` and `（一）` are levels)."""
    if style in FAMILY:
        return (style, *FAMILY[style])
    bare = next((b for b, marked in FAMILY.items() if style in marked), None)
    return (style, bare) if bare else (style,)


def content_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(first non-blank, end)`` of every line of ``text[start:end]``; the two are equal on a
    blank line. Markers are looked for where a line's content begins, past its indent."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        a = pos
        while a < stop and text[a] in " \t\u3000":
            a += 1
        yield a, stop
        pos = stop + 1


def stripped_beside(text: str, start: int, end: int, found: dict[int, Marker]) -> list[Marker]:
    """Numbers that lost their marks at line starts of a text whose punctuation a model put
    back: there a line's restored marks do not show that its marker kept its own (the rule
    of :func:`bare_markers`), so a number counts where the line before or after opens with a
    marker of its family numbered one off (`一人秘股负责…` above `（二）组织股…`)."""
    starts = [a for a, stop in content_lines(text, start, end) if a < stop]
    cands: dict[int, Marker] = {}
    for a in starts:
        if a in found:
            continue
        for name, rx in _bare_styles():
            m = rx.match(text, a)
            if m:
                cands[a] = Marker(name, cn_number(m.group("n")), a, m.end())
                break
    out = []
    for i, a in enumerate(starts):
        mk = cands.get(a)
        if mk is None:
            continue
        for j in (i - 1, i + 1):
            other = found.get(starts[j]) or cands.get(starts[j]) if 0 <= j < len(starts) else None
            if other is not None and other.style in family(mk.style) and abs(other.n - mk.n) == 1:
                out.append(mk)
                break
    return out + _stripped_inline(text, start, end, {**found, **{m.start: m for m in out}})


#: How far apart two items of one list may stand for a stripped number between them to count.
INLINE_REACH = 400
#: Stripped numbers inside a line, per style: Arabic ones, and Chinese ones, which are words
#: as often (`统一`, `十分`), so they count only before a duty verb (see _stripped_inline).
_INLINE = {"bare_ar": re.compile(r"(?<![\d.．第])(?P<n>\d{1,2})(?=[\u4e00-\u9fff])"),
           "bare_cn": re.compile(r"(?<![一二三四五六七八九十百零两第])(?P<n>[一二三四五六七八九十]{1,2})(?=[\u4e00-\u9fff])")}
#: Words a number counts or dates (`1月`, `2名`): a number before one is no item's.
COUNTED = tuple("年月日号个名人次项条款位家所级类批期届")
#: What a list's lead-in ends with, right before its first stripped number (`…内设机构一人秘股…`).
LEAD_IN_ENDS = ("职责", "职能", "职权", "内设机构", "机构设置", "如下", "任务")


def _stripped_inline(text: str, start: int, end: int, found: dict[int, Marker]) -> list[Marker]:
    """Item numbers that lost their marks inside a line whose breaks went too
    (`…成为决议或政令3向国家机关推荐干部4在…`): a number counts where it is the next of
    the list before it (the nearest marker of its family is one lower; a 1 right after a
    lead-in, or an Arabic 1 that counts nothing with a 2 after it) and the list goes on after
    it (a duty verb or a unit's name and a duty verb follow, or for an Arabic number the
    number one higher comes next)."""
    verbs = duty_verbs()
    known = sorted(found.values(), key=lambda m: m.start)
    out: list[Marker] = []
    for style, rx in _INLINE.items():
        cands = [m for m in rx.finditer(text, start, end) if m.start() not in found]
        for i, m in enumerate(cands):
            n, a = cn_number(m.group("n")), m.start()
            k = bisect.bisect_left([x.start for x in known], a)
            before = next((x for x in reversed(known[:k]) if x.style in family(style)), None)
            if n == 1:
                two = any(x.n == 2 for x in known[k:] if x.style in family(style) and x.start - a <= INLINE_REACH) or any(
                    cn_number(c.group("n")) == 2 for c in cands[i + 1:] if c.start() - a <= INLINE_REACH)
                lead_in = text.endswith(LEAD_IN_ENDS, max(start, a - 6), a)
                if not (lead_in or (style == "bare_ar" and two and not text.startswith(COUNTED, m.end()))):
                    continue
            elif before is None or before.n != n - 1 or a - before.start > INLINE_REACH:
                continue
            # a two-character adverb may stand before the verb (`六定期组织…`), where the number
            # continues its list
            verb_next = text.startswith(verbs, m.end()) or _unit_then_verb(text, m.end()) or (
                n > 1 and re.fullmatch(r"[\u4e00-\u9fff]{2}", text[m.end():m.end() + 2]) is not None
                and not text.startswith(COUNTED, m.end()) and text.startswith(verbs, m.end() + 2))
            if style == "bare_cn":
                ok = verb_next
            else:
                after = [x for x in known[k:] if x.style in family(style) and x.start - a <= INLINE_REACH]
                later = [c for c in cands[i + 1:] if c.start() - a <= INLINE_REACH]
                ok = verb_next or any(x.n == n + 1 for x in after) or any(
                    cn_number(c.group("n")) == n + 1 for c in later)
            if not ok or n == 0:
                continue
            mk = Marker(style, n, a, m.end())
            out.append(mk)
            known.insert(k, mk)
    return out


def _unit_then_verb(text: str, pos: int) -> bool:
    """Whether a unit's short name and a duty verb follow ``pos`` (`人秘股负责…`,
    `计划生育办公室：负责…`, or `人秘股，负责…` with the comma a restorer put there: this
    reads only texts whose marks were guessed)."""
    for k in range(pos + 2, min(len(text), pos + 11)):
        if not re.fullmatch(r"[\u4e00-\u9fff]+", text[pos:k]):
            return False
        if text[pos:k].endswith(organ_suffixes()) and text.startswith(duty_verbs(), k + (text[k:k + 1] in "：:，,")):
            return True
    return False


@cache
def _bare_styles() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(regex)) for name, regex in lexicon.rows(HERE / "list_bare_markers.tsv")]


#: Punctuation whose presence on a line shows the line kept its marks (and so its marker's `、`).
LINE_PUNCT = re.compile(r"[，,。；;、：:（）()“”]")
#: A run of stripped markers counts from this many items on: two lines that open with
#: `一…` and `二…` may be prose (`一般…`, `二者…`); three in sequence are a list.
BARE_RUN = 3


def bare_markers(text: str, start: int, end: int) -> list[Marker]:
    """Markers of ``list_bare_markers.tsv``: numbers on lines with no punctuation at all, in
    runs of at least ``BARE_RUN`` numbered 1, 2, 3 … A line that kept its punctuation kept
    its `、` too, so clean text never yields one.

    A number opens an item where it opens a line, or inside a line (the line breaks went
    with the punctuation, or a converter joined the lines) where a duty verb follows it
    (`…规划二负责对全局…`). Inside a line a number is weaker evidence: it never restarts
    a run that has reached 2 (`统一管理` inside an item), and a run that is a lone 1
    gives way to a later 1."""
    runs: dict[str, list[Marker]] = {}
    out: list[Marker] = []
    verbs = duty_verbs()
    line_starts: set[int] = set()

    def close(style: str) -> None:
        run = runs.pop(style, [])
        if len(run) >= BARE_RUN:
            out.extend(run)

    for a, stop in content_lines(text, start, end):
        if a < stop and not LINE_PUNCT.search(text, a, stop):
            for name, rx in _bare_styles():
                for m in rx.finditer(text, a, stop):
                    at_start = m.start() == a
                    if not at_start and (not text.startswith(verbs, m.end()) or NUMERAL.match(text, m.start() - 1)):
                        continue
                    mk = Marker(name, cn_number(m.group("n")), m.start(), m.end())
                    if at_start:
                        line_starts.add(mk.start)
                    run = runs.get(name)
                    if run and mk.n == run[-1].n + 1:
                        run.append(mk)
                    elif mk.n == 1 and (at_start or not run or (len(run) == 1 and run[0].start not in line_starts)):
                        close(name)
                        runs[name] = [mk]
    for name in list(runs):
        close(name)
    return sorted(out, key=lambda mk: mk.start)


#: a character that makes the number after it part of a longer one (`十二`, `12`)
NUMERAL = re.compile(r"[一二三四五六七八九十百零两\d]")



def chain_at(text: str, markers: Markers, pos: int, limit: int, gap: int = 4) -> list[Item]:
    """The item chain whose first marker (numbered 1) starts within ``gap`` blank
    characters after ``pos``; empty when none does."""
    first = markers.first_within(pos, limit)
    if first is None or first.n != 1 or text[pos:first.start].strip() or first.start - pos > gap + 2:
        return []
    return chain_from(text, markers, first, limit)


def chain_from(text: str, markers: Markers, first: Marker, limit: int) -> list[Item]:
    """Follow ``first`` through markers of its style numbered n+1, n+2 … before ``limit``."""
    chain = [first]
    while True:
        # the next member is the first marker of the style numbered one up that the list reaches
        starts, found = markers.of_family(first.style, chain[-1].n + 1)
        nxt = None
        for i in range(bisect.bisect_right(starts, chain[-1].start), bisect.bisect_left(starts, limit)):
            if _nested_ok(text, markers, chain[-1], found[i]):
                nxt = found[i]
                break
            if _closed_before(text, markers, chain[-1], found[i]):
                break  # the list is over before this candidate, so before every later one
        if nxt is None:
            break
        chain.append(nxt)
    items = []
    for i, m in enumerate(chain):
        if i + 1 < len(chain):
            end = chain[i + 1].start
        else:
            end = last_item_end(text, markers, m, limit)
        items.append(Item(m.n, m.style, m.start, m.end, _rstrip(text, m.end, end)))
    return items


def _nested_ok(text: str, markers: Markers, prev: Marker, nxt: Marker) -> bool:
    """Markers between two chain members must not close the list (an outer marker);
    plain paragraphs that continue the previous item do not close it either."""
    stop = last_item_end(text, markers, prev, nxt.start + 1)
    return stop >= nxt.start or not _NON_BLANK.search(text, stop, nxt.start) or _continues(
        text, markers, stop, nxt.start)


_NON_BLANK = re.compile(r"\S")
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def _closed_before(text: str, markers: Markers, prev: Marker, nxt: Marker) -> bool:
    """Whether ``prev``'s item ended for good before ``nxt``: its end no longer moves with the
    limit, and the text between is no blank stretch and no run-on paragraphs (it does not open
    with a line break, or holds a blank line, or more lines than an item runs on over). Each
    of these stays true for every later candidate, which is what lets chain_from stop looking
    (trying every later marker of the style made long documents quadratic)."""
    stop, bound = markers.open_ends.get(prev, (None, None))
    if stop is None or stop >= nxt.start or (bound is not None and nxt.start + 1 <= bound):
        return False
    if not _NON_BLANK.search(text, stop, nxt.start):
        return False
    if text[stop] != "\n" or _BLANK_LINE.search(text, stop, nxt.start):
        return True
    pos = stop
    for _ in range(MAX_CONTINUATION + 2):  # this many line breaks leave more lines than MAX_CONTINUATION
        pos = text.find("\n", pos, nxt.start)
        if pos == -1:
            return False
        pos += 1
    return True


#: An item may run on over at most this many paragraphs without a marker before its sibling.
MAX_CONTINUATION = 3
SENTENCE_END = ("。", "；", ";", "！", "？")


def _continues(text: str, markers: Markers, a: int, b: int) -> bool:
    """Is ``text[a:b]`` one to three whole paragraphs that continue an item
    (`(一)贯彻执行…规章。` / `指导、检查…贯彻执行。` / `(二)…`)? Each must be a
    complete sentence, start with no marker and be no heading; a blank line ends the list."""
    if a >= b or text[a] != "\n" or _BLANK_LINE.search(text, a, b):
        return False
    gap = text[a:b]
    lines = gap.strip("\n").split("\n")
    if len(lines) > MAX_CONTINUATION:
        return False
    pos = a + 1
    for line in lines:
        body = line.strip(" \t\u3000")
        lead = pos + len(line) - len(line.lstrip(" \t\u3000"))
        if not body or lead in markers.by_start or ARTICLE.match(body) or not body.endswith(SENTENCE_END):
            return False
        pos += len(line) + 1
    return True


def last_item_end(text: str, markers: Markers, item: Marker, limit: int) -> int:
    """Where the item that starts at ``item`` ends when no sibling follows it.

    It runs on through nested lists (another style, numbered from 1) and, when its
    first line is only a name (`1. 秘书处`), through the plain lines under it; it
    stops at an outer marker, a blank line, an article heading or ``limit``.

    Following a chain asks this for one item with many limits; the walk is done once
    without a limit and kept in ``markers.open_ends`` with the limit beyond which it is
    the answer (see _open_end), so asking again costs nothing where the walk from the
    item to each candidate made long documents quadratic.
    """
    known = markers.open_ends.get(item)
    if known is None:
        stop = _walk_item(text, markers, item, len(text))
        known = markers.open_ends[item] = (stop, _open_end(text, markers, item, stop))
    stop, bound = known
    if bound is None:
        return min(stop, limit)
    return stop if limit > bound else _walk_item(text, markers, item, limit)


def _open_end(text: str, markers: Markers, item: Marker, stop: int) -> int | None:
    """The limit beyond which the unlimited walk's ``stop`` is the answer; None when the walk
    met no line break (then a limit only cuts it: the answer is ``min(stop, limit)``).

    The limit reaches a walk only at a line break: there it bounds the skip over blank
    lines and the line read after it (_is_statement). Every line the walk read ends by the
    end of the line after ``stop`` and the blanks that follow it."""
    if markers.find(text, "\n", item.end, stop + 1) == -1:
        return None
    q = stop
    while q < len(text) and text[q] in " \t\u3000\n":
        q += 1
    nl = markers.find(text, "\n", q)
    return len(text) if nl == -1 else nl


def _walk_item(text: str, markers: Markers, item: Marker, limit: int) -> int:
    nested: dict[str, int] = {}
    by_pos = markers.by_start  # every position looked up below lies in [item.end, limit)
    first_nl = markers.find(text, "\n", item.end, limit)
    head_only = first_nl != -1 and _is_name_line(text, item.end, first_nl)
    pos = item.end
    at_line_start = False
    starts = markers.starts
    next_nl = next_article = -1  # the next line break and `第` at or after pos, found when passed
    while pos < limit:
        ch = text[pos]
        if ch == "\n":
            nxt = pos + 1
            while nxt < limit and text[nxt] in (" \t\u3000\n" if head_only else " \t\u3000"):
                nxt += 1
            if nxt >= limit or text[nxt] == "\n" or ARTICLE.match(text, nxt):
                return pos
            m = by_pos.get(nxt)
            if m is None and (nested or not (head_only and _is_statement(text, nxt, limit, markers.guessed))):
                return pos  # a plain line after a nested list starts a paragraph of its own
            at_line_start = True
            pos = nxt
            continue
        if ch == "第" and ARTICLE.match(text, pos) and _after_sentence(text, item.end, pos):
            return pos  # `…报告工作。 第三章 常委会会议`: a text run into one line goes on with the next article
        m = by_pos.get(pos)
        if m is not None and (at_line_start or m.style in BRACKETED or text[pos - 1] in BOUNDARY):
            if m.style == item.style:
                return pos
            if m.n == 1:
                nested[m.style] = 1
            elif nested.get(m.style) == m.n - 1:
                nested[m.style] = m.n
            else:
                return pos
        at_line_start = False
        # nothing happens before the next line break, `第` or marker: go there at once (a walk
        # character by character was the cost of long items)
        pos += 1
        if next_nl < pos:
            next_nl = markers.find(text, "\n", pos, limit) % (limit + 1)  # not found (-1) → limit
        if next_article < pos:
            next_article = markers.find(text, "第", pos, limit) % (limit + 1)
        k = bisect.bisect_left(starts, pos)
        pos = min(next_nl, next_article, starts[k] if k < len(starts) else limit, limit)
    return limit


def _is_name_line(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is a short name with no punctuation (`秘书处`), blanks aside;
    read from its first to its last visible character so that a long line costs nothing."""
    m = _NON_BLANK.search(text, a, b)
    if m is None:
        return True
    last = b
    while text[last - 1].isspace():
        last -= 1
    return last - m.start() <= 16 and not re.search(r"[。；;，,]", text[m.start():last])


def _after_sentence(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` follows a sentence end (`。`, `；`), blanks aside."""
    j = pos - 1
    while j > start and text[j] in " \t\u3000":
        j -= 1
    return j > start and text[j] in "。；;！？"


def _is_statement(text: str, pos: int, limit: int, guessed: bool = False) -> bool:
    """A line that ends like a sentence (`。`/`；`), not a label such as `负责人`. Where the
    marks were guessed, a restorer leaves a line's end bare as often as a title's, so a
    line opening with a duty verb (`负责…`) is a statement too."""
    nl = text.find("\n", pos, limit)
    line = text[pos:limit if nl == -1 else nl].rstrip()
    return line.endswith(("。", "；", ";")) or (guessed and line.startswith(duty_verbs()) and len(line) > 6)


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


def split_top(text: str, start: int, end: int, marks: str = "；;") -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` cut at ``marks`` that stand outside brackets and quotes."""
    bounds = [start - 1, *top_cuts(text, start, end, marks), end]
    return [(x, y) for x, y in (trim(text, p + 1, q) for p, q in zip(bounds, bounds[1:], strict=False)) if y > x]


def top_cuts(text: str, start: int, end: int, marks: str) -> list[int]:
    """Where :func:`split_top` cuts ``text[start:end]``: the places of ``marks`` outside
    brackets and quotes (the bracket depth is counted from ``start``)."""
    out, depth = [], 0
    for hit in _cut_chars(marks).finditer(text, start, end):  # only these characters change anything
        i = hit.start()
        ch = text[i]
        if ch == "\n":
            depth = 0  # a bracket left open does not run past its line
        if ch in OPEN and not (ch == "“" and depth and text[i - 1] == "”"):
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in marks and depth == 0 and not (text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit()):
            # a sentence never ends between two digits: `2。3以上` is a fraction a conversion garbled
            out.append(i)
    return out


@cache
def _cut_chars(marks: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(OPEN + CLOSE + marks + "\n") + "]")


def trim(text: str, a: int, b: int, tail: str = "。；;，,：:、 \t\n\u3000") -> tuple[int, int]:
    """Strip blanks at both ends and final punctuation at the end."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in tail:
        b -= 1
    return a, b
