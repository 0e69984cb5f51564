"""Meeting rules: one record per kind of meeting (RECORDS.md "Meeting rules").

Bodies come from (a) headings of meeting sections (`(二)常委会会议制度`), (b) a
rules document's own title (`中央银行理事会会议规则` → 中央银行理事会会议, which
`本会`/`本院会议` then refer to), or the title of a text setting up a committee
(`…审议小组设置要点`, listed in ``organ_titles.txt``) when it says how the committee
meets, (c) sentences that give a meeting a fixed frequency or a rule
(`各村每周召开一次"两委"会`, `主席团会议由…召集`), (d) further meetings a rules text
provides for (`每次会议举行预备会议`, `得…举行理、监事联席会议`), (e) meetings
that take another's rules by reference (`年度总检讨会议出席及决议人数亦同`), (f) sections
titled with a meeting's name (`第三章 镇长办公会议`; the organ of the title then holds no
meeting of its own) and (g) recurring practices a report describes (:mod:`.practices`).
All bodies are found before any sentence is assigned, so a title scope spanning the text
does not swallow the rules of a meeting named further on.

Each sentence of a body's scope, and any sentence anywhere whose subject is the body
or the organ holding it (:func:`aliases`: `乡镇人民代表大会举行会议的时候…`,
`主席团的决定…`, `本级人民代表大会会议…`), is matched against the slot patterns of
``patterns.tsv``; fractions (quorum, vote threshold, special quorum) are read by
:mod:`gongwen.extractors.meetings.fractions`. Member and attendee lists are kept only when
the sentence speaks of the meeting itself (not `调查委员会由…组成` in a 常委会 text).

Modules: :mod:`.scopes` finds where meetings are named, :mod:`.slots` reads one
sentence into slots, :mod:`.fractions` the quorum and vote fractions,
:mod:`.subjects` who a sentence is about, :mod:`.practices` the meetings a report
describes; this module assigns sentences to meetings and merges what they say.

Regexes over characters rather than spaCy's Matcher over jieba tokens: the
phrasings hinge on single characters (`过`, `以上`, `之`) that segmentation splits
unpredictably, and a regex file starts in no time and reads as the phrase itself.
"""

from __future__ import annotations

import re
from collections import Counter

from gongwen.extractors.meetings.practices import practices
from gongwen.extractors.meetings.scopes import (
    GENERIC_BODY,
    LEADING_MARKER,
    NOT_BODY,
    SELF,
    Scope,
    body_key,
    find_scopes,
    run_in_tail,
    sentence_spans,
    sentences_in,
)
from gongwen.extractors.meetings.slots import agenda, extend_new, fill_slots, people, person
from gongwen.extractors.meetings.subjects import aliases, sentence_subject, short_name
from gongwen.lists import Markers, chain_at, text_markers
from gongwen.record import Document, Frequency, Meeting
from gongwen.spans import Spans
from gongwen.text_layer import text_layer
from gongwen.words import organ_suffixes


def _organ(body: str) -> str:
    """`常委会会议` is held by 常委会."""
    return re.sub(r"会议$", "", body)


