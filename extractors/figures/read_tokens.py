"""A bare number standing alone between spaces or line breaks: a table cell flattened into text.

Tables copied out of spreadsheets and PDFs reach the text as rows of numbers joined by
spaces (``其中:本年财政拨款 90 89.974 89.974``, ``95年 691,964 537,707``), one number a
line, or glued to the next row (``164,01596年``). Every number of such a cell is a
figure of kind ``number`` — its unit is the column's (RECORDS.md "Figures").

What the shape tells apart from a cell (so these stay unread):

* a code or identifier: a leading zero (``05``), seven or more digits without grouping
  commas (``20221013044707503``), or a year-like ``1900``–``2100`` without a unit (an account
  code ``2015 权利使用费`` or a header year; a year *with* 年 is the date reader's);
* the row or column numbers of a form (``9 10 11 12``): a run of consecutive integers;
* a number glued to the words on either side (``人口766579,``): prose, not a cell — only a
  thousands-grouped number may touch the next row, because its grouping ends it.
"""

from __future__ import annotations

import re

from gongwen.extractors.figures.common import Context, Hit
from gongwen.numerals import as_number

#: a cell's edge: a line break, a space, a TAB or a pipe
EDGE = " \t\u3000\n|｜"

GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")

PLAIN_RE = re.compile(r"\d+(?:\.\d+)?")

#: the next bare integer after a cell on the same line, past at most a short label
#: (``27 使用非财政拨款结余 28``: the row numbers of a form written after their labels)
NEXT_INT_RE = re.compile(r"[ \t\u3000]+(?:[^\d\s]{1,16}[ \t\u3000]+)?(\d{1,4})(?=[ \t\u3000\n]|$)")

#: the previous bare integer before a cell on the same line, past at most a short label
PREV_INT_RE = re.compile(r"(?:^|[ \t\u3000\n])(\d{1,4})[ \t\u3000]+(?:[^\d\s]{1,16}[ \t\u3000]+)?$")

#: the first bare integer of a line, after its label (``八、其他收入 8 11,122,315.04``)
LINE_FIRST_INT_RE = re.compile(r"^(?:[^\d\n]*?[ \t\u3000])?(\d{1,4})(?=[ \t\u3000|]|$)")

#: the first cell of a pipe row with more cells after it (``1001 | 農民活動``): the row's code or
#: number, not a value (a layout of one cell a line, ``0 |``, ends the line at the bar)
PIPE_FIRST_RE = re.compile(r"[ \t\u3000]*[|｜][ \t\u3000]*[^\s|｜]")

MAX_PLAIN_DIGITS = 6


def read_token(ctx: Context, s: int, e: int) -> Hit | None:
    """A number alone in its cell: kind ``number``, negative when a minus sign leads it."""
    text = ctx.text
    start = s
    if s > 0 and text[s - 1] in "-－−":
        start = s - 1  # -1,358: a signed cell, the minus after an edge
    if start > 0 and text[start - 1] not in EDGE:
        return None
    m = GROUPED_RE.match(text, s)
    if m:
        end = m.end()
        if end < len(text) and (text[end] == "," or text[end] == "." and text[end + 1:end + 2].isdigit()):
            return None
    else:
        m = PLAIN_RE.match(text, s)
        if m is None:
            return None
        end = m.end()
        raw = m.group(0)
        if end < len(text) and text[end] not in EDGE and not _decimal_edge(text, start, end, raw):
            return None
        whole = raw.split(".")[0]
        if len(whole) > 1 and whole.startswith("0") or len(whole) > MAX_PLAIN_DIGITS:
            return None
        if "." not in raw and (1900 <= int(whole) <= 2100 or _in_run(text, s, end, int(whole))):
            return None
    if (start == 0 or text[start - 1] == "\n") and PIPE_FIRST_RE.match(text, end):
        return None
    raw = m.group(0)
    value = float(raw.replace(",", ""))
    if start < s:
        value = -value
    return Hit(start, end, "number", as_number(value) if "." not in raw else value)


#: the bare integer that ends a line
LINE_END_INT_RE = re.compile(r"(?:^|[ \t\u3000])(\d{1,4})[ \t\u3000]*$")

LINE_REACH = 200


def _decimal_edge(text: str, start: int, end: int, raw: str) -> bool:
    """A decimal cell may end in a stray full stop (``7.50. 25.36``) or touch the next cell's
    words (``经费 49.8确保…``, after a space): its decimals make it a value, not a name."""
    if "." not in raw or start == 0 or text[start - 1] not in " \t\u3000":
        return False
    nxt = text[end]
    if nxt == ".":
        return end + 1 == len(text) or text[end + 1] in EDGE
    return "\u4e00" <= nxt <= "\u9fff"


