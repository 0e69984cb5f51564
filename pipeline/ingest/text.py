"""Plain-text reader (minimal; encoding detection is extended by the readers work)."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError
from pipeline.ingest import READERS, Decoded


@READERS.register("txt")
def read_txt(path: Path, data: bytes) -> Decoded:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return Decoded(text=data.decode(enc), encoding="utf-8" if enc == "utf-8-sig" else enc)
        except UnicodeDecodeError:
            continue
    raise InputError(path, "cannot detect the text encoding")
