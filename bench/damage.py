"""Kinds of damage seen in real documents, applied to a clean text on purpose.

Each damage is a pure function ``(text, rng) -> text`` registered under the name the
robustness table prints. They reproduce what copying from sharing sites, mirrors and
format conversions does to an official text (see the MANIFEST notes of
``../shared/corpus/web``): punctuation stripped, spaces put inside words, line breaks
lost, lines hard-wrapped mid-word, pinyin after characters, traditional script, site
furniture, page-split markers, GBK text decoded one byte off, UTF-8 read as Latin-1,
and the ways a table reaches us flattened (a cell per line, pipe rows with merged and
empty cells, space-aligned columns with wrapped labels, cells fused with no separator,
``≥`` printed as ``2``).

None of them adds or removes content a reader would keep, so a gold file stays valid
for the damaged text (the scorer compares strings without whitespace and punctuation);
what a damage costs is what the pipeline fails to undo.

Table damages rewrite only the spans of the tables the pipeline found in the clean
text: :func:`canonical_tables` renders those tables as plain pipe rows first, so a
table damage is measured against the same grid written cleanly.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence

from gongwen.record import Table
from gongwen.registry import Registry

Damage = Callable[[str, random.Random], str]
#: Damage kinds of whole texts, by the name the table prints.
DAMAGES: Registry[Damage] = Registry("damage")
#: Damage kinds of tables: each renders a table's rows (cell texts) as flattened text.
TableRender = Callable[[list[list[str]], random.Random], str]
TABLE_DAMAGES: Registry[TableRender] = Registry("table damage")

_CJK = re.compile(r"[\u3400-\u9fff]")
#: Punctuation a stripping converter drops. Decimal points, percent signs and the
#: separators inside numbers stay: they are part of the figures, not of the prose.
_PUNCT = re.compile(r"[，。、；：！？“”‘’「」『』《》〈〉（）【】〔〕…—·,;:!?\"'()\[\]]")


def _is_table_line(line: str) -> bool:
    return "|" in line or "\t" in line


def _map_prose_lines(text: str, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to every line that is not a table row (tables have their own damages)."""
    return "\n".join(line if _is_table_line(line) else fn(line) for line in text.split("\n"))


@DAMAGES.register("punctuation stripped")
def strip_punctuation(text: str, rng: random.Random) -> str:
    return _map_prose_lines(text, lambda line: _PUNCT.sub("", line))


@DAMAGES.register("punctuation and line breaks stripped")
def strip_punctuation_and_breaks(text: str, rng: random.Random) -> str:
    return lose_line_breaks(strip_punctuation(text, rng), rng)


@DAMAGES.register("spaces inside words")
def spaces_inside_words(text: str, rng: random.Random) -> str:
    """A conversion that spaces out characters: after list commas, inside words (about one
    character in six) and between a number and its unit (``1989 年 1 月``)."""

    def damage(line: str) -> str:
        out: list[str] = []
        for i, ch in enumerate(line):
            out.append(ch)
            nxt = line[i + 1] if i + 1 < len(line) else ""
            if not nxt:
                continue
            if ch in "、，" or (ch.isdigit() and _CJK.match(nxt)):
                out.append(" ")
            elif _CJK.match(ch) and _CJK.match(nxt) and rng.random() < 0.16:
                out.append(" ")
        return "".join(out)

    return _map_prose_lines(text, damage)


@DAMAGES.register("line breaks lost")
def lose_line_breaks(text: str, rng: random.Random) -> str:
    """Every line break gone, as in a text copied out of a page's single paragraph."""
    return re.sub(r"\s*\n\s*", "", text)


@DAMAGES.register("lines hard-wrapped mid-word")
def hard_wrap(text: str, rng: random.Random) -> str:
    """Prose lines cut at a fixed width with no regard for words, as a PDF text layer does."""
    width = rng.randint(24, 40)

    def damage(line: str) -> str:
        return "\n".join(line[i:i + width] for i in range(0, len(line), width)) or line

    return _map_prose_lines(text, damage)


