"""The figures extractor's word lists, read from the data files beside this module.

Units, comparator words, not-a-figure patterns and the cues that make `一` a count
live in ``*.tsv`` (one entry a line, ``#`` comments) so that a research
assistant can extend them without touching Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gongwen.lexicon import rows

DATA = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Unit:
    text: str
    kind: str  # count | duration | money | percent | calendar
    one: bool  # `一` + unit counts without a definite cue
    hanzi_only: bool  # only after Chinese numerals
    scaled_only: bool = False  # only after a numeral holding 万/亿 (22亿方)


@dataclass(frozen=True)
class Comparator:
    word: str
    side: str  # before | after
    cmp: str
    reach: str  # adjacent | clause | fraction


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, Unit]
    unit_re: re.Pattern[str]
    unit_words_re: re.Pattern[str]
    before: dict[str, Comparator]
    before_adjacent_re: re.Pattern[str]
    before_clause_re: re.Pattern[str]
    after: dict[str, Comparator]
    after_re: re.Pattern[str]
    not_figures: tuple[re.Pattern[str], ...]
    one_before: re.Pattern[str]
    one_after: re.Pattern[str]
    change_re: re.Pattern[str]
    money_cue_re: re.Pattern[str]
    #: 本年, 去年, 次年 … → (anchor, offset): see relative_years.tsv
    relative_years: dict[str, tuple[str, int]]
    #: a relative-year word ending right before a month: 截至本年8月底
    relative_year_re: re.Pattern[str]
    #: a relative-year word starting a date after a range connector: 11月至次年2月
    relative_year_start_re: re.Pattern[str]
    #: a currency word that may stand between a comparator and its number: 约新台币870亿元
    currency_re: re.Pattern[str]


def _rows(name: str) -> list[list[str]]:
    return rows(DATA / name)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _spaced_alternation(words: list[str]) -> str:
    """The words, each allowing one space between its characters: a converter that spaces out
    characters writes 以 上 and 不 少于 (bounds.py reads the word with its spaces removed)."""
    return "|".join("[ \u3000]?".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))


@cache
def lexicon() -> Lexicon:
    """Read and compile the data files once per process."""
    units = {}
    for row in _rows("units.tsv"):
        flags = set(row[2].split(",")) if len(row) > 2 else set()
        units[row[0]] = Unit(row[0], row[1], "one" in flags, "hanzi" in flags, "scaled" in flags)
    before, after = {}, {}
    for row in _rows("comparators.tsv"):
        c = Comparator(row[0], row[1], row[2], row[3])
        (before if c.side == "before" else after)[c.word] = c
    # a stretch like 22.09KB is a file size, 500kVA a quantity: the mask spares the Latin units
    latin = _alternation([u for u in units if re.search("[A-Za-z]", u)])
    patterns = [row[0].replace("{latin_units}", latin) for row in _rows("not_figures.tsv")]
    cues = _rows("one_cues.tsv")
    one_before = "|".join(f"(?:{r[0]})" for r in cues if r[1] == "before")
    one_after = "|".join(f"(?:{r[0]})" for r in cues if r[1] == "after")
    adjacent = [w for w, c in before.items()]
    clause = [w for w, c in before.items() if c.reach == "clause"]
    relative = {r[0]: (r[1], int(r[2])) for r in _rows("relative_years.tsv")}
    currencies = [u for u, v in units.items() if v.kind == "money" and len(u) > 1]
    return Lexicon(
        units=units,
        # a unit may carry a rate suffix: 20个/年
        # (a Latin unit never runs into another letter: 5mg is no 5m)
        unit_re=re.compile(rf"(?:(?:{_alternation(list(units))})(?<![A-Za-z])|(?:{latin})(?![A-Za-z]))"
                           rf"(?:/(?:立方米|平方米|公里|千米|[年月日天周人次户升hs]))?"),
        unit_words_re=re.compile(_alternation([r[0] for r in _rows("unit_words.tsv")])),
        before=before,
        before_adjacent_re=re.compile(rf"(?:{_spaced_alternation(adjacent)})[ \u3000]*$"),
        before_clause_re=re.compile(rf"(?:{_spaced_alternation(clause)})"),
        after=after,
        # 95%（含）以上: an inclusive marker may stand between the figure and the word
        after_re=re.compile(rf"[ \u3000]*(?:[（(]含[)）])?(?:{_spaced_alternation(list(after))})"),
        not_figures=tuple(re.compile(p) for p in patterns),
        one_before=re.compile(rf"(?:{one_before})$"),
        one_after=re.compile(one_after),
        change_re=re.compile(_alternation([r[0] for r in _rows("change_verbs.txt")])),
        money_cue_re=re.compile(_alternation([r[0] for r in _rows("money_cues.txt")])),
        relative_years=relative,
        relative_year_re=re.compile(rf"(?:{_alternation(list(relative))})[ \u3000]*$"),
        relative_year_start_re=re.compile(rf"(?:{_alternation(list(relative))})[ \u3000]*"),
        currency_re=re.compile(rf"(?:{_alternation(currencies)})[ \u3000]*$"),
    )
