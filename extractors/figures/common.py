"""What the readers of a figure share: the numeral patterns, the hit they return, the text they read."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from gongwen.extractors.figures.dates import DateParts
from gongwen.extractors.figures.lexicon import Lexicon
from gongwen.numerals import parse_number

HZ_DIGITS = "零〇○一二两三四五六七八九"

HZ_NUM = HZ_DIGITS + "十百千"

ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

#: the financial numerals (壹佰贰拾万): two of them at least, since 陆 and 伍 alone are names and words
FIN = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"

#: a numeral: Arabic, Chinese or mixed, with 万/亿/兆 inside (1兆5,117亿1,301万, 1万5千); digits
#: never continue a thousands-grouped number (164,01596年 is 164,015 glued to the next row's 96年);
#: 点 between Chinese digits is a decimal point (一点二亿, 零点五); a space a converter put between
#: digits and their 万/亿 does not end the numeral (20 万元, 110 万264次)
NUM = (rf"(?:{ARABIC}|[{HZ_NUM}])(?:(?<!\d){ARABIC}|[{HZ_NUM}万亿兆]|(?<=\d)[ \u3000](?=[万亿])"
       rf"|(?<=[{HZ_NUM}])点(?=[{HZ_DIGITS}]))*"
       rf"|[{FIN}](?=[{FIN}零〇万亿])[{FIN}零〇万亿]+")

NUM_RE = re.compile(NUM)

CONN = r"(?:——|--|[-—–~～－〜至到])"

SPACE = r"[ \u3000]"

#: a dash with a space before it and a digit right after is a minus sign (3.67% -8.63%: two cells)
CONN_RE = re.compile(rf"(?!{SPACE}+[-－−]\d){SPACE}{{0,2}}{CONN}{SPACE}{{0,2}}")


@dataclass
class Hit:
    """A figure found in the text, before the year of its date is resolved."""

    start: int
    end: int
    kind: str
    value: Any
    unit: str | None = None
    cmp: str | None = None
    dates: list[DateParts] = field(default_factory=list)
    #: a repair the reader guessed, for the record's warnings
    note: str | None = None


@dataclass
class Context:
    text: str
    lex: Lexicon
    roc: bool  # the document dates in years of the Republic of China (民国)


Reader = Callable[[Context, int, int], Hit | None]


def num(s: str) -> float | None:
    return parse_number(s)


def is_hanzi(s: str) -> bool:
    return not any(ch.isdigit() for ch in s)


def next_char(text: str, e: int) -> str:
    """The first character after ``e`` that is not a space (``""`` at the end)."""
    while e < len(text) and text[e] in " \u3000":
        e += 1
    return text[e] if e < len(text) else ""


def last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - keep the last match
        pass
    return last
