"""Space-aligned tables: read by where their texts start, and put into the table layout.

A spreadsheet or a PDF page dumped as text pads its columns with blanks and wraps a long
cell onto the next lines under its own column, the other columns blank there. A cell so
wrapped is scattered over several lines: ``参训率1`` on one, ``00%`` under it on the next,
with the other columns' texts between them in the text. No reader of running text can see
``参训率100%`` there, and a figure is a contiguous span of the normalized text (RECORDS.md),
so the normalizer itself puts such a table into the table layout every file reader renders
tables into (:mod:`gongwen.ingest.layout`): a row opens with an empty line, each cell is a
line ``"\\t" + text`` with its wrapped parts joined. Every later reader (tables, figures,
budget rows) then sees whole cells, as it does for a .docx table.

The reader (:func:`aligned_blocks`) is also what the tables stage reads such a table with
when it meets one in a text that was not normalized. Parsing is by hand: the layout is a
printout, not a format a library knows.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from gongwen.normalize.edits import Edit
from gongwen.normalize.lines import aligned_lines, line_head
from gongwen.record import Cell

#: A text of a space-aligned row: characters with single blanks inside; two blanks or more
#: separate columns.
ALIGNED_TEXT = re.compile(r"[^\s|]+(?:[ \u3000\u00a0][^\s|]+)*")
#: A cell a printed table never wraps: a number (its column may be narrower than it).
_UNWRAPPED = re.compile(r"^[-+≥≤<>]?[\d.,%]+$")
_DIGIT = re.compile(r"\d")


@dataclass
class Line:
    text: str
    start: int  # offset of the line's first character in the text


@dataclass
class AlignedBlock:
    """A run of space-aligned lines: ``start``..``end`` (line indexes, end exclusive), the
    table's first row at ``first`` (lines before it are a title or a unit note above the
    table), its rows of cells, each cell as the parts it was wrapped into (none when the
    run holds no table of two rows and two columns)."""

    start: int
    first: int
    end: int
    parts: list[list[list[Cell]]]

    @property
    def rows(self) -> list[list[Cell]]:
        """The rows, each wrapped cell's parts joined (its offsets span the lines it takes)."""
        out: list[list[Cell]] = []
        for row in self.parts:
            cells: list[Cell] = []
            for parts in row:
                if parts:
                    cells.append(Cell(text=join_parts([p.text for p in parts]), start=parts[0].start,
                                      end=parts[-1].end))
                else:
                    at = cells[-1].end if cells else min(p[0].start for p in row if p)
                    cells.append(Cell(text="", start=at, end=at))
            out.append(cells)
        return out


def _latin_break(before: str, after: str) -> bool:
    """Two parts of a wrapped cell meet between two Latin letters: a word space was cut there
    (Chinese wraps anywhere and takes no space; see :func:`gongwen.ingest.layout.join_wrapped`)."""
    return bool(before and after) and before[-1].isascii() and before[-1].isalpha() \
        and after[0].isascii() and after[0].isalpha()


def join_parts(parts: Sequence[str]) -> str:
    """The text of a cell wrapped into ``parts``."""
    out = ""
    for p in parts:
        out += (" " if _latin_break(out, p) else "") + p
    return out


def _display_columns(text: str) -> list[int]:
    """The display column of each character of ``text`` (and of its end): a wide character
    (Han, a full-width space) takes two, as a terminal or a PDF layout prints it."""
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if unicodedata.east_asian_width(ch) in "WF" else 1))
    return out


