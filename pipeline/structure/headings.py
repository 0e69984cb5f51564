"""Numbered headings: which marked segments are headings, and what their titles are.

A marked unit is a *heading* when its leading phrase names a topic, an *item* when it is
itself content (one duty, one rule). The evidence, strongest first:

- ranked markers (篇 章 节 条) and bracket headings (【概况】) are always headings;
- the unit stands alone (``一、职责``, ``1、议事范围:`` before its list, ``1. 秘书处``);
- a short label runs in before a blank and the content (``(七)协调会议制度 区委建立…``);
- every unit of the series opens with an internal unit's name (``(一)人秘股负责…``);
- every unit of the series opens with a short lead sentence followed by more content
  (``1、坚持以人为本,抓能力文化建设。我们把…``) - the weakest evidence, decided per
  series (siblings look alike), checked by the optional classifier, and not used in
  rules and duty lists, whose numbered units are rules and duties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from gongwen.structure.lines import LOST_BREAKS_MIN, Segment, words
from gongwen.structure.markers import ordinal

#: Sentence-ending and clause marks that cannot occur inside a stand-alone heading.
_END_MARKS = "。；;!?！？"
_RUNIN = re.compile(r"([^\s。，,；;:：!?！？]{2,30})[ \u3000]+(?=\S.{9,})", re.S)
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
#: A title does not end in these (a converter's blank cut a sentence: ``传达中央、 国务院``).
_FUNCTION_END = set("、的和与及或并在对把将由")
#: Text after a blank that starts with a mark continues the phrase before the blank.
_PUNCT_START = set("，,、。；;:：)）")
#: A letter-spaced title (``综 合``, ``人 口``) before its content, as statistical bulletins set them.
_SPACED_TITLE = re.compile(r"([\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){1,3})[ \u3000]+(?=\S.{9,})", re.S)
#: A title ending in a colon with its content on the same line (``一、参加人员:联席会议…``).
_COLON_TITLE = re.compile(r"[ \u3000]*([^\s。，,；;:：!?！？、]{2,12})[ \u3000]*[:：][ \u3000]*(?=\S)")
#: The content after such a title is at least this long (``时间：上午`` is a field, not a section).
COLON_CONTENT_MIN = 8
#: Lead sentences longer than this are statements, not topic phrases.
LEAD_MAX = 30
#: A point's label (四、職掌：) is at most this long; a longer line is its first sentence.
POINT_LABEL_MAX = 12
#: In a series of at least this many items, a lone unit without its final 。 is an item too.
ITEM_SERIES_MIN = 4
#: A series is headed by lead sentences when this share of its members have one.
SERIES_SHARE = 0.75


@dataclass
class Heading:
    """A heading found in the text, before levels are assigned."""

    start: int
    style: str
    rank: int | None
    number: str
    ordinal: int | None
    title: str
    title_end: int
    line_index: int
    at_line_start: bool
    whole_line: bool = False
    evidence: str = ""
    #: the number follows the unit before it in its series (items count too), or is 1
    in_sequence: bool = True


@dataclass
class Unit:
    """A numbered segment with the evidence gathered for it."""

    seg: Segment
    number: str
    ordinal: int | None
    evidence: dict[str, tuple[str, int]] = field(default_factory=dict)  # kind -> (title, title_end)
    in_sequence: bool = True


def compact(s: str) -> str:
    """Drop blanks between Chinese characters (``总 则`` → ``总则``) and trim."""
    return _CJK_SPACE.sub("", s).strip()


@cache
def _unit_pattern() -> re.Pattern[str]:
    suffixes = "|".join(sorted(map(re.escape, words("lexicon.tsv", "unit_suffix")), key=len, reverse=True))
    verbs = "|".join(map(re.escape, words("lexicon.tsv", "duty_verb")))
    # `(一)人秘股负责…`, `1.办公室：负责…`, and the 三定 layout `（一）办公室。负责…`, maybe
    # with an alias in brackets that the title leaves out (`（一）办公室（法规股）。负责…`)
    alias = r"(?:[（(][^（()）。；;\n]{1,16}[)）])?"
    # an alias that names a unit itself (`办公室（综合执法科）`) is part of the name
    named = rf"(?:[（(][\u4e00-\u9fff]{{1,12}}(?:{suffixes})[)）])?"
    return re.compile(rf"([\u4e00-\u9fff（）()]{{1,12}}?(?:{suffixes}){named})(?={alias}(?:。[\u4e00-\u9fff]|(?:{verbs})))")


def gather(seg: Segment, spaced: bool = False, run_on: bool = False) -> Unit:
    """The evidence one numbered segment carries on its own. ``run_on``: the document lost
    its line breaks (then a short line too may hold a point whose title ran on)."""
    assert seg.match is not None
    number = re.sub(r"\s+", "", seg.match.group("num"))
    unit = Unit(seg, number, ordinal(seg.match.group("n")))
    body = seg.body
    b0 = seg.body_start
    if not body:
        return unit
    bare = body.rstrip(":：")
    m = _COLON_TITLE.match(body)
    if m and len(body) - m.end() >= COLON_CONTENT_MIN and not any(w in m.group(1) for w in words("lexicon.tsv", "list_lead")):
        unit.evidence["colon"] = (compact(m.group(1)), b0 + m.end(1))
    runin = None if spaced else _runin(body)  # (``spaced``: the text's blanks are inside words)
    topic = clause_topic(bare) if len(bare) <= 100 and not any(ch in _END_MARKS for ch in bare) else None
    if "colon" in unit.evidence or (runin is not None and any(ch in body[runin.end():] for ch in "，,")):
        pass  # a label set off from its content: not a heading line as a whole
    elif topic is not None:
        unit.evidence["whole"] = (compact(topic), b0 + len(topic))
    elif len(bare) <= 40 and not any(ch in _END_MARKS for ch in bare) and len(bare) >= 2 and not _leads_in(bare):
        unit.evidence["whole"] = (compact(bare), b0 + len(bare))
    if runin is not None and "whole" not in unit.evidence and "colon" not in unit.evidence:
        unit.evidence["runin"] = (compact(runin.group(1)), b0 + runin.end(1))
    m = _unit_pattern().match(body)
    if m:
        unit.evidence["unit"] = (m.group(1), b0 + m.end(1))
    cut = min((body.find(ch) for ch in "。!?！？" if ch in body), default=-1)
    if 2 <= cut <= LEAD_MAX and not any(ch in body[:cut] for ch in "；;:：") and len(body) - cut > 10:
        unit.evidence["lead"] = (body[:cut], b0 + cut)
    if (run_on or len(seg.line.text) >= LOST_BREAKS_MIN) and not {"whole", "colon", "runin"} & set(unit.evidence):
        # a point run into a line whose breaks were lost, its title running on into its text
        # (``二、参加人员党委领导班子全体成员出席会议。``): the title ends at its head noun
        noun = noun_title(seg.source, b0, seg.end, RUN_ON_NAME_MAX, joins="、")
        if noun is not None and seg.source[b0 + len(noun):b0 + len(noun) + 1] not in set("，,、"):
            unit.evidence["noun"] = (noun, b0 + len(noun))
    return unit


#: A point's name that ran on into its text is at most this long (``建立老党员关怀帮扶长效机制``,
#: ``创新干部管理、考核、激励机制``).
RUN_ON_NAME_MAX = 16

#: Words that join two nouns of one title (``议事程序和决策方法``).
_TITLE_JOINS = set("和与及、")


@cache
def _noun_title_pattern(longest: int, joins: str = "") -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, words("lexicon.tsv", "head_noun")), key=len, reverse=True))
    # greedy: the longest phrase ending in a head noun (议事程序和决策方法, not 议事程序)
    return re.compile(rf"[\u4e00-\u9fff{joins}]{{0,{longest - 2}}}(?:{nouns})")


def noun_title(text: str, pos: int, end: int, longest: int = 12, joins: str = "") -> str | None:
    """The phrase at ``pos`` ending in a noun that heads titles (``议事范围``, ``会议纪律``;
    ``lexicon.tsv`` kind ``head_noun``), at most ``longest`` characters, or None: where the
    mark or break after a title was lost, its words are what still ends it. ``joins``:
    marks the phrase may hold (``、`` in a name that kept its punctuation)."""
    end = min(end, pos + longest)
    m = _noun_title_pattern(longest, joins).match(text, pos, end)
    if m is None or len(m.group(0)) < 2:
        return None
    # the shortest such phrase, unless a conjunction carries the title on (议事程序和决策方法)
    for k in range(2, len(m.group(0))):
        short = _noun_title_pattern(longest, joins).fullmatch(text, pos, pos + k)
        if short is not None:
            return short.group(0) if text[pos + k:pos + k + 1] not in _TITLE_JOINS else m.group(0)
    return m.group(0)


def _runin(body: str) -> re.Match[str] | None:
    """A short label set off from its content by a blank (``会议组成 局党组会议由…``), or
    None. A label ending in a function word or 、, or a blank followed by a mark, is a
    sentence that a converter cut with a blank (``传达中央、 国务院…``), not a label."""
    m = _SPACED_TITLE.match(body) or _RUNIN.match(body)
    if m is None or m.group(1)[-1] in _FUNCTION_END or body[m.end():m.end() + 1] in _PUNCT_START:
        return None
    return m


def _leads_in(bare: str) -> bool:
    """A sentence of three or more clauses that leads into the list after it (`本部评审会，
    置委员二十三人，依下列规定组成`): an item with sub-items, not a topic. A topic with
    one clause after it (`岁出政事别编列情形，主要部分陈述如下`) still heads its list."""
    clauses = bare.count("，") + bare.count(",") + 1
    return clauses >= 3 and any(w in bare for w in words("lexicon.tsv", "list_lead"))


@cache
def _topic_pattern() -> re.Pattern[str]:
    organs = "|".join(sorted(map(re.escape, words("lexicon.tsv", "organ_head")), key=len, reverse=True))
    links = "|".join(map(re.escape, words("lexicon.tsv", "subject_link")))
    return re.compile(rf"([\u4e00-\u9fff、]{{2,24}}?(?:{organs}))(?:{links})")


def clause_topic(line: str) -> str | None:
    """The topic of a heading line that is a whole clause introducing its list
    (``国家教育委员会在国务院的领导下，…，其主要职责是``): its first phrase, cut to the
    organ that opens it. Such lines stand alone like headings but run long, so the
    title would otherwise be the whole clause. None when the line is not such a clause."""
    if not line.endswith(words("lexicon.tsv", "lead_in")):
        return None
    first = re.split(r"[，,]", line, maxsplit=1)[0]
    if first == line or len(first) < 2:
        return None
    m = _topic_pattern().match(first)
    return m.group(1) if m else first


def _first_sentence(u: Unit) -> tuple[str, int] | None:
    """The first sentence of a unit when it could still be a title (≤ 2 × LEAD_MAX)."""
    body = u.seg.body
    cut = min((body.find(ch) for ch in "。!?！？" if ch in body), default=-1)
    if 2 <= cut <= 2 * LEAD_MAX and not any(ch in body[:cut] for ch in "；;"):
        return body[:cut], u.seg.body_start + cut
    return None


def _label_sentence(u: Unit) -> bool:
    """The unit is one short sentence and nothing more (``精准施策，推动政策落地。``)."""
    body = u.seg.body.strip()
    cut = min((body.find(ch) for ch in "。!?！？" if ch in body), default=-1)
    return 2 <= cut <= LEAD_MAX and cut == len(body) - 1 and not any(ch in body[:cut] for ch in "；;:：")


def series(units: list[Unit]) -> list[list[Unit]]:
    """Group units into series of one style counting 1, 2, 3 …; a series interrupted by
    a nested one resumes when its next number comes."""
    runs: list[list[Unit]] = []
    # (style, the number a run waits for) → the runs waiting for it, by creation index;
    # the most recently opened one takes the unit. An index, not a scan of every open
    # run, so that a long document's many short series stay linear.
    waiting: dict[tuple[str, int], list[int]] = {}
    for u in units:
        name = u.seg.style.name if u.seg.style else ""
        cands = waiting.get((name, u.ordinal)) if u.ordinal is not None else None
        if cands:
            index = max(cands)
            cands.remove(index)
        else:
            index = len(runs)
            runs.append([])
            u.in_sequence = u.ordinal == 1
        runs[index].append(u)
        if u.ordinal is not None:
            waiting.setdefault((name, u.ordinal + 1), []).append(index)
    return runs


def _statements(u: Unit) -> int:
    """How many statements follow a unit's name: sentences and semicolon clauses."""
    rest = u.seg.source[u.evidence["unit"][1]:u.seg.end].strip(" \u3000。:：")
    return len([p for p in re.split(r"[。；;]", rest) if len(p.strip()) >= 4])


