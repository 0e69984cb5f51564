"""Where the meetings of a text are named: the *scopes* whose sentences speak of one meeting.

A scope is a stretch of text about one meeting: a meeting section under its heading
(`(二)常委会会议制度`), a rules text under its own title, a sentence that gives a
meeting a fixed frequency (`各村每周召开一次"两委"会`), a further meeting a rules text
provides for (`也可以根据需要召开联组会议`), or a chapter titled with a meeting's name.
Finding them all first lets :func:`gongwen.extractors.meetings.extract_meetings` give each
sentence to the right meeting.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from gongwen import lexicon
from gongwen.lists import chain_from, cn_number, text_markers
from gongwen.prefilter import finditer
from gongwen.record import Document
from gongwen.spans import Spans
from gongwen.text_layer import text_layer
from gongwen.words import organ_suffixes

HERE = Path(__file__).parent


#: `…理论学习中心组学习制度`: a study group's sessions are its meetings
BODY_SUFFIX = r"(?:联席会议|办公会议|例会|会议|会|中心组学习)"


HEADING = re.compile(rf"(?:^|(?<=[\s)）、A-Za-zＸ×＊*])|(?<=实行)|(?<=规则)|(?<=制度))(?P<body>(?:(?!规则|制度)[\u4e00-\u9fff“”\"]){{1,20}}?{BODY_SUFFIX})"
                     r"(?:学习)?(?:制度|规则|议事规则)"
                     # a title run into its preamble (`…议事规则为进一步提高议事效率，…`)
                     # a full stop a punctuation restorer put after the heading line
                     # a colon a restorer made a comma, before how often it meets (`…例会制度，每周一…`)
                     r"(?=[\s:：]|[。．](?:\s|$)|$|[，,]?(?:为(?:了|进一步|切实|加强|规范|保证|提高|贯彻)|根据)"
                     r"|[，,]每(?:年|半年|季|个?月|周|星期))")


#: a numbered heading run into the text after it (line breaks and marks lost):
#: `…；（八）常委会组织生活会制度常委会一般每半年…`; the bracketed number proves where it starts
#: (or the marker lost its brackets too, after the sentence before: `…确定。七协调会议制度区委…`)
HEADING_RUN_ON = re.compile(rf"(?:(?<=[（(][一二三四五六七八九十][)）])|(?<=[。；;\n][二三四五六七八九十]))(?P<body>(?:(?!规则|制度)[\u4e00-\u9fff“”\"]){{1,20}}?{BODY_SUFFIX})"
                            r"(?:学习)?制度(?=[\u4e00-\u9fff])")


TITLE = re.compile(rf"(?P<body>[\u4e00-\u9fff]{{2,20}}?{BODY_SUFFIX}?)(?:议事规则|会议规则|议事程序|规则)"
                   # or run into its preamble (`…议事规则为了更好地…`) where punctuation was lost
                   r"(?:\s*$|(?=为(?:了|进一步|切实|加强|规范|保证|提高|贯彻)|根据))")

#: the verbs of an issuing notice, before the name of the rules it issues
NOTICE_VERB = re.compile(r"发布|印发|公布|通过|转发|颁布")

#: a "title" this long is the text's first line run into what follows it (line breaks lost):
#: the rules' name is then read where the line begins (`监察院会议规则最新异动日期…`)
RUN_ON_TITLE = 60
TITLE_AT_START = re.compile(rf"(?P<body>[\u4e00-\u9fff]{{2,20}}?{BODY_SUFFIX}?)(?:议事规则|会议规则|议事程序|规则)")
#: … or where it runs into its first chapter or article (`…常务会议议事规则第一章 总则`), after
#: the issuing notice that names it (what precedes the notice's verb is none of the name:
#: `此件公开发布…`)
TITLE_BEFORE_ARTICLE = re.compile(rf"(?P<body>[\u4e00-\u9fff]{{2,20}}?{BODY_SUFFIX})"
                                  r"(?:议事规则|会议规则|议事程序|规则)(?=\s*第[一二三四五六七八九十\d]+\s*[章条])")

#: a leading team that meets as a whole (`党政班子议事规则`, `党组议事规则`): its meeting is `X会议`
TEAM = ("班子", "党组", "支部", "小组")


#: where a meeting's name ends: at a mark, or (its punctuation stripped) where the words of
#: the next clause begin (`各村每周召开一次两委会每月召开一次…`, `…可列席镇党委会参与重大事项`)
NEXT_CLAUSE = "每|由|要求|参与|参加|研究|讨论|决定|听取|选举"
#: … or a name ending in `会议` where no word that goes on with a name follows it
#: (``name_goes_on.txt``: `会议室`, `会议纪要`), or at a line's end
GOES_ON = "|".join(lexicon.entries(HERE / "name_goes_on.txt"))
NAME_END = rf"(?=[、，,。；;\n]|$|{NEXT_CLAUSE}|(?<=会议)(?!{GOES_ON}))"


def _run_on(text: str, m: re.Match[str]) -> bool:
    """A name ended by the next clause's words rather than a mark, which holds such words
    itself (`列席参加具体人员由会议召集人确定会议由…`), is clauses run together, no name."""
    end = m.end("body")
    return end < len(text) and text[end] not in "、，,。；;\n" and re.search(NEXT_CLAUSE, m.group("body")) is not None


FREQ_BODY_AFTER = re.compile(r"每(?:年|半年|季度?|个?月|半个?月|周|星期)[^，。；]{0,6}?召开(?:一|二|两|\d)次"
                             rf"(?P<body>[\u4e00-\u9fff“”\"]{{1,16}}?{BODY_SUFFIX})" + NAME_END)


#: `本府每年举行业务总检讨会一次`: the count after the meeting's name
FREQ_BODY_MID = re.compile(r"每(?:年|半年|季度?|个?月|半个?月|周|星期)(?:举行|召开)"
                           rf"(?P<body>[\u4e00-\u9fff“”\"]{{2,16}}?{BODY_SUFFIX})(?:一|二|两|\d)次")


FREQ_BODY_BEFORE = re.compile(rf"(?:^|(?<=[\s。；;，,：:)）])|(?<=[一二三四五六七八九十\d][、.．]))(?P<body>[\u4e00-\u9fff“”\"]{{1,16}}?{BODY_SUFFIX})"
                              r"(?:一般|原则上)?每(?:年|半年|季度?|个?月|半个?月|[两二]?周|星期|三个?月)[^，。；;,]{0,10}?"
                              r"(?:召开|举行|开会|进行)")


#: A meeting named together with a rule in a report (`由X主持召开追悼会`, `X可列席镇党委会`).
MENTIONS = [
    re.compile(rf"由(?P<chair>[^，。；,由]{{2,16}}?)主持(?:召开|开)?(?P<body>[\u4e00-\u9fff“”\"]{{1,14}}?{BODY_SUFFIX})" + NAME_END),
    # `乡长、副乡长，镇长、副镇长列席…会议`: a list running over commas from the sentence start
    re.compile(rf"(?:^|(?<=[\s。；;：:]))(?P<attendee>[\u4e00-\u9fff、，,（）()]{{2,60}}?)(?:可以|可|应当|应)?列席(?P<body>[\u4e00-\u9fff“”\"]{{1,14}}?{BODY_SUFFIX})" + NAME_END),
    re.compile(rf"(?P<attendee>[\u4e00-\u9fff]{{2,16}}?)(?:可以|可)?列席(?P<body>[\u4e00-\u9fff“”\"]{{1,14}}?{BODY_SUFFIX})" + NAME_END),
    # a sentence opening on a meeting's name and a rule (`本府府务会议，由秘书长主持`,
    # `主管会报（以下简称本会报）由副馆长主持`, `工作小组会议不定期召开`); `会报` is the
    # Taiwanese word for a standing briefing meeting
    re.compile(
        r"(?:^|(?<=[\n。；;\s])|(?<=[一二三四五六七八九十\d][、.．])|(?<=[)）])"
        # an article's number run into it (`第二十四条各专业委员会会议…`), or a comma a punctuation
        # restorer put where a full stop stood (`…其他工作，主席团会议，由…召集`); after the name a
        # comma, or a full stop a restorer put between the name and its rule (`…会议。根据需要…召开`)
        r"|(?<=[条條，,]))"
        r"(?P<body>[\u4e00-\u9fff（）()]{2,20}?(?:会议|会报))(?:（以下简称[^）]{1,10}）)?[，,。]?"
        r"(?=(?:一般|原则上|根据[^，。；;]{0,8}需要|视需要)?(?:随时|每|由[^，。；;]{1,24}(?:召集|主持)|须有|应有|表决|不定期|定期"
        r"|主要(?:议定|讨论|研究|审议)|的?议事范围"
        r"|以[^，。；;]{1,10}为(?:主席|主持人)))"),
    # a standing sitting named `…会` alone (`审查会以副院长…组成之，由副院长召集`,
    # `审查会开会时以召集人为主席`); organs that merely share the ending (委员会, 理事会…) are not sittings
    re.compile(
        r"(?:^|(?<=[\n。；;\s]))(?P<body>[\u4e00-\u9fff]{2,8}?会)"
        r"(?<!委员会)(?<!大会)(?<!协会)(?<!学会)(?<!工会)(?<!商会)(?<!理事会)(?<!监事会)(?<!董事会)(?<!基金会)(?<!本会)"
        r"(?=以[^。；;]{2,60}?组成|开会时|由[^，。；;]{1,16}?召集)"),
    # a report's recurring meeting: `每年…期间，各基层党组织…并召开党员和村民代表会议`
    re.compile(
        r"每(?:年|半年|季度|个?月|周|星期)[^。；;\n]{0,30}?(?:召开|举行)"
        rf"(?P<body>[\u4e00-\u9fff“”\"]{{2,16}}?{BODY_SUFFIX})" + NAME_END),
]


#: A rules text may name a further meeting it provides for (`每次会议举行预备会议`,
#: `主席、副主席可以召开代表团召集人会议`, `本会开会得商同监事会举行理、监事联席会议`):
#: only read in a document that regulates meetings (a heading or title names one).
HELD = re.compile(r"(?:^|(?<=[\s。；;，,])|(?<=[一二三四五六七八九十\d][、.．]))(?P<convener>[\u4e00-\u9fff、（）()]{2,30}?)?也?"
                  # (a comma a punctuation restorer put before the modal: `…秘书长，按照分工召开…`)
                  r"(?(convener)[，,]?)"
                  r"(?:(?:可以|得|应当|每次会议|按照分工|按分工)(?:商同[^，。；;,]{1,10}?)?(?P<need>根据需要|视需要|必要时)?|"
                  r"(?P<need2>根据需要|视需要|必要时)[，,]?(?:可以|得)?)(?:举行|召开)"
                  # (the meetings listed with 、 are one match: `召开联组会议、分组会议`)
                  r"(?P<body>[\u4e00-\u9fff、（）()“”]{2,16}?会议)" rf"(?=[，,。；;\n]|$|{NEXT_CLAUSE})")


#: names that are a kind of sitting, not a meeting body of their own
NOT_BODY = re.compile("^(?:" + "|".join(lexicon.entries(HERE / "not_bodies.txt")) + ")")


SELF = ("本会", "本院会议", "本委员会", "本会议", "会议", "本小组", "本组")


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
    ends = lexicon.entries(HERE / "organ_titles.txt")
    return re.compile(r"(?P<organ>[\u4e00-\u9fff]{2,30}?(?:委员会|小组|会|组))(?:" + "|".join(ends) + r")\s*$")


#: the organ's own meetings are ruled on (`本小组开会时，以召集人为主持人`, `会议由召集人召集之`)
SELF_MEETING = re.compile(r"(?:^|[\s。；;，,、)）])(?:本会|本小组|本委员会|本组|会议)[^。；;\n]{0,20}?"
                          r"(?:开会|召开|举行|召集(?!人)|为主席|为主持人|之出席)")


def _title_body(doc: Document) -> str | None:
    title = doc.title or next((ln.strip() for ln in doc.text.splitlines() if ln.strip()), "")
    title = DB_LABEL.sub("", title)
    m = TITLE.search(title)
    if m is None and len(title) > RUN_ON_TITLE:  # a title run into the text after it (line breaks lost)
        m = TITLE_AT_START.match(title) or TITLE_BEFORE_ARTICLE.search(title)
    if m is None:  # a text setting up a committee regulates its meetings when it says how they are held
        # a gazette order names the text it issues in quotes: `订定「…审议小组设置要点」`
        quoted = re.findall(r"[「“]([^」”]{4,40})[」”]", doc.text[:300])
        o = next((x for x in (organ_title().search(t) for t in [title, *quoted]) if x), None)
        return o.group("organ") + "会议" if o and SELF_MEETING.search(doc.text) else None
    body = NOTICE_VERB.split(m.group("body"))[-1]
    if body.endswith(TEAM) and "议事" in m.group(0):
        return body + "会议"
    if not re.search(r"会|院", body):
        return None
    return body if body.endswith("会议") else body + "会议"


#: `本会委员会议`: the meeting of the organ the text is about
OWN_PREFIX = re.compile(r"^本(?:委员会|会|院|局|部|府|处|署)(?=[\u4e00-\u9fff]{2,}会议$)")


def _own_body(body: str, title_body: str | None) -> str | None:
    """The name of a meeting found by its frequency; None when it is the text's own meeting
    (`本会`, `本院会议`), which the title names. In a text whose title names no meeting (a
    处务规程) `本会委员会议` is the organ's 委员会议."""
    if not body.startswith(SELF):
        return body
    if title_body:
        return None
    rest = OWN_PREFIX.sub("", body)
    return rest if rest != body else None


