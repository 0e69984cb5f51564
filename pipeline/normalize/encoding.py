"""UTF-8 read as Latin-1 or Windows-1252 (``å…³äºŽ`` for ``关于``): repaired with ftfy.

A page saved by a tool that guessed the wrong code page turns every Chinese
character into two or three Latin ones. ftfy recognises that shape
(:func:`ftfy.is_bad`) and undoes it (:func:`ftfy.fix_encoding`); only
``fix_encoding`` is used, never ``fix_text``, whose other fixes rewrite Chinese
punctuation (full-width forms) the record keeps as written. The repair runs per
line, only on a line ftfy flags and only when it gives more Han characters than
it had, and it is reported in the warnings (the bytes lost to undefined
code points cannot always be restored).
"""

from __future__ import annotations

import re

import ftfy

from gongwen.normalize.edits import Edit

HAN = re.compile(r"[\u4e00-\u9fff]")
#: A mis-decoded lead byte of a Chinese character (UTF-8 E4-E9: ä-é) followed by a
#: continuation byte's character (not ASCII, not a Latin letter: pinyin's tone vowels
#: è é stand before ASCII letters): no line without one is tried.
LEAD = re.compile(r"[\u00e4-\u00e9][^\x00-\x7f\u00c0-\u024f]")


def repair_encoding(text: str) -> list[Edit]:
    """Edits replacing each mis-decoded line by its ftfy repair (one warning for the text)."""
    if not LEAD.search(text):
        return []
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if LEAD.search(line) and ftfy.is_bad(line):
            fixed = ftfy.fix_encoding(line)
            if len(HAN.findall(fixed)) > len(HAN.findall(line)):
                edits.append(Edit(pos, pos + len(line), fixed))
        pos += len(line) + 1
    if edits:
        first = edits[0]
        edits[0] = Edit(first.start, first.end, first.replacement,
                        f"repaired UTF-8 read as Latin-1 on {len(edits)} line(s), e.g. "
                        f"'{text[first.start:first.start + 12]}' → '{first.replacement[:8]}'")
    return edits
