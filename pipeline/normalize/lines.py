"""Lines and paragraphs: one paragraph a line, tables kept in their layout.

Three rules, applied in this order by the normalizer:

- :func:`split_flattened_paragraphs`: a sharing site that flattened a page
  into one long line kept its paragraphs apart by spaces only
  (``…制订本规章。 一、职责 (一)区委职责``); such a space before a heading or
  list marker becomes a line break, so heading lines start lines again.
- :func:`join_broken_lines`: a line broken inside a sentence is joined to the
  next (``進行身\\n份轉換``); headings, short title lines, label lines and table
  lines are never joined.
- :func:`tidy_whitespace`: trailing spaces, paragraph indentation and blank
  lines go, so paragraphs are separated by exactly one ``\\n``; the one blank
  line that opens each table row and closes a table stays (TABLE LAYOUT).

TAB-led lines are table cells (TABLE LAYOUT): never joined, never re-indented.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from gongwen import lexicon
from gongwen.normalize.edits import Edit
from gongwen.tokenize import cut

HERE = Path(__file__).resolve().parent

#: Characters that end a sentence or a line that must stay a line of its own.
LINE_FINAL = set("。！？!?；;：:…”’」』）)】〉》>")
#: A line shorter than this (without indentation) is taken for a title and never continued.
TITLE_MAX = 24
#: A line of Han characters only (no punctuation, digits or spaces) shorter than this is a
#: title (official titles run long: 关于进一步加强…的实施意见) and is never continued.
PLAIN_TITLE_MAX = 48
#: What a sentence fragment shows and a title rarely does.
FRAGMENT_SIGN = re.compile(r"[，,、；;（）()“”《》0-9 \u3000]")
#: Lines at least this long may be flattened pages (a short page of a sharing site runs to
#: about 250 characters).
FLATTENED_MIN = 200
#: A flattened page shows at least this many paragraph spaces.
FLATTENED_MIN_BREAKS = 3
SPACES = " \u3000\u00a0"
#: Lines never continued by the next: a subtitle opened by a dash, a markdown heading.
NEVER_CONTINUED = re.compile(r"[ \u3000\u00a0]*(?:——|#)")


@lru_cache(maxsize=1)
def line_head() -> re.Pattern[str]:
    """The heading/list markers of ``line_heads.txt`` as one pattern anchored at a line start."""
    alts = lexicon.entries(HERE / "line_heads.txt")
    return re.compile(rf"[{SPACES}]*(?:{'|'.join(f'(?:{a})' for a in alts)})")


def is_cell(line: str) -> bool:
    """A table cell line of the TABLE LAYOUT: a TAB after optional spaces."""
    return line.lstrip(SPACES).startswith("\t")


def is_table_row(line: str) -> bool:
    """A row of a table written with ``|`` between its cells, with TABs (a spreadsheet
    copy: ``1\t机关党建\t25.60\t…``) or with columns padded by blanks."""
    return _is_separated_row(line) or _is_column_row(line)


def _is_separated_row(line: str) -> bool:
    """A row with separators between its cells: bars or TABs."""
    return line.count("|") >= 2 or line.lstrip(SPACES).startswith("|") or line.strip(SPACES).count("\t") >= 2


def _is_column_row(line: str) -> bool:
    """Short texts in columns padded by blanks: three or more, or two after blank first
    columns. Double spaces inside a sentence (``第 3、12  条``) leave a long text: no row."""
    texts = COLUMN_GAP.split(line.strip(SPACES + "\t"))
    if len(texts) < 2 or any(len(t) > COLUMN_TEXT_MAX for t in texts) or _column_gaps(line) < len(texts) - 1:
        return False
    return len(texts) >= 3 or len(line) - len(line.lstrip(SPACES)) >= ALIGNED_INDENT


#: The gap between two columns of a space-aligned row: two blanks or more.
COLUMN_GAP = re.compile(r"[ \u3000\u00a0]{2,}")
#: Lines this long are no row of a printed table (a flattened page keeps paragraphs apart
#: by double spaces too).
ALIGNED_MAX = FLATTENED_MIN
#: A continuation line of a space-aligned table: indented by at least this much (deeper than
#: a paragraph's two-character indentation: the first column is blank) or this short.
ALIGNED_INDENT = 4
ALIGNED_SHORT = 8
#: The longest text of a row of short columns (a table's cells are wrapped at their column).
COLUMN_TEXT_MAX = 20


def _column_gaps(line: str) -> int:
    """How many column gaps stand between the texts of a line (indentation is none)."""
    body = line.strip(SPACES + "\t")
    return len(COLUMN_GAP.findall(body)) if len(body) < ALIGNED_MAX else 0


def aligned_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of space-aligned tables (a spreadsheet or PDF layout dumped as text).

    A table's block is a run of non-blank lines, each a row of columns (a column gap
    between texts), an indented continuation (its first columns blank: a long cell wrapped
    onto the next line) or a short fragment (a label wrapped in its cell); it needs two
    rows of three short texts or more whose columns start at the same places twice, so
    double spaces in prose (``第 3  條``) make no table.
    """
    out: set[int] = set()
    run: list[int] = []

    def flush() -> None:
        if len(run) < 2:  # a table needs two rows: most runs are one short line of prose
            run.clear()
            return
        rows = [lines[k].rstrip(SPACES) for k in run if _column_gaps(lines[k]) >= 2 and _is_column_row(lines[k])]
        starts = Counter(m.end() for row in rows for m in COLUMN_GAP.finditer(row) if m.start())
        if len(rows) >= 2 and sum(1 for n in starts.values() if n >= 2) >= 2:
            out.update(run)
        run.clear()

    for k, line in enumerate(lines):
        body = line.strip(SPACES)
        indent = len(line) - len(line.lstrip(SPACES))
        if body and len(body) < ALIGNED_MAX and "|" not in line and "\t" not in line and (
                _column_gaps(line) or indent >= ALIGNED_INDENT or len(body) <= ALIGNED_SHORT):
            run.append(k)
        else:
            flush()
    flush()
    return out