#: how far (in characters) the items of a colon-introduced `一、` list may run
LIST_SPAN = 6000


def _outer_markers(text: str) -> list[tuple[int, int]]:
    """Where `一、` markers start that may open the next section of a text (and so end a
    meeting section's scope), with their numbers; not those of a list a colon introduces
    (`议事范围如下：一、…`), which are items inside an article."""
    markers = text_markers(text)
    inner = Spans()
    for mk in markers:
        if mk.style != "cn_dun" or mk.n != 1:
            continue
        j = mk.start - 1
        while j >= 0 and text[j] in " \t\u3000\n":
            j -= 1
        if j >= 0 and text[j] in "：:":
            # a list inside an article is short: bounding the search keeps long texts linear
            items = chain_from(text, markers, mk, min(len(text), mk.start + LIST_SPAN))
            inner.add(mk.start, items[-1].start + 1)
    outer = [(m.start, m.n) for m in markers if m.style == "cn_dun" and not inner.holds(m.start)]
    # a `三、` run into the text before it (its line break lost: `…加强党性锻炼三、议事程序`)
    # goes on from a `二、` of a line of its own before it, with no `三、` between: the outline's
    # next part begins there
    run_in = []
    for m in CN_ITEM_RUN_IN.finditer(text):
        n = cn_number(m.group("n"))
        prev = [x for x, k in outer if k == n - 1 and x < m.start()]
        if prev and not any(prev[-1] < x < m.start() for x, k in outer if k == n):
            run_in.append((m.start(), n))
    return sorted(outer + run_in)


