"""Punctuation restoration: a text whose punctuation was stripped gets its marks back.

Some converters and sharing sites drop every punctuation mark (``一议事范围凡属全乡
的重大问题须经班子会议集体讨论决定``). Every later stage reads the marks — the
outline needs ``一、`` and ``（一）``, the duty and meeting extractors split items and
sentences at ``。`` and ``；`` — so such a text yields nothing. A human reader puts
the marks back from the words around each gap; so does this rule.

Two steps:

- **Detection** (:func:`unpunctuated_spans`): running text has about one clause or
  sentence mark per ten Han characters; a text (its prose lines, tables aside) with
  fewer than one per :data:`MAX_RATE`⁻¹ and at least :data:`MIN_HAN` Han characters,
  or a single line of :data:`LONG_RUN` Han characters without any mark, has lost its
  punctuation. Punctuated text is never touched.
- **Restoration** (:func:`restore`): a trained model scores, for every gap between
  two characters, which mark (or none) belongs there, from the characters on either
  side (1–3 each way and their pairs across the gap) and where the gap sits in its
  line (a line end is a strong boundary when the breaks survived). It is a
  multinomial logistic regression trained by :mod:`gongwen.normalize.train_punctuation`
  on real documents with their punctuation removed, shipped as JSON weights
  (``punctuation_model.json``) and applied here with numpy: one dict lookup per
  feature, one matrix sum per block of gaps, so the cost is linear in the text.
  A missing or stale model leaves the text as it is.

Every inserted mark is a guess, so the rule adds one warning naming how many it put in.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from gongwen import lexicon
from gongwen.counting import count_chars
from gongwen.normalize.edits import Edit
from gongwen.normalize.lines import is_cell, is_table_row

HERE = Path(__file__).resolve().parent
MODEL_PATH = HERE / "punctuation_model.json"
#: Bumped whenever :func:`gap_features` changes, so an old model is not applied to new features.
MODEL_FORMAT = "gongwen-punctuation/2"
#: How the one warning of a restoration starts.
RESTORED_NOTE = "punctuation:"
#: Marks a stripping converter drops (decimal points and percent signs stay with their figures).
STRIPPED = "，。、；：！？“”‘’「」『』《》〈〉（）【】〔〕…—·,;:!?\"'()[]"
#: The clause and sentence marks whose rate tells running text from stripped text.
_CLAUSE_MARKS = re.compile(r"[，。、；：！？,;:!?]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: A text with at least this many Han characters in prose lines …
MIN_HAN = 60
#: … and fewer clause marks than this per Han character has lost its punctuation
#: (running Chinese has about 0.1; the most list-like real documents stay above 0.02).
MAX_RATE = 0.008
#: … and its prose holds at least this share of its Han characters (a text that is mostly
#: tables, its prose a caption or a site's chrome, is no stripped text).
PROSE_SHARE = 0.3
#: A line this long (Han characters) without a single mark is a stripped block on its own.
LONG_RUN = 150
LONG_RUN_HAN_SHARE = 0.9
#: Gaps scored per numpy block (bounds memory on a long text).
BLOCK = 50_000
_DIGIT = re.compile(r"[0-9０-９]")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")


def _fold(text: str) -> str:
    """The text as the features see it: digits as ``0``, Latin letters as ``a``, spaces as ``_``."""
    return _LATIN.sub("a", _DIGIT.sub("0", text)).replace(" ", "_").replace("\u3000", "_")


#: Character templates: a feature's name is its template's letter and the characters at
#: these offsets from the gap (``-1`` the character before it, ``0`` the one after it).
CHAR_TEMPLATES: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("1", (-1,)), ("2", (-2, -1)), ("3", (-3, -2, -1)),
    ("4", (0,)), ("5", (0, 1)), ("6", (0, 1, 2)),
    ("7", (-1, 0)), ("8", (-2, -1, 0)), ("9", (-1, 0, 1)), ("A", (-2, -1, 0, 1)),
)
#: Position templates: the gap's distance to its line's start (S), end (E), both (Z), as
#: buckets, and (L) whether it ends (e), starts (s) or sits inside (m) the first, second or a
#: later line: a title line ends with no mark, an item line with one.
POSITION_TEMPLATES = ("S", "E", "Z", "L")
_LINE_NO = "012"
_LINE_PLACE = "esm"
_PAD = 3
#: Distances 0–4 exactly, then 5–8, 9–15, 16–29, 30 and more.
_BUCKETS = "01234" + "5" * 4 + "9" * 7 + "F" * 14 + "X"


def _bucket(n: int) -> str:
    return _BUCKETS[min(n, len(_BUCKETS) - 1)]


def _line_distances(text: str) -> tuple[list[int], list[int], list[int]]:
    """Per gap, how far it is from its line's start and from its line's end, and its line's number."""
    starts = [0] * (len(text) + 1)
    ends = [0] * (len(text) + 1)
    numbers = [0] * (len(text) + 1)
    pos = 0
    for no, line in enumerate(text.split("\n")):
        end = pos + len(line)
        for i in range(pos, end + 1):
            starts[i] = i - pos
            ends[i] = end - i
            numbers[i] = no
        pos = end + 1
    return starts, ends, numbers


