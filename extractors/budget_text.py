"""Rebuild the grid of a budget table that reached us as plain text.

A spreadsheet or Word table copied as text keeps no cell structure the tables
stage can read: its cells are separated by spaces, or by nothing at all, its
rows by line breaks that the normalizer may have joined, its label cells wrapped
one word per line (``年度`` / ``预算`` / ``安排`` / ``(万元)``). This module
recovers rows of :class:`~gongwen.record.Cell` from such text, with offsets into
``doc.text``, so the same readers as for a real table apply:

* **lines**: the normalized text's lines, split again wherever the source had a
  line break the normalizer joined (found through the offset map);
* **cells**: runs of spaces separate cells; a line with no spaces but several
  vocabulary labels (a .docx text layer with no separators) is cut before and
  after each label and between words and numbers;
* **label fragments**: consecutive lines of one short word each are one label
  cell wrapped in its cell (``年度预算安排(万元)``);
* **rows from a stream**: a long line holding many rows (a text layer with no
  line breaks) is cut where a row must begin: at a label following a value,
  or at words following a number.

Only text that reads as a budget table is rebuilt (see :func:`looks_like_budget`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from gongwen import lexicon
from gongwen.extractors.budget_form import label_pairs
from gongwen.extractors.budget_fused import fused_tables
from gongwen.extractors.budget_header import (
    HERE,
    classify,
    classify_exact,
    is_header_row,
    money_units,
    vocabulary,
)
from gongwen.normalize.lines import SPACES, wrap_width
from gongwen.normalize.spaced_out import found_spaced_out
from gongwen.record import Cell, Document, Table

ROWS = HERE / "budget_rows.txt"
#: Measure words and units, shared with the figures extractor.
UNITS = HERE / "figures" / "units.tsv"
#: Words that open with a measure word (根据, 包括): after a number they are words, not its unit.
UNIT_WORDS = HERE / "figures" / "unit_words.tsv"
#: Roles of labels that take a value (a label/value pair of a form).
_PAIR_ROLES = {"unit", "activity", "amount", "description", "goal", "ignore"}

#: Separators between cells of a space-aligned line (full-width space included).
_GAP = re.compile(r"[ \u3000\u00a0\t]+")
#: A label fragment of a wrapped label cell: a few characters, no digits.
_FRAGMENT = re.compile(r"^[\u4e00-\u9fff()（）]{1,4}$|^[（(][\u4e00-\u9fff]{1,3}[)）]$")
#: A cell holding a number (an amount, a row number, a value with its unit).
_NUMBER = re.compile(r"^[≥≤><±约]?[-+]?\d[\d,.]*(?:[%％‰]|[\u4e00-\u9fff]{0,3})$")
#: A lone unit note cell that belongs to the label before it: "(万元)".
_NOTE = re.compile(r"^[（(][^（()）]{1,6}[)）]$")
#: Lines with more cells than this may be several rows run together.
STREAM_CELLS = 5
#: Lines with more cells than this hold many rows: words after a number open the next.
LONG_STREAM_CELLS = 12
#: How many lines around a line holding a label are rebuilt (a table's rows of values).
REGION_LINES = 25
#: How much text before the first label may state the amount unit.
CONTEXT_CHARS = 200
#: Longer cells are never header labels by a word they contain.
LOOSE_LABEL_CHARS = 12
#: A run of text this long holding at least FUSED_LABELS labels is a text layer with no separators.
FUSED_CHARS = 30
FUSED_LABELS = 3
#: A line of a table copied one row a line holds fewer labels: two, or one opening the line,
#: with no sentence end (。) in it, where prose runs its sentences on.
ROW_LABELS = 2
_SENTENCE_END = re.compile(r"[。！？]")
#: Roles of labels that begin a row of their own (a form label, an indicator category).
_ROW_ROLES = {"unit", "activity", "amount", "description", "goal", "ignore", "indicator_group", "indicator",
              "grade", "value", "category"}


@dataclass
class _Span:
    start: int
    end: int


def source_lines(doc: Document) -> list[_Span]:
    """The lines of ``doc.text``, also split where the source text had a line break
    the normalizer joined (the offset map shows the removed ``\\n``).

    Each source line break is looked up in the offset map by bisection: the first
    normalized character at or after it starts a line, unless the break survived or
    the normalizer removed more than blanks with it between the two halves of a word (a page
    footer: that join is the repair), or the break cut a line of a text
    layer cut at a fixed width, not a row: the line it ends runs to the width the
    source wraps its lines at (:func:`~gongwen.normalize.lines.wrap_width`), or its
    halves are one token (:func:`_cut_token`: ``13,628,96`` / ``5.89``, ``(按`` /
    ``功能分类)``).
    """
    text, offsets, source = doc.text, doc.work.offsets, doc.work.source_text
    key = _LINES_OF[0]
    if key is not None and key[0] is text and key[1] is offsets and key[2] is source:
        return list(_LINES_OF[1])  # the same document again (one call per table found)
    out = _source_lines(text, offsets, source)
    _LINES_OF[:] = [(text, offsets, source), out]
    return list(out)


#: The last document's text, offsets and source (compared by identity) and its lines:
#: :func:`lead_rows` asks once per table, and each answer is a pass over the whole text.
_LINES_OF: list[Any] = [None, []]


def _start_of(span: _Span) -> int:
    return span.start


def _source_lines(text: str, offsets: Sequence[int], source: str | None) -> list[_Span]:
    """:func:`source_lines` computed."""
    cuts = {m.end() for m in re.finditer("\n", text)}
    if source and len(offsets) == len(text) + 1:
        width = wrap_width(source.split("\n"))
        for m in re.finditer("\n", source):
            i = bisect.bisect_left(offsets, m.start())
            if 0 < i < len(text) and offsets[i] != m.start() and text[i - 1] != "\n" and (
                    not source[offsets[i - 1] + 1:offsets[i]].strip() or not _word_across(text, i)) and not (
                    width and width - 1 <= _line_before(source, m.start()) <= width) and not _cut_token(text, i):
                cuts.add(i)  # a plain line break joined; one that took a page footer inside a word stays joined
    bounds = sorted({0, len(text), *cuts})
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        end = b - 1 if b > a and text[b - 1] == "\n" else b
        out.append(_Span(a, end))
    return out


#: Where a row's last number runs into the next row's item number (``31二、外交支出``, or
#: ``31二外交支出`` when the 、 went with the punctuation, a text layer that lost its line
#: breaks): no number runs on into a Chinese numeral.
_ITEM_AFTER_NUMBER = re.compile(r"(?<=[\d%])(?=[一二三四五六七八九十]{1,3}[、\u4e00-\u9fff])")


#: A number written with thousands separators: its last group has exactly three digits, so
#: a digit right after it (``55,0002024``) opens another number.
_GROUPED_END = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?=\d)")


@cache
def _grouped_then_words() -> re.Pattern[str]:
    """A number with thousands separators, or of five digits or more without them (a text that
    lost its punctuation: ``340000资讯…``), followed by words that are not its unit
    (``340,000资讯设备维护费``): the words open the next cell."""
    units = sorted((r[0] for r in lexicon.rows(UNITS) if len(r) > 1 and "hanzi" not in (r[2] if len(r) > 2 else "")),
                   key=len, reverse=True)
    alt = "|".join(re.escape(u) for u in sorted({*units, *money_units()}, key=len, reverse=True))
    return re.compile(rf"(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|(?P<plain>\d{{5,}}))(?:\.\d+)?(?=[\u4e00-\u9fff])"
                      rf"(?![万亿千]?(?:{alt}))")


#: Words (perhaps after a year) then a number, nothing else (``预算数2000``, ``114预算05``): a
#: label glued to the number after it.
_LABEL_THEN_NUMBER = re.compile(r"(\d{0,4}[\u4e00-\u9fff（）()]{2,})\d[\d,.]*$")


@cache
def _unit_then_grouped() -> re.Pattern[str]:
    """A sum of money in words (``…150,205,000元``) run into a grouped amount (``4,773,630,000``):
    the amount is a cell of its own; so is the label after a unit note (``单位:元|编号``)."""
    alt = "|".join(re.escape(u) for u in sorted(money_units(), key=len, reverse=True))
    return re.compile(rf"\d(?:{alt})(?=\d{{1,3}}(?:,\d{{3}})+(?!\d))|单位[:：]?(?:{alt})(?=[\u4e00-\u9fff])")


#: A number cell closed by a clause mark (``3；``): a mark a punctuation restorer put after the
#: last cell of a row it took for a clause; no number cell ends in one.
_NUMBER_THEN_MARK = re.compile(r"^([≥≤><]?\d[\d,.]*%?)[；;，,。、]$")


def _glued_pieces(part: str) -> list[str]:
    """``part`` cut where one cell's number runs into the next cell with no space between:
    a grouped number's last group ends after three digits (``55,000|2024``), words that are no
    unit follow a grouped number (``340,000|资讯设备…``), an item number follows a number
    (``31|二、外交支出``), a number follows a whole header label (``预算数|2000``), a grouped amount
    follows a sum of money in words (``…元|4,773,630,000``). A text layer that lost its line breaks runs rows together so."""
    cuts = {m.end() for m in _GROUPED_END.finditer(part)}
    cuts.update(m.end() for m in _grouped_then_words().finditer(part) if not m.group("plain"))
    cuts.update(m.start() for m in _ITEM_AFTER_NUMBER.finditer(part))
    cuts.update(m.end() for m in _unit_then_grouped().finditer(part))
    label = _LABEL_THEN_NUMBER.match(part)
    if label and (classify_exact(label.group(1)) is not None or (
            label.group(1)[0].isdigit() and classify(label.group(1)) is not None)):
        cuts.add(label.end(1))  # a header's last label and the first row's code (预算数|2000, 114预算|05)
    bounds = sorted({0, len(part), *cuts})
    return [part[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


#: The number before a cut: digits, perhaps with separators, perhaps ending at its point or a comma.
_NUMBER_HEAD = re.compile(r"\d[\d,]*[.,]?$")
#: The number after a cut.
_NUMBER_TAIL = re.compile(r"[\d,]*\d(?:\.\d+)?")
#: A number written with thousands separators, every group whole.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: An opening bracket the text before a cut leaves open, and the closing one after it.
_OPEN = re.compile(r"[(（][^()（）\s]*$")
_CLOSE = re.compile(r"[^()（）\s]*[)）]")


def _cut_token(text: str, i: int) -> bool:
    """Whether the line break the normalizer removed at ``i`` fell inside one token, which
    no row boundary does: a number whose halves make one grouped number that the first half
    alone is not (``13,628,96`` / ``5.89``, ``25,`` / ``754,899.39``) or that was cut after its
    point (``95.`` / ``10``), or a bracket the first half opens and the second closes."""
    before, after = text[max(0, i - 24):i], text[i:i + 24]
    head, tail = _NUMBER_HEAD.search(before), _NUMBER_TAIL.match(after)
    if head and tail:
        whole = head.group() + tail.group()
        if head.group().endswith(".") and "." not in head.group()[:-1] and "," not in tail.group():
            return True
        if _GROUPED.fullmatch(whole) and not _GROUPED.fullmatch(head.group()):
            return True
    return bool(_OPEN.search(before) and _CLOSE.match(after))


def _word_across(text: str, i: int) -> bool:
    """Whether a word goes on across position ``i``: Chinese characters on both sides (维修维 /
    护次数) or a number's digits (``4`` / ``0``), so a page footer the normalizer removed there cut the word; a page marker removed
    between a row's words and its number (``业务工作专项`` / ``938.8``) cut no word."""
    a, b = text[i - 1], text[i]
    return bool(_HAN_FIRST.match(a) and _HAN_FIRST.match(b)) or (a.isdigit() and (b.isdigit() or b in ".,%"))


