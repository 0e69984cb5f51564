"""The document type (RECORDS.md ``doc_type``).

:func:`classify` asks the trained genre model of :mod:`gongwen.metadata.genre`; the
cue words of ``doc_types.tsv`` (the words genres use for themselves: 议事规则, 主要职责,
经验交流, 绩效目标 …) are both one of its features (:func:`scores`) and the fallback
(:func:`classify_rules`) when no usable model file is shipped.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from gongwen import lexicon

HERE = Path(__file__).resolve().parent
TITLE_FACTOR = 4
MIN_SCORE = 4.0
#: Law-form texts (articles 第X条) are rules or duty lists, never reports.
_ARTICLE = re.compile(r"^[ \u3000#]*第\s*[〇零一二三四五六七八九十百\d]+\s*条", re.M)
NOT_LAW_TYPES = {"yearbook", "experience_report"}


@cache
def cues() -> tuple[tuple[str, str, float], ...]:
    return tuple((kind, cue, float(weight)) for kind, cue, weight, *_ in lexicon.rows(HERE / "doc_types.tsv"))


def scores(text: str, title: str | None, has_tables: bool = False) -> dict[str, float]:
    head = text[:300]
    out: dict[str, float] = {}
    for kind, cue, weight in cues():
        s = 0.0
        if title and cue in title:
            s += TITLE_FACTOR * weight
        if cue in head:
            s += 2 * weight
        s += 0.5 * weight * min(text.count(cue), 3)
        out[kind] = out.get(kind, 0.0) + s
    if len(_ARTICLE.findall(text)) >= 3:
        for kind in NOT_LAW_TYPES:
            out[kind] = 0.0
    if not has_tables and not (title and any(c in title for k, c, _ in cues() if k == "budget_table")):
        out["budget_table"] = 0.0  # a budget table is a table: prose about budgets is not one
    return out


def classify(text: str, title: str | None = None, has_tables: bool = False) -> str:
    """One of ``work_rules``, ``duty_list``, ``yearbook``, ``experience_report``,
    ``budget_table``, ``other``: the genre model's verdict, the rules' without a model."""
    from gongwen.metadata.genre import predict

    return predict(text, title, has_tables or "\n\t" in text).label


def classify_rules(text: str, title: str | None = None, has_tables: bool = False) -> str:
    """The cue rules' verdict: the best-scoring type when it reaches ``MIN_SCORE``."""
    s = scores(text, title, has_tables or "\n\t" in text)
    best = max(s, key=lambda k: s[k])
    return best if s[best] >= MIN_SCORE else "other"
