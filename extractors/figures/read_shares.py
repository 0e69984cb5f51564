"""Readers of shares: ratios (``1 : 3``, ``8.3∶41.4∶50.3``), fractions (``三分之二``,
``1/3``, ``百分之七十``) and halves (``半数``, ``半年``)."""

from __future__ import annotations

import re

from gongwen.extractors.figures.bounds import after_cmp, before_cmp
from gongwen.extractors.figures.common import (
    CONN_RE,
    NUM,
    SPACE,
    Context,
    Hit,
    next_char,
    num,
)
from gongwen.extractors.figures.read_dates import MORE_AFTER_RE
from gongwen.numerals import DIGITS, as_number

RATIO_RE = re.compile(r"(\d+(?:\.\d+)?)((?:[ \u3000]*[:：∶][ \u3000]*\d+(?:\.\d+)?)+)(?![\d年月日号])")

#: a converter that spaces out characters may split the word: 三分 之二
FRACTION_RE = re.compile(rf"(?P<den>{NUM}){SPACE}*分{SPACE}?之{SPACE}*(?P<num>{NUM})")

SLASH_RE = re.compile(r"(\d{1,2})[/／](\d{1,3})(?![\d/／年月日])")

#: 1比4: a ratio written with 比 between two plain numbers (not 比上年, not 2比3%)
BI_RATIO_RE = re.compile(r"(\d+(?:\.\d+)?)比(\d+(?:\.\d+)?)(?![\d.%％年月日号])")

#: 七比三, 一比一: a ratio in Chinese numerals; only when a stop or 的 follows it, since
#: slogans are built the same way (三比三看, 一比二争)
HZ_BI_RATIO_RE = re.compile(r"([一二两三四五六七八九十]{1,3})比([一二两三四五六七八九十]{1,3})(?=[的，。；、,;）)\s]|$)")

#: 三成, 两成半, 3成: tenths of a whole; the characters after 成 that make it a verb or a word
#: (成为, 成立, 成员, 成果 …) rule it out
#: 八成五 = 0.85: a digit after 成 counts hundredths (not when a measure word follows it: 三成五个)
TENTHS_RE = re.compile(r"([一二两三四五六七八九]|\d(?:\.\d+)?)成(?:(半)|([一二三四五六七八九])(?![个项次名人家条件位种]))?"
                        r"(?![为立员果本功绩效就熟长交型品分都人事])")

#: 5.1倍, 一倍, 两倍多: a multiple; 翻一番, 翻两番: doublings
TIMES_RE = re.compile(rf"({NUM})(多|余)?倍(多|余)?")
DOUBLINGS_RE = re.compile(r"([一二两三四五六七八九十])番")

HALF_RE = re.compile(r"半(?:(?P<share>数)|(?P<unit>年|天|个月|小时|个小时))")


def read_ratio(ctx: Context, s: int, e: int) -> Hit | None:
    """``1 : 3``, ``8.3∶41.4∶50.3`` in any colon width; clock times (``8:00``) are not ratios."""
    text = ctx.text
    if text.startswith("比", e):
        b = BI_RATIO_RE.match(text, s)
        if b and not text[max(0, s - 1):s].isdigit():
            return Hit(s, b.end(), "ratio", [as_number(float(b.group(1))), as_number(float(b.group(2)))])
        h = HZ_BI_RATIO_RE.match(text, s)
        if h and h.end(1) == e:
            a, b2 = num(h.group(1)), num(h.group(2))
            if a is not None and b2 is not None:
                return Hit(s, h.end(), "ratio", [as_number(a), as_number(b2)])
        return None
    if next_char(text, e) not in (":", "：", "∶"):
        return None
    m = RATIO_RE.match(text, s)
    if not m:
        return None
    parts = [m.group(1)] + re.split(r"[ \u3000]*[:：∶][ \u3000]*", m.group(2).strip(" \u3000:：∶"))
    spaced = m.group(2) != m.group(2).replace(" ", "")
    if not spaced and all(len(p) == 2 and p.isdigit() for p in parts[1:]) and len(parts) == 3:
        return None  # 09:45:30 is a clock time
    if len(parts) == 2 and not spaced and "." not in m.group(0):
        # 8:00, 2:30 are clock times unless the text calls them a proportion (按1:10)
        if len(parts[1]) == 2 and float(parts[0]) <= 24 and not re.search(r"(?:按|比|为|是|比例)$", text[max(0, s - 2):s]):
            return None
    if "：" in m.group(0) and not spaced and any(len(p.split(".")[0]) > 3 for p in parts):
        return None  # 附件1：2013 — a label, not a proportion
    values = [as_number(float(p)) for p in parts]
    return Hit(s, m.end(), "ratio", values)