def _line_before(source: str, end: int) -> int:
    """How long the source line ending at ``end`` is, without its blanks at either end."""
    return len(source[source.rfind("\n", 0, end) + 1:end].strip(SPACES))


def _cells_of(text: str, span: _Span, joined: list[str] | None = None, label_columns: int = 0) -> list[Cell]:
    """The cells of one line: space-separated, or cut at labels when it has no spaces;
    words a stray space cut apart are joined back (and listed in ``joined``), and, when
    ``label_columns`` is set (a text a conversion spaced out), the parts of a row's label
    cell too (:func:`_rejoin_label`)."""
    out: list[Cell] = []
    pos = span.start
    for part in _GAP.split(text[span.start:span.end]):
        for piece in _glued_pieces(part):
            if piece:
                lo = text.index(piece, pos)
                pos = lo + len(piece)
                number = _NUMBER_THEN_MARK.match(piece)
                piece = number.group(1) if number else piece
                out.append(Cell(text=piece, start=lo, end=lo + len(piece)))
    cut: list[Cell] = []
    joined = [] if joined is None else joined
    out = _rejoin_words(out, text, joined)
    if label_columns:
        out = _rejoin_label(out, text, joined, label_columns)
    for cell in _attach_notes(out, text):
        parts = _cut_fused(cell) if len(cell.text) > LOOSE_LABEL_CHARS else [cell]
        # a whole line with no separators: a form's label and value run together
        parts = _label_then_value(cell) if parts == [cell] and len(out) == 1 else parts
        cut.extend(p for part in parts for p in _plain_amount_then_words(part))
    return cut


