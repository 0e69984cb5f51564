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
:mod:`extractors.meetings.fractions`. Member and attendee lists are kept only when
the sentence speaks of the meeting itself (not `调查委员会由…组成` in a 常委会 text).

Regexes over characters rather than spaCy's Matcher over jieba tokens: the
phrasings hinge on single characters (`过`, `以上`, `之`) that segmentation splits
unpredictably, and a regex file starts in no time and reads as the phrase itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extractors import EXTRACTORS
from extractors.duties.items import chain_at, cn_number, find_markers, split_top
from extractors.duties.organs import organ_suffixes
from extractors.meetings.fractions import fraction_rules
from extractors.meetings.practices import practices
from extractors.meetings.subjects import aliases, sentence_subject, short_name
from pipeline.record import Document, Frequency, Meeting
from pipeline.spans import Spans

HERE = Path(__file__).parent
PER = {"年": "year", "半年": "half_year", "季度": "quarter", "季": "quarter", "三个月": "quarter", "六个月": "half_year",
       "三月": "quarter", "个月": "month", "月": "month", "周": "week", "星期": "week", "週": "week",
       "日": "day", "天": "day", "学期": "half_year"}  # a school term is half a year
BODY_SUFFIX = r"(?:联席会议|办公会议|例会|会议|会)"
HEADING = re.compile(rf"(?:^|(?<=[\s)）、])|(?<=实行))(?P<body>[\u4e00-\u9fff“”\"]{{1,20}}?{BODY_SUFFIX})"
                     r"(?:学习)?(?:制度|规则|议事规则)(?=[\s:：]|$)")
TITLE = re.compile(rf"(?P<body>[\u4e00-\u9fff]{{2,20}}?{BODY_SUFFIX}?)(?:议事规则|会议规则|议事程序|规则)\s*$")
FREQ_BODY_AFTER = re.compile(r"每(?:年|半年|季度?|个?月|周|星期)[^，。；]{0,6}?召开(?:一|二|两|\d)次"
                             rf"(?P<body>[\u4e00-\u9fff“”\"]{{1,16}}?{BODY_SUFFIX})(?=[、，,。；;]|$)")
#: `本府每年举行业务总检讨会一次`: the count after the meeting's name
FREQ_BODY_MID = re.compile(r"每(?:年|半年|季度?|个?月|周|星期)(?:举行|召开)"
                           rf"(?P<body>[\u4e00-\u9fff“”\"]{{2,16}}?{BODY_SUFFIX})(?:一|二|两|\d)次")
FREQ_BODY_BEFORE = re.compile(rf"(?:^|(?<=[\s。；;，,：:)）]))(?P<body>[\u4e00-\u9fff“”\"]{{1,16}}?{BODY_SUFFIX})"
                              r"(?:一般|原则上)?每(?:年|半年|季度?|个?月|[两二]?周|星期|三个?月)[^，。；;,]{0,10}?"
                              r"(?:召开|举行|开会|进行)")
#: A meeting named together with a rule in a report (`由X主持召开追悼会`, `X可列席镇党委会`).
MENTIONS = [
    re.compile(rf"由(?P<chair>[^，。；,由]{{2,16}}?)主持(?:召开|开)?(?P<body>[\u4e00-\u9fff“”\"]{{1,14}}?{BODY_SUFFIX})(?=[、，,。；;]|$)"),
    # `乡长、副乡长，镇长、副镇长列席…会议`: a list running over commas from the sentence start
    re.compile(rf"(?:^|(?<=[\s。；;：:]))(?P<attendee>[\u4e00-\u9fff、，,（）()]{{2,60}}?)(?:可以|可|应当|应)?列席(?P<body>[\u4e00-\u9fff“”\"]{{1,14}}?{BODY_SUFFIX})(?=[、，,。；;]|$)"),
    re.compile(rf"(?P<attendee>[\u4e00-\u9fff]{{2,16}}?)(?:可以|可)?列席(?P<body>[\u4e00-\u9fff“”\"]{{1,14}}?{BODY_SUFFIX})(?=[、，,。；;]|$)"),
]
#: a sentence opening on a meeting's name and a rule (`本府府务会议，由秘书长主持`,
#: `主管会报（以下简称本会报）由副馆长主持`, `工作小组会议不定期召开`); `会报` is the
#: Taiwanese word for a standing briefing meeting
MENTIONS.append(re.compile(
    r"(?:^|(?<=[\n。；;\s])|(?<=[一二三四五六七八九十\d][、.．])|(?<=[)）]))(?P<body>[\u4e00-\u9fff（）()]{2,20}?(?:会议|会报))(?:（以下简称[^）]{1,10}）)?[，,]?"
    r"(?=随时|每|由[^，。；;]{1,24}(?:召集|主持)|须有|应有|表决|不定期|定期|以[^，。；;]{1,10}为(?:主席|主持人))"))
