"""A web page's info lines, recognised by shape: stamps, counters, widgets and file data.

Every site prints its own variant of ``发布时间:2024-07-02 浏览次数:35 字体:[大 中 小]
分享到:``, sometimes one field a line (``发布日期:`` / ``2024-07-02`` / ``08:59``),
sometimes run into the first sentence of the text. What they share is their
shape: ``label:value`` pairs whose values are dates, times, counters or single
tokens, with no sentence among them. The labels and the value each takes are in
``page_info.tsv``; this module reads lines as sequences of such pairs:

- a line made only of pairs (and bare ``2024-07-02`` stamps), holding at least
  one pair that marks page chrome (a dated stamp, a counter, a widget, file
  data), goes; a site name before the pairs and a few short buttons after them
  go with it (``才智咖 人气:4.61K``, ``… 投稿交换 申请VIP``);
- a run of such lines goes too, with the value lines that follow a label left
  empty (``信息来源:`` / ``区日报社``), when the run holds a chrome pair — a lone
  ``来源:某某`` line is kept;
- pairs opening a line that goes on with the text (``发布时间:2018-05-14
  字体:[ 大 中 小 ]近年来,…``) go, the text stays;
- a publication stamp inside a line, after a space, goes with the site's
  domain before it and becomes a line break (``…申报表 www.example.gov.cn
  发布时间:2023-10-13 19:49 2023年…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gongwen import lexicon
from gongwen.normalize.edits import Edit
from gongwen.normalize.furniture import PARAGRAPH_BREAK

HERE = Path(__file__).resolve().parent
DATE = r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
STAMP = re.compile(rf"(?P<date>{DATE})(?:[ T]+{TIME}Z?)?|{TIME}")
#: The value each kind of label takes (possibly empty).
VALUES = {
    "stamp": STAMP,
    "count": re.compile(r"\d[\d,.]*[KkWw万]?[ \t]*(?:人次|次|人)?|次|[(（][ \t]*\d*[ \t]*[)）]"),
    "widget": re.compile(r"[\[【][ \t]*大[ \t]*中[ \t]*小[ \t]*[\]】]|大[ \t]*中[ \t]*小"),
    "file": re.compile(r"[^\s:：，。；,;]{1,24}?(?:[ \t]?(?:KB|MB|kb|mb|页))?(?=\s|$|[)）\]】])"),
    "who": re.compile(r"[^\s:：，。；,;]{1,20}(?=\s|$|[)）\]】])"),
    "credit": re.compile(r"[^\s:：，。；,;)）\]】]{1,20}(?=\s|$|[)）\]】])"),
}
OPEN = re.compile(r"[ \t\u3000|]*(?:[-•·][ \t]+)?[(（\[【]?[ \t]*")
CLOSE = re.compile(r"[ \t]*[)）\]】]?")
#: An info line shows a colon, a date or a time near its start (the site name before the
#: pairs is at most SHORT_TOKEN characters): other lines are not parsed at all.
QUICK = re.compile(r"[:：]|\d[-/.:]\d")
QUICK_REACH = 40
SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")
#: A site name before the pairs, buttons after them: short tokens without punctuation.
SHORT_TOKEN = 8
MAX_BUTTONS = 4
#: A value line after an empty label: short, no sentence punctuation.
VALUE_LINE_MAX = 20
#: The site's domain before an inline stamp.
DOMAIN = r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,6}"
#: Stamp labels a text uses for its own fields too (会议时间 written 时间:2026-01-05 in minutes):
#: alone before a text line they are its own (时间:2026-01-05 上午召开…), beside another pair
#: (来源:某某 日期:…) a page's stamp.
GENERIC = frozenset({"时间", "日期"})
#: Stamp labels specific enough to be recognised inside a line.
INLINE_LABELS = ("发布时间", "发布日期", "发表时间", "发表日期", "更新时间")


@lru_cache(maxsize=1)
def labels() -> tuple[dict[str, str], re.Pattern[str]]:
    """The labels of ``page_info.tsv`` with their kinds, and a pattern matching any of them."""
    kinds = {row[0]: row[1] for row in lexicon.rows(HERE / "page_info.tsv") if len(row) > 1}
    alts = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    return kinds, re.compile(rf"(?P<label>{alts})[ \t]*[:：]+[ \t]*")


@dataclass(frozen=True)
class Item:
    end: int
    chrome: bool  # marks the line as page chrome by itself
    empty: str  # the kind of a label whose value is missing (it may stand on the next line), else ""
    generic: bool = False  # 时间:/日期: — a text's own field as often as a page's stamp


def _item(line: str, pos: int) -> Item | None:
    """The ``label:value`` pair or bare stamp at ``pos`` (after separators), or ``None``."""
    kinds, label = labels()
    o = OPEN.match(line, pos)
    p = o.end() if o else pos
    m = label.match(line, p)
    if m:
        kind = kinds[m.group("label")]
        v = VALUES[kind].match(line, m.end())
        end = v.end() if v else m.end()
        has_value = end > m.end()
        dated = bool(v and v.groupdict().get("date"))
        chrome = {"stamp": dated, "count": True, "widget": True, "file": has_value,
                  "credit": has_value, "who": False}[kind]
        c = CLOSE.match(line, end)
        return Item(c.end() if c else end, chrome, "" if has_value else kind, m.group("label") in GENERIC)
    s = STAMP.match(line, p)
    if s and (s.end() == len(line) or not line[s.end()].isalnum()):
        c = CLOSE.match(line, s.end())
        return Item(c.end() if c else s.end(), bool(s.group("date")), "")
    return None


def _items(line: str, pos: int = 0) -> list[Item]:
    out: list[Item] = []
    while pos < len(line):
        it = _item(line, pos)
        if it is None or it.end <= pos:
            break
        out.append(it)
        pos = it.end
    return out


def _short_tokens(s: str, limit: int) -> bool:
    tokens = re.findall(r"[^\s【】\[\]]+", s)  # 【打印本页】【关闭窗口】: two buttons
    return 0 < len(tokens) <= limit and all(len(t) <= SHORT_TOKEN for t in tokens) \
        and not SENTENCE_PUNCT.search(s) and not re.search("[:：]", s)  # no label of the text's own


@dataclass(frozen=True)
class LineInfo:
    kind: str  # "info", "who", "value", "prefix", "other"
    chrome: bool = False
    empty_end: str = ""  # a lone label without its value: the kind of value the next line holds
    cut: int = 0  # for "prefix": where the text starts


def classify(line: str) -> LineInfo:
    """What ``line`` is: an info line, a line of source/author pairs, a prefix of pairs, other."""
    body = line.strip(" \t\u3000")
    if not body:
        return LineInfo("blank")
    if not QUICK.search(line[:QUICK_REACH]):  # no label, date or time where a pair would open
        return LineInfo("other")
    items = _items(line)
    if not items:  # a site name before the pairs?
        first = body.split(maxsplit=1)
        if len(first) == 2 and len(first[0]) <= SHORT_TOKEN and not SENTENCE_PUNCT.search(first[0]):
            start = line.index(first[1], line.index(first[0]) + len(first[0]))
            items = _items(line, start)
            if items and items[-1].end == len(line.rstrip()) and any(i.chrome for i in items):
                return LineInfo("info", True)
        if len(body) <= VALUE_LINE_MAX and not SENTENCE_PUNCT.search(body):
            return LineInfo("value")
        return LineInfo("other")
    chrome = any(i.chrome for i in items)
    rest = line[items[-1].end:].strip(" \t\u3000|")
    if not rest or (chrome and _short_tokens(rest, MAX_BUTTONS)):
        lone = items[0].empty if len(items) == 1 and not rest else ""
        return LineInfo("info" if chrome else "who", chrome, lone)
    if any(i.chrome and not i.generic for i in items) or (chrome and len(items) > 1):  # 来源:某某 日期:…
        return LineInfo("prefix", True, cut=items[-1].end)
    return LineInfo("other")


def _is_value(line: str, kind: str) -> bool:
    """Whether ``line`` is the value of a label of ``kind`` left empty on the line before."""
    body = line.strip(" \t\u3000")
    if kind in ("stamp", "count"):
        return VALUES[kind].fullmatch(body) is not None
    return 0 < len(body) <= VALUE_LINE_MAX and not SENTENCE_PUNCT.search(body) and " " not in body


def _inline_stamps(text: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"[ \t\u3000]+(?:{DOMAIN}[ \t\u3000]+)?(?:{'|'.join(INLINE_LABELS)})[ \t]*[:：][ \t]*"
                         rf"{DATE}(?:[ T]+{TIME})?")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def remove_page_info(text: str) -> list[Edit]:
    """Edits removing info lines, runs of them, info prefixes of text lines and inline stamps."""
    edits: list[Edit] = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    infos = [classify(x) for x in lines]
    i = 0
    while i < len(lines):
        info = infos[i]
        if info.kind == "prefix":
            edits.append(Edit(starts[i], starts[i] + info.cut))
            i += 1
            continue
        if info.kind not in ("info", "who"):
            i += 1
            continue
        j, chrome, run = i, False, []
        expect_value = ""
        while j < len(lines):
            k = infos[j].kind
            if k in ("info", "who"):
                chrome = chrome or infos[j].chrome
                expect_value = infos[j].empty_end
                run.append(j)
            elif expect_value and _is_value(lines[j], expect_value):
                expect_value = ""
                run.append(j)
            elif k != "blank":
                break
            j += 1
        if chrome:  # the lines are emptied, not joined: the lines around them stay apart
            edits.extend(Edit(starts[n], starts[n] + len(lines[n])) for n in run)
        i = max(j, i + 1)
    taken = [(e.start, e.end) for e in edits]
    edits.extend(Edit(s, e, PARAGRAPH_BREAK) for s, e in _inline_stamps(text)
                 if not any(s < b and a < e for a, b in taken))
    edits.sort(key=lambda e: e.start)
    return edits
