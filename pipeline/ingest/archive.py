"""Checks on zip containers (.docx) before any parser opens them.

A .docx is a zip file; a hostile or broken one can claim gigabytes of XML in a
few kilobytes (a zip bomb). python-docx would inflate it all into memory, so
the member table is checked first: it costs nothing, since the sizes are in the
zip's central directory.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from gongwen.errors import InputError

#: Total uncompressed size allowed for all members together (bytes).
MAX_UNCOMPRESSED = 256 * 1024 * 1024
#: Compression ratio above which a large member is taken for a bomb. Word XML
#: compresses 5–20×; 100× only happens with crafted, endlessly repeated content.
MAX_RATIO = 100
#: Members smaller than this are not checked for their ratio (tiny files can compress a lot).
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000


def open_zip(path: Path, data: bytes, kind: str) -> zipfile.ZipFile:
    """The zip in ``data``, after checking it is one and is not a bomb."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(path, f"not a {kind} file (not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise InputError(path, f"corrupt {kind} file: {e}") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"suspicious {kind} file: {len(members)} archive members")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise InputError(path, f"suspicious {kind} file (zip bomb?): {total / 1e6:.0f} MB uncompressed")
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise InputError(path, f"suspicious {kind} file (zip bomb?): member {m.filename!r} "
                                   f"compressed {m.file_size // max(m.compress_size, 1)}:1")
    return archive
