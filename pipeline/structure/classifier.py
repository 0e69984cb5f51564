"""The optional heading-vs-item classifier for lead sentences.

Rules decide most headings; the weakest case, a numbered paragraph opening with a short
sentence (``1、坚持以人为本,抓能力文化建设。我们把…`` is a heading, ``1、对全区的重大问题
作出决策。`` is an item), is checked by a small logistic regression over character
n-grams and a few hand-made features, trained by :mod:`gongwen.structure.train` on
examples we wrote ourselves (``heading_examples.tsv``). The model is plain JSON in
:mod:`gongwen.models`, applied by :mod:`gongwen.linear_model` (no scikit-learn at run
time); the pipeline runs on rules alone when it is missing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from gongwen import linear_model
from gongwen.models import MODELS

MODEL_PATH = MODELS / "heading_lead.json"
#: Bumped whenever :func:`model_features` changes, so an old model file is not applied to new features.
MODEL_FORMAT = "gongwen-heading-lead/1"
#: Character n-gram sizes of the ``c:`` block.
NGRAMS = (1, 2, 3)
_WHITE_RUNS = re.compile(r"\s\s+")


def features(sentence: str) -> dict[str, float]:
    """Hand-made features of a lead sentence (without its final mark)."""
    s = sentence
    return {
        "len": len(s) / 20.0,
        "commas": float(s.count(",") + s.count("，")),
        "dun": float(s.count("、")),
        "starts_verb_phrase": float(s[:1] in "以坚抓强建完加推深健严提注突保营拓创做实落树"),
        "has_organ_subject": float(any(w in s[:6] for w in ("区委", "书记", "常委", "会议", "委员", "政府", "办公室"))),
        "modal": float(any(w in s for w in ("必须", "必需", "应当", "不得", "可以", "由", "负责"))),
    }


def feature_dicts(sentences) -> list[dict[str, float]]:
    """:func:`features` of each sentence (the model's hand-made feature step)."""
    return [features(s) for s in sentences]


def char_ngrams(sentence: str) -> Counter[str]:
    """Character n-grams of a sentence, counted as scikit-learn's ``TfidfVectorizer(analyzer="char")``
    counts them when the model is trained (lower-cased, runs of white space as one space,
    punctuation included), so the model sees the same input at run time."""
    text = _WHITE_RUNS.sub(" ", sentence.lower())
    grams: Counter[str] = Counter()
    for n in NGRAMS:
        grams.update(text[i:i + n] for i in range(len(text) - n + 1))
    return grams


def model_features(sentence: str) -> dict[str, float]:
    """The model's input: character n-gram counts (``c:``) and hand-made features (``h:``)."""
    out = {f"c:{g}": float(c) for g, c in char_ngrams(sentence).items()}
    out.update((f"h:{k}", v) for k, v in features(sentence).items())
    return out


def lead_scorer(path: Path | None = None):
    """A function from lead sentences to P(heading), or None without the model file.

    Only the file's existence is checked here; it is read when a document first has a
    series of lead sentences to judge. A file that cannot be read, or is of another
    format (a stale model), gives 0.5 for every sentence, which leaves the decision to
    the rules.
    """
    path = MODEL_PATH if path is None else path
    if not path.exists():
        return None

    def score(sentences: Sequence[str]) -> list[float]:
        model = linear_model.load(path, MODEL_FORMAT)
        if model is None:
            return [0.5] * len(sentences)
        return [linear_model.probabilities(model_features(s), model)["heading"] for s in sentences]

    return score