#: a standing sitting named `…会` alone (`审查会以副院长…组成之，由副院长召集`,
#: `审查会开会时以召集人为主席`); organs that merely share the ending (委员会, 理事会…) are not sittings
MENTIONS.append(re.compile(
    r"(?:^|(?<=[\n。；;\s]))(?P<body>[\u4e00-\u9fff]{2,8}?会)"
    r"(?<!委员会)(?<!大会)(?<!协会)(?<!学会)(?<!工会)(?<!商会)(?<!理事会)(?<!监事会)(?<!董事会)(?<!基金会)(?<!本会)"
    r"(?=以[^。；;]{2,60}?组成|开会时|由[^，。；;]{1,16}?召集)"))
#: a report's recurring meeting: `每年…期间，各基层党组织…并召开党员和村民代表会议`
MENTIONS.append(re.compile(
    r"每(?:年|半年|季度|个?月|周|星期)[^。；;\n]{0,30}?(?:召开|举行)"
    rf"(?P<body>[\u4e00-\u9fff“”\"]{{2,16}}?{BODY_SUFFIX})(?=[、，,。；;]|$)"))
#: A rules text may name a further meeting it provides for (`每次会议举行预备会议`,
#: `主席、副主席可以召开代表团召集人会议`, `本会开会得商同监事会举行理、监事联席会议`):
#: only read in a document that regulates meetings (a heading or title names one).
HELD = re.compile(r"(?:^|(?<=[\s。；;，,]))(?P<convener>[\u4e00-\u9fff、（）()]{2,20}?)?也?"
                  r"(?:(?:可以|得|应当|每次会议)(?:商同[^，。；;,]{1,10}?)?(?P<need>根据需要|视需要|必要时)?|"
                  r"(?P<need2>根据需要|视需要|必要时)[，,]?(?:可以|得)?)(?:举行|召开)"
                  r"(?P<body>[\u4e00-\u9fff、（）()“”]{2,16}?会议)(?=[，,。；;]|$)")
#: names that are a kind of sitting, not a meeting body of their own
NOT_BODY = re.compile("^(?:" + "|".join(
    w.strip() for w in (HERE / "not_bodies.txt").read_text(encoding="utf-8").splitlines()
    if w.strip() and not w.startswith("#")) + ")")
SELF = ("本会", "本院会议", "本委员会", "本会议", "会议", "本小组", "本组")


