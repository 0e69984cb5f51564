"""Duties: statements of what an organ is responsible for (RECORDS.md "Duties").

Where they come from, in the order they are looked for:

1. *Cued lists*: a clause ending in a list cue (`区委的职责主要是：`, `委员权责如下：`,
   `综合规划处掌理事项如下：`, `开展下列工作：`) followed by numbered items; the
   organ is the clause's subject, or for `其职责是` the subject of the heading above.
2. *Responsibility headings* (`湘桥区委组织部主要职责`, `内设机构`, `部门职责`)
   followed by items, or by one paragraph of semicolon-separated duties.
3. *One-sentence duties* of 处务规程 (`人事室掌理本会人事事项`).
4. An unnumbered paragraph of semicolon-separated duty clauses (an encyclopedia
   lead) in a document that has duties otherwise.

Items are split at top-level semicolons; a leading organ name that is the subject
(`人秘股负责…`) becomes the organ and sticks to the rest of its item; an item that
is only a unit name (`1. 秘书处`, `一、第一科`) gives its name to the lines or
sub-items under it. All phrasings are data files beside this module.

When the outline (``doc.sections``) exists, the section around a cue bounds its
list and names the organ of `其职责是` lists; without it the nearest responsibility
heading found by ``cues.tsv`` does.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from gongwen import lexicon
from gongwen.extractors.duties.organs import (
    HERE,
    leading_organ,
    organ_regex,
    subject_followers,
    subject_of_heading,
    word_list,
)
from gongwen.extractors.duties.run_on import run_on_cuts
from gongwen.lists import (
    Item,
    Markers,
    chain_at,
    chain_from,
    find_markers,
    split_top,
    text_markers,
    trim,
)
from gongwen.normalize.punctuation import RESTORED_NOTE
from gongwen.prefilter import finditer
from gongwen.record import Document, Duty
from gongwen.spans import Spans
from gongwen.tokenize import cut
from gongwen.words import duty_verbs, organ_suffixes

SENTENCE_START = set("。；;：:\n！？")
MARKER_PREFIX = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*")
ARTICLE_PREFIX = re.compile(r"^第\s*[一二三四五六七八九十百零\d]+\s*[条條]\s*")
#: an article heading ending where a name begins, after a sentence end (`…事项。第 15 条人事室…`:
#: articles run together when the line breaks were lost)
ARTICLE_BEFORE = re.compile(r"第\s*[一二三四五六七八九十百零\d]+\s*[条條]\s*$")


#: Cue kinds that introduce a numbered list after a clause (``cues.tsv``).
LIST_KINDS = ("list", "units")


@dataclass(frozen=True)
class Cue:
    kind: str
    start: int
    end: int
    match: re.Match[str]


@cache
def cue_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(regex.replace("ORGAN", organ_regex())))
            for kind, regex in lexicon.rows(HERE / "cues.tsv")]


def find_cues(text: str) -> list[Cue]:
    """Cues in text order, one-sentence cues last (a list cue covers the sentence it opens)."""
    found = [Cue(kind, m.start(), m.end(), m) for kind, rx in cue_patterns() for m in finditer(rx, text)]
    return sorted(found, key=lambda c: (c.kind == "sentence", c.start, c.kind not in LIST_KINDS))


class _Builder:
    """Collects duties and the stretches of text already turned into duties."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.out: list[Duty] = []
        self.covered = Spans()
        #: the text's marks were put back by a model: a missing one may hide a statement's end
        self.guessed = marks_guessed(doc)

    def is_covered(self, pos: int) -> bool:
        return self.covered.holds(pos)

    def add(self, organ: str | None, a: int, b: int) -> None:
        a, b = trim(self.text, a, b)
        if b - a < 2:
            return
        if self.guessed:
            for x, y in run_on_cuts(self.text, a, b):
                self._add(organ, *trim(self.text, x, y))
        else:
            self._add(organ, a, b)

    def _add(self, organ: str | None, a: int, b: int) -> None:
        sec = self.doc.section_at(a)
        self.out.append(Duty(id=f"d{len(self.out) + 1}", organ=organ, text=self.text[a:b], start=a, end=b,
                             section=sec.id if sec else None))

    def item(self, item: Item, organ: str | None, markers: Markers, last: bool,
             fixed: bool = False, units_only: bool = False, unit_led: bool = False) -> None:
        """One item's duties; with ``units_only`` (a list of the units an organ is divided
        into) an item that names no unit (`一、综合规划处。`) holds none; with ``unit_led``
        (its siblings open with their units' names) a short name opening the item is its
        unit even with no verb after it (:func:`bare_unit`)."""
        text = self.text
        a, b = item.body, item.end
        nl = text.find("\n", a, b)
        head = text[a:nl if nl != -1 else b].strip().rstrip("：:")
        if nl != -1 and is_unit_name(head):
            self.unit_block(head, nl + 1, b, markers)
            return
        if last:
            b = drop_heading_tail(text, a, b)
        unit = unit_prefix(text, a, b) or (run_in_unit(text, a, b) if self.guessed else None)
        if unit is None and unit_led and leading_organ(text, a, b) is None:
            unit = bare_unit(text, a, b)
        if unit is not None:
            organ, a, fixed = unit[0], unit[1], True  # the name set off by its colon holds for the whole item
        elif units_only:
            return
        for qa, qb in paragraphs(text, markers, a, b):
            for pa, pb in sentence_duties(text, qa, qb):
                new_unit = SET_UP.match(text, pa, pb)
                if new_unit:  # `同时设立公共财政所，负责…`: a statement of another unit, set up here
                    self.add(new_unit.group("unit"), new_unit.end(), pb)
                    continue
                lead = None if fixed else leading_organ(text, pa, pb)
                if lead:
                    organ, pa = lead
                self.add(organ, pa, pb)

    def unit_block(self, unit: str, a: int, b: int, markers: Markers) -> None:
        """Lines or sub-items under a line that only names a unit."""
        first = markers.first_within(a, b)
        if first is not None and first.n == 1 and not self.text[a:first.start].strip():
            for it in chain_from(self.text, markers, first, b):
                self.item(it, unit, markers, last=False)
            return
        for pa, pb in split_top(self.text, a, b, "。；;\n"):
            lead = leading_organ(self.text, pa, pb)
            self.add(lead[0] if lead else unit, lead[1] if lead else pa, pb)