def find_scopes(doc: Document) -> list[Scope]:
    text = doc.text
    scopes: list[Scope] = []
    heads = finditer(HEADING, text)
    in_heads = Spans()
    for h in heads:
        in_heads.add(h.start(), h.end())
    run_on = [m for m in finditer(HEADING_RUN_ON, text) if not in_heads.holds(m.start())]
    heads = sorted([*heads, *run_on], key=lambda h: h.start())
    outer_marks = _outer_markers(text)
    outer = [x for x, _ in outer_marks]
    first_line = len(text) - len(text.lstrip()) + len((text.lstrip().splitlines() or [""])[0])
    # a full stop after the heading is a restorer's guess on a heading line of its own
    # (`（三）书记办公会议制度。`); an article's sentence ends so (`第三条 县政府实行…会议制度。`)
    layer = text_layer(text)
    heads = [h for h in heads if text[h.end():h.end() + 1] not in "。．"
             or _not_in_article(text[layer.last_before("\n。；;", h.start()) + 1:h.start()].strip())]
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        if _numbered(text, m.start()):  # `(二)常委会会议制度` ends where the next `三、` begins;
            # an unnumbered heading (`党组会议制度`, a title) is over its `一、会议组成…` parts
            k = bisect.bisect_right(outer, m.end())  # the first `三、` after the heading
            end = min(end, outer[k]) if k < len(outer) else end
        elif m.start() > first_line:
            # a heading whose marker was lost with the punctuation (`（八）` → `八`): a `三、` that
            # follows it before any `一、` is the outline going on above it, not a part of its own
            k = bisect.bisect_right(outer, m.end())
            if k < len(outer) and outer_marks[k][1] != 1:
                end = min(end, outer[k])
        body = re.sub(r"^(?:实行|建立|坚持|推行|落实|健全)", "", m.group("body"))  # `7、实行周一下午例会学习制度`
        body = _marker_cut(text, ARTICLE_REMNANT.sub("", DB_LABEL.sub("", body)))
        if not body[:-4].endswith(organ_suffixes()):  # a word run into the name, not the organ holding it
            body = run_in_tail(text, body) or body  # read as the name the text uses from the start
        if body.startswith(SELF):  # `第 3 条本院会议…`: the text's own meeting, which its title names
            continue
        if m.group(0).endswith("规则") and not body.endswith("会议"):
            body += "会议"  # `…常务委员会议事规则` regulates the 常务委员会会议
        scopes.append(Scope(_renamed(text, body, m.end(), end), m.start(), end, heading=True))
    chapters = _section_scopes(doc, scopes)
    if chapters:  # `第二章 党委会议`, `第三章 镇长办公会议`: the organ's rules name its meetings one by one,
        # so the title (`中共某镇委员会议事规则`) is the organ's, not one meeting's
        scopes = [sc for sc in scopes if sc.start > first_line] + chapters
        scopes.sort(key=lambda sc: sc.start)
    title_body = _title_body(doc)
    if title_body and not scopes:
        scopes.append(Scope(title_body, 0, len(text), heading=True))
    sections = Spans()  # merged, so that each question is one bisection on long texts
    for sc in scopes:
        if sc.start > first_line:
            sections.add(sc.start, sc.end)

    def inside_heading(pos: int) -> bool:
        """Inside a meeting section; a rules text's own title (`…常务委员会议事规则`) spans the
        whole text and does not hide the further meetings its articles rule on."""
        return sections.holds(pos)

    for m in [*FREQ_BODY_AFTER.finditer(text), *FREQ_BODY_MID.finditer(text)]:
        if not inside_heading(m.start()) and _own_body(m.group("body"), title_body) and not _run_on(text, m):
            a, b = _sentence(text, m.start())
            pre = {"frequency": m.group(0)}
            # `各乡镇党委每季度至少召开一次党建工作例会`: the organ opening the clause holds it
            clause = re.split(r"[，,：:]", text[a:m.start()])[-1].strip()
            holder = LEADING_MARKER.sub("", clause)
            if 2 <= len(holder) <= 12 and holder.endswith(organ_suffixes()) and not re.search(r"[^\u4e00-\u9fff]", holder):
                pre["convener"] = holder
            scopes.append(Scope(_own_body(m.group("body"), title_body) or "", a, b, pre))
    for m in finditer(FREQ_BODY_BEFORE, text):
        own = _own_body(m.group("body"), title_body)
        if not inside_heading(m.start()) and own:
            scopes.append(Scope(_marker_cut(text, _plain(own)), m.start(), _sentence(text, m.start())[1]))
    for rx in MENTIONS:
        for m in finditer(rx, text):
            body = _marker_cut(text, _plain(m.group("body")))
            if len(body_key(body)) < 2 or body.startswith(SELF) or NOT_BODY.match(body) or inside_heading(m.start()) \
                    or _run_on(text, m):
                continue
            pre = {k: v for k, v in m.groupdict().items() if k != "body" and v}
            end = _sentence(text, m.start())[1] if m.start() == m.start("body") else m.end()
            if m.group(0).endswith("。"):  # a full stop guessed between the name and its rule: the rule's sentence
                end = _sentence(text, m.end())[1]
            scopes.append(Scope(body, m.start(), end, pre))
    if scopes:  # a rules document: the further meetings it provides for
        held = [m for m in finditer(HELD, text) if not _run_on(text, m)]
        for i, m in enumerate(held):
            who = LEADING_MARKER.sub("", m.group("convener") or "")
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
    return _without_articles(scopes, title_body)


