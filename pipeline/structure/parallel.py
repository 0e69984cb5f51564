"""Parallel lead sentences: the unnumbered headings of a report, found by their shape.

Reports head their paragraphs with short sentences built in parallel (对仗):
``明晰思路,坚持标准化推进。`` / ``抓实过程,实施项目式管理。`` / ``融入中心,严格积分制考核。``
— the same number of clauses, each clause as long as its counterpart. Where the copy lost
its line breaks, such a series runs inside one paragraph (``…阵地模式。强组织,严格落实制度。
创新建立…``). Three sentences of the same clause signature, each followed by content, near
each other, make a series; two do when they also open alike (``坚持…``). A sentence right
before the series that opens its paragraph is the heading above it (a second level).

The classifier of :mod:`gongwen.structure.classifier` (P(heading) of a lead sentence)
confirms a series when the model is there; the shape decides alone when it is not.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gongwen.structure.headings import Heading
from gongwen.structure.lines import Line

#: A sentence (up to its end mark) and where it starts.
#: A sentence and its end mark; the mark is optional so a run without one is consumed in one
#: match (a required mark made finditer rescan an unpunctuated text from every position).
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_ENDS = "。！？!?"
#: Clause separators inside a lead sentence.
_CLAUSE = re.compile(r"[，,]")
#: A lead sentence has at most this many characters and clauses.
LEAD_MAX, CLAUSES_MAX = 24, 2
#: Content after each member before the next one: at least / at most this many characters.
CONTENT_MIN, CONTENT_MAX = 15, 900
#: A parent lead sentence above a series is at most this long.
PARENT_MAX = 50
#: Members needed: with the same signature only / with the same opening too.
SERIES_MIN, OPENING_SERIES_MIN = 3, 2

LeadScore = Callable[[Sequence[str]], list[float]]


@dataclass
class Sentence:
    start: int
    end: int  # before the end mark
    text: str
    line: Line
    para_start: bool  # opens its paragraph (or follows a blank that stands for a lost break)
    index: int  # position in the document's sentence list
    para_end: int  # where its paragraph ends


def _signature(s: str) -> tuple[int, ...] | None:
    """Clause lengths of a lead sentence (``明晰思路,坚持标准化推进`` → (4, 7)), or None when
    the sentence cannot be a lead (too long, one clause, other punctuation inside)."""
    if len(s) > LEAD_MAX or any(ch in s for ch in "；;:：、（）()《》 \u3000"):
        return None
    parts = _CLAUSE.split(s)
    if not 2 <= len(parts) <= CLAUSES_MAX or any(len(p) < 2 for p in parts):
        return None
    return tuple(len(p) for p in parts)


def sentences(text: str, spans: list[tuple[int, int, Line]]) -> list[Sentence]:
    """The sentences of the given paragraph spans, in order."""
    out: list[Sentence] = []
    for start, end, line in spans:
        for m in _SENTENCE.finditer(text, start, end):
            if m.group(0)[-1] not in _ENDS:  # a run with no end mark is no sentence
                continue
            a = m.start()
            lead = len(m.group(0)) - len(m.group(0).lstrip(" \u3000"))
            a += lead
            para_start = a == start or text[a - 1] in " \u3000" or lead > 0
            out.append(Sentence(a, m.end() - 1, text[a:m.end() - 1], line, para_start, len(out), end))
    return out


def _series(cands: list[Sentence], all_sents: list[Sentence]) -> list[list[Sentence]]:
    """Groups of candidates with one signature, each member close to the next."""
    groups: dict[tuple[int, ...], list[list[Sentence]]] = {}
    for s in cands:
        sig = _signature(s.text)
        assert sig is not None
        runs = groups.setdefault(sig, [])
        if runs and CONTENT_MIN <= s.start - runs[-1][-1].end <= CONTENT_MAX and s.index > runs[-1][-1].index + 1:
            runs[-1].append(s)
        else:
            runs.append([s])
    out = []
    for runs in groups.values():
        for run in runs:
            opening = os.path.commonprefix([s.text for s in run])
            if len(run) >= SERIES_MIN or (len(run) >= OPENING_SERIES_MIN and opening):
                out.append(run)
    return out


def parallel_leads(text: str, spans: list[tuple[int, int, Line]], lead_score: LeadScore | None) -> list[Heading]:
    """Headings made by series of parallel lead sentences in the paragraph ``spans``."""
    sents = sentences(text, spans)
    cands = [s for s in sents if _signature(s.text) is not None]
    out: list[Heading] = []
    for run in _series(cands, sents):
        if run[-1].para_end - run[-1].end < CONTENT_MIN:
            continue  # the last member needs content of its own
        if lead_score is not None:
            scores = lead_score([s.text for s in run])
            if sum(scores) / len(scores) < 0.5:
                continue
        first = run[0]
        before = sents[first.index - 1] if first.index > 0 else None
        if before is not None and before.para_start and len(before.text) <= PARENT_MAX and before.line is first.line:
            out.append(_heading(before, "lead_parent"))
        out.extend(_heading(s, "parallel") for s in run)
    return out


def _heading(s: Sentence, style: str) -> Heading:
    return Heading(s.start, style, None, "", None, s.text, s.end, s.line.index, s.start == s.line.start,
                   evidence=style)
