"""Readers of dates and of the lengths of time written with the same words (``年``, ``月``, ``日``).

``2013年3月9—12日``, ``中华民国94年6月28日``, ``同月23日``, ``20110720`` are dates;
``三年来``, ``每三月``, ``前三日`` are lengths of time. Which is which depends on the
words around the numeral, decided here; the missing years are filled in later.
"""

from __future__ import annotations

import re

from gongwen.extractors.figures.bounds import after_cmp, before_cmp
from gongwen.extractors.figures.common import (
    CONN,
    SPACE,
    Context,
    Hit,
    is_hanzi,
    next_char,
    num,
)
from gongwen.extractors.figures.dates import DateParts, roc_year
from gongwen.numerals import as_number

YNUM = r"\d{1,4}|[〇零○一二两三四五六七八九十百]{1,5}"

MNUM = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|正"

DNUM = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"

#: a part of a year written right after it (2019年底): the date keeps the precision of the year
YEAR_PART = "底初末"

PART = r"上旬|中旬|下旬|初|底|末|份|中(?=[，。、；,;\s]|$)"

DATE_RE = re.compile(
    rf"""
    (?:(?P<y1>\d{{4}}){SPACE}*{CONN}{SPACE}*(?P<y2>\d{{4}}){SPACE}*年(?!代)
     | (?P<y>{YNUM}){SPACE}*(?:\n{SPACE}*)?年(?P<fy>度)?(?!代|级|轻|龄)  # 103⏎年: a line broken in a cell
       (?:{SPACE}*[（(]{SPACE}*(?:公元)?{SPACE}*\d{{4}}{SPACE}*年?{SPACE}*[)）])?
    )?
    (?:{SPACE}*  # 1989 年 1 月: spaces a PDF put between the year and the month
       (?:
       (?P<m1>{MNUM}){SPACE}*{CONN}{SPACE}*(?P<m2>{MNUM}){SPACE}*月(?!份?{SPACE}*[个])
     | (?P<m>{MNUM}){SPACE}*月(?![个])
       (?:{SPACE}*(?P<d1>{DNUM}){SPACE}*{CONN}{SPACE}*(?P<d2>{DNUM}){SPACE}*[日号]
        | {SPACE}*(?P<d>{DNUM}){SPACE}*[日号]
       )?
       (?P<part>{PART})?
       )
    )?
    """,
    re.VERBOSE,
)

#: a second date after a range connector: 11月1日至12月中旬
DATE_TAIL_RE = re.compile(rf"{SPACE}*{CONN}{SPACE}*")

DAY_RE = re.compile(rf"(?P<d>{DNUM}){SPACE}*日(?!历天)")  # 十五日历天: calendar days (units.tsv)

#: what after `于N日` makes it a number of days (于3日内, 于5日前 are deadlines counted in days)
DAY_AFTER_SPAN = set("内前后以之起")

#: words before a bare `N日` that make it a day of the month
DAY_CONTEXT_RE = re.compile(r"(?:(?P<rel>同|当|本|次|上)月|月)(?:的|逢)?$")

#: days of the month listed with one 日 at the end: 每月逢5、15、25日 (each is a day, ---05 …)
DAY_SERIES_RE = re.compile(rf"(?:{DNUM})(?:{SPACE}*、{SPACE}*(?:{DNUM}))*{SPACE}*日(?!历天)")

#: what stands before a member of such a series: the month word, then the members before it
DAY_SERIES_BEFORE_RE = re.compile(rf"(?:(?P<rel>同|当|本|次|上)月|月)(?:的|逢)?(?:(?:{DNUM}){SPACE}*、{SPACE}*)*$")

#: words before `N月`/`N年` that make it a length of time
SPAN_BEFORE_RE = re.compile(r"(?:每|近|逾|满|历时|为期|连续|长达|前后|最近|这|过去|头)$")

#: an academic year (学年度), written in years of the Republic in Taiwan: 94学年度 is 2005
ACADEMIC_YEAR_RE = re.compile(r"(\d{2,4})学年度")