#: a law database's field label before the title; its colon may be stripped with the rest
DB_LABEL = re.compile(r"^法规名称[:：]?")
#: an article heading run into the name after it when the line breaks were lost
#: (`…。第三条主任会议由…`, `第 3 条本会…`): never part of a meeting's name
#: (`第五章议事规则第二十三条市规划委员会会议`: a chapter heading before it too)
ARTICLE_REMNANT = re.compile(r"^(?:.*第\s*[一二三四五六七八九十百零\d]+\s*[章节條条]|(?:第\s*[一二三四五六七八九十百零\d]+\s*)?[条條])"
                             r"(?=[\u4e00-\u9fff“”\"]{2})")


def _without_articles(scopes: list[Scope], title_body: str | None) -> list[Scope]:
    """``scopes`` with article headings cut off their bodies; a body left naming the text's
    own meeting (`本会`) is the title's and dropped, as :func:`_own_body` drops it."""
    out = []
    for sc in scopes:
        body = ARTICLE_REMNANT.sub("", sc.body)
        if body != sc.body:
            own = _own_body(body, title_body)
            if not own:
                continue
            sc.body = _plain(own)  # `第九条各分组会议`: each of the sittings named, no `各` in the name
        out.append(sc)
    return out


#: a section whose title is a meeting's name (`第三章 镇长办公会议`, `二、党政联席会议`)
SECTION_MEETING = re.compile(r"(?P<body>[\u4e00-\u9fff“”\"（）()]{2,20}?(?:联席会议|办公会议|办公会|例会|会议))(?:制度)?")