@cache
def patterns() -> dict[str, list[re.Pattern[str]]]:
    out: dict[str, list[re.Pattern[str]]] = {}
    for line in (HERE / "patterns.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            slot, regex = line.split("\t", 1)
            out.setdefault(slot, []).append(re.compile(regex))
    return out


@dataclass
class Scope:
    """Where the rules of one body are stated; ``prefill`` holds slots read off the mention."""

    body: str
    start: int
    end: int
    prefill: dict[str, str] = field(default_factory=dict)
    heading: bool = False


def body_key(body: str) -> str:
    return re.sub(r"会议|制度|会|[“”\"]", "", body) or body


@cache
def organ_title() -> re.Pattern[str]:
    ends = [ln.strip() for ln in (HERE / "organ_titles.txt").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    return re.compile(r"(?P<organ>[\u4e00-\u9fff]{2,30}?(?:委员会|小组|会|组))(?:" + "|".join(ends) + r")\s*$")


#: the organ's own meetings are ruled on (`本小组开会时，以召集人为主持人`, `会议由召集人召集之`)
SELF_MEETING = re.compile(r"(?:^|[\s。；;，,、)）])(?:本会|本小组|本委员会|本组|会议)[^。；;\n]{0,20}?"
                          r"(?:开会|召开|举行|召集(?!人)|为主席|为主持人|之出席)")


def _title_body(doc: Document) -> str | None:
    title = doc.title or next((ln.strip() for ln in doc.text.splitlines() if ln.strip()), "")
    title = re.sub(r"^法规名称[:：]", "", title)
    m = TITLE.search(title)
    if m is None:  # a text setting up a committee regulates its meetings when it says how they are held
        # a gazette order names the text it issues in quotes: `订定「…审议小组设置要点」`
        quoted = re.findall(r"[「“]([^」”]{4,40})[」”]", doc.text[:300])
        o = next((x for x in (organ_title().search(t) for t in [title, *quoted]) if x), None)
        return o.group("organ") + "会议" if o and SELF_MEETING.search(doc.text) else None
    if not re.search(r"会|院", m.group("body")):
        return None
    body = m.group("body")
    return body if body.endswith("会议") else body + "会议"


def find_scopes(doc: Document) -> list[Scope]:
    text = doc.text
    scopes: list[Scope] = []
    heads = list(HEADING.finditer(text))
    outer = [m.start for m in find_markers(text) if m.style == "cn_dun"]
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        end = min([end] + [p for p in outer if p > m.end()])
        body = re.sub(r"^(?:实行|建立|坚持|推行|落实|健全)", "", m.group("body"))  # `7、实行周一下午例会学习制度`
        if m.group(0).endswith("规则") and not body.endswith("会议"):
            body += "会议"  # `…常务委员会议事规则` regulates the 常务委员会会议
        scopes.append(Scope(_renamed(text, body, m.end(), end), m.start(), end, heading=True))
    first_line = len(text) - len(text.lstrip()) + len((text.lstrip().splitlines() or [""])[0])
    chapters = _section_scopes(doc, scopes)
    if chapters:  # `第二章 党委会议`, `第三章 镇长办公会议`: the organ's rules name its meetings one by one,
        # so the title (`中共某镇委员会议事规则`) is the organ's, not one meeting's
        scopes = [sc for sc in scopes if sc.start > first_line] + chapters
        scopes.sort(key=lambda sc: sc.start)
    title_body = _title_body(doc)
    if title_body and not scopes:
        scopes.append(Scope(title_body, 0, len(text), heading=True))
    n_heads = len(scopes)


    def inside_heading(pos: int) -> bool:
        """Inside a meeting section; a rules text's own title (`…常务委员会议事规则`) spans the
        whole text and does not hide the further meetings its articles rule on."""
        return any(s.start <= pos < s.end for s in scopes[:n_heads] if s.start > first_line)

    for m in [*FREQ_BODY_AFTER.finditer(text), *FREQ_BODY_MID.finditer(text)]:
        if not inside_heading(m.start()) and not m.group("body").startswith(SELF):
            a, b = _sentence(text, m.start())
            pre = {"frequency": m.group(0)}
            # `各乡镇党委每季度至少召开一次党建工作例会`: the organ opening the clause holds it
            clause = re.split(r"[，,：:]", text[a:m.start()])[-1].strip()
            holder = LEADING_MARKER.sub("", clause)
            if 2 <= len(holder) <= 12 and holder.endswith(organ_suffixes()) and not re.search(r"[^\u4e00-\u9fff]", holder):
                pre["convener"] = holder
            scopes.append(Scope(m.group("body"), a, b, pre))
    for m in FREQ_BODY_BEFORE.finditer(text):
        if not inside_heading(m.start()) and not m.group("body").startswith(SELF):
            scopes.append(Scope(_plain(m.group("body")), m.start(), _sentence(text, m.start())[1]))
    if scopes:  # a rules document: the further meetings it provides for
        held = list(HELD.finditer(text))
        for i, m in enumerate(held):
            who = m.group("convener") or ""
            held_by = who and "每次会议" not in m.group(0) and not re.search(r"本会|开会|会议|每次|可以|根据|需要|^也", who)
            pre = {"convener": who} if held_by else {}
            if m.group("need") or m.group("need2"):  # `也可以根据需要召开联组会议`
                pre["ad_hoc"] = "yes"
            # the scope runs to the sentence end, or to the next meeting the sentence provides for
            # (`应当召开全体会议、分组会议，也可以根据需要召开联组会议`: the need is the 联组会议's)
            end = _sentence(text, m.start())[1]
            if i + 1 < len(held) and held[i + 1].start() < end:
                end = m.end()
            for body in re.findall(r".+?会议(?=、|$)", m.group("body")):  # `召开联组会议、分组会议`: two
                body = _plain(body.lstrip("、"))
                if not NOT_BODY.match(body):
                    scopes.append(Scope(body, m.start("body"), end, dict(pre)))
    for rx in MENTIONS:
        for m in rx.finditer(text):
            body = _plain(m.group("body"))
            if len(body_key(body)) < 2 or body.startswith(SELF) or NOT_BODY.match(body) or inside_heading(m.start()):
                continue
            pre = {k: v for k, v in m.groupdict().items() if k != "body" and v}
            end = _sentence(text, m.start())[1] if m.start() == m.start("body") else m.end()
            scopes.append(Scope(body, m.start(), end, pre))
    return scopes


#: a section whose title is a meeting's name (`第三章 镇长办公会议`, `二、党政联席会议`)
SECTION_MEETING = re.compile(r"(?P<body>[\u4e00-\u9fff“”\"（）()]{2,20}?(?:联席会议|办公会议|办公会|例会|会议))(?:制度)?")


def _section_scopes(doc: Document, heads: list[Scope]) -> list[Scope]:
    """Sections titled with a meeting's name that no `…会议制度` heading already covers."""
    if doc.doc_type not in (None, "other", "work_rules"):
        return []  # a report's section `四、召开全县组织工作会议` tells of an event, not of rules
    known = {body_key(sc.body) for sc in heads}
    out: list[Scope] = []
    for sec in doc.sections:
        m = SECTION_MEETING.fullmatch(sec.title.strip())
        if m is None or NOT_BODY.match(m.group("body")) or body_key(m.group("body")) in known \
                or re.search(r"召开|举行|开好|参加|出席|筹备", m.group("body")):
            continue
        if any(sc.start <= sec.start < sc.end and sc.start > 0 for sc in heads):
            continue  # a sub-heading inside a meeting's section (`议事范围`…) is not another meeting
        known.add(body_key(m.group("body")))
        out.append(Scope(m.group("body"), sec.start, sec.end, heading=True))
    return out


def _plain(body: str) -> str:
    """`本府府务会议` → `府务会议`: the organ's `本X` before its own `X务会议` is a pointer, not a
    name; `常务委员会召开全体会议` names the sitting after the verb."""
    return re.sub(r"^本(.)(?=\1)|^.*(?:召开|举行)", "", body)


def _organ(body: str) -> str:
    """`常委会会议` is held by 常委会."""
    return re.sub(r"会议$", "", body)


def _renamed(text: str, body: str, start: int, end: int) -> str:
    """A section `常委会组织生活会制度` that says `常委会每半年召开一次民主生活会` is about the
    民主生活会 of the 常委会: the frequency sentence names the meeting better than the heading."""
    m = FREQ_BODY_AFTER.search(text, start, end)
    if m is None or body_key(m.group("body")) in body_key(body):
        return body
    a = _sentence(text, m.start())[0]
    subject = (re.split(r"一般|每|原则上", text[a:m.start()] + "每")[0].split() or [""])[-1]
    subject = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]", "", subject)
    return subject + m.group("body") if len(subject) <= 6 and subject.endswith("会") else m.group("body")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(ch, 0, pos) for ch in "。；;\n！？") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。；;\n") if i != -1]
    return a, min(ends) if ends else len(text)


