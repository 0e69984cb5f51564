"""The optional heading-vs-item classifier for lead sentences.

Rules decide most headings; the weakest case, a numbered paragraph opening with a short
sentence (``1、坚持以人为本,抓能力文化建设。我们把…`` is a heading, ``1、对全区的重大问题
作出决策。`` is an item), is checked by a small logistic regression over character
n-grams and a few hand-made features, trained by :mod:`gongwen.structure.train` on
examples we wrote ourselves (``heading_examples.tsv``). The artifact lives in
``models/``; it is loaded lazily and the pipeline runs on rules alone when it is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "heading_lead.joblib"


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


@cache
def _model(path: Path):
    """The fitted pipeline, or None when it is missing or cannot be loaded (no scikit-learn,
    a stale or foreign pickle, a truncated file): the rules then decide alone."""
    if not path.exists():
        return None
    try:
        import joblib  # lazy: scikit-learn is heavy and only this check needs it

        model = joblib.load(path)
        model.predict_proba(["坚持以人为本，抓能力建设"])  # a pickle that loads but cannot score
    except Exception:  # noqa: BLE001 - any failure of an optional model means "rules alone"
        return None
    return model


def lead_scorer(path: Path | None = None):
    """A function from lead sentences to P(heading), or None without the artifact.

    Only the artifact's existence is checked here; scikit-learn is imported when a
    document first has a series of lead sentences to judge. An artifact that fails to load
    or to score gives 0.5 for every sentence, which leaves the decision to the rules.
    """
    path = MODEL_PATH if path is None else path
    if not path.exists():
        return None

    def score(sentences: Sequence[str]) -> list[float]:
        model = _model(path)
        if model is None:
            return [0.5] * len(sentences)
        try:
            return [float(p) for p in model.predict_proba(list(sentences))[:, 1]]
        except Exception:  # noqa: BLE001 - see _model
            return [0.5] * len(sentences)

    return score