def _in_run(text: str, s: int, end: int, n: int) -> bool:
    """``n`` is one of a run of consecutive integers: row or column numbers, not values.

    The run goes along a line (``9 10 11``) or down the ends of neighbouring lines
    (``五、事业收入 5`` then ``六、经营收入 6``: the 行次 column of a form).
    """
    nxt = NEXT_INT_RE.match(text, end)
    if nxt and int(nxt.group(1)) == n + 1:
        return True
    prev = PREV_INT_RE.search(text[max(0, s - 24):s])
    if prev and int(prev.group(1)) == n - 1:
        return True
    line_start = text.rfind("\n", max(0, s - LINE_REACH), s)
    first = LINE_FIRST_INT_RE.match(text[line_start + 1:s + (end - s)]) if line_start >= 0 or s < LINE_REACH else None
    at_end = end == len(text) or text[end] == "\n"
    if not at_end and not (first and first.start(1) + line_start + 1 == s):
        return False  # only the number ending a line, or the first after its label, may number it
    line_end = text.find("\n", end, end + LINE_REACH)
    for m, want in ((_line_number(text, line_start, before=True), n - 1),
                    (_line_number(text, line_end, before=False), n + 1)):
        if m == want and min(n, want) >= 1:  # rows are numbered from 1: 0 is a value
            return True
    return False


def _line_number(text: str, newline: int, before: bool) -> int | None:
    """The number of the line above (``before``) or below the line break at ``newline``."""
    if newline < 0 or newline >= len(text) or (before and newline == 0):
        return None
    if before:
        line = text[max(0, newline - LINE_REACH):newline].rsplit("\n", 1)[-1]
    else:
        line = text[newline + 1:newline + 1 + LINE_REACH].split("\n", 1)[0]
    for pattern in (LINE_END_INT_RE, LINE_FIRST_INT_RE):
        m = pattern.search(line)
        if m:
            return int(m.group(1))
    return None


#: a run of digits right before 年, too long for a year: a cell or a line's last number glued to the
#: year that starts the next row or line once the break between them is lost
#: (``78450 16401596年 720797`` is 164015 then 96年; ``共3200⏎2019年`` becomes ``32002019年``)
GLUED_YEAR_RE = re.compile(r"(\d{5,})(?=[ \u3000]*年)")

#: the oldest and newest year of the Republic a tail may name (民国1年 … 民国130年)
ROC_TAIL = range(1, 131)


def glued_year_tail(digits: str, roc: bool) -> int:
    """The length of the year at the end of ``digits`` (0 when none fits).

    A Gregorian year is four digits 1900–2099; in a text dated in years of the Republic the
    tail is the longest of three or two digits that is such a year, without a leading zero.
    """
    if 1900 <= int(digits[-4:]) <= 2099 and digits[-4] != "0":
        return 4
    if roc:
        for n in (3, 2):
            tail = digits[-n:]
            if tail[0] != "0" and int(tail) in ROC_TAIL:
                return n
    return 0


def read_glued_year(ctx: Context, s: int, e: int) -> Hit | None:
    """The number before a year it was glued to: kind ``number``; the year is read after it."""
    if e - s < 5:
        return None  # the common case, decided without a pattern
    m = GLUED_YEAR_RE.match(ctx.text, s)
    if m is None or m.end() != e:
        return None
    digits = m.group(1)
    n = glued_year_tail(digits, ctx.roc)
    head = digits[:-n] if n else ""
    if not head or (len(head) > 1 and head.startswith("0")) or len(head) > MAX_PLAIN_DIGITS:
        return None
    return Hit(s, s + len(head), "number", int(head))


#: an amount with two decimals (a 万元 column: 140.32, 284500.00), not part of a longer numeral
FUSED_AMOUNT_RE = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)\.\d\d(?![\d.%％‰])")


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def read_fused_amount(ctx: Context, s: int, e: int) -> Hit | None:
    """An amount cell whose row was copied with no separators: ``干部管理51.80负责县委…``.

    A .docx table copied as text runs a row's cells together; the label before the amount and
    the next cell's words after it touch the number. Prose gives a two-decimal number a unit or
    a stop after it, so two decimals between words (or before the line's end) make a cell.
    """
    text = ctx.text
    m = FUSED_AMOUNT_RE.match(text, s)
    if m is None or m.end() != e or s == 0:
        return None
    before, after = text[s - 1], text[e:e + 1]
    if not (_ideograph(before) or before in ")）"):
        return None
    if not (after in ("", "\n") or _ideograph(after)):
        return None
    return Hit(s, e, "number", float(m.group(0).replace(",", "")))