LEADING_MARKER = re.compile(r"^\s*(?:第[一二三四五六七八九十百零\d]+条\s+|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])\s*")


def _sentences(text: str, a: int, b: int) -> list[str]:
    return [LEADING_MARKER.sub("", text[x:y]) for x, y in split_top(text, a, b, "。；;\n")]


@EXTRACTORS.register("meeting_rules")
def extract_meetings(doc: Document) -> list[Meeting]:
    """One record per meeting body the document regulates, slots filled where it says so."""
    text = doc.text
    if not text:
        return []
    scopes = find_scopes(doc)
    merged: dict[str, Meeting] = {}
    names: dict[str, str] = {}
    keys: list[str] = []
    # every body is known before any sentence is assigned, so that a title scope spanning the
    # whole text hands `工作小组会议不定期召开` to the 工作小组会议 found further on
    for sc in scopes:
        key = body_key(sc.body)
        if not sc.heading:  # a mention joins the body it abbreviates (`“两委”会` → `村“两委”会`)
            key = next((k for k in merged if k.endswith(key) or key.endswith(k)
                        or _organ(sc.body) in aliases(names[k])), key)  # `常委会会议` for 常务委员会会议
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
            meeting.convener = _person(sc.prefill["convener"], keep_alternatives=True)
        if sc.prefill.get("chair") and meeting.chair is None:
            meeting.chair = _person(sc.prefill["chair"])
        if sc.prefill.get("attendee"):
            _extend(meeting.attendees, _people(sc.prefill["attendee"]))
        for sent in _sentences(text, sc.start, sc.end):
            fill_slots(merged[_subject_body(sent, names, key)], sent)
        if not meeting.agenda_scope:
            meeting.agenda_scope = agenda(text, sc.start, sc.end)
    _listed_attendees(text, scopes, merged)
    _shared_chairs(text, merged)
    # rules stated in a later chapter (`全委会进行表决时…`) attach to the body they name
    covered = Spans()
    for sc in scopes:
        covered.add(sc.start, sc.end)
    for x, y in split_top(text, 0, len(text), "。；;\n"):
        if covered.holds(x):
            continue
        sent = LEADING_MARKER.sub("", text[x:y])
        for key, name in names.items():
            if sent.startswith((name, short_name(name))):
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
        for x, y in split_top(text, 0, len(text), "。；;\n"):
            part = _own_part(text[x:y], name, others)
            if part:
                fill_slots(meeting, part,
                           only=("ad_hoc", "convener", "chair", "quorum", "vote_threshold", "members"))
    # wherever a sentence names a known body (or the organ holding it) as its subject, it rules on it
    last: tuple[str, int] | None = None  # the body the previous sentence ruled on, and where it ended
    for x, y in split_top(text, 0, len(text), "。；;\n"):
        sent = LEADING_MARKER.sub("", text[x:y])
        subject = sentence_subject(sent, names)
        if subject is not None:
            fill_slots(merged[subject], sent)
        elif (own := _members_of(sent, names)) is not None:
            fill_slots(merged[own], sent, only=("members",))
        elif last and FOLLOW_ON.match(sent) and "\n" not in text[last[1]:x]:
            # `前项府务会议以每月召开一次为原则。必要时得召开临时会议。`: the next sentence of the
            # same paragraph, with no subject of its own, goes on about the same meeting
            fill_slots(merged[last[0]], sent, only=("ad_hoc",))
        last = (subject, y) if subject is not None else None
    for meeting in merged.values():
        _convener_before(text, meeting)
        _chair_named(text, meeting)
    _add_practices(doc, merged)
    _plenary_votes(merged)
    _role_members(merged)
    _same_rules(text, merged)
    out = list(merged.values())
    for i, m in enumerate(out):
        m.id = f"m{i + 1}"
    return out


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
FOLLOW_ON = re.compile(r"\s*(?:必要时|遇有|如遇|如有|如因|遇特殊情况|遇有特殊情况)")

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
    m = rx.search(text, lo, meeting.end) or after_and.search(text, lo, meeting.end)
    if m and re.search(r"可以|根据|必要|需$|^也|应当|每|坚持|定期|按时", m.group("who")):
        m = None  # `也可以根据需要召开联组会议`: a modal, not who holds it
    if m:
        meeting.convener = _person(m.group("who"))
    else:  # `常委会职责：…1、召集全委会`: a duty of the organ the list belongs to
        duty = re.search(r"(?:^|(?<=[\s、。；;]))召集" + re.escape(short_name(meeting.body)) + r"(?=[，,、。；;]|$)", text)
        head = duty and _duty_owner(text, duty.start())
        if head:
            meeting.convener = head


