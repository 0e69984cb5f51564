"""Reading the project's data files: lexicons and patterns kept beside the code.

Every lexicon is plain UTF-8 text a research assistant can extend: one entry per
line, columns separated by TABs, ``#`` starting a comment line, blank lines
ignored. This is the one reader for all of them.
"""

from __future__ import annotations

from pathlib import Path


def rows(path: str | Path) -> list[list[str]]:
    """The entries of a data file, each as its TAB-separated columns (stripped)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append([col.strip() for col in line.split("\t")])
    return out


def entries(path: str | Path) -> list[str]:
    """The first column of each entry: for one-entry-per-line word lists."""
    return [r[0] for r in rows(path)]


def of_kind(path: str | Path, kind: str) -> list[str]:
    """The second column of the entries whose first column is ``kind``, in file order.

    Several lexicons keep many short word lists in one file as ``kind <TAB> word
    [<TAB> comment]`` lines (places.tsv, title_cues.tsv, structure/lexicon.tsv), so
    that related lists sit together; a line without a word is skipped.
    """
    return [r[1] for r in rows(path) if r[0] == kind and len(r) > 1]