#: what a section on a meeting's rules says (who convenes or chairs it, how often, who attends)
RULE_CUE = re.compile(r"由[^，。；;]{1,20}(?:召集|主持)|每(?:年|半年|季度?|个?月|两周|周|星期)[^，。；;]{0,10}(?:召开|举行)"
                      r"|到会|出席|列席|组成|议事范围|不定期|随时召开")


def _section_scopes(doc: Document, heads: list[Scope]) -> list[Scope]:
    """Sections titled with a meeting's name that no `…会议制度` heading already covers."""
    known = {body_key(sc.body) for sc in heads}
    out: list[Scope] = []
    for sec in doc.sections:
        m = SECTION_MEETING.fullmatch(sec.title.strip())
        if m is None or NOT_BODY.match(m.group("body")) or body_key(m.group("body")) in known \
                or re.search(r"召开|举行|开好|参加|出席|列席|筹备", m.group("body")):
            continue
        if any(sc.start <= sec.start < sc.end and sc.start > 0 for sc in heads):
            continue  # a sub-heading inside a meeting's section (`议事范围`…) is not another meeting
        if not RULE_CUE.search(doc.text, sec.start, sec.end):
            continue  # a report's section on a meeting held (an event) states no rule of it
        known.add(body_key(m.group("body")))
        out.append(Scope(m.group("body"), sec.start, sec.end, heading=True))
    return out


