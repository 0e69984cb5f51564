"""A linear classifier kept as plain JSON and applied with plain Python.

The project's trained models (the genre of a document, heading-or-item for a lead
sentence) are logistic regressions over named features. Stored as a pickle they would
tie a run to the scikit-learn version that wrote them (a newer one refuses or silently
mis-reads an old pickle) and to scikit-learn itself; stored as their numbers — feature
names, idf, coefficients — they are read by any Python and can be checked by eye. The
trainers still fit with scikit-learn and write this form (``models/README.md``).

A model file is a JSON object:

- ``format``: a name and version chosen by the model's owner; a file of another
  format is not applied (its features were computed differently);
- ``features``: the feature names, each ``block:name`` with a two-character block
  prefix (``c:`` n-grams, ``h:`` hand-made features …), and ``idf``: one number each;
- ``tfidf_blocks``: the blocks whose values are raw counts, turned into sublinear
  tf × idf and L2-normalized within the block (as scikit-learn's ``TfidfVectorizer``
  with ``sublinear_tf=True``); other blocks are taken as they are;
- ``block_weight``: a factor per block (default 1);
- ``classes``, ``coef`` and ``intercept``: one row per class (a softmax over the rows),
  or a single row for two classes (the logistic function gives the second class's
  probability, as scikit-learn keeps a binary model).

Whoever applies the model checks nothing else: a missing, unreadable or foreign file
loads as None, and the caller falls back to its rules.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path


@cache
def load(path: Path, format: str) -> dict | None:
    """The model in ``path``, or None when it is missing, unreadable or not of ``format``."""
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(model, dict) or model.get("format") != format:
        return None
    try:
        model["index"] = {name: j for j, name in enumerate(model["features"])}
        model["tfidf_blocks"] = frozenset(model["tfidf_blocks"])
        rows = len(model["coef"])
        if rows != len(model["intercept"]) or len(model["classes"]) != max(rows, 2) \
                or any(len(row) != len(model["features"]) for row in model["coef"]) \
                or len(model["idf"]) != len(model["features"]):
            return None
    except (KeyError, TypeError):
        return None
    return model


def vectorize(feats: dict[str, float], model: dict) -> dict[int, float]:
    """Sparse input vector: counts of a tf-idf block as sublinear tf × idf, L2-normalized
    per block; other features as they are; each block times its weight. Features the
    model does not know are dropped (an n-gram never seen in training)."""
    index, idf, weights = model["index"], model["idf"], model.get("block_weight", {})
    tfidf = model["tfidf_blocks"]
    blocks: dict[str, dict[int, float]] = {}
    for name, value in feats.items():
        j = index.get(name)
        if j is None:
            continue
        block = name[:2]
        if block in tfidf:
            value = (1.0 + math.log(value)) * idf[j] if value > 0 else 0.0
        blocks.setdefault(block, {})[j] = value
    out: dict[int, float] = {}
    for block, vec in blocks.items():
        scale = weights.get(block, 1.0)
        if block in tfidf:
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            scale /= norm
        for j, v in vec.items():
            out[j] = v * scale
    return out


def probabilities(feats: dict[str, float], model: dict) -> dict[str, float]:
    """The model's probability of each class for one input's features."""
    x = vectorize(feats, model)
    logits = []
    for row, bias in zip(model["coef"], model["intercept"], strict=True):
        logits.append(bias + sum(row[j] * v for j, v in x.items()))
    if len(logits) == 1:  # binary: the single row scores the second class
        z = logits[0]
        p = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
        return dict(zip(model["classes"], (1.0 - p, p), strict=True))
    top = max(logits)
    exps = [math.exp(z - top) for z in logits]
    total = sum(exps)
    return {c: e / total for c, e in zip(model["classes"], exps, strict=True)}