def _unit_items(with_unit: list[Unit]) -> bool:
    """Units whose names run into one statement each (``（三）城管科：负责辖区内的城市管理。``)
    are items, one duty each; a unit heads its duties when they are several
    (``（一）办公室。负责…；承担…``). Decided for the series: siblings are alike."""
    single = sum(1 for u in with_unit if _statements(u) <= 1)
    return single * 2 > len(with_unit)


#: A lone numbered unit heads its paragraph when its lead is a short topic phrase
#: (``一、加强自身建设。一是抓…``) before at least this much content.
LONE_LEAD_MAX, LONE_CONTENT_MIN = 12, 60


def _lone_lead(u: Unit, lead_score=None) -> bool:
    """A unit with no siblings (an excerpt keeps one point of a report) whose lead is one
    short clause before a long paragraph; confirmed by the classifier when present."""
    lead = u.evidence.get("lead")
    if lead is None or len(lead[0]) > LONE_LEAD_MAX or any(ch in lead[0] for ch in "，,、"):
        return False
    if u.seg.end - lead[1] < LONE_CONTENT_MIN:
        return False
    return lead_score is None or lead_score([lead[0]])[0] >= 0.5


def _drop_stray_colons(run: list[Unit], chosen: dict[int, tuple[str, int, str]]) -> None:
    """A colon title is a heading when its siblings are headings too; one rule among rules
    that names its topic before a colon (``7、实行例会制度:每周一下午…`` after ``6、实行
    签到制度。…``) is an item like them."""
    colons = [u for u in run if id(u) in chosen and chosen[id(u)][2] == "colon"]
    if colons and sum(1 for u in run if id(u) in chosen) * 2 < len(run):
        for u in colons:
            del chosen[id(u)]


