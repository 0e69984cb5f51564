"""Find the files of an archive and fingerprint them before any work is done.

Discovery walks folders in a stable (sorted) order and keeps the files whose
suffix has a reader (:func:`pipeline.ingest.formats`); everything else is
counted by suffix for the summary. Hashing happens in the parent, file by file
as work is submitted, because the SHA-256 decides whether a file needs work at
all (already stored, a duplicate of another file, or failed before).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError
from pipeline.ingest import formats

#: Suffixes the reader dispatch in :func:`pipeline.ingest.read` maps to a registered format.
SUFFIX_ALIASES = {"htm": "html", "text": "txt"}


@dataclass
class Discovery:
    """The files to consider, in order, and what was left aside (suffix → count)."""

    files: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def accepted_suffixes() -> set[str]:
    known = set(formats())
    return known | {alias for alias, fmt in SUFFIX_ALIASES.items() if fmt in known}


def _suffix(name: str) -> str:
    return Path(name).suffix.lower().lstrip(".")


def discover(paths: Iterable[str | Path]) -> Discovery:
    """Every readable-format file under ``paths`` (files or folders), each once.

    Paths keep the spelling they were given with (``archive/a/b.txt`` stays
    relative), since that is what the record's ``source.path`` will say. Hidden
    files and folders (``.git``, ``.DS_Store``) are skipped as ``(hidden)``.
    A path that does not exist raises :class:`InputError`.
    """
    accepted = accepted_suffixes()
    found = Discovery()
    seen: set[str] = set()

    def consider(path: str) -> None:
        name = os.path.basename(path)
        if name.startswith("."):
            found.skipped["(hidden)"] += 1
        elif _suffix(name) not in accepted:
            found.skipped[f".{_suffix(name)}" if _suffix(name) else "(no suffix)"] += 1
        elif (key := os.path.realpath(path)) not in seen:
            seen.add(key)
            found.files.append(path)

    for given in paths:
        root = str(given)
        if os.path.isdir(root):
            for folder, dirs, names in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    consider(os.path.join(folder, name))
        elif os.path.isfile(root):
            consider(root)
        else:
            raise InputError(root, "no such file or folder")
    return found


def sha256_of(path: str) -> tuple[str, int]:
    """The file's SHA-256 and size; raises ``OSError`` when it cannot be read."""
    with open(path, "rb") as f:
        digest = hashlib.file_digest(f, "sha256")
        size = f.tell()
    return digest.hexdigest(), size