def _line_feature(start: int, end: int, number: int) -> str:
    place = "e" if end == 0 else "s" if start == 0 else "m"
    return "L" + _LINE_NO[min(number, len(_LINE_NO) - 1)] + place


def gap_features(text: str) -> Iterator[list[str]]:
    """For every gap ``i`` of ``text`` (before character ``i``, ``0..len(text)``), its features.

    Characters left and right of the gap (``\\n`` is a character like any other, so a
    line start or end shows), their pairs across the gap, and the distance of the gap
    to its line's start and end. This is the features' definition, used in training;
    :func:`scores` computes the same features with numpy.
    """
    p = "^" * _PAD + _fold(text) + "$" * _PAD
    starts, ends, numbers = _line_distances(text)
    for i in range(len(text) + 1):
        c = i + _PAD
        feats = [name + "".join(p[c + k] for k in offs) for name, offs in CHAR_TEMPLATES]
        s, e = _bucket(starts[i]), _bucket(ends[i])
        feats += ["S" + s, "E" + e, "Z" + s + e, _line_feature(starts[i], ends[i], numbers[i])]
        yield feats


def strip_marks(text: str) -> tuple[str, list[str]]:
    """``text`` without the marks of :data:`STRIPPED`, and per gap of the result the marks
    that stood there (what training learns to put back)."""
    out: list[str] = []
    labels: list[str] = [""]
    for ch in text:
        if ch in STRIPPED:
            labels[-1] += ch
        else:
            out.append(ch)
            labels.append("")
    return "".join(out), labels


#: A line of at least this many space-separated fields, each this short on average, is a
#: row of a space-aligned table or form (``档案管理 40 负责档案收集整理 档案规范管理``), not prose.
SPACED_FIELDS, SPACED_FIELD_MEAN = 3, 12


def _spaced_row(line: str) -> bool:
    fields = line.split()
    return len(fields) >= SPACED_FIELDS and sum(map(len, fields)) / len(fields) <= SPACED_FIELD_MEAN


#: A cell of a table pasted one cell a line, closed by its bar (``产出指标 |``): no prose, and a
#: mark put after its bar would hide the bar that ends the cell from the tables stage.
_BAR_CELL = re.compile(r"[^|\s][ \t\u3000]*\|$")


def _prose(line: str) -> bool:
    return not (is_cell(line) or is_table_row(line) or _spaced_row(line) or _fused_row(line) or _BAR_CELL.search(line))


#: The label cells of budget tables (``budget_headers.tsv``): a line opening with one of
#: four characters or more is a row of a table whose cell separators were lost
#: (``部门(单位)名称某中心``, ``产出指标数量指标…``), not a sentence that lost its marks.
TABLE_LABELS = Path(str(resources.files("gongwen.extractors") / "budget_headers.tsv"))
#: Asides and required-field marks a label cell carries: ``*部门(单位)名称``.
_LABEL_ASIDE = re.compile(r"[（(][^（()）]{0,6}[)）]|[*＊\s]")


#: Roles of labels that open a table row and never a sentence (名称, indicator categories);
#: 主要职责 or 年度目标 may open a prose line.
_ROW_OPENERS = {"unit", "category", "indicator_group"}


