"""The outline of a document: every heading with its level and extent (RECORDS.md "Sections").

:func:`outline` is the library call behind the ``structure`` stage and ``gongwen outline``:
find the marked and unmarked headings (:mod:`headings`, :mod:`unnumbered`, series of
parallel lead sentences in :mod:`parallel`, the points of text stripped of punctuation in
:mod:`unpunctuated`), drop what is not part of the outline (a law database's header and
amendment history, a law's preamble, the numbered items inside an article, the title
line and its echoes, the lines of a table flattened into text, a budget table document
as a whole), then give levels (:mod:`levels`) and extents.

Copies from sharing sites lose what marks a heading: line breaks (markers then run into
lines: :func:`lines.segments`, confirmed by their count in :func:`lines.confirm_run_in`),
punctuation, or gain a site's chunk numbers (:func:`lines.chunk_numbers`). Each repair is
a shape that holds for the phenomenon, checked by the count of the series it belongs to:
a document stripped of its marks has its bare points counted across lines
(:func:`unpunctuated.stripped_points`); in a line holding a page run together, articles
and 【…】 entries run in, run-in labels open sentences, and points whose titles ran on are
cut at their head noun (:func:`headings.noun_title`); where a conversion spaced words out
all through the text, a blank sets no title off (:func:`lines.spaced_words`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gongwen.record import Section
from gongwen.structure import headings as hd
from gongwen.structure import unnumbered as un
from gongwen.structure.levels import Placed, assign
from gongwen.structure.lines import (
    LOST_BREAKS_MIN,
    Line,
    Segment,
    articles_at_line_start,
    breaks_lost,
    chunk_numbers,
    confirm_run_in,
    content_lines,
    flattened_table,
    join_bare_numbers,
    segments,
    spaced_words,
    words,
)
from gongwen.structure.markers import CITED_AFTER
from gongwen.structure.parallel import parallel_leads
from gongwen.structure.unpunctuated import WHOLE_TITLE_MAX, run_in_points, stripped, stripped_points

#: Doc types whose numbered units are rules and duties: a lead sentence does not make a heading.
NO_LEAD_TYPES = {"work_rules", "duty_list", "budget_table"}
_STRUCTURAL_LINE = re.compile(r"[ \u3000]*(?:#+[ \u3000]*)?第\s*[〇零一二三四五六七八九十百\d]+\s*[章节条]" f"(?![{CITED_AFTER}])")

#: A law's first chapter or article (``第一章``, ``第 1 条``), not a reference to it.
_FIRST_UNIT = re.compile(f"第\\s*[一1]\\s*[章条](?![{CITED_AFTER}文])")

#: Doc types that are a table (预算绩效目标表): a table has no sections, so neither has the
#: document; its label cells (``项目总体概况``, ``年度主要目标``) are table structure.
TABLE_TYPES = {"budget_table"}

LeadScore = Callable[[Sequence[str]], list[float]]
#: No title line is longer; a longer span handed over as the title holds the body too.
TITLE_SPAN_MAX = 120


def outline_begin(text: str) -> int:
    """Where the outline may start: after a LawRefBook preamble, or after a law database's
    header (``法规名称：…``, ``沿革内容：`` and the amendment history)."""
    for marker in words("lexicon.tsv", "preamble_end"):
        i = text.find(marker)
        if i >= 0:
            return i + len(marker)
    head = text.lstrip()[:200]
    if not any(head.startswith(k) for k in words("lexicon.tsv", "law_header")):
        return 0
    pos = 0
    for line in text.split("\n"):
        if _STRUCTURAL_LINE.match(line):
            return pos
        pos += len(line) + 1
    m = re.search(r"\n[ \u3000]*\n(?=\S)", text)
    if m:
        return m.end()
    # the breaks were lost: the header runs into the law, which opens with its first
    # chapter or article (a history's `修正第 3 条条文` is a reference, not an article)
    m = _FIRST_UNIT.search(text)
    return m.start() if m else 0


#: The marker style of the points of a rule written in points (一、二、…).
POINT_STYLE = "cn_dun"


def _numbered(segs: list[list[Segment]], lead_allowed: bool, lead_score: LeadScore | None,
              points: bool = False, spaced: bool = False, run_on: bool = False) -> list[hd.Heading]:
    """Headings among the marked segments. Series are judged between ranked headings (and
    between the points of a rule in points), so the items of one article never vote on
    the headings of another. ``run_on``: the document lost its line breaks."""
    out: list[hd.Heading] = []
    stretch: list[hd.Unit] = []
    for line_segs in segs:
        for seg in line_segs:
            if seg.style is None:
                continue
            if points and seg.style.name == POINT_STYLE and seg.at_line_start:
                out.extend(hd.decide(stretch, lead_allowed, lead_score))
                stretch = []
                out.append(hd.point(seg))
            elif seg.style.rank is not None:
                out.extend(hd.decide(stretch, lead_allowed, lead_score))
                stretch = []
                out.append(hd.ranked(seg, spaced))
            elif seg.style.name == "bracket":
                if not un.not_a_title(seg.match.group("title") if seg.match else ""):
                    out.append(hd.bracket(seg))
            elif seg.style.name == "cn_shi" and not seg.at_line_start:
                continue
            else:
                stretch.append(hd.gather(seg, spaced, run_on))
    out.extend(hd.decide(stretch, lead_allowed, lead_score))
    return out


def _skip_blanks(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \u3000\t:：":
        pos += 1
    return pos


def _unnumbered(text: str, lines: list[Line], segs: list[list[Segment]],
                found: list[hd.Heading], lead_score: LeadScore | None = None) -> list[hd.Heading]:
    """Label lines, run-ins and label-sentence series, given the numbered headings found."""
    by_line: dict[int, list[hd.Heading]] = {}
    for h in found:
        by_line.setdefault(h.line_index, []).append(h)
    out: list[hd.Heading] = []
    paras: list[un.Paragraph | None] = []
    bare = stripped(lines)

    def take_rest(start: int, end: int, line: Line, allow_runin: bool = True) -> None:
        start = _skip_blanks(text, start, end)
        if end - start < 2:
            return
        para = un.Paragraph(start, end, line)
        h = un.runin(text, para, bare) if allow_runin else None
        if h is not None:
            out.append(h)
            take_rest(h.title_end, end, line, allow_runin=False)
        else:
            paras.append(para)

    parallel = un.parallel_labels(lines, [s[0].style is None and s[0].end == ln.end for s, ln in zip(segs, lines, strict=True)],
                                  {i for i, hs in by_line.items() if any(h.whole_line for h in hs)})
    for i, line in enumerate(lines):
        first = segs[i][0]
        if i in parallel:
            h = un.label(line)
            out.append(h)
            by_line.setdefault(i, []).append(h)
            paras.append(None)
            continue
        if first.style is not None:
            paras.append(None)
            for h in by_line.get(i, []):
                # the content after a bracket or run-in title starts a paragraph of its own;
                # after a bracket heading it may open with a run-in label (【…】 选拔任用 按…)
                if h.start == first.start and h.style == "bracket":
                    take_rest(h.title_end, first.end, line)
                elif h.start == first.start and h.evidence == "runin":
                    take_rest(h.title_end, first.end, line, allow_runin=False)
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        next_numbered = nxt is not None and segs[i + 1][0].style is not None
        # a label right under a heading line is its subtitle; under a chapter or section
        # of a gazetteer (第二节 党组织建设 / 党员发展) it is the next level's topic
        # (a line repeating the chapter's title is its echo all the same)
        after_heading = any(h.whole_line and (h.rank is None or h.title in line.text or line.text in h.title)
                            for h in by_line.get(i - 1, []))
        # where the marks were stripped every line looks like a label: only a short one may be
        if first.end == line.end and not (bare and len(line.text) > WHOLE_TITLE_MAX):
            h = un.label_line(text, line, lines[i + 1:i + 4], next_numbered, after_heading, lead_score,
                              lines[i - 1] if i else None)
            if h is not None:
                out.append(h)
                by_line.setdefault(i, []).append(h)
                paras.append(None)
                continue
        take_rest(first.start, first.end, line)
    out.extend(un.label_series(text, paras, lead_score))
    # whether the text lost its breaks is decided for the whole document: then every long
    # line may hold paragraphs run together, not only the longest
    lost = not bare and breaks_lost(lines)
    run_lines = [ln for ln in lines if len(ln.text) >= (LOST_BREAKS_MIN if lost else RUNIN_PARAGRAPH_MIN)]
    out.extend(_runins_after_stops(text, run_lines, {h.start for h in out} | {h.start for h in found}, bare))
    if lost:
        out.extend(un.run_label_sentences(text, run_lines, out + found, lead_score))
    # parallel lead sentences are looked for in every line, numbered or not (a sharing
    # site's chunk numbers `1、` open lines that are paragraphs of the report), and in
    # every kind of document: their shape and the classifier are the evidence, and the
    # document type of a page copied from a sharing site is often a guess
    points = stripped_points(text, lines) if bare else []
    if points:  # a document stripped of its punctuation: its points are counted across lines
        at = {h.start for h in points}
        out = [h for h in out if h.start not in at] + points
    else:
        for line in lines:
            out.extend(run_in_points(text, line))
    taken = {h.start for h in out} | {h.start for h in found}
    spans = [(ln.start, ln.end, ln) for ln in lines]
    out.extend(h for h in parallel_leads(text, spans, lead_score) if h.start not in taken)
    return out


#: A paragraph this long holds several paragraphs run together (a long paragraph of its own
#: may have a blank after a phrase that is no label).
RUNIN_PARAGRAPH_MIN = 4 * LOST_BREAKS_MIN
RUNIN_WINDOW = 200
_SENTENCE_START = re.compile(r"(?<=[。；;！？!?】〕])[ \u3000]*(?=\S)")


def _runins_after_stops(text: str, lines: list[Line], taken: set[int], bare: bool) -> list[hd.Heading]:
    """Run-in labels opening a sentence of the ``lines`` that hold several paragraphs run
    together (the document's breaks were lost): the label that
    opened its own paragraph now follows the sentence before it (``…组织保证。村居基层
    基础工作整治 2012年11月,…``), still set off from its content by a blank."""
    out: list[hd.Heading] = []
    for line in lines:
        for m in _SENTENCE_START.finditer(text, line.start + 1, line.end):
            if m.end() in taken:
                continue
            # a window, not the rest of the line: the label's content is judged by its start,
            # and the scan stays linear on a page-long line
            h = un.runin(text, un.Paragraph(m.end(), min(line.end, m.end() + RUNIN_WINDOW), line), bare)
            if h is not None:
                out.append(h)
    return out


#: A label line this long that the title line contains, and that is at least half of the
#: title's Chinese text, is the title printed again (not a part named in it: `内设机构`).
ECHO_MIN = 4


def _repeats_title(h: hd.Heading, title_text: str | None) -> bool:
    """An unnumbered line that repeats the document's title (a gazette order names the
    document, then prints its title again, maybe with 修正规定 after it)."""
    if h.number or not title_text or len(title_text) < 6:
        return False
    t = re.sub(r"[「」\s]", "", h.title)
    t = t[1:] if t.startswith("附") else t  # 附「…設置要點」: the order names what it attaches
    hanzi = "".join(re.findall(r"[\u4e00-\u9fff]", title_text))
    if h.style == "label" and len(t) >= ECHO_MIN and t in hanzi and len(t) * 2 >= len(hanzi):
        return True  # a running header or the title printed again (`舟山市定海区志` of `Page 832 - 舟山市定海区志`)
    return any(t == title_text + ("" if e == "-" else e) for e in words("lexicon.tsv", "title_echo"))


def _keep(hs: list[hd.Heading], title_span: tuple[int, int] | None,
          title_text: str | None = None) -> list[hd.Heading]:
    """Drop headings that are not part of the outline."""
    hs = sorted(hs, key=lambda h: h.start)
    if title_span is not None:
        hs = [h for h in hs if not (title_span[0] <= h.start < title_span[1])]
    hs = [h for h in hs if not _repeats_title(h, title_text)]
    has_articles = any(h.style == "tiao" for h in hs)
    kept: list[hd.Heading] = []
    last_ranked: hd.Heading | None = None
    seen_styles: set[str] = set()
    for h in hs:
        if h.rank is not None:
            last_ranked = h
        elif has_articles and (last_ranked is None or last_ranked.style == "tiao"):
            continue  # a law's preamble, or the items of an article
        if (h.rank is None and h.ordinal not in (None, 1) and h.style not in seen_styles and not h.at_line_start
                and h.evidence != "noun"):
            continue  # a stray number inside a sentence (not one of a series of run-in points)
        seen_styles.add(h.style)
        kept.append(h)
    return kept


def _section_ends(placed: Sequence[Placed], text_end: int) -> list[int]:
    """Where each section ends: at the next heading of its level or above, else at
    ``text_end``. One pass with a stack of the sections still open (their levels rise
    from bottom to top), not a scan of the rest of the list per section."""
    ends = [text_end] * len(placed)
    open_: list[int] = []
    for j, q in enumerate(placed):
        while open_ and placed[open_[-1]].level >= q.level:
            ends[open_.pop()] = q.heading.start
        open_.append(j)
    return ends


def outline(text: str, *, doc_type: str | None = None, skip: list[tuple[int, int]] | None = None,
            title_span: tuple[int, int] | None = None, lead_score: LeadScore | None = None,
            title_text: str | None = None) -> tuple[list[Section], list[str]]:
    """The sections of ``text`` and warnings about numbering that looked wrong.

    ``skip``: spans that hold no headings (tables); ``title_span``: the document's title
    line, which is not a section; ``doc_type`` decides whether lead sentences may head
    numbered paragraphs; ``lead_score`` is the optional heading-vs-item classifier.
    """
    if doc_type in TABLE_TYPES:
        return [], []
    if title_span is not None and title_span[1] - title_span[0] > TITLE_SPAN_MAX:
        title_span = None  # a "title" that long is the text whose line breaks were lost, not a title line
    lines = join_bare_numbers(text, content_lines(text, skip, outline_begin(text)))
    segs = chunk_numbers(lines, articles_at_line_start(confirm_run_in([segments(text, line) for line in lines])))
    points = bool(title_text) and title_text.endswith(words("lexicon.tsv", "point_genre"))
    numbered = _numbered(segs, doc_type not in NO_LEAD_TYPES, lead_score, points, spaced_words(text),
                         not stripped(lines) and breaks_lost(lines))
    tabular = flattened_table(lines, stripped(lines))
    found = [h for h in numbered + _unnumbered(text, lines, segs, numbered, lead_score)
             if h.rank is not None or h.line_index not in tabular]
    found = _keep(found, title_span, title_text)
    last = found[-1] if found else None
    if (last is not None and last.rank is None and any(ch in last.title for ch in "，,")
            and not text[last.title_end:].strip(" \u3000\n\t:：。")):
        found = found[:-1]  # a sentence-long "heading" with nothing under it closing the text: a cut-off line
    placed = assign(found)
    sections: list[Section] = []
    warnings: list[str] = []
    ends = _section_ends(placed, len(text))
    for i, p in enumerate(placed):
        end = ends[i]
        h = p.heading
        sections.append(Section(id=f"s{i + 1}", parent=None if p.parent is None else f"s{p.parent + 1}",
                                level=p.level, number=h.number, title=h.title, start=h.start, end=end))
        if p.suspect:
            warnings.append(f"structure: heading {h.number}{h.title} at {h.start} breaks its numbering")
    return sections, warnings
