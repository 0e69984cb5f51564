"""The printed page's apparatus: running heads, page numbers and tables of contents.

A flipbook's or PDF's text layer keeps what the printed page carried around the
text: a running head (``Page 832 - 某某区志``, ``P. 832``, the book's title set
vertically and read out one fragment a line: ``某`` / ``某区`` / ``志``), and a
printed table of contents (headings with page numbers, or a teaser line listing
the headings the text then opens one by one). None of it is text, and a table of
contents gives no sections (RECORDS.md). Recognised by shape:

- ``Page N - title`` and ``P. N`` lines, and lines repeating that title;
- three or more consecutive lines of one to three characters whose
  concatenation is a line nearby (the vertical head and its horizontal copy);
- three or more consecutive lines ``heading …… page number`` (with leader dots, or
  under a ``目录`` line: a table's rows end in row numbers too);
- a line listing three or more headings (``一、职责 二、机构 三、编制``) of which
  at least two open lines further on.
"""

from __future__ import annotations

import re

from gongwen.normalize.edits import Edit
from gongwen.normalize.lines import line_head

PAGE_HEAD = re.compile(r"[ \t\u3000]*Page[ \t]*\d{1,4}[ \t]*[-–—][ \t]*(?P<title>\S.{0,40}?)[ \t]*")
PAGE_NUMBER = re.compile(r"[ \t\u3000]*P\.[ \t]*\d{1,4}[ \t]*")
#: A fragment of a vertical running head: one to three characters, no punctuation.
FRAGMENT = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff0-9A-Za-z]{1,3}[ \t\u3000]*")
MIN_FRAGMENTS = 3
FRAGMENT_LINE = 8  # characters, spaces included: longer lines are never tried
#: How far (in lines) the horizontal copy of a vertical head is looked for.
NEAR = 4
#: A contents entry: a heading, leader dots (group ``dots``) or spaces, a page number. Entries
#: with spaces only count under a ``目录`` line: a table's rows end in row numbers too
#: (``一、财政拨款收入 1``).
CONTENTS_ENTRY = re.compile(r"[ \t\u3000]*(?P<title>\S[^。；;]{1,40}?)(?:[ \t\u3000]*(?P<dots>[.…·．]{2,})[ \t\u3000]*|[ \t\u3000]+)\d{1,4}[ \t\u3000]*")
CONTENTS_HEAD = ("目录", "目次")
MIN_ENTRIES = 3
#: Heading markers inside a teaser line (一、 (一) 第一章 1、).
TEASER_MARK = re.compile(r"(?:^|(?<=[ \t\u3000]))(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]"
                         r"|第[一二三四五六七八九十]+[章节条]|\d{1,2}[、.])")
TEASER_ITEM_MAX = 20
#: Lines after a teaser searched for the headings it lists.
TEASER_REACH = 500


def _lines(text: str) -> tuple[list[str], list[int]]:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return lines, starts


def _running_heads(lines: list[str]) -> set[int]:
    drop: set[int] = set()
    titles: set[str] = set()
    for i, line in enumerate(lines):
        m = PAGE_HEAD.fullmatch(line) if "Page" in line else None
        if m:
            drop.add(i)
            titles.add(m.group("title"))
        elif "P." in line and PAGE_NUMBER.fullmatch(line):
            drop.add(i)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j]) <= FRAGMENT_LINE and lines[j].strip() and FRAGMENT.fullmatch(lines[j]):
            j += 1
        if j - i >= MIN_FRAGMENTS:
            joined = "".join(x.strip() for x in lines[i:j])
            near = [k for k in range(max(0, i - NEAR), min(len(lines), j + NEAR)) if not i <= k < j]
            copies = [k for k in near if lines[k].strip() == joined]
            if copies or any(joined in t or t in joined for t in titles):
                drop.update(range(i, j))
                drop.update(copies)
                titles.add(joined)
        i = max(j, i + 1)
    if titles:
        drop.update(k for k, line in enumerate(lines) if line.strip() in titles)
    return drop


def _contents(lines: list[str]) -> set[int]:
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        j, dotted = i, 0
        while j < len(lines) and lines[j].rstrip()[-1:].isdigit() and line_head().match(lines[j]):
            m = CONTENTS_ENTRY.fullmatch(lines[j])
            if not m:
                break
            dotted += bool(m.group("dots"))
            j += 1
        headed = i > 0 and lines[i - 1].strip().replace(" ", "") in CONTENTS_HEAD
        if j - i >= MIN_ENTRIES and (headed or dotted == j - i):
            drop.update(range(i, j))
            if headed:
                drop.add(i - 1)
        i = max(j, i + 1)
    return drop


def _teasers(lines: list[str]) -> set[int]:
    """Lines listing headings that open lines further on (an outline teaser)."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if len(line) > TEASER_ITEM_MAX * 8 or re.search(r"[。；;，,]", line):
            continue
        marks = list(TEASER_MARK.finditer(line))
        if len(marks) < MIN_ENTRIES:
            continue
        items = [line[m.start():(marks[k + 1].start() if k + 1 < len(marks) else len(line))].strip()
                 for k, m in enumerate(marks)]
        if any(len(x) > TEASER_ITEM_MAX for x in items):
            continue
        later = [x.strip() for x in lines[i + 1:i + 1 + TEASER_REACH]]
        opened = sum(1 for item in items if any(x.startswith(item) for x in later))
        if opened >= 2:
            drop.add(i)
    return drop


def remove_page_apparatus(text: str) -> list[Edit]:
    """Edits emptying running-head, page-number and contents lines (emptied, so the lines
    around them are never joined across them)."""
    lines, starts = _lines(text)
    drop = _running_heads(lines) | _contents(lines) | _teasers(lines)
    return [Edit(starts[k], starts[k] + len(lines[k])) for k in sorted(drop) if lines[k]]