# --- line ends ---------------------------------------------------------------

_CR = re.compile(r"\r\n?")


def unix_newlines(text: str) -> list[Edit]:
    """Edits turning ``\r\n`` and a lone ``\r`` into ``\n`` (the map keeps pointing at the source)."""
    if "\r" not in text:
        return []
    return [Edit(m.start(), m.end(), "\n") for m in _CR.finditer(text)]


# --- flattened pages ----------------------------------------------------------

#: A paragraph space: spaces before a Chinese-numeral marker, or after a sentence end
#: (or colon) before a digit marker or any Han character.
PARAGRAPH_SPACE = re.compile(
    r"(?<=\S)[ \u3000]+(?=[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百]+[章条节篇])"
    r"|(?<=[。！？；;：:])[ \u3000]+(?=\d{1,2}、|[\u4e00-\u9fff“《【*])"
)

#: The end of a numbered heading run into its paragraph on a flattened page
#: (``二、发展特色产业，拓宽增收渠道 我们立足…``): a Chinese-numeral heading of two phrases
#: (a one-phrase label before a space is a run-in heading the outline reads as it stands),
#: then a space (group ``sp``) and the paragraph.
HEADING_SPACE = re.compile(
    r"(?:^|(?<=[。！？；;：: \u3000]))(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])"
    r"[^\s。！？；;：:，,]{1,15}[，,][^\s。！？；;：:，,]{1,15}(?P<sp>[ \u3000]+)(?=[\u4e00-\u9fff])"
    # … and a byline run in after the title: 某某经验交流材料 ——某乡党委
    r"|(?<=[\u4e00-\u9fff”）)])(?P<dash>[ \u3000]+)(?=——[\u4e00-\u9fff])"
    # … and the text after that byline: ——某乡党委 各位领导：
    r"|(?:^|(?<=[ \u3000]))——[\u4e00-\u9fff（）()]{2,24}?(?P<by>[ \u3000]+)(?=[\u4e00-\u9fff])"
)