def extract_meetings(doc: Document) -> list[Meeting]:
    """One record per meeting body the document regulates, slots filled where it says so."""
    text = doc.text
    if not text:
        return []
    scopes = find_scopes(doc)
    # the text's sentences, cut once: every pass below reads them (cutting them again for
    # each pass and each meeting made long texts slow)
    sentences = sentence_spans(text, 0, len(text))
    unmarked = [LEADING_MARKER.sub("", sent) for _, _, sent in sentences]
    merged: dict[str, Meeting] = {}
    names: dict[str, str] = {}
    subject_of = _Subjects(names)
    keys: list[str] = []
    # every body is known before any sentence is assigned, so that a title scope spanning the
    # whole text hands `工作小组会议不定期召开` to the 工作小组会议 found further on
    for sc in scopes:
        key = body_key(sc.body)
        if not sc.heading:  # a mention joins the body it abbreviates (`“两委”会` → `村“两委”会`)
            key = next((k for k in merged if k.endswith(key) or key.endswith(k)
                        or _organ(sc.body) in aliases(names[k])), key)  # `常委会会议` for 常务委员会会议
        else:  # a title repeated with and without its place (`区人大常委会主任会议`, `人大常委会主任会议`)
            key = next((k for k in merged if _same_but_place(k, key)), key)
        if key not in merged:
            sec = doc.section_at(sc.start)
            merged[key] = Meeting(id="", body=sc.body, section=sec.id if sec else None, start=sc.start,
                                  end=sc.end)
            names[key] = sc.body
        keys.append(key)
    for sc, key in zip(scopes, keys, strict=True):
        meeting = merged[key]
        meeting.start, meeting.end = min(meeting.start, sc.start), max(meeting.end, sc.end)
        if sc.prefill.get("ad_hoc"):
            meeting.ad_hoc = True
        if sc.prefill.get("frequency"):
            fill_slots(meeting, sc.prefill["frequency"], only=("frequency",))
        if sc.prefill.get("convener") and meeting.convener is None:
            meeting.convener = person(sc.prefill["convener"], keep_alternatives=True)
        if sc.prefill.get("chair") and meeting.chair is None:
            meeting.chair = person(sc.prefill["chair"])
        if sc.prefill.get("attendee"):
            extend_new(meeting.attendees, people(sc.prefill["attendee"]))
        # a scope over the whole text (a rules text's title) reads the sentences cut above
        for sent in unmarked if (sc.start, sc.end) == (0, len(text)) else sentences_in(text, sc.start, sc.end):
            fill_slots(merged[subject_of(sent) or key], sent)
        if not meeting.agenda_scope:
            meeting.agenda_scope = agenda(text, sc.start, sc.end)
    _listed_attendees(text, scopes, merged, text_markers(text))
    _shared_chairs(text, merged)
    # rules stated in a later chapter (`全委会进行表决时…`) attach to the body they name
    covered = Spans()
    for sc in scopes:
        covered.add(sc.start, sc.end)
    openings = {key: (name, short_name(name)) for key, name in names.items()}
    for (x, _, _), sent in zip(sentences, unmarked, strict=True):
        if covered.holds(x):
            continue
        for key, name in names.items():
            if sent.startswith(openings[key]):
                fill_slots(merged[key], sent, only=("quorum", "vote_threshold", "special_quorum"))
                break
            if len(name) >= 6 and name in sent:  # a law names the meeting in full wherever it rules on it
                fill_slots(merged[key], sent)
                break
    # a meeting a report only mentions: every sentence that names it may hold a rule
    for key, meeting in merged.items():
        if any(s.heading and body_key(s.body) == key for s in scopes) or len(key) < 2:
            continue
        name = names[key].strip("“”\"")
        others = [n.strip("“”\"") for k, n in names.items() if k != key]
        for _, _, sent in sentences:
            part = _own_part(sent, name, others)
            if part:
                fill_slots(meeting, part,
                           only=("ad_hoc", "convener", "chair", "quorum", "vote_threshold", "members"))
    _listed_bodies(doc, merged, names)
    # wherever a sentence names a known body (or the organ holding it) as its subject, it rules on it
    last: tuple[str, int] | None = None  # the body the previous sentence ruled on, and where it ended
    ruled: Counter[str] = Counter()  # how many sentences rule on each body by name
    loose: list[str] = []  # sentences that name no body
    for (x, y, _), sent in zip(sentences, unmarked, strict=True):
        if not sent.strip(" .．。,，:："):
            continue  # an article's number cut off as a sentence of its own (`第二十五条.`)
        listed = _listed_subjects(sent, names)
        if len(listed) >= 2:  # `全体会议、常务会议必须有半数以上…`: a rule for each meeting named
            for key in listed:
                fill_slots(merged[key], sent)
            last = None
            continue
        subject = subject_of(sent)
        if subject is not None:
            ruled[subject] += 1
            fill_slots(merged[subject], sent)
        elif (own := _members_of(sent, names)) is not None:
            fill_slots(merged[own], sent, only=("members",))
        elif last and ((FOLLOW_ON.match(sent) and "\n" not in text[last[1]:x]) or BARE_MEETING.search(sent)):
            # `前项府务会议以每月召开一次为原则。必要时得召开临时会议。`: the next sentence of the
            # same paragraph, with no subject of its own, goes on about the same meeting
            # (`…；必要时得邀请有关人员列席`, `讨论干部任免事项时，必须有三分之二以上委员到会`,
            # `…；纪录由秘书室派员担任`); a sentence about the plain `会议` goes on about it in
            # the next paragraph too (`第二十五条 会议可邀请…列席`)
            fill_slots(merged[last[0]], sent, only=("ad_hoc", "attendees", "quorum", "vote_threshold", "recorder"))
        else:
            loose.append(sent)
        if subject is not None:
            last = (subject, y)
        elif last and "\n" not in text[last[1]:x]:  # a sentence of the same paragraph goes on about it
            last = (last[0], y)
        else:
            last = None
    _sole_meeting(scopes, merged, ruled, loose)
    for meeting in merged.values():
        _convener_before(text, meeting)
        _chair_named(text, meeting)
        _organ_named(text, meeting)
    _add_practices(doc, merged)
    _plenary_votes(merged)
    _role_members(merged)
    _same_rules(text, merged)
    out = [m for m in merged.values() if not _collection_title(m, text, merged)]
    for i, m in enumerate(out):
        m.id = f"m{i + 1}"
    return out