def _aligned_parts(lines: Sequence[Line]) -> list[list[list[Cell]]]:
    """Rows of a space-aligned table: texts placed in columns by where they start.

    A column starts where texts of two or more lines start, counted in characters (a
    padding that counts a wide character as one) or in display columns (a layout that
    counts it as two), whichever lines up more texts; a text a long number pushed right
    belongs to the next column along. A line continues the row above when each of its
    texts stands under a text of the line above that fills its column to the full width
    (a cell wrapped at the column's edge) in a column that wraps (one where some line
    continues leaving blank a column the line above fills), unless it holds a bare number
    beside other texts under a text with no digit (a value under its label: a header's labels
    may fill their columns too) or opens with a heading marker; any other line opens a row, whatever columns it leaves blank
    (cells merged from the row above). Each cell is the list of its wrapped parts.
    """
    matches = [list(ALIGNED_TEXT.finditer(ln.text)) for ln in lines]
    best: list[list[tuple[int, int, str]]] = []
    best_score = -1
    for measure in (None, _display_columns):
        found = []
        for ln, ms in zip(lines, matches, strict=True):
            at = measure(ln.text) if measure else range(len(ln.text) + 1)
            # a text's extent counts the word space it may end with before full-width
            # padding (``本年度 `` wrapped before 绩效指标); blank padding cannot tell them apart
            found.append([(at[m.start()], at[m.end() + (ln.text[m.end():m.end() + 1] == " " and
                                                       ln.text[m.end() + 1:m.end() + 2] not in ("", " "))],
                           m.group()) for m in ms])
        counts = Counter(a for texts in found for a, _, _ in texts)
        score = sum(n for n in counts.values() if n >= 2)
        if score > best_score:
            best, best_score = found, score
    counts = Counter(a for texts in best for a, _, _ in texts)
    starts = sorted(a for a, n in counts.items() if n >= 2) or [0]
    placed: list[list[tuple[int, int, int, str]]] = []  # per line: (column, start, end, text)
    for texts in best:
        line_cols: list[tuple[int, int, int, str]] = []
        for a, b, t in texts:
            col = max((k for k, s in enumerate(starts) if s <= a + 1), default=0)
            if line_cols and col <= line_cols[-1][0]:
                col = line_cols[-1][0] + 1
            line_cols.append((col, a, b, t))
        placed.append(line_cols)
    width = 1 + max((c for cols in placed for c, _, _, _ in cols), default=0)

    def extent(c: int, a: int, b: int) -> int:
        """A text's width in its column: from the column's start, or from its own start when a
        long number before it pushed it right."""
        return b - (starts[c] if c < len(starts) and a <= starts[c] + 1 else a)

    # the width each column wraps its texts at: its widest text from the column's start (a
    # number is no measure: a column is often narrower than its longest number, which is
    # never wrapped)
    full = [0] * width
    for cols in placed:
        for c, a, b, t in cols:
            if not _UNWRAPPED.match(t):
                full[c] = max(full[c], extent(c, a, b))
    # a line may continue the row above when each of its texts stands under a text filling
    # its column (and is no heading, no value under a label)
    may_continue: list[bool] = []
    above: list[tuple[int, int, int, str]] = []
    for cols in placed:
        cut = {c for c, a, b, t in above if full[c] and extent(c, a, b) >= full[c]}
        texts = {c: t for c, _, _, t in above}
        filled = {c for c, _, _, _ in cols}
        may_continue.append(bool(above) and bool(cols) and filled <= cut
                            # a line opened by a heading or list marker (``三、``) is no cell's rest
                            and not (0 in filled and line_head().match(cols[0][3]) is not None)
                            # a row under a header whose labels fill their columns: a continuation
                            # holds the rest of word cells, not a number under a label
                            and not (len(cols) >= 2 and any(_UNWRAPPED.match(t) and not _DIGIT.search(texts.get(c, ""))
                                                            for c, _, _, t in cols)))
        above = cols
    # a column wraps its cells when some line continues in it while leaving blank a column the
    # line above fills; texts of one width (产出指标, 效益指标) fill a column that never wraps
    wraps = {c for k, cols in enumerate(placed) if may_continue[k]
             and {c for c, _, _, _ in cols} < {c for c, _, _, _ in placed[k - 1]} for c, _, _, _ in cols}
    rows: list[list[list[Cell]]] = []
    for ln, cols, ms, cont in zip(lines, placed, matches, may_continue, strict=True):
        if not (rows and cont and {c for c, _, _, _ in cols} <= wraps):
            rows.append([[] for _ in range(width)])
        for (c, _, _, t), m in zip(cols, ms, strict=True):
            rows[-1][c].append(Cell(text=t, start=ln.start + m.start(), end=ln.start + m.end()))
    return rows


