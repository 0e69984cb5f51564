"""Headings without a number: label lines, run-in labels and series of label sentences.

- A *label line* stands alone (``湘桥区委组织部主要职责``, ``负责人``) before content, or
  ends with a colon before a numbered list (``机构设置及职能：``). A label line right
  after a heading line is that heading's subtitle, not a heading of its own.
- A *run-in* label opens a paragraph and is set off from its content by a blank
  (``村居基层基础工作整治 2012年11月,工委召开…``).
- A *series of label sentences* opens consecutive paragraphs under one parent
  (``村居干部报酬考核发放机制。…`` / ``基层组织会议机制。…``): one such paragraph is
  prose, three in a row (or two sharing an ending like ``机制``) are headings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from gongwen.structure.headings import Heading
from gongwen.structure.lines import Line, words
from gongwen.structure.markers import match_marker

LeadScore = Callable[[Sequence[str]], list[float]]
_NOT_IN_LABEL = set("。，,；;!?！？ \u3000\t")
_RUNIN = re.compile(r"([^\s。，,；;:：!?！？]{2,24})[ \u3000]+(?=\S)")
_LABEL_SENTENCE = re.compile(r"([^\s。，,；;:：!?！？]{2,16})。")
#: A label of two short clauses opening a paragraph (``强化责任落实,提升服务质量。``).
_LEAD_SENTENCE = re.compile(r"([^\s。，,；;:：!?！？、]{2,12}[，,][^\s。，,；;:：!?！？、]{2,12})。")
#: Content after a run-in label or a label sentence must be at least this long.
MIN_CONTENT = 15
#: A label line needs a paragraph of at least this length (or a numbered list) after it.
MIN_FOLLOWING = 30
#: Blanks between Chinese characters soon after a run-in label mean the line's blanks are a
#: converter's (``由书记委托一名 党组成员 主持, 出席人员 须…``), not a label's separator.
_SPLIT_WORDS = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]|[ \u3000][，,、。]")
SPLIT_REACH = 30
#: A figure set off by blanks on both sides (``发展党员 312 名``): a PDF's spacing, not a label's.
_SPACED_FIGURE = re.compile(r"[\d,.]+[ \u3000]")
#: A label ending in a copula before its colon is a clause leading into its list (``区委的
#: 职责主要是：``), not the name of a topic.
COPULA = "是"
#: A field name (``信息来源:``) is at most this long; the line after it is its value.
FIELD_MAX = 8
#: A label line that is a sentence (``镇域经济快速发展。``) has at most this many characters.
SENTENCE_LABEL_MAX = 16
#: Paragraphs that may stand between two label sentences of one series.
MAX_GAP = 2


@dataclass
class Paragraph:
    """Where a paragraph starts: a line without a marker, or the rest of a line after a
    bracket or run-in heading (``【干部队伍建设】 选拔任用 按工委要求…``)."""

    start: int
    end: int
    line: Line


#: A title may open with a year (``2013年工作回顾``).
_YEAR_START = re.compile(r"(?:19|20)\d\d年")
#: A web address or a page thumbnail's name is site furniture, never a title.
_WEB = re.compile(r"www\.|https?:|\.(?:com|cn|net|org)\b|_第\s*\d+\s*页", re.I)


def _first_is_text(s: str) -> bool:
    return bool(s) and ("\u4e00" <= s[0] <= "\u9fff" or s[0] in "《“\"" or bool(_YEAR_START.match(s)))


def not_a_title(s: str) -> bool:
    """Text no heading has: a web address, a page thumbnail's file name, an unbalanced
    bracket (a fragment of a cell or a line cut in two: ``2019年度)``)."""
    opened, closed = s.count("(") + s.count("（"), s.count(")") + s.count("）")
    return bool(_WEB.search(s)) or opened != closed


@lru_cache(maxsize=1)
def _grade_scale() -> re.Pattern[str]:
    grades = sorted(words("lexicon.tsv", "grade"), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, grades))}){{2,}}")


def grade_scale(s: str) -> bool:
    """Whether ``s`` is only the words of a grading scale (``优良中差``, ``优秀良好合格``): a
    table's grade header row, which a flattened table leaves on a line of its own."""
    return bool(_grade_scale().fullmatch(s))


def _salutation(s: str) -> bool:
    return any(s.startswith(w) for w in words("lexicon.tsv", "salutation"))


def _labelish(s: str) -> bool:
    """Could this line be a label itself (short, no blanks, no sentence punctuation)?"""
    bare = s.rstrip(":：")
    return 2 <= len(bare) <= 30 and not any(ch in _NOT_IN_LABEL for ch in bare)


_FULL_DATE = re.compile(r"[\d一二三四五六七八九十〇零百]{1,4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
                        r"\s*[\d一二三四五六七八九十]{1,3}\s*日")


