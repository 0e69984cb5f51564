"""Stray spaces of a PDF or DOCX conversion: inside words, around punctuation, before units.

A converted page keeps a space where a printed line ended (``济南市 的南大门``),
after punctuation (``1、 传达中央、 国务院``), before a unit (``1989 年 1 月``,
``10349 名``) and before the number of a figure (``收入 1100万元``); a number
may even end a line whose next line opens with its unit. Chinese writes none of
these spaces, and they cut words and figures apart for every later stage.

But a space is also the only separator of a run-in heading (``二、议事范围
凡属…``, ``村居基层工作 2012年11月,…``) and of table cells (``项目名称 某某项目
预算单位 某某局``), so the rule only touches running text, and there only
spaces that stand *inside* a sentence:

- never on a table row (pipe/TAB rows) nor on a line whose spaces outnumber its
  punctuation (space-separated cells, lists of names);
- a space between two words needs a clause before it on the same line (a
  comma or sentence end earlier on the line), so the space after a heading or
  label that opens the line stays;
- a space after ``。！？：`` (a sentence or label end) stays: it may separate paragraphs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from gongwen import lexicon
from gongwen.normalize.edits import Edit
from gongwen.normalize.lines import is_cell, is_table_row, line_head

#: The figures extractor's unit table, found through its package so a wheel install reads it too.
UNITS = Path(str(resources.files("gongwen.extractors.figures") / "units.tsv"))
SP = "[ \u3000]"
HAN = "\u4e00-\u9fff"
#: Punctuation a space never precedes, and after which (inside a sentence) it is noise.
CLAUSE_PUNCT = "，,、；;"
#: What shows that a line is running text (a clause or a sentence ends on it).
TEXT_PUNCT = re.compile(r"[，、；;。！？]|,(?!\d)")
#: A clause ended earlier on the line (an enumeration's ``、`` does not count: table cells
#: and headings hold those too).
CLAUSE_BEFORE = re.compile(r"[，；;。！？]|,(?!\d)")
SPACE = re.compile(f"{SP}+")
#: An article, chapter or section marker just before a space (``第六条 ``): the space sets
#: the marker off from its text even in the middle of a line whose breaks were lost.
ARTICLE_END = re.compile(r"第[一二三四五六七八九十百零〇\d]+[条章节款](?:之[一二三四五六七八九十\d]+)?$")


@lru_cache(maxsize=1)
def unit_start() -> str:
    """A character class of the first characters of the figure units (``units.tsv``), with 万/亿/余/多."""
    firsts = {row[0][0] for row in lexicon.rows(UNITS) if row and row[0] and "hanzi" not in row[2:3]}
    firsts |= set("万亿余多%")
    firsts -= set("条章节款")  # 第 1 条: an article number, not a figure
    return "[" + "".join(sorted(firsts)) + "]"


#: A space between two words (a number's spaces are judged by :func:`cell_number`).
WORD_SPACE = re.compile(f"(?<=[{HAN}]){SP}+(?=[{HAN}])")


@lru_cache(maxsize=1)
def cell_number() -> re.Pattern[str]:
    """A number standing as a cell of a space-separated row: after a space and before another
    number or a word that is no unit (``经费 49.8确保…``, ``收入 8 11,122,315.04``)."""
    return re.compile(rf"{SP}\d[\d,.]*(?:{SP}+\d|(?!{unit_start()})[{HAN}])")


def _is_running_text(line: str) -> bool:
    """A line of sentences: clauses end on it, it has no more word spaces than punctuation
    (a row of space-separated cells or a list of names has more) and no number cells."""
    if is_cell(line) or is_table_row(line):
        return False
    punct = len(TEXT_PUNCT.findall(line))
    return punct >= 2 and len(WORD_SPACE.findall(line)) <= punct and not cell_number().search(line)


def _chinese(c: str) -> bool:
    """A character of Chinese running text: Han, a digit, a closing bracket or quote, a mask ``*``."""
    return "\u4e00" <= c <= "\u9fff" or c.isdigit() or c in ")）”’」』》〉】*"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units = unit_start()
    return (re.compile(units), re.compile(rf"\d{{1,2}}{SP}*[月日]"),
            re.compile(rf"(?:\d[\d.]*|X+){SP}*{units}"))


def _space_goes(line: str, s: int, e: int, first_clause: int) -> bool:
    """Whether the space ``line[s:e]`` inside running text is noise (``first_clause``: where
    the line's first clause ends, -1 when none does). Patterns match in place: no slice of
    a long line is copied per space."""
    if s == 0 or e >= len(line):  # a run of spaces is maximal: at 0 it is indentation
        return False
    unit, date_part, figure = _patterns()
    head = line_head()
    a, b = line[s - 1], line[e]
    if b in CLAUSE_PUNCT or b in "。)）":  # 人员 ,  / 召开) ,
        return _chinese(a)
    if a in CLAUSE_PUNCT:  # 书记、 党组成员 / 1、 传达 (not an English "Hello, world")
        before = line[max(0, s - 6):s - 1].rstrip(" \u3000")[-1:]  # the character before the mark
        return _chinese(b) and (not before or _chinese(before)) and (not head.match(line, e) or a == "、")
    if a.isdigit() and unit.match(b):  # 1989 年 / 10349 名
        return True
    if a in "年月" and date_part.match(line, e):  # 1990年 6月
        return True
    if a in "。！？!?：:" or head.match(line, e):  # a sentence/label end, or a heading, follows
        return False
    if ARTICLE_END.search(line, max(0, s - 12), s):  # 第六条 站务会议…: the article's own separator
        return False
    mid_clause = 0 <= first_clause < s
    if "\u4e00" <= a <= "\u9fff" and figure.match(line, e):  # 收入 1100万元
        return mid_clause
    if "\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff":  # 济南市 的南大门
        return mid_clause
    return False


def remove_word_spaces(text: str) -> list[Edit]:
    """Edits removing the spaces a conversion put inside words and figures of running text."""
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if (" " in line or "\u3000" in line) and _is_running_text(line):
            clause = CLAUSE_BEFORE.search(line)
            first_clause = clause.start() if clause else -1
            edits.extend(Edit(pos + m.start(), pos + m.end()) for m in SPACE.finditer(line)
                         if _space_goes(line, m.start(), m.end(), first_clause))
        pos += len(line) + 1
    return edits


#: A number cut after its decimal point (``95.``) and the decimals opening the next line (``10%``).
DECIMAL_CUT = re.compile(r"(?:^|\s)\d{1,9}\.$")
DECIMAL_REST = re.compile(r"\d{1,4}%?(?=\s|$)")


def join_unit_breaks(text: str) -> list[Edit]:
    """Edits joining a line that ends with a number to the next when that opens with its unit
    (``共有党员 10349\n名、预备党员…``) or its decimals (``95.\n10%``): a printed line ended
    inside the figure."""
    units = re.compile(rf"{unit_start()}[{HAN}，,、。；;]")
    edits: list[Edit] = []
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines[:-1]):
        end = pos + len(line)
        if line[-1:].isdigit() and units.match(lines[i + 1]) and _is_running_text(line + lines[i + 1]):
            edits.append(Edit(end, end + 1))
        elif DECIMAL_CUT.search(line) and DECIMAL_REST.match(lines[i + 1]):  # 95.\n10% (= 95.10%)
            edits.append(Edit(end, end + 1))
        pos = end + 1
    return edits