#: `同时设立公共财政所，负责…`: a unit set up inside another's item, and its duty
SET_UP = re.compile(r"(?:同时|另外|另|并)?(?:设立|设置|增设|下设)(?P<unit>[\u4e00-\u9fff]{2,12}?)[，,](?=负责|承担|掌理)")

#: `按照管理权限，审核…`: the ground a statement is made on, before its verb
_GROUND = re.compile(r"(?:按照|根据|依照|依据|依法|结合)[^，,。；;]{0,12}[，,]?")


def marks_guessed(doc: Document) -> bool:
    """Whether the text's punctuation was restored by a model (its one warning says so)."""
    return any(w.startswith(RESTORED_NOTE) for w in doc.warnings)


def garbled_at(text: str, pos: int) -> bool:
    """Whether the sentence at ``pos`` opens with characters a wrong decoding left (`涸鹑?县…`):
    what it opens with cannot be read, so it says nothing about whether a duty opens there."""
    return "?" in text[pos:pos + 6] or "\ufffd" in text[pos:pos + 6]


def opens_statement(text: str, pos: int) -> bool:
    """Whether a sentence at ``pos`` opens a duty statement: a duty verb, possibly after the
    ground it is done on (`按照管理权限，审核…`)."""
    m = _GROUND.match(text, pos)
    verb_at = pos + 2 if text.startswith(word_list("manner_adverbs.txt"), pos) else pos  # `重点监督…`
    return text.startswith(duty_verbs(), verb_at) or bool(SET_UP.match(text, pos)) or bool(
        m and (text.startswith(duty_verbs(), m.end()) or text[m.end() - 1] in "，,"))


