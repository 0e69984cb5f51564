"""Meeting rules: one record per kind of meeting (RECORDS.md "Meeting rules").

Bodies come from (a) headings of meeting sections (`(二)常委会会议制度`), (b) a
rules document's own title (`中央银行理事会会议规则` → 中央银行理事会会议, which
`本会`/`本院会议` then refer to) and (c) sentences that give a meeting a fixed
frequency (`各村每周召开一次"两委"会`). Each sentence of a body's scope, or any
sentence that names the body as its subject, is matched against the slot patterns
of ``patterns.tsv``; fractions (quorum, vote threshold, special quorum) are read by
:mod:`extractors.meetings.fractions`.

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
from extractors.meetings.fractions import fraction_rules
from pipeline.record import Document, Frequency, Meeting

HERE = Path(__file__).parent
PER = {"年": "year", "半年": "half_year", "季度": "quarter", "季": "quarter", "三个月": "quarter",
       "三月": "quarter", "个月": "month", "月": "month", "周": "week", "星期": "week", "週": "week",
       "日": "day", "天": "day"}
BODY_SUFFIX = r"(?:联席会议|办公会议|例会|会议|会)"
HEADING = re.compile(rf"(?:^|(?<=[\s)）、])|(?<=实行))(?P<body>[\u4e00-\u9fff“”\"]{{1,20}}?{BODY_SUFFIX})"
                     r"(?:学习)?(?:制度|规则|议事规则)(?=[\s:：]|$)")
TITLE = re.compile(rf"(?P<body>[\u4e00-\u9fff]{{2,20}}?{BODY_SUFFIX}?)(?:议事规则|会议规则|议事程序|规则)\s*$")
FREQ_BODY_AFTER = re.compile(r"每(?:年|半年|季度?|个?月|周|星期)[^，。；]{0,6}?召开(?:一|二|两|\d)次"
                             rf"(?P<body>[\u4e00-\u9fff“”\"]{{1,16}}?{BODY_SUFFIX})(?=[、，,。；;]|$)")
FREQ_BODY_BEFORE = re.compile(rf"(?:^|(?<=[\s。；;，,：:)）]))(?P<body>[\u4e00-\u9fff“”\"]{{1,16}}?{BODY_SUFFIX})"
                              r"(?:一般|原则上)?每(?:年|半年|季度?|个?月|周|星期|三个?月)[^，。；;,]{0,10}?"
                              r"(?:召开|举行|开会|进行)")
#: A meeting named together with a rule in a report (`由X主持召开追悼会`, `X可列席镇党委会`).
MENTIONS = [
    re.compile(rf"由(?P<chair>[^，。；,由]{{2,16}}?)主持(?:召开|开)?(?P<body>[\u4e00-\u9fff“”\"]{{1,14}}?{BODY_SUFFIX})(?=[、，,。；;]|$)"),
    re.compile(rf"(?P<attendee>[\u4e00-\u9fff]{{2,16}}?)(?:可以|可)?列席(?P<body>[\u4e00-\u9fff“”\"]{{1,14}}?{BODY_SUFFIX})(?=[、，,。；;]|$)"),
]
MENTIONS.append(re.compile(
    r"(?:^|(?<=[\n。\s]))(?P<body>[\u4e00-\u9fff（）()]{2,20}?会议)(?=随时|每|由[^，。；;]{1,24}(?:召集|主持)|须有|应有|表决)"))
SELF = ("本会", "本院会议", "本委员会", "本会议", "会议")


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


def short_name(body: str) -> str:
    """`全委会会议` is also called `全委会`."""
    short = re.sub(r"会议$", "", body)
    return short if len(short) >= 2 and short.endswith("会") else body


def _title_body(doc: Document) -> str | None:
    title = doc.title or next((ln.strip() for ln in doc.text.splitlines() if ln.strip()), "")
    title = re.sub(r"^法规名称[:：]", "", title)
    m = TITLE.search(title)
    if not m or not re.search(r"会|院", m.group("body")):
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
        body = m.group("body")
        if m.group(0).endswith("规则") and not body.endswith("会议"):
            body += "会议"  # `…常务委员会议事规则` regulates the 常务委员会会议
        scopes.append(Scope(_renamed(text, body, m.end(), end), m.start(), end, heading=True))
    title_body = _title_body(doc)
    if title_body and not scopes:
        scopes.append(Scope(title_body, 0, len(text), heading=True))
    n_heads = len(heads)

    def inside_heading(pos: int) -> bool:
        return any(s.start <= pos < s.end for s in scopes[:n_heads])

    for m in FREQ_BODY_AFTER.finditer(text):
        if not inside_heading(m.start()) and not m.group("body").startswith(SELF):
            a, b = _sentence(text, m.start())
            scopes.append(Scope(m.group("body"), a, b, {"frequency": m.group(0)}))
    for m in FREQ_BODY_BEFORE.finditer(text):
        if not inside_heading(m.start()) and not m.group("body").startswith(SELF):
            scopes.append(Scope(m.group("body"), m.start(), _sentence(text, m.start())[1]))
    for rx in MENTIONS:
        for m in rx.finditer(text):
            body = m.group("body")
            if len(body_key(body)) < 2 or body.startswith(SELF) or inside_heading(m.start()):
                continue
            pre = {k: v for k, v in m.groupdict().items() if k != "body" and v}
            end = _sentence(text, m.start())[1] if m.start() == m.start("body") else m.end()
            scopes.append(Scope(body, m.start(), end, pre))
    return scopes


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


LEADING_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])\s*")


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
    for sc in scopes:
        key = body_key(sc.body)
        if not sc.heading:  # a mention joins the body it abbreviates (`“两委”会` → `村“两委”会`)
            key = next((k for k in merged if k.endswith(key) or key.endswith(k)), key)
        if key not in merged:
            sec = doc.section_at(sc.start)
            merged[key] = Meeting(id="", body=sc.body, section=sec.id if sec else None, start=sc.start,
                                  end=sc.end)
            names[key] = sc.body
        meeting = merged[key]
        meeting.start, meeting.end = min(meeting.start, sc.start), max(meeting.end, sc.end)
        if sc.prefill.get("frequency"):
            fill_slots(meeting, sc.prefill["frequency"], only=("frequency",))
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
    covered = [(s.start, s.end) for s in scopes]
    for x, y in split_top(text, 0, len(text), "。；;\n"):
        if any(a <= x < b for a, b in covered):
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
        for x, y in split_top(text, 0, len(text), "。；;\n"):
            if names[key].strip("“”\"") in text[x:y]:
                fill_slots(meeting, text[x:y], only=("ad_hoc", "convener", "chair", "quorum", "vote_threshold"))
    out = list(merged.values())
    for i, m in enumerate(out):
        m.id = f"m{i + 1}"
    return out


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
    for key, name in names.items():
        if key != default and sent.startswith(name) and not sent.startswith(names.get(default, "\0")):
            return key
    return default


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
                per = PER.get(f.group("per"), "month")
                m.frequency = Frequency(text=sent[:f.end()].strip(), count=count, per=per,  # type: ignore[arg-type]
                                        min=bool(f.groupdict().get("min")) or "range" in f.groupdict())
                break
    if want("ad_hoc") and m.ad_hoc is None and any(rx.search(sent) for rx in pats["ad_hoc"]):
        m.ad_hoc = True
    for slot in ("convener", "chair", "recorder"):
        if want(slot) and getattr(m, slot) is None:
            for rx in pats[slot]:
                f = rx.search(sent)
                if f and _person(f.group("who")):
                    setattr(m, slot, _person(f.group("who")))
                    break
    for slot in ("members", "attendees"):
        if not want(slot) or (slot == "members" and m.members):
            continue
        for rx in pats[slot]:
            f = rx.search(sent)
            if f and not re.search(r"需要|其他列席|其他人员", f.group("list")):
                items = _people(f.group("list"))
                if items:
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


def _person(s: str | None) -> str | None:
    if not s:
        return None
    s = _PERSON_TRIM.sub("", s.strip(" ，,"))
    s = re.split(r"或者|或|不能|缺席", s)[0]
    s = re.sub(r"(?:可以|可|应|得|随时)$", "", s)
    if re.search(r"临时|必要|需要|以上$|会议|开|第.{1,4}[条项]|人员$", s):
        return None
    return s if 1 < len(s) <= 24 else None


_NOT_PERSON = re.compile(r"时$|下列|会议$|可以|需要|必要|^本会|通知|决定|举行|应当|^第.{1,4}条")


def _people(s: str) -> list[str]:
    """`区委常委、区政府区长及副区长` → one string per role (a shared head is not distributed)."""
    s = re.sub(r"^.*?(?:由|为)", "", s) if re.search(r"(?:组成人员|人员)为", s) else s
    parts = [re.sub(r"^(?:得邀请|得邀|邀请|并由|由|应)", "", p.strip()) for p in re.split(r"[、，,]|及(?!其[^他])|和(?!议题)", s)]
    return [p for p in parts if 1 < len(p) <= 30 and not _NOT_PERSON.search(p)]
