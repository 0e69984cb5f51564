"""A document a conversion spaced out: spaces inside words all through it (``主要职 责``, ``会 议``).

PDF/DOCX converters and sharing sites put a space between characters of a word
(``常务委员 会``, ``召 开``), after every list comma (``1、 传达中央、 国务院``) and
between a number and its unit. :mod:`gongwen.normalize.spacing` removes such a
space where the line around it shows that it is noise, which needs lines with
fewer spaces than punctuation marks; on a spaced-out page every line has more,
so nothing there tells a stray space from a table's or a heading's.

The document does: the decision is taken once for the whole text. A writer sets
a space between two Chinese characters only where one unit ends and the next
begins (a heading's title and its content, table cells, names in a list), so
jieba's dictionary finds a word boundary there. A converter's space falls
anywhere, so about half of them cut a word (``会 议``), and it follows list
commas, which a writer never spaces. A text where such spaces are a noticeable
share of its characters (:func:`spaced_out`) is spaced out, and there
(:func:`remove_spaced_out`):

- every space that cuts a word goes, and so does a letter-spaced short word
  (``总 则``), a space after a clause mark (``、``, ``，``) or before one;
- a space between two words goes inside a sentence; on a line without clause
  marks (a title, a cell row, names) it stays, since there it may part units;
- a space stays before a heading's number (``制度 一、会议组成``), after an
  article's (``第六条 站务会议``), in a run of two or more (a column gap), and
  after a run-in heading's title when that ends in a noun that ends titles
  (``一、会议组成 局党组会议由…``; the structure stage's ``head_noun`` list);
- in a pipe or TAB table row only the spaces inside a cell's words go.

Every removal is a guess, so the document gets one warning saying how many spaces went.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path

from gongwen import lexicon
from gongwen.counting import count_chars
from gongwen.normalize.edits import Edit
from gongwen.normalize.lines import is_cell, is_table_row, line_head
from gongwen.normalize.spacing import CLAUSE_PUNCT, HAN, SP, UNITS, cell_number
from gongwen.structure.markers import CITED_AFTER
from gongwen.tokenize import cut

#: The label cells of budget tables (``项目名称``, ``年度主要目标``): words of a table's
#: language that jieba's dictionary lacks, so a space inside one is seen to cut it.
TABLE_LABELS = Path(str(resources.files("gongwen.extractors") / "budget_headers.tsv"))
#: How far before a space a label word that ends there is looked for.
LABEL_REACH = 12
#: The structure stage's word lists: ``head_noun`` are the nouns that end a heading's title.
STRUCTURE_LEXICON = Path(str(resources.files("gongwen.structure") / "lexicon.tsv"))
#: Spaces that show a conversion (word-cutting ones and ones after a clause mark) at this
#: share of a text's Chinese characters make it spaced out; a written text has next to none.
SPACED_SHARE = 0.008
#: … and at least this many of them.
SPACED_MIN = 3
#: A run-in heading's title is at most this many characters long.
TITLE_MAX = 12
#: The content after a run-in title is at least this long (else the line is a title).
CONTENT_MIN = 9

HAN_CHAR = re.compile(f"[{HAN}]")
NUMERALS = "一二三四五六七八九十百零〇"
#: Commas, after which a converter spaces (a space after ``；`` or ``。`` may part paragraphs
#: of a flattened page, which the paragraph rule after this one reads).
LIST_PUNCT = "，,、"
#: One space between two Chinese characters (a gap of two or more is a column gap).
GAP = re.compile(f"(?<=[{HAN}]){SP}(?=[{HAN}])")
#: A space after a list comma or clause mark that follows a Chinese character (``中央、 国务院``).
MARK_SPACE = re.compile(f"(?<=[{HAN}\\d)）”’」』》〉】][{LIST_PUNCT}]){SP}+(?=[{HAN}\\d“‘《(（])")
SPACES = re.compile(f"{SP}+")
#: A clause mark: a line holding one is running text.
CLAUSE = re.compile(r"[，、；;。！？]|,(?!\d)")
#: An article, chapter or section marker, perhaps letter-spaced (``第 六 条``), before a space.
ARTICLE_END = re.compile(f"第{SP}*[一二三四五六七八九十百零〇\\d]+(?:{SP}*[一二三四五六七八九十百零〇\\d])*{SP}*[条章节款]$")
#: An ordinal that opens a line as its label (``第四类 编制工作``, ``第一部分 总体情况``).
ORDINAL_LABEL = re.compile(f"{SP}*第[{NUMERALS}\\d]+(?:(?![{NUMERALS}])[{HAN}]){{1,2}}")
#: A heading number of Chinese numerals (``一、``, ``(一)``) and a two-character title
#: letter-spaced as statistical bulletins set them (``一、综 合 初步核算…``), before a space.
LETTER_SPACED_TITLE = re.compile(f"{SP}*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]){SP}*"
                                 f"([{HAN}]){SP}([{HAN}])(?={SP}[{HAN}])")
#: A date that a space sets off from the text after it (``1995年6月14日 某省第八届…``).
DATE_END = re.compile(f"(?:\\d{{1,2}}|[〇零一二三四五六七八九十]{{1,3}}){SP}?日$")
#: What a heading's number is, of the line starts of ``line_heads.txt`` (not a label
#: ``X:``, an enumeration ``一是``, markdown or a dash).
NOT_A_NUMBER_END = ":：是#-*+> —"
#: A line without clause marks with this many spaces between words holds units (cells, names).
UNITS_MIN = 3
#: A number written onto the word before it (``第13``, ``公开01``), ending where a space follows.
GLUED_NUMBER = re.compile(f"[{HAN}]\\d+$")
#: A number opening a line, then a space and a word.
CODE_CELL = re.compile(f"{SP}*\\d+(?={SP}+[{HAN}])")
#: A value cell closing a row: a number, maybe after a comparator, standing apart at the line's
#: end (``养护里程 ≥300公里``, ``完好率 85%``): an indicator row of a table without separators.
VALUE_CELL = re.compile(f"{SP}[≥≤><＞＜]?=?\\d[\\d,.]*[^ \u3000]*$")
#: … and is at most this long (a longer one is a text that lost its punctuation).
UNITS_LINE_MAX = 80
#: After an article number, these continue a reference to it (the structure stage's list).
CITED = frozenset(CITED_AFTER)
#: A target value's number after its comparator and a short word, a space between (``≥100 百分比``):
#: a comparator opens a cell holding a number and what it counts, so the short word is its unit.
COMPARED_UNIT = re.compile(f"[≥≤＞＜><]=?\\d[\\d,.]*({SP})[{HAN}]{{1,3}}(?={SP}|$)")
#: An aside in brackets inside a label as written (``部门（单位）名称``).
ASIDE = re.compile(r"[（(][^（()）\s]{1,6}[)）]")
#: Where a letter-spaced article marker is looked for before a space.
ARTICLE_REACH = 16
#: The warning :func:`remove_spaced_out` leaves: the record that the document was found spaced out.
NOTE = "spaces inside words all through the text (a conversion's)"


@lru_cache(maxsize=1)
def head_nouns() -> tuple[str, ...]:
    """Nouns that end a heading's title (``范围``, ``组成``, ``时间``), longest first."""
    return tuple(sorted(lexicon.of_kind(STRUCTURE_LEXICON, "head_noun"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _table_labels() -> re.Pattern[str]:
    """The budget tables' label words of three or more Chinese characters, longest first; a
    label the conversion cut with a space (``项 目名称``) is still the label."""
    words = {row[1] for row in lexicon.rows(TABLE_LABELS) if len(row) > 1 and re.fullmatch(f"[{HAN}]{{3,}}", row[1])}
    return re.compile("|".join(f"{SP}?".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True)))


def _cuts(text: str) -> set[int]:
    """Offsets of ``text`` where jieba's dictionary words (no HMM guesses) meet, but not
    inside a table's label word."""
    out = set(accumulate(map(len, cut(text, hmm=False))))  # where each word ends
    for m in _table_labels().finditer(text):
        out -= set(range(m.start() + 1, m.end()))
    return out


def _gaps(line: str) -> list[tuple[int, bool, int]]:
    """Each one-space gap between Chinese characters of ``line``: (offset, whether it cuts a
    dictionary word, on how many of its sides a single character stands: ``总 则`` 2)."""
    starts = [m.start() for m in GAP.finditer(line)]
    if not starts:
        return []
    cuts = _cuts(GAP.sub("", line))
    out = []
    for k, s in enumerate(starts):
        single_left = s < 2 or not HAN_CHAR.match(line[s - 2])
        single_right = s + 2 >= len(line) or not HAN_CHAR.match(line[s + 2])
        out.append((s, s - k not in cuts, single_left + single_right))
    return out


def _prose_lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if not (is_cell(ln) or is_table_row(ln))]


def conversion_spaces(text: str) -> tuple[int, int]:
    """(spaces that show a conversion, Chinese characters) over the text's non-table lines:
    spaces cutting a dictionary word (not letter-spacing on both sides, which headings
    use: ``总 则``) and spaces after a clause mark."""
    marks = han = 0
    for line in _prose_lines(text):
        han += count_chars(HAN_CHAR, line)
        if " " not in line and "\u3000" not in line:
            continue
        number_end = _number_end(line)  # 一、 大型活动: a heading number's own space (Taiwan sets one)
        marks += sum(m.start() > number_end for m in MARK_SPACE.finditer(line))
        marks += sum(inside and single < 2 for _, inside, single in _gaps(line))
    return marks, han


def spaced_out(text: str) -> bool:
    """Whether a conversion spaced the text out (see the module docstring)."""
    marks, han = conversion_spaces(text)
    return marks >= SPACED_MIN and marks >= SPACED_SHARE * han


def _number_end(line: str) -> int:
    """Where a heading's number that opens ``line`` ends, or -1."""
    m = line_head().match(line)
    if m is None or m.group(0)[-1:] in NOT_A_NUMBER_END or ":" in m.group(0) or "：" in m.group(0):
        return -1
    return m.end()


def _number_at(line: str, pos: int) -> bool:
    """Whether a heading's number starts at ``pos`` (``制度 一、会议组成``)."""
    m = line_head().match(line, pos)
    if m is None or m.group(0)[-1:] in NOT_A_NUMBER_END or re.search("[:：]", m.group(0)):
        return False
    return not (m.group(0).lstrip(" \u3000").startswith("第") and _cited(line, m.end()))


def _cited(line: str, pos: int) -> bool:
    """Whether the article number ending at ``pos`` is cited (``准则第三条第三项``, ``第五条的规定``)
    rather than heading its article: a word that continues the reference follows."""
    rest = line[pos:pos + 3].lstrip(" \u3000")
    return rest[:1] in CITED


def _title_starts(line: str) -> list[tuple[int, bool]]:
    """Where a run-in heading's title may start, and whether a number stands before it: after
    the number opening the line (or at the line start), and after a number that follows a
    space (``制度 一、会议组成 局党组…``)."""
    starts = [(max(_number_end(line), 0), _number_end(line) >= 0)]
    for m in SPACES.finditer(line):
        if _number_at(line, m.end()):
            head = line_head().match(line, m.end())
            starts.append((head.end() if head else m.end(), True))
    return starts


def _runin_gaps(line: str, gaps: dict[int, tuple[bool, int]]) -> set[int]:
    """The gaps that set a run-in heading's title off from its content: after each title
    start, the first word-boundary gap before the next clause mark that ends a title of 2 to
    :data:`TITLE_MAX` characters ending in a title noun, with content after it."""
    spaced = LETTER_SPACED_TITLE.match(line)
    if (spaced and len(line) - spaced.end() > CONTENT_MIN and spaced.end() in gaps
            and not gaps[spaced.end()][0] and len(cut(spaced.group(1) + spaced.group(2), hmm=False)) == 1):
        return {spaced.end()}  # the title is the word letter-spaced
    out = set()
    for start, numbered in _title_starts(line):
        clause = CLAUSE.search(line, start)
        for s in sorted(g for g in gaps if g > start and (clause is None or g < clause.start())):
            title = SPACES.sub("", line[start:s]).lstrip("、．.")
            if len(title) > TITLE_MAX or not numbered and "的" in title:  # 我从事…的写作时间 不长: a subject
                break
            if not gaps[s][0] and len(title) >= 2 and title.endswith(head_nouns()) and len(line) - s > CONTENT_MIN:
                out.add(s)
                break
    return out


def _cell_edits(cell: str, offset: int) -> list[Edit]:
    """Edits inside one table cell: spaces that cut a word or letter-space one, spaces after clause marks."""
    gone = {s for s, inside, single in _gaps(cell) if inside or single}
    gone |= {m.start() for m in MARK_SPACE.finditer(cell)}
    return [Edit(offset + m.start(), offset + m.end()) for m in SPACES.finditer(cell) if m.start() in gone]


def _row_edits(line: str, offset: int) -> list[Edit]:
    """Edits inside the cells of a pipe or TAB row (the separators and their padding stay)."""
    edits: list[Edit] = []
    pos = 0
    for cell in re.split(r"[|\t]", line):
        edits.extend(_cell_edits(cell, offset + pos))
        pos += len(cell) + 1
    return edits


@lru_cache(maxsize=1)
def _unit_after_number() -> re.Pattern[str]:
    """A space between a number and a unit of the figures' unit table (``50 个``, ``30 余家``):
    a one-character unit, or a longer one that ends its word (not ``29.46 公车``, whose 公
    only opens units such as 公里, nor the code cell of ``05 老人福利``)."""
    words = {row[0] for row in lexicon.rows(UNITS) if row and row[0] and "hanzi" not in row[2:3]}
    single = "".join(sorted(w for w in words if len(w) == 1 and HAN_CHAR.match(w)))
    multi = "|".join(sorted((re.escape(w) for w in words if len(w) > 1), key=len, reverse=True))
    return re.compile(rf"(?<=\d){SP}+(?=[万亿余多]*(?:{multi})(?![{HAN}])|[万亿余多]*[{single}]|%)")


def _code_cell(line: str) -> bool:
    """Whether ``line`` opens with a number standing as a cell of its own (a code or row
    number: ``05 老人福利 …``, ``2000 业务费 …``), not with a number and its unit."""
    m = CODE_CELL.match(line)
    return m is not None and not _unit_after_number().match(line, m.end())


def _parts_units(line: str, gaps: dict[int, tuple[bool, int]]) -> bool:
    """Whether a space between two words may part units on ``line`` (table cells, names): a
    line that holds a number cell (``年度资金总额 0 0 10``), or a line without clause marks
    with :data:`UNITS_MIN` or more such spaces. On a line of sentences, or on a title or
    label the converter cut once or twice (``机构设置 及职能：``), it is the converter's."""
    if cell_number().search(line) or _code_cell(line):
        return True
    if CLAUSE.search(line) or len(line) > UNITS_LINE_MAX:  # a long line without marks lost them
        return False
    if VALUE_CELL.search(line):
        return True
    return sum(not inside for inside, _ in gaps.values()) >= UNITS_MIN


def _line_edits(line: str, offset: int) -> list[Edit]:
    """Edits removing the conversion's spaces from one line of a spaced-out text."""
    gaps = {s: (inside, single) for s, inside, single in _gaps(line)}
    runin = _runin_gaps(line, gaps)
    units = _parts_units(line, gaps)
    number_units = {m.start() for m in _unit_after_number().finditer(line)}
    number_units |= {m.start(1) for m in COMPARED_UNIT.finditer(line)}
    edits = []
    for m in SPACES.finditer(line):
        s, e = m.start(), m.end()
        if s == 0 or e >= len(line):  # indentation and trailing spaces are the whitespace rule's
            continue
        a, b = line[s - 1], line[e]
        if _goes(line, s, e, a, b, gaps.get(s) if e == s + 1 else None, units, runin, s in number_units):
            edits.append(Edit(offset + s, offset + e))
    return edits


def _chinese(c: str) -> bool:
    return bool(HAN_CHAR.match(c)) or c.isdigit() or c in ")）”’」』》〉】"


def _goes(line: str, s: int, e: int, a: str, b: str, gap: tuple[bool, int] | None,
          units: bool, runin: set[int], number_unit: bool) -> bool:
    """Whether the space ``line[s:e]`` of a spaced-out text is the conversion's."""
    if a in LIST_PUNCT and _chinese(line[s - 2:s - 1] or "x"):  # 中央、 国务院 / 人员, 汇报
        return _chinese(b) or b in "“‘《(（"
    if b in CLAUSE_PUNCT or b in "。)）":  # 人员 , / 召开 )
        return _chinese(a)
    if number_unit:  # 1989 年 / 30 余家
        return True
    if e == s + 1 and GLUED_NUMBER.search(line, max(0, s - 24), s) and HAN_CHAR.match(b):
        return True  # 第13 页 / 公开01 表: a number inside a phrase, not a cell of its own
    if gap is None:  # a column gap, or a space by a Latin word or a number
        return False
    article = ARTICLE_END.search(line, max(0, s - ARTICLE_REACH), s) and b not in CITED
    if (_number_at(line, e) or article or s in runin
            or ORDINAL_LABEL.fullmatch(line, 0, s) or DATE_END.search(line, max(0, s - 5), s)):
        return False
    inside, single = gap
    if units:  # only a space inside a word goes: a one-character cell stands between two (名称 委 托业务)
        return inside
    return inside or not _by_label(line, s, e)


def _by_label(line: str, s: int, e: int) -> bool:
    """Whether a table's label word stands whole right after the space or right before it
    (``…人民政府 项目名称 …``): the space parts a label cell from the cell beside it."""
    labels = _table_labels()
    if labels.match(line, e):
        return True
    if any(m.end() == s for m in labels.finditer(line, max(0, s - LABEL_REACH), s)):
        return True
    # a label written with an aside in brackets (部门（单位）名称, 项目名称（全称）): the aside is no part of the word
    before = line[max(line.rfind(" ", 0, s), line.rfind("\u3000", 0, s)) + 1:s]
    bare = ASIDE.sub("", before)
    return bare != before and any(m.end() == len(bare) for m in labels.finditer(bare, max(0, len(bare) - LABEL_REACH)))


def remove_spaced_out(text: str) -> list[Edit]:
    """Edits removing a conversion's spaces from a spaced-out text (none from any other),
    the first carrying the document's warning."""
    if not spaced_out(text):
        return []
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if " " in line or "\u3000" in line:
            table = is_cell(line) or is_table_row(line)
            edits.extend(_row_edits(line, pos) if table else _line_edits(line, pos))
        pos += len(line) + 1
    if edits:
        first = edits[0]
        edits[0] = Edit(first.start, first.end, first.replacement,
                        note=f"{NOTE}: {len(edits)} removed")
    return edits


def found_spaced_out(warnings: list[str]) -> bool:
    """Whether a document's normalization found it spaced out (its warning is among ``warnings``):
    readers after it may then take a lone space between words for the conversion's too."""
    return any(w.startswith(NOTE) for w in warnings)
