"""Readers of a number with a unit (``307场次``, ``32.4万元``, ``2 ~ 3个``, ``95%-80%``) and of
bare numbers in table cells (a budget column: kind ``number``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gongwen.extractors.figures.bounds import after_cmp, before_cmp
from gongwen.extractors.figures.common import (
    ARABIC,
    CONN_RE,
    NUM_RE,
    SPACE,
    Context,
    Hit,
    is_hanzi,
    num,
)
from gongwen.extractors.figures.read_dates import HALF_AFTER_RE
from gongwen.numerals import as_number

CELL_RE = re.compile(rf"^\t{SPACE}*({ARABIC}){SPACE}*$", re.M)

#: a cell of a pipe-separated row (``項目 | 5,000 | 12``): the number alone between bars
PIPE_CELL_RE = re.compile(rf"(?<=[|｜]){SPACE}*({ARABIC}){SPACE}*(?=[|｜]|$)", re.M)


#: an Arabic digit followed by a Chinese digit: never one numeral (1万5千 has a multiplier between)
MIXED_DIGITS_RE = re.compile(r"\d[零〇○一二两三四五六七八九]")


@dataclass
class _Amount:
    start: int
    end: int
    raw: str
    value: float
    approx: bool  # 余/多 inside: more than


#: thousands grouped by spaces (1 250 000元), read as one number only when a unit follows at once
SPACED_GROUPS_RE = re.compile(r"\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?:\.\d+)?[万亿]?")

#: a decimal point a PDF split from its digits (95.⏎10%, 3. 5万元, 12 .5%): the point proves the number goes on
BROKEN_DECIMAL_RE = re.compile(
    r"(\d+)(?:\.[ \u3000\n]{1,2}|[ \u3000]{1,2}\.)(\d+(?:(?=[%％‰])|[万亿]?(?=元)))")


def _amount(ctx: Context, s: int) -> _Amount | None:
    text = ctx.text
    m = NUM_RE.match(text, s)
    if not m:
        return None
    end = m.end()
    raw = m.group(0)
    if raw.isdigit():
        spaced = SPACED_GROUPS_RE.match(text, s)
        if spaced and ctx.lex.unit_re.match(text, spaced.end()) and text[spaced.end()] not in "%％‰":
            # (8 100%: a score cell then a rate; no rate is written in thousands)
            end, raw = spaced.end(), re.sub(r"[ \u00a0\u2009]", "", spaced.group(0))
        broken = BROKEN_DECIMAL_RE.match(text, s)
        if broken:
            end, raw = broken.end(), f"{broken.group(1)}.{broken.group(2)}"
    if MIXED_DIGITS_RE.search(raw):
        return None  # 2008两兆: a year run into a slogan, no numeral
    if text.startswith(("个亿", "个万"), end):  # 13.6个亿: spoken 亿 counted with 个
        raw += text[end + 1]
        end += 2
    approx = False
    if text.startswith((" 余", "\u3000余", " 多", "\u3000多"), end):
        end += 1  # 600 余名: a space a converter put after the digits
    if end < len(text) and text[end] in "余多":
        approx = True
        end += 1
        while end < len(text) and text[end] in "万亿":
            raw += text[end]
            end += 1
    value = num(raw)
    if value is None:
        return None
    return _Amount(s, end, raw, value, approx)


#: two neighbouring digits are an estimate between them: 三四个 = 3 or 4, 两三天
NEIGHBOURS = {a + b: (i, i + 1) for i, (a, b) in enumerate(zip("一二三四五六七八", "二三四五六七八九", strict=True), 1)}

NEIGHBOURS["两三"] = (2, 3)


#: what may follow a unit wrapped onto the next line: the clause ends there
WRAP_END = set("，。、；,;：:）)\n")


def _unit_at(ctx: Context, pos: int, hanzi: bool) -> tuple[str, int] | None:
    """The unit starting at ``pos`` (spaces allowed after digits), longest first."""
    text = ctx.text
    p = pos
    wrapped = False
    if not hanzi:
        while p < len(text) and p - pos < 2 and text[p] in " \u3000":
            p += 1
        if text.startswith("\n", p):  # 1200⏎人次，: a line wrapped between the digits and the unit
            p += 1
            wrapped = True
    m = ctx.lex.unit_re.match(text, p)
    if not m:
        return None
    if wrapped and m.end() < len(text) and text[m.end()] not in WRAP_END:
        return None  # 50⏎人员经费: the next cell of a table, starting with a word
    if p > pos and m.end() < len(text) and _is_ideograph(text[m.end()]) and _after_cell(text, pos):
        return None  # 16.14 30.66 部门整体支出, 25 26 本年收入: a row of cells, then the next row's words
    word = ctx.lex.unit_words_re.match(text, p)
    if word and word.end() > m.end():
        return None  # 203组织部: the measure word starts a word of its own
    return m.group(0), m.end()


#: a bare number cell and the spaces after it, right before a numeral
CELL_BEFORE_RE = re.compile(r"(?:^|[ \t\u3000\n])-?[\d,.]+[ \t\u3000]+$")


def _after_cell(text: str, pos: int) -> bool:
    """The numeral ending at ``pos`` follows another bare number (one cell of a row), or is a code."""
    start = pos
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ",.-"):
        start -= 1
    if text[start] == "0" and pos - start > 1 and text[start + 1].isdigit():
        return True  # 05 老人福利: a code leading its row
    return bool(CELL_BEFORE_RE.search(text[max(0, start - 20):start]))


def _is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _inner_unit(ctx: Context, a: _Amount) -> tuple[str, int] | None:
    """``两个多月`` (an estimate from below), ``一个半月`` (and a half): 多/余/半 between 个 and the unit.

    ``6个半天`` is six half-days: a unit of its own (units.tsv), so it is left to the unit reader.
    """
    text = ctx.text
    if not text.startswith(("个多", "个余", "个半"), a.end):
        return None
    m = ctx.lex.unit_re.match(text, a.end + 2)
    if not m or "个" + m.group(0) not in ctx.lex.units:
        return None
    if text[a.end + 1] == "半":
        whole = ctx.lex.unit_re.match(text, a.end)
        if whole and whole.end() > a.end + 1:
            return None  # 个半天
        a.value += 0.5
    else:
        a.approx = True
    return "个" + m.group(0), m.end()


#: a bare amount in 万/亿 (the unit left out): 补助10万以内, 以150万计算
SCALED_RE = re.compile(r"[万亿]$")

CLAUSE_STOP = re.compile(r"[，。；;,：:！？!?\n、]")


#: the end of a sentence; a line break after a pipe only ends a table cell (预算金额 |⏎250万 |), and
#: so does one before a cell line of the table layout (⏎\t预算金额⏎\t250万: a row's cells, one a line)
SENTENCE_STOP = re.compile(r"[。；;！？!?]|(?<![|｜])\n(?![ \u3000\u00a0]*\t)")

CLAUSE_REACH = 16
SENTENCE_REACH = 40


def _money_context(ctx: Context, s: int) -> bool:
    """The clause before ``s`` names money, or the sentence does (任务174万，完成198万)."""
    text = ctx.text
    window = text[max(0, s - CLAUSE_REACH):s]
    stops = list(CLAUSE_STOP.finditer(window))
    if ctx.lex.money_cue_re.search(window[stops[-1].end():] if stops else window):
        return True
    window = text[max(0, s - SENTENCE_REACH):s]
    stops = list(SENTENCE_STOP.finditer(window))
    return bool(ctx.lex.money_cue_re.search(window[stops[-1].end():] if stops else window))


def _bare_money(ctx: Context, a: _Amount) -> Hit | None:
    """``补助以10万以内为原则``: an amount in 万/亿 with no unit is money when the clause names money."""
    if not SCALED_RE.search(a.raw) or a.value < 10_000:
        return None
    if not _money_context(ctx, a.start):
        return None
    hit = Hit(a.start, a.end, "money", as_number(a.value), "元")
    if a.approx:
        hit.cmp = ">"
    hit.cmp = after_cmp(ctx, a.end) or hit.cmp or before_cmp(ctx, a.start, "money")
    return hit


def read_quantity(ctx: Context, s: int, e: int) -> Hit | None:
    """A number with a unit from ``units.tsv``, alone or as a range, with 万/亿 scaled into the value."""
    text, lex = ctx.text, ctx.lex
    a = _amount(ctx, s)
    if a is None:
        return None
    hanzi = is_hanzi(a.raw)
    u = _inner_unit(ctx, a)
    if u is None:
        u = _unit_at(ctx, a.end, hanzi)
    if u is None and not a.approx and len(a.raw) > 1 and a.raw[-1] in "十百千兆":
        # 2000万千瓦, 750千伏, 720兆瓦: the numeral run swallowed the first character of the
        # unit (千瓦, 千伏, 兆瓦); only after a digit or 万/亿, so 三千人 stays 3000 people
        shorter = _Amount(a.start, a.end - 1, a.raw[:-1], num(a.raw[:-1]) or 0.0, False)
        u2 = _unit_at(ctx, shorter.end, hanzi)
        if u2 is not None and shorter.value and (shorter.raw[-1] in "万亿兆" or shorter.raw[-1].isdigit()):
            a, u = shorter, u2
    low: _Amount | None = None
    if a.raw in NEIGHBOURS and u is not None:
        lo, hi = NEIGHBOURS[a.raw]
        low = _Amount(a.start, a.start + 1, a.raw[0], lo, False)
        a = _Amount(a.start + 1, a.end, a.raw[1], hi, a.approx)
    if u is None:  # a range whose unit follows the second number: 2 ~ 3个, 一至二名
        t = CONN_RE.match(text, a.end)
        if not t:
            return _bare_money(ctx, a)
        b = _amount(ctx, t.end())
        if b is None or is_hanzi(b.raw) != hanzi:
            return None
        u = _unit_at(ctx, b.end, hanzi)
        if u is None and s > 0 and text[s - 1] in "(（" and text[b.end:b.end + 1] in (")", "）"):
            u = _unit_at(ctx, b.end + 1, hanzi)  # (40-50)分: the range in brackets, the unit after them
            if u is not None:
                a.start -= 1
        if u is None:
            return None
        low, a = a, b
    unit_text, end = u
    base = unit_text.split("/")[0]
    unit = lex.units.get(base) or lex.units.get(unit_text)
    if unit is not None and unit.kind == "calendar" and low is not None and base == "年" and a.value < 1000:
        # 5-10年: a range of years is a length of time (a range of calendar years is read as a date)
        lo, hi = sorted((low.value, a.value))
        return Hit(low.start, end, "duration", [as_number(lo), as_number(hi)], "年")
    if unit is not None and unit.kind == "calendar" and low is None:
        return _calendar_span(ctx, a, base, end)
    if unit is None or unit.kind == "calendar":
        return None
    if unit.hanzi_only and not hanzi and not re.search("[万亿兆]", a.raw):
        return None  # 30度 may be an angle; 1000亿度 is electricity
    if unit.scaled_only and not re.search("[万亿兆]", a.raw):
        return None  # 方 alone is 方面, 方案 …: a volume only as 22亿方
    if low is None:  # a range with the unit on both ends: 七人至十一人, 95%-80%
        t = CONN_RE.match(text, end)
        if t:
            b = _amount(ctx, t.end())
            if b is not None and is_hanzi(b.raw) == hanzi:
                u2 = _unit_at(ctx, b.end, hanzi)
                if u2 and lex.units.get(u2[0].split("/")[0], unit).kind == unit.kind:
                    low, a = a, b
                    end = u2[1]
    first = low or a
    if first.raw == "一" and low is None and unit.kind == "count" and not unit.one:
        before = text[max(0, s - 8):s]
        if not (lex.one_before.search(before) or lex.one_after.match(text, end)):
            return None  # 一支队伍, 一项重要职能: the indefinite article
    scale = 1.0
    kind = unit.kind
    if kind == "percent":
        scale = 0.001 if base == "‰" else 0.01
    if kind == "duration" and low is None and base not in ("半天", "个半天"):
        half = HALF_AFTER_RE.match(text, end)
        if half:  # 一天半: one and a half days
            a.value += 0.5
            end = half.end()
    value: Any
    if low is not None:
        lo, hi = sorted((low.value * scale, a.value * scale))
        value = [as_number(round(lo, 10)), as_number(round(hi, 10))]
    else:
        value = as_number(round(a.value * scale, 10))
    out_unit: str | None = unit_text
    if kind == "percent":
        out_unit = None
    elif kind == "money":
        out_unit = "元" if base in ("元", "块钱", "人民币") else base
    start = first.start
    if low is None and kind == "percent" and _minus_before(text, start):
        # -3.2%: a signed rate (下降3.2% stays positive: the verb carries the sign)
        start -= 1
        value = -value
    hit = Hit(start, end, kind, value, out_unit)
    if low is None:
        if a.approx:
            hit.cmp = ">"
        cmp = after_cmp(ctx, end)
        hit.cmp = cmp or hit.cmp or before_cmp(ctx, s, kind)
    return hit


def _calendar_span(ctx: Context, a: _Amount, base: str, end: int) -> Hit | None:
    """``十多年``, ``11.7年``, ``四十五日``: a length in 年/日 that the date reader could not take.

    The date reader reads every numeral that can be a year or a day of the month; what is
    left here (an estimate with 多/余, a decimal, a day count above 31) can only be a length.
    """
    if base == "日" or (base == "年" and (a.approx or a.value != int(a.value))):
        hit = Hit(a.start, end, "duration", as_number(a.value), base)
        hit.cmp = after_cmp(ctx, end) or (">" if a.approx else None) or before_cmp(ctx, a.start, "duration")
        return hit
    return None


def _minus_before(text: str, s: int) -> bool:
    """A minus sign right before ``s`` that is not a range dash (``5-8%``) or a hyphenated code."""
    if s == 0 or text[s - 1] not in "-－−":
        return False
    prev = text[s - 2] if s >= 2 else ""
    return not (prev.isdigit() or prev.isalpha() and prev.isascii() or prev in "%％")


def read_cell(ctx: Context, s: int, e: int) -> Hit | None:
    """A table cell that is only a number (a budget column): kind ``number``."""
    text = ctx.text
    line_start = s  # walk back over the cell's indent only: a long line costs nothing
    while line_start > 0 and text[line_start - 1] in " \u3000":
        line_start -= 1
    line_start -= 1
    if line_start >= 0 and text[line_start] in "|｜":
        return _pipe_cell(text, s, line_start)
    if line_start < 0 or text[line_start] != "\t" or (line_start > 0 and text[line_start - 1] != "\n"):
        return None
    m = CELL_RE.match(text, line_start)
    if not m or m.start(1) != s:
        return None
    raw = m.group(1)
    if raw.startswith("0") and not raw.startswith("0."):
        return None  # codes: 0101
    # the first cell of a row names the row
    prev_end = line_start - 1
    prev_start = text.rfind("\n", max(0, prev_end - 2000), max(prev_end, 0)) + 1
    if prev_end <= 0 or not text.startswith("\t", prev_start):
        return None
    value = float(raw.replace(",", ""))
    return Hit(s, m.end(1), "number", as_number(value) if "." not in raw else value)


def _pipe_cell(text: str, s: int, bar: int) -> Hit | None:
    """A bare number in a pipe-separated table row; the first cell (a name or a code) is not one.

    Rows written with bars (``編號 | 項目 | 金額``) are how some sources lay out tables in
    plain text; a number alone in such a cell has its unit in the header, like a TAB cell.
    """
    m = PIPE_CELL_RE.match(text, bar + 1)
    if not m or m.start(1) != s:
        return None
    raw = m.group(1)
    if raw.startswith("0") and not raw.startswith("0."):
        return None  # codes: 0101
    line_start = text.rfind("\n", 0, bar) + 1
    if text.count("|", line_start, bar) + text.count("｜", line_start, bar) == 0 and not text[line_start:bar].strip():
        return None  # a bar that opens the row: this is the first cell
    value = float(raw.replace(",", ""))
    return Hit(s, m.end(1), "number", as_number(value) if "." not in raw else value)


#: what may close the clause of a zero in words (辍学率为零。)
ZERO_END_RE = re.compile(r"[，。；,;！!？?、\n]|$")


def read_zero(ctx: Context, s: int, e: int) -> Hit | None:
    """``辍学率为零``: a zero written in words is a figure of value 0 (a rate when the clause names one)."""
    text = ctx.text
    if text[s:e] != "零" or s == 0 or text[s - 1] not in "为是" or not ZERO_END_RE.match(text, e):
        return None
    window = text[max(0, s - CLAUSE_REACH):s]
    stops = list(CLAUSE_STOP.finditer(window))
    clause = window[stops[-1].end():] if stops else window
    return Hit(s, e, "percent" if "率" in clause else "number", 0)
