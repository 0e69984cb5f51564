"""Run-on text: a document copied with its line breaks lost, broken into paragraphs again.

Text copied out of a web page or a PDF text layer often arrives with every break lost:
title, headings, articles and paragraphs run together on one line
(``…会议制度一、召开时间原则上每周召开一次。二、参加人员党委领导班子…``). Every later
stage finds a heading by where its line starts, so such a line is broken again here, by
what the text itself shows:

- a heading marker starts a line where a paragraph can start: after a sentence end (or
  the colon that leads into a list), or after a short heading-shaped run with no sentence
  marks (the document's title, an unnumbered heading, a heading's name:
  ``…工作总结一、社会救助…``); such a run after a sentence end starts a line too, and so
  does a short label leading into the list (``…。机构设置及职能：1. …``);
- only markers that count on are taken (``一、`` then ``二、``, ``第三条`` then ``第四条``),
  the series looked for over the whole text: a lone ``。第五条`` may cite an article, a
  series does not; a lone first point whose name stands alone is a heading too;
- a heading's name that runs on into its paragraph (``一、召开时间原则上…``) ends at its
  head noun (the structure stage's ``head_noun`` words) when another point of the series
  has that shape too, before a ``一是`` enumeration, or before a sentence opening with a
  time adverbial (``lead_ins.txt``: ``概况2007年,…``); the text's title ends there too;
- a title printed twice before the first heading (a sharing site's page title, then the
  document's) is split into its copies; an organ's name run into its duty label
  (``宣传部主要职责：``, ``duty_labels.txt``) and a caption run into its table's pipe rows
  end where they end; a law database's header fields run together start lines again.

Markers inside quotes, book titles and brackets are never break points, nor are digits
inside numbers (``2.7%``, ``第1、2条``), nor anything in a table row or a piece of one
(pipe rows are the table readers'). A text cut off mid-point keeps its last point on the
line before. The rule adds one summary warning when it broke anything, counting the
breaks after heading names, which are guesses.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from gongwen import lexicon
from gongwen.normalize.edits import Edit
from gongwen.normalize.lines import BULLETS, before_bullet, is_cell, is_table_row
from gongwen.structure.headings import noun_title
from gongwen.structure.lines import words
from gongwen.structure.markers import match_marker, ordinal
from gongwen.tokenize import tagged

HERE = Path(__file__).resolve().parent
#: A first line this long is a run-on text whose title may run into its first sentence.
RUN_ON_MIN = 100
#: A line at least this long may run headings in (a heading and a sentence of its paragraph).
LINE_MIN = 16
#: Marks after which a paragraph may start (a colon leads into a list).
STOPS = set("。！？!?；;:：")
#: Marks of a clause: a run-on line holds sentences.
CLAUSE = re.compile(r"[。！？!?；;:：，,]")
#: Closing quotes and brackets that may stand between a stop and the next paragraph.
CLOSERS = set("”’」』）)")
#: Marks that a heading-shaped run never holds (a title or a heading's name is a phrase).
SENTENCE_MARKS = set("。！？!?；;，,")
#: A heading-shaped run before a marker: the document's title, a heading's name.
HEAD_RUN_MAX = 40
#: Characters a run ends in when the marker after it is cited, not started
#: (``依照第三条``, ``按照1、2项``).
CITING_END = set("的和与及或按照据由在对向从第之、至")
#: Marker styles never taken as break points: ``一是`` opens an enumeration inside a
#: paragraph (it ends a heading's name only, see :func:`_enumeration_cut`), and so does
#: ``①`` (…体系；②对全县…: the points of one sentence or one table cell); ``壹、`` and
#: the compilation styles are read by the line rules when they start lines.
SKIP_STYLES = {"cn_shi", "circled", "roc", "pian", "pian_n", "pian_cn", "pian_br", "pian_br_di", "di_lei", "bufen"}
#: Chapters, sections and articles by rank: one follows a sentence end, a title or the name
#: of a higher rank (第四章 组织工作第一节), never a point's name.
RANK = {"zhang": 1, "jie": 2, "tiao": 3}
#: Styles whose heading names may run on into their paragraphs (articles have none).
NAMED_STYLES = {"cn_dun", "cn_paren", "ar_dun", "ar_dot", "ar_paren", "zhang", "jie", "tiao"}
#: Where a marker the rule takes may start: a necessary condition of every marker style that
#: starts with one of ``第一二三四五六七八九十（(【〔0-9`` (and of :data:`ARTICLE`), one compiled
#: alternation the regex engine runs over a line at once, so the styles are tried in turn
#: only at its few hits instead of at every character (most of a text is prose).
MARKER_START = re.compile(r"第|[一二三四五六七八九十](?=[一二三四五六七八九十]{0,2}[、．是])"
                          r"|[（(](?=(?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])"
                          r"|[0-9](?=\d?(?:\s?、|[.．]))|[【〔]")
#: An article's number, whatever follows it (the outline's own pattern leaves out 第2条中…,
#: which inside a sentence cites an article).
ARTICLE = re.compile(r"第\s*(?P<n>[〇零一二三四五六七八九十百\d]+)\s*条")
#: Quoted and bracketed stretches (short: a quote that never closes protects nothing).
PROTECTED = re.compile(r"“[^“”\n]{0,80}”|《[^《》\n]{0,80}》|「[^「」\n]{0,80}」|『[^『』\n]{0,80}』"
                       r"|[（(][^()（）\n]{2,60}[）)]")
#: A title-shaped run: Han characters, a quoted phrase or a colon inside (如东:以“一镇一品”…).
RUN_BEFORE_LEAD = re.compile(r"[\u4e00-\u9fff“”:：\d]{2,40}")
#: A label leading into a list (``机构设置及职能：``) is at most this long.
LABEL_MAX = 20
#: A caption run into pipe rows: a short run with no sentence marks before the first ``|``
#: that opens a row (a caption row of its own, ``某某表 | ||||``, is the table readers').
CAPTION = re.compile(r"[ \u3000\t]*[^|\n。，,；;：:\t]{2,40}?(?=[ \u3000]*\|[ \u3000]*[^|\s])")
#: … on a line with at least this many ``|`` (a table's rows, not a stray bar).
CAPTION_PIPES = 6
#: A copy of a title is at least this long.
COPY_MIN = 4
#: A heading's name that ends before an enumeration of its points (``…效益好一是完成了…``).
ENUMERATION = re.compile(r"[一二三四五六七八九十]是")
#: A name's paragraph runs on for at least this many characters before its first mark.
CLAUSE_MIN = 4
#: A point this short is an item (one sentence), not a heading with its paragraph.
POINT_MIN = 40
#: A heading's name ending in a head noun is at least this long (召开时间, 参加人员).
NAME_MIN = 4
#: Part-of-speech tags (jieba's dictionary) of a first word that opens a clause, not a name:
#: prepositions, conjunctions, adverbs.
CLAUSE_OPENING_TAGS = {"p", "c", "d"}
#: Prepositions and particles: a phrase holding one as a word of its own is a clause, not a
#: heading's name (inside a word they are no mark of one: 存在问题, 对策措施).
NOT_IN_NAME = set("对由在向把将被从按以为是的了")
#: A copula after a phrase makes it the subject of a sentence (``组成人员为…``).
COPULA = set("为是")

WARNING = ("run-on text: line breaks were lost; {n} paragraph break(s) restored before heading markers"
           "{names}")


@dataclass(frozen=True)
class Marker:
    pos: int
    end: int
    style: str
    n: int | None
    run_at: int | None = None  # where the heading-shaped run before the marker starts
    weak: bool = False  # counts only when the next of its series follows a sentence end


def _protected(line: str) -> list[bool]:
    """Per character: inside a quote, a book title or a bracket (a marker there is cited)."""
    mask = [False] * len(line)
    for m in PROTECTED.finditer(line):
        if m.group(0)[0] in "（(" and match_marker(line, m.start(), True):
            continue  # the marker's own brackets: （一）
        for i in range(m.start() + 1, m.end()):
            mask[i] = True
    return mask


def _candidates(line: str) -> list[Marker]:
    out: list[Marker] = []
    starts = MARKER_START.finditer(line)
    first = next(starts, None)
    if first is None:
        return out
    mask = _protected(line)
    for hit in (first, *starts):
        pos = hit.start()
        if mask[pos]:
            continue
        before = line[pos - 1] if pos else ""
        if before and (before.isdigit() or before in ".．第" or (before.isascii() and before.isalpha())):
            continue
        found = match_marker(line, pos, True)
        if found is None:
            m = ARTICLE.match(line, pos)
            if m is None or not _after_stop(line, pos):
                continue
            # an article run in after a sentence end, whatever word follows (第 2 条中央银行…)
            out.append(Marker(pos, m.end(), "tiao", ordinal(m.group("n"))))
            continue
        style, m = found
        if style.name in SKIP_STYLES:
            continue
        after = line[m.end():m.end() + 1]
        if style.name.startswith("ar_") and (after.isdigit() or after in "%％.．"):
            continue
        n = ordinal(m.group("n")) if "n" in style.pattern.groupindex and m.group("n") else None
        out.append(Marker(pos, m.end(), style.name, n))
    return out


def _after_stop(line: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and line[i] in " \u3000":
        i -= 1
    if i >= 0 and line[i] in BULLETS:  # (。• 二、: the bullet opens the marker's line)
        i -= 1
        while i >= 0 and line[i] in " \u3000":
            i -= 1
    while i >= 0 and line[i] in CLOSERS:
        i -= 1
    return i < 0 or line[i] in STOPS


def _label_before(line: str, pos: int) -> int | None:
    """Where a label leading into the list at ``pos`` starts when it follows a sentence end
    (``…的管理。机构设置及职能：1. 秘书处…``): a short clause ending in a colon starts a line."""
    i = pos - 1
    while i >= 0 and line[i] in " \u3000":
        i -= 1
    if i < 0 or line[i] not in ":：":
        return None
    j = i - 1
    while j >= 0 and line[j] not in STOPS and line[j] not in SENTENCE_MARKS and i - j <= LABEL_MAX + 1:
        j -= 1
    if j < 0 or line[j] not in "。！？!?；;" or not 2 <= i - j - 1 <= LABEL_MAX:
        return None
    return j + 1


#: Marks after which an organ's name may start inside a run (site words before it).
_RUN_MARKS = set("、，,。；;")


@cache
def _organ_label() -> re.Pattern[str]:
    organs = "|".join(sorted(map(re.escape, words("lexicon.tsv", "organ_head")), key=len, reverse=True))
    labels = "|".join(map(re.escape, lexicon.entries(HERE / "duty_labels.txt")))
    return re.compile(rf"[\u4e00-\u9fff]{{1,12}}?(?:{organs})(?=(?:{labels})[:：])")


def _organ_before_label(line: str, at: int, pos: int) -> set[int]:
    """Where a duty list's label starts when the organ's name runs into it (``宣传部主要职责：``:
    the organ, the page's title, then the label that leads into its duties), in the run
    ``line[at:pos]`` before the list's first marker. The organ may follow a site's words
    run in before it after a mark (``…官方网站、宣传部主要职责：``, a mark a punctuation
    restorer may have put there): then it starts a line too."""
    for k in [at] + [i + 1 for i in range(at, pos) if line[i] in _RUN_MARKS]:
        m = _organ_label().match(line, k)
        if m is not None:
            return {m.end()} if k == at else {k, m.end()}
    return set()


def _heading_run(line: str, start: int, pos: int, after_marker: bool) -> bool:
    """Is ``line[start:pos]`` a heading-shaped run: a title or a heading's name, not a clause
    citing the marker after it? After a marker a name may hold commas (``推进项目建设,数量多``)."""
    run = line[start:pos].strip(" \u3000")
    if not 2 <= len(run) <= HEAD_RUN_MAX or run[-1] in CITING_END or any(ch in run for ch in "《》“”"):
        return False
    marks = set("。！？!?；;") if after_marker else SENTENCE_MARKS
    return not any(ch in marks for ch in run)


def _in_context(line: str, cands: list[Marker]) -> list[Marker]:
    """The candidates standing where a paragraph can start; one after a heading-shaped run
    that follows a sentence end or a bracketed note (a title, an unnumbered heading) notes
    where that run starts (``run_at``): it starts a line too."""
    out: list[Marker] = []
    last_stop = 0  # just after the last stop (or closing bracket) before the candidate
    scanned = 0
    for c in cands:
        for i in range(scanned, c.pos):
            if line[i] in STOPS or (line[i] in "）)" and i + 1 < len(line) and line[i + 1] not in STOPS):
                last_stop = i + 1
        scanned = max(scanned, c.pos)
        after = out[-1].end if out else 0
        start = max(last_stop, after)
        named = bool(out) and after >= last_stop  # the run is the name of the marker before
        if named and c.style in RANK and RANK.get(out[-1].style, 9) >= RANK[c.style]:
            # a chapter or an article rarely ends a point's name (…条暨第6章标题); the first
            # does where an amendment history runs into it (…条文第 1 条本规则…)
            if c.n == 1:
                out.append(replace(c, weak=True))
        elif _after_stop(line, c.pos):
            out.append(replace(c, run_at=_label_before(line, c.pos)))
        elif _heading_run(line, start, c.pos, named):
            at = start + len(line[start:c.pos]) - len(line[start:c.pos].lstrip(" \u3000"))
            out.append(replace(c, run_at=None if named or at == 0 else at))
    return out


def _series(cands: list[Marker]) -> list[Marker]:
    """The candidates (in text order) that count on with another of their style (二、 after
    一、, 第四条 before 第五条); bracket headings (【概况】) need only a second one."""
    by_style: dict[str, list[Marker]] = {}
    for c in cands:
        by_style.setdefault(c.style, []).append(c)
    keep: list[Marker] = []
    for group in by_style.values():
        if all(c.n is None for c in group):
            if len(group) >= 2:
                keep.extend(group)
            continue
        for i, c in enumerate(group):
            if c.n is None:
                continue
            nxt = any(d.n == c.n + 1 and not d.weak for d in group[i + 1:i + 4])
            prv = not c.weak and any(d.n == c.n - 1 for d in group[max(0, i - 3):i])
            if nxt or prv:
                keep.append(c)
    return keep


@cache
def _head_nouns() -> frozenset[str]:
    return frozenset(words("lexicon.tsv", "head_noun"))


def _name_cut(line: str, m: Marker, seg_end: int) -> int | None:
    """Where a heading's name ends when its paragraph runs on after it, or None.

    The name is the phrase ending in a head noun (``召开时间``, ``参加人员``); it is no name
    when the point is one short sentence (``1、对全区的重大问题作出决策。``, an item), when
    the phrase holds a preposition or particle (a clause, not a name), when the cut falls
    inside a word, or when a copula follows (``组成人员为…``: the subject of a sentence).
    """
    stop = next((i for i in range(m.end, seg_end) if line[i] in SENTENCE_MARKS | {"、", ":", "："}), seg_end)
    if seg_end - m.end < POINT_MIN or (stop == seg_end and seg_end - m.end <= HEAD_RUN_MAX):
        return None  # an item, or the whole segment is the heading
    start = m.end + len(line[m.end:stop]) - len(line[m.end:stop].lstrip(" \u3000"))  # 第二条 学习内容…
    name = noun_title(line, start, stop)
    if name is None:
        return None
    cut = start + len(name)
    if line[cut] in " \u3000":
        return None  # a blank sets the name off: the outline reads it where it stands
    if stop - cut < CLAUSE_MIN or any(ch in COPULA for ch in line[cut:cut + 4]):
        return None  # the name ends its clause, or it is the subject of a sentence
    if len(name) < NAME_MIN:
        return None  # 要求, 安排: a word of the sentence as often as a name
    tags = tagged(line[start:stop])
    ends = [sum(len(w) for w, _ in tags[:i + 1]) for i in range(len(tags))]
    if len(name) not in ends:
        return None  # the cut falls inside a word
    k = ends.index(len(name))
    if any(w in NOT_IN_NAME for w, _ in tags[:k + 1]):
        return None  # 对全区…, 组工信息的重要性: a clause or a phrase, not a name
    if tags[0][1] in CLAUSE_OPENING_TAGS or (k + 1 < len(tags) and tags[k + 1][0] in _head_nouns()):
        return None  # 根据…安排: a clause; 组成|人员: the phrase goes on to a longer name
    return cut


@cache
def _lead_in() -> re.Pattern[str]:
    """A time adverbial opening a sentence, up to its clause's comma or the blank after a date
    (``1995年6月14日 某某会议通过``) (``lead_ins.txt``)."""
    alts = "|".join(f"(?:{a})" for a in lexicon.entries(HERE / "lead_ins.txt"))
    return re.compile(rf"(?:{alts})(?:[，,]|[ \u3000](?=[\u4e00-\u9fff]))")


def _lead_cut(line: str, start: int, end: int) -> int | None:
    """Where a title or a heading's name at ``start`` ends when a sentence opening with a time
    adverbial runs on after it (``概况2007年,…``, ``机构设置1988年前,…``): the name is a
    short run of Han characters (a quote or a colon inside it allowed)."""
    m = RUN_BEFORE_LEAD.match(line, start, min(end, start + HEAD_RUN_MAX + 1))
    if m is None:
        return None
    for k in range(start + 2, m.end() + 1):  # the shortest name a whole adverbial follows
        if _lead_in().match(line, k) and not line[k - 1].isdigit():
            return k
    return None


def _title_cut(line: str) -> int | None:
    """Where the title a run-on text opens with ends, when its first sentence opens with a
    time adverbial (``鄞州党员队伍结构持续优化7月1日,记者…``)."""
    if len(line) < RUN_ON_MIN or _in_table(line):
        return None
    lead = len(line) - len(line.lstrip(" \u3000#"))  # a markdown heading's # too
    return _lead_cut(line, lead, len(line))


def _in_table(line: str) -> bool:
    """A table's row or a piece of one (a cell's text broken over lines still holds a ``|``
    or a TAB): the table readers' to split, never a run-on paragraph."""
    return is_cell(line) or is_table_row(line) or "|" in line or "\t" in line