def _duty_owner(text: str, pos: int) -> str | None:
    """The organ whose duty list holds ``pos`` (`(三)常委会职责 … 1、召集全委会` → 常委会)."""
    heads = list(DUTY_HEAD.finditer(text, max(0, pos - 600), pos))
    return heads[-1].group("who") if heads else None


DUTY_HEAD = re.compile(r"(?:^|(?<=[\s)）、]))(?P<who>[\u4e00-\u9fff]{2,10}?)(?:的)?(?:主要)?职责(?=[\s:：]|$)")


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
                              convener=_person(p.convener), members=_people(p.members or ""),
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


def _listed_attendees(text: str, scopes: list[Scope], merged: dict[str, Meeting]) -> None:
    """`下列人员应列席本院会议：一、秘书长。二、…` → the items are attendees."""
    for m in LISTED.finditer(text):
        sc = next((s for s in scopes if s.start <= m.start() < s.end), None)
        if sc is None:
            continue
        meeting = merged.get(body_key(sc.body)) or next(iter(merged.values()))
        items = chain_at(text, find_markers(text), text.find("\n", m.end()) + 1, len(text))
        _extend(meeting.attendees, [text[i.body:i.end].rstrip("。；; ") for i in items])


def _shared_chairs(text: str, merged: dict[str, Meeting]) -> None:
    """`总裁为本会及常务理事会之主席`: one chair for every body the sentence names."""
    for m in SHARED_CHAIR.finditer(text):
        named = m.group("bodies")
        for meeting in merged.values():
            short = re.sub(r"会议$", "", meeting.body)
            if meeting.chair is None and (short in named or (named.startswith(SELF) and meeting.start == 0)):
                meeting.chair = m.group("who")


