"""Readers: turn a file into text, one reader per format, registered by suffix.

A reader returns :class:`Ingested`: the text as the file holds it (before any
normalization), the detected encoding for text files, and warnings. Tables are
rendered into the text in the layout of a table exported one cell per line
(each row opens with an empty line, each cell is a line starting with a tab), so
the table stage and the budget extractor read tables from .docx, .pdf and text
exports the same way.

Anything wrong with the input raises :class:`gongwen.errors.InputError`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongwen.errors import InputError
from gongwen.record import Source
from gongwen.registry import Registry

#: Files larger than this are refused before they are read (bytes).
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class Ingested:
    """What a reader made of one file."""

    source: Source
    text: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class Decoded:
    """A reader's result before the source facts are attached."""

    text: str
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: Per-page OCR facts for :attr:`gongwen.record.Source.ocr` (scans only).
    ocr: list[dict[str, Any]] | None = None


Reader = Callable[[Path, bytes], Decoded]
READERS: Registry[Reader] = Registry("reader")


def formats() -> list[str]:
    """The formats (file suffixes without the dot) a reader is registered for."""
    _load_readers()
    return READERS.names()


def read(path: str | Path, max_bytes: int = MAX_BYTES) -> Ingested:
    """Read one file with the reader for its suffix."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    fmt = {"htm": "html", "text": "txt"}.get(fmt, fmt)
    _load_readers()
    if fmt not in READERS:
        raise InputError(path, f"unsupported format {path.suffix or '(no suffix)'!r}")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(path, f"cannot open: {e.strerror or e}") from None
    if size > max_bytes:
        raise InputError(path, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from None
    return from_bytes(data, path, fmt)


def from_bytes(data: bytes, path: str | Path, fmt: str) -> Ingested:
    """Read ``data`` (a file's bytes, or standard input's) with the reader of ``fmt``;
    ``path`` is what the record and any error name it."""
    path = Path(path)
    _load_readers()
    if fmt not in READERS:
        raise InputError(path, f"unsupported format {fmt!r}")
    if not data:
        raise InputError(path, "file is empty")
    decoded = READERS.get(fmt)(path, data)
    source = Source(path=str(path), format=fmt, encoding=decoded.encoding, bytes=len(data),
                    sha256=hashlib.sha256(data).hexdigest(), ocr=decoded.ocr)
    return Ingested(source=source, text=decoded.text, warnings=decoded.warnings)


def from_text(text: str, path: str = "text.txt") -> Ingested:
    """What the .txt reader gives for ``text`` saved as UTF-8 under ``path``: for text
    that arrives as a string (a test, a caller embedding the library) rather than a file."""
    data = text.encode("utf-8")
    source = Source(path=path, format="txt", encoding="utf-8", bytes=len(data),
                    sha256=hashlib.sha256(data).hexdigest())
    return Ingested(source=source, text=text)


def _load_readers() -> None:
    # Importing a reader module registers it.
    from gongwen.ingest import docx as _docx  # noqa: F401
    from gongwen.ingest import html as _html  # noqa: F401
    from gongwen.ingest import image as _image  # noqa: F401
    from gongwen.ingest import legacy_word as _legacy_word  # noqa: F401
    from gongwen.ingest import ofd as _ofd  # noqa: F401
    from gongwen.ingest import pdf as _pdf  # noqa: F401
    from gongwen.ingest import sheet as _sheet  # noqa: F401
    from gongwen.ingest import text as _text  # noqa: F401
