"""Find the files of an archive and fingerprint them before any work is done.

Discovery walks folders in a stable (sorted) order and keeps the files whose
suffix has a reader (:func:`gongwen.ingest.formats`); everything else is
counted by suffix for the summary.

Symbolic links are a way out of the folder a user hands over: a link named
``notes.txt`` pointing at ``/etc/passwd`` would put that file in the store and
its full-text index. So a link found inside a given folder is followed only
when its target lies inside that same folder; other links are refused with the
reason (``follow_links`` lifts this), and so are broken links and things that
are not regular files (a FIFO would block the reader forever). With links
followed, a folder already walked is never entered again, so a link cycle
ends. A path the user names directly is theirs to name and is always read. Hashing happens in the parent, file by file
as work is submitted, because the SHA-256 decides whether a file needs work at
all (already stored, a duplicate of another file, or failed before).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gongwen.errors import InputError
from gongwen.ingest import formats

#: Suffixes the reader dispatch in :func:`gongwen.ingest.read` maps to a registered format.
SUFFIX_ALIASES = {"htm": "html", "text": "txt"}


@dataclass
class Discovery:
    """The files to consider, in order, and what was left aside (suffix → count)."""

    files: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    #: Paths that were found but must not be read (a link leaving the folder …) → why.
    refused: dict[str, str] = field(default_factory=dict)


def accepted_suffixes() -> set[str]:
    known = set(formats())
    return known | {alias for alias, fmt in SUFFIX_ALIASES.items() if fmt in known}


def _suffix(name: str) -> str:
    return Path(name).suffix.lower().lstrip(".")


def discover(paths: Iterable[str | Path], follow_links: bool = False) -> Discovery:
    """Every readable-format file under ``paths`` (files or folders), each once.

    Paths keep the spelling they were given with (``archive/a/b.txt`` stays
    relative), since that is what the record's ``source.path`` will say. Hidden
    files and folders (``.git``, ``.DS_Store``) are skipped as ``(hidden)``.
    Links inside a folder that lead out of it are put in ``refused`` unless
    ``follow_links``. A path that does not exist raises :class:`InputError`.
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
        elif not os.path.isfile(path):
            found.refused[path] = "not a regular file (a device, pipe or socket); not read"
        elif (key := os.path.realpath(path)) not in seen:
            seen.add(key)
            found.files.append(path)

    for given in paths:
        root = str(given)
        if os.path.isdir(root):
            for path in _walk(root, follow_links, found.refused):
                consider(path)
        elif os.path.isfile(root):
            consider(root)
        elif os.path.islink(root):
            found.refused[root] = "broken symbolic link (its target does not exist)"
        else:
            raise InputError(root, "no such file or folder")
    return found


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def _walk(root: str, follow_links: bool, refused: dict[str, str]) -> Iterator[str]:
    """The non-hidden entries under ``root`` in sorted order, links checked as the module says."""
    top = os.path.realpath(root)
    walked = {top}
    advice = "not followed (--follow-links to follow)"
    for folder, dirs, names in os.walk(root, followlinks=follow_links):
        kept = []
        for d in sorted(d for d in dirs if not d.startswith(".")):
            path = os.path.join(folder, d)
            real = os.path.realpath(path)
            if os.path.islink(path) and not follow_links:
                if not _inside(real, top):
                    refused[path] = f"symbolic link to the folder {real}, outside {root}; {advice}"
                # A link within the tree: its files are found under their own folder.
            elif real in walked or _inside(os.path.realpath(folder), real):
                if os.path.islink(path):
                    refused[path] = f"symbolic link to {real}, a folder already walked (a link loop?); skipped"
            else:
                walked.add(real)
                kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            path = os.path.join(folder, name)
            if not name.startswith(".") and os.path.islink(path):
                real = os.path.realpath(path)
                if not os.path.exists(path):
                    refused[path] = "broken symbolic link (its target does not exist)"
                    continue
                if not follow_links and not _inside(real, top):
                    refused[path] = f"symbolic link to {real}, outside {root}; {advice}"
                    continue
            yield path


def sha256_of(path: str) -> tuple[str, int]:
    """The file's SHA-256 and size; raises ``OSError`` when it cannot be read."""
    with open(path, "rb") as f:
        digest = hashlib.file_digest(f, "sha256")
        size = f.tell()
    return digest.hexdigest(), size
