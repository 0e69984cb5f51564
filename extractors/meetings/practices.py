"""Meetings a report describes as a recurring practice instead of ruling on them.

Experience reports name a meeting and, in the same breath or elsewhere in the paragraph,
say what is done there without calling it a meeting again: `推广“农村片务工作交流会”做法，
要求各镇每月…组织各村主要负责人互通情况、交流学习` or `每半年，组织义务监督员…进行评议 …
在下次的评议会上再次征求意见`. The sentence that says how often the activity happens
(`每<period>`) and whom it gathers (`组织<participants>`) gives the meeting's frequency,
holder (convener), members and agenda. Patterns live in ``practices.tsv``.

Only a meeting named as a practice (quoted before `做法`/`制度`/`机制`) or as a recurring
occasion (`下次的…会上`) is read, so one-off events of a report (`召开全区现场推进会`)
stay out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from gongwen import lexicon

HERE = Path(__file__).parent
PER = {"年": "year", "半年": "half_year", "季度": "quarter", "个月": "month", "月": "month", "周": "week",
       "星期": "week"}
STOPS = "。；;\n！？"


@dataclass
class Practice:
    """A recurring meeting read off a report; ``members`` is the participants as written."""

    body: str
    start: int
    end: int
    frequency_text: str
    per: str
    convener: str | None
    members: str | None
    agenda: list[str] = field(default_factory=list)


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(regex) for kind, regex in lexicon.rows(HERE / "practices.tsv")}


def _bounds(text: str, pos: int, stops: str = STOPS) -> tuple[int, int]:
    a = max(text.rfind(ch, 0, pos) for ch in stops) + 1
    ends = [i for i in (text.find(ch, pos) for ch in stops) if i != -1]
    return a, min(ends) if ends else len(text)


def _described(text: str, body: str, pos: int, a: int, b: int) -> Practice | None:
    """The practice ``body`` whose activity is described in ``text[a:b]``, or None when that
    stretch says nothing of how often it happens."""
    pats = patterns()
    act = pats["activity"].search(text, a, b)
    if act is None:
        return None
    clause_end = min([i for i in (text.find(ch, act.end(), b) for ch in "，,") if i != -1] or [b])
    who = act.group("who") or None
    if who is None:  # `每半年，组织…`: the organ the paragraph names as holding it
        p0, p1 = _bounds(text, pos, "\n")
        found = [m.group("who") for m in pats["organ"].finditer(text, p0, p1)]
        who = max(found, key=len) if found else None
    members = pats["members"].search(text, act.end(), b)
    agenda: list[str] = []
    if members:
        rest = members.group("rest").strip()
        if rest[:1] in "，,":  # `…人士，对组织工作进行评议，…`: the next clause is the agenda
            agenda = [re.split(r"[，,]", rest[1:])[0].strip()]
        else:  # `…负责人互通情况、交流学习`: the activities listed right after them
            agenda = [x.strip() for x in re.split(r"、", re.split(r"[，,]", rest)[0]) if x.strip()]
    return Practice(body=body, start=min(pos, a), end=max(b, pos + len(body)), frequency_text=text[act.start():clause_end],
                    per=PER[act.group("per")], convener=who,
                    members=members.group("list") if members else None, agenda=[x for x in agenda if x])


def practices(text: str) -> list[Practice]:
    """Recurring meetings the report describes, one per name, in order of first mention."""
    pats = patterns()
    out: dict[str, Practice] = {}
    for m in pats["named"].finditer(text):
        a, b = _bounds(text, m.start())
        p = _described(text, m.group("body"), m.start(), m.end(), b)
        if p and p.body not in out:
            out[p.body] = p
    for m in pats["recurring"].finditer(text):
        body = m.group("body")
        stem = re.sub(r"会$", "", body)[-2:]  # `评议会` is where the 评议 happens
        if body in out or len(stem) < 2:
            continue
        p0, p1 = _bounds(text, m.start(), "\n")
        for x in range(p0, p1):  # the sentence of the paragraph that describes the activity
            if x != p0 and text[x - 1] not in STOPS:
                continue
            a, b = x, _bounds(text, x)[1]
            if stem in text[a:b] and pats["members"].search(text, a, b):
                p = _described(text, body, m.start(), a, b)
                if p:
                    out[body] = p
                    break
    return list(out.values())
