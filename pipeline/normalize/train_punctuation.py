"""Train the punctuation model of :mod:`gongwen.normalize.punctuation`:

    python -m gongwen.normalize.train_punctuation [--shared ../shared] [--extra DIR ...] [--out FILE]

Training texts: the real documents of ``--shared`` (seeds and corpus, read and normalized
by the pipeline as at run time, their table rows left out) and, optionally, more public
official texts (``--extra``: folders of ``.txt``/``.md`` files, normalized the same way).
Each text has its punctuation stripped; every gap of the stripped text is an example,
labelled with the mark that stood there (or none). Each text trains twice: with its line
breaks kept, and run together into one line, the two ways stripped texts reach us.
The model keeps only weights of character n-grams of at most four characters.

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
    _BUCKETS,
    _LINE_NO,
    _LINE_PLACE,
    CHAR_TEMPLATES,
    MODEL_FORMAT,
    MODEL_PATH,
    RESTORED_NOTE,
    _fold,
    load_model,
    predict_marks,
    strip_marks,
    template_keys,
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
MIN_COUNT = 4
#: A text whose clause marks are rarer than this per Han character is itself unpunctuated.
MIN_RATE = 0.03
C = 0.5
MAX_ITER = 30
#: One gap without a mark in this many trains (weighted by it): the marks are what is rare.
NONE_KEEP = 4
CHAR_TEMPLATES_WIDTH = [(name, len(offs)) for name, offs in CHAR_TEMPLATES]
#: Weights are stored as integers: value × SCALE, rounded.
SCALE = 20
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
        doc = process(read(path), ["normalize"])
        if any(w.startswith(RESTORED_NOTE) for w in doc.warnings):
            continue  # its marks are this model's guesses, not a writer's
        text = _clean(doc.text)
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
            norm = normalize(_HEADING.sub("", path.read_text(encoding="utf-8")))
            if any(w.startswith(RESTORED_NOTE) for w in norm.warnings):
                continue
            text = _clean(norm.text)
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


@dataclass
class Encoded:
    """Every gap of every training text (both forms), as template keys and a label id."""

    chars: object  # sorted code points of the alphabet (numpy int64)
    base: int
    keys: list[tuple[str, object]]  # per template: its key at every gap (numpy int64, N)
    y: object  # label id per gap (numpy, N)
    text: object  # index of the gap's text in the list encoded (numpy, N)


def encode(texts: list[Text], labels: list[str]) -> Encoded:
    import numpy as np

    pieces = [(j, stripped, glabels) for j, t in enumerate(texts) for stripped, glabels in forms(t.text)]
    alphabet = sorted({c for _, stripped, _ in pieces for c in _fold(stripped)} | set("^$" + _BUCKETS + _LINE_NO + _LINE_PLACE))
    chars = np.array([ord(c) for c in alphabet], dtype=np.int64)
    base = len(alphabet) + 1
    label_id = {k: i for i, k in enumerate(labels)}
    parts = [template_keys(stripped, chars, base) for _, stripped, _ in pieces]
    keys = [(name, np.concatenate([p[t][1] for p in parts])) for t, (name, _) in enumerate(parts[0])]
    y = np.array([label_id[simplify(g, labels)] for _, _, glabels in pieces for g in glabels])
    text = np.concatenate([np.full(len(glabels), j) for j, _, glabels in pieces])
    return Encoded(chars, base, keys, y, text)


def _name(template: str, key: int, enc: Encoded) -> str:
    width = dict(CHAR_TEMPLATES_WIDTH).get(template, 2 if template in "ZL" else 1)
    out = []
    for _ in range(width):
        key, digit = divmod(key, enc.base)
        out.append(chr(int(enc.chars[digit - 1])))
    return template + "".join(out)


def fit(enc: Encoded, rows, labels: list[str]) -> dict:
    """A logistic regression over the gaps ``rows`` (a boolean mask) of ``enc``, as the JSON model.

    Features seen fewer than :data:`MIN_COUNT` times in these rows are left out; gaps
    without a mark are subsampled (one in :data:`NONE_KEEP`, weighted up to match).
    """
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    rows = rows & ((enc.y != 0) | (rng.random(len(enc.y)) < 1 / NONE_KEEP))
    where = np.flatnonzero(rows)
    cols, row_ids, names = [], [], []
    for template, key in enc.keys:
        k = key[where]
        uniq, counts = np.unique(k, return_counts=True)
        kept = uniq[counts >= MIN_COUNT]
        if not len(kept):
            continue
        pos = np.minimum(np.searchsorted(kept, k), len(kept) - 1)
        ok = kept[pos] == k
        cols.append(pos[ok] + len(names))
        row_ids.append(np.flatnonzero(ok))
        names += [_name(template, int(x), enc) for x in kept]
    col, row = np.concatenate(cols), np.concatenate(row_ids)
    X = csr_matrix((np.ones(len(col), dtype=np.float32), (row, col)), shape=(len(where), len(names)))
    y = enc.y[where]
    weight = np.where(y == 0, float(NONE_KEEP), 1.0)
    clf = LogisticRegression(C=C, max_iter=MAX_ITER, tol=1e-3, solver="saga", random_state=0)
    clf.fit(X, y, sample_weight=weight)
    order = [int(c) for c in clf.classes_]
    coef = np.rint(clf.coef_.T * SCALE).astype(int)  # features × classes
    weights: dict[str, list[int]] = {}
    for j, name in enumerate(names):
        row_w = [0] * len(labels)
        for c, k in enumerate(order):
            row_w[k] = int(coef[j, c])
        if max(abs(v) for v in row_w) >= PRUNE:
            weights[name] = row_w
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


#: Extra weight of "no mark" tried at evaluation: a wrong mark costs more than a missing one
#: (a heading that gains ``。`` stops being a heading), so precision may be bought with recall.
NONE_BIASES = (0.0, 0.5, 1.0, 1.5)
#: The value shipped: chosen from the cross-validation report (see models/README.md).
NONE_BIAS = 0.5


def evaluate(model: dict, texts: list[Text]) -> Counter[str]:
    """Counts of boundary hits, misses, false alarms and right marks over both forms of
    ``texts``, per tried :data:`NONE_BIASES` value; line-end gaps also apart."""
    loaded = _loaded(model)
    out: Counter[str] = Counter()
    for bias in NONE_BIASES:
        loaded["none_bias"] = bias
        for t in texts:
            for form, (stripped, glabels) in zip(("lines", "run"), forms(t.text), strict=True):
                pred = predict_marks(stripped, loaded)
                for i, (p, g) in enumerate(zip(pred, glabels, strict=True)):
                    g = simplify(g, model["labels"])
                    where = [f"{bias} {form}"] + ([f"{bias} {form} line-end"] if stripped[i:i + 1] == "\n" else [])
                    for w in where:
                        out[f"{w} tp"] += bool(p and g)
                        out[f"{w} same"] += bool(p and g and p == g)
                        out[f"{w} fp"] += bool(p and not g)
                        out[f"{w} fn"] += bool(g and not p)
                    if g and bias == 0.0:
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
    import numpy as np

    enc = encode(real + extra, labels)
    gid = groups(real)
    ids = sorted(set(gid))
    total: Counter[str] = Counter()
    for k in range(folds):
        test_ids = set(ids[k::folds])
        test = [j for j, g in enumerate(gid) if g in test_ids]
        train_rows = ~np.isin(enc.text, test)
        total.update(evaluate(fit(enc, train_rows, labels), [real[j] for j in test]))
        print(f"  fold {k + 1}/{folds} done", flush=True)
    return total


def _prf(c: Counter[str], key: str) -> tuple[float, float, float]:
    tp, fp, fn = c[f"{key} tp"], c[f"{key} fp"], c[f"{key} fn"]
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def report(c: Counter[str], labels: list[str]) -> str:
    lines = []
    for bias in NONE_BIASES:
        for form in ("lines", "lines line-end", "run"):
            p, r, f = _prf(c, f"{bias} {form}")
            right = c[f"{bias} {form} same"] / max(c[f"{bias} {form} tp"], 1)
            lines.append(f"  none_bias {bias}: {form:14} boundary P {p:.3f} R {r:.3f} F1 {f:.3f}; "
                         f"right mark at found boundaries {right:.3f}")
    for form in ("lines", "run"):
        per = [f"{k} {c[f'{form} hit {k}']}/{c[f'{form} gold {k}']}" for k in labels[1:]
               if c[f"{form} gold {k}"]]
        lines.append(f"  {form}: recall per mark (none_bias 0): " + ", ".join(per))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="folder of more punctuated .txt/.md texts (always in training)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--none-bias", type=float, default=NONE_BIAS,
                    help="extra score of 'no mark' written into the model (see the CV report)")
    ap.add_argument("--no-cv", action="store_true", help="fit and write the model without cross-validating")
    args = ap.parse_args(argv)
    real, extra = real_texts(args.shared), extra_texts(args.extra)
    print(f"training texts: {len(real)} real ({sum(len(t.text) for t in real)} chars), "
          f"{len(extra)} extra ({sum(len(t.text) for t in extra)} chars)")
    labels = label_set(real + extra)
    print("labels:", " ".join(repr(k) for k in labels))
    import numpy as np

    enc = encode(real + extra, labels)
    model = fit(enc, np.ones(len(enc.y), dtype=bool), labels)
    model["none_bias"] = args.none_bias
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({len(model['weights'])} features)", flush=True)
    if not args.no_cv:
        print(f"grouped {args.folds}-fold cross-validation on the real documents:")
        print(report(cross_validate(real, extra, labels, args.folds), labels))


if __name__ == "__main__":
    main()