AGENDA = re.compile(r"议事范围[:：]|(?:议决|决定|审议|讨论|议定)下列事项[:：]|之?事项如下[:：]")


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


def _extend(xs: list[str], new: list[str]) -> None:
    xs.extend(x for x in new if x not in xs)


def _subject_body(sent: str, names: dict[str, str], default: str) -> str:
    return sentence_subject(sent, names) or default


def fill_slots(m: Meeting, sent: str, only: tuple[str, ...] | None = None) -> None:
    """Fill the empty slots of ``m`` (or only those named in ``only``) that ``sent`` states."""
    pats = patterns()

    def want(slot: str) -> bool:
        return only is None or slot in only

    if want("frequency") and m.frequency is None:
        for rx in pats["frequency"]:
            f = rx.search(sent)
            if f:
                count = cn_number(f.groupdict().get("count") or "一") or 1
                if f.groupdict().get("occasions"):  # `每年“七一”和春节期间`: once per occasion named
                    count = 1 + len(re.findall(r"和|、|及|与", f.group("occasions")))
                per = PER.get(f.group("per"), "month")
                every = cn_number(f.groupdict().get("every") or "一") or 1
                if every > 1 and per == "week":  # `每两周…一次`: twice a month
                    count, per = count * 4 // every, "month"
                elif every > 1:  # `每两个月…一次`: six times a year
                    count, per = count * 12 // every, "year"
                m.frequency = Frequency(text=sent[:f.end()].strip(), count=count, per=per,  # type: ignore[arg-type]
                                        min=bool(f.groupdict().get("min")) or "range" in f.groupdict()
                                        or bool(re.search(r"至少|不少于", f.group(0))))
                break
    if want("ad_hoc") and m.ad_hoc is None and any(rx.search(sent) for rx in pats["ad_hoc"]):
        m.ad_hoc = True
    for slot in ("convener", "chair", "recorder"):
        if want(slot) and getattr(m, slot) is None:
            for rx in pats[slot]:
                f = rx.search(sent)
                if f and "all" in f.groupdict():  # alternatives `A或B` are the convener as written
                    who = _person(f.group("all"), keep_alternatives=True)
                else:
                    who = _person(f.group("who")) if f else None
                if who:
                    setattr(m, slot, who)
                    break
    for slot in ("members", "attendees"):
        if not want(slot) or (slot == "members" and m.members):
            continue
        for rx in pats[slot]:
            f = rx.search(sent)
            if f and not _own_list(m, sent, f):
                continue
            if f and not re.search(r"需要|其他列席|其他人员", re.split(r"[，,]", f.group("list"))[-1]):
                items = _people(f.group("list"))
                if items:
                    if slot == "attendees":  # `副院长、党委副书记参加，院长助理列席`: members sit in, not attend
                        items = [x for x in items if x not in m.members]
                    _extend(getattr(m, slot), items)
                    break
    if want("quorum") or want("vote_threshold"):
        quorum, vote, special = fraction_rules(sent)
        if quorum and m.quorum is None:
            m.quorum = quorum
        if vote and m.vote_threshold is None:
            m.vote_threshold = vote
        m.special_quorum.extend(special)