def sentence_duties(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``text[a:b]`` cut at its top-level semicolons, and at each `。` after which a new
    statement opens with a duty verb (`负责…。承担…。`: one duty per sentence, RECORDS.md).
    A sentence that goes on about the previous one (`…。书记应带头…`, `…。通过…选举产生的…`)
    stays with it: an elaboration, not a duty of its own."""
    out: list[tuple[int, int]] = []
    for pa, pb in split_top(text, a, b, "。；;"):
        if out and not opens_statement(text, pa) and "。" in text[out[-1][1]:pa]:
            out[-1] = (out[-1][0], pb)
        else:
            out.append((pa, pb))
    return out


def is_unit_name(s: str) -> bool:
    return 2 <= len(s) <= 16 and not re.search(r"[，,。；;、]", s) and s.endswith(organ_suffixes())


_UNIT_LEAD = re.compile(r"([\u4e00-\u9fff]{2,16}?)([（(][^（()）。；;：:\n]{1,16}[)）])?[ \t\u3000]*[：:。][ \t\u3000]*")


def unit_prefix(text: str, a: int, b: int) -> tuple[str, int] | None:
    """``(unit, where its duties begin)`` when an item opens with a unit's name set off by
    `：` or `。` (`（一）办公室。负责…`, `一、第一科：档案之典藏…`), the layout of 三定
    and 办事细则 lists; None otherwise. Something must follow the name; after `。` it
    must open with a duty verb, or the name was a one-sentence duty (`（四）支持区法院。`).
    An alias in brackets (`办公室（政策法规股）。`) is left out of the organ, as in
    :func:`leading_organ`."""
    m = _UNIT_LEAD.match(text, a, b)
    if m is None or m.end() >= b or not is_unit_name(m.group(1)):
        return None
    if "。" in m.group(0) and not text.startswith(duty_verbs(), m.end()):
        return None
    return m.group(1), m.end()


def run_in_unit(text: str, a: int, b: int) -> tuple[str, int] | None:
    """``(unit, where its duties begin)`` when an item whose marks were guessed opens with a
    unit's name run into its first duty (`（三）社会事务科行政审批科贯彻执行…`: the `。` or
    the brackets that set the name off are gone): a name with an organ's ending, followed by
    a duty verb, as :func:`leading_organ` reads a subject; or the name set off from its first
    duty by a comma (`一人秘股，负责…`), which the restorer puts where the author had `。`,
    `：` or nothing, and an author never writes between a subject and its verb."""
    lead = leading_organ(text, a, b)
    if lead is None or not lead[0].endswith(organ_suffixes()) or not text.startswith(duty_verbs(), lead[1]):
        m = _UNIT_COMMA.match(text, a, b)
        if m is None or not is_unit_name(m.group(1)) or not text.startswith(duty_verbs(), m.end()):
            return None
        return m.group(1), m.end()
    return lead


#: A unit's name and the comma a restorer put after it (`人秘股，负责…`).
_UNIT_COMMA = re.compile(r"([\u4e00-\u9fff]{2,16}?)[，,]")


def bare_unit(text: str, a: int, b: int) -> tuple[str, int] | None:
    """``(unit, where its duties begin)`` for an item of a list of units whose name ran into
    its text when the line break after it was lost (`6. 行政处日常行政管理工作…` among
    `5. 机要处负责…`): the shortest opening of three to eight characters that ends in an
    organ's ending on a word boundary."""
    words = cut(text[a:min(b, a + 12)], hmm=False)
    pos = a
    for word in words:
        pos += len(word)
        if pos - a > 8:
            break
        name = text[a:pos]
        if pos - a >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", name) and name.endswith(organ_suffixes()) and pos < b:
            return name, pos
    return None


def unit_led(text: str, chain: list[Item]) -> bool:
    """Whether two in three items of ``chain`` open with a unit's name as their subject."""
    led = sum(1 for it in chain if (lead := leading_organ(text, it.body, it.end)) and lead[0].endswith(organ_suffixes()))
    return len(chain) >= 3 and led * 3 >= len(chain) * 2


def paragraphs(text: str, markers: Markers, a: int, b: int) -> list[tuple[int, int]]:
    """``text[a:b]`` cut into its paragraphs where a line ending a sentence is followed by
    a line with no marker (an item that runs on over a second paragraph holds two
    statements); a nested list stays with the line that introduces it."""
    out, start = [], a
    nl = text.find("\n", a, b)
    while nl != -1:
        nxt = nl + 1
        while nxt < b and text[nxt] in " \t\u3000":
            nxt += 1
        if text[start:nl].rstrip().endswith(("。", "；", ";", "！", "？")) and nxt < b and nxt not in markers.by_start:
            out.append((start, nl))
            start = nxt
        nl = text.find("\n", nl + 1, b)
    out.append((start, b))
    return out


def drop_heading_tail(text: str, a: int, b: int) -> int:
    """A list run together with the next heading (`…工作。内设机构`) ends at the last `。`."""
    cut = text.rfind("。", a, b)
    if cut != -1 and b - cut <= 26 and not re.search(r"[，,；;：:！？]", text[cut + 1:b]):
        return cut + 1
    return b


