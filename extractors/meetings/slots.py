"""The slots of a meeting record read from one sentence, and the people in them.

Slot patterns are data (``patterns.tsv``: frequency, ad hoc, convener, chair, members,
attendees, recorder …); fractions go to :mod:`gongwen.extractors.meetings.fractions`. A list
of people is kept only when the sentence speaks of the meeting itself.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from gongwen import lexicon
from gongwen.extractors.meetings.fractions import fraction_rules
from gongwen.extractors.meetings.subjects import aliases
from gongwen.lists import chain_at, cn_number, find_markers
from gongwen.prefilter import gate
from gongwen.record import Frequency, Meeting

HERE = Path(__file__).parent


PER = {"年": "year", "半年": "half_year", "季度": "quarter", "季": "quarter", "三个月": "quarter", "六个月": "half_year",
       "三月": "quarter", "个月": "month", "月": "month", "周": "week", "星期": "week", "週": "week",
       "日": "day", "天": "day", "学期": "half_year"}  # a school term is half a year


@cache
def patterns() -> dict[str, list[re.Pattern[str]]]:
    out: dict[str, list[re.Pattern[str]]] = {}
    for slot, regex in lexicon.rows(HERE / "patterns.tsv"):
        out.setdefault(slot, []).append(re.compile(regex))
    return out


@cache
def _gates() -> dict[str, re.Pattern[str] | None]:
    return {slot: gate(rxs) for slot, rxs in patterns().items()}


def may_match(slot: str, sent: str) -> bool:
    """Whether one of the slot's patterns may match ``sent``: most sentences hold none of the
    words every pattern of a slot needs, and one search of their alternation says so."""
    g = _gates()[slot]
    return g is None or g.search(sent) is not None


AGENDA = re.compile(r"议事范围(?:如下|如左|包括|主要包括|为)?[:：]|(?:议决|决定|审议|讨论|议定)下列事项[:：]|之?事项如下[:：]")


def agenda(text: str, start: int, end: int) -> list[str]:
    """Items of the scope's `议事范围：(1)…(2)…` or `议决下列事项：一、…`, markers removed;
    a scope stated without items is one item (the rest of its sentence)."""
    m = AGENDA.search(text, start, end)
    if m is None:
        return []
    pos = m.end()
    while pos < end and text[pos] in " \t\n":
        pos += 1
    items = chain_at(text, find_markers(text, start, end), pos, end)
    if items:
        return [x for x in (text[i.body:i.end].strip().rstrip("。；;") for i in items) if x]
    stop = min([i for i in (text.find(ch, pos, end) for ch in "。\n") if i != -1] or [end])
    return [text[pos:stop].strip()] if stop > pos else []


#: blanks a PDF or DOCX conversion left inside and between words (`召 开`, `党组成员 组成`)
_INNER_BLANK = re.compile(r"(?<=[\u4e00-\u9fff、，,：:（(）)])[ \t\u3000]+(?=[\u4e00-\u9fff、，,。；;：:（(）)])")


def compact(sent: str) -> str:
    """``sent`` without the blanks between Chinese characters, which no phrasing has."""
    return _INNER_BLANK.sub("", sent)


def extend_new(xs: list[str], new: list[str]) -> None:
    xs.extend(x for x in new if x not in xs)


def fill_slots(m: Meeting, sent: str, only: tuple[str, ...] | None = None) -> None:
    """Fill the empty slots of ``m`` (or only those named in ``only``) that ``sent`` states."""
    pats = patterns()
    sent = compact(sent)

    def want(slot: str) -> bool:
        return only is None or slot in only

    if want("frequency") and m.frequency is None and may_match("frequency", sent):
        for rx in pats["frequency"]:
            f = rx.search(sent)
            if f:
                count = cn_number(f.groupdict().get("count") or "一") or 1
                if f.groupdict().get("occasions"):  # `每年“七一”和春节期间`: once per occasion named
                    count = 1 + len(re.findall(r"和|、|及|与", f.group("occasions")))
                per = PER.get(f.group("per"), "month")
                every = cn_number(f.groupdict().get("every") or "一") or 1
                if "half" in f.groupdict():  # `每半月…一次`: twice a month
                    count *= 2
                if every > 1 and per == "week":  # `每两周…一次`: twice a month
                    count, per = count * 4 // every, "month"
                elif every > 1:  # `每两个月…一次`: six times a year
                    count, per = count * 12 // every, "year"
                # `至少每月召开一次`: the minimum may stand before the period
                at_least = bool(re.search(r"至少|不少于", sent[max(0, f.start() - 4):f.end()]))
                m.frequency = Frequency(text=sent[:f.end()].strip(), count=count, per=per,  # type: ignore[arg-type]
                                        min=bool(f.groupdict().get("min")) or "range" in f.groupdict() or at_least)
                break
    if want("ad_hoc") and m.ad_hoc is None and may_match("ad_hoc", sent) and any(rx.search(sent) for rx in pats["ad_hoc"]):
        m.ad_hoc = True
    for slot in ("convener", "chair", "recorder"):
        if want(slot) and getattr(m, slot) is None and may_match(slot, sent):
            for rx in pats[slot]:
                f = rx.search(sent)
                if f and "all" in f.groupdict():  # alternatives `A或B` are the convener as written
                    who = person(f.group("all"), keep_alternatives=True)
                else:
                    who = person(f.group("who")) if f else None
                if who:
                    setattr(m, slot, who)
                    break
    for slot in ("members", "attendees"):
        if not want(slot) or (slot == "members" and m.members) or not may_match(slot, sent):
            continue
        pos = 0
        while pos < len(sent):  # attendees may be named in several clauses (`A列席，必要时B可列席`)
            f = _first_list(m, sent, pats[slot], pos)
            if f is None:
                break
            pos = f.end()
            lst = f.group("list")
            if slot == "members":  # `成员为A、B，C列席会议`: those who sit in are no members
                lst = _members_before_attendees(lst)
            items = people(lst)
            if items:
                if slot == "attendees":  # `副院长、党委副书记参加，院长助理列席`: members sit in, not attend
                    items = [x for x in items if x not in m.members]
                extend_new(getattr(m, slot), items)
                if slot == "members":
                    break
    if want("quorum") or want("vote_threshold"):
        quorum, vote, special = fraction_rules(sent)
        if quorum and m.quorum is None:
            m.quorum = quorum
        if vote and m.vote_threshold is None:
            m.vote_threshold = vote
        known = [(y.text, y.fraction) for y in m.special_quorum]  # a sentence read twice adds nothing
        m.special_quorum.extend(x for x in special if (x.text, x.fraction) not in known)


def _members_before_attendees(lst: str) -> str:
    """The members of `成员为A、B，C、D列席会议`: the list before the comma that opens those who
    sit in. With that comma stripped (`A、B、E院长办公室主任监审科科长列席`), the first item
    that runs names together holds the last member, then the first of those who sit in."""
    parts = re.split(r"[，,](?=[^，,]*列席)", lst)
    sit = re.search(r"(?:可以|可|应当|应|均)?列席", lst)
    if len(parts) > 1 or sit is None:
        return parts[0]
    items = lst[:sit.start()].split("、")
    for i, item in enumerate(items):
        names = run_together(item)
        if i and len(names) > 1:
            return "、".join([*items[:i], names[0]])
    return lst


_PERSON_TRIM = re.compile(r"^(?:会议|本会|并|均|一般|应|可|由|委托|托付|常委会会议|全委会)+|(?:召集|主持|之|的|等)+$")


def _first_list(m: Meeting, sent: str, rxs: list[re.Pattern[str]], pos: int) -> re.Match[str] | None:
    """The first list of people (by the order of the patterns) at or after ``pos`` that
    names those of ``m`` and not a mere need (`根据需要`)."""
    for rx in rxs:
        f = rx.search(sent, pos)
        if f is None or not _own_list(m, sent, f):
            continue
        last = _GROUND_TAIL.sub("", re.split(r"[，,]", _DECIDER.sub("", f.group("list")))[-1])
        if not re.search(r"需要|其他列席|其他人员|下列", last):
            return f
    return None


def _own_list(m: Meeting, sent: str, f: re.Match[str]) -> bool:
    """A member or attendee list belongs to ``m`` only when the sentence speaks of ``m``:
    `调查委员会由主任委员…组成` in a 常委会 rules text lists another body's members, and
    `质询案在专门委员会会议上答复的，…有权列席会议` another meeting's attendees."""
    org = f.groupdict().get("org")
    if org is not None:
        return any(org.endswith(a) or a.endswith(org) for a in aliases(m.body))
    if f.group(0).startswith("由"):
        subject = re.split(r"[，,：:]", sent[:f.start()])[-1].strip()
        if subject and re.search(r"(?:委员会|小组|组|团|会)$", subject) and not _is_alias(m, subject):
            return False
    if sent[f.end():f.end() + 2] != "会议":
        return True
    # `列席会议` without a name: the meeting is the one the sentence names, if any
    others = [x for x in re.findall(r"[\u4e00-\u9fff（）()]{2,20}?会议(?![记纪])", sent[:f.end()]) if x != "会议"]
    others = [re.sub(r"^.*?(?:根据|按照|依照|经过|经|在|于|由|将|对|向)", "", x) for x in others]
    return not others or any(_is_alias(m, x) for x in others)