#: meetings named together at a sentence's start (`市政府全体会议、常务会议、市长办公会议由…`)
LISTED_SUBJECTS = re.compile(r"^(?:其中|同时|另外)?[，,]?(?P<list>[\u4e00-\u9fff（）()“”]{2,16}?会议?"
                             r"(?:[、和及与][\u4e00-\u9fff（）()“”]{2,16}?会议?)+)(?=[^、\u4e00-\u9fff]|的|必须|必需|须|应|由|要|严格|一般|每|均|都)")


def _list_items(sent: str) -> list[str]:
    m = LISTED_SUBJECTS.match(sent.strip())
    return re.split(r"[、和及与]", m.group("list")) if m else []


def _resolve(item: str, names: dict[str, str]) -> str | None:
    """The key of the known meeting a listed name stands for: its name, an alias, or a short
    form that ends it (`常务会议` for 市政府常务会议, `党委会议` for 镇党委会议)."""
    for key, name in names.items():
        if item in aliases(name) or (len(item) >= 4 and name.endswith(item)):
            return key
    return None


def _listed_subjects(sent: str, names: dict[str, str]) -> list[str]:
    keys = [_resolve(x, names) for x in _list_items(sent)]
    return list(dict.fromkeys(k for k in keys if k)) if all(keys) else []


def _listed_bodies(doc: Document, merged: dict[str, Meeting], names: dict[str, str]) -> None:
    """A meeting named only in a list with meetings the text regulates (`市政府全体会议、常务会议
    必须…`) is regulated too: it becomes a body of its own."""
    text = doc.text
    for x, y in text_layer(text).clauses("。；;\n"):
        items = _list_items(LEADING_MARKER.sub("", text[x:y]))
        if not any(_resolve(i, names) for i in items):
            continue
        for item in items:
            if _resolve(item, names) is None and item.endswith("会议") and len(item) >= 4 and not NOT_BODY.match(item):
                key = body_key(item)
                sec = doc.section_at(x)
                merged[key] = Meeting(id="", body=item, section=sec.id if sec else None, start=x, end=y)
                names[key] = item


def _sole_meeting(scopes: list[Scope], merged: dict[str, Meeting], ruled: Counter[str], loose: list[str]) -> None:
    """In a text that regulates one meeting only (under its heading or title, or ruling on it
    by name again and again), a sentence that names no meeting (`书记不在时，可指定副书记主持`,
    `…可决定召开临时会议`) goes on about that meeting: it fills what is still unsaid."""
    if len(merged) != 1:
        return
    key, meeting = next(iter(merged.items()))
    if not (ruled[key] >= 2 or any(sc.heading and body_key(sc.body) == key for sc in scopes)):
        return
    for sent in loose:
        if "会议" in sent and re.search(r"[\u4e00-\u9fff]{2,}会议", sent.replace("列席会议", "").replace("参加会议", "")
                                             .replace("出席会议", "").replace("召开会议", "")):
            continue  # another meeting named (`…提请常委会会议审议`) is none of this one's rules
        fill_slots(meeting, sent)


def _collection_title(m: Meeting, text: str, merged: dict[str, Meeting]) -> bool:
    """`某镇会议制度` over `（一）党委会议制度 … （二）镇长办公会议制度`: a title naming the text's
    meetings together, which rules on none of them itself (every slot empty)."""
    first_line = text.lstrip().split("\n", 1)[0]
    empty = not any([m.frequency, m.ad_hoc, m.convener, m.chair, m.quorum, m.vote_threshold, m.special_quorum,
                     m.members, m.attendees, m.recorder, m.agenda_scope])
    return empty and len(merged) > 1 and m.body.rstrip("会议") in first_line and m.start <= len(text) - len(text.lstrip()) + 1