def clause_subject(text: str, end: int) -> tuple[str | None, int]:
    """Subject of the clause that ends at ``end`` (the text before a list cue) and where the clause starts."""
    a = end
    while a > 0 and text[a - 1] not in SENTENCE_START:
        a -= 1
    organ = prefix_organ(text[a:end])
    comma = max(text.rfind("，", a, end), text.rfind(",", a, end))
    if organ is None and comma != -1:  # `根据上述职责，县人社局设…`: the subject follows the comma
        organ = prefix_organ(text[comma + 1:end])
    return organ, a


def prefix_organ(s: str) -> str | None:
    """The longest organ name opening ``s`` that is followed by a verb, `的` or a comma
    (`乡镇人民代表大会主席团在…闭会期间` → 乡镇人民代表大会主席团); None for `其`/`本`."""
    s = MARKER_PREFIX.sub("", ARTICLE_PREFIX.sub("", s.strip()))
    if not s or s.startswith(("其", "本")):
        return None
    for k in range(min(len(s), 24), 1, -1):
        head, rest = s[:k], s[k:]
        if not re.fullmatch(r"[\u4e00-\u9fff、（）()]+", head) or not head.endswith(organ_suffixes()):
            continue
        if not rest or rest.startswith(subject_followers() + word_list("subject_breaks.txt") + ("的", "之", "，", ",")):
            return _before_break(head)
    return None


def _before_break(head: str) -> str:
    """`国家教育委员会在国务院` → `国家教育委员会`, `审编处分设四科` → `审编处`,
    `区委办公室是区委的综合办事机构` → `区委办公室`: cut at a preposition, copula or verb
    (``subject_breaks.txt``) that follows an organ name; the longest name ending in an
    organ suffix would otherwise run on into the clause."""
    breaks = word_list("subject_breaks.txt")
    for j in range(2, len(head) - 1):
        if head.startswith(breaks, j) and head[:j].endswith(organ_suffixes()):
            return head[:j]
    return head


def previous_subject(text: str, pos: int, reach: int = 300, heads: tuple[int, ...] = ()) -> str | None:
    """The organ the sentences just before ``pos`` are about (`曹县编办为县委工作部门，…。
    主要职责是…`): a bare cue with no subject of its own continues their topic. ``heads``
    are where headings end: a sentence a heading ran onto (its line break lost:
    `第四类 编制工作曹县编办为…`) is read from the heading's end, or from the blank that
    set the heading off."""
    lo = max(0, pos - reach)
    for x, y in reversed(split_top(text, lo, pos, "。\n")):
        organ = prefix_organ(text[x:y])
        if organ is None:
            blank = re.search(r"[ \t\u3000]+(?=\S)", text[x:min(y, x + 24)])  # a heading set off by a space only
            run_on = next((h for h in heads if x < h < y), x + blank.end() if blank else None)
            organ = prefix_organ(text[run_on:y]) if run_on is not None else None
        if organ:
            return organ
    return None


def heading_ends(doc: Document) -> tuple[int, ...]:
    """Where each section heading's title ends in the text."""
    out = []
    for sec in doc.sections:
        title = sec.title.strip()
        at = doc.text.find(title, sec.start) if title else -1
        if at != -1 and at - sec.start <= len(sec.number) + 4:
            out.append(at + len(title))
    return tuple(out)


def _meeting_agenda(text: str, clause_start: int, cue: Cue) -> bool:
    """`局党组会议是…的决策性会议，其任务是：1、传达…`, `主任会议的主要任务是：`: what a
    meeting handles is its agenda (RECORDS.md "Meeting rules"), not an organ's duties."""
    return "任务" in cue.match.group(0) and "会议" in text[clause_start:cue.start]


def self_organ(doc: Document) -> str | None:
    """The organ a document is about, read off its title (`…小组设置要点` → `…小组`): what `本小组` means."""
    lines = [doc.title or ""] + [ln for ln in doc.text.splitlines()[:40] if len(ln.strip()) <= 40]
    for line in lines:
        title = re.sub(r"^法规名称[:：]?", "", line.strip())
        for tail in word_list("title_tails.txt"):
            if title.endswith(tail) and title[:-len(tail)].endswith(organ_suffixes()):
                return title[:-len(tail)]
    return None


