"""Comparator words around a figure (``以上``, ``不少于``, ``过半数`` …) and the ``cmp`` they give it.

The words are data (``comparators.tsv``); this module only says where to look:
right after the unit, right before the number, or a few words away in the same clause.
"""

from __future__ import annotations

import re

from gongwen.extractors.figures.common import (
    HZ_NUM,
    Context,
    last_match,
)

CLAUSE_BREAK = re.compile(r"[，。；;,：:！？!?\n、\d" + HZ_NUM + "]")

INNER_NOT_BOUND = set("部容设涵外地务政")

SPACES_RE = re.compile(r"[ \u3000]")


def _unspaced(word: str) -> str:
    """A comparator word as the lexicon writes it (the patterns allow spaces inside: 以 上)."""
    return SPACES_RE.sub("", word)


def after_cmp(ctx: Context, end: int) -> str | None:
    """The bound stated after a figure ending at ``end``: ``90%及以上``, ``以一次为限``."""
    text, lex = ctx.text, ctx.lex
    m = lex.after_re.match(text, end)
    if m:
        word = _unspaced(re.sub(r"^[ \u3000]*(?:[（(]含[)）])?", "", m.group(0)))
        if word == "以下" and text.startswith("简称", m.end()):
            return None
        if word == "内" and text[m.end():m.end() + 1] in INNER_NOT_BOUND:
            return None  # 内部, 内容, 内设: not "within"
        return lex.after[word].cmp
    # 以一次为限: a bound stated a few words later in the same clause
    window = text[end:end + 8]
    cut = CLAUSE_BREAK.search(window)
    window = window[:cut.start()] if cut else window
    for word, c in lex.after.items():
        if c.reach == "clause" and word in window:
            return c.cmp
    return None


def before_cmp(ctx: Context, s: int, kind: str) -> str | None:
    """The bound stated before a figure starting at ``s``: ``不少于70人``, ``超过…的半数``."""
    text, lex = ctx.text, ctx.lex
    cur = lex.currency_re.search(text[max(0, s - 5):s])
    if cur:  # 约新台币870亿元: the currency written first stands between the word and the number
        s = max(0, s - 5) + cur.start()
    before = text[max(0, s - 6):s]
    m = lex.before_adjacent_re.search(before)
    if m:
        word = _unspaced(m.group(0))
        c = lex.before[word]
        if c.reach != "fraction" or kind == "fraction":
            return c.cmp
    window = text[max(0, s - 16):s]
    cut = last_match(CLAUSE_BREAK.finditer(window))
    if cut:
        window = window[cut.end():]
    found = last_match(lex.before_clause_re.finditer(window))
    if found:
        if lex.change_re.search(window, found.end()):
            # 最低工资标准每月提高183元: the figure is the size of a change, and the
            # word before the verb names the thing changed, not a bound on the change
            return None
        return lex.before[_unspaced(found.group(0))].cmp
    return None