#: A Chinese-numeral heading marker run in right after a sentence end (``…本规则。二、议事范围``).
RUN_IN_HEAD = re.compile(r"(?<=[。！？；;])(?=(?P<n>[一二三四五六七八九十]{1,3})、)")
NUMERALS = "一二三四五六七八九十"


def _run_in_heads(line: str) -> set[tuple[int, int]]:
    """Where run-in headings 一、 二、 … of a flattened line start, when at least two of them
    follow sentence ends counting up (a lone ``。二、`` may be a cross-reference)."""
    found = [(m.start(), m.group("n")) for m in RUN_IN_HEAD.finditer(line)]
    ordered = [p for (p, n), (_, prev) in zip(found[1:], found[:-1], strict=True)
               if len(n) == 1 and len(prev) == 1 and NUMERALS.find(n) == NUMERALS.find(prev) + 1]
    if not ordered:
        return set()
    return {(p, p) for p, _ in found}


#: A numbered heading run into its first item (``一、会议组织1、出席会议成员为…``): a short
#: heading of Han characters only, then item 1; the item starts a line of its own.
HEAD_THEN_ITEM = re.compile(r"(?:^|(?<=[。！？；;]))[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{2,15}(?=1、)")
#: A numbered label heading run into its text (``一、参加人员:联席会议成员为…``).
LABEL_HEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])"
                        r"[\u4e00-\u9fff]{2,8}[:：](?=[\u4e00-\u9fff])")


def split_flattened_paragraphs(text: str) -> list[Edit]:
    """Edits turning paragraph spaces of flattened long lines into line breaks, and starting
    the first item of a heading, or the text of a label heading, run into it on a line of
    its own."""
    edits: list[Edit] = []
    pos = 0
    lines = text.split("\n")
    aligned = aligned_lines(lines)
    for k, line in enumerate(lines):
        if is_cell(line) or is_table_row(line) or k in aligned:  # a table row is no page
            pos += len(line) + 1
            continue
        spans = {(m.end(), m.end()) for m in HEAD_THEN_ITEM.finditer(line)}
        if len(line) >= FLATTENED_MIN:
            # only on a flattened page: on a line of its own, `一、民政局：掌理…` is a unit item
            # (one duty, RECORDS.md) and the structure stage reads a colon title where it stands
            spans |= {(m.end(), m.end()) for m in LABEL_HEAD.finditer(line)}
            breaks = {(m.start(), m.end()) for m in PARAGRAPH_SPACE.finditer(line)}
            # on a flattened page, headings and bylines ran into their paragraphs too
            for m in HEADING_SPACE.finditer(line):
                group = next(g for g in ("sp", "dash", "by") if m.group(g))
                breaks.add((m.start(group), m.end(group)))
            if len(breaks) >= FLATTENED_MIN_BREAKS:
                spans |= breaks
            # a page flattened without spaces: numbered headings right after sentence ends
            spans |= _run_in_heads(line)
        edits.extend(Edit(pos + a, pos + b, "\n") for a, b in sorted(_before_bullet(line, span) for span in spans))
        pos += len(line) + 1
    return edits


#: Bullets a page sets before its list's lines (``• 五、…``): a bullet goes with its line.
BULLETS = set("•·●▪■◆◇○")


def before_bullet(line: str, at: int) -> int:
    """Where a line break before ``line[at]`` goes: before the bullet (and its blank) that
    opens the new line's marker, if one does, else at ``at``."""
    i = at
    while i > 0 and line[i - 1] in " \u3000":
        i -= 1
    if i == 0 or line[i - 1] not in BULLETS:
        return at
    i -= 1
    while i > 0 and line[i - 1] in " \u3000":
        i -= 1
    return i


def _before_bullet(line: str, span: tuple[int, int]) -> tuple[int, int]:
    """A break span moved before the bullet its new line opens with (``…生效• 一、``)."""
    a, b = span
    start = before_bullet(line, a)
    if start == a:
        return span
    k = a - 1
    while line[k] in " \u3000":
        k -= 1
    return start, k  # the blanks before the bullet become the break; the bullet stays


