"""Which meeting a sentence speaks of: the names a text uses for a meeting body.

A rule is often stated of the organ that holds the meeting rather than of the meeting by
its full name (`乡镇人民代表大会举行会议的时候，由主席团主持会议` rules on the
乡镇人民代表大会会议; `主席团的决定，以…过半数通过` on the 主席团会议), or of a
shortened name (`常委会` for 常务委员会, `本级人民代表大会会议`). :func:`aliases` lists the
names of a body, :func:`sentence_subject` finds the body a sentence's first clause names.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache


def short_name(body: str) -> str:
    """`全委会会议` is also called `全委会`. (A plain suffix test, not ``re.sub``: this runs
    for every sentence of a long text, and each ``re.sub`` call looks its pattern up again.)"""
    short = body.removesuffix("会议")
    return short if len(short) >= 2 and short.endswith("会") else body


ORGAN_END = re.compile(r"(?:委员会|大会|团（组）|团|院|会|组|局|部|处)$")
#: where the name of an organ may be cut to a shorter alias: after a place or level prefix
ALIAS_CUT = re.compile(r"(?<=[省市县区州旗镇乡级])|(?<=大会)|(?<=人民代表大会)")


@cache
def aliases(body: str) -> tuple[str, ...]:
    """Names a text uses for the meeting ``body`` or the organ that holds it, longest first:
    `乡镇人民代表大会会议` → 乡镇人民代表大会会议, 乡镇人民代表大会, 人民代表大会; `常务委员会会议`
    also answers to 常委会 (the standard abbreviation)."""
    body = body.strip("“”\"")
    out = {body, short_name(body), re.sub(r"会议$", "会", body)}  # 书记办公会议 is also 书记办公会
    organ = re.sub(r"会议$", "", body)
    if organ != body and ORGAN_END.search(organ) and len(organ) >= 2:
        out.add(organ)
        for cut in ALIAS_CUT.finditer(organ):
            tail = organ[cut.start():]
            if len(tail) >= 3 and ORGAN_END.search(tail):
                out.add(tail)
    # `党委会议` for 镇党委会议: the meeting's name without its place or level
    for cut in ALIAS_CUT.finditer(body):
        tail = body[cut.start():]
        if len(tail) >= 4 and tail.endswith("会议"):
            out.add(tail)
    if body.endswith("中心组学习"):  # `党委理论学习中心组学习`: the group is `党委中心组`, `中心组`
        group = body[:-2]
        out.update({group, re.sub(r"理论(?:学习)?", "", group), "中心组"})
        out.update(group[c.start():] for c in ALIAS_CUT.finditer(group))
    for a in list(out):
        if "常务委员会" in a:
            out.add(a.replace("常务委员会", "常委会"))
    return tuple(sorted((a for a in out if len(a) >= 2), key=len, reverse=True))


#: what may follow a meeting's or organ's name when the sentence states a rule about it
SUBJECT_FOLLOW = re.compile(r"(?:举行会议|开会|每|是|由|须|必须|必需|应|的决定|之决定|之决议|的决议|会议|进行表决|表决|"
                            r"一般|原则上|有|以|不定期|定期|(?:的|之)?[记纪]录|$)")


#: a verb the name is the object of (`各村每周召开一次两委会每月…`, its marks stripped): the
#: sentence's subject is who holds it, not the meeting named after the verb
OBJECT_OF = re.compile(r"(?:召开|举行|开好|参加|出席|列席|[一两二三四五六七八九十\d]次)$")

_CLAUSE_END = re.compile(r"[，,：:]")
_RUN_IN_CHAPTER = re.compile(r"^第[一二三四五六七八九十百零\d]+[章节]\s*[\u4e00-\u9fff]{0,16}\s+(?=第)")
_LEADING_ARTICLE = re.compile(r"^(?:第[一二三四五六七八九十百零\d]+条\s*|本级|本届)")
_SHORT_FORM = re.compile(r"（以下简称[^）]*）|\(以下简称[^)]*\)")


def sentence_subject(sent: str, names: dict[str, str]) -> str | None:
    """The key of the body a sentence rules on, when its first clause names it (or its organ)
    right before a rule verb: `乡镇人民代表大会举行会议的时候，由主席团主持会议`,
    `主席团的决定，以主席团成员的过半数通过`, `本级人民代表大会会议每年举行一次`."""
    clause = _CLAUSE_END.split(sent, maxsplit=1)[0].strip()
    if clause.startswith(("第", "本")):  # (the checks before each pattern only save time)
        # `第四章 书记专题会议 第八条 书记专题会议由…`: a run-in chapter heading is not the subject
        clause = _LEADING_ARTICLE.sub("", _RUN_IN_CHAPTER.sub("", clause))
    if "以下简称" in clause:
        clause = _SHORT_FORM.sub("", clause)
    best: tuple[int, str] | None = None
    # one search first: most sentences name no body at all
    for key, name in names.items() if _any_alias(tuple(names.values())).search(clause) else ():
        for a in aliases(name):
            i = clause.find(a)
            # `工作小组会议，应有…出席`: a name that is the whole first clause is its topic too
            if i == -1 or i > 12 or not SUBJECT_FOLLOW.match(clause, i + len(a)) or OBJECT_OF.search(clause, 0, i):
                continue
            # a longer name wins; at equal length the one nearer the start
            rank = (len(a) * 100 - i, key)
            if best is None or rank[0] > best[0]:
                best = (rank[0], key)
            break
    if best is None and "该" in sent:  # `…之初审决议，应有该工作小组三分之二以上之委员出席`: `该X` points back at X
        for key, name in names.items():
            if any("该" + a in sent for a in aliases(name) if len(a) >= 3):
                return key
    return best[1] if best else None


@lru_cache(maxsize=64)
def _any_alias(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every alias of ``names``: most sentences name none of them, and one
    search says so where trying each alias in turn cost a loop per sentence."""
    words = sorted({a for n in names for a in aliases(n)}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")
