"""Run the whole pipeline on one file: the library call behind ``gongwen extract``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from gongwen import stages
from gongwen.ingest import Ingested, from_text, read
from gongwen.record import Document, Work


def document_from(ingested: Ingested) -> Document:
    """A fresh document holding what the reader produced, before any stage ran."""
    return Document(source=ingested.source, warnings=list(ingested.warnings),
                    work=Work(source_text=ingested.text))


def process(ingested: Ingested, names: Iterable[str] | None = None) -> Document:
    return stages.run(document_from(ingested), names)


def process_file(path: str | Path, names: Iterable[str] | None = None) -> Document:
    """Read ``path`` and run the stages over it. Raises ``InputError`` for unusable input."""
    return process(read(path), names)


def process_text(text: str, names: Iterable[str] | None = None, path: str = "text.txt") -> Document:
    """Run the stages over ``text`` as if it were a UTF-8 .txt file at ``path``."""
    return process(from_text(text, path), names)