def _drop_stray_labels(run: list[Unit], chosen: dict[int, tuple[str, int, str]]) -> None:
    """In a long series of items (sentences ending in 。), a unit that merely lost its
    final 。 (``(七) 职业安全卫生研究``) is an item like its siblings, not a heading; so is
    one that leads into its own sub-list (``一、党委会议研究以下工作：``)."""
    if len(run) < ITEM_SERIES_MIN:
        return
    alone = [u for u in run if id(u) in chosen and chosen[id(u)][2] == "whole"
             and (not u.seg.body.rstrip().endswith((":", "："))
                  or any(w in u.seg.body for w in words("lexicon.tsv", "list_lead")))]
    items = [u for u in run if id(u) not in chosen and not ({"unit", "colon", "runin"} & set(u.evidence))
             and u.seg.body.rstrip().endswith("。")]
    if alone and len(alone) * 4 <= len(run) and len(items) + len(alone) == len(run):
        for u in alone:
            del chosen[id(u)]


def decide(units: list[Unit], lead_allowed: bool, lead_score=None) -> list[Heading]:
    """Headings among the numbered units of one stretch of text (between ranked headings).

    ``lead_score`` (optional) maps lead sentences to P(heading); a series headed by lead
    sentences must also average ≥ 0.5 under it.
    """
    chosen: dict[int, tuple[str, int, str]] = {}
    for u in units:
        for kind in ("whole", "runin", "colon"):
            if kind in u.evidence and not (kind == "colon" and "unit" in u.evidence):
                chosen[id(u)] = (*u.evidence[kind], kind)
                break
    for run in series(units):  # (also marks units whose number breaks the sequence)
        if len(run) < 2:
            if lead_allowed and _lone_lead(run[0], lead_score) and id(run[0]) not in chosen:
                chosen[id(run[0])] = (*run[0].evidence["lead"], "lead")
            continue
        _drop_stray_labels(run, chosen)
        _drop_stray_colons(run, chosen)
        with_unit = [u for u in run if "unit" in u.evidence]
        if len(with_unit) >= max(2, SERIES_SHARE * len(run)) and not _unit_items(with_unit):
            for u in with_unit:
                chosen[id(u)] = (*u.evidence["unit"], "unit")
            continue
        open_units = [u for u in run if id(u) not in chosen]
        with_noun = [u for u in open_units if "noun" in u.evidence]
        if len(with_noun) >= 2 and len(with_noun) + len(run) - len(open_units) >= SERIES_SHARE * len(run):
            for u in with_noun:  # points whose titles ran into their text: in every kind of document
                chosen[id(u)] = (*u.evidence["noun"], "noun")
            continue
        if not lead_allowed:
            continue
        with_lead = [u for u in open_units if "lead" in u.evidence]
        # a member that is its lead sentence alone (（二）精准施策，推动政策落地。 before its
        # own sub-items) neither supports nor contradicts the series, while few
        labels = [u for u in open_units if _label_sentence(u)]
        if len(labels) * 3 > len(open_units):
            labels = []
        if len(with_lead) < 2 or len(with_lead) < SERIES_SHARE * (len(open_units) - len(labels)):
            continue
        if lead_score is not None:
            scores = lead_score([u.evidence["lead"][0] for u in with_lead])
            if sum(scores) / len(scores) < 0.5:
                continue
        for u in with_lead:
            chosen[id(u)] = (*u.evidence["lead"], "lead")
        for u in open_units:  # a sibling with a longer lead is a heading all the same
            if id(u) not in chosen:
                first = _first_sentence(u)
                if first is not None:
                    chosen[id(u)] = (*first, "lead")
    out = []
    for u in units:
        if id(u) not in chosen:
            continue
        title, title_end, kind = chosen[id(u)]
        seg = u.seg
        out.append(Heading(
            start=seg.start, style=seg.style.name if seg.style else "", rank=None, number=u.number,
            ordinal=u.ordinal, title=title.rstrip(":：。 "), title_end=title_end,
            line_index=seg.line.index, at_line_start=seg.at_line_start,
            whole_line=kind == "whole" and seg.end == seg.line.end, evidence=kind,
            in_sequence=u.in_sequence))
    return out


