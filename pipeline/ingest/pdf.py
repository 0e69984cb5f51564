"""PDF reader: text in reading order per page, ruled tables as tables.

pdfplumber gives characters with their boxes and finds ruled tables. Per page,
the tables are rendered in the table layout and the remaining characters are
read as lines; lines and tables are then put in order by their top edge.
Because the reader knows the geometry, it also rejoins a paragraph's lines (a
line that runs to the right margin continues on the next one unless that one is
indented), which the normalizer could only guess from the text.

Running heads and feet (a line at the top or bottom of most pages, digits
ignored) and page numbers (``- 3 -``, ``第3页``, ``3/17``, patterns in
``page_furniture.txt``) are dropped.

A page with an image and no text layer is a scan: it is OCR'd
(:mod:`gongwen.ingest.scan`) and its lines, boxes in points, join the text
layer's lines for everything above; a page that has a text layer is never OCR'd.

pypdfium2 is used first as a gate: it opens the file with PDFium (as a browser
would) and refuses encrypted and broken files with a clear reason, which
pdfminer would otherwise half-read.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from gongwen import lexicon
from gongwen.errors import InputError
from gongwen.ingest import READERS, Decoded, scan
from gongwen.ingest.layout import join_blocks, join_wrapped, render_table
from gongwen.ingest.ocr import OcrPage

#: Share of pages a top/bottom line must repeat on to be a running head/foot.
REPEAT_SHARE = 0.6
#: A line within this many points of the right margin runs on to the next line.
MARGIN_SLACK = 14.0
#: A line ending within this many character heights of the right edge also runs on: an
#: unjustified line of Chinese breaks wherever the next character (or Latin word) does
#: not fit, so full lines end anywhere within a character or two of the edge.
RUN_ON_CHARS = 1.5
#: A page of an image filling half of it and fewer text-layer characters than this
#: (a stamped page number or file code) is a scan, OCR'd.
SCAN_STAMP_CHARS = 20
#: A line starting this many points right of the left margin opens a paragraph.
INDENT = 8.0

_DIGITS = re.compile(r"\d+")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９－／", "0123456789-/")


@dataclass
class Line:
    """One visual line of a page, in points from the top left: text layer, OCR or OFD."""

    text: str
    top: float
    x0: float
    x1: float
    height: float
    page_width: float


@READERS.register("pdf")
def read_pdf(path: Path, data: bytes) -> Decoded:
    _check(path, data)
    import pdfplumber  # imported here: heavy, only needed for PDF input

    warnings: list[str] = []
    pages: list[list[Line | list[str]]] = []
    scanned: list[int] = []  # pages with an image and no text layer: OCR'd, only they
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                items = _page_items(page)
                if _is_scan(page, items):
                    scanned.append(number)
                    items = []
                pages.append(items)
    except InputError:
        raise
    except Exception as e:  # pdfminer raises many types for damaged files
        raise InputError(path, f"cannot read the PDF: {type(e).__name__}: {e}") from None
    read = scan.ocr_pages(path, data, scanned, warnings)
    for number, (page, points) in read.items():
        pages[number - 1] = ocr_lines(page, points)
    decoded = decode_pages(path, pages, warnings, bool(read))
    decoded.ocr = ocr_facts(read)
    return decoded


def decode_pages(path: Path, pages: list[list[Line | list[str]]], warnings: list[str],
                 ocr_read: bool) -> Decoded:
    """The text of pages of lines and tables: running heads and page numbers dropped,
    wrapped lines joined into paragraphs."""
    if not any(pages):
        raise InputError(path, "OCR found no text on the scanned pages" if ocr_read
                         else "no text layer on any page, and no scanned image to OCR")
    _drop_furniture(pages)
    text = join_blocks(_paragraphs(pages))
    if not text.strip():
        raise InputError(path, "the PDF holds no text")
    return Decoded(text=text, warnings=warnings)


def ocr_lines(page: OcrPage, points: float) -> list[Line | list[str]]:
    """A page's OCR lines as text-layer lines, in points, top to bottom."""
    width = page.width * points
    return [Line(ln.text, ln.box[1] * points, ln.box[0] * points, ln.box[2] * points,
                  (ln.box[3] - ln.box[1]) * points, width)
            for ln in sorted(page.lines, key=lambda ln: (ln.box[1], ln.box[0]))]


def ocr_facts(read: dict[int, tuple[OcrPage, float]]) -> list[dict[str, Any]] | None:
    """Per-page OCR confidence for the record's ``source.ocr``."""
    return [{"page": n, "engine": p.engine, "confidence": round(p.confidence, 3)}
            for n, (p, _) in sorted(read.items())] or None