def _plain_amount_then_words(cell: Cell) -> list[Cell]:
    """A cell the label cuts left whole, cut after a number of five digits or more written
    without separators that words follow, which are no unit of it and no column label (a text
    that lost its punctuation and line breaks: ``340000资讯…``): the words open the next cell."""
    cuts = [m.end() for m in _grouped_then_words().finditer(cell.text)
            if m.group("plain") and not _any_label().match(cell.text, m.end())]
    bounds = [0, *cuts, len(cell.text)]
    return [Cell(text=cell.text[a:b], start=cell.start + a, end=cell.start + b)
            for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


#: The longest form label looked for at the start of a fused label/value line.
PREFIX_LABEL_CHARS = 16


def _label_then_value(cell: Cell) -> list[Cell]:
    """A form's label and its value run together (``部门(单位)名称某中心``, ``*年度总体绩效目标做好…``):
    the longest opening that is exactly a label of a label/value pair written with an aside
    or a required-field mark (which hide it from the label search of :func:`_cut_fused`),
    cut from the value after it; the cell as it is otherwise."""
    text = cell.text
    for k in range(min(len(text) - 1, PREFIX_LABEL_CHARS), 1, -1):
        label = classify_exact(text[:k])
        if label is not None and label.role in _PAIR_ROLES and _HAN_START.match(text[k:]) and (
                _WRITTEN_ASIDE.search(text[:k])):
            return [Cell(text=text[:k], start=cell.start, end=cell.start + k),
                    Cell(text=text[k:], start=cell.start + k, end=cell.end)]
    return [cell]


#: An aside in brackets or a required-field mark inside a label as written.
_WRITTEN_ASIDE = re.compile(r"[（(][^（()）]{1,6}[)）]|^[*＊]")
#: A value opens with a word or a number, not with the rest of a label's brackets.
_HAN_START = re.compile(r"^[\u4e00-\u9fff\dA-Za-z]")


#: A part of a word a stray space cut off: Han characters (and brackets) only.
_HAN_PART = re.compile(r"^[\u4e00-\u9fff（）()]+$")
#: A year (西元 or 民国) that may open a header label: ``2024预算数``, ``114预算``.
_YEAR_PART = re.compile(r"^\d{2,4}$")
#: The most parts a label may have been cut into.
MAX_LABEL_PARTS = 3


def _rejoin_words(cells: list[Cell], text: str, joined_words: list[str]) -> list[Cell]:
    """Cells that are parts of one word a conversion spaced apart, joined back.

    A stray space inside a word (``项 目名称``, ``委 托业务项目``) looks like a cell gap; the
    parts are told by what they make: adjacent Han parts one space apart that together
    are exactly a vocabulary label though none of them is one, and a lone Han character that is
    no label (a cell is rarely one character; grades 优/良 are labels) joined to the word
    after it. Each join is listed in ``joined_words`` (as written) for a warning.
    """
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        joined = None
        for k in range(MAX_LABEL_PARTS, 1, -1):
            parts = cells[i:i + k]
            if len(parts) < k or not all(_HAN_PART.match(c.text) for c in parts) or any(
                    text[a.end:b.start] != " " for a, b in zip(parts, parts[1:], strict=False)):
                continue
            word = "".join(c.text for c in parts)
            if classify_exact(word) is not None and not any(classify_exact(c.text) for c in parts):
                joined = parts
                break
        if joined is None and i + 1 < len(cells) and out and _YEAR_PART.match(cells[i].text) \
                and text[cells[i].end:cells[i + 1].start] == " " and classify_exact(out[-1].text) is not None \
                and (lab := classify_exact(cells[i + 1].text)) is not None and lab.role == "amount":
            joined = cells[i:i + 2]  # a year spaced off its header label (单价 114 预算: 114预算)
        if joined is None and i + 1 < len(cells) and len(cells[i].text) == 1 and _HAN_PART.match(cells[i].text) \
                and classify_exact(cells[i].text) is None and _HAN_PART.match(cells[i + 1].text) \
                and text[cells[i].end:cells[i + 1].start] == " " and classify_exact(cells[i + 1].text) is None:
            joined = cells[i:i + 2]
        if joined is None:
            out.append(cells[i])
            i += 1
            continue
        word = "".join(c.text for c in joined)
        joined_words.append(text[joined[0].start:joined[-1].end])
        out.append(Cell(text=word, start=joined[0].start, end=joined[-1].end))
        i += len(joined)
    return out


#: A part of a row's label cell a conversion's space cut off: Han characters (and brackets),
#: the first part perhaps opened by the row's item number (``八、社会保障和``).
_LABEL_HEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])?[\u4e00-\u9fff（）()]+$")