#: a count of times right after `N月`: the month is the period of a frequency (一月举行一次)
FREQUENCY_AFTER_RE = re.compile(
    rf"{SPACE}*(?:至少|最少|原则上|一般)?{SPACE}*(?:召开|举行|开展|组织|进行|举办|研究)?{SPACE}*[一二两三四五六七八九十\d]+次")

#: words before `N年`/`N年度` that make it a length of time even where a bare year would be a
#: year of the Republic (过去三年度, 占前3年度决算: the last three fiscal years)
YEAR_SPAN_BEFORE_RE = re.compile(r"(?:近|逾|满|历时|为期|连续|长达|最近|过去|前)$")

#: a day of the month listed after a full date: 11月27日、29日、30日 (the days share the month)
DAY_LIST_BEFORE_RE = re.compile(
    rf"月{SPACE}*(?:{DNUM}){SPACE}*[日号](?:{SPACE}*[、,，及和与]{SPACE}*(?:{DNUM}){SPACE}*[日号])*{SPACE}*[、,，及和与]{SPACE}*$")

#: trailing 多/余 after a length makes it an estimate from below (1年多, 半年多); not when it
#: starts a word of its own (多次, 多项 …)
MORE_AFTER_RE = re.compile(r"[多余](?![次项个种元方家名层样措渠部位轮批人])")

#: 三年半: half a unit more; not 半数, 半年 … (a figure of their own), not 半导体
HALF_AFTER_RE = re.compile(r"半(?![数年天月小个日导岛径])")

#: ROC and Western years written in brackets after 今/本/明/去: 今（94）年, 本（2013）年度
PAREN_YEAR_RE = re.compile(rf"[今本明去上][（(]{SPACE}*(\d{{2,4}}){SPACE}*[)）]年(度)?"
                           rf"(?:{SPACE}*({MNUM}){SPACE}*月(?:{SPACE}*({DNUM}){SPACE}*[日号])?)?")

#: a dotted date in a text dated in years of the Republic: 94.10.19, 91.9.28
ROC_DOTTED_RE = re.compile(r"(?<![\d.])(\d{2,3})\.(\d{1,2})\.(\d{1,2})(?![\d])")

COMPACT_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")

ISO_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d.])")

#: a year and month written with a dot (2023.07), alone or as a range (2023.07-2024.01); a lone
#: one needs its zero-padded month, else 2023.7 may be an amount
YM_DOT_RANGE_RE = re.compile(
    rf"((?:19|20)\d\d)\.(0?[1-9]|1[0-2]){SPACE}*{CONN}{SPACE}*((?:19|20)\d\d)\.(0?[1-9]|1[0-2])(?![\d.])")
YM_DOT_RE = re.compile(r"((?:19|20)\d\d)\.(0[1-9]|1[0-2])(?![\d.])(?=[\s|，。；、,;)）起至到前后底]|$)")

FIELD_LABEL_RE = re.compile(r"(?:日期|时间|日)[ \u3000]*[：:]?[ \u3000]*$|[：:][ \u3000]*$")


def _year_value(ctx: Context, raw: str, era: bool, has_month: bool, fiscal: bool) -> int | None:
    """The Gregorian year of ``raw年``, or None when it is a length of time (三年来)."""
    value = num(raw)
    if value is None:
        return None
    y = int(value)
    positional = is_hanzi(raw) and not any(ch in raw for ch in "十百")
    if era:
        return roc_year(y)
    if y >= 1000 or (positional and len(raw) == 4):
        return y
    if (raw.startswith("0") and len(raw) == 3) or (has_month and 100 <= y <= 200):
        return roc_year(y)  # 094年, 一百十五年一月: only the Republic writes such years
    # In a text dated in 民国 a bare year is an ROC year when a month or 年度 follows it,
    # or when it is too large to be a length of time in a rule (聘期二年 stays a span):
    # ROC 40 is 1951, older than any rule the corpus cites without the 民国 prefix.
    if ctx.roc and (has_month or fiscal or y >= 40) and y <= 200:
        return roc_year(y)
    if (has_month or fiscal and y >= 10) and y < 100 and not is_hanzi(raw):  # 13年5月, 19年度
        return 2000 + y if y <= 40 else 1900 + y
    return None


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.replace("正", "一")
    v = num(s)
    return int(v) if v is not None else None