def _is_alias(m: Meeting, name: str) -> bool:
    """Whether ``name`` may stand for ``m`` (always, while ``m`` has no name of its own yet)."""
    # `列席会议`, `…方能进行会议`: the meeting in question
    name = re.sub(r"^.*(?:列席|出席|参加|进行)(?=会议$)", "", name.strip())
    name = re.sub(r"(?:举行|召开)(会议)$", "", name)  # `常务委员会举行会议`: the organ's own meeting
    name = re.sub(r"^(?:本级|本|该|上述)", "", name)
    return name in ("会议", "") or m.body == "会议" or any(a.endswith(name) or name.endswith(a) for a in aliases(m.body))


def person(s: str | None, keep_alternatives: bool = False) -> str | None:
    if not s:
        return None
    s = _PERSON_TRIM.sub("", s.strip(" ，,、*"))
    if keep_alternatives and re.search(r"或[^或]*(?:委托|指定)", s):
        keep_alternatives = False  # `市长或市长委托的副市长`: a fallback, not an alternative
    s = re.split(r"不能|缺席" if keep_alternatives else r"或者|或|不能|缺席", s)[0]
    s = re.sub(r"(?:可以|可|应|得|随时)$", "", s)
    if re.search(r"临时|必要|需要|会议|开|第.{1,4}[条项]|人员$|互推|公推|互选|推一人|推选一人|其中一" if keep_alternatives
                 else r"临时|必要|需要|以上$|会议|开|第.{1,4}[条项]|人员$|互推|公推|互选|推一人|推选一人|其中一", s):
        return None
    return s if 1 < len(s) <= 24 else None