#: A cell opening with a number: an amount, a target with its standard (``100%(历史标准)``).
_VALUE_START = re.compile(r"^[≥≤><＞＜±约]?=?[-+]?\d")


def _rejoin_label(cells: list[Cell], text: str, joined_words: list[str], columns: int = 1) -> list[Cell]:
    """The parts of a row's label cell that a conversion's spaces cut (``社会保障和 就业 支出 38 697.84``,
    ``2030 差旅 交通 费 5,000`` under a header naming one text column), joined back; used only where normalization found the whole
    text spaced out, since elsewhere one space may part two text cells.

    The parts are told by where they stand: a run of two or more Han parts exactly one space
    apart, none a vocabulary label (``产出指标 数量指标`` are two cells), opening the line or
    following its code cell, and followed by a number cell, and more of them than the
    ``columns`` of text its table's header names (科目 and 说明 are two): the row holds no
    more text cells before its values, so the words there are one cell. Not inside a line
    that runs many rows together, where text after a number may be several cells of the
    next row (an indicator's name, its standard, its result). Each join goes to ``joined_words``.
    """
    out: list[Cell] = []
    lead = 1 if cells and _NUMBER.match(cells[0].text) else 0
    while lead < len(cells) and _is_category(cells[lead].text):
        lead += 1  # an indicator row's categories (产出指标 数量指标) stand before its name
    i = 0
    while i < len(cells):
        j = i + 1
        if (i == 0 or i == lead) and _LABEL_HEAD.match(cells[i].text):
            while j < len(cells) and _HAN_PART.match(cells[j].text) and text[cells[j - 1].end:cells[j].start] == " ":
                j += 1
        run = cells[i:j]
        if (len(run) < 2 or len(run) <= columns or j >= len(cells) or not _VALUE_START.match(cells[j].text)
                or any(classify_exact(c.text) is not None for c in run)):
            out.append(cells[i])
            i += 1
            continue
        joined_words.append(text[run[0].start:run[-1].end])
        out.append(Cell(text="".join(c.text for c in run), start=run[0].start, end=run[-1].end))
        i = j
    return out