def _is_scan(page: Any, items: list[Line | list[str]]) -> bool:
    """A page whose text is in an image: no text layer, or one of a few characters (a
    page number or file stamp a scanner added) over an image filling half the page.
    The page is OCR'd as rendered, stamp included, in place of its text layer."""
    if not page.images:
        return False
    chars = sum(len(i.text.replace(" ", "")) if isinstance(i, Line) else len("".join(i)) for i in items)
    if chars == 0:
        return True
    area = float(page.width * page.height) or 1.0
    covered = sum(abs((im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
    return chars < SCAN_STAMP_CHARS and covered >= 0.5 * area


def _check(path: Path, data: bytes) -> None:
    """Refuse what is not a complete, readable PDF, naming the reason."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "truncated PDF (no end-of-file marker)")
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = str(e)
        if "password" in reason.lower():
            raise InputError(path, "encrypted PDF (password required)") from None
        raise InputError(path, f"damaged PDF: {reason}") from None
    try:
        if len(doc) == 0:
            raise InputError(path, "the PDF has no pages")
    finally:
        doc.close()


def _page_items(page: Any) -> list[Line | list[str]]:
    """Lines and rendered tables of one page, top to bottom."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    body = page.filter(outside) if boxes else page
    placed: list[tuple[float, Line | list[str]]] = []
    for line in body.extract_text_lines(return_chars=False):
        text = line["text"].strip()
        if text:
            placed.append((line["top"], Line(text, line["top"], line["x0"], line["x1"],
                                                 line["bottom"] - line["top"], float(page.width))))
    for table in tables:
        rows = [[join_wrapped(c or "") for c in row] for row in table.extract()]
        if any(any(r) for r in rows):
            placed.append((table.bbox[1], render_table(rows)))
    placed.sort(key=lambda p: p[0])
    return [item for _, item in placed]


def _key(text: str) -> str:
    return _DIGITS.sub("#", text.replace(" ", ""))


@lru_cache(maxsize=1)
def _page_number_patterns() -> re.Pattern[str]:
    patterns = lexicon.entries(Path(__file__).with_name("page_furniture.txt"))
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def is_page_number(text: str) -> bool:
    squeezed = re.sub(r"\s+", "", text).translate(_FULLWIDTH_DIGITS)
    return _page_number_patterns().fullmatch(squeezed) is not None


def _drop_furniture(pages: list[list[Line | list[str]]]) -> None:
    """Remove running heads/feet and page numbers from the top and bottom of pages.

    Lines among the first two or last two of a page (a head may sit above or
    below a page number) that repeat on most pages, digits masked (``第3期``,
    ``2019年``), are running heads and feet.
    """
    edges: Counter[str] = Counter()
    for items in pages:
        lines = [i for i in items if isinstance(i, Line)]
        edges.update({_key(ln.text) for ln in lines[:2] + lines[-2:]})
    threshold = max(2, REPEAT_SHARE * len(pages))
    repeated = {k for k, n in edges.items() if n >= threshold}
    for items in pages:
        for end in (0, -1):
            for _ in range(3):
                if items and isinstance(items[end], Line) and (
                        is_page_number(items[end].text) or _key(items[end].text) in repeated):
                    items.pop(end)


def _paragraphs(pages: list[list[Line | list[str]]]) -> list[str | list[str]]:
    """Join visual lines into paragraphs: a line reaching the right margin runs on,
    unless the next line is indented (a new paragraph), set in another size (a
    heading) or is a table."""
    lines = [i for items in pages for i in items if isinstance(i, Line)]
    if not lines:
        return [i for items in pages for i in items if isinstance(i, list)]
    left = min(ln.x0 for ln in lines)
    right = _right_edge(lines, left)
    groups: list[list[str] | tuple[list[str]]] = []  # a tuple wraps a rendered table
    previous: Line | None = None  # the last line, when it runs on to the next
    for items in pages:
        for item in items:
            if isinstance(item, list):
                groups.append((item,))
                previous = None
                continue
            same_size = previous is not None and abs(previous.height - item.height) <= 0.15 * item.height
            if same_size and groups and isinstance(groups[-1], list) and item.x0 - left < INDENT:
                groups[-1].append(item.text)
            else:
                groups.append([item.text])
            previous = item if right - item.x1 < max(MARGIN_SLACK, RUN_ON_CHARS * item.height) else None
    return [join_wrapped("\n".join(g)) if isinstance(g, list) else g[0] for g in groups]


def _right_edge(lines: list[Line], left: float) -> float:
    """The text block's right edge: where full lines typically end — the median end of
    the lines that reach past the middle of the page, not the longest line, so that one
    overlong line (a web address, hanging punctuation) does not move it — but at least
    where a right margin as wide as the left one puts it (a document of short lines
    runs on nowhere)."""
    width = max(ln.page_width for ln in lines)
    long_ends = sorted(ln.x1 for ln in lines if ln.x1 > width / 2) or [left]
    return max(long_ends[len(long_ends) // 2], width - left)