def _caption_cut(line: str) -> int | None:
    """Where a table's caption ends when the text opens with it run into the table's pipe rows
    (``某某部| 职责活动 | 年度预算数 |…``): the rows are the table readers', the caption is the
    text's title."""
    if line.count("|") < CAPTION_PIPES:
        return None
    m = CAPTION.match(line)
    return m.end() if m else None


def _enumeration_cut(line: str, m: Marker, seg_end: int) -> int | None:
    """Where a heading's name ends before the enumeration of its points (``一是``)."""
    e = ENUMERATION.search(line, m.end, min(seg_end, m.end + HEAD_RUN_MAX + 1))
    if e is None or e.group(0)[0] not in "一" or e.start() - m.end < 2:
        return None
    if any(ch in "。！？!?；;" for ch in line[m.end:e.start()]):
        return None
    if line[m.end:e.start()].rstrip(" \u3000")[-1:] in (":", "："):
        return None  # a sentence leads into the enumeration: the name ends before it
    return e.start()


def _copies(line: str, start: int, end: int) -> set[int]:
    """Where the copies of a title printed more than once before the first heading start
    (``某某会议制度某某会议制度一、…``; ``区某某规则某某规则``: a sharing site's page title,
    then the document's, each maybe shortened): the run is the title followed by pieces of it."""
    run = line[start:end].rstrip(" \u3000")
    if len(run) > 3 * HEAD_RUN_MAX:
        return set()  # no title: prose comes first
    for n in range(COPY_MIN, len(run) - COPY_MIN + 1):
        title, cuts, i = run[:n], [], n
        while i < len(run):
            k = next((k for k in range(len(run) - i, COPY_MIN - 1, -1) if run[i:i + k] in title), 0)
            if not k:
                break
            cuts.append(start + i)
            i += k
        if i == len(run) and cuts:
            return set(cuts)
    return set()


