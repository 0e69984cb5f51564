"""The text as content lines and segments: the units the heading detector looks at.

A *line* is a paragraph of the normalized text (table cell lines, which start with a
TAB, are skipped: a table has no sections). A *segment* is a stretch of a line that
starts at a heading marker or at the line's start: texts copied from document-sharing
sites run whole chapters into one line (``一、职责 (一)区委职责 *卫东区委…``), so a
marker after whitespace or after ``。；：`` starts a segment too, for the marker styles
that ``markers.tsv`` allows inline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gongwen import lexicon
from gongwen.counting import count_chars
from gongwen.spans import Spans
from gongwen.structure.markers import CITED_AFTER, HERE, Style, match_marker, ordinal, style

#: Positions where an inline marker may start: after blanks or after a clause end.
_INLINE = re.compile(r"(?<=[ \u3000\t。；;：:])[ \u3000]*(?=[第篇一二三四五六七八九十壹贰叁参肆伍陆柒捌玖拾（(\d①-⑳【])")
#: The same after a comma or a period, where a copy scrambled its full stops (confirmed later).
_INLINE_WEAK = re.compile(r"(?<=[，,.．])[ \u3000]*(?=[一二三四五六七八九十（(\d])")
#: Styles that count only at a line start but may run in, confirmed, where breaks were lost.
_RUN_IN_WEAK_STYLES = {"ar_dot"}
_MARKDOWN = re.compile(r"#{1,6}[ \u3000]*")
#: A chapter or article marker run into a line whose breaks were lost (`…议事规则第二十三条。市…`):
#: anywhere, but only when a mark or blank follows it; :func:`confirm_run_in` then keeps
#: those whose number continues the articles around them.
_RUN_IN_RANKED = re.compile(r"(?=第\s*[〇零一二三四五六七八九十百\d]+\s*[章节条][ \u3000:：,，.。、])")


@dataclass
class Line:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Segment:
    """A stretch of a line starting at a marker (``style`` set) or at the line start.

    ``source`` is the whole normalized text, so every offset indexes into it.
    """

    source: str
    line: Line
    start: int
    end: int
    style: Style | None
    match: re.Match[str] | None
    at_line_start: bool
    #: a marker found where it may be text: ``"line"`` after a comma or a full stop scrambled
    #: to one (``…规则,一、议事范围``), kept only when a sibling next to it on its line
    #: continues its count; ``"doc"`` a line-start style run in after a full stop (``。3.救灾…``),
    #: kept when the sibling before or after it anywhere does (:func:`confirm_run_in`)
    weak: str = ""

    @property
    def body_start(self) -> int:
        """Where the text after the marker begins (blanks skipped)."""
        pos = self.match.end() if self.match else self.start
        while pos < self.end and self.source[pos] in " \u3000\t\n":
            pos += 1
        return pos

    @property
    def body(self) -> str:
        return self.source[self.body_start:self.end]


def content_lines(text: str, skip: list[tuple[int, int]] | None = None, begin: int = 0) -> list[Line]:
    """Non-blank lines from ``begin`` on, without table cell lines and ``skip`` spans.

    ``start`` skips leading blanks and a markdown heading prefix (``## 第二章``).
    """
    skipped = Spans()
    for a, b in skip or []:
        skipped.add(a, b)
    out: list[Line] = []
    pos = begin
    for raw in text[begin:].split("\n"):
        line_start, line_end = pos, pos + len(raw)
        pos = line_end + 1
        if raw.startswith("\t") or skipped.holds(line_start):
            continue
        stripped = raw.strip()
        if not stripped:
            continue
        start = line_start + (len(raw) - len(raw.lstrip()))
        m = _MARKDOWN.match(text, start)
        if m and m.end() < line_end:
            start = m.end()
        end = line_start + len(raw.rstrip())
        out.append(Line(len(out), start, end, text[start:end]))
    return out


#: In a line stripped of its punctuation no mark follows the marker (``…规则第二条会议由…``).
_RUN_IN_RANKED_BARE = re.compile(r"(?=第\s*[〇零一二三四五六七八九十百\d]+\s*[章节条]" f"(?![{CITED_AFTER}]))")
#: A line this long holds many paragraphs: its breaks were lost (a page's single paragraph),
#: so an article marker may run in right after the sentence before it (``…订定之。第2条监察院…``)
#: with no mark after it; :func:`confirm_run_in` keeps those that continue the articles.
LOST_BREAKS_MIN = 250
#: A paragraph seldom holds this many sentences; a line that does is several paragraphs run
#: together, and the document it is in lost its line breaks.
RUN_ON_SENTENCES = 12
_SENTENCE_END = re.compile(r"[。！？!?]")


def breaks_lost(lines: list[Line]) -> bool:
    """Did the document lose its line breaks? Decided once for the whole text, not per line:
    where a copy joined the paragraphs, some line holds more sentences than a paragraph
    does, and every long line of the text may then hold several paragraphs (the lines
    the normalizer broke again at heading markers are shorter, but joined all the same)."""
    return any(len(_SENTENCE_END.findall(ln.text)) >= RUN_ON_SENTENCES for ln in lines)


#: An article marker opening a sentence (``…订定之。第二条监察院…``) needs no mark after it.
_RUN_IN_RANKED_AFTER_STOP = re.compile(r"(?<=[。；;！？!?])[ \u3000]*(?=第\s*[〇零一二三四五六七八九十百\d]+\s*[章节条]"
                                       f"(?![{CITED_AFTER}]))")
#: A line is unpunctuated when it is this long and marks are rarer than this share.
UNPUNCTUATED_MIN, UNPUNCTUATED_MARK_SHARE = 100, 0.005
_MARKS = re.compile(r"[，。、；：,.;:！？!?]")


def unpunctuated(line: Line) -> bool:
    """Was this line stripped of its punctuation (a sharing site's copy)?"""
    return (len(line.text) >= UNPUNCTUATED_MIN
            and len(_MARKS.findall(line.text)) < UNPUNCTUATED_MARK_SHARE * len(line.text))


#: A title with the first item of its list glued to it, the break between them lost
#: (``二、议事制度1、党委会议一般每月…``, ``一、救助工作扎实有力1.城乡低保…``).
_GLUED_FIRST = re.compile(r"[ \u3000]*[^\s。，,；;:：!?！？、\d]{2,20}?(?=(?:1[、.．]|[（(]1[)）])[\u4e00-\u9fff])")
#: The second item must follow within this many characters to confirm the list.
GLUED_REACH = 1500


def _glued_list(text: str, body: int, end: int) -> int | None:
    """Where a list's first number is glued to the title before it, or None. Kept only
    when the list's second number follows in the same form (``2、``)."""
    m = _GLUED_FIRST.match(text, body, end)
    if m is None:
        return None
    pos = m.end()
    sep = text[pos + 1] if text[pos] == "1" else None
    second = f"2{sep}" if sep else text[pos] + "2" + text[pos + 2]
    return pos if second in text[pos + 3:pos + GLUED_REACH] else None


#: A title on the line after its bare number is at most this long, without sentence marks.
NEXT_LINE_TITLE_MAX = 20


def join_bare_numbers(text: str, lines: list[Line]) -> list[Line]:
    """Lines with a line holding only a heading number (``第二章``) joined to the title on
    the next line (``优抚安置``): the conversion put the number and the title on two lines."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        found = match_marker(text, ln.start, True)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (found is not None and found[1].end() == ln.end and found[0].name != "bracket" and nxt is not None
                and len(nxt.text) <= NEXT_LINE_TITLE_MAX and not any(ch in nxt.text for ch in "。，,；;：:!?！？")
                and match_marker(text, nxt.start, True) is None and text[ln.end:nxt.start].count("\n") == 1):
            out.append(Line(len(out), ln.start, nxt.end, text[ln.start:nxt.end]))
            i += 2
            continue
        out.append(Line(len(out), ln.start, ln.end, ln.text))
        i += 1
    return out


def segments(text: str, line: Line) -> list[Segment]:
    """The segments of one line: one per marker found, plus the line start."""
    starts: list[tuple[int, Style | None, re.Match[str] | None, bool]] = []
    first = match_marker(text, line.start, True)
    starts.append((line.start, *(first if first else (None, None)), True))
    weak: dict[int, str] = {}
    for m in _INLINE.finditer(text, line.start + 1, line.end):
        pos = m.end()
        found = match_marker(text, pos, False)
        if found and pos > starts[-1][0]:
            starts.append((pos, found[0], found[1], False))
        elif not found and pos > starts[-1][0]:
            # a line-start-only enumeration (``2.``) run in after a full stop: weak
            found = match_marker(text, pos, True)
            if found and found[0].rank is None and found[0].name in _RUN_IN_WEAK_STYLES:
                starts.append((pos, found[0], found[1], False))
                weak[pos] = "doc"

    if len(line.text) >= LOST_BREAKS_MIN:  # a yearbook's 【…】 glued to the text before it
        for m in re.finditer(r"[【〔]", text[line.start + 1:line.end]):
            pos = line.start + 1 + m.start()
            found = match_marker(text, pos, True)
            if found and found[0].name == "bracket" and all(pos != p for p, *_ in starts):
                starts.append((pos, found[0], found[1], False))
    for m in _INLINE_WEAK.finditer(text, line.start + 1, line.end):
        pos = m.end()
        found = match_marker(text, pos, False)
        if found and found[0].rank is None and "n" in found[0].pattern.groupindex and all(pos != p for p, *_ in starts):
            starts.append((pos, found[0], found[1], False))
            weak[pos] = "line"
    run_in = _RUN_IN_RANKED_BARE if unpunctuated(line) or len(line.text) >= LOST_BREAKS_MIN else _RUN_IN_RANKED
    bare_at = [m.start() for m in run_in.finditer(text, line.start + 1, line.end)]
    after_stop = [m.end() for m in _RUN_IN_RANKED_AFTER_STOP.finditer(text, line.start + 1, line.end)]
    for pos in sorted(set(bare_at + after_stop)):
        found = match_marker(text, pos, True)
        if found and found[0].rank is not None and all(pos != p for p, *_ in starts):
            starts.append((pos, found[0], found[1], False))
    starts.sort(key=lambda t: t[0])
    glued = [g for pos, st, mt, _ in starts if st is not None and mt is not None
             for g in [_glued_list(text, mt.end(), line.end)] if g is not None]
    for pos in glued:
        found = match_marker(text, pos, True)
        if found and found[0].rank is None:
            starts.append((pos, found[0], found[1], False))
    starts.sort(key=lambda t: t[0])
    out = []
    for i, (pos, st, mt, at_start) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else line.end
        while end > pos and text[end - 1] in " \u3000\t":
            end -= 1
        out.append(Segment(text, line, pos, end, st, mt, at_start, weak.get(pos, "")))
    return out


#: An article number opening a line, followed by a word that would make it a reference
#: elsewhere (``第 2 条中央银行理事会…``: the break after ``条`` was lost).
_ARTICLE_AT_START = re.compile(r"(?P<num>第\s*(?P<n>[〇零一二三四五六七八九十百\d]+)\s*条)" f"(?=[{CITED_AFTER}])")


def articles_at_line_start(segs: list[list[Segment]]) -> list[list[Segment]]:
    """Lines opening with an article number that a word like ``中`` follows (``第 2 条中央
    银行…``, ``第 3 条中华民国…``): where the break after the number was lost, its text runs
    on into a word that, after a number inside a sentence, cites the article (第2条中规定).
    At a line start it is the article when its number continues the articles of the lines
    around it (``第 1 条`` before it or ``第 4 条`` after it), as :func:`confirm_run_in`
    keeps articles run in."""
    firsts = [(i, line[0]) for i, line in enumerate(segs) if line]
    known = {i: _ordinal_of(s) for i, s in firsts if s.style is not None and s.style.name == "tiao" and s.match}
    cands = {i: m for i, s in firsts if s.style is None
             for m in [_ARTICLE_AT_START.match(s.source, s.start, s.end)] if m is not None}
    if not cands:
        return segs
    numbers = dict(known)
    numbers.update({i: ordinal(m.group("n")) for i, m in cands.items()})
    order = sorted(numbers)
    tiao = style("tiao")
    out = [list(line) for line in segs]
    for k, i in enumerate(order):
        if i not in cands or numbers[i] is None:
            continue
        before = numbers[order[k - 1]] if k else None
        after = numbers[order[k + 1]] if k + 1 < len(order) else None
        if before == numbers[i] - 1 or after == numbers[i] + 1:
            s = out[i][0]
            out[i][0] = Segment(s.source, s.line, s.start, s.end, tiao, cands[i], True, s.weak)
    return out


#: A run-in chapter is confirmed by an article of its own that follows within its title's length.
CHAPTER_TITLE_REACH = 20


def confirm_run_in(segs: list[list[Segment]]) -> list[list[Segment]]:
    """Keep a chapter or article marker found inside a line only when its number continues
    the article before it or is continued by the one after it (``第二十四条`` between
    ``第二十三条`` and ``第二十五条``): a reference in running text (``依照第五条，``)
    seldom sits in such a sequence. A marker found after a comma (``weak``) is kept only
    when a sibling beside it on its line continues its count. A marker that is not kept
    rejoins the segment before it."""
    ranked = [s for line in segs for s in line if s.style is not None and s.style.rank is not None]
    keep: set[int] = set()
    for i, s in enumerate(ranked):
        if s.at_line_start or s.style is None or s.style.inline or s.match is None:
            keep.add(id(s))
            continue
        n = _ordinal_of(s)
        near = [r for r in (ranked[i - 1] if i else None, ranked[i + 1] if i + 1 < len(ranked) else None)
                if r is not None and r.style is s.style]
        if n is not None and any(abs((_ordinal_of(r) or -9) - n) == 1 for r in near):
            keep.add(id(s))
        elif (i + 1 < len(ranked) and ranked[i + 1].style is not None and s.style.rank is not None
              and (ranked[i + 1].style.rank or 0) > s.style.rank
              and ranked[i + 1].start - s.match.end() <= CHAPTER_TITLE_REACH):
            keep.add(id(s))  # a chapter's short title, then straight its first article (第五章,议事规则第二十三条)
    dropped: set[int] = set()
    every = [s for line in segs for s in line]
    for line in segs:
        for s in line:
            if not s.weak:
                continue
            n = _ordinal_of(s)
            scope = line if s.weak == "line" else every
            same = [r for r in scope if r.style is s.style and r is not s and r.match is not None]
            before = [r for r in same if r.start < s.start][-1:]
            after = [r for r in same if r.start > s.start][:1]
            if n is None or not any(abs((_ordinal_of(r) or -9) - n) == 1 for r in before + after):
                dropped.add(id(s))
    out: list[list[Segment]] = []
    for line in segs:
        merged: list[Segment] = []
        for s in line:
            ranked_dropped = s.style is not None and s.style.rank is not None and id(s) not in keep
            if (ranked_dropped or id(s) in dropped) and merged:
                merged[-1].end = s.end
            else:
                merged.append(s)
        out.append(merged)
    return out


def _ordinal_of(seg: Segment) -> int | None:
    assert seg.match is not None
    return ordinal(seg.match.group("n"))


#: A sharing site's chunk is at least this long; its number opens the next chunk.
CHUNK_MIN = 80
#: Marks that end a paragraph; a chunk boundary falls anywhere, mostly inside a sentence.
_PARA_END = tuple("。；;：:！？!?”\"）)")


def chunk_numbers(lines: list[Line], segs: list[list[Segment]]) -> list[list[Segment]]:
    """Segments with the numbers a sharing site put at its chunk boundaries made plain text.

    Such a site cuts the text into long chunks and numbers them (``1、…制度。一、议事范围…`` /
    ``2、示的重要事项做出决定。5、…``): every chunk after the first starts where the one
    before broke off inside a sentence. A series of line-start numbers is taken for chunk
    numbers when each of its lines is a long chunk and each line before a member (but the
    first) breaks off without an end mark."""
    by_style: dict[str, list[int]] = {}
    for i, line_segs in enumerate(segs):
        first = line_segs[0]
        if (first.style is not None and first.style.rank is None and first.match is not None
                and "n" in first.style.pattern.groupindex):
            by_style.setdefault(first.style.name, []).append(i)
    chunks: set[int] = set()
    for idx in by_style.values():
        run: list[int] = []
        for i in idx + [-1]:
            n = ordinal(segs[i][0].match.group("n")) if i >= 0 and segs[i][0].match else None
            prev_n = ordinal(segs[run[-1]][0].match.group("n")) if run and segs[run[-1]][0].match else None
            if i >= 0 and run and n == (prev_n or 0) + 1:
                run.append(i)
                continue
            if len(run) >= 2 and all(_chunk(lines, j) for j in run[1:]) and len(lines[run[0]].text) >= CHUNK_MIN:
                chunks.update(run)
            run = [i] if i >= 0 and n == 1 else []
    out = []
    for i, line_segs in enumerate(segs):
        if i in chunks:
            first = line_segs[0]
            line_segs = [Segment(first.source, first.line, first.start, first.end, None, None, True), *line_segs[1:]]
        out.append(line_segs)
    return out


def _chunk(lines: list[Line], i: int) -> bool:
    before = lines[i - 1].text if i > 0 else ""
    return len(lines[i].text) >= CHUNK_MIN // 4 and len(before) >= CHUNK_MIN and not before.endswith(_PARA_END)


#: A bare number set off by blanks: a cell of a table whose rows were flattened into lines
#: (``一、上级补助收入 4 1,003,618.46``); figures in prose carry units (``1100万元``), also
#: after a PDF's blank (``1988 年``, ``10349 名``).
_CELL_NUMBER = re.compile(r"(?:^|[ \u3000\t])[-+]?\d[\d,]*(?:\.\d+)?%?(?=$|[ \u3000\t])"
                          r"(?![ \u3000\t]*[年月日号时名个人万亿元次户家所项条件台辆株亩吨米岁天%])")
#: A line is inside a flattened table when this many of its near lines are cell rows.
TABLE_NEIGHBOURS, TABLE_REACH = 2, 2


def cell_row(text: str, stripped: bool = False) -> bool:
    """A line of a flattened table: it holds a bare number as a cell, and no sentence end.
    In a text stripped of its marks every line lacks sentence ends and a list's number
    stands bare before a blank (``1 传达…``), so a row needs two bare numbers there."""
    if stripped:
        return len(_CELL_NUMBER.findall(text)) >= 2
    return bool(_CELL_NUMBER.search(text)) and not any(ch in text for ch in "。；;")


def flattened_table(lines: list[Line], stripped: bool = False) -> set[int]:
    """Indices of lines that belong to a table flattened into text lines: cell rows, and
    lines with cell rows around them (a wrapped label cell, ``年度主要目标 和成果 …``).
    A table has no sections (RECORDS.md), so no heading is taken from these lines.
    ``stripped``: the text lost its punctuation (:func:`cell_row`)."""
    cells = [cell_row(ln.text, stripped) for ln in lines]
    out: set[int] = set()
    for i in range(len(lines)):
        near = sum(cells[j] for j in range(max(0, i - TABLE_REACH), min(len(lines), i + TABLE_REACH + 1)) if j != i)
        if cells[i] or near >= TABLE_NEIGHBOURS:
            out.add(i)
    return out


_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_BLANK_CJK = re.compile(r"[\u4e00-\u9fff][ \u3000](?=[\u4e00-\u9fff])")
#: Blanks between Chinese characters at this share of the characters are a converter's,
#: not a writer's: official prose sets a blank only after a label or a number.
SPACED_SHARE = 0.04


def spaced_words(text: str) -> bool:
    """Does a conversion put blanks inside words all through the text (``乡镇 人民代 表``)?
    Then a blank sets nothing off: not a title from its text, not a label from its content."""
    hanzi = count_chars(_CJK, text)
    return hanzi >= 100 and len(_CJK_BLANK_CJK.findall(text)) >= SPACED_SHARE * hanzi


@cache
def words(name: str, kind: str) -> tuple[str, ...]:
    """Entries of one ``kind`` in a lexicon file beside this module (kind <TAB> word)."""
    return tuple(lexicon.of_kind(HERE / name, kind))


__all__ = ["Line", "Segment", "cell_row", "spaced_words", "chunk_numbers", "confirm_run_in", "content_lines", "flattened_table",
           "join_bare_numbers", "segments", "unpunctuated", "words"]
