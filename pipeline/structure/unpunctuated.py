"""Headings in text whose punctuation and line breaks were stripped.

Some sharing sites strip every mark and break, so a rule's points run in as
``…特制订本规则一议事范围研究宣传贯彻…二会议制度班子会议一般每月一次…``: the marker has
lost its 、 and the title its break. Such a heading is found by its words: a bare Chinese
numeral continuing the count (一, then 二, then 三 …), not part of a number word
(一般, 三分之二), followed by a short phrase that ends in a noun that heads titles
(``范围``, ``制度``, ``方法``; ``lexicon.tsv`` kind ``head_noun``). Only lines with
(almost) no punctuation are read this way, and two points in sequence are needed.
"""

from __future__ import annotations

import re

from gongwen.structure.headings import Heading, noun_title
from gongwen.structure.lines import UNPUNCTUATED_MARK_SHARE, Line, unpunctuated
from gongwen.structure.markers import ordinal

NUMERALS = "一二三四五六七八九十"
#: Characters that make a numeral part of a number word (三分之二, 一次, 二十).
NUMBER_WORD = set(NUMERALS) | set("百千万亿分之次个年月日名人般些切样旦致项是")
TITLE_MAX = 12


def _title(text: str, pos: int, end: int) -> str | None:
    return noun_title(text, pos, end, TITLE_MAX)


def run_in_points(text: str, line: Line) -> list[Heading]:
    """The points ``一议事范围`` … of an unpunctuated line, or [] (fewer than two found)."""
    if not unpunctuated(line):
        return []
    out: list[Heading] = []
    pos, n = line.start, 1
    while n <= len(NUMERALS):
        found = None
        for i in (m.start() for m in re.finditer(NUMERALS[n - 1], text[pos:line.end])):
            at = pos + i
            before = text[at - 1] if at > line.start else ""
            after = text[at + 1] if at + 1 < line.end else ""
            if before in NUMBER_WORD or after in NUMBER_WORD:
                continue
            title = _title(text, at + 1, line.end)
            if title is not None:
                found = (at, title)
                break
        if found is None:
            break
        at, title = found
        out.append(Heading(at, "bare_cn", None, text[at], ordinal(text[at]), title, at + 1 + len(title),
                           line.index, at == line.start, evidence="unpunctuated"))
        pos, n = at + 1 + len(title), n + 1
    return out if len(out) >= 2 else []


#: A document is stripped of its punctuation when its prose is this long and marks are
#: rarer than :data:`lines.UNPUNCTUATED_MARK_SHARE` over all of it (lines kept or not).
STRIPPED_MIN = 120
#: A line-start point whose line is at most this long is a title line as a whole (``二会议制度``).
WHOLE_TITLE_MAX = 16
#: Marks that end clauses; a full stop ``.`` is left out, as it stays in decimals and ``1.`` markers.
_CLAUSE_MARKS = re.compile(r"[，。、；：,;:！？!?]")
#: What may follow a bare numeral that opens a point: a Chinese character, maybe after a blank.
_STARTS_TITLE = re.compile(r"[ \u3000]?[\u4e00-\u9fff]")
#: A title that a blank, the end of its line or the next list's marker (``1.``) still sets
#: off where its marks were stripped (``一 会议组成 局党组…``, ``一社会救助工作扎实有力1.城乡…``).
_TITLE_CUT = re.compile(rf"[ \u3000]?([\u4e00-\u9fff]{{2,{WHOLE_TITLE_MAX}}})(?=$|[ \u3000]|\d{{1,2}}[.．、])", re.M)


def stripped(lines: list[Line]) -> bool:
    """Was the whole document stripped of its punctuation? A short line here and there
    (a title, a date) carries no marks in any text; the prose as a whole does."""
    total = sum(len(ln.text) for ln in lines)
    marks = sum(len(_CLAUSE_MARKS.findall(ln.text)) for ln in lines)
    return total >= STRIPPED_MIN and marks < UNPUNCTUATED_MARK_SHARE * total


def _candidates(text: str, lines: list[Line]) -> list[tuple[int, int, str | None, Line]]:
    """Bare numerals that may open a point: (position, ordinal, title or None, line). At a
    line start the title is the short line itself or its opening phrase ending in a head
    noun; inside a line only the head-noun phrase (``…特制订本规则一议事范围研究…``). A
    numeral without such a title may still continue a count (``五议题的确定由…``): its
    title is None, the words it ends cannot be told without the lost marks."""
    out: list[tuple[int, int, str | None, Line]] = []
    for line in lines:
        for m in re.finditer(f"[{NUMERALS}]", line.text):
            at = line.start + m.start()
            before = text[at - 1] if at > line.start else ""
            after = text[at + 1] if at + 1 < line.end else ""
            if before in NUMBER_WORD or after in NUMBER_WORD or not _STARTS_TITLE.match(text, at + 1):
                continue
            cut = _TITLE_CUT.match(text, at + 1, line.end)
            if cut is not None and (at == line.start or text[at + 1] in " \u3000"):
                title: str | None = cut.group(1)
            else:
                title = _title(text, at + 1, line.end)
            out.append((at, NUMERALS.index(text[at]) + 1, title, line))
    return out


def stripped_points(text: str, lines: list[Line]) -> list[Heading]:
    """The points of a document stripped of its punctuation, its line breaks kept or not:
    ``一参加人员…`` / ``二会议召集人…`` lost the 、 (and ``（一）`` its brackets) of their
    markers. A bare numeral is a point when it continues a count: the count open at the
    deepest level, or one further out (which closes the inner ones); a 一 opens a count one
    level deeper. Counts of a single point are dropped; each depth gets a style of its own
    so that levels nest as the counts do. [] when the document kept its punctuation."""
    if not stripped(lines):
        return []
    stack: list[list[Heading]] = []  # open counts, outermost first
    done: list[list[Heading]] = []
    for at, n, title, line in _candidates(text, lines):
        if title is None and n == 1:
            continue  # a count is opened only by a point with a title
        # the count this numeral continues, the deepest first: where a copy joined lines, a
        # point's place (line start or run in) tells nothing about its count
        conts = [d for d in range(len(stack) - 1, -1, -1) if stack[d][-1].ordinal == n - 1]
        depth = (conts or [None])[0]
        if depth is None and n != 1:
            continue
        if depth is None:
            depth = len(stack)
            stack.append([])
        else:
            done.extend(stack[depth + 1:])
            del stack[depth + 1:]
        end = at + 1 + len(title or "")
        stack[depth].append(Heading(at, f"bare_cn{depth + 1}", None, text[at], n, title or "", end,
                                    line.index, at == line.start, whole_line=end == line.end,
                                    evidence="unpunctuated"))
    done.extend(stack)
    # a point without a title keeps its count going but is not reported: its title is unknown
    return sorted((h for run in done if len(run) >= 2 for h in run if h.title), key=lambda h: h.start)