def read_fraction(ctx: Context, s: int, e: int) -> Hit | None:
    """``三分之二``, ``1/3``; ``百分之七十`` and ``千分之五`` are percentages."""
    text = ctx.text
    if not (text.startswith("分之", e) or text.startswith(("/", "／"), e) or next_char(text, e) == "分"):
        return None
    m = FRACTION_RE.match(text, s)
    if m:
        den, share = num(m.group("den")), num(m.group("num"))
        if not den or share is None:
            return None
        kind = "percent" if m.group("den") in ("百", "千", "100", "1000") else "fraction"
        hit = Hit(s, m.end(), kind, round(share / den, 4))
        hit.cmp = after_cmp(ctx, m.end()) or before_cmp(ctx, s, "fraction")
        return hit
    m = SLASH_RE.match(text, s)
    if m and int(m.group(1)) < int(m.group(2)) and not re.search(r"[\d/／]$", text[max(0, s - 1):s]):
        low = round(int(m.group(1)) / int(m.group(2)), 4)
        t = CONN_RE.match(text, m.end())
        m2 = SLASH_RE.match(text, t.end()) if t else None
        if m2 and int(m2.group(1)) < int(m2.group(2)):  # 1/2至3/5: one range of shares
            high = round(int(m2.group(1)) / int(m2.group(2)), 4)
            return Hit(s, m2.end(), "fraction", sorted([low, high]))
        hit = Hit(s, m.end(), "fraction", low)
        hit.cmp = after_cmp(ctx, m.end()) or before_cmp(ctx, s, "fraction")
        return hit
    return None


def read_half(ctx: Context, s: int, e: int) -> Hit | None:
    """``半数`` is a share, ``半年`` a length of time; ``上半年`` names a period, not a length.

    ``过半`` alone (过半委员同意, 任务过半) is more than half, like ``过半数``.
    """
    text = ctx.text
    m = HALF_RE.match(text, s)
    if not m and text[max(0, s - 1):s] == "过" and text.startswith("半", s):
        hit = Hit(s, s + 1, "fraction", 0.5)
        hit.cmp = after_cmp(ctx, s + 1) or before_cmp(ctx, s, "fraction")
        return hit
    if not m or text[max(0, s - 1):s] in ("上", "下", "一", "个", "多"):
        return None
    if m.group("share"):
        hit = Hit(s, m.end(), "fraction", 0.5)
        hit.cmp = after_cmp(ctx, m.end()) or before_cmp(ctx, s, "fraction")
        return hit
    unit = m.group("unit")
    end = m.end()
    more = MORE_AFTER_RE.match(text, end)
    if more:  # 半年多: more than half a year
        end = more.end()
    hit = Hit(s, end, "duration", 0.5, unit.removeprefix("个") if unit == "个小时" else unit)
    hit.cmp = after_cmp(ctx, end) or (">" if more else None) or before_cmp(ctx, s, "duration")
    return hit


def read_one_half(ctx: Context, s: int, e: int) -> Hit | None:
    """``一半``: half of a whole (超过一半, 一半以上), kind ``fraction``."""
    text = ctx.text
    if not text.startswith("一半", s) or text.startswith(("一半天", "一半年"), s):
        return None
    hit = Hit(s, s + 2, "fraction", 0.5)
    hit.cmp = after_cmp(ctx, s + 2) or before_cmp(ctx, s, "fraction")
    return hit


def read_tenths(ctx: Context, s: int, e: int) -> Hit | None:
    """``三成`` = 0.3, ``两成半`` = 0.25: a share in tenths, kind ``fraction``."""
    text = ctx.text
    if not text.startswith("成", e):
        return None
    m = TENTHS_RE.match(text, s)
    if not m or m.start(1) != s or text[max(0, s - 1):s] in ("建", "形", "组", "变", "完", "促", "分", "合", "构", "转", "生", "制", "养", "造", "落", "做", "办", "写", "练", "学"):
        return None  # 建成一批, 形成两个: 成 closes a verb before the numeral
    n = num(m.group(1))
    if n is None or n > 10:
        return None
    value = (n + (0.5 if m.group(2) else 0)) / 10 + (DIGITS[m.group(3)] / 100 if m.group(3) else 0)
    hit = Hit(s, m.end(), "fraction", round(value, 4))
    hit.cmp = after_cmp(ctx, m.end()) or before_cmp(ctx, s, "fraction")
    return hit


def read_times(ctx: Context, s: int, e: int) -> Hit | None:
    """``增长5.1倍`` → ratio ``[5.1, 1]``; ``翻一番`` → ``[2, 1]``, ``翻两番`` → ``[4, 1]``.

    A multiple compares two quantities, so it is a ratio against one; RECORDS.md has no
    kind of its own for it.
    """
    text = ctx.text
    m = TIMES_RE.match(text, s)
    if m and m.end(1) == e:
        n = num(m.group(1))
        if n is None:
            return None
        hit = Hit(s, m.end(), "ratio", [as_number(n), 1])
        hit.cmp = ">" if m.group(2) or m.group(3) else None
        hit.cmp = after_cmp(ctx, m.end()) or hit.cmp or before_cmp(ctx, s, "ratio")
        return hit
    m = DOUBLINGS_RE.match(text, s)
    if m and text[max(0, s - 2):s].endswith(("翻", "翻了")):
        n = num(m.group(1))
        if n is None:
            return None
        return Hit(s, m.end(), "ratio", [as_number(2 ** n), 1])
    return None