def heading_subject(doc: Document, cue: Cue, last_heading: tuple[int, str | None] | None) -> str | None:
    sec = doc.section_at(cue.start)
    if sec is not None:
        subj = prefix_organ(sec.title) if re.search(r"[，,]", sec.title) else subject_of_heading(sec.title)
        if subj and subj != sec.title and len(subj) >= 2 and not MARKER_PREFIX.sub("", subj).startswith("本"):
            return subj
    if last_heading is not None and last_heading[1]:
        return last_heading[1]
    return None


def extract_duties(doc: Document) -> list[Duty]:
    """Every duty statement of ``doc``, in text order."""
    text = doc.text
    if not text:
        return []
    markers = text_markers(text, marks_guessed(doc))
    cues = find_cues(text)
    by_start = sorted(cues, key=lambda c: c.start)
    starts = [c.start for c in by_start]
    b = _Builder(doc)
    last_heading: tuple[int, str | None] | None = None
    for cue in cues:
        if b.is_covered(cue.start):
            continue
        sec = doc.section_at(cue.start)
        limit = sec.end if sec is not None and sec.end > cue.end else len(text)
        if cue.kind == "sentence":
            _sentence(b, cue, markers, limit)
            continue
        if cue.kind == "heading":
            subj = subject_of_heading(cue.match.group("head") or "") if cue.match.group("head") else None
            if subj and MARKER_PREFIX.sub("", subj).startswith("本"):
                subj = None  # `本乡镇纪委职责`: the text names its organ only as itself (RECORDS.md)
            last_heading = (cue.start, subj)
            organ, clause_start, fixed = subj, cue.start, False
        else:
            organ, clause_start = clause_subject(text, cue.start)
            if _meeting_agenda(text, clause_start, cue):
                continue
            fixed = organ is not None
            if organ is None and MARKER_PREFIX.sub("", text[clause_start:cue.start].strip()).startswith("本"):
                organ = self_organ(doc)
            organ = organ or heading_subject(doc, cue, last_heading) or previous_subject(
                text, clause_start, heads=heading_ends(doc))
        organ = organ or doc.organization or self_organ(doc)
        chain = chain_at(text, markers, cue.end, limit)
        if chain:
            last_end = drop_heading_tail(text, chain[-1].body, chain[-1].end)
            bodies = {it.body for it in chain} | {it.start for it in chain}  # a heading cue may take the marker
            if any(c.kind in LIST_KINDS or (c.kind == "heading" and (
                    c.start in bodies or chain_at(text, markers, c.end, limit)))
                   for c in by_start[bisect.bisect_right(starts, cue.end):bisect.bisect_left(starts, last_end)]):
                # the items are headings of lists of their own, or name duty sections
                # themselves (`一、职责` over `（一）区委职责` + a paragraph + its list)
                continue
        if chain:
            led = unit_led(text, chain)
            for i, it in enumerate(chain):
                b.item(it, organ, markers, last=i == len(chain) - 1, fixed=fixed, units_only=cue.kind == "units",
                       unit_led=led)
            # a heading run on after the last item (`…工作。内设机构`) stays free for its own cue
            b.covered.add(clause_start, drop_heading_tail(text, chain[-1].body, chain[-1].end))
        elif not _unit_lines(b, cue, limit):
            if cue.kind == "heading":
                _paragraph(b, cue, organ, limit)
            elif cue.kind == "list":
                _inline(b, cue, organ, limit, fixed)
    if b.out:
        _task_sections(b, markers)
    _unit_chains(b, markers)
    _unit_runs(b)
    if b.out:
        _lead_paragraphs(b, doc.organization or (last_heading[1] if last_heading else None))
    else:
        _verb_paragraphs(b, markers, doc.organization or self_organ(doc))
    b.out.sort(key=lambda d: d.start)
    if b.out and _cut_mid_word(text, b.out[-1]):
        cut = b.out.pop()
        doc.warnings.append(f"duties: left out {cut.text[-12:]!r} at the end of the text, cut off mid-word")
    for i, d in enumerate(b.out):
        d.id = f"d{i + 1}"
    return b.out


