"""Page images (.png, .jpg, .tif — a multi-page TIFF is a multi-page scan): OCR'd
page by page and joined like the scanned pages of a PDF (:mod:`gongwen.ingest.scan`)."""

from __future__ import annotations

from pathlib import Path

from gongwen.ingest import READERS, Decoded, scan
from gongwen.ingest.pdf import decode_pages, ocr_facts, ocr_lines


def read_image(path: Path, data: bytes) -> Decoded:
    warnings: list[str] = []
    numbers = list(range(1, scan.page_count(path, data) + 1))
    read = scan.ocr_pages(path, data, numbers, warnings)
    decoded = decode_pages(path, [ocr_lines(page, points) for page, points in read.values()], warnings,
                           ocr_read=True)
    decoded.ocr = ocr_facts(read)
    return decoded


for _suffix in scan.IMAGE_FORMATS:
    READERS.register(_suffix)(read_image)