@cache
def _table_labels() -> re.Pattern[str]:
    words = sorted({r[1] for r in lexicon.rows(TABLE_LABELS) if len(r) > 1 and r[0] in _ROW_OPENERS
                    and len(r[1]) >= 4}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _fused_row(line: str) -> bool:
    return bool(_table_labels().match(_LABEL_ASIDE.sub("", line[:30])))


#: A line this long with cell separators in it is a document run into one line, tables and all,
#: when its breaks went too (no table row runs this long): its long cells are prose.
RUN_TOGETHER_LINE = 2000
#: A cell of such a line with this many Han characters is a stretch of prose.
PROSE_CELL = 40
_CELL = re.compile(r"[^|\t]+")


def _prose_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are prose: whole lines that are no table rows, and the
    long cells of a line that a table ran into."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _prose(line):
            out.append((pos, pos + len(line)))
        elif len(line) >= RUN_TOGETHER_LINE:
            out += [(pos + m.start(), pos + m.end()) for m in _CELL.finditer(line)
                    if len(_HAN.findall(m.group())) >= PROSE_CELL]
        pos += len(line) + 1
    return out


def unpunctuated_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``(start, end)`` of ``text`` to restore: all its prose when the text as a
    whole (mostly prose) has lost its punctuation, else only the long lines without a mark."""
    lines = _prose_spans(text)
    han = marks = 0
    for s, e in lines:
        han += count_chars(_HAN, text, s, e)
        marks += len(_CLAUSE_MARKS.findall(text, s, e))
    # the marks of space-aligned rows count too: a form's labels (``部门:``, ``一、``) show it kept them
    marks += sum(len(_CLAUSE_MARKS.findall(line)) for line in text.split("\n") if _spaced_row(line))
    if han >= MIN_HAN and marks < MAX_RATE * han and han >= PROSE_SHARE * count_chars(_HAN, text):
        return [(s, e) for s, e in lines if e > s]
    return [(s, e) for s, e in lines if not _CLAUSE_MARKS.search(text, s, e) and _running_han(text[s:e])]


def _running_han(line: str) -> bool:
    """A line of :data:`LONG_RUN` Han characters or more that is almost all Han: running
    text, not a run of file names, codes and figures (``…公开表2022101304.xls…``)."""
    han = len(_HAN.findall(line))
    return han >= LONG_RUN and han >= LONG_RUN_HAN_SHARE * len("".join(line.split()))


@cache
def load_model(path: Path | None = None) -> dict | None:
    """The model (default :data:`MODEL_PATH`) made ready for :func:`scores`, or None when
    the file is missing, unreadable or of another format.

    Each feature becomes an integer key (its characters' ids in base ``V``, one sorted
    key array per template), so scoring a text is a few vectorised lookups.
    """
    import numpy as np

    try:
        raw = json.loads((path or MODEL_PATH).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != MODEL_FORMAT:
        return None
    names = list(raw["weights"])
    chars = sorted({c for name in names for c in name[1:]})
    base = len(chars) + 1  # id 0: a character no feature holds
    char_id = {c: j + 1 for j, c in enumerate(chars)}
    keys: dict[str, list[tuple[int, int]]] = {}
    for row, name in enumerate(names):
        key = 0
        for c in reversed(name[1:]):
            key = key * base + char_id[c]
        keys.setdefault(name[0], []).append((key, row))
    tables = {}
    for template, pairs in keys.items():
        pairs.sort()
        tables[template] = (np.array([k for k, _ in pairs], dtype=np.int64),
                            np.array([r for _, r in pairs], dtype=np.int64))
    weights = np.array([raw["weights"][k] for k in names] + [[0] * len(raw["labels"])],
                       dtype=np.float32) / float(raw.get("scale", 1.0))
    return {"labels": raw["labels"], "bias": np.array(raw["bias"], dtype=np.float32),
            "chars": np.array([ord(c) for c in chars], dtype=np.int64), "base": base,
            "tables": tables, "weights": weights, "none_bias": float(raw.get("none_bias", 0.0))}


def _char_ids(text: str, chars):
    """The id of every character of ``text`` in the sorted code points ``chars`` (0: not in it)."""
    import numpy as np

    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    if not len(chars):
        return np.zeros(len(cps), dtype=np.int64)
    pos = np.minimum(np.searchsorted(chars, cps), len(chars) - 1)
    return np.where(chars[pos] == cps, pos + 1, 0)


def _position_ids(text: str, chars):
    """Per gap, the ids of the bucket characters of its distance to its line's start and end,
    and of its line's number and its place in the line (:func:`_line_feature`)."""
    import numpy as np

    n = len(text) + 1
    gaps = np.arange(n, dtype=np.int64)
    newlines = np.flatnonzero(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) == 10)
    line_start = np.zeros(n, dtype=np.int64)
    line_start[newlines + 1] = newlines + 1
    line_end = np.full(n, len(text), dtype=np.int64)
    line_end[newlines] = newlines
    starts = gaps - np.maximum.accumulate(line_start)
    ends = np.minimum.accumulate(line_end[::-1])[::-1] - gaps
    bucket_ids = _char_ids(_BUCKETS, chars)
    top = len(_BUCKETS) - 1
    after_newline = np.zeros(n, dtype=np.int64)
    after_newline[newlines + 1] = 1
    number = np.minimum(np.cumsum(after_newline), len(_LINE_NO) - 1)
    place = np.where(ends == 0, 0, np.where(starts == 0, 1, 2))
    return (bucket_ids[np.minimum(starts, top)], bucket_ids[np.minimum(ends, top)],
            _char_ids(_LINE_NO, chars)[number], _char_ids(_LINE_PLACE, chars)[place])


