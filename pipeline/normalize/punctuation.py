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
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from gongwen.normalize.edits import Edit
from gongwen.normalize.lines import is_cell, is_table_row

HERE = Path(__file__).resolve().parent
MODEL_PATH = HERE / "punctuation_model.json"
#: Bumped whenever :func:`gap_features` changes, so an old model is not applied to new features.
MODEL_FORMAT = "gongwen-punctuation/1"
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
#: A line this long (Han characters) without a single mark is a stripped block on its own.
LONG_RUN = 150
#: Gaps scored per numpy block (bounds memory on a long text).
BLOCK = 50_000
_DIGIT = re.compile(r"[0-9０-９]")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")


def _fold(text: str) -> str:
    """The text as the features see it: digits as ``0``, Latin letters as ``a``, spaces as ``_``."""
    return _LATIN.sub("a", _DIGIT.sub("0", text)).replace(" ", "_").replace("\u3000", "_")


def _bucket(n: int) -> str:
    return str(n) if n < 5 else "5" if n < 9 else "9" if n < 16 else "F" if n < 30 else "X"


def gap_features(text: str) -> Iterator[list[str]]:
    """For every gap ``i`` of ``text`` (before character ``i``, ``0..len(text)``), its features.

    Characters left and right of the gap (``\\n`` is a character like any other, so a
    line start or end shows), their pairs across the gap, and the distance of the gap
    to its line's start and end.
    """
    folded = _fold(text)
    p = "^^^" + folded + "$$$"
    starts = [0] * (len(text) + 1)
    ends = [0] * (len(text) + 1)
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        for i in range(pos, end + 1):
            starts[i] = i - pos
            ends[i] = end - i
        pos = end + 1
    for i in range(len(text) + 1):
        left = p[i:i + 3]
        right = p[i + 3:i + 6]
        a, b = left[2], right[0]
        yield [
            "1" + a, "2" + left[1:], "3" + left, "4" + b, "5" + right[:2], "6" + right,
            "7" + a + b, "8" + left[1:] + b, "9" + a + right[:2], "A" + left[1:] + right[:2],
            "S" + _bucket(starts[i]), "E" + _bucket(ends[i]),
            "Z" + _bucket(starts[i]) + _bucket(ends[i]),
        ]


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


def _prose(line: str) -> bool:
    return not (is_cell(line) or is_table_row(line))


def unpunctuated_spans(text: str) -> list[tuple[int, int]]:
    """The line spans ``(start, end)`` of ``text`` to restore: every prose line when the
    text as a whole has lost its punctuation, else only the long lines without a mark."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _prose(line):
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    han = marks = 0
    for s, e in lines:
        han += len(_HAN.findall(text, s, e))
        marks += len(_CLAUSE_MARKS.findall(text, s, e))
    if han >= MIN_HAN and marks < MAX_RATE * han:
        return [(s, e) for s, e in lines if e > s]
    return [(s, e) for s, e in lines
            if not _CLAUSE_MARKS.search(text, s, e) and len(_HAN.findall(text, s, e)) >= LONG_RUN]


@cache
def load_model(path: Path = MODEL_PATH) -> dict | None:
    """The model: labels, bias, a feature → row index and the weight matrix (last row
    zero, for unknown features); None when the file is missing, unreadable or stale."""
    import numpy as np

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != MODEL_FORMAT:
        return None
    names = list(raw["weights"])
    scale = float(raw.get("scale", 1.0))
    weights = np.array([raw["weights"][k] for k in names] + [[0] * len(raw["labels"])],
                       dtype=np.float32) / scale
    return {"labels": raw["labels"], "bias": np.array(raw["bias"], dtype=np.float32),
            "index": {k: j for j, k in enumerate(names)}, "weights": weights,
            "none_bias": float(raw.get("none_bias", 0.0))}


def scores(text: str, model: dict):
    """Per gap of ``text``, the model's score of each label (a ``len(text)+1 × labels`` array)."""
    import numpy as np

    index, weights = model["index"], model["weights"]
    unknown = len(weights) - 1
    rows = [[index.get(f, unknown) for f in feats] for feats in gap_features(text)]
    out = np.empty((len(rows), len(model["labels"])), dtype=np.float32)
    for s in range(0, len(rows), BLOCK):
        idx = np.array(rows[s:s + BLOCK], dtype=np.int32)
        out[s:s + BLOCK] = weights[idx].sum(axis=1) + model["bias"]
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
    return marks


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
    note = (f"punctuation: the text had lost its punctuation; {count} marks restored by the "
            f"punctuation model are guesses")
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
