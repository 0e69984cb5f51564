"""HTML reader: the main text of a page, paragraph breaks kept, tables as tables.

Site chrome (scripts, styles, navigation, headers, footers, asides and elements
whose class/id/role name them; list in ``html_drop.txt``) is removed; if the
page marks its content with ``<main>`` or ``<article>``, only that is read.
Block elements (``p``, ``div``, ``li``, ``h1``… and ``br``) end a line. A table
with at least two rows and two columns is a data table and is rendered in the
table layout (``colspan``/``rowspan`` leave their covered positions empty);
smaller tables and tables holding tables are page layout and are read as text.

The declared charset (``<meta charset>``, ``http-equiv``) is honoured, with
GB2312/GBK widened to GB18030 (pages declaring GB2312 routinely use GBK
characters), except that bytes which are valid UTF-8 are read as UTF-8 (a page
re-saved without updating its declaration); without a declaration, or when the
declared charset does not fit, the text reader's detection decides.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from gongwen import lexicon
from gongwen.errors import InputError
from gongwen.ingest import READERS, Decoded
from gongwen.ingest.layout import cell_text, join_blocks, render_table
from gongwen.ingest.text import decode_bytes

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: Declared charsets read with a wider codec; the name is what ``source.encoding`` records.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030",
          "big5": "big5", "big5-hkscs": "big5", "cp950": "big5", "utf8": "utf-8", "utf-8": "utf-8"}
_CODEC = {"big5": "cp950"}
_BLOCK = frozenset("""address article blockquote body center dd details dialog div dl dt fieldset
figcaption figure h1 h2 h3 h4 h5 h6 hr li main ol p pre section summary table tbody td tfoot th
thead tr ul caption""".split())
_TOKEN = re.compile(r"[\s\-_]+")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


@READERS.register("html")
def read_html(path: Path, data: bytes) -> Decoded:
    text, encoding, warnings = _decode(path, data)
    from bs4 import BeautifulSoup  # imported here: only needed for HTML input

    soup = BeautifulSoup(text, "lxml")
    _strip_chrome(soup)
    root = soup.find("main") or soup.find("article") or soup.body or soup
    if len(root.get_text(strip=True)) < 200 and soup.body is not None:
        root = soup.body  # a <main>/<article> that holds only a teaser is not the content
    builder = _Builder()
    builder.walk(root)
    out = join_blocks(builder.finish())
    if not out.strip():
        raise InputError(path, "the HTML page holds no text")
    return Decoded(text=out, encoding=encoding, warnings=warnings)


def _decode(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    m = _CHARSET.search(data[:4096])
    if m is None or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(path, data)
    declared = m.group(1).decode("ascii", "replace").lower()
    name = _WIDER.get(declared, declared)
    if name != "utf-8" and not data.isascii():
        # Pages saved as UTF-8 that still declare their old GB2312/Big5 charset are
        # common; GBK or Big5 bytes almost never form valid UTF-8, so valid UTF-8 wins.
        try:
            return data.decode("utf-8"), "utf-8", [f"declared charset {declared!r}, but the page is UTF-8"]
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(_CODEC.get(name, name)), name, []
    except (LookupError, UnicodeDecodeError):
        text, encoding, warnings = decode_bytes(path, data)
        return text, encoding, [f"declared charset {declared!r} does not fit the bytes; "
                                f"read as {encoding}", *warnings]


@lru_cache(maxsize=1)
def _drop_rules() -> tuple[frozenset[str], frozenset[str]]:
    tags: set[str] = set()
    attrs: set[str] = set()
    for line in lexicon.entries(Path(__file__).with_name("html_drop.txt")):
        kind, _, word = line.partition(" ")
        (tags if kind == "tag" else attrs).add(word.strip().lower())
    return frozenset(tags), frozenset(attrs)


def _strip_chrome(soup: Any) -> None:
    from bs4 import Comment

    tags, attrs = _drop_rules()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for el in soup.find_all(list(tags)):
        el.decompose()
    for el in soup.find_all(True):
        # Not ``el.decomposed``: on an element never decomposed that property's getattr falls
        # through to bs4's ``tag.<name>`` search of the whole subtree, quadratic on deep pages.
        if vars(el).get("_decomposed") or el.attrs is None:
            continue
        names = " ".join([el.get("id") or "", " ".join(el.get("class") or []), el.get("role") or ""])
        if names.strip() and attrs & set(_TOKEN.split(names.lower())):
            el.decompose()


class _Builder:
    """Walks the tree, collecting lines of inline text and rendered tables."""

    def __init__(self) -> None:
        self.blocks: list[str | list[str]] = []
        self.line: list[str] = []

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.line)).strip(" ")
        if text:
            self.blocks.append(text)
        self.line = []

    def finish(self) -> list[str | list[str]]:
        self.flush()
        return self.blocks

    def walk(self, node: Any) -> None:
        """Collect ``node``'s text in document order. An explicit stack, not recursion:
        a hostile page nests tags thousands deep, past Python's recursion limit."""
        from bs4 import NavigableString, Tag

        stack = [iter(node.children)]
        flush_after = [False]  # leaving a block element ends its line
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                if flush_after.pop():
                    self.flush()
            elif isinstance(child, NavigableString):
                self.line.append(_inline(str(child)))
            elif isinstance(child, Tag):
                name = child.name
                if name == "br":
                    self.flush()
                elif name == "table" and _is_data_table(child):
                    self.flush()
                    self.blocks.append(render_table(table_grid(child)))
                else:
                    if name in _BLOCK:
                        self.flush()
                    stack.append(iter(child.children))
                    flush_after.append(name in _BLOCK)


def _inline(text: str) -> str:
    """Source line breaks between Chinese characters are not spaces (HTML would show one,
    a Chinese reader would not): drop them there, collapse them elsewhere."""
    return re.sub(r"(?<=[^\x00-\x7f])[ \t\r\n]*\n[ \t\r\n]*(?=[^\x00-\x7f])", "", text)


def _rows(table: Any) -> list[Any]:
    """The table's own rows, not those of tables nested in its cells."""
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is table:
            rows.append(tr)
    return rows


def _is_data_table(table: Any) -> bool:
    rows = _rows(table)
    if len(rows) < 2 or table.find("table") is not None:
        return False
    return max(len(tr.find_all(["td", "th"], recursive=False)) for tr in rows) >= 2


def table_grid(table: Any) -> list[list[str]]:
    """Grid of cell texts; ``colspan``/``rowspan`` leave covered positions empty."""
    grid: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(_rows(table)):
        c = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in grid:
                c += 1
            span = _span(td, "colspan")
            down = _span(td, "rowspan")
            builder = _Builder()
            builder.walk(td)
            grid[(r, c)] = cell_text(b if isinstance(b, str) else " ".join(b) for b in builder.finish())
            for dr in range(down):
                for dc in range(span):
                    if dr or dc:
                        grid.setdefault((r + dr, c + dc), "")
            c += span
    if not grid:
        return []
    height = 1 + max(r for r, _ in grid)
    width = 1 + max(c for _, c in grid)
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def _span(td: Any, attr: str) -> int:
    try:
        return max(1, min(int(str(td.get(attr, "1")).strip() or 1), 1000))
    except ValueError:
        return 1