def _rows(keys, table, unknown: int):
    import numpy as np

    sorted_keys, rows = table
    if not len(sorted_keys):
        return np.full(len(keys), unknown, dtype=np.int64)
    pos = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return np.where(sorted_keys[pos] == keys, rows[pos], unknown)


def _inputs(text: str, chars):
    """Per character of the padded, folded text its id; per gap its line-position ids."""
    return (_char_ids("^" * _PAD + _fold(text) + "$" * _PAD, chars), *_position_ids(text, chars))


def _keys(inputs, base: int, start: int, end: int):
    import numpy as np

    ids, start_ids, end_ids, number_ids, place_ids = inputs
    out = []
    for name, offs in CHAR_TEMPLATES:
        key = np.zeros(end - start, dtype=np.int64)
        for k in reversed(offs):
            key = key * base + ids[_PAD + k + start:_PAD + k + end]
        out.append((name, key))
    s_ids, e_ids = start_ids[start:end], end_ids[start:end]
    line = number_ids[start:end] + place_ids[start:end] * base
    return out + [("S", s_ids), ("E", e_ids), ("Z", s_ids + e_ids * base), ("L", line)]


def template_keys(text: str, chars, base: int):
    """Per template, the integer key of its feature at every gap of ``text``: the features of
    :func:`gap_features` with each character as its id in ``chars`` (sorted code points,
    ids from 1), read as digits in base ``base``."""
    return _keys(_inputs(text, chars), base, 0, len(text) + 1)


def scores(text: str, model: dict):
    """Per gap of ``text``, the model's score of each label (a ``len(text)+1 × labels`` array):
    the features of :func:`gap_features` as integer keys, looked up in sorted key arrays."""
    import numpy as np

    n = len(text) + 1
    weights, tables = model["weights"], model["tables"]
    unknown = len(weights) - 1
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    inputs = _inputs(text, model["chars"])
    out = np.empty((n, len(model["labels"])), dtype=np.float32)
    for s in range(0, n, BLOCK):
        e = min(s + BLOCK, n)
        total = np.zeros((e - s, len(model["labels"])), dtype=np.float32) + model["bias"]
        for name, key in _keys(inputs, model["base"], s, e):
            total += weights[_rows(key, tables.get(name, empty), unknown)]
        out[s:e] = total
    out[:, 0] += model["none_bias"]
    return out