#: Roles of the header labels of columns holding text (科目, 说明, 年度目标).
_TEXT_ROLES = {"activity", "description", "goal", "indicator"}


def _text_columns(cells: list[Cell]) -> int:
    """How many text columns a header row names (0 if ``cells`` are no header: fewer than two labels)."""
    labels = [lab for c in cells if (lab := classify_exact(c.text)) is not None]
    return sum(lab.role in _TEXT_ROLES for lab in labels) if len(labels) >= 2 else 0


def _attach_notes(cells: list[Cell], text: str) -> list[Cell]:
    """A unit note cell ``(万元)`` joins the label before it."""
    out: list[Cell] = []
    for cell in cells:
        if out and _NOTE.match(cell.text) and not _NUMBER.match(out[-1].text):
            prev = out[-1]
            out[-1] = Cell(text=text[prev.start:cell.end], start=prev.start, end=cell.end)
        else:
            out.append(cell)
    return out


@cache
def _labels() -> tuple[str, ...]:
    """Labels to cut fused text at, longest first: vocabulary labels of 3 characters or
    more (shorter ones hide in values) and the short ones of ``budget_rows.txt`` (cut)."""
    words = {w for w, lab in vocabulary().items() if len(w) >= 3 and lab.role != "other_period"}
    words.update(lexicon.of_kind(ROWS, "cut"))
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@cache
def _any_label() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in _labels()))


@cache
def _explain() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in lexicon.of_kind(ROWS, "explain")))


@cache
def _after_number() -> re.Pattern[str]:
    """A number, its unit if any (count, percent, money: not 年/月/日, which make dates),
    then the characters after it: a cell ends after the unit when words follow. A word that
    opens with a measure word (``524根据…``: 根据, not 根) is no unit, as the figures read it."""
    words = "|".join(re.escape(w) for w in sorted(lexicon.entries(UNIT_WORDS), key=len, reverse=True))
    units = sorted((r[0] for r in lexicon.rows(UNITS) if len(r) > 1 and r[1] in ("count", "percent", "money")
                    and "hanzi" not in (r[2] if len(r) > 2 else "")), key=len, reverse=True)
    alt = "|".join(re.escape(u) for u in sorted({*units, *money_units()}, key=len, reverse=True))
    return re.compile(rf"[≥≤><]?\d[\d,.]*(?:(?!{words})(?:[万亿千]?(?:{alt})|%)(?=[\u4e00-\u9fff])"
                      rf"|(?=[^\W\d年月日号时万亿千A-Za-z_]))")


#: A label this close after the previous cut, and right before another label, ends a value.
TAIL_CHARS = 4
#: A year written before a label it belongs to: "2020年实际执行数".
_YEAR = re.compile(r"\d{4}年度?$")
#: Where words end and a number begins.
_WORD_THEN_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])(?=[≥≤><]?\d)")