# --- broken lines -------------------------------------------------------------


def _kind(line: str) -> str:
    stripped = line.strip(SPACES)
    if not stripped:
        return "blank"
    if is_cell(line):
        return "cell"
    if _is_separated_row(line) or stripped.startswith(("#", "<")):  # a row of columns: see aligned_lines
        return "fixed"
    return "text"


#: A printed page's line width shows as many lines of one length: lines at least this long
#: are counted, and the width holds when this share of them (and at least WIDTH_MIN_LINES)
#: are within one character of it.
WIDTH_MIN_CHARS = 16
WIDTH_SHARE = 0.3
WIDTH_MIN_LINES = 4


def wrap_width(lines: list[str]) -> int | None:
    """The width a printed page wrapped its lines at, when the lines show one."""
    lengths = [len(x.strip(SPACES)) for x in lines]
    long = [n for n in lengths if n >= WIDTH_MIN_CHARS]
    if len(long) < WIDTH_MIN_LINES:
        return None
    width, _ = Counter(long).most_common(1)[0]
    near = sum(1 for n in long if width - 1 <= n <= width)
    return width if near >= max(WIDTH_MIN_LINES, WIDTH_SHARE * len(long)) else None


#: A comparator ending a line: ``>`` closes brackets too (LINE_FINAL), but before a number
#: on the next line of a page cut at its width it is the number's comparator.
COMPARATOR_CUT = re.compile(r"[^<>]>$")


#: How many characters either side of a line break are segmented to see whether it cuts a word.
CUT_CONTEXT = 6


def _cuts_a_word(a: str, b: str) -> bool:
    """Whether the break between line ``a`` and line ``b`` falls inside one of the dictionary's
    words (``…39.30 其`` / ``中:公车购置``: 其中): on a page cut at its width, what opens ``b``
    then only looks like a heading or label (``中:``), its first characters belonging to the
    word ``a`` broke off. Dictionary words only (no HMM guesses at unknown words)."""
    if not (a and b and "\u4e00" <= a[-1] <= "\u9fff" and "\u4e00" <= b[0] <= "\u9fff"):
        return False
    tail = a[-CUT_CONTEXT:]
    pos = 0
    for word in cut(tail + b[:CUT_CONTEXT], hmm=False):
        if pos < len(tail) < pos + len(word):
            return True
        pos += len(word)
        if pos >= len(tail):
            return False
    return False


def _continues(a: str, b: str, width: int | None = None) -> bool:
    """Whether line ``b`` continues the sentence line ``a`` breaks off (``width``: the page's
    line width, when it has one: a full-width line ends where the page did, not a title)."""
    a_s = a.strip(SPACES)
    full = bool(width) and len(a_s) >= (width or 0) - 1
    if full and COMPARATOR_CUT.search(a_s) and b.lstrip(SPACES)[:1].isdigit():
        return True  # a full-width line cut between a comparator and its number (``>`` / ``92%``)
    if a_s[-1] in LINE_FINAL or NEVER_CONTINUED.match(a):
        return False
    if full:
        return not line_head().match(b) or _cuts_a_word(a_s, b.lstrip(SPACES))
    if len(a_s) < TITLE_MAX:
        return False
    if len(a_s) < PLAIN_TITLE_MAX and not FRAGMENT_SIGN.search(a_s):
        return False  # a title: Han characters only, no punctuation or numbers inside
    head = line_head()
    if head.match(b):
        return False
    # a long line opened by a marker is a list item and may continue; a short one is a heading
    return True


def _space_at_cut(line: str, nxt: str, width: int) -> bool:
    """Whether a page cut at its ``width`` fell next to a space that stood in the text: the
    line, its one trailing blank counted, runs to the full width (or the next line opens
    with one blank after a full line). Table cells written as text are kept apart by such a
    space (``…年度任务 地情经费 49.8``, ``12 13 14``); joined without it, two cells become one."""
    if len(line) < width:
        return False
    if line.endswith(" ") and not line.endswith("  "):
        return True
    return nxt.startswith(" ") and not nxt.startswith("  ") and not line.endswith(" ")