def _not_in_article(prefix: str) -> bool:
    """Whether what stands before a heading on its line leaves it a heading: not an article's
    number (`第三条 `), which opens a sentence of the article."""
    return ARTICLE_END.search(prefix) is None


#: an article's number at the end of the text before a heading
ARTICLE_END = re.compile(r"第\s*[一二三四五六七八九十百零\d]+\s*[条條]$")


def _numbered(text: str, pos: int) -> bool:
    """Whether the heading at ``pos`` carries a marker of its own (`(二)`, `三、`, `第三章`):
    one part of a larger outline, not a text's title."""
    line = text[text_layer(text).last_before("\n", pos) + 1:pos].strip()
    return bool(re.search(r"(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．]|第[一二三四五六七八九十百零\d]+[章节条])$",
                          line))


#: a list marker that lost its `、` with the punctuation, run into the name after it (`三委员会议应有…`)
BARE_NUMERAL = re.compile(r"^[一二三四五六七八九十]{1,3}(?=[\u4e00-\u9fff]{4})")


def _marker_cut(text: str, body: str) -> str:
    """``body`` without a bare numeral before it where the text also writes the name without
    it (`三委员会议` beside `列席委员会议`); a name that opens on a numeral (`四大班子会议`) is
    written with it everywhere."""
    m = BARE_NUMERAL.match(body)
    if m is None:
        return body
    rest = body[m.end():]
    layer = text_layer(text)
    return rest if layer.count(rest) > layer.count(body) else body


