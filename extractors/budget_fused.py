"""Cells of a table row whose cells ran together: a .docx table copied as text, one row a
line, nothing between its cells (``产出指标数量指标养护里程≥300公里计划标准``).

Such a row cannot be cut at separators; it is cut by what its cells hold, against the
columns of its own table:

* **the header line** is the one line that tiles into vocabulary labels
  (``budget_headers.tsv``) with almost nothing left over: ``一级指标二级指标三级指标
  指标值`` is four columns with their roles; a line of grade names under it (``优良中差``)
  is the grade row of a spanning ``评价标准``;
* **each row under it** is split into at most that many cells by a dynamic program
  that places the cells under the columns in order, maximizing how well each cell fits
  its column's role (an indicator category under 一级指标, a bare amount under 预算数,
  short words or numbers under grades, sentences under 内容/目标, names of a few words
  under 项目/指标) plus how likely each cut is: the edges of numbers, categories and
  values that repeat down a column are cuts the text itself shows, and so, more weakly,
  are the words that open a column's sentences or end its names in the rows an amount
  bounds; a cut between two
  words inside a run of words is scored by the punctuation model
  (:mod:`gongwen.normalize.punctuation`), which knows where a clause ends and a new one
  begins (``…履职能力|干部培训完成率``).

Written by hand: the segmentation is a small monotone assignment over a few dozen cut
points and a few columns, which no kept library offers. Every row cut this way is a
guess; the caller says so in the document's warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gongwen import lexicon
from gongwen.extractors.budget_align import is_category
from gongwen.extractors.budget_header import HERE, ExactLabels, Label, classify_exact, money_units
from gongwen.tokenize import cut

#: Measure words and units, shared with the figures extractor.
UNITS = HERE / "figures" / "units.tsv"
ROWS = HERE / "budget_rows.txt"
#: Words that bound a figure (不少于, 超过), shared with the figures extractor.
COMPARATORS = HERE / "figures" / "comparators.tsv"
#: The longest header label tried when a header line is tiled.
MAX_LABEL = 20
#: A header line tiles into at least this many labels …
MIN_HEADER_LABELS = 3
#: … leaving at most this share of its characters outside any label.
MAX_UNKNOWN_SHARE = 0.15
#: … and no longer than this: no form has more than a couple of dozen columns of at most
#: :data:`MAX_LABEL` characters (the longest header line of the real tables in ../shared is
#: under 90). A longer line is prose or rows run together, and tiling it cost most of the
#: time on a text whose line breaks were lost.
MAX_HEADER_CHARS = 24 * MAX_LABEL
#: The longest name (activity, indicator) that fits its column fully.
NAME_CHARS = 25
#: Names shorter than this are rarely whole (完成率 is the tail of one).
SHORT_NAME = 4
#: Sentences (a description, a goal) are at least this long.
SENTENCE_CHARS = 10
#: Costs of leaving columns out: before the first cell (merged from above), between cells,
#: after the last (an empty cell); as in :mod:`gongwen.extractors.budget_align`.
LEAD_COST, INNER_COST, TRAIL_COST = 0.2, 0.6, 0.1
#: Every cell costs this: a cut must be worth more than a cell merely fitting its column.
CELL_COST = 0.3
#: How much better a cell fits a column where other rows of its table hold the same text.
SEEN_BONUS = 1.5
#: A cell spanning a cut the row shows for certain (a repeated target word) costs this.
SPAN_COST = 5.0
#: A cut near a row's start before a duty verb costs this much less: a name, then what it does.
VERB_BONUS = 0.5
#: A cut after a word that ends the column's names in other rows costs this (more than a
#: sentence start's cut: where both stand, the sentence's start is the surer sign).
ENDS_CUT_COST = 0.4
#: A cut before a word that opens the column's sentences in other rows costs this.
STARTS_CUT_COST = 0.2
#: A cut between two words costs this, less what the punctuation model says for it.
WORD_CUT_COST = 0.8
#: An indicator row whose targets follow no name: the name must be in the words before.
NAMELESS_COST = 3.0
#: The name column a column's cell belongs to.
_NAMED_BY = {"grade": "indicator", "value": "indicator", "description": "activity", "goal": "activity"}
#: A cut after a clause mark costs this: cells end there, and so do clauses inside a cell.
CLAUSE_CUT_COST = 0.8
#: How much the model's boundary score (a log-odds) counts for a cut between words.
MODEL_WEIGHT = 0.5
#: The marks of the model's labels that end a clause (a cell's edge is one); `、` and brackets do not.
CLAUSE_LABEL_MARKS = "，。；：！？"
#: Cuts between words scored below this by the model are not tried at all.
MODEL_FLOOR = -4.0
#: A value that ends this many rows of the table is a cell of its own (``计划标准``).
REPEATED_ROWS = 3
#: The longest repeated word before a number read as a cell of its own.
HEAD_CHARS = 4
#: Explanation cues this close after another belong to the same explanation.
EXPLAIN_CHARS = 8
#: Clause and sentence marks: a name holds none, a cut after one is free.
_CLAUSE = re.compile(r"[；;。！？]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: Marks that go on the words before them.
_LEADING_MARK = re.compile(r"[，,；;。、！？：]")
#: Marks after which the words go on: a cell does not end on one.
_OPEN_END = re.compile(r"[，,、：]$")
#: Words a number's cell goes on with: ``95%以上``, ``±3%以内``, ``70%及以上``.
_QUALIFIERS = ("及以上", "及以下", "以上", "以下", "以内", "左右", "内")


@dataclass(frozen=True)
class Column:
    role: str | None
    text: str


@cache
def _number() -> re.Pattern[str]:
    """A number as a cell writes it: a comparator, digits (a range, a date), its unit, a
    ``/年`` rate and a qualifier (``以上``); units are the figures' count, percent and money
    units (the budget's money units too) and Latin unit letters (``80M``)."""
    units = sorted({*(r[0] for r in lexicon.rows(UNITS) if len(r) > 1 and r[1] in ("count", "percent", "money", "duration")
                      and "hanzi" not in (r[2] if len(r) > 2 else "")), *money_units()}, key=len, reverse=True)
    alt = "|".join(re.escape(u) for u in units)
    qual = "|".join(_QUALIFIERS)
    one = rf"[≥≤><=±＞＜≧≦]?\d[\d,.]*(?:[%‰]|[万亿千]?(?:{alt})|[万亿]|[A-Za-z]{{1,3}}(?![A-Za-z]))?"
    return re.compile(rf"{one}(?:[-—~～]{one})?(?:/[\u4e00-\u9fff])?(?:{qual})?")


@cache
def _explain() -> tuple[str, ...]:
    return tuple(lexicon.of_kind(ROWS, "explain"))


# --- the header line ------------------------------------------------------------------


def tile_header(text: str) -> list[tuple[int, int, Label]] | None:
    """The labels a header line is made of, as ``(start, end, label)`` spans, or None when
    the line is no header (fewer than three labels, words outside any label, or longer than
    any form's header line).

    A dynamic program covers the line with exact vocabulary labels (an aside in brackets
    and an asterisk belong to the label: ``*指标值(或计划水平)``), leaving as few
    characters uncovered as it can and, among equal covers, using the fewest labels (so
    ``年度预算数`` stays one label, not ``年度`` + ``预算数``).
    """
    n = len(text)
    if n == 0 or n > MAX_HEADER_CHARS:
        return None
    inf = (10**9, 10**9, 10**9)
    # (uncovered chars, labels, labels opening with a bracket) for text[:i]: an aside in
    # brackets belongs to the label before it (指标值(或计划水平)), not to the one after
    best: list[tuple[int, int, int]] = [inf] * (n + 1)
    back: list[tuple[int, Label | None]] = [(-1, None)] * (n + 1)
    best[0] = (0, 0, 0)
    allowed = MAX_UNKNOWN_SHARE * len("".join(text.split()))
    labels = ExactLabels(text)
    ahead: list[int] = []  # positions after i that a label from before i reaches
    for i in range(n):
        # every cover of the line passes i or a position after it that a label from before i
        # reaches, and what a cover leaves uncovered only grows: once each of those positions
        # leaves more than a header may, the line is no header (a line of prose is given up
        # after a few of its characters, where tiling it whole made long texts slow)
        ahead = [q for q in ahead if q > i]
        if min(best[q][0] for q in [i, *ahead]) > allowed:
            return None
        if best[i] == inf:
            continue
        skip = (best[i][0] + (0 if text[i].isspace() else 1), best[i][1], best[i][2])
        if skip < best[i + 1]:
            best[i + 1], back[i + 1] = skip, (i, None)
        if not labels.opens(i):
            continue
        for j in range(i + 2, min(n, i + MAX_LABEL) + 1):
            label = labels.at(i, j)
            if label is None or label.role == "other_period":
                continue  # 中期, 上年: words that qualify a label, no column of their own
            cand = (best[i][0], best[i][1] + 1, best[i][2] + (text[i] in "（("))
            if cand < best[j]:
                best[j], back[j] = cand, (i, label)
                ahead.append(j)
    spans: list[tuple[int, int, Label]] = []
    j = n
    while j > 0:
        i, label = back[j]
        if label is not None:
            spans.append((i, j, label))
        j = i
    spans.reverse()
    if len(spans) < MIN_HEADER_LABELS or best[n][0] > allowed:
        return None
    return spans


def tile_grades(text: str) -> list[tuple[int, int, Label]] | None:
    """A line made only of grade names (``优良中差``, ``优秀良好合格``): the grade row under a
    spanning ``评价标准``; single characters are labels here, as nowhere else."""
    spans: list[tuple[int, int, Label]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        for j in range(min(n, i + 4), i, -1):
            label = classify_exact(text[i:j])
            if label is not None and label.role == "grade":
                spans.append((i, j, label))
                i = j
                break
        else:
            return None
    return spans if len(spans) >= 2 else None


# --- the rows under it ----------------------------------------------------------------


def repeated_tails(lines: list[str]) -> set[str]:
    """Words that end :data:`REPEATED_ROWS` or more of the rows (and a third of them): the
    value of a column that repeats down the table (``计划标准``, ``未达指标值酌情扣分``).

    The longest such tail wins; a tail must be words (Han characters) with more before it.
    """
    counts: dict[str, int] = {}
    for line in lines:
        run = re.search(r"[\u4e00-\u9fff]+$", line)
        if not run:
            continue
        word = run.group()
        for k in range(2, min(len(word), 16) + 1):
            if len(line) > k:
                counts[word[-k:]] = counts.get(word[-k:], 0) + 1
    need = max(REPEATED_ROWS, len(lines) / 3)
    out: set[str] = set()
    for tail, count in counts.items():
        # the longest tail the same rows end with: one more character would lose some
        if len(tail) == 2 and count >= need:
            longest = tail
            for line in lines:
                if line.endswith(tail):
                    run = re.search(r"[\u4e00-\u9fff]+$", line)
                    word = run.group() if run else ""
                    for k in range(len(longest) + 1, len(word) + 1):
                        if len(line) > k and word[-k:].endswith(longest) and counts.get(word[-k:], 0) == count:
                            longest = word[-k:]
            out.add(longest)
    return out


def repeated_heads(lines: list[str]) -> set[str]:
    """Short words that stand right before a number in :data:`REPEATED_ROWS` or more rows
    (``定量`` before ``28.8万元``): a column's value repeating down the table."""
    rows: dict[str, int] = {}
    for line in lines:
        seen: set[str] = set()
        for m in _number().finditer(line):
            run = re.search(r"[\u4e00-\u9fff]+$", line[:m.start()])
            if not run:
                continue
            word = run.group()
            seen.update(word[-k:] for k in range(2, min(len(word) - 1, HEAD_CHARS) + 1))
        for word in seen:
            rows[word] = rows.get(word, 0) + 1
    need = max(REPEATED_ROWS, len(lines) / 3)
    found = {w for w, c in rows.items() if c >= need}
    # the longest of words the same rows share (安排金额定量 and 定量: 定量 when more rows have it)
    return {w for w in found if not any(o != w and o.endswith(w) and rows[o] == rows[w] for o in found)}


#: A target in words around a number: ``参训率90%``, ``不少于50人``, ``故障次数3次以上``.
def _holds_target(text: str) -> bool:
    """Whether words hold a target (a percentage, a comparator and a number): a name or a
    sentence that ran into the targets after it."""
    return any(re.search(r"[%‰≥≤><＞＜]", m.group()) for m in _number().finditer(text))


def _fit(role: str | None, text: str) -> float:
    """How well ``text`` fits a column of ``role``: what the role's cells hold."""
    n = len(text)
    if _LEADING_MARK.match(text) or _OPEN_END.search(text):
        return -3.0  # a cell neither opens with a clause's mark nor ends on a comma: ＜4项，＞2项 is one
    numeric = bool(_number().fullmatch(text))
    if not numeric and len(_HAN.findall(_number().sub("", text))) < 2 <= n and role not in ("grade", "value"):
        return -2.0  # numbers with hardly a word: no name, no sentence
    group = is_category(text)
    clause = bool(_CLAUSE.search(text))
    if role is None:
        return 0.0
    if role == "indicator_group":
        return 2.0 if group else -2.0
    if role in ("activity", "indicator"):
        if numeric:
            return -3.0
        if group:
            return 0.0 if role == "indicator" else -1.0
        if _holds_target(text) or re.search(rf"(?:{_number().pattern})$", text):
            return -1.5  # a name holding or ending in a target (完成率100%, 参训率90%参训率) runs into the next cell
        score = 1.0 - (2.0 if clause else 0.0) - 0.15 * max(0, n - NAME_CHARS)
        return score if n >= SHORT_NAME else -0.5
    if role in ("description", "goal"):
        if numeric or group:
            return -2.0
        if _holds_target(text):
            return -1.5
        return 1.0 if n >= SENTENCE_CHARS else -0.5
    if role == "amount":
        return 2.0 if numeric and re.fullmatch(r"[\d,.]+", text) else -3.0
    if role == "serial":
        return 2.0 if re.fullmatch(r"\d{1,3}", text) else -2.0
    if role in ("grade", "value"):
        if group or not re.search(r"[\w\u4e00-\u9fff]", text):
            return -2.0  # a category, or marks alone (the `，` between 大于4项，小于2项) are no target
        if numeric:
            return 1.5  # 95%以上, 8000-9999分钟
        if n <= 8:
            return 1.0
        if role == "grade":
            return -1.0 if n <= NAME_CHARS and not clause else -3.0  # a target is a few words
        return 0.5 if not clause else 0.0
    return 0.0


def _cuts(text: str, tails: set[str], heads: set[str], model_scores: list[float] | None,
          hard: set[int] | None = None) -> dict[int, float]:
    """Where ``text`` may be cut, and what each cut costs (0 for a cut the text shows);
    ``hard`` gets the cuts no cell may span (a target's repeated word opens its cell)."""
    hard = set() if hard is None else hard
    n = len(text)
    cuts: dict[int, float] = {0: 0.0, n: 0.0}
    blocked = [False] * (n + 1)

    def free(i: int) -> None:
        if 0 < i < n and not blocked[i]:
            cuts[i] = 0.0

    for m in _number().finditer(text):
        for k in range(m.start() + 1, m.end()):
            blocked[k] = True
        free(m.start())
        free(m.end())
    for m in re.finditer(r"[（(][^（()）]{0,20}[)）]", text):
        for k in range(m.start() + 1, m.end()):
            blocked[k] = True
        free(m.end())
    for i in range(1, n):
        if _CLAUSE.match(text[i - 1]) and not blocked[i]:
            cuts[i] = CLAUSE_CUT_COST  # a sentence may go on after its ；
    explain = sorted(m.start() for w in _explain() for m in re.finditer(re.escape(w), text))
    for k, at in enumerate(explain):
        if k == 0 or at - explain[k - 1] > EXPLAIN_CHARS:
            free(at)  # 该指标主要考察…: one explanation, cut before its first cue only
    for word in heads:
        for m in re.finditer(re.escape(word), text):
            free(m.start())
            free(m.end())
    for at in _row_repeats(text):
        free(at)
        hard.add(at)
        word_end = next(m.start() for m in _number().finditer(text, at))
        cuts.pop(word_end, None)  # the word and its number are one target: 参训率|90% is no cut
        blocked[word_end] = True
    for tail in tails:
        if text.endswith(tail) and len(text) > len(tail):
            cuts.pop(n - len(tail), None)
            free(n - len(tail))
    for m in _categories().finditer(text):
        inner = re.search(r"(?:^|(?<=[^\u4e00-\u9fff]))[\u4e00-\u9fff]{1,6}[（(][^（()）]{1,12}[)）]$", text[:m.start()])
        if inner and inner.start() >= max([c for c in cuts if c < m.start() and cuts[c] == 0.0] + [0]):
            # a category with an aside inside it (预算(或投资规模)控制指标) is one cell
            cuts.pop(m.start(), None)
            blocked[m.start()] = True
            free(inner.start())
        else:
            free(m.start())
        end = m.end()
        aside = re.match(r"[（(][^（()）]{0,20}[)）]", text[end:])
        free(end + (aside.end() if aside else 0))
    if model_scores is not None:
        verbs = _duty_verbs()
        inside = _inside_words(text)
        for i in range(1, n):
            if i in cuts or blocked[i] or i in inside or not (_HAN.match(text[i - 1]) and _HAN.match(text[i])):
                continue
            if model_scores[i] >= MODEL_FLOOR:
                cuts[i] = WORD_CUT_COST - MODEL_WEIGHT * model_scores[i]
                if i <= NAME_CHARS and text.startswith(verbs, i):
                    # a row's name is followed by what it does: 组织事务管理|负责…, 干部管理|做好…
                    cuts[i] -= VERB_BONUS
    return cuts


def _inside_words(text: str) -> set[int]:
    """The gaps of ``text`` inside a dictionary word (``实绩|突出`` is none, ``突|出`` is): the
    model reads a clause's end from the few characters about a gap and may score one inside a
    word high, but a cell's edge never parts a word."""
    inside: set[int] = set()
    at = 0
    for word in cut(text, hmm=False):
        inside.update(range(at + 1, at + len(word)))
        at += len(word)
    return inside


def _row_repeats(text: str) -> list[int]:
    """Where a word opens a target that repeats it between the row's numbers (``…完成率参训率100%
    参训率90%参训率80%``, ``不少于70人不少于50人``): the grades of one indicator say their words
    each time, so each grade starts at the word, the first one too (after the name)."""
    whole: dict[str, int] = {}
    befores: list[tuple[int, str]] = []
    after = -1  # the end of the number before (its unit and 以上 are part of it)
    for m in _number().finditer(text):
        run = re.search(r"[\u4e00-\u9fff]+$", text[max(after, 0):m.start()])
        if run:
            befores.append((m.start(), run.group()))
            word = run.group()
            bound = next((w for w in _comparator_words() if word.endswith(w) and len(word) > len(w)), "")
            if bound:  # 故障次数少于3次: the repeated word may stand before the comparator's word
                befores.append((m.start() - len(bound), word[:-len(bound)]))
            if after >= 0 and run.start() == 0 and len(run.group()) <= HEAD_CHARS + 1:
                whole[run.group()] = whole.get(run.group(), 0) + 1  # all the words between two targets
        after = m.end()
    words = sorted((w for w, c in whole.items() if c >= 2), key=len, reverse=True)
    return [at - len(w) for at, run in befores for w in words[:1] if run.endswith(w)]


@cache
def _comparator_words() -> tuple[str, ...]:
    """Words that bound a target's number from before it (少于, 不低于), longest first: the
    figures' comparator table."""
    rows = lexicon.rows(COMPARATORS)
    return tuple(sorted({r[0] for r in rows if len(r) > 1 and r[1] == "before" and _HAN.match(r[0])},
                        key=lambda w: (-len(w), w)))


@cache
def _duty_verbs() -> tuple[str, ...]:
    from gongwen.words import duty_verbs

    return tuple(duty_verbs())


@cache
def _categories() -> re.Pattern[str]:
    from gongwen.extractors.budget_header import vocabulary

    words = sorted((w for w, lab in vocabulary().items() if lab.role == "category"), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def boundary_scores(text: str) -> list[float] | None:
    """Per gap of ``text``, the punctuation model's log-odds that a clause ends there, or
    None when the model is missing."""
    from gongwen.normalize.punctuation import load_model, scores

    model = load_model()
    if model is None:
        return None
    s = scores(text, model)
    # a cell ends where a clause ends; an enumeration's `、` or a bracket parts the words of
    # one phrase (`文化、广场`), so those labels say nothing about a cell's edge
    clause = [k for k, label in enumerate(model["labels"]) if label and set(label) & set(CLAUSE_LABEL_MARKS)]
    return (s[:, clause].max(axis=1) - s[:, 0]).tolist()


def segment(text: str, columns: list[Column], tails: set[str] = frozenset(),
            heads: set[str] = frozenset(), seen: list[set[str]] | None = None,
            starts: set[str] = frozenset(), ends: set[str] = frozenset()) -> list[tuple[int, int] | None]:
    """The cells of the fused row ``text`` under ``columns``: per column the ``(start, end)``
    of its cell in ``text``, or None where the row leaves it empty.

    The dynamic program runs over the allowed cuts (:func:`_cuts`) and the columns: a cell
    from one cut to a later one is placed under a column after the previous cell's, and
    the placement maximizing the fits of the cells, less the costs of the cuts and of the
    columns left out, wins.
    """
    n, m = len(text), len(columns)
    hard: set[int] = set()
    cuts = _cuts(text, tails, heads, boundary_scores(text), hard)
    for known in {t for col in seen or [] for t in col if len(t) >= 3}:
        for hit in re.finditer(re.escape(known), text):
            for k in range(hit.start() + 1, hit.end()):
                cuts.pop(k, None)  # a text the table's other rows hold whole is not cut apart
    for word in starts:
        for hit in re.finditer(re.escape(word), text):
            if 0 < hit.start() and _HAN.match(text[hit.start() - 1]):
                cuts[hit.start()] = min(cuts.get(hit.start(), STARTS_CUT_COST), STARTS_CUT_COST)
    # the last end word before the row's first clause (a name holds none, and one name may hold
    # the word twice: 县委管理干部管理)
    clause = re.search(r"[；;。！？，,、]", text)
    region = text[:min(NAME_CHARS + 2, clause.start() if clause else n)]
    ats = [hit.end() for word in ends for hit in re.finditer(re.escape(word), region)]
    ats = [at for at in ats if at < n and _HAN.match(text[at]) and not any(a < at < b for a, b in _spans_kept(text))]
    if ats:
        cuts[max(ats)] = min(cuts.get(max(ats), ENDS_CUT_COST), ENDS_CUT_COST)
    points = sorted(cuts)
    index = {p: k for k, p in enumerate(points)}
    neg = float("-inf")
    # best[k][j]: the best score of text[:points[k]] with its last cell under column j
    best = [[neg] * m for _ in points]
    back: list[list[tuple[int, int] | None]] = [[None] * m for _ in points]
    fits: dict[tuple[int, int, int], float] = {}
    reach_from: list[list[int]] = [[-1] * m]

    def fit(a: int, b: int, j: int) -> float:
        key = (a, b, j)
        if key not in fits:
            cell = text[points[a]:points[b]].strip()
            fits[key] = _fit(columns[j].role, cell) - CELL_COST
            if any(points[a] < h < points[b] for h in hard):
                fits[key] -= SPAN_COST
            if seen is not None and not (columns[j].role in ("grade", "value") and _number().fullmatch(cell)):
                # a number target is placed by its order among the grades, which differs row by
                # row (90%以上 is one row's 优 and another's 中): no column evidence for it
                if cell in seen[j]:
                    fits[key] += SEEN_BONUS  # the table's other rows hold it in this column
                elif any(cell in other for other in seen):
                    fits[key] -= SEEN_BONUS
        return fits[key]

    # reach[a][j]: the best score of text[:points[a]] ending under a column before j, less
    # the cost of the columns left out between (computed once row a is final)
    reach = [[neg] * m for _ in points]
    def skipped(i: int, j: int) -> float:
        """What leaving out the columns between ``i`` and ``j`` costs: a target with the
        indicator's name column left out before it, or a description or goal with the
        activity's, names nothing (a row continuing the one above leaves both out)."""
        left = {columns[k].role for k in range(i + 1, j)}
        needs = _NAMED_BY.get(columns[j].role or "")
        return NAMELESS_COST if needs is not None and needs in left else 0.0

    for b in range(1, len(points)):
        cost = cuts[points[b]] if points[b] < n else 0.0
        for j in range(m):
            start = fit(0, b, j) - LEAD_COST * j - cost - skipped(-1, j)
            if start > best[b][j]:
                best[b][j], back[b][j] = start, None
            for a in range(1, b):
                prev = reach[a][j]
                if prev == neg:
                    continue
                s = prev + fit(a, b, j) - cost
                if s > best[b][j]:
                    best[b][j], back[b][j] = s, (a, reach_from[a][j])
        reach_from_b = [-1] * m
        for j in range(1, m):
            for i in range(j):
                s = best[b][i] - INNER_COST * (j - i - 1) - skipped(i, j)
                if s > reach[b][j]:
                    reach[b][j], reach_from_b[j] = s, i
        reach_from.append(reach_from_b)
    last = index[n]
    end = max(range(m), key=lambda j: best[last][j] - TRAIL_COST * (m - 1 - j))
    out: list[tuple[int, int] | None] = [None] * m
    b, j = last, end
    while True:
        prev = back[b][j]
        a = prev[0] if prev else 0
        out[j] = (points[a], points[b])
        if prev is None:
            break
        b, j = prev
    return out


# --- a table's lines ------------------------------------------------------------------

#: Separators of a line that has some (a line with them is no fused row).
_GAP = re.compile(r"\S[ \u3000\u00a0\t|]+\S")


def _header_columns(text: str, spans: list[tuple[int, int, Label]]) -> list[Column]:
    return [Column("grade" if label.role == "grade_group" else label.role, text[a:b]) for a, b, label in spans]


def column_evidence(rows: list[str], placed: list[list[tuple[int, int] | None]], width: int) -> list[set[str]]:
    """Per column, the short texts two or more rows hold in it (``定量`` under 指标值类型): a
    second reading places a row's copy of such a text under the same column, as the table's
    own evidence outweighs the header's role."""
    counts: list[dict[str, int]] = [{} for _ in range(width)]
    for row, cells in zip(rows, placed, strict=True):
        for j, p in enumerate(cells):
            if p and 0 < p[1] - p[0] <= SEEN_CHARS:
                t = row[p[0]:p[1]].strip()
                counts[j][t] = counts[j].get(t, 0) + 1
    return [{t for t, c in col.items() if c >= 2} for col in counts]


def sentence_starts(rows: list[str], placed: list[list[tuple[int, int] | None]], columns: list[Column]) -> set[str]:
    """The words (two characters) that open the sentences of a description or goal column
    in two or more rows where a number (the amount) ends the cell before: a column's cells
    start alike (``负责…``), so the same word in a row with no amount opens its sentence."""
    counts: dict[str, int] = {}
    for row, cells in zip(rows, placed, strict=True):
        prev: tuple[int, int] | None = None
        for j, p in enumerate(cells):
            if p is None:
                continue
            if (columns[j].role in ("description", "goal") and prev is not None
                    and _number().fullmatch(row[prev[0]:prev[1]].strip()) and p[1] - p[0] >= 2):
                word = row[p[0]:p[0] + 2]
                counts[word] = counts.get(word, 0) + 1
            prev = p
    return {w for w, c in counts.items() if c >= 2 and _HAN.match(w[0])}


def name_ends(rows: list[str], placed: list[list[tuple[int, int] | None]], columns: list[Column]) -> set[str]:
    """The words (two characters) that end the activity names of two or more rows where a
    number (the amount) follows the name: a column's names end alike (``…管理``), so the
    same word near the start of a row with no amount may end its name, however the text
    runs on after it (``综合事务管理|组织史资料征编；…``)."""
    counts: dict[str, int] = {}
    for row, cells in zip(rows, placed, strict=True):
        filled = [(j, p) for j, p in enumerate(cells) if p is not None]
        for (j, p), (_, q) in zip(filled, filled[1:], strict=False):
            if (columns[j].role == "activity" and p[1] - p[0] >= 4 and _number().fullmatch(row[q[0]:q[1]].strip())):
                word = row[p[1] - 2:p[1]]
                counts[word] = counts.get(word, 0) + 1
    return {w for w, c in counts.items() if c >= 2 and _HAN.fullmatch(w[0]) and _HAN.fullmatch(w[1])}


def _spans_kept(text: str) -> list[tuple[int, int]]:
    """Numbers and asides in brackets of ``text``, which no cut enters."""
    return [m.span() for m in _number().finditer(text)] + [
        m.span() for m in re.finditer(r"[（(][^（()）]{0,20}[)）]", text)]


#: Texts longer than this are names and sentences, which do not repeat down a column.
SEEN_CHARS = 12


def _fused_next(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Whether the line after ``lines[k]`` (past a grade line) is a row with no separators."""
    for a, b in lines[k + 1:k + 3]:
        row = text[a:b].strip()
        if row and tile_grades(row) is None:
            return not _GAP.search(row)
    return False


def fused_tables(text: str, lines: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    """The cells of the lines of ``text`` that are rows of a table with no separators: per
    line index, the ``(start, end)`` of each cell in ``text`` (an empty span where the row
    leaves a column empty), the header line and its grade line included.

    A block starts at a header line (:func:`tile_header`) and takes the lines after it
    that have no separators of their own, up to a blank line, a line with spaces or bars
    between words, or the next header line.
    """
    out: dict[int, list[tuple[int, int]]] = {}
    k = 0
    while k < len(lines):
        a, b = lines[k]
        line = text[a:b]
        spans = tile_header(line.strip()) if line.strip() else None
        gaps = len(_GAP.findall(line.strip()))
        if spans is not None and gaps and (gaps > 1 or not _fused_next(text, lines, k)):
            # a header with a space (a label wrapped in its cell: 本年度 绩效指标) heads a fused
            # table only when fused rows follow it; one with more is a space-aligned row
            spans = None
        if spans is None:
            k += 1
            continue
        lead = len(line) - len(line.lstrip())
        out[k] = [(a + lead + s, a + lead + e) for s, e, _ in spans]
        columns = _header_columns(line.strip(), spans)
        k += 1
        if k < len(lines) and (grades := tile_grades(text[lines[k][0]:lines[k][1]].strip())):
            g = next((i for i, c in enumerate(columns) if c.role == "grade"), None)
            if g is not None:
                a2 = lines[k][0] + len(text[lines[k][0]:lines[k][1]]) - len(text[lines[k][0]:lines[k][1]].lstrip())
                out[k] = [(a2 + s, a2 + e) for s, e, _ in grades]
                columns[g:g + 1] = [Column("grade", lab.key or "") for _, _, lab in grades]
                k += 1
        body: list[int] = []
        while k < len(lines):
            row = text[lines[k][0]:lines[k][1]].strip()
            if not row or _GAP.search(row) or tile_header(row) is not None:
                break
            body.append(k)
            k += 1
        rows = [text[lines[i][0]:lines[i][1]].strip() for i in body]
        tails, heads = repeated_tails(rows), repeated_heads(rows)
        first = [segment(row, columns, tails, heads) for row in rows]
        seen = column_evidence(rows, first, len(columns))
        starts = sentence_starts(rows, first, columns)
        ends = name_ends(rows, first, columns)
        for i, row in zip(body, rows, strict=True):
            lo = lines[i][0] + text[lines[i][0]:lines[i][1]].index(row)
            placed = segment(row, columns, tails, heads, seen, starts, ends)
            out[i] = [(lo + p[0], lo + p[1]) if p else (-1, -1) for p in placed]
    return out


#: How much of a text is searched for a fused header line (a table shows in its first pages).
HEADER_SEARCH_CHARS = 20000
#: A header line is at most this long.
MAX_HEADER_LINE = 160


def has_fused_table(text: str) -> bool:
    """Whether ``text`` holds a table whose cell separators were lost: a line that tiles
    into column labels (:func:`tile_header`), naming at least one column of a grid (not
    only form labels). The genre classifier reads it as a table the tables stage missed."""
    for line in text[:HEADER_SEARCH_CHARS].split("\n"):
        line = line.strip()
        if not 8 <= len(line) <= MAX_HEADER_LINE or not any(
                classify_exact(line[:k]) is not None for k in range(2, min(len(line), MAX_LABEL) + 1)):
            continue  # a header line opens with a label: a cheap look before the tiling
        spans = tile_header(line)
        if spans and any(label.role in _GRID_ROLES for _, _, label in spans):
            return True
    return False


#: Column roles only a grid has (a form's label/value rows have names and amounts too).
_GRID_ROLES = {"indicator", "indicator_group", "grade", "grade_group", "description", "goal"}