def join_broken_lines(text: str) -> list[Edit]:
    """Edits joining each line broken inside a sentence to the next line.

    The line break and the next line's indentation go; between two Latin
    letters a space is kept so words stay apart.
    """
    edits: list[Edit] = []
    lines = text.split("\n")
    width = wrap_width(lines)
    aligned = aligned_lines(lines)
    pos = 0
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        end = pos + len(line)
        if (_kind(line) == "text" and _kind(nxt) == "text" and i not in aligned and i + 1 not in aligned
                and _continues(line, nxt, width)):
            body = line.rstrip(SPACES)
            indent = len(nxt) - len(nxt.lstrip(SPACES))
            a, b = body[-1], nxt[indent]
            rep = " " if a.isascii() and a.isalpha() and b.isascii() and b.isalpha() else ""
            if width and _space_at_cut(line, nxt, width):
                rep = " "
            edits.append(Edit(pos + len(body), end + 1 + indent, rep))
        pos = end + 1
    return edits


# --- whitespace ---------------------------------------------------------------


def tidy_whitespace(text: str) -> list[Edit]:
    """Edits removing trailing spaces, indentation, carriage returns and surplus blank lines.

    A blank line is kept (exactly one) only where the table layout needs it:
    before a cell line (a row opens) and after one (the table ends).
    """
    edits: list[Edit] = []
    lines = text.split("\n")
    kinds = [_kind(x.replace("\r", "")) for x in lines]
    aligned = aligned_lines(lines)
    for i, k in enumerate(kinds):  # an empty cell with no table around it is just a blank line
        if k == "cell" and not lines[i].strip(SPACES + "\t") and not _near_cell(kinds, i):
            kinds[i] = "blank"
    pos = 0
    prev_kind = "blank"  # kind of the last kept non-blank line
    kept_blank = True
    for i, raw in enumerate(lines):
        start, end = pos, pos + len(raw)
        pos = end + 1
        kind = kinds[i]
        if kind == "blank":
            nxt = next((k for k in kinds[i + 1:i + 50] if k != "blank"), "blank")
            keep = (nxt == "cell" or prev_kind == "cell") and not kept_blank and i + 1 < len(lines)
            if keep:
                if end > start:
                    edits.append(Edit(start, end, ""))
                kept_blank = True
            else:
                edits.append(Edit(start, min(pos, len(text)), ""))
            continue
        kept_blank = False
        prev_kind = kind
        line = raw
        # leading spaces: all of a text line's, only those before a cell's TAB; an aligned
        # table line keeps them (they place its text under its column)
        lead = len(line) - len(line.lstrip(SPACES))
        if lead and i not in aligned:
            edits.append(Edit(start, start + lead, ""))
        body_end = len(line.rstrip(SPACES + "\r" + ("" if kind == "cell" else "\t")))
        if kind == "cell" and body_end <= lead:
            body_end = lead + 1  # an empty cell keeps its TAB
        if body_end < len(line) and body_end > lead:
            edits.append(Edit(start + body_end, end, ""))
    return _drop_trailing_whitespace(text, edits)


def _near_cell(kinds: list[str], i: int) -> bool:
    """Whether the nearest non-blank line before or after line ``i`` is a cell line."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(kinds) and kinds[j] == "blank":
            j += step
        if 0 <= j < len(kinds) and kinds[j] == "cell":
            return True
    return False


def _drop_trailing_whitespace(text: str, edits: list[Edit]) -> list[Edit]:
    """No blank line or line break at the very end of the text."""
    k = len(text.rstrip("\n\r\t" + SPACES))
    kept = [e for e in edits if e.start < k]
    tail = max(k, kept[-1].end) if kept else k
    return kept + [Edit(tail, len(text), "")] if tail < len(text) else kept