def _same_but_place(a: str, b: str) -> bool:
    """`区人大常委主任` and `人大常委主任`: one name with a place or level before it."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.endswith(short) and 0 < len(long_) - len(short) <= 2 \
        and long_[len(long_) - len(short) - 1] in "省市县区乡镇局院"


def _own_part(sent: str, name: str, others: list[str]) -> str | None:
    """The part of ``sent`` that speaks of the meeting ``name``: from the clause naming it to
    the next meeting named (`应当召开全体会议、分组会议，也可以根据需要召开联组会议`: the need
    is the 联组会议's; `…之同意，交付审查会审查`: the vote before the name is not the 审查会's)."""
    i = sent.find(name)
    if i == -1:
        return None
    a = max(sent.rfind(ch, 0, i) for ch in "，,：:") + 1
    stops = [j for j in (sent.find(o, i + len(name)) for o in others if o not in name) if j != -1]
    if not stops:
        return sent[a:]
    j = min(stops)
    clause = max(sent.rfind(ch, 0, j) for ch in "，,：:") + 1  # the other's clause is the other's
    return sent[a:clause if clause > i else j]


#: a sentence opening on a condition only, whose subject is the previous sentence's
FOLLOW_ON = re.compile(r"\s*(?:必要时|遇有|如遇|如有|如因|遇特殊情况|遇有特殊情况|根据[^，,。；;]{0,10}需要|(?:也)?可(?:以)?(?:邀请|吸收|安排)"
                       r"|(?:讨论|研究|审议|决定|表决)[^，,。；;]{2,20}时?[，,]|(?:会议)?[记纪]录(?:工作)?由)")


#: `会议作出的决议必须…`, `会议可邀请…列席`: the meeting in question, named by the plain word
BARE_MEETING = re.compile(r"(?:^|(?<=[\s，,]))会议(?:作出|的决议|之决议|必须|必需|须|应|可|由|表决)")


MEMBERS_OF = re.compile(r"为(?P<org>[^，。；;\n]{2,20}?)的?(?:成员|组成人员)$")


def _members_of(sent: str, names: dict[str, str]) -> str | None:
    """`主任、副主任为主席团的成员` lists the members of the body the organ holds."""
    m = MEMBERS_OF.search(sent)
    if m is None:
        return None
    org = m.group("org")
    return next((k for k, n in names.items() if any(a == org for a in aliases(n))), None)


def _convener_before(text: str, meeting: Meeting) -> None:
    """`老党员去世时所在基层党组织会举行追悼会`: who holds a meeting a report mentions convenes it."""
    if meeting.convener is not None or len(meeting.body) < 3:
        return
    rx = re.compile(r"(?:^|(?<=[\s。；;，,时]))(?P<who>(?:(?!时)[\u4e00-\u9fff]){2,12}?)(?:会|将|要|均|都)?(?:举行|召开)"
                    + re.escape(meeting.body) + r"(?=[，,。；;]|$)")
    after_and = re.compile(r"(?:^|(?<=[\s。；;，,时]))(?P<who>(?:(?!时)[\u4e00-\u9fff]){2,12}?)(?:会|将|要|均|都)"
                           r"[^。；;]{0,20}?[，,]并(?:召开|举行)" + re.escape(meeting.body) + r"(?=[，,。；;]|$)")
    lo = max(0, meeting.start - 200)
    m = _search_before(rx, text, ("举行", "召开"), meeting.body, lo, meeting.end, 16) \
        or _search_before(after_and, text, ("并召开", "并举行"), meeting.body, lo, meeting.end, 40)
    if m and re.search(r"可以|根据|必要|需$|^也|应当|每|坚持|定期|按时", m.group("who")):
        m = None  # `也可以根据需要召开联组会议`: a modal, not who holds it
    if m:
        meeting.convener = person(m.group("who"))
    else:  # `常委会职责：…1、召集全委会`: a duty of the organ the list belongs to
        # the next duty may run on without its mark (`召集全委会向全委会负责并报告工作`), and the item
        # number may have lost its own (`其职责是：1召集全委会`)
        duty = re.search(r"(?:^|(?<=[\s、。；;：:\d]))召集" + re.escape(short_name(meeting.body)) + r"(?=[，,、。；;]|$|向|并|对)",
                         text)
        head = duty and _duty_owner(text, duty.start())
        if head:
            meeting.convener = head


def _search_before(rx: re.Pattern[str], text: str, verbs: tuple[str, ...], body: str, lo: int, hi: int,
                   reach: int) -> re.Match[str] | None:
    """``rx.search(text, lo, hi)`` for a pattern that ends in one of ``verbs`` and ``body``
    and starts at most ``reach`` characters before them: searched from just before the
    first place they stand, which is where the first match can start at the earliest (a
    meeting spanning a long text made the search from every position costly)."""
    at = [i for i in (text.find(v + body, lo, hi) for v in verbs) if i != -1]
    return rx.search(text, max(lo, min(at) - reach), hi) if at else None


def _duty_owner(text: str, pos: int) -> str | None:
    """The organ whose duty list holds ``pos`` (`(三)常委会职责 … 1、召集全委会` → 常委会)."""
    heads = list(DUTY_HEAD.finditer(text, max(0, pos - 600), pos))
    return heads[-1].group("who") if heads else None


DUTY_HEAD = re.compile(r"(?:^|(?<=[\s)）、]))(?P<who>[\u4e00-\u9fff]{2,10}?)(?:的)?(?:主要)?职责(?=[\s:：]|$)")


def _organ_named(text: str, meeting: Meeting) -> None:
    """`县政府全体会议由…组成。全体会议一般每半年…`: a generic name (`全体会议`, `常务会议`)
    is the meeting's name with the organ holding it, where a sentence opens on that name
    (a name with a word run into it is read as its generic tail: :func:`.scopes.run_in_tail`)."""
    body = meeting.body
    if not GENERIC_BODY.match(body):
        tail = run_in_tail(text, body)
        if tail is None:
            return
        body = tail
    rx = re.compile(r"(?:^|(?<=[\s。；;：:]))(?:第[一二三四五六七八九十百零\d]+条\s*)?(?P<org>[\u4e00-\u9fff]{1,6}?)"
                    + re.escape(body))
    # the name the text uses most (`局党组会议` again and again, not `大队提请局党组会议` once)
    found = Counter(m.group("org") for m in rx.finditer(text))
    for org, _ in found.most_common():
        if org.endswith(organ_suffixes()) and not org.startswith(("本", "各", "其", "该")) \
                and (len(org) >= 2 or org in "省市县区乡镇局委院"):
            meeting.body = org + body
            return


def _chair_named(text: str, meeting: Meeting) -> None:
    """`推选大会全体会议的执行主席`: the meeting's named presiding role is its chair."""
    if meeting.chair is None:
        m = re.search(re.escape(meeting.body) + r"的(?P<who>执行主席|主持人)", text)
        if m:
            meeting.chair = m.group("who")