def label_line(text: str, line: Line, following: list[Line], next_numbered: bool,
               after_heading_line: bool, lead_score: LeadScore | None = None,
               previous: Line | None = None) -> Heading | None:
    """A stand-alone label line, or None. ``following``: the next few content lines.

    A line that is one short sentence of one clause (``镇域经济快速发展。``) is a label
    too when a paragraph follows it, and the classifier (when there) takes it for one."""
    s = line.text
    if previous is not None and previous.text.endswith((":", "：")) and len(previous.text) <= FIELD_MAX:
        return None  # the value of a field (``信息来源:`` / ``区日报社``)
    if not_a_title(s):
        return None
    if s.endswith("。") and len(s) <= SENTENCE_LABEL_MAX + 1 and "。" not in s[:-1]:
        if (after_heading_line or not following or len(following[0].text) < MIN_FOLLOWING
                or (lead_score is not None and lead_score([s[:-1]])[0] < 0.5)):
            return None
        s = s[:-1]
    colon = s[-1:] in (":", "：")
    bare = s.rstrip(":：")
    if not _labelish(s) or ":" in bare or "：" in bare or re.search(r"\d{5}", bare):
        return None  # (a run of digits is a document number, not a topic)
    if _FULL_DATE.search(bare):
        return None  # 某委员会91年11月13日第575次会议通过: a line of the document's history
    if not _first_is_text(bare) or _salutation(bare) or grade_scale(bare) or not following:
        return None
    if colon:
        if not next_numbered or any(w in bare for w in words("lexicon.tsv", "list_lead")) or bare.endswith(COPULA):
            return None  # `区委办公室设下列科室：`, `其职责主要是：` introduce their list; they name no topic
    elif after_heading_line:
        return None
    else:
        # content must follow: a paragraph, a numbered list, or a list of entries
        # (``主  任  张三`` lines under ``负责人``)
        listed = len(following) >= 2 and not any(_labelish(f.text) for f in following[:2])
        if not (next_numbered or len(following[0].text) >= MIN_FOLLOWING or listed):
            return None
    return label(line)


def label(line: Line) -> Heading:
    """A whole line as an unnumbered label heading (without a final colon or full stop)."""
    bare = line.text.rstrip(":：。")
    return Heading(line.start, "label", None, "", None, bare, line.start + len(bare), line.index, True,
                   whole_line=True, evidence="label")


#: A run of parallel label lines needs at least this many lines, sharing an ending this long.
PARALLEL_MIN, PARALLEL_SUFFIX = 3, 2