def _text_after(row: list[list[Cell]]) -> bool:
    """A row ending a block that is the line of text after the table: one text on one line
    (a wrapped label spans lines, a row of the table has more cells), or a heading (``三、
    其他事项``: opened by a marker, no number in it)."""
    filled = [p for p in row if p]
    if len(filled) == 1 and len(filled[0]) == 1:
        return True
    head = filled[0][0].text if filled and row[0] else ""
    return (len(filled) <= 2 and all(len(p) == 1 for p in filled) and line_head().match(head) is not None
            and not any(_DIGIT.search(p[0].text) for p in filled))


def aligned_blocks(lines: Sequence[Line]) -> list[AlignedBlock]:
    """The runs of space-aligned lines of ``lines`` (see
    :func:`gongwen.normalize.lines.aligned_lines`), each read as a table."""
    aligned = aligned_lines([ln.text for ln in lines])
    out: list[AlignedBlock] = []
    i = 0
    while i < len(lines):
        if i not in aligned:
            i += 1
            continue
        start = j = i
        while j in aligned:
            j += 1
        while i < j and len(ALIGNED_TEXT.findall(lines[i].text)) < 2:
            i += 1  # a title or unit note above the table, wider than its first column
        parts = _aligned_parts(lines[i:j])
        end = j
        while parts and _text_after(parts[-1]):
            parts.pop()  # a short line after the table (a heading, a note): text, not a row
            end -= 1
        if not (len(parts) >= 2 and max(len(r) for r in parts) >= 2):
            parts = []
        out.append(AlignedBlock(start, i, end, parts))
        i = j
    return out


def text_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their offsets."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        out.append(Line(raw, pos))
        pos += len(raw) + 1
    return out


def _rendered(block: AlignedBlock) -> tuple[str, tuple[int, ...]]:
    """The block's rows in the table layout (each opening with a line break and a blank line,
    each cell a line ``"\\n\\t" + text``), and for each character the offset of the character
    it comes from; a line break or a TAB comes from the first character of the cell after it."""
    text: list[str] = []
    origin: list[int] = []
    for row in block.parts:
        at = min(p[0].start for p in row if p)
        text.append("\n")
        origin.append(at)
        for parts in row:
            at = parts[0].start if parts else at
            text.append("\n\t")
            origin += [at, at]
            prev = ""
            for p in parts:
                if _latin_break(prev, p.text):
                    text.append(" ")
                    origin.append(p.start)
                text.append(p.text)
                origin.extend(range(p.start, p.end))
                prev = p.text
            at = parts[-1].end - 1 if parts else at
    return "".join(text), tuple(origin)


def render_aligned_tables(text: str) -> list[Edit]:
    """Edits putting each space-aligned table of ``text`` into the table layout.

    The table's lines give way to its rows (a blank line before each, the closing blank
    line after the last); a title line above the table stays a line of its own, apart from
    the text before it by a blank line so no line joiner runs it into that text.
    """
    lines = text_lines(text)
    edits: list[Edit] = []
    for block in aligned_blocks(lines):
        if not block.parts:
            continue
        head = lines[block.start]
        if block.start < block.first and head.start > 0 and text[head.start - 2:head.start - 1] not in ("", "\n"):
            edits.append(Edit(head.start, head.start, "\n"))
        first, last = lines[block.first], lines[block.end - 1]
        rendered, origin = _rendered(block)
        end = last.start + len(last.text)
        # from the line break before the table (the rows' first), then the closing blank line
        lead = 1 if first.start > 0 else 0
        edits.append(Edit(first.start - lead, end, rendered[1 - lead:] + "\n", origin=(*origin[1 - lead:], end - 1)))
    return edits