@DAMAGES.register("pinyin after characters")
def pinyin_after_characters(text: str, rng: random.Random) -> str:
    """A scraper's reading in parentheses after about one character in twelve: ``组(zǔ)织``."""
    from pypinyin import Style, pinyin  # a bench dependency: the test extra installs it

    def damage(line: str) -> str:
        out: list[str] = []
        for ch in line:
            out.append(ch)
            if _CJK.match(ch) and rng.random() < 0.08:
                reading = pinyin(ch, style=Style.TONE)[0][0]
                if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", reading)):
                    out.append(f"({reading})")
        return "".join(out)

    return _map_prose_lines(text, damage)


@DAMAGES.register("traditional script")
def traditional_script(text: str, rng: random.Random) -> str:
    from gongwen.normalize.script import converter

    return converter("s2t").convert(text)


#: Furniture lines of the shapes sites add, written for this harness: breadcrumbs,
#: publication stamps and counters, font and share widgets, related-link chrome,
#: resource data of sharing sites, running heads, licence footers.
_HEAD_FURNITURE = [
    "首页 > 信息公开 > 规章制度 > 正文",
    "发布时间：{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}  浏览次数：{n}",
    "字体：[大 中 小]  打印本页  关闭窗口  分享到：",
    "资源ID：{n}  资源大小：{k}KB  全文页数：{p}页  下载积分：{p}",
]
_RUNNING_HEAD = "Page {page} - 文档资料汇编"
_FOOT_FURNITURE = [
    "扫一扫在手机打开当前页",
    "相关解读",
    "上一篇：无  下一篇：无",
    "版权所有：某某信息网  备案号：京ICP备{n}号",
]


@DAMAGES.register("furniture lines")
def furniture_lines(text: str, rng: random.Random) -> str:
    """Site chrome above and below the text and a running head every dozen lines."""
    fields = {"y": rng.randint(2012, 2024), "m": rng.randint(1, 12), "d": rng.randint(1, 28),
              "h": rng.randint(0, 23), "mi": rng.randint(0, 59), "n": rng.randint(100, 99999),
              "k": rng.randint(12, 900), "p": rng.randint(2, 40)}
    lines = text.split("\n")
    body: list[str] = []
    page = 1
    for i, line in enumerate(lines):
        if i and i % 12 == 0 and not _is_table_line(line):
            page += 1
            body.append(_RUNNING_HEAD.format(page=page))
        body.append(line)
    head = [f.format(**fields) for f in _HEAD_FURNITURE]
    foot = [f.format(**fields) for f in _FOOT_FURNITURE]
    return "\n".join(head + body + foot)


