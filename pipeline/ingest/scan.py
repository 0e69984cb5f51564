"""Scanned pages: page images of a PDF or an image file, OCR'd into the lines the
PDF reader joins into paragraphs.

Both the readers (``pdf``, ``png``/``jpg``/``tif``) and the batch runner's page
tasks go through :func:`page_image`, so a page is rendered to the same PNG bytes
— the cache key — wherever it is OCR'd. A page's OCR lines become the PDF
reader's lines in points (image pixels scaled to the page's width in points), so
the same geometry rules (running heads, indented paragraphs, lines that run on
to the right margin) apply to scans and to text layers alike.
"""

from __future__ import annotations

import io
from pathlib import Path

from gongwen.errors import InputError
from gongwen.ingest import ocr

#: PDF pages are rendered at this resolution for OCR: the usual scanning resolution,
#: where body text (10–16 pt) is 28–44 px high, which the recognizer reads best.
RENDER_DPI = 200
#: An image larger than this (pixels on its long side) is scaled down first: a
#: 600-dpi scan only costs time, its text is no better read.
MAX_SIDE = 3600
#: Width in points given to a page image (A4), so the PDF reader's thresholds apply.
PAGE_POINTS = 595.0
IMAGE_FORMATS = ("png", "jpg", "jpeg", "tif", "tiff")


def page_count(path: Path, data: bytes) -> int:
    """Pages of a PDF or frames of an image file."""
    if path.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        try:
            return len(doc)
        finally:
            doc.close()
    return getattr(_open_image(path, data), "n_frames", 1)


def page_image(path: Path, data: bytes, number: int) -> tuple[bytes, float]:
    """Page ``number`` (1-based) as grey PNG bytes, and the points per pixel."""
    if path.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        try:
            page = doc[number - 1]
            scale = RENDER_DPI / 72
            image = page.render(scale=scale, grayscale=True).to_pil()
            page.close()
        finally:
            doc.close()
        return ocr.to_png(image), 1 / scale
    image = _open_image(path, data)
    image.seek(number - 1)
    frame = image.convert("L")
    if max(frame.size) > MAX_SIDE:
        frame.thumbnail((MAX_SIDE, MAX_SIDE))
    return ocr.to_png(frame), PAGE_POINTS / frame.width


def _open_image(path: Path, data: bytes):  # -> PIL.Image.Image
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise InputError(path, f"not a readable image: {e}") from None
    return image


def ocr_pages(path: Path, data: bytes, numbers: list[int],
              warnings: list[str]) -> dict[int, tuple[ocr.OcrPage, float]]:
    """OCR the pages ``numbers`` of the file as :data:`ocr.POLICY` says: refused with
    ``--no-ocr``, deferred to the batch runner's page tasks, or done here. Pages read
    with low confidence get a warning naming the page."""
    if not numbers:
        return {}
    policy = ocr.current_policy()
    listed = _page_list(numbers)
    if policy.mode == "off":
        raise InputError(path, f"{listed} a scan without a text layer and needs OCR, which --no-ocr "
                               "switched off (run again without it, with --retry-failed)")
    if policy.mode == "defer":
        raise ocr.OcrDeferred(numbers)
    pages: dict[int, tuple[ocr.OcrPage, float]] = {}
    for number in numbers:
        png, points = page_image(path, data, number)
        try:
            page = ocr.recognize(png, policy)
        except ocr.OcrUnavailable as e:
            raise InputError(path, f"{listed} a scan and needs OCR: {e}") from None
        pages[number] = (page, points)
        if page.lines and page.confidence < ocr.LOW_CONFIDENCE:
            warnings.append(f"page {number}: OCR confidence {page.confidence:.2f} is low; "
                            "check the text against the scan")
        if not page.lines:
            warnings.append(f"page {number}: OCR found no text on this scanned page")
    return pages


def ocr_file_page(path: str, number: int) -> ocr.OcrPage:
    """OCR one page of a file into the cache (the batch runner's page task)."""
    p = Path(path)
    data = p.read_bytes()
    png, _ = page_image(p, data, number)
    return ocr.recognize(png)


def _page_list(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]} is"
    shown = ", ".join(map(str, numbers[:8])) + (", …" if len(numbers) > 8 else "")
    return f"pages {shown} are each"