_NOT_PERSON = re.compile(r"主持(?![^、，,]{2,30}的同志$)|召开|举行|出席$|参加$|时$|开会$|^除.*外$|下列|会议$|可以|需要|必要|^本会|通知|决定|举行|应当|^第.{1,4}条")


def people(s: str) -> list[str]:
    """`区委常委、区政府区长及副区长` → one string per role (a shared head is not distributed)."""
    s = re.sub(r"^.*?(?:由|为)", "", s) if re.search(r"(?:组成人员|人员|成员)为", s) else s
    s = re.sub(r"（以下简称[^）]*）|\(以下简称[^)]*\)", "", s)
    s = _QUORUM_CLAUSE.sub("", s)  # `…全体成员，参加会议的人数，须超过…`: a quorum, no one's name
    # a leading condition (`…审议质询案时，`, `…答复的，`, `根据需要，`) names no one
    # but `镇长、人大主席团主席不是党委委员的，可列席…`: a condition on who is not already a
    # member names those who sit in
    s = "，".join(_GROUND_TAIL.sub("", c.strip()) for c in re.split(r"[，,]", s))
    s = "，".join(_NOT_MEMBER.sub(r"\g<who>", c.strip()) for c in re.split(r"[，,]", s)
                 if _NOT_MEMBER.fullmatch(c.strip()) or not (re.search(r"(?:时|的|后|需要)$", c.strip())
                                                             or _CONDITION.match(c.strip())))
    # `会议主持人可确定有关人员`, `书记可根据议题需要召集支部书记`: who decides is not who comes
    s = _DECIDER.sub("", _CHAIRED.sub("", s))
    parts = [re.sub(r"^(?:[\u4e00-\u9fff]{0,16}?会议?)?(?:并|也)?(?:可以|可|得)?(?:邀请|邀|请|通知|指定(?!人员$)|允许|安排|吸收)|"
                    r"^(?:必要时|根据需要|视需要|根据工作需要|如有需要)|^(?:并由|由|应当|应)|"
                    r"(?:有权|均|可以|可|应当|应|亦得|得|与会|派员|列席)$",
                    "", p.strip())
             for p in re.split(r"[、，,]|以及|及(?!其[^他])|和(?!议题)", s)]
    parts = [p.lstrip("•·*-— \t") for p in parts]  # a bullet of the page's layout
    parts = [_GROUND_TAIL.sub("", p) for p in parts]  # `各科室负责人根据议题`
    parts = [x for p in parts for x in run_together(_QUORUM_TAIL.sub("", p))]
    return [p for p in parts if 1 < len(p) <= 30 and not re.fullmatch(r"[一二三四五六七八九十\d]+", p) and not _NOT_PERSON.search(p) and not _QUANTITY.match(p)
            and not _FRACTION_WORD.search(p)]


