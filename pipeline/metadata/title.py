"""The document's own title (RECORDS.md ``title``) and where it stands in the text.

In order: a law database's ``法规名称``; the document a gazette order attaches
(``附修正「…设置要点」``); the caption of a table the text opens with; the
first line that looks like a title (short, no sentence punctuation, not furniture), or
the label of a run-in first line (``卫东区委工作规则 为坚持…``); an encyclopedia
infobox's name in the source text. The first line of a compilation (``第一篇:…``) is
its first piece, not a title: a compilation has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gongwen import lexicon

HERE = Path(__file__).resolve().parent
_SENTENCE = set("。；;!?！？，,")
_RUNIN = re.compile(r"([^\s。，,；;:：!?！？]{2,24})[ \u3000]+\S.{20,}")
_COMPILATION = re.compile(r"第\s*[一二三四五六七八九十\d]+\s*篇")
_NUMBERED = re.compile(r"(?:[一二三四五六七八九十]+[、．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第\s*\S{1,4}\s*[条章节])")
#: ``字段：值`` lines and lone brackets of page chrome (``来源：河北日报``, ``【字号：``).
_FURNITURE = re.compile(r"^(?:[^。，,]{0,8}[：:].{0,20}|[【】\[\]].{0,6})$")
#: A chapter heading (第四章 组织工作, 第二章 alone with its name on the next line, 第四类 编制工作).
_CHAPTER = re.compile(r"第\s*(?P<num>[一二三四五六七八九十\d]+)\s*[章类]\s*(?P<name>[^\s\d].{0,15})?$")
#: The same with the next unit run in after the name when the line breaks were lost
#: (第四章 组织工作第一节 机构设置…): the name ends at the section or point marker. (A chapter
#: of articles, 第五章 议事规则第二十三条…, is a law's chapter: the law's title is not its name.)
_CHAPTER_RUN_ON = re.compile(r"第\s*(?P<num>[一二三四五六七八九十\d]+)\s*[章类]\s*(?P<name>[^\s\d第]{2,15}?)"
                             r"(?=第\s*[一二三四五六七八九十\d]+\s*节|[一二三四五六七八九十]{1,2}、)")
#: The first chapter or article of a text (第一章, 第一条): the title stands before it.
_FIRST_UNIT = re.compile(r"第\s*一\s*[章条]")
#: A title named twice is at least this long (and, run in, at most TITLE_MAX_RUN).
TITLE_MIN, TITLE_MAX_RUN = 6, 40
#: A first line this long is a text whose line breaks were lost (a page's single paragraph).
RUN_ON_LINE = 200
#: The longest organ's name read as a run-in heading.
ORGAN_MAX = 20
#: A chapter's marker and the run of text after it (its name and what ran on after it).
_CHAPTER_HEAD = re.compile(r"第\s*(?P<num>[一二三四五六七八九十\d]+)\s*[章类]\s*(?=[\u4e00-\u9fff]{8})")
#: How long a chapter's name before a place's may be.
PLACE_NAME_AT = 8
#: A title run into a first sentence that opens with a date (鄞州党员队伍结构持续优化7月1日记者…,
#: 概况2007年…), its marks stripped: the title ends where the date starts.
_DATED = re.compile(r"([\u4e00-\u9fff]{2,30}?)(?=(?:19|20)\d{2}年|\d{1,2}月\d{1,2}日)")
#: Characters that make a run a clause, not a title (prepositions, particles, pronouns).
_NOT_IN_TITLE = set("对由在向把将被从按以为是了我其该")
#: A line wholly in brackets: a byline (黎某 何某), a date (2018年11月26日), a note.
_CHUNK_MARK = re.compile(r"^1[、.．]\s*")
_ENCLOSED = re.compile(r"^[(（][^()（）]*[)）]$")
_TRAILING_PAREN = re.compile(r"[(（][^()（）]*[)）]?$")
#: A book excerpt's chapter outranks a bare headline or running head (1) and a run-in title
#: (2.5), not a line ending in a genre word (3): 某某规则 then 第二章 会议制度 keeps 某某规则.
CHAPTER_SCORE = 2.8
#: How many lines from the top may hold the title.
SEARCH_LINES = 25


@dataclass
class Title:
    text: str | None
    span: tuple[int, int] | None  # the title's stretch of the normalized text, when it has one


@cache
def cues(kind: str) -> tuple[str, ...]:
    return tuple(lexicon.of_kind(HERE / "title_cues.tsv", kind))


def _clean(title: str) -> str:
    title = title.strip().lstrip("#").strip()
    for ext in cues("file_ext"):
        if title.lower().endswith(ext):
            title = title[: -len(ext)]
    return title.strip()


def _lines(text: str):
    pos = 0
    for raw in text.split("\n"):
        yield pos, raw
        pos += len(raw) + 1


def _strip(line: str) -> str:
    """``line`` without the chrome glued to a title (``Page 92 - ``, ``附件3:``, ``8,,``, ``(完整)``)."""
    for pattern in cues("strip"):
        line = re.sub(pattern, "", line).strip()
    return line


def _ends_in_genre(title: str) -> bool:
    """Does the title end in a genre word (…议事规则, …绩效目标表), a trailing
    parenthesis aside (``(2021年度)``, ``(试行)``)?"""
    core = _TRAILING_PAREN.sub("", title).strip()
    # 本规则, 本办法: the text naming itself at the end of a sentence, not a title
    return core.endswith(cues("genre_end")) and not any(core.endswith("本" + g) for g in cues("genre_end"))


def _runin(line: str) -> str | None:
    """The title a line opens with when the body runs on after it: up to the first genre
    word (with a year parenthesis after it) that more text follows
    (``卫东区委工作规则 为坚持…``, ``项目支出绩效自评表 (2022年度) 项目名称 …``)."""
    ends = "|".join(re.escape(w) for w in cues("genre_end"))
    # the year after the genre word stays, bracketed or, its brackets stripped, as 2021年度
    m = re.match(rf"([^\s。，,；;!?！？:：]{{2,36}}?(?:{ends})(?:[(（][^()（）]{{2,10}}[)）]|(?:19|20)\d{{2}}年度)?)"
                 r"(?=[\s\u3000]*[\u4e00-\u9fff\d(（])", line)
    if m and len(line) - m.end() >= 4:
        return _restarted(m.group(1).strip())
    return None


#: A phrase this long said twice in a run-in title is the page's heading naming what the
#: document's own caption names again.
RESTART_MIN = 6


def _restarted(title: str) -> str:
    """A run-in title from where it starts again: a page's heading and then the document's
    caption run together (``19年度部门整体支出绩效目标(原方志委)部门整体支出绩效目标表``),
    the caption repeating the heading's words, is the caption."""
    for n in range(len(title) // 2, RESTART_MIN - 1, -1):
        for i in range(0, len(title) - 2 * n + 1):
            again = title.find(title[i:i + n], i + n)
            if again > 0:
                return title[again:]
    return title


def _chapter_before_place(line: str) -> re.Match[str] | None:
    """A chapter's heading run into a text whose first sentence opens with a place's name
    (第二章优抚安置连云港市人民…, 第四类 编制工作曹县编制委员会办公室为…): the name ends
    where the place's starts (jieba's first word of the rest is a place word)."""
    from gongwen.metadata.divisions import by_name
    from gongwen.metadata.place import is_place_word
    from gongwen.tokenize import cut

    m = _CHAPTER_HEAD.match(line)
    if m is None:
        return None
    for k in range(2, PLACE_NAME_AT + 1):
        words = cut(line[m.end() + k:m.end() + k + 12])
        if words and len(words[0]) >= 2 and (is_place_word(words[0]) or words[0] in by_name()):
            return _CHAPTER.match(line[:m.end() + k])
    return None


def _named_before_first_unit(line: str) -> str | None:
    """The title printed right before the first chapter or article of a run-on line whose
    issuing notice named it before (…印发《某某议事规则》…此件公开发布某某议事规则第一章…,
    its marks stripped): the longest stretch ending in a genre word just before the marker
    that the notice already wrote."""
    m = _FIRST_UNIT.search(line, TITLE_MIN)
    if m is None:
        return None
    before = line[:m.start()].rstrip()
    for n in range(min(TITLE_MAX_RUN, len(before) // 2), TITLE_MIN - 1, -1):
        tail = before[-n:]
        if _ends_in_genre(tail) and tail in before[:-n] and not re.search(r"[\s。，,；;]", tail):
            return tail
    return None


def _organ_runin(line: str) -> str | None:
    """The organ's name a run-on first line opens with when a verb follows it (``湘桥区委组织部
    贯彻执行…``): an area's organ (its first word a place) named as the page's heading."""
    from gongwen.metadata.divisions import by_name
    from gongwen.metadata.place import dictionary_tag, is_organ, is_place_word
    from gongwen.tokenize import cut

    words = cut(line[:ORGAN_MAX + 8])
    if not words or not (is_place_word(words[0]) or words[0] in by_name()):
        return None
    end, best = 0, None
    for i, w in enumerate(words[:-1]):
        end += len(w)
        if end > ORGAN_MAX:
            break
        nxt = dictionary_tag(words[i + 1])
        if i and is_organ(line[:end]) and (nxt.startswith("v") or nxt == "i"):
            best = line[:end]
    return best


def _dated(line: str) -> str | None:
    """The title a line opens with when a dated first sentence runs on after it with no mark
    between (:data:`_DATED`): a phrase of four characters or more, or a genre word (概况),
    holding no word of a clause."""
    m = _DATED.match(line)
    if m is None or any(ch in _NOT_IN_TITLE for ch in m.group(1)):
        return None
    title = m.group(1)
    return title if len(title) >= 4 or title in cues("genre_end") else None


def _repeated(line: str) -> str | None:
    """The title a sharing site printed twice in a row (``经验交流材料:…合力经验交流材料:…合力``)."""
    for n in range(min(40, len(line) // 2), 5, -1):
        if line[n:2 * n] == line[:n]:
            return line[:n].strip()
    return None


def _headline(line: str) -> bool:
    """A ``地名：…`` or ``经验交流材料：…`` headline, not a ``label: value`` line: the label
    is a place's name or a genre word and the value is a phrase of its own."""
    from gongwen.metadata.place import is_place_word

    m = re.match(r"([\u4e00-\u9fff]{2,8})[:：](.{6,40})$", line)
    return bool(m) and (is_place_word(m.group(1)) or m.group(1).endswith(cues("genre_end")))


@dataclass
class _Candidate:
    text: str
    span: tuple[int, int] | None
    score: float


def find_title(text: str, source_text: str = "", guessed: frozenset[int] = frozenset()) -> Title:
    """The title of ``text``; ``guessed`` are the indices of marks the normalizer guessed
    (:mod:`gongwen.normalize.guessed`), which :func:`_scan` does not count."""
    for pos, raw in _lines(text[:3000]):
        # in a text that lost its punctuation the field's colon may be gone (标题五、…条例)
        colon = "[：:]?" if guessed else "[：:]"
        for key in cues("header"):
            # a running head may run in before the field when the break after it was lost
            # (南竿乡志标题:…); a subtitle (副标题) is not the title
            m = re.match(rf"\s*(?:[^\s：:]{{2,8}}?(?<!副))?{key}\s*{colon}\s*(.+?)\s*$", raw)
            if m:
                return Title(_strip(m.group(1)), (pos, pos + len(raw)))
    head = text[:800]
    for pattern in cues("attached"):
        m = re.search(pattern, head)
        if m:
            return Title(m.group(1), (m.start(1), m.end(1)))
    found = _scan(text, guessed)
    if found is not None:
        return found
    for pattern in cues("infobox"):
        m = re.search(pattern, source_text or text)
        if m:
            return Title(m.group(1), None)
    return Title(None, None)


#: Guessed marks a line is judged without: sentence marks anywhere, a colon at the line's end
#: (a restored ``、`` after a list number or ``：`` after a field name is kept: it reads right).
_UNCOUNTED = set("。，,；;！!？?")
_UNCOUNTED_END = set("：:")


#: A line in which the restorer saw this many clause ends is a sentence (为加强管理，规范程序，
#: 制定本规则), not a headline it split once (某县以三联三促，提升治理水平).
SENTENCE_CLAUSES = 2
#: A line shorter than this before a guessed closing colon is a lead-in label (主要职责：), the
#: colon reading right; a longer one is a title the restorer took for a lead-in.
_LABEL_MAX = 6


def _kept(line: str, start: int, guessed: frozenset[int]) -> list[int]:
    """The text indices of the characters of ``line`` (at ``start``) that count: all but
    its guessed sentence marks."""
    last = len(line) - 1 if len(line) > _LABEL_MAX else -1
    return [start + k for k, ch in enumerate(line)
            if start + k not in guessed or not (ch in _UNCOUNTED or (k == last and ch in _UNCOUNTED_END))]


def _bare_numbered(line: str) -> bool:
    """A line opening with a bare Chinese numeral that is no number word (``四讨论通过…``):
    in a text that lost its punctuation, a list item whose 、 or brackets went too."""
    from gongwen.structure.unpunctuated import NUMBER_WORD, NUMERALS

    return len(line) > 2 and line[0] in NUMERALS and line[1] not in NUMBER_WORD


def _span(kept: list[int], at: int, length: int) -> tuple[int, int]:
    """The text span of ``length`` characters from ``at`` of a line read through :func:`_kept`."""
    at = min(max(at, 0), len(kept) - 1)
    return kept[at], kept[min(at + max(length, 1), len(kept)) - 1] + 1


def _scan(text: str, guessed: frozenset[int] = frozenset()) -> Title | None:
    """The best title line among the first lines of the text.

    Every line up to the body is a candidate, scored by its shape: a line ending in a
    genre word outranks a bare headline (a page's headline before the document's own
    caption, a breadcrumb, a running head), a chapter heading of a book excerpt
    (``第四章 组织工作``) outranks the book's running head but not a genre-ending line, a page-image caption
    (``…_第1页``) counts only when nothing better stands. Furniture never counts. The
    scan ends at the first numbered item, or at the first prose once a candidate is
    found; prose before any candidate (a 主送 line, an 印发 notice) is passed over, and
    only a genre-ending line counts after it.
    """
    cands: list[_Candidate] = []

    def clause_inside(span: tuple[int, int]) -> bool:
        """Did the restorer see a clause end inside a run-in title's span (为贯彻…，根据有关规定)?
        A title line's own break proves where it ends; a run-in title's end is a guess that a
        guessed ， or 。 before it contradicts."""
        return any(i in guessed and text[i] in _UNCOUNTED for i in range(*span))

    def clauses_inside(kept: list[int]) -> int:
        """How many clause ends the restorer saw inside a line (between its kept characters)."""
        return sum(1 for i in range(kept[0], kept[-1]) if i in guessed and text[i] in _UNCOUNTED) if guessed else 0

    seen = 0
    gazette = False  # after a gazette order's header the order's own prose precedes the title
    prose = False
    chapter_pending = False
    skip_value = False
    first = True
    for pos, raw in _lines(text):
        if not raw.strip():
            continue
        seen += 1
        if seen > SEARCH_LINES:
            break
        is_first, first = first, False
        if raw.startswith("\t"):  # a table first: its caption cell names it
            cell = raw.strip()
            if not cands and 2 <= len(cell) <= 30 and not any(ch in _SENTENCE for ch in cell):
                return Title(cell, None)
            break
        line = raw.strip().split("\t")[0].strip()
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 2 and sum(1 for c in cells if c) == 1 and cells[0]:
            line = cells[0]  # a flattened table's caption row: `东莞市…批复表 | |||||`
        start = pos + raw.index(line[0])
        # a guessed mark is no evidence for or against a title line (the restorer puts a
        # 。 after a title as readily as after a sentence): the line is judged without them
        kept = _kept(line, start, guessed) if guessed else list(range(start, start + len(line)))
        if len(kept) < len(line):
            line = "".join(text[i] for i in kept)
            if not line:
                continue
        if chapter_pending:
            chapter_pending = False
            if 2 <= len(line) <= 16 and not any(ch in _SENTENCE for ch in line):
                cands.append(_Candidate(line, None, CHAPTER_SCORE))
                continue
        if _COMPILATION.match(line):
            return Title(None, None) if not cands else _best(cands)
        if any(re.search(p, line) for p in cues("skip_regex")):
            gazette = True
            continue
        m = re.match(cues("page_caption")[0], line)
        if m:
            cands.append(_Candidate(_strip(m.group(1)), None, 0.5))
            continue
        m = _CHAPTER.match(line) or _CHAPTER_RUN_ON.match(line) or _chapter_before_place(line)
        if m:
            name = (m.group("name") or "").strip()
            if m.group("num") in ("一", "1") or name in cues("generic_chapter"):
                break
            if not name:
                chapter_pending = True
            elif not any(ch in _SENTENCE for ch in name):
                cands.append(_Candidate(name, None, CHAPTER_SCORE))
            continue
        if skip_value:  # the value under a form's label (预算机关 / 某市政府社会局)
            skip_value = False
            continue
        if line in cues("form_label"):
            skip_value = True
            continue
        stripped = _strip(line)  # (the chrome glued to a title first: 简介西夏区…职责)
        if any(s in stripped for s in cues("skip_line")) or (len(line) <= 2 and not is_first) \
                or _ENCLOSED.match(line) or any(re.match(p, line) for p in cues("signature")):
            continue
        if _FURNITURE.match(stripped) and not _headline(stripped):
            continue
        if _NUMBERED.match(stripped) or (guessed and _bare_numbered(stripped)):
            # a sharing site's page marker (1、) before the title run in with the body
            lead = _CHUNK_MARK.sub("", stripped) if not cands and not prose else stripped
            lead = "" if lead == stripped else lead
            runin = lead and (_repeated(lead) or _runin(lead))
            if runin:
                span = _span(kept, line.find(runin), len(runin))
                if not clause_inside(span):
                    cands.append(_Candidate(runin, span, 2.5))
            break
        if stripped.endswith((":", "：")) and len(stripped) <= 40 and not any(ch in stripped for ch in "。，,"):  # a lead-in (…职责其主要职责是:): only a run-in title
            runin = _runin(stripped)
            if runin:
                span = _span(kept, line.find(runin), len(runin))
                if not clause_inside(span):
                    cands.append(_Candidate(runin, span, 2.5))
            continue
        bare = _clean(stripped)
        twice = _repeated(bare) if guessed else None
        if twice and _ends_in_genre(twice):  # the title printed twice, its break lost with its marks
            cands.append(_Candidate(twice, _span(kept, line.find(twice[:2]), len(twice)), 3.0))
            continue
        genre = _ends_in_genre(bare)
        if 2 <= len(bare) <= 40 and not any(ch in _SENTENCE for ch in bare) \
                and not bare.startswith(("【", "[", "——", "-")) and clauses_inside(kept) < SENTENCE_CLAUSES:
            if re.search(r"[ \u3000]{2,}", bare):  # 主  任  张三: a name list, not a title
                continue
            if prose and (not genre or len(_TRAILING_PAREN.sub("", bare)) < 6):
                continue  # a short line after prose: a sub-heading (主要职责) or a signature
            runin = None if genre else _runin(bare)
            if runin:  # 项目支出绩效目标表(2023年度)填报单位：…: the caption, not the row
                span = _span(kept, line.find(runin), len(runin))
                if not clause_inside(span):
                    cands.append(_Candidate(runin, span, 2.5))
            elif len(bare) >= 3 or is_first:
                cands.append(_Candidate(re.sub(r"[ \u3000]+", " ", bare),
                                        _span(kept, line.find(bare[:2]), len(bare)), 3.0 if genre else 1.0))
            continue
        named = _named_before_first_unit(stripped) if is_first and len(stripped) >= RUN_ON_LINE else None
        runin = None if named else _runin(stripped) or (
            _dated(stripped) if guessed and not cands and not prose else None)
        if named:  # named by its notice, then printed: the title, whatever opens the line
            cands.append(_Candidate(named, _span(kept, line.rfind(named), len(named)), 3.0))
        elif runin:
            span = _span(kept, line.find(runin), len(runin))
            if not clause_inside(span):
                cands.append(_Candidate(runin, span, 2.5))
        elif is_first and len(stripped) >= RUN_ON_LINE:
            organ = _organ_runin(stripped)
            if organ:  # 湘桥区委组织部贯彻执行…: an organ's name heading its duties, the break lost
                cands.append(_Candidate(organ, _span(kept, line.find(organ), len(organ)), 1.0))
        if len(line) > 40 or any(ch in line for ch in "。，,；"):
            if cands and not gazette:
                break  # prose: the title, if any, came before
            prose = True
    if not cands:
        return None
    best = _best(cands)
    if best.text and best.span and guessed and "、" in best.text:
        marks = [i for i in range(*best.span) if text[i] == "、"]
        if marks and all(i in guessed for i in marks):  # 县、文体广新局…汇报: the restorer's, not the title's
            best = Title(best.text.replace("、", ""), best.span)
    return best


def _best(cands: list[_Candidate]) -> Title:
    top = max(c.score for c in cands)
    c = next(c for c in cands if c.score == top)
    return Title(c.text, c.span)
