"""Draft a brief (简报) from document records: extractive, every sentence traceable.

The officer edits the draft instead of starting from a blank page. Nothing is
invented: the lead, the practices, results, problems and next steps are
sentences of the source chosen by :mod:`gongwen.briefs.rank`; the part titles
(主要做法, 工作成效 …) are the brief's own fixed labels.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gongwen import lexicon
from gongwen.briefs.model import Brief, FigureRow, Part, Quote, Source
from gongwen.briefs.rank import Scored, candidates, rank
from gongwen.record import Document, Figure, Section
from gongwen.tokenize import tagged

#: Characters of quoted text a brief holds by default: one to two printed pages
#: (GB/T 9704 sets 22 lines of 28 characters a page), the rest left to the table.
DEFAULT_MAX_CHARS = 750
#: Rows of the key-figures table.
MAX_FIGURE_ROWS = 6

PART_TITLES = {"practices": "主要做法", "results": "工作成效", "problems": "存在问题", "next": "下一步打算"}


@dataclass(frozen=True)
class View:
    """A document, or one piece of a compilation: the range ``start:end`` of ``doc.text``."""

    doc: Document
    start: int
    end: int
    title: str

    def sections(self) -> list[Section]:
        return [s for s in self.doc.sections if self.start <= s.start < self.end]


def views(doc: Document, per_piece: bool = False) -> list[View]:
    """The whole document, or each level-1 piece of a compilation (``第一篇…``)."""
    title = doc.title or _first_line(doc.text)
    if per_piece:
        pieces = [s for s in doc.sections if s.level == 1]
        if len(pieces) > 1:
            return [View(doc, s.start, s.end, s.title) for s in pieces]
    return [View(doc, 0, len(doc.text), title)]


def build_brief(docs: list[Document], max_chars: int | None = DEFAULT_MAX_CHARS,
                per_piece: bool = False) -> list[Brief]:
    """One brief for the documents together, or (``per_piece``) one per compilation piece.

    ``max_chars`` bounds the quoted text of each brief (lead, headings and
    sentences): what ranks lowest goes first; None for no bound.
    """
    if per_piece:
        return [_brief([v], max_chars) for d in docs for v in views(d, per_piece=True)]
    return [_brief([v for d in docs for v in views(d)], max_chars)]


def _brief(vs: list[View], max_chars: int | None) -> Brief:
    ranked = {id(v): rank(v.doc, candidates(v.doc, v.start, v.end)) for v in vs}
    used: set[tuple[str, int]] = set()
    lead = [q for v in vs for q in _lead(v, ranked[id(v)], used)]
    parts = _parts(vs, ranked, used)
    brief = Brief(
        title=vs[0].title if len(vs) == 1 else "、".join(dict.fromkeys(v.title for v in vs)),
        lead=lead,
        parts=[p for p in parts if p.items],
        figures=_figure_rows(vs, ranked),
        sources=[Source(v.doc.doc_id, v.title, v.doc.source.path) for v in vs],
    )
    if max_chars is not None:
        _trim(brief, max_chars)
    return brief


def _quote(v: View, s: Scored) -> Quote:
    return Quote(s.sentence.text, v.doc.doc_id, s.sentence.start, s.sentence.end, s.why)


def _take(v: View, s: Scored, used: set[tuple[str, int]]) -> Quote | None:
    key = (v.doc.doc_id, s.sentence.start)
    if key in used:
        return None
    used.add(key)
    return _quote(v, s)


def _lead(v: View, ranked: list[Scored], used: set[tuple[str, int]]) -> list[Quote]:
    """Who, where, when: the first sentence naming the organization, region or year;
    then the most telling figure sentence."""
    names = [n for n in (v.doc.organization, v.doc.region) if n]
    year = str(v.doc.year) if v.doc.year else None
    by_pos = sorted(ranked, key=lambda s: s.sentence.start)
    head = next((s for s in by_pos if any(n in s.sentence.text for n in names)
                 or (year and year in s.sentence.text)), by_pos[0] if by_pos else None)
    out = [q for q in [_take(v, head, used) if head is not None else None] if q]
    figure_rich = max(ranked, key=lambda s: (s.n_figures, s.score), default=None)
    if figure_rich is not None and figure_rich.n_figures:
        q = _take(v, figure_rich, used)
        if q:
            out.append(q)
    return out


def _parts(vs: list[View], ranked: dict[int, list[Scored]], used: set[tuple[str, int]]) -> list[Part]:
    practices = Part(PART_TITLES["practices"])
    roles: dict[str, Part] = {r: Part(PART_TITLES[r]) for r in ("results", "problems", "next")}
    for v in vs:
        for sec in _practice_sections(v):
            role = section_role(sec.title)
            inside = [s for s in ranked[id(v)] if sec.start <= s.sentence.start < sec.end]
            head = _heading_quote(v, sec)
            if role:
                body = [q for s in inside[:2] if (q := _take(v, s, used))]
                if body:
                    roles[role].items.append((head, body))
                continue
            best = next((q for s in inside if (q := _take(v, s, used))), None)
            if best is not None:
                practices.items.append((head, [best]))
        roles["results"].items.extend((None, [q]) for q in _results(v, ranked[id(v)], used))
    return [practices, roles["results"], roles["problems"], roles["next"]]


def _results(v: View, ranked: list[Scored], used: set[tuple[str, int]], n: int = 3) -> list[Quote]:
    """The best figure-rich sentences not quoted yet, outside problem/next-step sections."""
    out: list[Quote] = []
    for s in ranked:
        sec = v.doc.section_at(s.sentence.start)
        in_role = any(section_role(p.title) for p in v.doc.section_path(sec.id)) if sec else False
        if len(out) < n and s.n_figures >= 2 and not in_role and (q := _take(v, s, used)):
            out.append(q)
    return out


def _practice_sections(v: View) -> list[Section]:
    """The sections that carry the report's practices: the top of the view's
    outline, where a section that only groups practices (``一、主要做法`` over
    ``(一)…(二)…``, or a lone title heading) is replaced by its children."""
    secs = v.sections()
    if not secs:
        return []
    top = min(s.level for s in secs)
    out: list[Section] = []
    for sec in (s for s in secs if s.level == top):
        children = [s for s in secs if s.parent == sec.id]
        groups = section_role(sec.title) is None and (len(children) >= 2 or sum(s.level == top for s in secs) == 1)
        out.extend(children if groups and children else [sec])
    return out


def _heading_quote(v: View, sec: Section) -> Quote | None:
    pos = v.doc.text.find(sec.title, sec.start, sec.start + len(sec.number) + len(sec.title) + 8)
    if pos < 0 or not sec.title:
        return None
    return Quote(sec.title, v.doc.doc_id, pos, pos + len(sec.title), "heading")


@cache
def _cues() -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in lexicon.rows(Path(__file__).with_name("cues.tsv"))]


def section_role(title: str) -> str | None:
    """``problems``, ``next`` or ``results`` when a section title says so (cues.tsv)."""
    return next((role for role, cue in _cues() if cue in title), None)


#: How much a figure's kind adds to its sentence's score when choosing key figures.
KIND_WEIGHT = {"money": 0.3, "percent": 0.25, "count": 0.15, "fraction": 0.1, "ratio": 0.1, "duration": -0.2}


def _figure_rows(vs: list[View], ranked: dict[int, list[Scored]], limit: int = MAX_FIGURE_ROWS) -> list[FigureRow]:
    """The key figures: money, shares and counts of the best-ranked sentences,
    chosen by sentence score plus a weight for the kind, listed in text order."""
    rows: list[FigureRow] = []
    for v in vs:
        sentences = sorted(ranked[id(v)], key=lambda s: s.sentence.start)
        starts = [s.sentence.start for s in sentences]
        picked = []
        for fig in v.doc.figures:
            if fig.kind not in KIND_WEIGHT or not v.start <= fig.start < v.end:
                continue
            i = bisect.bisect_right(starts, fig.start) - 1
            if i >= 0 and fig.start < sentences[i].sentence.end and _telling(fig) \
                    and (what := _what(v.doc.text, sentences[i], fig)):
                weight = sentences[i].score + KIND_WEIGHT[fig.kind] + _magnitude(fig)
                picked.append((weight, fig, sentences[i], what))
        best, seen = [], set()
        for t in sorted(picked, key=lambda t: -t[0]):
            if t[2].sentence.start not in seen and len(best) < max(1, limit // len(vs)):
                seen.add(t[2].sentence.start)  # one figure per sentence: the table should range widely
                best.append(t)
        for _, fig, sent, what in sorted(best, key=lambda t: t[1].start):
            rows.append(FigureRow(
                what=what,
                text=fig.text,
                value=_value_text(fig.value, percent=fig.kind == "percent", scaled=bool(re.search("[万亿萬億]", fig.text))),
                unit=fig.unit or "",
                date=_date_of(v.doc, sent, fig),
                source=_quote(v, sent),
            ))
    return rows


def _telling(fig: Figure) -> bool:
    """A definite count of one (``1名``, ``一次``) is rarely a key figure."""
    return not (fig.kind == "count" and isinstance(fig.value, int | float) and fig.value <= 1)


def _magnitude(fig: Figure) -> float:
    """Bigger totals tell more: 0.05 per order of magnitude, for counts and money."""
    value = fig.value[-1] if isinstance(fig.value, list) else fig.value
    if fig.kind in ("count", "money") and isinstance(value, int | float) and value > 1:
        return 0.05 * math.log10(value)
    return 0.0


#: Words that close a label before its number (`港口通过能力突破`12亿吨, `收入从`…`增长到`):
#: they belong to the sentence, not to what is counted.
LABEL_TAIL = ("增长到", "提高到", "下降到", "达到", "超过", "突破", "合计", "总计", "累计", "共计",
              "从", "由", "为", "达", "到", "至", "超", "约", "近", "逾", "共")


def _what(text: str, sent: Scored, fig: Figure) -> str | None:
    """What the figure counts. A count followed by a noun phrase counts that
    (``23名新考录的工作人员在…`` → ``新考录的工作人员``, see :func:`_counted_noun`);
    otherwise the clause before it up to where another number starts
    (`地区生产总值从2020年的3.68万亿元增长到` → `地区生产总值`), without the words that
    only lead to the number. None when the sentence does not say (``按照10%的比例``):
    a figure whose label would be a guess is left out of the table."""
    if fig.kind == "count" and (noun := _counted_noun(text[fig.end:sent.sentence.end])):
        return noun
    before = re.split(r"[，,。；;：:、（(]", text[sent.sentence.start:fig.start])[-1].strip()
    head = re.split(r"[\d０-９]", before, maxsplit=1)[0].strip()
    while head.endswith(LABEL_TAIL):
        head = head[: -len(next(w for w in LABEL_TAIL if head.endswith(w)))]
    if len(head) >= 4:
        return head[-16:]
    if len(before) >= 4:
        return before[-16:]
    return None


#: Tags (jieba's) that can head a noun phrase.
NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "vn", "j", "ng", "nrt", "an")


def _counted_noun(after: str) -> str | None:
    """The noun phrase right after a count (Chinese puts the counted thing after
    the number and its measure word: ``2~3个示范点``), up to its last noun before
    the predicate starts; None when a verb or preposition follows the count at
    once (``740人参加培训``: the thing counted is before it)."""
    clause = re.split(r"[，,。；;：:、（()）]", after, maxsplit=1)[0]
    words = tagged(clause)
    if not words or not (words[0][1] in NOUN_TAGS or words[0][1] in ("a", "b", "x")) or words[0][0] == "的":
        return None
    end, seen = 0, False
    for i, (word, tag) in enumerate(words):
        if tag in NOUN_TAGS:
            seen, end = True, i + 1
        elif seen and tag not in ("uj", "a", "b", "f") and word not in "“”‘’\"" \
                or tag in ("p", "d", "c") or word in ("在", "于", "和", "与", "及", "并"):
            break
    phrase = "".join(w for w, _ in words[:end]).strip()
    return phrase[-16:] if seen and len(phrase) >= 2 else None


def _value_text(value: object, percent: bool = False, scaled: bool = False) -> str:
    """A value as an officer writes it: shares in %, whole numbers without a decimal
    point, a range as ``a–b``; with ``scaled`` (the text wrote 万/亿) large amounts in
    万/亿 as the text did (4930000000000 → 4.93万亿), else the digits (36439)."""
    if isinstance(value, list):
        return "–".join(_value_text(v, percent, scaled) for v in value)
    if percent and isinstance(value, int | float):
        return f"{value * 100:.4g}%"
    if scaled and isinstance(value, int | float) and not isinstance(value, bool):
        for scale, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
            if abs(value) >= scale:
                return f"{value / scale:.6g}{word}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.6g}"
    return str(value)


def _date_of(doc: Document, sent: Scored, fig: Figure) -> str:
    dates = [f for f in doc.figures if f.kind == "date" and sent.sentence.start <= f.start < sent.sentence.end]
    before = [d for d in dates if d.start < fig.start]
    if dates:  # the nearest date before the figure (`从2020年的3.68万亿元增长到2025年的4.93万亿元`)
        return _value_text((before[-1] if before else dates[0]).value)
    return str(doc.year) if doc.year else ""


def _trim(brief: Brief, max_chars: int) -> None:
    """Drop what matters least until the quoted text fits in ``max_chars``: the
    lowest-ranked supporting sentences first (a practice whose last sentence goes
    goes with its heading), then the lead from its end. The lead's first sentence
    (who, where, when) goes last."""
    def score(q: Quote) -> float:
        m = re.search(r"→ ([0-9.]+)$", q.why)
        return float(m.group(1)) if m else 1.0

    while brief.chars() > max_chars:
        candidates = [(score(q), pi, ii, qi) for pi, p in enumerate(brief.parts)
                      for ii, (_, body) in enumerate(p.items) for qi, q in enumerate(body)]
        if not candidates:
            break
        _, pi, ii, qi = min(candidates)
        head, body = brief.parts[pi].items[ii]
        del body[qi]
        if not body:
            del brief.parts[pi].items[ii]
    while brief.chars() > max_chars and brief.lead:
        brief.lead.pop()
    brief.parts = [p for p in brief.parts if p.items]


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:40]
