"""Page furniture: what the site a text was copied from wrapped around it.

Upload banners, share links, page counters, UI buttons, ICP footers, injected
source notes and converter residue are patterns in ``furniture.txt`` (one
regular expression a line, so a research assistant can add a site's shape
without touching Python). Encyclopedia pages get one more rule,
:func:`encyclopedia_chrome`, because their infobox and table of contents are
only recognisable from each other (the contents list names the section lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gongwen import lexicon
from gongwen.normalize.edits import Edit
from gongwen.prefilter import scan

HERE = Path(__file__).resolve().parent
#: What a ``break`` removal leaves: a blank line, so the line joiner never joins across it
#: (the whitespace rule then reduces it to one line break).
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    line_break: bool  # the removed text separated two paragraphs
    site: bool = False  # the site's name before the match goes too
    line: bool = False  # the whole line holding the match goes


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    """The furniture patterns of ``furniture.txt``, compiled once."""
    out: list[Pattern] = []
    for regex, *options in lexicon.rows(HERE / "furniture.txt"):
        opts = " ".join(options).split()
        out.append(Pattern(re.compile(regex, re.MULTILINE), "break" in opts, "site" in opts, "line" in opts))
    return tuple(out)


def merge_spans(text: str, spans: list[tuple[int, int, bool]]) -> list[Edit]:
    """Edits deleting the union of ``spans`` (start, end, line_break).

    A removed span that covered whole lines also takes its line break, so no
    empty line is left where the furniture stood; a ``line_break`` span inside a
    line becomes a line break.
    """
    edits: list[Edit] = []
    for s, e, brk in sorted(spans):
        if s == e and not brk:
            continue
        if edits and s <= edits[-1].end:
            last = edits.pop()
            s, e = last.start, max(last.end, e)
            brk = brk or last.replacement == PARAGRAPH_BREAK
        edits.append(Edit(s, e, PARAGRAPH_BREAK if brk else ""))
    out: list[Edit] = []
    for ed in edits:
        s, e, rep = ed.start, ed.end, ed.replacement
        at_line_start = s == 0 or text[s - 1] == "\n"
        at_line_end = e == len(text) or text[e] == "\n"
        if at_line_start and at_line_end:
            rep = ""
            if e < len(text):
                e += 1
            elif s > 0 and (not out or out[-1].end < s):
                s -= 1
        elif rep == PARAGRAPH_BREAK and (at_line_start or at_line_end):
            rep = ""
        if out and s < out[-1].end:
            s = out[-1].end
        if e > s or (e == s and rep):
            out.append(Edit(s, e, rep))
    return out


#: A site's name before an injected note: 某某网-, (name, optional 网, dash, comma, spaces).
SITE_NAME = re.compile(r"[^\s。，,！？；：]{1,12}?网?-?[,，]?[ \t]*\Z")


def _site_name_start(text: str, start: int) -> int:
    """Where the site's name ending right before ``start`` begins (``start`` when there is none)."""
    m = SITE_NAME.search(text, max(0, start - 16), start)
    return m.start() if m and "网" in m.group() else start


def remove_furniture(text: str) -> list[Edit]:
    """Edits removing everything ``furniture.txt`` and the encyclopedia rule recognise.

    Each pattern is tried only where its words stand (:func:`gongwen.prefilter.scan`): most
    are line patterns whose words a text rarely holds."""
    spans: list[tuple[int, int, bool]] = []
    for p in patterns():
        footer = p.regex.pattern.endswith(r"\Z")  # "the rest of the page is its footer"
        for m in scan(p.regex, text):
            start, end = m.start(), m.end()
            if p.site:
                start = _site_name_start(text, start)
            if p.line:
                start = text.rfind("\n", 0, start) + 1
                end = text.find("\n", end)
                end = len(text) if end < 0 else end
            start, end = keep_content(text, start, m.start(), end, footer)
            spans.append((start, end, p.line_break))
    spans.extend(encyclopedia_spans(text))
    return merge_spans(text, spans)


# --- never more than the furniture ------------------------------------------------

