"""The trained genre classifier behind ``doc_type`` (RECORDS.md), with the cue rules as fallback.

Cue words alone fail two ways: a document that never names its genre (a duty list of
bare ``负责…`` paragraphs, a yearbook entry of dated figures) scores nothing and becomes
``other``, and a cue word in a slogan or a passing mention wins. A genre also shows in
its *shape* — articles and meeting rules, an indicator grid even when flattened, a
list of duty paragraphs, lead-sentence practice paragraphs, dated figure-dense prose —
so the classifier reads the words (character n-grams of the title and the body) and
those shapes (:func:`shape_features`) together, plus the cue rules' own scores.

The model is a multinomial logistic regression trained by :mod:`gongwen.metadata.train_genre`
and kept as plain JSON (vocabulary, idf, coefficients) in :mod:`gongwen.models`, applied by
:mod:`gongwen.linear_model` with plain Python: no pickles, no dependence on the scikit-learn
version at run time.
A missing, unreadable or stale model file (its ``format`` differs from
:data:`MODEL_FORMAT`) leaves the decision to the rules of :mod:`gongwen.metadata.doctype`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gongwen import lexicon, linear_model
from gongwen.models import MODELS

HERE = Path(__file__).resolve().parent
MODEL_PATH = MODELS / "genre_model.json"
#: Bumped whenever :func:`features` changes, so an old model file is not applied to new features.
MODEL_FORMAT = "gongwen-genre/2"
GENRES = ("work_rules", "duty_list", "yearbook", "experience_report", "budget_table", "other")
#: How much of the body the n-grams are counted over: a genre shows in its opening pages.
BODY_CHARS = 6000
#: How much of the text the shapes are counted over (bounded so a 10 MB file costs no more).
SHAPE_CHARS = 20000
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_NUM = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Genre:
    """The decided genre and where it came from (``model`` or ``rules``), with the
    model's probabilities when it ran."""

    label: str
    source: str
    probabilities: dict[str, float]


@cache
def _shape_patterns() -> dict[str, re.Pattern[str]]:
    """The line and paragraph shapes of ``genre_shapes.tsv``, compiled once."""
    return {r[0]: re.compile(r[1], re.M) for r in lexicon.rows(HERE / "genre_shapes.tsv")}


def _ngrams(text: str, sizes: tuple[int, ...]) -> Counter[str]:
    """Character n-grams inside runs of Chinese characters (never across punctuation)."""
    grams: Counter[str] = Counter()
    for run in _CJK_RUN.findall(text):
        for n in sizes:
            grams.update(run[i:i + n] for i in range(len(run) - n + 1))
    return grams


def shape_features(text: str, has_tables: bool = False) -> dict[str, float]:
    """Cheap structure signals, each scaled to about 0–1, available before the outline:
    how many lines have each shape of ``genre_shapes.tsv`` (articles, numbered items,
    duty-verb items, meeting-rule phrases, dated openings, lead sentences, indicator
    words …), the density of numbers and of table rows, the share of long lines."""
    text = text[:SHAPE_CHARS]
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    n_lines = max(len(lines), 1)
    chars = max(len(text), 1)
    out: dict[str, float] = {}
    for name, pattern in _shape_patterns().items():
        hits = len(pattern.findall(text))
        out[f"s:{name}"] = min(hits / n_lines, 1.0)
        out[f"s:{name}:any"] = min(math.log1p(hits) / 3.0, 1.5)
    nums = _NUM.findall(text)
    out["s:num_density"] = min(len(nums) / chars * 20.0, 1.5)
    out["s:percent"] = min(math.log1p(text.count("%") + text.count("％")) / 3.0, 1.5)
    rows = sum(1 for ln in text.split("\n") if ln.startswith("\t") or ln.count("|") >= 2)
    out["s:table_rows"] = min(rows / n_lines, 1.0)
    out["s:tables"] = float(has_tables)
    out["s:long_lines"] = sum(1 for ln in lines if len(ln) > 80) / n_lines
    out["s:short_lines"] = sum(1 for ln in lines if len(ln) < 12) / n_lines
    out["s:length"] = min(math.log10(chars) / 5.0, 1.2)
    return out


def features(text: str, title: str | None, has_tables: bool = False) -> dict[str, float]:
    """The model's input: title n-grams (``t:``), body n-grams (``b:``) as raw counts,
    shape features (``s:``) and the cue rules' scores (``r:``)."""
    from gongwen.metadata.doctype import scores  # the rules' view is one more feature

    out: dict[str, float] = {}
    for g, c in _ngrams(title or "", (1, 2, 3)).items():
        out[f"t:{g}"] = float(c)
    for g, c in _ngrams(text[:BODY_CHARS], (1, 2)).items():
        out[f"b:{g}"] = float(c)
    out.update(shape_features(text, has_tables))
    for kind, s in scores(text, title, has_tables).items():
        out[f"r:{kind}"] = min(math.log1p(s) / 3.0, 1.5)
    return out


def load_model(path: Path) -> dict | None:
    """The model file, or None when it is missing, unreadable or of another format."""
    return linear_model.load(path, MODEL_FORMAT)


def predict(text: str, title: str | None = None, has_tables: bool = False, model: dict | None = None) -> Genre:
    """The genre of a normalized text: the model's most probable class, or the cue rules'
    verdict when no usable model is shipped."""
    from gongwen.metadata.doctype import classify_rules

    model = model if model is not None else load_model(MODEL_PATH)
    if model is None:
        return Genre(classify_rules(text, title, has_tables), "rules", {})
    probs = linear_model.probabilities(features(text, title, has_tables), model)
    return Genre(max(probs, key=lambda c: probs[c]), "model", probs)