#: characters that can follow the first numeral of a date (cheap guard before DATE_RE)
DATE_NEXT = set("年月日号-—–~～－〜至到学")


def read_date(ctx: Context, s: int, e: int) -> Hit | None:
    """``2013年3月9—12日``, ``7—12月``, ``中华民国94年6月28日``, ``三年``: a date or a span in 年/月/日."""
    text = ctx.text
    after = next_char(text, e)
    if after == "\n":  # 103⏎年: a cell's line broken between a year (two digits or more) and 年
        nl = text.find("\n", e)
        after = "年" if e - s >= 2 and next_char(text, nl + 1) == "年" else ""
    if after not in DATE_NEXT:
        return None
    school = ACADEMIC_YEAR_RE.match(text, s)
    if school:  # 94学年度: an academic year of the Republic
        y = int(school.group(1))
        return Hit(s, school.end(), "date", None, dates=[DateParts(roc_year(y) if y < 1000 else y)])
    if text.startswith("两月", s):  # 每两月: no month is named 两, so it is a length
        return span_hit(ctx, s, s + 2, "两", "月")
    m = DATE_RE.match(text, s)
    if not m or m.end() == s:
        return _read_day(ctx, s)
    g = m.groupdict()
    start = s
    before = text[max(0, s - 6):s]
    era = re.search(r"(?:中华)?民国[ \u3000]*$", before)
    if era:
        start = s - (len(before) - era.start())
    if g["y1"]:  # 2010-2015年
        parts = [DateParts(int(g["y1"])), DateParts(int(g["y2"]))]
        return Hit(start, m.end(), "date", None, dates=parts)
    has_month = bool(g["m"] or g["m1"])
    year = None
    if g["y"]:
        if not has_month and not era and YEAR_SPAN_BEFORE_RE.search(text[max(0, s - 2):s]) and len(g["y"]) < 4:
            return span_hit(ctx, s, m.end(), g["y"], "年")  # 过去三年度, 前3年度: a length
        year = _year_value(ctx, g["y"], bool(era), has_month, bool(g["fy"]))
        if year is None:
            if has_month:
                return None
            return span_hit(ctx, s, m.end(), g["y"], "年")
    if g["m1"]:
        parts = [DateParts(year, _int(g["m1"])), DateParts(year, _int(g["m2"]))]
    elif g["m"]:
        month = _int(g["m"])
        if not g["y"] and not g["d"] and not g["d1"]:
            # 一月举行一次: a month in words before a count of times is the period of a frequency
            # (每年3月召开一次, 一月份举行一次 name the month: digits, 份 or a year word before it)
            frequency = (is_hanzi(g["m"]) and not g["part"] and FREQUENCY_AFTER_RE.match(text, m.end())
                         and not text[max(0, s - 1):s] == "年")
            if SPAN_BEFORE_RE.search(text[max(0, s - 2):s]) or (month or 0) > 12 or frequency:
                return span_hit(ctx, s, m.end(), g["m"], "月")
        if g["d1"]:
            parts = [DateParts(year, month, _int(g["d1"])), DateParts(year, month, _int(g["d2"]))]
        else:
            parts = [DateParts(year, month, _int(g["d"]))]
    else:
        parts = [DateParts(year)]
    end = m.end()
    series = None if g["d"] or g["d1"] or g["part"] or not g["m"] else DAY_SERIES_RE.match(text, end)
    if series and "、" in series.group(0):
        # 3月5、6日: the month's first day is read here, the others by read_day_series
        first = re.match(DNUM, text[end:])
        if first:
            parts = [DateParts(year, parts[0].month, _int(first.group(0)))]
            end += first.end()
    if g["y"] and not has_month and text[end:end + 1] in YEAR_PART and text[end:end + 1]:
        end += 1  # 104年底, 2019年初: the precision stays the year
    if len(parts) == 1:  # a second date after a connector: 11月1日至12月中旬
        t = DATE_TAIL_RE.match(text, end)
        if t:
            rel2 = ctx.lex.relative_year_start_re.match(text, t.end())  # 11月至次年2月
            at = rel2.end() if rel2 else t.end()
            m2 = DATE_RE.match(text, at)
            if m2 and m2.end() > at and (m2.group("m") or (m2.group("y") and not rel2)) and not m2.group("m1"):
                g2 = m2.groupdict()
                y2 = _year_value(ctx, g2["y"], False, bool(g2["m"]), False) if g2["y"] else parts[0].year
                if rel2 and not g2["y"]:
                    parts.append(DateParts(None, _int(g2["m"]), _int(g2["d"]),
                                           relative_year=ctx.lex.relative_years[rel2.group(0).strip(" \u3000")]))
                    end = m2.end()
                elif not g2["y"] or y2 is not None:
                    parts.append(DateParts(y2, _int(g2["m"]), _int(g2["d"])))
                    end = m2.end()
            elif parts[0].day is not None:  # 11月15日至17日: the second day of the same month
                d2 = DAY_RE.match(text, t.end())
                if d2:
                    parts.append(DateParts(parts[0].year, parts[0].month, _int(d2.group("d"))))
                    end = d2.end()
    if not all(p.valid() for p in parts):
        return None
    if not g["y"] and not era and parts[0].month is not None:
        rel = ctx.lex.relative_year_re.search(text[max(0, s - 5):s])
        if rel:  # 本年8月底, 去年1月, 次年3月: the year is named relative to another
            start = max(0, s - 5) + rel.start()
            for p in parts:
                if p.year is None and p.relative_year is None:
                    p.relative_year = ctx.lex.relative_years[rel.group(0).strip(" \u3000")]
    return Hit(start, end, "date", None, dates=parts)