def predict_marks(text: str, model: dict) -> list[str]:
    """The mark (``""`` for none) the model puts in every gap of ``text``, under the
    constraints no reader breaks: nothing inside a number, nothing at a text's very
    start or end but a closing mark at the end, an opening ``（`` only with its ``）``
    a few characters on."""
    labels = model["labels"]
    best = scores(text, model).argmax(axis=1)
    marks = [labels[k] for k in best.tolist()]
    n = len(text)
    for i, m in enumerate(marks):
        if not m:
            continue
        a = text[i - 1] if i else "\n"
        b = text[i] if i < n else "\n"
        if (a.isdigit() and (b.isdigit() or b in ".%")) or (a == "." and b.isdigit()):
            marks[i] = ""
        elif a == "\n" and m[0] != "（":
            marks[i] = ""
        elif b == "\n" and m[-1] in "（、":
            marks[i] = ""
    _pair_parentheses(text, marks)
    _number_lists(text, marks)
    _frame_points(text, marks)
    _close_before_numbers(text, marks)
    _join_lone_items(text, marks)
    return marks


def _join_lone_items(text: str, marks: list[str]) -> None:
    """Drop a ``、`` that would leave one character as an item of its enumeration.

    The model reads the last character of a name as a word of its own now and then
    (``市发展改革、局、市司法局``); the items an official text enumerates are words and
    names, so a ``、`` with a single Han character between it and the next mark cuts a name.
    """
    for i, m in enumerate(marks[:-1]):
        # marks[i] stands before text[i] and marks[i + 1] after it
        if m == "、" and marks[i + 1] and i and _HAN.match(text[i]) and _HAN.match(text[i - 1]):
            marks[i] = ""


#: An Arabic item number with its dot, run into the text before it (``…工资调整3. 财务处…``): a
#: stripping converter keeps the dot (decimal points stay), a lost line break ran the item on.
_RUN_IN_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])(\d{1,2})[.．](?=[ \t\u3000]*[\u4e00-\u9fff])")


def _close_before_numbers(text: str, marks: list[str]) -> None:
    """End the sentence before each item of a numbered list run into one line.

    Where the line breaks went with the marks, ``1. …2. …3. …`` stand inside a line; the
    model, trained on texts that kept their breaks, never saw an item start there and often
    puts nothing before it, so the item before runs on into the next one's number and the
    text before the list's first item reads as a heading. Numbers that count on (at least
    two in a row) are a list: the gap before each gets ``。`` (``：`` before the first, which
    a lead-in introduces), unless the model put a sentence mark there.
    """
    series: list[list[tuple[int, int]]] = []
    for m in _RUN_IN_NUMBER.finditer(text):
        n = int(m.group(1))
        if series and series[-1][-1][0] == n - 1:
            series[-1].append((n, m.start()))
        elif n == 1:
            series.append([(n, m.start())])
    for run in series:
        if len(run) < 2:
            continue
        for n, at in run:
            if marks[at].rstrip("，、") and marks[at].rstrip("，、")[-1] in "。；：！？":
                continue
            marks[at] = marks[at].rstrip("，、") + ("：" if n == 1 else "。")


#: A number opening a line (``3负责…``, ``十二组织…``) that may be a list item's, and the
#: characters after which it is a number word instead (``一般``, ``三分之二``, ``2019年``).
_LINE_NUMBER = re.compile(r"^(\d{1,2}|[一二三四五六七八九十]{1,3})(?=[\u4e00-\u9fff])", re.M)
_NUMBER_WORD_NEXT = set("百千万亿分之次个年月日时号名人般些切样旦致项是要线级届期")


def _number_lists(text: str, marks: list[str]) -> None:
    """Give every item of a numbered list the same marker.

    The model marks each line's number on its own and may write ``1、`` on one line,
    ``（2）`` on the next and nothing on the third; a list has one marker style. Lines
    opening with numbers that count on (1, 2, 3 … or 一, 二, 三 …, at least two in a row)
    are one list; each gets the style the model chose most often for them (``、`` when it
    chose none).
    """
    from gongwen.structure.markers import ordinal

    runs: list[list[tuple[int, int]]] = []  # (gap before the number, gap after it)
    last: dict[str, tuple[int, int]] = {}  # kind -> (ordinal, index of its run)
    for m in _LINE_NUMBER.finditer(text):
        if text[m.end()] in _NUMBER_WORD_NEXT:
            continue
        kind = "d" if m.group(1).isdigit() else "c"
        n = int(m.group(1)) if kind == "d" else ordinal(m.group(1))
        if n is None:
            continue
        prev = last.get(kind)
        if prev is not None and n == prev[0] + 1:
            runs[prev[1]].append((m.start(), m.end()))
            last[kind] = (n, prev[1])
        elif n == 1 or prev is None:  # a cut text may open in the middle of its list
            runs.append([(m.start(), m.end())])
            last[kind] = (1, len(runs) - 1)
    for run in runs:
        if len(run) < 2:
            continue
        styles = Counter("paren" if "（" in marks[a] and "）" in marks[b] else "comma" if "、" in marks[b] else None
                         for a, b in run)
        styles.pop(None, None)
        style = styles.most_common(1)[0][0] if styles else "comma"
        for a, b in run:
            marks[a] = marks[a].replace("（", "") + ("（" if style == "paren" else "")
            marks[b] = ("）" if style == "paren" else "、")