#: a name this long may be several run together (the shortest seen: `副主席区法院院长`)
RUN_TOGETHER = 8
#: each part cut off is at least this long (`区政府区长` is one name: the government's head)
RUN_PART = 3


@cache
def _heads() -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The head words of holders and organs (one pattern, and as a tuple for ``endswith``),
    the organ heads alone, and the words going on from a head."""
    path = HERE / "role_heads.tsv"
    organs = tuple(lexicon.of_kind(path, "organ"))
    words = tuple(sorted([*lexicon.of_kind(path, "head"), *organs], key=len, reverse=True))
    return re.compile("|".join(words)), words, organs, tuple(lexicon.of_kind(path, "cont"))


def run_together(name: str) -> list[str]:
    """``name`` cut into the names of office holders and organs it runs together where the
    `、` between them were stripped (`纪委书记院长办公室主任监审科科长` → 纪委书记, 院长办公室主任,
    监审科科长): after a head word (``role_heads.tsv``) that what follows does not go on from
    (`院长|办公室`), where what follows ends in a head word too. A name of one holder stays whole."""
    if len(name) < RUN_TOGETHER:
        return [name]
    head, words, organs, conts = _heads()
    out: list[str] = []
    start = 0
    for m in head.finditer(name):
        rest = name[m.end():]
        if m.end() - start < 2 or len(rest) < RUN_PART or rest.startswith(conts) or not rest.endswith(words):
            continue
        # (`区政府区长…`: the organ's own head after it, whose name opens on the same place)
        if m.group(0) in organs and (rest[0] != name[0] or rest.startswith(words)):
            continue
        out.append(name[start:m.end()])
        start = m.end()
    out.append(name[start:])
    return out


#: a quorum clause run into the last name where its mark was stripped
#: (`…村委会全体成员参加会议的人数须超过应到会人数的半数`)
_QUORUM_TAIL = re.compile(r"(?<=..)(?:参加|出席|到会|与会)(?:会议)?的?(?:人数|人员)[^、，,]*?(?:须|必须|应|不得|不少于|超过)[^、，,]*$")

#: a quorum clause after a list, set off by a comma a punctuation restorer may also have put
#: before its modal (`…全体成员，参加会议的人数，须超过应到会人数的半数`)
_QUORUM_CLAUSE = re.compile(r"[，,](?:参加|出席|到会|与会)(?:会议)?的?(?:人数|人员)[，,]?(?:须|必须|应|不得|不少于|超过).*$")

#: a quorum clause run on after a list (`…组成，必须有半数以上委员到会`) names no one
_FRACTION_WORD = re.compile(r"分之|半数|以上$|须有|应有")


#: the ground on which they come, after those who come (`…负责人根据议题需要`), or how (`固定`)
_GROUND_TAIL = re.compile(r"(?<=..)(?:(?:根据|按照|视)[^、，,]{0,8}|固定|均|一般)$")

#: who decides who comes, before those who come (`会议主持人可确定有关人员`,
#: `书记可根据议题需要召集支部书记及…`)
_DECIDER = re.compile(r"(?:^|(?<=[，,]))[^、，,]*?(?:可以|可|得|应当|应)[^、，,]{0,10}?(?:确定|决定|安排|吸收|召集|邀请|通知|请(?!假|示))"
                      r"(?=[\u4e00-\u9fff])")

#: who convenes or chairs, or who takes part, run into the list after it when the mark
#: between was stripped (`…会议由院长召集并主持纪委书记…列席`)
_CHAIRED = re.compile(r"(?:^|(?<=[，,]))[^、，,]*?由[^、，,]*?(?:召集|主持)(?:(?:和|并|、)?(?:召集|主持))*(?:会议)?"
                      r"(?=[\u4e00-\u9fff]{2})"
                      # … or the clause of those who take part (`…由书记、副书记组成` `…副区长参与`)
                      r"|(?:^|(?<=[，,]))[^，,]*(?:组成(?!人员|员|部门|单位)|参加(?!会议|人员|的)|参与(?!会议|人员|的))"
                      r"(?=[\u4e00-\u9fff]{2})")

#: `根据会议议题，可以通知…列席`: a clause that only states on what ground
_CONDITION = re.compile(r"(?:根据|按照|依照|视)[^，,]{0,12}$")

#: `X、Y不是（非）…委员的`: those named, on condition they are not members already
_NOT_MEMBER = re.compile(r"(?P<who>[^，,]{2,60}?)(?:如|若)?(?:不是|不属于|非|未担任|未兼任|不兼任)[^，,]{1,20}的")

#: `七人至十一人` says how many, not who
_QUANTITY = re.compile(r"^[一二三四五六七八九十百\d]+(?:人|名)")