_PERSON_TRIM = re.compile(r"^(?:会议|本会|并|均|一般|应|可|由|委托|托付|常委会会议|全委会)+|(?:召集|主持|之|的|等)+$")


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
    name = re.sub(r"^.*(?:列席|出席|参加)(?=会议$)", "", name.strip())  # `列席会议`: the meeting in question
    name = re.sub(r"(?:举行|召开)(会议)$", "", name)  # `常务委员会举行会议`: the organ's own meeting
    name = re.sub(r"^(?:本级|本|该|上述)", "", name)
    return name in ("会议", "") or m.body == "会议" or any(a.endswith(name) or name.endswith(a) for a in aliases(m.body))


def _person(s: str | None, keep_alternatives: bool = False) -> str | None:
    if not s:
        return None
    s = _PERSON_TRIM.sub("", s.strip(" ，,"))
    s = re.split(r"不能|缺席" if keep_alternatives else r"或者|或|不能|缺席", s)[0]
    s = re.sub(r"(?:可以|可|应|得|随时)$", "", s)
    if re.search(r"临时|必要|需要|会议|开|第.{1,4}[条项]|人员$|互推|公推|互选|推一人|推选一人|其中一" if keep_alternatives
                 else r"临时|必要|需要|以上$|会议|开|第.{1,4}[条项]|人员$|互推|公推|互选|推一人|推选一人|其中一", s):
        return None
    return s if 1 < len(s) <= 24 else None


_NOT_PERSON = re.compile(r"主持|召开|举行|出席$|参加$|时$|开会$|^除.*外$|下列|会议$|可以|需要|必要|^本会|通知|决定|举行|应当|^第.{1,4}条")


def _people(s: str) -> list[str]:
    """`区委常委、区政府区长及副区长` → one string per role (a shared head is not distributed)."""
    s = re.sub(r"^.*?(?:由|为)", "", s) if re.search(r"(?:组成人员|人员)为", s) else s
    s = re.sub(r"（以下简称[^）]*）|\(以下简称[^)]*\)", "", s)
    # a leading condition (`…审议质询案时，`, `…答复的，`, `根据需要，`) names no one
    s = "，".join(c for c in re.split(r"[，,]", s) if not re.search(r"(?:时|的|后|需要)$", c.strip()))
    parts = [re.sub(r"^(?:[\u4e00-\u9fff]{0,16}?会议?)?(?:并)?(?:可以|可|得)?(?:邀请|邀|请|指定(?!人员$)|允许)|^(?:并由|由|应当|应)|"
                    r"(?:有权|均|可以|可|应当|应|亦得|得|与会|派员|列席)$",
                    "", p.strip())
             for p in re.split(r"[、，,]|以及|及(?!其[^他])|和(?!议题)", s)]
    return [p for p in parts if 1 < len(p) <= 30 and not _NOT_PERSON.search(p) and not _QUANTITY.match(p)]


#: `七人至十一人` says how many, not who
_QUANTITY = re.compile(r"^[一二三四五六七八九十百\d]+(?:人|名)")