#: A line opening with at most this many characters and no mark before a rule's first point
#: is the rule's title (``某某镇党委会议议事规则一会议制度…``).
TITLE_MAX = 40


def _frame_points(text: str, marks: list[str]) -> None:
    """Set the marks around the points of a rule that ran into the text around them.

    A text that lost its breaks as well as its marks runs a rule's points on
    (``…本规则一议事范围研究…二会议制度班子会议…``). The outline's reader of such points
    (:func:`gongwen.structure.unpunctuated.run_in_points`: bare numerals counting on,
    each followed by a short phrase ending in a noun that heads titles) finds them in the
    stripped line; each becomes a heading line again: the sentence before it ends, the
    numeral gets its ``、``, its title stands alone on its line, unpunctuated.
    """
    from gongwen.structure.lines import Line
    from gongwen.structure.unpunctuated import run_in_points

    pos = 0
    for index, line in enumerate(text.split("\n")):
        for point in run_in_points(text, Line(index, pos, pos + len(line), line)):
            at, end = point.start, point.title_end
            if at > pos and not marks[at] and at - pos <= TITLE_MAX and not any(marks[pos + 1:at]):
                marks[at] = "\n"  # a title line before the first point: no mark after it
            elif at > pos:
                before = marks[at].rstrip("，、")
                marks[at] = (before if before[-1:] in ("。", "；", "：") else before + "。") + "\n"
            marks[at + 1] = "、"
            for g in range(at + 2, end):
                marks[g] = ""
            if end < pos + len(line):
                marks[end] = "\n"
        pos += len(line) + 1


#: How far a ``）`` may follow its ``（`` (a list number ``（十二）`` or a short gloss).
PAREN_SPAN = 12


def _pair_parentheses(text: str, marks: list[str]) -> None:
    """Drop a restored ``（`` without a restored ``）`` soon after, and a ``）`` without one before."""
    open_at: int | None = None
    for i, m in enumerate(marks):
        if open_at is not None and i - open_at > PAREN_SPAN:
            marks[open_at] = marks[open_at].replace("（", "")
            open_at = None
        if "）" in m:
            if open_at is None:
                marks[i] = m.replace("）", "")
            open_at = None
        if "（" in marks[i]:
            if open_at is not None:
                marks[open_at] = marks[open_at].replace("（", "")
            open_at = i
    if open_at is not None:
        marks[open_at] = marks[open_at].replace("（", "")


def restore_punctuation(text: str) -> list[Edit]:
    """Insertions putting the marks back into the unpunctuated stretches of ``text``;
    the first carries the one warning that says how many marks were guessed."""
    spans = unpunctuated_spans(text)
    if not spans:
        return []
    model = load_model()
    if model is None:
        return []
    edits: list[Edit] = []
    # Lines are scored as one piece per run of adjacent spans, so a line end is seen as one.
    for s, e in _merge(spans):
        piece = text[s:e]
        for i, m in enumerate(predict_marks(piece, model)):
            if m:
                edits.append(Edit(s + i, s + i, m))
    if not edits:
        return []
    count = sum(len(x.replacement) for x in edits)
    note = f"{RESTORED_NOTE} the text had lost its punctuation; {count} marks restored by the model are guesses"
    edits[0] = Edit(edits[0].start, edits[0].end, edits[0].replacement, note)
    return edits


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent line spans (only a ``\\n`` between them) as one span."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s == out[-1][1] + 1:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
