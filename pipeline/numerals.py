"""Numerals of every notation the documents use, read into numbers: the one reader of
Chinese numerals (amounts for figures, ordinals of headings and list markers, counts of
meeting rules, Republic-of-China years).

Hand-written rather than cn2an: cn2an rejects notations the corpus has
(`兆` in `1兆5,117亿`, a bare `千` in `量化为千分`) and costs ~25 µs a call, while
this reader is one pass over a handful of characters and takes Arabic digits,
Chinese numerals and any mix of the two (`1万5千`, `6200亿`, `二〇一三`).
"""

from __future__ import annotations

from functools import lru_cache

#: Chinese digits (including the financial/ordinal variants found in official texts).
DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
#: Multipliers inside one myriad section.
SMALL: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
#: the financial forms written on cheques and budgets (壹佰贰拾万元), simplified and traditional
FINANCIAL_DIGITS: dict[str, int] = {
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9,
}
FINANCIAL_SMALL: dict[str, int] = {"拾": 10, "佰": 100, "仟": 1000}
DIGITS.update(FINANCIAL_DIGITS)
SMALL.update(FINANCIAL_SMALL)
#: Multipliers that close a section.
BIG: dict[str, int] = {"万": 10_000, "亿": 100_000_000, "兆": 1_000_000_000_000}

HANZI_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL) + "".join(BIG)


def _arabic(s: str) -> float:
    return float(s.replace(",", "").replace("，", ""))


def parse_number(s: str) -> float | None:
    """The value of a numeral like ``1,234.5``, ``一百零八``, ``1.2万``, ``1兆5,117亿1,301万``.

    Returns None when ``s`` holds no numeral at all. Consecutive Chinese digits
    without multipliers are positional (``二〇一三`` → 2013), as in written years.
    """
    s = s.replace(" ", "").replace("\u3000", "")  # 20 万: a converter's space before the multiplier
    if "点" in s:
        return _decimal(s)
    total = 0.0
    section = 0.0
    current: float | None = None
    last_big = 0
    seen = False
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch.isdigit():
            j = i
            while j < n and (s[j].isdigit() or (s[j] in ",." and j + 1 < n and s[j + 1].isdigit())):
                j += 1
            current = _arabic(s[i:j])
            seen = True
            i = j
            continue
        if ch in DIGITS:
            d = DIGITS[ch]
            current = d if current is None else current * 10 + d
            seen = True
        elif ch in SMALL:
            section += (current if current is not None else 1) * SMALL[ch]
            current = None
            seen = True
        elif ch in BIG:
            mult = BIG[ch]
            sec = section + (current or 0)
            if sec == 0 and total == 0:
                sec = 1 if not seen else 0
            if total and mult > last_big:
                total = (total + sec) * mult
            else:
                total += sec * mult
            last_big = mult
            section = 0.0
            current = None
            seen = True
        i += 1
    if not seen:
        return None
    value = total + section + (current or 0)
    return value


#: characters of a small integer written in Chinese (`十二`, `一百零一`, `两`)
_INT_CHARS = set("零〇○一二两三四五六七八九十百千")


@lru_cache(maxsize=4096)  # markers and headings ask for the same few numbers again and again
def chinese_int(s: str) -> int | None:
    """``十二`` → 12, ``一百零一`` → 101, ``二十`` → 20, ``两`` → 2: a well-formed integer in
    Chinese numerals, read by :func:`parse_number`; None for anything else, including a run
    of digits with no unit between them (`三四`, `一一`: a range or a garble, not a number)
    and a unit right after a unit (`十十`)."""
    if not s or any(ch not in _INT_CHARS for ch in s) or (len(s) > 1 and s[0] in "零〇○"):
        return None  # a leading zero (`〇十`) writes no number either
    for prev, ch in zip(s, s[1:], strict=False):
        if (prev in SMALL and ch in SMALL) or (prev in DIGITS and DIGITS[prev] and ch in DIGITS):
            return None
    value = parse_number(s)
    return None if value is None else int(value)


def _decimal(s: str) -> float | None:
    """``一点二亿`` = 1.2亿, ``零点五`` = 0.5: the digits after 点 are decimals, a 万/亿 after them scales all."""
    whole, _, rest = s.partition("点")
    frac = ""
    i = 0
    while i < len(rest) and rest[i] in DIGITS:
        frac += str(DIGITS[rest[i]])
        i += 1
    if not frac:
        return None
    base = parse_number(whole) if whole else 0.0
    if base is None:
        return None
    value = base + float("0." + frac)
    for ch in rest[i:]:
        if ch not in BIG:
            return None
        value *= BIG[ch]
    return value


def as_number(value: float) -> int | float:
    """An int when the value is whole (``140.0`` stays a float only when written with decimals)."""
    value = float(f"{value:.12g}")  # drop binary noise: 4398.6亿 is 439860000000, not …00006
    if value == int(value) and abs(value) < 1e18:
        return int(value)
    return value
