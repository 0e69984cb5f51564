"""Sentences with their offsets into the normalized text.

Chinese official prose ends sentences with 。！？ (and ；between clauses of a list);
paragraph breaks end a sentence too. A closing quote or bracket that follows the
end mark stays with the sentence. Written by hand because the splitters of the
NLP libraries we have (spaCy's sentencizer) need a Doc first, which would cost a
segmentation pass per document just to find a handful of punctuation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_END = re.compile(r"[。！？!?]+[”’」』）)\"]*|\n+")
_END_WITH_SEMICOLON = re.compile(r"[。！？!?；;]+[”’」』）)\"]*|\n+")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    semicolons: bool = False) -> list[Sentence]:
    """The sentences of ``text[start:end]``, stripped of surrounding blanks.

    ``semicolons`` also ends a sentence at ；/; (list items of duty lists).
    """
    end = len(text) if end is None else end
    pattern = _END_WITH_SEMICOLON if semicolons else _END
    out: list[Sentence] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        _append(out, text, pos, m.end() if m.group(0)[0] != "\n" else m.start())
        pos = m.end()
    _append(out, text, pos, end)
    return out


def sentence_at(text: str, pos: int) -> Sentence:
    """The sentence that holds character ``pos``."""
    left = max(text.rfind(ch, 0, pos) for ch in "。！？!?\n") + 1
    m = _END.search(text, pos)
    right = len(text) if m is None else (m.start() if m.group(0)[0] == "\n" else m.end())
    found = split_sentences(text, left, right)
    return found[0] if found else Sentence(text[left:right], left, right)


def _append(out: list[Sentence], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(text[a:b], a, b))
