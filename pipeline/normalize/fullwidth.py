"""Full-width digits and Latin letters to ASCII (``１２３`` → ``123``, ``ＡＢ`` → ``AB``).

Chinese punctuation (``，。：；（）``) is kept as written: RECORDS.md says so, and the
structure stage tells ``（一）`` from ``(一)`` by it.
"""

from __future__ import annotations

import re

from gongwen.normalize.edits import Edit

_FULL = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
_TABLE = {ord(c): ord(c) - 0xFEE0 for c in _FULL}


_RUN = re.compile("[０-９Ａ-Ｚａ-ｚ]+")


def fullwidth_to_ascii(text: str) -> list[Edit]:
    """One same-length edit per run of full-width letters and digits (offsets stay exact)."""
    return [Edit(m.start(), m.end(), m.group().translate(_TABLE)) for m in _RUN.finditer(text)]