def _task_sections(b: _Builder, markers: Markers) -> None:
    """`一、工作职责 … 二、工作任务 1、…`: in a duty list, the section of the organ's standing
    tasks beside its duties' section lists duties too (not a report's `主要任务`, which has
    no duties section beside it)."""
    doc, text = b.doc, b.text
    for sec in doc.sections:
        if not re.fullmatch(r"(?:工作|主要|基本)?任务", sec.title.strip()) or b.is_covered(sec.start):
            continue
        siblings = [s for s in doc.sections if s.parent == sec.parent and s is not sec]
        owner = next((s for s in siblings if _TASK_SIBLING.fullmatch(s.title.strip())
                      and any(s.start <= d.start < s.end for d in b.out)), None)
        if owner is None:
            continue
        organ = next((d.organ for d in b.out if owner.start <= d.start < owner.end), None)
        head_end = text.find(sec.title.strip(), sec.start) + len(sec.title.strip())
        chain = chain_at(text, markers, head_end, sec.end, gap=8)
        for i, it in enumerate(chain):
            b.item(it, organ, markers, last=i == len(chain) - 1)
        if chain:
            b.covered.add(sec.start, chain[-1].end)


_TASK_SIBLING = re.compile(r"(?:工作|主要|部门|基本)?(?:职责|职能)")


def _unit_runs(b: _Builder) -> None:
    """Two or more lines in a row, each a unit's name, a colon and a duty verb (`办公室：负责…`
    / `财务股：负责…`), with no cue before them: each unit's duties, told by the shape."""
    text, verbs = b.text, duty_verbs()
    run: list[tuple[str, int, int]] = []
    pos = 0
    for line in [*text.split("\n"), ""]:
        a, end = pos, pos + len(line)
        pos = end + 1
        lead = a + len(line) - len(line.lstrip(" \t\u3000"))
        unit = unit_prefix(text, lead, end) if line.strip() and not b.is_covered(lead) else None
        if unit is not None and "。" not in text[lead:unit[1]] and text.startswith(verbs, unit[1]):
            run.append((unit[0], unit[1], end))
            continue
        if len(run) >= 2:
            for name, x, y in run:
                for pa, pb in sentence_duties(text, x, y):
                    b.add(name, pa, pb)
                b.covered.add(x, y)
        run = []


def _cut_mid_word(text: str, duty: Duty) -> bool:
    """Whether ``duty`` is a fragment an excerpt cut off mid-word (`…进行监督检查和审`): it ends
    the text with no closing mark, on a lone character the dictionary knows no word for.
    A fragment ending on a whole word (`…教育、就业`) may be a whole statement and stays."""
    if text[duty.end:].strip():
        return False
    words = cut(duty.text, hmm=False)
    return bool(words) and len(words[-1]) == 1 and "\u4e00" <= words[-1] <= "\u9fff" and words[-1] not in "等"


def _unit_chains(b: _Builder, markers: Markers) -> None:
    """A numbered list whose items each open with a unit's name set off by `：`/`。` and a
    duty verb (`（一）办公室。负责…`, `(1)城管科：负责…`, `一、民政局：掌理…`) lists the units of
    an organ and their duties even where no cue announces it (a page cut before its
    heading): the shape of the items says what they are. Each item is the duties of its unit."""
    text, verbs = b.text, duty_verbs()
    for first in markers:
        if first.n != 1 or b.is_covered(first.start):
            continue
        chain = chain_from(text, markers, first, len(text))
        units = [unit_prefix(text, it.body, it.end) or (run_in_unit(text, it.body, it.end) if b.guessed else None)
                 for it in chain]
        led = [u for u in units if u is not None and text.startswith(verbs, u[1])]
        if len(chain) < 2 or len(led) * 3 < len(chain) * 2:
            continue
        for i, it in enumerate(chain):
            b.item(it, None, markers, last=i == len(chain) - 1, units_only=True)
        b.covered.add(first.start, chain[-1].end)


def _sentence(b: _Builder, cue: Cue, markers: Markers, limit: int) -> None:
    m, text = cue.match, b.text
    org_first = m.start("org") == m.start()
    if org_first and m.start() > 0 and text[m.start() - 1] not in SENTENCE_START:
        line_start = text.rfind("\n", 0, m.start()) + 1
        lead = text[line_start:m.start()]
        art = ARTICLE_BEFORE.search(text, max(0, m.start() - 12), m.start())
        run_on = art is not None and (art.start() == 0 or text[art.start() - 1] in SENTENCE_START)
        if not (MARKER_PREFIX.fullmatch(lead) or ARTICLE_PREFIX.fullmatch(lead) or run_on):
            return  # the name is not where the sentence (or its item, or its article) begins
    a, end = m.start("text"), m.end("text")
    if text[a:a + 2] == "分别" or len(m.group("org")) < 2:
        return
    if end < len(text) and text[end] in "：:":
        chain = chain_at(text, markers, end + 1, limit)
        if chain:
            end = chain[-1].end
    b.add(_without_self(m.group("org")), a, end)
    b.covered.add(m.start(), end)


