"""The ``figures`` extractor: every quantity the text states, with a computable value.

:func:`extract_figures` scans the normalized text once (:mod:`.scanner`), then
resolves the dates that lack a year — from the document's year, else from the
nearest preceding dated figure of the same paragraph — and the relative ones
(``同月23日``, ``次日``) against the date before them, and attaches to each
figure the sentence it stands in (for search and briefs).
"""

from __future__ import annotations

import bisect
import re

from gongwen.extractors.figures.bounds import after_cmp
from gongwen.extractors.figures.columns import wrapped_cell_tail
from gongwen.extractors.figures.common import Context
from gongwen.extractors.figures.dates import DateParts, next_day
from gongwen.extractors.figures.lexicon import Lexicon, lexicon
from gongwen.extractors.figures.scanner import Hit, scan
from gongwen.record import Document, Figure

SENTENCE_END = re.compile(r"[。！？!?；;\n]")
SENTENCE_REACH = 200
#: a date followed by 前 is a deadline: no later than it
DEADLINE_AFTER = re.compile(r"[ \u3000]*(?:以前|之前|前)")
#: the document dates in years of the Republic of China
ROC_MARK = re.compile(r"(?:中华民国|民国)[ \u3000]*[\d零〇一二三四五六七八九十百]+[ \u3000]*年")
#: a three-digit year (民国100年 is 2011): no Gregorian year and rarely a length of time
#: (also right after a thousands group that ends a flattened table row: 3,902104年)
#: (each pattern opens on a literal, its look-behind after it: a leading look-behind or optional
#: word makes `re` try the pattern at every character of the text)
GREGORIAN_YEAR = re.compile(r"(?:19|20)(?<!\d..)\d\d[ \u3000]*年")
ROC_YEAR = re.compile(r"(1(?:(?<![\d.,]1)|(?<=,\d{3}1))[0-3]\d)[ \u3000]*(?:年|学年度)")


def is_roc(text: str) -> bool:
    """The text dates in years of the Republic: it says 民国, or names two three-digit years.

    A Taiwanese report writes ``104年``, ``103年`` without the era; one ``100年`` may be a
    centenary (建党100年), two different ones are a calendar.
    """
    if ROC_MARK.search(text):
        return True
    seen: set[str] = set()
    count = 0
    for m in ROC_YEAR.finditer(text):
        seen.add(m.group(1))
        count += 1
    # a mainland text naming two anniversaries (建校110年, 130年历史) writes its own years in four digits
    return len(seen) > 1 and count > len(GREGORIAN_YEAR.findall(text))


def extract_figures(doc: Document) -> list[Figure]:
    figures, notes = figures_and_notes(doc.text, doc.year)
    doc.warnings.extend(notes)  # a figure repaired by a guess (≥ printed as 2) says so
    return figures


def figures_of(text: str, year: int | None = None) -> list[Figure]:
    """The figures of ``text``; ``year`` is the document's year (for month-day dates)."""
    return figures_and_notes(text, year)[0]


def figures_and_notes(text: str, year: int | None = None) -> tuple[list[Figure], list[str]]:
    """The figures of ``text`` and the notes of the repairs their reading guessed."""
    hits = scan(text, roc=is_roc(text))
    lex = lexicon()
    _resolve_dates(text, hits, year)
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    out = []
    for h in hits:
        if h.kind == "date" and h.value is None:
            continue
        i = bisect.bisect_right(ends, h.start)
        # a sentence is cut at 200 characters each side, so a text without stops stays linear
        a = max(ends[i - 1] if i > 0 else 0, h.start - SENTENCE_REACH)
        b = min(ends[i] if i < len(ends) else len(text), h.end + SENTENCE_REACH)
        cmp = h.cmp
        if cmp is None and h.kind not in ("date", "ratio"):
            cmp = _wrapped_cmp(text, h, lex)  # 90%及⏎以上: the word wrapped down a space-aligned column
        if h.kind == "date" and cmp is None and h.dates and (h.dates[-1].month or h.dates[-1].day) \
                and DEADLINE_AFTER.match(text, h.end):
            cmp = "<="  # 每月5日前, 3月底前: a deadline (1988年前 tells of the time before a year)
        out.append(Figure(text=text[h.start:h.end], start=h.start, end=h.end, kind=h.kind,  # type: ignore[arg-type]
                          value=h.value, unit=h.unit, cmp=cmp, sentence=text[a:b].strip()))
    return out, [h.note for h in hits if h.note]


def _wrapped_cmp(text: str, h: Hit, lex: Lexicon) -> str | None:
    tail = wrapped_cell_tail(text, h.start, h.end)
    return after_cmp(Context(tail, lex, False), 0) if tail else None


def _resolve_dates(text: str, hits: list[Hit], year: int | None) -> None:
    """Fill in missing years and relative months/days, then set each date's ISO value."""
    breaks = [m.start() for m in re.finditer("\n", text)]
    para_year: dict[int, int] = {}
    last: DateParts | None = None
    current = year if year is not None else _current_year(text, hits)
    last_year: int | None = None
    for h in hits:
        if h.kind != "date":
            continue
        para = bisect.bisect_right(breaks, h.start)
        resolved: list[DateParts] = []
        for p in h.dates:
            if p.next_day:
                if last is None or last.day is None:
                    resolved = []
                    break
                p = next_day(last)
            elif p.relative_month is not None and last is not None and last.month is not None:
                month = (last.month - 1 + p.relative_month) % 12 + 1
                p = DateParts(last.year, month, p.day)
            if p.relative_year is not None:
                anchor, offset = p.relative_year
                # 同年/次年 with no date before it: the document's own year is the best anchor
                base = current if anchor == "current" or last_year is None else last_year
                # unknown anchor: the date stays yearless rather than borrow a wrong year
                p.year = base + offset if base is not None else None
            elif p.year is None and p.month is not None:
                p.year = year if year is not None else para_year.get(para)
            if p.year is not None:
                last_year = p.year  # 11月至次年2月: the second end counts from the first
            resolved.append(p)
        if not resolved:
            h.value = None
            continue
        for p in resolved:
            if p.year is not None:
                para_year[para] = p.year
                last_year = p.year
            if p.month is not None:
                last = p
        isos = [p.iso() for p in resolved]
        h.value = isos[0] if len(isos) == 1 else isos


def _current_year(text: str, hits: list[Hit]) -> int | None:
    """The year a document without a known ``year`` calls 今年/本年: the one its ``今（108）年`` names.

    Reports of the Republic write the current year in brackets after 今/本; that is the
    anchor of 本年6月 and 去年1月 when the metadata gave the record no year.
    """
    for h in hits:
        if h.kind == "date" and text.startswith(("今（", "今(", "本（", "本("), h.start) and h.dates:
            return h.dates[0].year
    return None