def span_hit(ctx: Context, s: int, e: int, raw: str, unit: str) -> Hit | None:
    """``三年``, ``每三月``: a length of time in years or months."""
    value = num(raw)
    if value is None:
        return None
    more = MORE_AFTER_RE.match(ctx.text, e)
    if more:  # 1年多: more than a year
        e = more.end()
    elif HALF_AFTER_RE.match(ctx.text, e):  # 三年半: three and a half years
        value += 0.5
        e += 1
    hit = Hit(s, e, "duration", as_number(value), unit)
    hit.cmp = after_cmp(ctx, e) or (">" if more else None) or before_cmp(ctx, s, "duration")
    return hit


def _read_day(ctx: Context, s: int) -> Hit | None:
    """A bare ``N日``: a day of the month after 月/同月, else a number of days."""
    text = ctx.text
    m = DAY_RE.match(text, s)
    if not m:
        return None
    ctxm = DAY_CONTEXT_RE.search(text[max(0, s - 4):s])
    day = _int(m.group("d"))
    if ctxm is None and text[s - 1:s] == "于" and text[m.end():m.end() + 1] not in DAY_AFTER_SPAN:
        return Hit(s, m.end(), "date", None, dates=[DateParts(day=day)])  # 日军于21日占领: on the 21st
    if ctxm is None and DAY_LIST_BEFORE_RE.search(text[max(0, s - 60):s]):
        # 11月27日、29日: a further day of the month just named
        return Hit(s, m.end(), "date", None, dates=[DateParts(day=day, relative_month=0)])
    if ctxm:
        start = s - (len(text[max(0, s - 4):s]) - ctxm.start()) if ctxm.group("rel") else s
        rel = {"同": 0, "当": 0, "本": 0, "次": 1, "上": -1}.get(ctxm.group("rel") or "")
        return Hit(start, m.end(), "date", None, dates=[DateParts(day=day, relative_month=rel)])
    return span_hit(ctx, s, m.end(), m.group("d"), "日")  # 前三日, 十日内: a number of days