#: A sentence: a run without sentence ends, line breaks, spaces or brackets, closed by a
#: sentence end. It only starts where such a run starts (the lookbehind), so a long run
#: without an end is scanned once, not once per character.
SENTENCE = re.compile(r"(?<![^。！？!?\s|\[\]])[^。！？!?\s|\[\]]+[。！？!?]")
SENTENCE_END = re.compile(r"[。！？!?]")
HAN = re.compile(r"[\u4e00-\u9fff]")
#: A sentence of content holds at least this many Han characters. Furniture is labels,
#: counters, buttons and names; it rarely closes a sentence of that length.
PROSE_HAN = 6
#: One ``label：value`` pair of a page's info line: a short label, a colon, one token as the
#: value (a date may carry its time after a space).
LABEL_VALUE = re.compile(r"[ \t\u3000]*[^\s:：，。,]{1,8}[:：][ \t\u3000]*"
                         r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?|[^\s]*)")


def prose_starts(text: str) -> list[int]:
    """Where the sentences of content in ``text`` start."""
    return [m.start() for m in SENTENCE.finditer(text) if len(HAN.findall(m.group())) >= PROSE_HAN]


def has_prose(text: str) -> bool:
    """Whether ``text`` holds a sentence of content (see :data:`PROSE_HAN`)."""
    return bool(prose_starts(text))


def label_run_end(text: str, pos: int, end: int) -> int | None:
    """Where a run of ``label：value`` pairs starting at ``pos`` ends (``None``: no label there).

    A value is one token (a date may carry its time); the first token that is
    neither a label nor a label's value ends the run.
    """
    stop = None
    while True:
        m = LABEL_VALUE.match(text, pos, end)
        if not m:
            return stop
        pos = stop = m.end()


def keep_content(text: str, start: int, anchor: int, end: int, footer: bool = False) -> tuple[int, int]:
    """Shrink the removal ``text[start:end]`` (matched at ``anchor``) so it takes no content.

    A pattern that takes "the whole line" or "the rest of the line" assumes the
    line is furniture; on a page flattened into one line (or a line that opens
    with chrome and goes on with the text) that assumption would delete the
    document. So the removal starts after the last sentence before the match
    when that sentence is content; when content follows the match it ends with
    the match's ``label：value`` pairs, or else at the first sentence end after
    which content follows. ``footer`` patterns remove a page's tail on purpose
    and are only clipped on the left.

    On a page of one line ``text[start:end]`` is the whole text for every match, so
    the sentences are read in windows growing from the match outwards
    (:func:`_last_end`, :func:`_prose_in`) instead of over the whole line each time.
    """
    if anchor > start:
        last = _last_end(text, start, anchor)
        if last is not None and _prose_in(text, start, last, backward=True):
            start = last
    if footer:
        return start, end
    if not _prose_in(text, anchor, end):
        return start, end
    labels = label_run_end(text, anchor, end)
    if labels is not None:
        return start, labels
    first_end = SENTENCE_END.search(text, anchor, end)
    if first_end and _prose_in(text, anchor, end, since=first_end.end()):
        return start, first_end.end()
    return start, end


#: The first window :func:`_last_end` and :func:`_prose_in` read (characters); it doubles.
WINDOW = 512


def _last_end(text: str, lo: int, hi: int) -> int | None:
    """Where the last sentence end in ``text[lo:hi]`` ends (an index into ``text``), or None."""
    size = WINDOW
    while True:
        a = max(lo, hi - size)
        ends = [m.end() for m in SENTENCE_END.finditer(text[a:hi])]
        if ends:
            return a + ends[-1]
        if a == lo:
            return None
        size *= 2


def _prose_in(text: str, lo: int, hi: int, since: int | None = None, backward: bool = False) -> bool:
    """Whether ``has_prose(text[lo:hi])``; with ``since``, whether one of its sentences of
    content starts at ``since`` or later (``since - lo`` ≤ the last of ``prose_starts``).

    The slice is read in windows that double: forward from ``lo`` (a window ending
    inside a sentence only leaves that sentence out, and a later window reads it
    whole), or ``backward`` from ``hi`` (a window starting inside a sentence reads
    its tail, which holds no more Han characters than the whole: content in the tail
    is content in the sentence).
    """
    size = WINDOW
    while True:
        if backward:
            a, b = max(lo, hi - size), hi
        else:
            a, b = lo, min(hi, lo + size)
        found = prose_starts(text[a:b])
        if since is None:
            if found:
                return True
        elif found and a + found[-1] >= since:
            return True
        if (a, b) == (lo, hi):
            return False
        size *= 2


# --- encyclopedia pages -------------------------------------------------------

