"""Train the heading-vs-item classifier for lead sentences:

    python -m gongwen.structure.train [--examples FILE] [--out FILE]

A logistic regression over character 1–3-grams and the hand-made features of
:func:`gongwen.structure.classifier.features`, trained on ``heading_examples.tsv``
(sentences we wrote and labelled ourselves). Prints a cross-validated accuracy and
writes the fitted model's numbers (vocabulary, idf, coefficients) as JSON to
``models/heading_lead.json``, the form :mod:`gongwen.linear_model` applies without
scikit-learn (see ``models/README.md``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from gongwen import lexicon
from gongwen.structure.classifier import MODEL_FORMAT, MODEL_PATH, feature_dicts

#: The model's classes, by the label numbers of :func:`load_examples`.
CLASSES = ["item", "heading"]

EXAMPLES = Path(__file__).resolve().parent / "heading_examples.tsv"


def load_examples(path: Path = EXAMPLES) -> tuple[list[str], list[int]]:
    """The example sentences and their labels (1: heading, 0: item)."""
    rows = lexicon.rows(path)
    return [r[1] for r in rows], [1 if r[0] == "heading" else 0 for r in rows]


def build():
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    hand = make_pipeline(FunctionTransformer(feature_dicts), DictVectorizer())
    chars = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    return make_pipeline(FeatureUnion([("chars", chars), ("hand", hand)]),
                         LogisticRegression(C=4.0, max_iter=1000, class_weight="balanced"))


def to_json(model) -> dict:
    """The fitted pipeline of :func:`build` as the JSON model of :mod:`gongwen.linear_model`:
    the n-gram vocabulary and idf (block ``c:``), the hand-made feature names (block ``h:``,
    taken as they are) and the regression's single row of coefficients, unrounded so the
    JSON model decides exactly as the fitted pipeline."""
    union, clf = model.steps[0][1], model.steps[-1][1]
    chars = dict(union.transformer_list)["chars"]
    hand = dict(union.transformer_list)["hand"].steps[-1][1]
    grams = sorted(chars.vocabulary_, key=chars.vocabulary_.__getitem__)
    names = [f"c:{g}" for g in grams] + [f"h:{k}" for k in hand.feature_names_]
    idf = [float(v) for v in chars.idf_] + [1.0] * len(hand.feature_names_)
    return {"format": MODEL_FORMAT, "features": names, "idf": idf, "tfidf_blocks": ["c:"],
            "block_weight": {}, "classes": [CLASSES[int(c)] for c in clf.classes_],
            "coef": [[float(v) for v in row] for row in clf.coef_],
            "intercept": [float(v) for v in clf.intercept_]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=EXAMPLES)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)

    from sklearn.model_selection import StratifiedKFold, cross_val_score

    texts, labels = load_examples(args.examples)
    # shuffled folds: the file groups examples by kind, so unshuffled folds would test
    # each kind on a model that never saw it
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    scores = cross_val_score(build(), texts, labels, cv=folds)
    model = build().fit(texts, labels)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(to_json(model), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(texts)} examples, 5-fold accuracy {scores.mean():.3f} ± {scores.std():.3f}; wrote {args.out}")


if __name__ == "__main__":
    main()
