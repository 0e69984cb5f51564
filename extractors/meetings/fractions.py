"""Quorums and vote thresholds: `必须有三分之二以上委员到会`, `以出席委员过半数之同意行之`,
`赞成票超过应到会委员人数的半数为通过`, `须有应出席委员二分之一以上之出席`.

A fraction next to 到会/出席 is a quorum, next to 同意/通过/赞成 a vote threshold;
one that applies to a matter (`讨论干部问题时…`, `复议案…`) is a special quorum;
one for merely proposing (`…之提议`) is neither.
"""

from __future__ import annotations

import re

from gongwen.record import FractionRule, SpecialQuorum

FRAC = r"过半数|半数|二分之一|[一二三四五六七八九十]分之[一二三四五六七八九十]"
QUORUM = re.compile(rf"有(?P<pre>[^，。；,]{{0,16}}?)(?P<frac>{FRAC})(?P<cmp>以上)?(?:的|之)?"
                    rf"(?P<post>(?:(?!到会|出席|参加|参会(?!人)|与会(?!人))[^，。；,]){{0,10}}?)(?:之)?(?:到会|出席|参加|参会|与会)(?!人)")
VOTE = re.compile(rf"(?P<of>[^，。；,有]{{0,20}}?)(?:人数|(?:(?<=委员)|(?<=代表)|(?<=成员))人员(?=的))?(?:的)?(?P<frac>{FRAC})"
                  rf"(?P<cmp>以上)?(?:且[^，。；,]{{0,20}}?)?(?:之)?(?:同意|通过|为通过)")
#: the matter a special quorum applies to: `讨论干部问题时`, `复议`, or a qualified kind of
#: decision opening the sentence (`征收费率之初审决议，应有…`; not the plain `本会会议之决议`)
MATTER = re.compile(r"(?P<matter>(?:讨论|争论|审议|决定|表决)[^，。；,]{1,12}?)(?:时|(?=须有|应有|必须有|必需有|应当有))|"
                    r"(?P<re>复议)|"
                    r"^(?P<kind>[\u4e00-\u9fff]{2,16}?之[\u4e00-\u9fff]{1,4}决议)(?=[，,])|"
                    # `讨论决定干部任免事项，必须有三分之二以上常委到会`: the matter as the opening clause
                    r"^(?P<lead>(?:讨论|研究|审议|决定)[^，。；,]{1,14}?)(?=[，,](?:必须|必需|应当|应|须)有)")
#: `会议必须有半数以上` and nothing after: a quorum whose sentence an excerpt cut off
CUT_QUORUM = re.compile(rf"(?:必须|必需|须|应)有(?P<pre>[^，。；,]{{0,8}}?)(?P<frac>{FRAC})(?P<cmp>以上)?(?P<post>)$")

#: who attends or votes, named before the fraction with no `有`/`到会`/`通过` after it:
#: `出席人员须超过组成人员半数`, `参加会议的人数须超过应到会人数的半数` (a punctuation restorer may
#: put a comma before the modal: `参加会议的人数，须超过…`)
ATTENDANCE = re.compile(rf"(?:出席|到会|参加会议|参会|与会)(?:会议)?的?(?:人员|人数)[，,]?(?:须|必须|必需|应|应当)?"
                        rf"(?P<cmp0>超过|多于|达到|不少于|不得少于|不低于)(?P<of>[^，。；,]{{0,12}}?)的?(?P<frac>{FRAC})(?P<cmp>以上)?")
#: `赞成票必须超过与会人数的半数`, `表决赞成票须达到应到会委员的三分之二以上`
BALLOT = re.compile(rf"赞成票数?(?:须|必须|必需|应|应当)?(?P<cmp0>超过|多于|达到|不少于|不得少于)(?P<of>[^，。；,]{{0,12}}?)"
                    rf"(?:人数|人员|总数)?的?(?P<frac>{FRAC})(?P<cmp>以上)?")
#: a fraction written in digits (`2/3以上`), or with its slash garbled into another mark
#: by a conversion (`2。3以上`, `2,3以上`): read as the words `三分之二`
DIGIT_FRACTION = re.compile(r"(?<![\d.])([1-9])\s*[/／。,，、]\s*([1-9])(?![\d.])(?=\s*(?:以上|之|的|多数|通过|同意|$))")
CN_DIGIT = "零一二三四五六七八九"


def _worded(sent: str) -> str:
    """``sent`` with its digit fractions as words (`2/3以上` → `三分之二以上`)."""
    def word(m: re.Match[str]) -> str:
        num, den = int(m.group(1)), int(m.group(2))
        return f"{CN_DIGIT[den]}分之{CN_DIGIT[num]}" if num < den else m.group(0)
    return DIGIT_FRACTION.sub(word, sent)


CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def fraction_value(word: str) -> float:
    if "分之" in word:
        den, num = word.split("分之")
        return round(CN[num] / CN[den], 4)
    return 0.5


def _inclusive(frac: str, cmp: str | None, cmp0: str | None = None) -> bool | None:
    if cmp:
        return not frac.startswith("过")
    if frac.startswith("过") or cmp0 in ("超过", "过"):
        return False
    return None


#: the words a quorum rule ends on (`…到会方能进行`, `…之出席始得开会`): where the next rule
#: runs on after them, its full stop was stripped (`…方能进行讨论干部问题时…`)
QUORUM_END = re.compile(r"(?<=方能|才能|方可|始得|方得|才可)(?:进行|举行|召开|开会|开议)(?=[\u4e00-\u9fff]{4})")


def fraction_rules(sent: str) -> tuple[FractionRule | None, FractionRule | None, list[SpecialQuorum]]:
    """``(quorum, vote_threshold, special quorums)`` stated by one sentence; rules run
    together where a full stop was stripped are read one by one."""
    cuts = [m.end() for m in QUORUM_END.finditer(sent)]
    if not cuts:
        return _fraction_rules(sent)
    quorum = vote = None
    special: list[SpecialQuorum] = []
    for a, b in zip([0, *cuts], [*cuts, len(sent)], strict=True):
        q, v, sp = _fraction_rules(sent[a:b])
        quorum, vote = quorum or q, vote or v
        special.extend(sp)
    return quorum, vote, special


def _fraction_rules(sent: str) -> tuple[FractionRule | None, FractionRule | None, list[SpecialQuorum]]:
    quorum = vote = None
    special: list[SpecialQuorum] = []
    text, sent = sent, _worded(sent)
    if "半数" not in sent and "分之" not in sent:
        return None, None, []  # every rule below reads a fraction (FRAC), and every fraction says one of these
    matter = MATTER.search(sent)
    if matter and (re.search(r"多个|多项|若干|各项|逐项|几个", matter.group(0))
                   or re.fullmatch(r"(?:讨论|研究|审议|决定|表决)+(?:问题|事项|议题)?时?", matter.group(0).strip("，, "))):
        matter = None  # `会议决定多个事项时…过半数同意`: how every vote goes, not a kind of matter
    for rx in (ATTENDANCE, BALLOT):
        if matter:
            break
        h = rx.search(sent)
        if h is None:
            continue
        incl = _inclusive(h.group("frac"), h.group("cmp"), h.group("cmp0"))
        if incl is None and h.group("cmp0") in ("达到", "不少于", "不得少于", "不低于"):
            incl = True
        rule = FractionRule(text=text.strip(), fraction=fraction_value(h.group("frac")), inclusive=incl,
                            of=h.group("of").strip("的之") or None)
        if rx is ATTENDANCE:
            quorum = rule
        else:
            vote = rule
    for clause in re.split(r"[，,]|及(?=出席)", sent):
        if re.search(r"提议|附议|联名|要求召开|请求召开|书面要求", clause):  # a threshold for asking, not a quorum
            continue
        q = QUORUM.search(clause) or CUT_QUORUM.search(clause)
        v = None if q else VOTE.search(clause)
        hit = q or v
        if not hit:
            continue
        frac = hit.group("frac")
        before = clause[:hit.start("frac")]
        incl = _inclusive(frac, hit.group("cmp"), "超过" if re.search(r"超过|多于|过$", before) else None)
        if matter:
            what = matter.group("matter") or matter.group("lead") or matter.group("kind") or "复议案"
            special.append(SpecialQuorum(matter=what, fraction=fraction_value(frac), inclusive=incl,
                                         text=text.strip()))
            continue
        if q:
            post = q.group("post") or ""
            if re.match(r"及|和|与|并", post):  # `全体委员过半数及外聘委员三人以上之出席`: a second condition
                post = ""
            of = re.sub(r"(?:超过|多于|过)$", "", (post or q.group("pre") or "")).strip("的之") or None
            quorum = quorum or FractionRule(text=text.strip(), fraction=fraction_value(frac), inclusive=incl,
                                            of=of)
        else:
            of = re.sub(r"(?:超过|多于|过|超)$", "", v.group("of") or "")  # `以应到会成员超过半数同意`
            of = re.sub(r"^.*(?:超过|多于|须经|经|由|以)", "", of).strip("的之") or None
            vote = vote or FractionRule(text=text.strip(), fraction=fraction_value(frac), inclusive=incl, of=of)
    return quorum, vote, special