def read_day_series(ctx: Context, s: int, e: int) -> Hit | None:
    """``每月逢5、15、25日``: each number of a series sharing one 日 is a day of the month."""
    text = ctx.text
    if text[e:e + 1] != "、" and not (text.startswith("日", e) and text[s - 1:s] == "、"):
        return None
    m = DAY_SERIES_RE.match(text, s)
    if not m or (text[e:e + 1] != "、" and text[s - 1:s] != "、"):
        return None
    before = DAY_SERIES_BEFORE_RE.search(text[max(0, s - 30):s])
    if before is None:
        return None
    d = DAY_RE.match(text, s)
    end = d.end() if d and d.start() == s and d.end() == m.end() else e
    day = _int(text[s:e])
    rel = {"同": 0, "当": 0, "本": 0, "次": 1, "上": -1}.get(before.group("rel") or "")
    month_at = max(0, s - 30) + before.start()
    if rel is None and month_at > 0 and (text[month_at - 1].isdigit() or text[month_at - 1] in "一二三四五六七八九十正"):
        rel = 0  # 3月5、6日: the month just written, not 每月
    parts = DateParts(day=day, relative_month=rel)
    return Hit(s, end, "date", None, dates=[parts]) if parts.valid() else None


def read_next_day(ctx: Context, s: int, e: int) -> Hit | None:
    """``次日``/``翌日``: resolved against the date before it."""
    if ctx.text.startswith(("次日", "翌日"), s):
        return Hit(s, s + 2, "date", None, dates=[DateParts(next_day=True)])
    return None


def read_paren_year(ctx: Context, s: int, e: int) -> Hit | None:
    """``今（94）年``, ``本（95）年度``, ``去(2012)年``: the year named in brackets after 今/本/去.

    Official texts of the Republic write the current year this way; two or three digits
    are a year of the Republic, four a Gregorian year.
    """
    text = ctx.text
    if s < 2 or text[s - 1] not in "（(":
        return None
    m = PAREN_YEAR_RE.match(text, s - 2)
    if not m or m.start(1) != s:
        return None
    y = int(m.group(1))
    if y >= 1000:
        year = y
    elif ctx.roc and y <= 200:
        year = roc_year(y)
    else:
        return None
    parts = DateParts(year, _int(m.group(3)), _int(m.group(4)))
    return Hit(s - 2, m.end(), "date", None, dates=[parts]) if parts.valid() else None


def read_compact_date(ctx: Context, s: int, e: int) -> Hit | None:
    """``2018-05-14`` anywhere; ``20110720`` only as the value of a date field (else it is a code)."""
    text = ctx.text
    if e - s < 4 or not text[s].isdigit():
        return None
    m = ISO_DATE_RE.match(text, s)
    if m:
        parts = DateParts(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        return Hit(s, m.end(), "date", None, dates=[parts]) if parts.valid() else None
    if s == 0 or not (text[s - 1].isdigit() or text[s - 1] == "."):
        m = YM_DOT_RANGE_RE.match(text, s)
        if m:
            return Hit(s, m.end(), "date", None, dates=[DateParts(int(m.group(1)), int(m.group(2))),
                                                        DateParts(int(m.group(3)), int(m.group(4)))])
        m = YM_DOT_RE.match(text, s)
        if m:
            return Hit(s, m.end(), "date", None, dates=[DateParts(int(m.group(1)), int(m.group(2)))])
    m = ROC_DOTTED_RE.match(text, s)
    # 94.10.19 in a text dated in years of the Republic; 94.06.28 (month and day zero-padded) anywhere
    if m and (ctx.roc or (len(m.group(2)) == 2 and len(m.group(3)) == 2)):
        if 30 <= int(m.group(1)) <= 200:
            parts = DateParts(roc_year(int(m.group(1))), int(m.group(2)), int(m.group(3)))
            if parts.valid():
                return Hit(s, m.end(), "date", None, dates=[parts])
    m = COMPACT_DATE_RE.match(text, s)
    if m and FIELD_LABEL_RE.search(text[max(0, s - 8):s]):
        return Hit(s, m.end(), "date", None, dates=[DateParts(int(m.group(1)), int(m.group(2)), int(m.group(3)))])
    return None