def parallel_labels(lines: list[Line], bare: list[bool], after_heading: set[int]) -> set[int]:
    """Indices of lines in runs of parallel labels right under a heading line, whose
    content the source does not carry (`陆、各组审议结果` / `第1组审议结果` /
    `第2组审议结果` …): ≥ 3 consecutive unnumbered label lines that open alike and share an
    ending of ≥ 2 characters. ``bare``: the line is unnumbered and one segment;
    ``after_heading``: indices of lines holding a whole-line heading."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and bare[j] and _labelish(lines[j].text) and lines[j].text[-1:] not in ":：":
            j += 1
        run = [ln.text for ln in lines[i:j]]
        if len(run) >= PARALLEL_MIN and i - 1 in after_heading and _first_is_text(run[0]):
            suffix = os.path.commonprefix([t[::-1] for t in run])
            if len(suffix) >= PARALLEL_SUFFIX and os.path.commonprefix(run) and len(set(run)) == len(run):
                out.update(range(i, j))
        i = max(j, i + 1)
    return out


def runin(text: str, para: Paragraph, bare: bool = False) -> Heading | None:
    """A run-in label opening ``para``, or None. Its content must read as prose (hold a
    comma or a full stop) unless the document lost all its marks (``bare``)."""
    m = _RUNIN.match(text, para.start, para.end)
    if not m or not _first_is_text(m.group(1)) or _salutation(m.group(1)) or m.group(1)[-1].isdigit():
        return None
    rest = text[m.end():para.end]
    if rest.startswith(words("lexicon.tsv", "honorific")):
        return None
    if len(rest) < MIN_CONTENT or not (bare or any(ch in rest for ch in "。，,")):
        return None
    if (_SPLIT_WORDS.search(rest[:SPLIT_REACH]) or _SPACED_FIGURE.match(rest)
            or m.group(1)[-1] in "、的和与及或并在对把将由"):
        return None  # a converter's blanks inside the sentence: the first one separates nothing
    return Heading(para.start, "runin", None, "", None, m.group(1), m.end(1), para.line.index,
                   para.start == para.line.start, evidence="runin")


def label_series(text: str, paras: list[Paragraph | None], lead_score: LeadScore | None = None) -> list[Heading]:
    """Label sentences opening paragraphs of one stretch of text. ``None`` entries
    (headings, numbered lines) end a series; up to ``MAX_GAP`` other paragraphs may
    stand between two members (a label's content can run over several paragraphs).

    A label of two clauses (``强化责任落实,提升服务质量。``) could as well be the first
    sentence of plain prose, so a series with such labels needs three members and the
    classifier's consent; without the model only one-clause labels make a series (two-clause
    leads built in parallel are found by :mod:`gongwen.structure.parallel`)."""
    out: list[Heading] = []
    run: list[Heading] = []
    gap = 0

    def close() -> None:
        two = [r for r in run if "，" in r.title or "," in r.title]
        if two and len(two) < len(run):  # siblings look alike: the odd ones are prose
            run[:] = [r for r in run if r not in two] if len(two) * 2 < len(run) else two
        suffix = os.path.commonprefix([r.title[::-1] for r in run])
        clauses = any("，" in r.title or "," in r.title for r in run)
        if clauses and (len(run) < 3 or lead_score is None
                        or sum(lead_score([r.title for r in run])) < 0.5 * len(run)):
            run.clear()
            return
        if len(run) >= 3 or (len(run) == 2 and len(suffix) >= 2):
            out.extend(run)
        run.clear()

    for p in paras:
        h = None
        if p is not None:
            m = _LABEL_SENTENCE.match(text, p.start, p.end) or _LEAD_SENTENCE.match(text, p.start, p.end)
            if m and _first_is_text(m.group(1)) and p.end - m.end() >= MIN_CONTENT:
                h = Heading(p.start, "series", None, "", None, m.group(1), m.end(1), p.line.index,
                            p.start == p.line.start, evidence="series")
        if h is not None:
            run.append(h)
            gap = 0
        elif p is None or gap >= MAX_GAP:
            close()
            gap = 0
        elif run:
            gap += 1
    close()
    return out


#: A label sentence run in after a sentence end is this short (``组织协调能力。``), as one
#: opening a paragraph is (:data:`_LABEL_SENTENCE`).
RUN_LABEL_MAX = 16
#: Labels run in after sentence ends are siblings when they share an ending this long
#: (``…能力。`` / ``…能力。``, ``…机制。`` / ``…机制。``).
RUN_LABEL_SUFFIX = 2
#: Labels with different endings are siblings when at least this many of a line (as three
#: label paragraphs in a row are, :func:`label_series`) each get the classifier's
#: P(heading) this high.
RUN_LABELS_UNLIKE, RUN_LABEL_SCORE = 3, 0.6
_AFTER_STOP = re.compile(r"(?<=[。！？!?])[ \u3000]*(?=\S)")
_BLANKS = re.compile(r"[ \u3000]*")


def run_label_sentences(text: str, lines: Sequence[Line], found: Sequence[Heading],
                        lead_score: LeadScore | None = None) -> list[Heading]:
    """Label sentences that opened paragraphs of their own before the text's line breaks
    were lost (``…练就过硬本领。勤学善思能力。学习是…``): each now follows the sentence
    before it. One short sentence there is as likely prose, so a label must share its
    ending with another one of its line (``…能力。`` twice, ``…机制。`` twice): siblings
    under one heading, as :func:`label_series` wants them in a row of paragraphs. The
    first may follow its parent's run-in title instead (``…工作机制 村居干部…机制。``).
    Labels with different endings (``…稳步发展壮大。`` / ``…持续夯实巩固。``) are siblings
    when the classifier takes each of at least three of them on the line for a heading.
    ``lines``: the lines that hold several paragraphs run together; ``found``: the
    headings found so far."""
    taken = {h.start for h in found}
    out: list[Heading] = []
    for line in lines:
        starts = [m.end() for m in _AFTER_STOP.finditer(text, line.start + 1, line.end)]
        starts += [m.end() for h in found if line.start < h.title_end < line.end
                   for m in [_BLANKS.match(text, h.title_end)] if m.end() > h.title_end]
        groups: dict[str, list[Heading]] = {}
        for at in sorted(set(starts) - taken):
            s = _LABEL_SENTENCE.match(text, at, line.end)
            if (s is None or not RUN_LABEL_SUFFIX < len(s.group(1)) <= RUN_LABEL_MAX
                    or line.end - s.end() < MIN_CONTENT):
                continue
            title = s.group(1)
            if (not _first_is_text(title) or _salutation(title) or not_a_title(title)
                    or match_marker(text, at, True) is not None):
                continue  # (a numbered sentence, ``一是政策公开。``, is the numbered rules' to judge)
            groups.setdefault(title[-RUN_LABEL_SUFFIX:], []).append(
                Heading(at, "series", None, "", None, title, s.end(1), line.index, False, evidence="series"))
        alike = [h for group in groups.values() if len({h.title for h in group}) >= 2 for h in group]
        out.extend(alike)
        rest = [h for group in groups.values() for h in group if h not in alike]
        if lead_score is not None and len({h.title for h in rest}) >= RUN_LABELS_UNLIKE:
            sure = [h for h, p in zip(rest, lead_score([h.title for h in rest]), strict=True) if p >= RUN_LABEL_SCORE]
            if len({h.title for h in sure}) >= RUN_LABELS_UNLIKE:
                out.extend(sure)
    return sorted(out, key=lambda h: h.start)