def _cut_fused(cell: Cell) -> list[Cell]:
    """Cells of a run of text with no separators: cut before and after each label it holds,
    before an explanation, between words and the number after them, and after a number
    (with its unit) that words follow.

    A label of a label/value pair directly followed by another label, with words before
    it, is a word of a value (``本级支出项目`` before ``项目性质``), not a cell.
    """
    text = cell.text
    least = FUSED_LABELS
    if not _SENTENCE_END.search(text):
        # a row's first cell is a label, and its value follows it directly
        least = 1 if _any_label().match(text) else ROW_LABELS
    if len(_any_label().findall(text)) < least:
        return [cell]  # a quick look first: most long cells are prose, not fused labels
    taken = [False] * len(text)
    found: list[tuple[int, int]] = []
    # longest labels first, and of two as long that overlap (预算项目 / 项目支出) the leftmost: an
    # order that does not depend on how a set of labels happens to iterate
    hits = sorted(((m.start(), m.end()) for label in _labels() if label in text
                   for m in re.finditer(re.escape(label), text)), key=lambda h: (h[0] - h[1], -h[0]))
    for a, b in hits:
        if any(taken[a:b]):
            continue
        for k in range(a, b):
            taken[k] = True
        found.append((a, b))
    if len(found) < least:
        return [cell]
    found.sort()
    starts = {a for a, _ in found}
    cuts: set[int] = set()
    for a, b in found:
        label = classify_exact(text[a:b])
        before = text[max(cuts, default=0):a]
        inside = 0 < len(before) <= TAIL_CHARS and b in starts
        if inside and label is not None and label.role in _PAIR_ROLES:
            continue  # the tail of a short value (本级|支出项目) before the next label
        year = _YEAR.search(text[:a])
        cuts.update((year.start() if year else a, b))
    cuts.update(m.start() for m in _explain().finditer(text))
    cuts.update(m.start() for m in _WORD_THEN_NUMBER.finditer(text))
    cuts.update(m.end() for m in _after_number().finditer(text))
    cuts.update(_noted_labels(text, cuts))
    bounds = sorted({0, len(text), *cuts})
    return [Cell(text=text[a:b], start=cell.start + a, end=cell.start + b)
            for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


#: A money unit note closing a label, a number after it: ``中期预算(万元)284500``.
_NOTE_THEN_NUMBER = re.compile(r"[（(](?:单位[:：])?[万千亿]?元[)）](?=\d)")
#: How far before its unit note a label may begin.
NOTED_LABEL_CHARS = 12


@cache
def _label_starts() -> re.Pattern[str]:
    """Words a label may open with: vocabulary labels and the period words (中期, 上年)."""
    words = {w for w in vocabulary() if len(w) >= 2}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _noted_labels(text: str, cuts: set[int]) -> set[int]:
    """Cuts around a label that a unit note closes before its number (``…一期|中期市财政预算
    (万元)|284500.00``): after the note, and before the earliest word within
    :data:`NOTED_LABEL_CHARS` before it from which the words read as a label."""
    out: set[int] = set()
    for m in _NOTE_THEN_NUMBER.finditer(text):
        out.add(m.end())
        floor = max([c for c in cuts if c <= m.start()] + [m.start() - NOTED_LABEL_CHARS, 0])
        for w in _label_starts().finditer(text, floor, m.start()):
            if classify(text[w.start():m.start()]) is not None:
                out.add(w.start())
                break
    return out


def _is_label(text: str) -> bool:
    label = classify_exact(text)
    return label is not None and label.role in _ROW_ROLES


def _is_loose_label(text: str) -> bool:
    """A cell reading as a header label, exactly or by a vocabulary word it contains."""
    return len(text) <= LOOSE_LABEL_CHARS and not _NUMBER.match(text) and classify(text) is not None


def _is_category(text: str) -> bool:
    label = classify_exact(text)
    return label is not None and label.role == "category"


#: A code opening a row of a coded table: two to four digits, no separators (05, 2018).
_ROW_CODE = re.compile(r"^\d{2,4}$")


def _is_unit_note(text: str) -> bool:
    """A cell that only states the table's money unit (``单位:元``, ``金额单位：万元``)."""
    return bool(re.fullmatch(r"(?:金额)?单位[:：]?\s*(?:" + "|".join(map(re.escape, money_units())) + ")", text))


def _split_stream(cells: list[Cell], long: bool) -> list[list[Cell]]:
    """Rows of a long run of cells.

    A row begins at a label following a value, at a label ending in a colon
    (the row label of a value row, after a header run), at an indicator category
    following anything but a category, at words following a run of two or more
    labels (a header row ends) and, in a ``long`` run (many rows on one line), at
    words following a number. Labels in a run otherwise stay together (a header row).
    Where the run holds a code column's label (编号, 科目编码), a code standing right before
    those words opens the row with them (``… 41,500 2011 办公用品费``): rows start with their codes.
    """
    coded = any((lab := classify_exact(c.text)) is not None and lab.role == "serial" for c in cells)
    rows: list[list[Cell]] = [[]]
    for cell in cells:
        row = rows[-1]
        header_run = False
        if row:
            prev, text = row[-1].text, cell.text
            label = _is_label(text)
            if _is_category(text):
                new = not _is_category(prev)
            elif label:
                # a unit note (金额单位:元) contains a label word but is a caption's: the labels after it open the header
                new = not _is_loose_label(prev) or _is_unit_note(prev) or text.endswith((":", "："))
            else:
                header_run = (len(row) >= 2 and all(_is_label(c.text) and not _is_category(c.text) for c in row[-2:])
                              and not _is_loose_label(text))
                new = ((long and bool(_NUMBER.match(prev))) or header_run) and not _NUMBER.match(text)
            new = new or (len(row) == 1 and _is_unit_note(prev))  # a unit note (单位:元) opening the run stands above the table
            if new and coded and len(row) > 1 and _ROW_CODE.match(prev) and not header_run:
                rows.append([row.pop()])  # the code opens the row its words begin
            elif new:
                rows.append([])
        rows[-1].append(cell)
    return [r for r in rows if r]


def _join_fragments(rows: list[list[Cell]], text: str) -> list[list[Cell]]:
    """Consecutive one-cell rows of label fragments (``年度`` / ``预算`` / ``安排``) are one cell."""
    out: list[list[Cell]] = []
    run: list[Cell] = []

    def flush() -> None:
        if len(run) >= 2:
            joined = "".join(c.text for c in run)
            if classify(joined) is not None:
                out.append([Cell(text=joined, start=run[0].start, end=run[-1].end)])
                run.clear()
                return
        out.extend([c] for c in run)
        run.clear()

    for row in rows:
        if len(row) == 1 and _FRAGMENT.match(row[0].text):
            run.append(row[0])
            continue
        flush()
        out.append(row)
    flush()
    return out


def _near_labels(doc: Document, lines: list[_Span]) -> set[int]:
    """Indexes of the lines within :data:`REGION_LINES` of a line holding a vocabulary label:
    a table sits where its labels are, and prose far from any is not rebuilt."""
    hits = [m.start() for m in _any_label().finditer(doc.text)]
    starts = [s.start for s in lines]
    near: set[int] = set()
    for pos in hits:
        k = bisect.bisect_right(starts, pos) - 1
        near.update(range(max(0, k - REGION_LINES), min(len(lines), k + REGION_LINES + 1)))
    return near


#: The longest page footer (``- 12 -``, ``第3页 共5页``) a cell may be joined across.
FOOTER_CHARS = 16
#: A cell a page break may have cut: it ends in a Chinese character (no punctuation, no unit).
_WORD_END = re.compile(r"[\u4e00-\u9fff]$")
_WORD_START = re.compile(r"^[\u4e00-\u9fff]")


def _footer_between(doc: Document, end: int, start: int) -> bool:
    """Whether the normalizer removed a page footer (``- 3 -``, ``第3页``) between two lines:
    the source between them holds more than blanks that the text no longer has."""
    offsets, source = doc.work.offsets, doc.work.source_text
    if not source or len(offsets) != len(doc.text) + 1 or end <= 0 or start >= len(doc.text):
        return False
    gap = source[offsets[end - 1] + 1:offsets[start]].strip()
    return 0 < len(gap) <= FOOTER_CHARS and not doc.text[end:start].strip()


def text_rows(doc: Document, skip: list[tuple[int, int]], spaced: list[str] | None = None) -> list[list[Cell]]:
    """Rows of cells rebuilt from the lines of ``doc.text`` near its labels, outside the spans
    ``skip``; the words spaced apart that were joined back are listed in ``spaced``."""
    rows: list[list[Cell]] = []
    lines = source_lines(doc)
    near = _near_labels(doc, lines)
    spaced = [] if spaced is None else spaced
    spaced_doc = found_spaced_out(doc.warnings)
    label_columns = 1  # the text columns the last header named
    prev: _Span | None = None
    fused = fused_tables(doc.text, [(s.start, s.end) for k, s in enumerate(lines)
                                    if k in near and not any(a <= s.start < b for a, b in skip)])
    fused_rows = _fused_by_line(doc, lines, near, skip, fused)
    for k, span in enumerate(lines):
        if k not in near or span.end <= span.start or any(a <= span.start < b for a, b in skip):
            continue
        if k in fused_rows:
            rows.append(fused_rows[k])
            prev = span
            continue
        cells = _split_repeated(_cells_of(doc.text, span, spaced, label_columns if spaced_doc else 0), doc.warnings)
        label_columns = _text_columns(cells) or label_columns
        if not cells:
            continue
        if prev is not None and rows and _footer_between(doc, prev.end, span.start):
            last, first = rows[-1][-1], cells[0]
            if len(rows[-1]) >= 2 and _WORD_END.search(last.text) and _WORD_START.match(first.text):
                joined = Cell(text=last.text + first.text, start=last.start, end=first.end)
                doc.warnings.append(f"budget: {joined.text!r} joined across a page footer")
                rows[-1][-1] = joined
                rows[-1].extend(cells[1:])  # the row goes on after the break
                prev = span
                continue
        prev = span
        rows.extend(_split_stream(cells, len(cells) > LONG_STREAM_CELLS) if len(cells) > STREAM_CELLS else [cells])
    return _join_fragments(rows, doc.text)


#: A number cell an amount repeated in the next column may be read from: three digits or more.
_AMOUNT = re.compile(r"\d[\d,]{2,}(?:\.\d+)?")
#: What may follow the repeated amount inside the fused cell: words, or a code (no leading 0).
_AFTER_REPEAT = re.compile(r"[\u4e00-\u9fff]|[1-9]\d+$")


def _split_repeated(cells: list[Cell], warnings: list[str]) -> list[Cell]:
    """Cells where an amount repeated from the cell before it (单价 then 预算数 of one item, 预算数
    then 执行数) ran into the next row's code or name with no separator: ``5000 | 50002018 资讯服务费``
    when a converter also stripped the thousands separators that would have shown the cut. The
    cell is cut after the repeated amount when what follows is words, or a code followed by
    words; each cut is a guess and is said in ``warnings``."""
    out: list[Cell] = []
    for k, cell in enumerate(cells):
        prev = out[-1].text if out else ""
        rest = cell.text[len(prev):]
        nxt = cells[k + 1].text if k + 1 < len(cells) else ""
        if (_AMOUNT.fullmatch(prev) and cell.text.startswith(prev) and rest and _AFTER_REPEAT.match(rest)
                and (not rest[0].isdigit() or _HAN_FIRST.match(nxt))):
            cut = cell.start + len(prev)
            out.append(Cell(text=prev, start=cell.start, end=cut))
            out.append(Cell(text=rest, start=cut, end=cell.end))
            warnings.append(f"budget: {cell.text!r} read as {prev} | {rest} (the amount before it repeated, "
                            "run into the next cell)")
            continue
        out.append(cell)
    return out


_HAN_FIRST = re.compile(r"[\u4e00-\u9fff]")


def _fused_by_line(doc: Document, lines: list[_Span], near: set[int], skip: list[tuple[int, int]],
                   fused: dict[int, list[tuple[int, int]]]) -> dict[int, list[Cell]]:
    """The rows :func:`~gongwen.extractors.budget_fused.fused_tables` cut, by index into
    ``lines``; an empty cell (a column the row leaves empty) sits at the row's start.
    One warning says how many rows were cut by what their cells hold."""
    kept = [k for k, s in enumerate(lines) if k in near and not any(a <= s.start < b for a, b in skip)]
    out: dict[int, list[Cell]] = {}
    for i, cells in fused.items():
        k = kept[i]
        anchor = next((a for a, _ in cells if a >= 0), lines[k].start)
        out[k] = [Cell(text=doc.text[a:b].strip(), start=a, end=b) if a >= 0 else Cell(text="", start=anchor, end=anchor)
                  for a, b in cells]
    body = sum(1 for row in out.values() if any(not c.text for c in row) or len(row) > 1)
    note = (f"budget: {body} lines of a table with no cell separators cut into cells by what "
                            "they hold (the header's columns, numbers, repeated values); the cuts are guesses")
    if out and note not in doc.warnings:
        doc.warnings.append(note)
    return out


def looks_like_budget(rows: list[list[Cell]]) -> bool:
    """Whether rebuilt rows hold a budget table: a name label and an amount or indicator
    label, or a header row of three or more columns naming an amount; prose that mentions
    项目名称 once gives nothing."""
    roles = [classify_exact(c.text) for r in rows for c in r]
    found = {lab.role for lab in roles if lab is not None}
    if found & {"unit", "activity"} and found & {"amount", "indicator", "grade"}:
        return True
    return any(is_header_row(r) and len(r) >= 3 and any((lab := classify(c.text)) and lab.role == "amount" for c in r)
               for r in rows)


def text_table(doc: Document, skip: list[tuple[int, int]]) -> tuple[Table, str] | None:
    """The budget table rebuilt from the document's text and the text before its first
    header row (where a ``金额单位：万元`` note stands), or None when it holds none."""
    spaced: list[str] = []
    rows = text_rows(doc, skip, spaced)
    if not rows or not looks_like_budget(rows):
        return None
    if spaced:
        doc.warnings.append(f"budget: {len(spaced)} words spaced apart read as one ({', '.join(spaced[:5])}"
                            f"{' …' if len(spaced) > 5 else ''})")
    cells = [c for r in rows for c in r]
    start = min(c.start for c in cells)
    header = next((r[0].start for r in rows if is_header_row(r)), None)
    if header is None:
        header = next((c.start for c in cells if _is_label(c.text)), start)
    table = Table(rows=rows, start=start, end=max(c.end for c in cells))
    return table, doc.text[max(0, start - CONTEXT_CHARS):header]


#: How many lines above a table may hold the name of the form it belongs to.
LEAD_LINES = 3


def lead_rows(doc: Document, table: Table, floor: int) -> list[list[Cell]]:
    """Label/value lines right above a table that name its unit or project (``项目名称 某工程``
    left out of a spreadsheet copy's table because the row had fewer cells): rows to
    read with the table as one form; [] when the lines above name nothing."""
    start = max(floor, table.start - CONTEXT_CHARS)
    lines = source_lines(doc)  # in order: only those starting between start and the table are read
    lo = bisect.bisect_left(lines, start, key=_start_of)
    hi = bisect.bisect_right(lines, table.start, key=_start_of)
    spans = [s for s in lines[lo:hi] if s.end <= table.start and s.end > s.start]
    rows = [_cells_of(doc.text, s) for s in spans[-LEAD_LINES:]]
    rows = [[c for r in _split_on(row, "|") for c in r] for row in rows]
    named = any(label.role in ("unit", "activity") and values
                for row in rows for _, label, values in label_pairs(row))
    return [r for r in rows if r] if named else []


def _split_on(row: list[Cell], seps: str) -> list[list[Cell]]:
    """Cells with bars inside split further (a pipe line that stayed one cell)."""
    out: list[list[Cell]] = []
    for cell in row:
        parts, pos = [], cell.start
        for piece in re.split(f"[{seps}]", cell.text):
            stripped = piece.strip()
            if stripped:
                lo = cell.start + cell.text.index(stripped, pos - cell.start)
                parts.append(Cell(text=stripped, start=lo, end=lo + len(stripped)))
                pos = lo + len(stripped)
        out.append(parts)
    return out
