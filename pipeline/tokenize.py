"""The one place text is segmented into words.

Everything that needs words (search indexing, TF-IDF similarity, spaCy's
tokenizer) goes through :func:`cut` / :func:`cut_for_search`, so the backend can
switch: rjieba (the jieba-rs binding, ~6M chars/s, same dictionary) when it is
installed, jieba (~216k chars/s) otherwise.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import tempfile
from functools import cache
from pathlib import Path

os.environ.setdefault("JIEBA_CACHE", os.path.join(tempfile.gettempdir(), "gongwen-jieba.cache"))


@cache
def _backend():
    try:
        import rjieba

        return rjieba.cut, rjieba.cut_for_search
    except ImportError:  # pragma: no cover - exercised only without rjieba
        import jieba

        jieba.setLogLevel(60)
        jieba.dt.tmp_dir = tempfile.gettempdir()
        return (lambda t, hmm=True: list(jieba.cut(t, HMM=hmm))), (lambda t: list(jieba.cut_for_search(t)))


def cut(text: str, hmm: bool = True) -> list[str]:
    """Words of ``text`` in order (precise mode). ``hmm=False`` keeps to dictionary words:
    the HMM glues unknown characters into "new words", which garbled text must not get."""
    return list(_backend()[0](text, hmm))


def cut_for_search(text: str) -> list[str]:
    """Words plus their shorter parts (``专项经费`` → ``专项``, ``经费``, ``专项经费``), for indexing."""
    return list(_backend()[1](text))


@cache
def dictionary() -> str:
    """jieba's ``dict.txt`` (one ``word frequency tag`` line per word) as text, read once.

    Read directly rather than through jieba: the fast backend does not expose
    frequencies or part-of-speech tags, and initialising jieba costs several times more.
    """
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:  # pragma: no cover - jieba is a dependency
        return ""
    return (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8")


#: A line of jieba's dictionary: word, frequency, part-of-speech tag.
DICT_LINE = re.compile(r"^(\S+) (\d+) (\S+)$", re.MULTILINE)
#: The start of a line that is not one (the empty end after the last newline aside).
NOT_DICT_LINE = re.compile(r"^(?!\S+ \d+ \S+$|\Z)", re.MULTILINE)


def dictionary_fields(text: str) -> list[str]:
    """The fields of a jieba dictionary's ``word frequency tag`` lines, in order (word,
    frequency, tag, word, …); lines of another shape are skipped. When every line has that
    shape (jieba's own ``dict.txt``) one ``str.split`` gives them, several times faster than
    collecting the groups of 349k matches."""
    if not NOT_DICT_LINE.search(text):
        return text.split()
    return [f for m in DICT_LINE.finditer(text) for f in m.groups()]


def _table(column: int) -> dict[str, str]:
    """Word → the field ``column`` (1 frequency, 2 tag) of the dictionary's lines.

    Read a slice of whole lines at a time, with one string per distinct value: the fields
    of the whole file at once were a list of a million strings and as many copies of
    ``n``/``v``/``3``, ~75 MB of a 10 MB text's peak in every process."""
    text, size = dictionary(), 1 << 17
    table: dict[str, str] = {}
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end == -1 else end + 1
        fields = dictionary_fields(text[start:end])
        table.update(zip(fields[0::3], map(sys.intern, fields[column::3]), strict=True))  # one string per value
        start = end
    return table


@cache
def frequencies() -> dict[str, str]:
    """Word → frequency (as written, a string of digits) of jieba's dictionary."""
    return _table(1)


@cache
def _tags() -> dict[str, str]:
    """Word → part-of-speech tag of the dictionary's ``word frequency tag`` lines."""
    return _table(2)


def tagged(text: str) -> list[tuple[str, str]]:
    """Words of ``text`` with jieba's part-of-speech tag from its dictionary (``n`` noun,
    ``v`` verb, ``p`` preposition …; ``x`` for punctuation and words it does not list).
    The dictionary tag, not jieba's HMM tagger: enough to tell a noun phrase from a
    predicate, at a fraction of the cost of initialising ``jieba.posseg``."""
    return [(w, _tags().get(w, "x")) for w in cut(text)]