def _plain(body: str) -> str:
    """`本府府务会议` → `府务会议`: the organ's `本X` before its own `X务会议` is a pointer, not a
    name; `常务委员会召开全体会议` names the sitting after the verb."""
    return re.sub(r"^本(.)(?=\1)|^.*(?:召开|举行)|^各(?=..)", "", body)


#: how often a text uses a generic name for it to stand for a name written once run into a word
RUN_IN_USES = 3

#: a generic meeting name, which a text may write with or without its organ (`全体会议`)
GENERIC_BODY = re.compile(r"^[\u4e00-\u9fff]{2}会议$")


def run_in_tail(text: str, body: str) -> str | None:
    """The generic tail of ``body`` (`党组会议`) where ``body`` is that tail with a word run
    into it: a name the text writes once only, in its heading, whose tail the text uses
    throughout (`（完整）` lost its brackets: `完整党组会议制度` over `局党组会议…` again and
    again); None for a name of its own."""
    tail, before = body[-4:], body[-5:-4]
    if len(body) <= len(tail) or not GENERIC_BODY.match(tail) or text.count(body) > 1:
        return None
    if tail[1] == "会":  # `常委会会议`: the organ's name ends in 会, and `委会会议` is none
        return None
    # the tail stands on its own: the text writes it after other words (`局党组会议`), not
    # always as the end of one longer name (`常务委员会会议`)
    uses = sum(1 for m in re.finditer(re.escape(tail), text) if text[m.start() - 1:m.start()] != before)
    return tail if uses >= RUN_IN_USES else None


#: how far after its heading the sentence renaming a section's meeting may stand
RENAME_REACH = 80


def _renamed(text: str, body: str, start: int, end: int) -> str:
    """A section `常委会组织生活会制度` that says `常委会每半年召开一次民主生活会` is about the
    民主生活会 of the 常委会: the frequency sentence names the meeting better than the heading."""
    # the section's opening sentence says so: a scope run long (its end lost with the next
    # heading's marker) holds other sections' sentences further on
    m = FREQ_BODY_AFTER.search(text, start, min(end, start + RENAME_REACH))
    if m is None or body_key(m.group("body")) in body_key(body):
        return body
    a = _sentence(text, m.start())[0]
    subject = (re.split(r"一般|每|原则上", text[a:m.start()] + "每")[0].split() or [""])[-1]
    subject = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]", "", subject)
    return subject + m.group("body") if len(subject) <= 6 and subject.endswith("会") else m.group("body")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    # by bisection over the marks' places (a mark the text lacks was searched to its end)
    layer = text_layer(text)
    end = layer.first_from("。；;\n", pos)
    return layer.last_before("。；;\n！？", pos) + 1, end if end != -1 else len(text)


LEADING_MARKER = re.compile(r"^\s*(?:第\s*[一二三四五六七八九十百零\d]+\s*条(?:\s+|(?![件例款文]))|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])\s*")


#: a doc-sharing site's page number run into the text (`…可确定有关人员\n2、列席会议`): a line that
#: breaks off mid-sentence, then `N、` and the sentence going on
PAGE_MARKER = re.compile(r"\n[ \t\u3000]*\d{1,2}、(?=[\u4e00-\u9fff])")


@cache
def _opener() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r})" for r in lexicon.entries(HERE / "clause_openers.txt")))


