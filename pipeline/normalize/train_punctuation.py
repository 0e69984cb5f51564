"""Train the punctuation model of :mod:`gongwen.normalize.punctuation`:

    python -m gongwen.normalize.train_punctuation [--shared ../shared] [--extra DIR ...] [--out FILE]

Training texts: the real documents of ``--shared`` (seeds and corpus, read and normalized
by the pipeline as at run time, their table rows left out) and, optionally, more public
official texts (``--extra``: folders of ``.txt``/``.md`` files, normalized the same way).
Each text has its punctuation stripped; every gap of the stripped text is an example,
labelled with the mark that stood there (or none). Each text trains twice: with its line
breaks kept, and run together into one line, the two ways stripped texts reach us.
The model keeps only weights of character n-grams of at most six characters.

Boundary precision and recall (is there any mark at a gap) and the accuracy of the mark
are measured by cross-validation over the real documents, grouped so that copies of one
document (.txt/.pdf/.docx) never sit on both sides, with the extra texts always in
training. Then the model is fitted on everything and written as JSON (see ``models/README.md``).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from gongwen.normalize.punctuation import (
    MODEL_FORMAT,
    MODEL_PATH,
    gap_features,
    load_model,
    predict_marks,
    strip_marks,
)

ROOT = Path(__file__).resolve().parents[2]
#: Marks the model restores; the other stripped marks (quotes, book-title marks, dashes)
#: are left out, ASCII forms count as their full-width twins and ``！？`` as ``。``.
FOLD_MARKS = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "。", "?": "。",
                            "！": "。", "？": "。"})
RESTORED = set("，。、；：（）")
#: A label (mark string at one gap) seen fewer times than this folds into a simpler one.
MIN_LABEL = 150
#: A feature seen in fewer training gaps than this is not kept.
MIN_COUNT = 3
#: A text whose clause marks are rarer than this per Han character is itself unpunctuated.
MIN_RATE = 0.03
C = 0.5
#: Weights are stored as integers: value × SCALE, rounded.
SCALE = 100
#: Weight rows whose largest magnitude is below this (× SCALE) are dropped from the file.
PRUNE = 3
_HEADING = re.compile(r"^#+\s*", re.M)


@dataclass
class Text:
    name: str
    text: str
    real: bool


def fold_label(raw: str) -> str:
    return "".join(c for c in raw.translate(FOLD_MARKS) if c in RESTORED)


def _clean(text: str) -> str:
    """Prose lines only: table rows go, and the text must carry punctuation to learn from."""
    from gongwen.normalize.lines import is_cell, is_table_row

    return "\n".join(ln.strip() for ln in text.split("\n")
                     if ln.strip() and not (is_cell(ln) or is_table_row(ln)))


def _rate(text: str) -> float:
    han = len(re.findall(r"[\u4e00-\u9fff]", text))
    return len(re.findall(r"[，。、；：,;:]", text)) / max(han, 1)


def real_texts(shared: Path) -> list[Text]:
    from gongwen.ingest import read
    from gongwen.process import process

    files = sorted(list(shared.glob("seeds/*")) + [p for p in shared.glob("corpus/*/*")
                                                    if p.parent.name != "gold" and p.suffix != ".tsv"])
    out = []
    for path in files:
        text = _clean(process(read(path), ["normalize"]).text)
        if len(text) > 50 and _rate(text) >= MIN_RATE:
            out.append(Text(path.name, text, True))
    return out


def extra_texts(folders: list[Path]) -> list[Text]:
    from gongwen.normalize import normalize

    out = []
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.suffix not in (".txt", ".md"):
                continue
            text = _clean(normalize(_HEADING.sub("", path.read_text(encoding="utf-8"))).text)
            if len(text) > 50 and _rate(text) >= MIN_RATE:
                out.append(Text(path.name, text, False))
    return out


def forms(text: str) -> list[tuple[str, list[str]]]:
    """The stripped text and its gap labels, with line breaks kept and with them lost."""
    out = []
    for form in (text, re.sub(r"\s*\n\s*", "", text)):
        stripped, labels = strip_marks(form)
        out.append((stripped, [fold_label(x) for x in labels]))
    return out


def label_set(texts: list[Text]) -> list[str]:
    counts: Counter[str] = Counter()
    for t in texts:
        for _, labels in forms(t.text):
            counts.update(labels)
    kept = sorted((k for k, c in counts.items() if c >= MIN_LABEL and k), key=lambda k: -counts[k])
    return ["", *kept]


def simplify(label: str, labels: list[str]) -> str:
    """A rare label as the longest kept label it ends with, else its last kept mark."""
    if label in labels:
        return label
    for k in range(1, len(label)):
        if label[k:] in labels:
            return label[k:]
    return next((c for c in reversed(label) if c in labels), "")


def matrix(texts: list[Text], labels: list[str], vocab: dict[str, int] | None):
    """Sparse feature rows and label ids of every gap of ``texts`` (both forms); builds
    ``vocab`` from these texts when None (features seen at least :data:`MIN_COUNT` times)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    label_id = {k: i for i, k in enumerate(labels)}
    if vocab is None:
        counts: Counter[str] = Counter()
        for t in texts:
            for stripped, _ in forms(t.text):
                for feats in gap_features(stripped):
                    counts.update(feats)
        vocab = {k: j for j, k in enumerate(sorted(k for k, c in counts.items() if c >= MIN_COUNT))}
    cols: list[int] = []
    indptr = [0]
    y: list[int] = []
    for t in texts:
        for stripped, glabels in forms(t.text):
            for feats, lab in zip(gap_features(stripped), glabels, strict=True):
                cols.extend(j for j in (vocab.get(f) for f in feats) if j is not None)
                indptr.append(len(cols))
                y.append(label_id[simplify(lab, labels)])
    data = np.ones(len(cols), dtype=np.float32)
    X = csr_matrix((data, np.array(cols, dtype=np.int32), np.array(indptr, dtype=np.int64)),
                   shape=(len(indptr) - 1, len(vocab)))
    return X, np.array(y), vocab