#: `年度总检讨会议出席及决议人数亦同`, `临时会议准用前条之规定`: one meeting takes
#: another's rules; which ones the sentence says (出席 → quorum, 决议/表决 → vote).
SAME_RULES = re.compile(r"(?:^|(?<=[\s。；;，,]))(?P<body>[\u4e00-\u9fff（）()]{2,16}?会议)(?:之|的)?"
                        r"(?P<what>[^，。；;,]{0,12}?)(?:亦同|准用|适用)")


def _same_rules(text: str, merged: dict[str, Meeting]) -> None:
    for m in SAME_RULES.finditer(text):
        body, what = m.group("body"), m.group("what")
        if NOT_BODY.match(body) or body_key(body) in merged:
            continue
        source = next((x for x in merged.values() if x.start <= m.start() < x.end), None)
        if source is None:
            source = max((x for x in merged.values() if x.start <= m.start()), key=lambda x: x.start, default=None)
        if source is None:
            continue
        new = Meeting(id="", body=body, section=source.section, start=m.start("body"), end=m.end())
        if "出席" in what or not what:
            new.quorum = source.quorum
        if re.search(r"决议|表决|同意|通过", what) or not what:
            new.vote_threshold = source.vote_threshold
        if not what:  # the whole of the other meeting's procedure
            new.convener, new.chair = source.convener, source.chair
        merged[body_key(body)] = new