def _without_self(org: str) -> str:
    """`本局局长` → `局长`: the officer's title, as duties of 处务规程 name their organs
    (`本` plus the organ's own ending only says whose officer it is)."""
    rest = org[2:]
    if org.startswith("本") and org[1:2] in organ_suffixes() and len(rest) >= 2 and rest.endswith(organ_suffixes()):
        return rest
    return org


def _unit_lines(b: _Builder, cue: Cue, limit: int) -> bool:
    """Unnumbered lines each opening with a unit's name and a colon, right after a cue
    (`党政办公室：负责…；负责…` / `经济发展办公室：负责…`): each unit is the organ of
    its line. True when at least one such line was taken."""
    text, pos, taken = b.text, cue.end, 0
    while True:
        start = pos
        while pos < limit and text[pos] in " \t\u3000\n":
            pos += 1
        if pos >= limit or "\n" not in text[start:pos]:
            break  # each unit opens a line of its own
        end = text.find("\n", pos, limit)
        end = limit if end == -1 else end
        unit = unit_prefix(text, pos, end)
        if unit is None or ("。" in text[pos:unit[1]] and cue.kind != "units"):
            break  # `办公室。负责…` names a unit only where the cue announces units
        for pa, pb in split_top(text, unit[1], end):
            b.add(unit[0], pa, pb)
        b.covered.add(pos, end)
        taken += 1
        pos = end
    return taken > 0


def _paragraph(b: _Builder, cue: Cue, organ: str | None, limit: int) -> None:
    """A heading on a line of its own followed by one paragraph of `；`-separated duties."""
    text = b.text
    line_start = text.rfind("\n", 0, cue.start) + 1
    if text[line_start:cue.start].strip(" \t\u3000（()）一二三四五六七八九十0123456789、.．"):
        return
    a = cue.end
    while a < limit and text[a] in " \t\u3000\n：:":
        a += 1
    if "\n" not in text[cue.end:a]:
        return
    end = text.find("\n", a, limit)
    end = limit if end == -1 else end
    pieces = split_top(text, a, end, "。；;")
    while end < limit:  # further plain paragraphs of statements under the same heading
        nxt = end + 1
        while nxt < limit and text[nxt] in " \t\u3000":
            nxt += 1
        nl = text.find("\n", nxt, limit)
        stop = limit if nl == -1 else nl
        line = text[nxt:stop].strip()
        if len(line) < 8 or not line.endswith(("。", "；", ";")) or find_markers(text, nxt, nxt + 6).first_within(nxt, nxt + 1) \
                or not (opens_statement(text, nxt) or _GROUND.match(text, nxt)):
            break
        pieces += split_top(text, nxt, stop, "。；;")
        end = stop
    if len(pieces) < 2 or any(c.kind in LIST_KINDS for c in find_cues(text[a:end])):
        return
    last_a, last_b = pieces[-1]
    if text[last_a - 1] == "。" and not leading_organ(text, last_a, last_b) and \
            not any(v in text[last_a:last_b] for v in duty_verbs()):
        pieces.pop()  # `…工作。词条图册`: page residue run on after the last statement
    for pa, pb in pieces:
        lead = leading_organ(text, pa, pb)
        if lead:
            organ, pa = lead
        b.add(organ, pa, pb)
    b.covered.add(cue.start, end)


def _inline(b: _Builder, cue: Cue, organ: str | None, limit: int, fixed: bool) -> None:
    """A list cue whose duties run on in its own paragraph as `；`-separated clauses, with no
    numbered items (`镇党委书记的职责：主持…；召集…；抓好…。`, `其职责是：协助…；…`):
    each clause is one duty, and each further sentence that opens with a duty verb
    (`主要职责是贯彻…；组织…。负责…；指导…。`); a line that ends in `；` runs on into the
    next. A single clause is left alone: without the semicolons the sentence may as well
    be a lead-in to something else."""
    text = b.text
    a = cue.end
    while a < limit and text[a] in " \t\u3000":
        a += 1
    if a >= limit or text[a] == "\n":
        return
    end = a
    while True:  # the paragraph, and the lines a `；` at a line's end carries on into
        nl = text.find("\n", end, limit)
        end = limit if nl == -1 else nl
        nxt = end + 1
        # where the marks were guessed, a `。` at the line's end may stand for the author's `；`
        ends = ("；", ";", "。") if b.guessed and nxt < limit and opens_statement(text, nxt) else ("；", ";")
        if nl == -1 or not text[a:end].rstrip().endswith(ends) or nxt >= limit \
                or text[nxt] in "\n" or find_markers(text, nxt, min(limit, nxt + 4)).first_within(nxt, nxt + 1):
            break
        end = nxt
    pieces: list[tuple[int, int]] = []
    for pa, pb in split_top(text, a, end, "。；;"):
        if pieces and "。" in text[pieces[-1][1]:pa] and not opens_statement(text, pa) and not garbled_at(text, pa):
            break  # a sentence that is no duty ends the list
        pieces.append((pa, pb))
    if len(pieces) < 2:
        return
    for pa, pb in pieces:
        lead = None if fixed else leading_organ(text, pa, pb)
        b.add(lead[0] if lead else organ, lead[1] if lead else pa, pb)
    b.covered.add(cue.start, pieces[-1][1])