def fit(texts: list[Text], labels: list[str]) -> dict:
    from sklearn.linear_model import LogisticRegression

    X, y, vocab = matrix(texts, labels, None)
    clf = LogisticRegression(C=C, max_iter=40, tol=1e-3, solver="saga").fit(X, y)
    order = [int(c) for c in clf.classes_]
    names = sorted(vocab, key=vocab.get)
    weights: dict[str, list[int]] = {}
    coef = clf.coef_.T  # features × classes
    for j, name in enumerate(names):
        row = [0] * len(labels)
        for c, k in enumerate(order):
            row[k] = int(round(float(coef[j, c]) * SCALE))
        if max(abs(v) for v in row) >= PRUNE:
            weights[name] = row
    bias = [0.0] * len(labels)
    for c, k in enumerate(order):
        bias[k] = round(float(clf.intercept_[c]), 4)
    return {"format": MODEL_FORMAT, "labels": labels, "bias": bias, "scale": SCALE, "weights": weights}


def groups(texts: list[Text]) -> list[int]:
    """A group per real text: copies of one document (the genre trainer's 6-gram test) share one."""
    from gongwen.metadata.train_genre import Example
    from gongwen.metadata.train_genre import groups as genre_groups

    examples = []
    for t in texts:
        squeezed = "".join(t.text.split())
        grams = frozenset(squeezed[i:i + 6] for i in range(max(len(squeezed) - 5, 0)))
        examples.append(Example(t.name, "", {}, True, False, grams))
    return genre_groups(examples)


def evaluate(model: dict, texts: list[Text]) -> Counter[str]:
    """Counts of boundary hits, misses, false alarms and right marks over both forms of ``texts``."""
    loaded = _loaded(model)
    out: Counter[str] = Counter()
    for t in texts:
        for form, (stripped, glabels) in zip(("lines", "run"), forms(t.text), strict=True):
            pred = predict_marks(stripped, loaded)
            for p, g in zip(pred, glabels, strict=True):
                g = simplify(g, model["labels"])
                if p and g:
                    out[f"{form} tp"] += 1
                    out[f"{form} same"] += p == g
                elif p:
                    out[f"{form} fp"] += 1
                elif g:
                    out[f"{form} fn"] += 1
                if g:
                    out[f"{form} gold {g}"] += 1
                    out[f"{form} hit {g}"] += p == g
    return out


def _loaded(model: dict) -> dict:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(model, f, ensure_ascii=False)
    loaded = load_model(Path(f.name))
    Path(f.name).unlink()
    assert loaded is not None
    return loaded


def cross_validate(real: list[Text], extra: list[Text], labels: list[str], folds: int) -> Counter[str]:
    gid = groups(real)
    ids = sorted(set(gid))
    total: Counter[str] = Counter()
    for k in range(folds):
        test_ids = set(ids[k::folds])
        train = [t for t, g in zip(real, gid, strict=True) if g not in test_ids] + extra
        test = [t for t, g in zip(real, gid, strict=True) if g in test_ids]
        total.update(evaluate(fit(train, labels), test))
        print(f"  fold {k + 1}/{folds} done", flush=True)
    return total


def report(c: Counter[str], labels: list[str]) -> str:
    lines = []
    for form in ("lines", "run"):
        tp, fp, fn = c[f"{form} tp"], c[f"{form} fp"], c[f"{form} fn"]
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        lines.append(f"  {form:5} boundary P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}; "
                     f"right mark at found boundaries {c[f'{form} same'] / max(tp, 1):.3f}")
        per = [f"{k} {c[f'{form} hit {k}']}/{c[f'{form} gold {k}']}" for k in labels[1:]
               if c[f"{form} gold {k}"]]
        lines.append("        recall per mark: " + ", ".join(per))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="folder of more punctuated .txt/.md texts (always in training)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-cv", action="store_true", help="fit and write the model without cross-validating")
    args = ap.parse_args(argv)
    real, extra = real_texts(args.shared), extra_texts(args.extra)
    print(f"training texts: {len(real)} real ({sum(len(t.text) for t in real)} chars), "
          f"{len(extra)} extra ({sum(len(t.text) for t in extra)} chars)")
    labels = label_set(real + extra)
    print("labels:", " ".join(repr(k) for k in labels))
    if not args.no_cv:
        print(f"grouped {args.folds}-fold cross-validation on the real documents:")
        print(report(cross_validate(real, extra, labels, args.folds), labels))
    model = fit(real + extra, labels)
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({len(model['weights'])} features)")


if __name__ == "__main__":
    main()