@DAMAGES.register("page-split markers")
def page_split_markers(text: str, rng: random.Random) -> str:
    """A sharing site's pages of about equal length, each opened by ``N、`` after a blank
    line, cutting sentences wherever the page ends."""
    size = max(250, len(text) // rng.randint(3, 6))
    pages = [text[i:i + size] for i in range(0, len(text), size)]
    if len(pages) < 3:
        return text
    return "1、" + "".join(
        page if n == 0 else f"\n\n{n + 1}、{page}" for n, page in enumerate(pages)
    )


def _garble_gbk(chars: str) -> str:
    """``chars`` as a scraper shows them after losing their first GBK byte."""
    data = chars.encode("gbk", errors="replace")[1:]
    return data.decode("gbk", errors="replace").replace("\ufffd", "?")


@DAMAGES.register("GBK decoded one byte off")
def gbk_one_byte_off(text: str, rng: random.Random) -> str:
    """A few stretches of up to six characters decoded one byte out of step."""
    spots = [m.start() for m in re.finditer(r"[\u4e00-\u9fff]{6}", text)]
    if not spots:
        return text
    chosen = sorted(rng.sample(spots, min(len(spots), max(1, len(text) // 1500))), reverse=True)
    last = len(text) + 6
    for at in chosen:
        if at + 6 > last:
            continue
        text = text[:at] + _garble_gbk(text[at:at + 6]) + text[at + 6:]
        last = at
    return text


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined show as Latin-1
        return chr(byte)


@DAMAGES.register("UTF-8 read as Latin-1")
def utf8_as_latin1(text: str, rng: random.Random) -> str:
    """The whole text's UTF-8 bytes shown as Windows-1252 characters: ``å…³äºŽ``."""
    return "".join(_cp1252_char(b) for b in text.encode("utf-8"))


# --- tables ---------------------------------------------------------------------------


def pipe_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


@TABLE_DAMAGES.register("table: a cell per line")
def cell_per_line(rows: list[list[str]], rng: random.Random) -> str:
    """Each cell on a line of its own ending in `` |``, an empty cell a lone ``|``."""
    out: list[str] = []
    for row in rows:
        out.append("|")
        out.extend(f"{c} |" if c else "|" for c in row)
    return "\n".join(out)


@TABLE_DAMAGES.register("table: pipes with merged and empty cells")
def pipes_merged(rows: list[list[str]], rng: random.Random) -> str:
    """Pipe rows where a cell repeated from the row above (a merged cell) is left empty,
    runs of empty cells close the row, and the header row repeats half-way down."""
    out: list[str] = []
    for i, row in enumerate(rows):
        above = rows[i - 1] if i else []
        cells = ["" if i and j < len(above) and c and c == above[j] else c for j, c in enumerate(row)]
        out.append("|" + "|".join(cells) + "|" * rng.randint(1, 6))
        if i == len(rows) // 2 and len(rows) > 6:
            out.append("|" + "|".join(rows[0]) + "|")
    return "\n".join(out)


def _wrap_label(cell: str, width: int) -> list[str]:
    return [cell[i:i + width] for i in range(0, len(cell), width)] or [""]


@TABLE_DAMAGES.register("table: space-aligned columns")
def space_aligned(rows: list[list[str]], rng: random.Random) -> str:
    """A spreadsheet dumped as text: columns padded with spaces, long label cells wrapped
    over several lines with the other columns blank on the continuation lines."""
    width = rng.randint(4, 8)
    out: list[str] = []
    for row in rows:
        parts = [_wrap_label(c, width) if not re.fullmatch(r"[\d.,%≥≤<>]+", c) else [c] for c in row]
        for k in range(max(len(p) for p in parts)):
            line = [p[k] if k < len(p) else "" for p in parts]
            out.append("  ".join(c.ljust(width + 2, "\u3000") for c in line).rstrip())
    return "\n".join(out)


@TABLE_DAMAGES.register("table: cells fused, no separators")
def cells_fused(rows: list[list[str]], rng: random.Random) -> str:
    """A .docx table copied as text: each row one line, its cells run together."""
    return "\n".join("".join(row) for row in rows)


@TABLE_DAMAGES.register("table: ≥ printed as 2")
def ge_as_two(rows: list[list[str]], rng: random.Random) -> str:
    return "\n".join(pipe_row([c.replace("≥", "2") for c in row]) for row in rows)


def table_cells(table: Table) -> list[list[str]]:
    """The cell texts of ``table``, without the empty edge columns that ``| a | b |`` rows give."""
    rows = [[c.text for c in row] for row in table.rows]
    while rows and all(not r or not r[0] for r in rows):
        rows = [r[1:] for r in rows]
    while rows and all(not r or not r[-1] for r in rows):
        rows = [r[:-1] for r in rows]
    return rows


def render_tables(text: str, tables: Sequence[Table], render: Callable[[list[list[str]]], str]) -> str:
    """``text`` with the span of every table replaced by ``render(rows)``."""
    out: list[str] = []
    pos = 0
    for table in sorted(tables, key=lambda t: t.start):
        start = text.rfind("\n", 0, table.start) + 1
        end = text.find("\n", table.end)
        end = len(text) if end < 0 else end
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(render(table_cells(table)))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def canonical_tables(text: str, tables: Sequence[Table]) -> str:
    """The text with its tables written as plain pipe rows, the clean form table damages
    are measured against."""
    return render_tables(text, tables, lambda rows: "\n".join(pipe_row(r) for r in rows))