def _lone_heading(line: str, m: Marker, cands: list[Marker]) -> bool:
    """A first point with no second one in the text (an excerpt's) that is still a heading:
    its name stands alone up to the line's end or the next marker (``…总结一、社会救助工作扎实有力``
    before ``1.城乡低保…``, which another rule broke off)."""
    if m.n != 1 or m.style not in NAMED_STYLES or m.weak:
        return False
    end = next((c.pos for c in cands if c.pos > m.pos), len(line))
    seg = line[m.end:end].strip(" \u3000")
    return 2 <= len(seg) <= HEAD_RUN_MAX and not any(ch in SENTENCE_MARKS for ch in seg)


def _cuts(line: str, heads: list[Marker]) -> tuple[dict[str, list[int]], Counter[str]]:
    """Per marker style, where the heading names of ``line``'s points end (see :func:`_name_cut`),
    under ``""`` the names that end before an enumeration (``一是``) or a time adverbial; and
    per style how many points are a name alone (``二、工作任务``)."""
    ends = [m.pos for m in heads[1:]] + [len(line)]
    found: dict[str, list[int]] = {}
    whole: Counter[str] = Counter()
    for m, seg_end in zip(heads, ends, strict=True):
        if m.style not in NAMED_STYLES:
            continue
        seg = line[m.end:seg_end].strip(" \u3000")
        if 2 <= len(seg) <= HEAD_RUN_MAX and not any(ch in SENTENCE_MARKS for ch in seg):
            whole[m.style] += 1
            continue
        cut = _enumeration_cut(line, m, seg_end)
        if cut is not None:
            found.setdefault("", []).append(cut)
            continue
        cut = _name_cut(line, m, seg_end)
        if cut is not None:
            found.setdefault(m.style, []).append(cut)
            continue
        cut = _lead_cut(line, m.end + len(line[m.end:seg_end]) - len(line[m.end:seg_end].lstrip(" \u3000")), seg_end)
        if cut is not None:
            found.setdefault("", []).append(cut)
    return found, whole