#: verbs that say whose responsibility a statement is (not just what was done, as a report's
#: `推进…`, `开展…` paragraphs do)
RESPONSIBILITY = ("负责", "承担", "承办", "掌理", "主管", "拟订", "拟定")


def _verb_paragraphs(b: _Builder, markers: Markers, organ: str | None) -> None:
    """A page that is only a duty list with its heading and numbering lost: a run of at least
    three plain paragraphs, two in three opening with a duty verb and half of them (a third
    where the marks were guessed) with a verb of responsibility (`负责…。\n负责…；…。\n规划和部署…。`). Each paragraph gives
    its statements as a numbered item would; a page that lost its line breaks too gives
    its sentences as paragraphs (:func:`_paragraph_spans`)."""
    text = b.text
    runs: list[list[tuple[int, int]]] = [[]]
    for lead, end in _paragraph_spans(text, "。；;" if b.guessed else "。"):
        body = text[lead:end].rstrip(" \t\u3000")
        if body and body.endswith(("。", "；", ";")) and lead not in markers.by_start:
            runs[-1].append((lead, end))
        elif runs[-1]:
            runs.append([])
    # where the marks were guessed the run is cut at `；` too, so a paragraph of duties gives
    # several pieces, only its first opening with 负责: a third of them is enough
    share = 3 if b.guessed else 2
    for run in runs:
        if len(run) < 3 or sum(text.startswith(RESPONSIBILITY, a) for a, _ in run) * share < len(run) \
                or sum(opens_statement(text, a) for a, _ in run) * 3 < len(run) * 2:
            continue
        for a, end in run:
            for pa, pb in sentence_duties(text, a, end):
                b.add(organ, pa, pb)


#: A line this long is taken as paragraphs run together (a page copied
#: with its line breaks lost); its sentences stand for the paragraphs.
RUN_IN_LINE = 100


def _paragraph_spans(text: str, ends: str = "。") -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph, blanks before it left out: each line, or each
    `。`-sentence of a run-in line (``RUN_IN_LINE``). Where the marks were guessed, ``ends``
    holds `；` too: a restorer puts one where the author had a sentence end as often as not."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        a, end = pos, pos + len(line)
        pos = end + 1
        lead = a + len(line) - len(line.lstrip(" \t\u3000"))
        if end - lead < RUN_IN_LINE:
            out.append((lead, end))
            continue
        x = lead
        for i in range(lead, end):
            if text[i] in ends:
                out.append((x, i + 1))
                x = i + 1
        if x < end:
            out.append((x, end))
    return out


def _lead_paragraphs(b: _Builder, organ: str | None) -> None:
    """Unnumbered paragraphs made of ≥3 semicolon-separated duty clauses."""
    text, verbs = b.text, duty_verbs()
    pos = 0
    for line in text.split("\n"):
        a, end = pos, pos + len(line)
        pos = end + 1
        if b.covered.overlaps(a, end):
            continue
        pieces = split_top(text, a, end)
        if len(pieces) < 3:
            continue
        first_a, first_b = pieces[0]
        cut = max(text.rfind(ch, first_a, first_b) for ch in "。！？!?")
        if cut != -1:
            pieces[0] = (cut + 1, first_b)
        if sum(text.startswith(verbs, pa) for pa, _ in pieces) < 0.6 * len(pieces):
            continue
        for pa, pb in pieces:
            b.add(organ, pa, pb)


__all__ = ["extract_duties", "HERE"]
