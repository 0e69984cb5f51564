"""Notes of a document-sharing platform about itself: previews, paywalls, download tips.

``亲,该文档总共5页,全部预览完了,如果喜欢就下载吧!``, ``全文预览已结束``,
``本文共1516字,仅供站内会员学习参考``, ``1、下载文档前请自行甄别文档内容的完整性…``:
every platform words them differently, but they all talk about the page in the
platform's own vocabulary (``platform_cues.txt``). A line is such a note when it
holds several of those words (weighted: ``VIP``, ``文库`` count double), or is
a short line without numbers holding one of the page words (``文档简介``,
``下载后继续阅读``). A text that merely
mentions a download (``群众可免费下载相关表格``) holds too few.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from gongwen import lexicon
from gongwen.normalize.edits import Edit

HERE = Path(__file__).resolve().parent
#: A line holding cues of at least this weight is a note …
MIN_WEIGHT = 3
#: … and a line this short needs one cue only.
SHORT_LINE = 12
#: A longer line is a paragraph of the text, whatever words it holds.
MAX_LINE = 150


@lru_cache(maxsize=1)
def cues() -> tuple[dict[str, int], frozenset[str], re.Pattern[str]]:
    """The cue words with their weights, those enough on a short line, and a pattern finding
    any of them (longest first)."""
    rows = [row for row in lexicon.rows(HERE / "platform_cues.txt") if len(row) > 1]
    weights = {row[0]: int(row[1]) for row in rows}
    short = frozenset(row[0] for row in rows if row[2:3] == ["short"])
    alts = "|".join(re.escape(w) for w in sorted(weights, key=len, reverse=True))
    return weights, short, re.compile(alts)


def is_platform_note(line: str) -> bool:
    """Whether ``line`` is a platform's note about the page (see the module docstring)."""
    body = line.strip(" \t\u3000")
    if not body or len(body) > MAX_LINE:
        return False
    weights, short, pattern = cues()
    found = set(pattern.findall(body))
    if not found:
        return False
    if len(body) <= SHORT_LINE and found & short and not re.search(r"\d", body):
        return True  # 文档简介, 下载后继续阅读 (a number would rather be a broken line's figure)
    return sum(weights[w] for w in found) >= MIN_WEIGHT


def remove_platform_notes(text: str) -> list[Edit]:
    """Edits emptying every platform note line (emptied, not joined: the lines around stay apart)."""
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        if is_platform_note(line):
            edits.append(Edit(pos, pos + len(line)))
        pos += len(line) + 1
    return edits