@cache
def _header_field() -> re.Pattern[str]:
    labels = "|".join(map(re.escape, words("lexicon.tsv", "law_header")))
    return re.compile(rf"(?:{labels})\s*[:：]")


def _header_fields(line: str) -> set[int]:
    """Where the fields of a law database's header start when they run together
    (``法规名称：某某规则最新异动日期：20110720法规类别：…``): the line opens with one."""
    field = _header_field()
    if not field.match(line):
        return set()
    return {m.start() for m in field.finditer(line) if m.start() > 0}


def break_run_on_lines(text: str) -> list[Edit]:
    """Edits starting every heading of a run-on line on a line of its own (see the module
    docstring), with one warning for the whole text.

    The series a marker continues is looked for over the whole text (another rule may have
    broken the run-on line before, so ``二、`` may already start a line of its own). A text
    cut off mid-sentence ends in a point with no sentence end (``…3、党委会议必须有半数以上``);
    that point stays on the line before, as a short line alone would read as a heading."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    per_line: list[list[Marker]] = []
    for line in lines:
        per_line.append([] if _in_table(line) else _in_context(line, _candidates(line)))
    flat = [(i, m) for i, ms in enumerate(per_line) for m in ms]
    kept = {id(m) for m in _series([m for _, m in flat])}
    last = max((i for i, x in enumerate(lines) if x.strip()), default=0)
    breaks: set[int] = set()
    named: dict[str, list[int]] = {}
    wholes: Counter[str] = Counter()
    first = next((i for i, x in enumerate(lines) if x.strip()), 0)
    title_cut = _title_cut(lines[first])
    if title_cut is not None:
        named.setdefault("", []).append(starts[first] + title_cut)
    caption = _caption_cut(lines[first])
    if caption is not None:
        breaks.add(starts[first] + caption)
    for i, line in enumerate(lines):
        breaks |= {starts[i] + p for p in _header_fields(line)}
        heads = [m for m in per_line[i] if id(m) in kept or _lone_heading(line, m, per_line[i])]
        if not heads:
            continue
        found, whole = _cuts(line, heads)
        wholes.update(whole)
        # a line of names alone (一、提高认识 二、加强领导) is a contents line, not run on
        if len(line) < LINE_MIN or not CLAUSE.search(line):
            continue
        for style, cuts in found.items():
            named.setdefault(style, []).extend(starts[i] + c for c in cuts)
        lead = len(line) - len(line.lstrip(" \u3000"))
        mids = {m.pos for m in heads if m.pos > lead}
        mids |= {m.run_at for m in heads if m.run_at is not None and m.run_at > lead}
        mids |= {c for m in heads if m.run_at is not None for c in _organ_before_label(line, m.run_at, m.pos)}
        if i == first:  # the page's words before the organ and its duty label (…官方网站、宣传部主要职责：)
            mids |= _organ_before_label(line, lead, heads[0].pos) - {lead}
        mids |= _copies(line, lead, heads[0].pos)
        if i == last and not any(ch in STOPS for ch in line[heads[-1].end:]):
            mids.discard(heads[-1].pos)
        breaks |= {starts[i] + p for p in mids}
    # a name cut holds when the series shares the shape (its names end in head nouns)
    guesses = {c for style, cuts in named.items() if style == "" or len(cuts) + wholes[style] >= 2
               for c in cuts} - breaks
    edits: list[Edit] = []
    for c in sorted(breaks | guesses):
        a = c  # spaces before the break go with it, so the new line starts with its marker
        while a > 0 and text[a - 1] in " \u3000":
            a -= 1
        b = before_bullet(text, a)  # a bullet before the marker opens its line too (• 五、)
        edits.append(Edit(a, c, "\n") if b == a else Edit(b, a - 1, "\n"))  # (a - 1: the bullet)
    if edits:
        names = f", {len(guesses)} after heading names (guessed)" if guesses else ""
        head = edits[0]
        edits[0] = Edit(head.start, head.end, head.replacement, WARNING.format(n=len(breaks), names=names))
    return edits