#: a run this long with no punctuation at all has lost it (a page that kept the characters only)
STRIPPED_RUN = 80


def _stripped_parts(text: str, x: int, y: int) -> list[tuple[int, int]]:
    """``text[x:y]``, a run whose punctuation was stripped, cut where a rule sentence opens
    (``clause_openers.txt``); a run with punctuation is left whole."""
    if y - x < STRIPPED_RUN or re.search(r"[，,、：:（(“\s]", text[x:y]):
        return [(x, y)]
    cuts = [m.start() for m in _opener().finditer(text, x, y) if m.start() > x]
    bounds = [x, *cuts, y]
    return [(p, q) for p, q in zip(bounds, bounds[1:], strict=False) if q > p]


#: a full stop converted to ASCII between two Chinese characters (`…召集.每次会议…`)
ASCII_STOP = re.compile(r"(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])")


def _ascii_stops(text: str, x: int, y: int) -> list[tuple[int, int]]:
    cuts = [m.start() for m in ASCII_STOP.finditer(text, x, y)]
    bounds = [(x, *cuts), (*cuts, y)]
    return [(p + (p != x), q) for p, q in zip(*bounds, strict=True) if q > p + 1]


#: an item's number run into the sentence before it, its line break lost (`…过半数同意5.具有…`):
#: a new sentence begins at the number (not inside a decimal: a digit follows the point of one)
ITEM_RUN_IN = re.compile(r"(?<=[\u4e00-\u9fff])(?=\d{1,2}[.．][\u4e00-\u9fff])")


#: … or a `五、` run into it (`…可决定召开临时会议五、会议必须有…`): a new sentence where the
#: number goes on from the item before it (`四、` earlier in the text), not in `第二、三条`
CN_ITEM_RUN_IN = re.compile(r"(?<=[\u4e00-\u9fff])(?<![第一二三四五六七八九十])(?P<n>[二三四五六七八九十]|十[一二三四五六七八九])、"
                            r"(?=[\u4e00-\u9fff])(?![一二三四五六七八九十])")
CN_ITEM = re.compile(r"(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,3})、")
#: how far before it the item before a run-in number may stand
ITEM_REACH = 3000


def _item_stops(text: str, x: int, y: int) -> list[tuple[int, int]]:
    cuts = [m.start() for m in ITEM_RUN_IN.finditer(text, x, y)]
    for m in CN_ITEM_RUN_IN.finditer(text, x, y):
        n = cn_number(m.group("n"))
        if any(cn_number(b.group(1)) == n - 1
               for b in CN_ITEM.finditer(text, max(0, m.start() - ITEM_REACH), m.start())):  # the item before it
            cuts.append(m.start())
    bounds = [x, *sorted(cuts), y]
    return [(p, q) for p, q in zip(bounds, bounds[1:], strict=False) if q > p]


def sentence_spans(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The sentences of ``text[a:b]`` as ``(start, end, sentence)``: cut at `。；;` and line
    ends, except a line end that a page marker splits mid-sentence (the marker is furniture
    and left out of the sentence); a run with no punctuation is cut where rules open."""
    out: list[tuple[int, int, str]] = []
    # read off the text layer's cut of the whole text, shared with the other passes that read it
    layer = text_layer(text)
    cut = layer.clauses("。；;\n") if (a, b) == (0, len(text)) else layer.clauses_in("。；;\n", a, b)
    spans = [part for x, y in cut for d in _ascii_stops(text, x, y)
             for e in _item_stops(text, *d) for part in _stripped_parts(text, *e)]
    for x, y in spans:
        if out and text[out[-1][1]:x].startswith("\n") and re.match(r"[\u4e00-\u9fff]", text[out[-1][1] - 1]):
            page = PAGE_MARKER.match(text, out[-1][1])
            if page and x <= page.end() < y:
                px, _, sent = out[-1]
                out[-1] = (px, y, sent + text[page.end():y])
                continue
        out.append((x, y, text[x:y]))
    return out


def sentences_in(text: str, a: int, b: int) -> list[str]:
    return [LEADING_MARKER.sub("", s) for _, _, s in sentence_spans(text, a, b)]