def _add_practices(doc: Document, merged: dict[str, Meeting]) -> None:
    """Recurring meetings a report describes as a practice (:mod:`.practices`)."""
    for p in practices(doc.text):
        key = body_key(p.body)
        if any(k.endswith(key) or key.endswith(k) for k in merged):
            continue
        sec = doc.section_at(p.start)
        merged[key] = Meeting(id="", body=p.body, section=sec.id if sec else None, start=p.start, end=p.end,
                              frequency=Frequency(text=p.frequency_text, count=1, per=p.per, min=False),  # type: ignore[arg-type]
                              convener=person(p.convener), members=people(p.members or ""),
                              agenda_scope=p.agenda)


def _plenary_votes(merged: dict[str, Meeting]) -> None:
    """`大会全体会议表决议案，由全体代表的过半数通过`: the plenary sitting is where the
    assembly decides, so its vote threshold is the assembly meeting's when that has none."""
    for plenary in merged.values():
        m = re.match(r"(?P<organ>.{2,20}?)全体会议$", plenary.body)
        if m is None or plenary.vote_threshold is None:
            continue
        for meeting in merged.values():
            if meeting is not plenary and meeting.vote_threshold is None and \
                    any(a.endswith(m.group("organ")) for a in aliases(meeting.body)):
                meeting.vote_threshold = plenary.vote_threshold


#: a meeting named after those who sit in it (`代表团召集人会议`, `各组组长会议`)
ROLE_MEETING = re.compile(r"^(?P<role>.{2,20}?(?:召集人|负责人|组长|联络员))会议$")


def _role_members(merged: dict[str, Meeting]) -> None:
    """A meeting named after a role consists of the holders of that role, unless it says otherwise."""
    for meeting in merged.values():
        m = ROLE_MEETING.match(meeting.body)
        if m and not meeting.members:
            meeting.members = [m.group("role")]


LISTED = re.compile(r"下列人员[^。；;\n]{0,6}列席")


SHARED_CHAIR = re.compile(r"(?P<who>[\u4e00-\u9fff]{2,8})为(?P<bodies>[^，。；;,]{2,30}?)之?主席")


def _listed_attendees(text: str, scopes: list[Scope], merged: dict[str, Meeting], marks: Markers) -> None:
    """`下列人员应列席本院会议：一、秘书长。二、…` → the items are attendees."""
    for m in LISTED.finditer(text):
        sc = next((s for s in scopes if s.start <= m.start() < s.end), None)
        if sc is not None:
            meeting = merged.get(body_key(sc.body)) or next(iter(merged.values()))
        else:  # `下列人员得列席委员会议：`: the meeting the sentence names, or the text's only one
            named = re.match(r"[\u4e00-\u9fff]{2,20}?会议", text[m.end():m.end() + 24])
            key = named and next((k for k, mt in merged.items() if mt.body == named.group(0)
                                  or named.group(0) in aliases(mt.body)), None)
            meeting = merged[key] if key else (next(iter(merged.values())) if len(merged) == 1 else None)
            if meeting is None:
                continue
        items = chain_at(text, marks, text_layer(text).first_from("\n", m.end()) + 1, len(text))
        extend_new(meeting.attendees, [p for i in items for p in people(text[i.body:i.end].rstrip("。；; "))])


def _shared_chairs(text: str, merged: dict[str, Meeting]) -> None:
    """`总裁为本会及常务理事会之主席`: one chair for every body the sentence names."""
    for m in SHARED_CHAIR.finditer(text):
        named = m.group("bodies")
        for meeting in merged.values():
            short = re.sub(r"会议$", "", meeting.body)
            if meeting.chair is None and (short in named or (named.startswith(SELF) and meeting.start == 0)):
                meeting.chair = m.group("who")


class _Subjects:
    """:func:`sentence_subject` of each sentence against ``names`` as they stand when asked,
    found once per sentence while they stay the same: the pass over the scopes and the pass
    over the whole text read mostly the same sentences."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.known: tuple[tuple[str, str], ...] = ()
        self.found: dict[str, str | None] = {}

    def __call__(self, sent: str) -> str | None:
        known = tuple(self.names.items())
        if known != self.known:  # a body was added since: every answer may change
            self.known, self.found = known, {}
        if sent not in self.found:
            self.found[sent] = sentence_subject(sent, self.names)
        return self.found[sent]


__all__ = ["agenda", "aliases", "extract_meetings", "fill_slots", "sentence_subject"]