#: Any of these marks a copied encyclopedia entry; only then are its chrome rules applied,
#: so an ordinary text's own ``编辑`` or ``[1]`` is never touched.
ENCYCLOPEDIA_MARKS = re.compile(r"收藏查看我的收藏|本词条缺少|词条标签[:：]|已投票\d")
#: The entry's name: after the vote counter, before the lock/stub notice.
ENTRY_NAME = re.compile(r"已投票\d*(?P<name>[^\s，。！]{2,30}?)(?:编辑)?(?:锁定)?本词条")
INFOBOX = re.compile(r"中文名[^。\n]{0,300}?(?=目录\s*1|\n|$)")
CONTENTS = re.compile(r"目录\s*1(?=\D)")
CITATION = re.compile(r"\[\d+(?:[-–,，]\d+)*\]")
#: The reference list closes the entry: removed to the end when that is footer-short.
REFERENCES = re.compile(r"参考资料\s*(?:\d+\s*[.．、])?[\s\S]{0,3000}\Z")
#: The entry page's own links and counters (album, statistics, last edit), wherever they stand.
PAGE_CHROME = re.compile(r"词条图册|更多图册|本词条对我有帮助|词条统计|浏览次数[:：]?\s*\d+次"
                         r"|编辑次数[:：]?\s*\d+次|最近更新[:：]?\s*[\d\-./年月日 :：]{6,20}")
#: A section line without a contents list: a short title after a sentence end, then ``编辑``.
SECTION_LINE = re.compile(r"(?<=[。！？；;\]])(?P<title>[^，,。；;！？\s]{2,30}?)编辑(?=\S)")


def encyclopedia_spans(text: str) -> list[tuple[int, int, bool]]:
    """Spans of an encyclopedia entry's chrome: infobox, contents, ``编辑`` links, citations, references.

    The entry's lead paragraph and its section titles stay; each section title
    becomes a line of its own.
    """
    if not ENCYCLOPEDIA_MARKS.search(text):
        return []
    spans: list[tuple[int, int, bool]] = []
    m = ENTRY_NAME.search(text)
    entry = m.group("name") if m else ""
    if m:  # the entry's name is a title line of its own
        spans.append((m.end("name"), m.end("name"), True))
    spans += [(b.start(), b.end(), True) for b in INFOBOX.finditer(text)]
    titles: list[str] = []
    c = CONTENTS.search(text)
    if c:
        titles, end = _contents(text, c.start(), entry)
        spans.append((c.start(), end, True))
    heads = [re.escape(entry + t) for t in titles if entry] + [re.escape(t) for t in titles]
    if heads:
        section = re.compile(rf"(?P<title>{'|'.join(heads)})编辑")
    else:
        section = SECTION_LINE
    for s in section.finditer(text):
        if c and s.start() < c.start():
            continue
        spans.append((s.start("title"), s.start("title"), True))
        spans.append((s.end("title"), s.end(), True))
    spans += [(x.start(), x.end(), False) for x in CITATION.finditer(text)]
    spans += [(x.start(), x.end(), False) for x in PAGE_CHROME.finditer(text)]
    r = REFERENCES.search(text)
    if r and not has_prose(r.group()):  # a reference list holds titles and links, no sentences
        spans.append((r.start(), r.end(), False))
    return [sp for sp in spans if sp[0] < sp[1] or sp[2]]


def _contents(text: str, start: int, entry: str) -> tuple[list[str], int]:
    """The titles of a contents list ``目录1主要职责2内设机构`` and where the list ends.

    Items are ``<n><title>`` with n counting up; the last title runs into the
    first section line, which repeats the first title (possibly after the
    entry's name), so the list ends where that line begins.
    """
    pos = start + 2
    titles: list[str] = []
    n = 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    while True:
        m = re.compile(rf"\s*{n}(?=\D)").match(text, pos)
        if not m:
            break
        nxt = re.compile(rf"(?<=\D){n + 1}(?=\D)").search(text, m.end(), min(line_end, m.end() + 40))
        if nxt:
            titles.append(text[m.end():nxt.start()].strip())
            pos = nxt.start()
            n += 1
            continue
        rest = text[m.end():line_end]
        first = titles[0] if titles else ""
        cut = -1
        for head in ([entry + first] if entry and first else []) + ([first] if first else []):
            k = rest.find(head, 1)
            if k > 0:
                cut = k
                break
        last = rest[:cut] if cut > 0 else rest[:20]
        titles.append(last.strip())
        return titles, m.end() + len(last)
    return titles, pos