#: An article's own title (``第二条 组织领导``) is a short phrase; a longer line is its text.
ARTICLE_TITLE_MAX = 10


def article_label(body: str) -> str | None:
    """The short title an article carries after a blank (``第七条 议题确定``), or None.

    The title is the whole rest of the line (its text follows on the next lines), or a
    phrase set off by a blank before a sentence (``第七条 议题确定 会议议题由…``); a
    phrase ending in a function word or an enumeration comma is a sentence cut by a
    converter's blank, not a title."""
    head = re.match(rf"[^\s。，,；;:：!?！？、]{{2,{ARTICLE_TITLE_MAX}}}", body)
    if head is None or head.group(0)[-1] in _FUNCTION_END:
        return None
    rest = body[head.end():]
    if not rest:
        return head.group(0)
    if rest[0] in " \u3000" and len(rest.strip()) > 10 and rest.strip()[0] not in _PUNCT_START:
        return head.group(0)
    return None


def ranked(seg: Segment, spaced: bool = False) -> Heading:
    """A 篇/章/节/条 heading. Articles have no title of their own unless they carry a short
    one (:func:`article_label`): the title repeats the number without blanks; chapters and
    pieces take the rest of their line."""
    assert seg.match is not None and seg.style is not None
    number = re.sub(r"\s+", "", seg.match.group("num"))
    pos = seg.match.end()
    text = seg.source
    while pos < seg.end and text[pos] in " \u3000\n:：,，.。、":
        pos += 1
    body = text[pos:seg.end]
    gap = text[seg.match.end():pos]
    label = (article_label(body) if seg.style.name == "tiao" and gap and not gap.strip(" \u3000:：") and not spaced
             else None)
    if label is not None:
        title, title_end = label, pos + len(label)
    elif seg.style.name == "tiao" or not body:
        title, title_end = number, seg.match.end()
    elif len(body) > 40 or _RUNIN.match(body) and len(body) > 30:
        head = re.split(r"[ \u3000]+", body, maxsplit=1)[0]
        title, title_end = compact(head), pos + len(head)
    else:
        title, title_end = compact(body), seg.end
    return Heading(seg.start, seg.style.name, seg.style.rank, number, ordinal(seg.match.group("n")),
                   title.rstrip(":："), title_end, seg.line.index, seg.at_line_start,
                   whole_line=title_end == seg.line.end, evidence="ranked")


def point(seg: Segment) -> Heading:
    """A point of a rule in points (``二、本小组任务如下：``): always a section, like an
    article; its title is its label when the point is a label line, else its number."""
    unit = gather(seg)
    title, title_end = unit.number.rstrip("、．. "), seg.match.end()
    label = unit.evidence.get("whole")
    if label is not None and len(label[0]) <= POINT_LABEL_MAX and not any(w in label[0] for w in ("如下", "下列", "，")):
        title, title_end = label
    return Heading(seg.start, seg.style.name if seg.style else "", None, unit.number, unit.ordinal,
                   title.rstrip(":：。 "), title_end, seg.line.index, seg.at_line_start,
                   whole_line=title_end == seg.line.end, evidence="point")


def bracket(seg: Segment) -> Heading:
    assert seg.match is not None
    pair = seg.match.group("num") + seg.source[seg.match.end() - 1]  # 【】 or 〔〕, as written
    return Heading(seg.start, "bracket", None, pair, None, seg.match.group("title").strip(),
                   seg.match.end(), seg.line.index, seg.at_line_start,
                   whole_line=seg.match.end() == seg.line.end, evidence="bracket")
