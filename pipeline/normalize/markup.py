"""Markup residue: HTML tags and comments left in a text file (a saved page, a markdown export).

A tag is not text; ``<br>`` ends a line, other tags vanish. Lines that held
markup lose their leading indentation too: in page source, leading tabs are
the markup's nesting, not table cells (the table layout reserves TAB-led lines
for cells).
"""

from __future__ import annotations

import re

from gongwen.normalize.edits import Edit

TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*?)?/?>")
BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}
ENTITY = re.compile("|".join(map(re.escape, ENTITIES)))


def _comments(text: str) -> list[tuple[int, int, str]]:
    """``<!-- … -->`` spans. Found with ``str.find`` rather than a lazy regex: the regex
    retries from every ``<!--`` of a comment that is never closed and scans to the end
    each time (quadratic; 20 000 unclosed openers took 40 s). An unclosed one stays text."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append((start, end + 3, ""))
        pos = end + 3
    return out


def remove_markup(text: str) -> list[Edit]:
    """Edits deleting tags and comments (a ``<br>`` not followed by a line break becomes one)."""
    if "<" not in text and "&" not in text:
        return []
    spans: list[tuple[int, int, str]] = []
    spans += _comments(text)
    for m in TAG.finditer(text):
        rep = ""
        if BREAK_TAG.fullmatch(m.group()) and not text.startswith("\n", m.end()):
            rep = "\n"
        spans.append((m.start(), m.end(), rep))
    for m in ENTITY.finditer(text):
        spans.append((m.start(), m.end(), ENTITIES[m.group()]))
    if not spans:
        return []
    spans.sort()
    marked_lines = {text.rfind("\n", 0, s) + 1 for s, _, _ in spans}
    for ls in marked_lines:  # indentation of a line that held markup
        k = ls
        while k < len(text) and text[k] in " \t":
            k += 1
        if k > ls:
            spans.append((ls, k, ""))
    edits: list[Edit] = []
    for s, e, rep in sorted(spans):
        if edits and s < edits[-1].end:
            continue
        edits.append(Edit(s, e, rep))
    return edits
