"""The document's own title (RECORDS.md ``title``) and where it stands in the text.

In order: a law database's ``法规名称``; the document a gazette order attaches
(``附修正「…设置要点」``); the caption of a table the text opens with; the
first line that looks like a title (short, no sentence punctuation, not furniture), or
the label of a run-in first line (``卫东区委工作规则 为坚持…``); an encyclopedia
infobox's name in the source text. The first line of a compilation (``第一篇:…``) is
its first piece, not a title: a compilation has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline import lexicon

HERE = Path(__file__).resolve().parent
_SENTENCE = set("。；;!?！？，,")
_RUNIN = re.compile(r"([^\s。，,；;:：!?！？]{2,24})[ \u3000]+\S.{20,}")
_COMPILATION = re.compile(r"第\s*[一二三四五六七八九十\d]+\s*篇")
_NUMBERED = re.compile(r"(?:[一二三四五六七八九十]+[、．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第\s*\S{1,4}\s*[条章节])")
#: ``字段：值`` lines and lone brackets of page chrome (``来源：河北日报``, ``【字号：``).
_FURNITURE = re.compile(r"^(?:[^。，,]{0,8}[：:].{0,20}|[【】\[\]].{0,6})$")
#: How many lines from the top may hold the title.
SEARCH_LINES = 25


@dataclass
class Title:
    text: str | None
    span: tuple[int, int] | None  # the title's stretch of the normalized text, when it has one


@cache
def cues(kind: str) -> tuple[str, ...]:
    return tuple(lexicon.of_kind(HERE / "title_cues.tsv", kind))


def _clean(title: str) -> str:
    title = title.strip().lstrip("#").strip()
    for ext in cues("file_ext"):
        if title.lower().endswith(ext):
            title = title[: -len(ext)]
    return title.strip()


def _lines(text: str):
    pos = 0
    for raw in text.split("\n"):
        yield pos, raw
        pos += len(raw) + 1


def find_title(text: str, source_text: str = "") -> Title:
    for pos, raw in _lines(text[:3000]):
        for key in cues("header"):
            m = re.match(rf"\s*{key}\s*[：:]\s*(.+?)\s*$", raw)
            if m:
                return Title(m.group(1), (pos, pos + len(raw)))
    head = text[:800]
    for pattern in cues("attached"):
        m = re.search(pattern, head)
        if m:
            return Title(m.group(1), (m.start(1), m.end(1)))
    seen = 0
    gazette = False  # after a gazette order's header the order's own prose precedes the title
    for pos, raw in _lines(text):
        if not raw.strip():
            continue
        seen += 1
        if seen > SEARCH_LINES:
            break
        if raw.startswith("\t"):  # a table first: its caption cell names it
            cell = raw.strip()
            if 2 <= len(cell) <= 30 and not any(ch in _SENTENCE for ch in cell):
                return Title(cell, None)
            break
        line = raw.strip().split("\t")[0].strip()
        start = pos + raw.index(line[0])
        if _COMPILATION.match(line):
            return Title(None, None)
        if any(re.search(p, line) for p in cues("skip_regex")):
            gazette = True
            continue
        if any(s in line for s in cues("skip_line")) or len(line) <= 2 or _FURNITURE.match(line) \
                or any(re.match(p, line) for p in cues("signature")):
            continue
        if _NUMBERED.match(line):
            break
        bare = _clean(line)
        if 3 <= len(bare) <= 40 and not any(ch in _SENTENCE for ch in bare) \
                and not bare.startswith(("【", "——", "-")):
            if re.search(r"[ \u3000]{2,}", bare):  # 主  任  张三: a name list, not a title
                continue
            return Title(re.sub(r"[ \u3000]+", " ", bare), (start, start + len(line)))
        m = _RUNIN.match(line)
        if m:
            return Title(m.group(1), (start, start + len(m.group(1))))
        if len(line) > 40 or any(ch in line for ch in "。，,；"):
            if gazette:
                continue
            break  # prose: the title, if any, came before
    for pattern in cues("infobox"):
        m = re.search(pattern, source_text or text)
        if m:
            return Title(m.group(1), None)
    return Title(None, None)
