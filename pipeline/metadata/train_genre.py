"""Train the genre classifier of :mod:`gongwen.metadata.genre`:

    python -m gongwen.metadata.train_genre [--shared ../shared] [--examples FILE] [--out FILE]

Training documents: the real documents of ``--shared`` (``corpus/*/MANIFEST.tsv`` and the
gold files give their genre; each is read and normalized by the pipeline's own stages,
as at run time) and the short documents we wrote ourselves (``models/genre_examples.txt``).
The model keeps only weights and a vocabulary of character n-grams, never a sentence.

Accuracy is measured by grouped cross-validation over the real documents (near-duplicate
copies of one document — the same text as .txt, .pdf and .docx — share a group, so a copy
is never tested against its twin), with the written examples always in training. It is
printed per genre and for ``corpus/web``; then the model is fitted on everything and
written as JSON (see ``models/README.md``).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from gongwen import lexicon
from gongwen.linear_model import probabilities, vectorize
from gongwen.metadata.genre import GENRES, MODEL_FORMAT, MODEL_PATH, features
from gongwen.models import MODELS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = MODELS / "genre_examples.txt"
#: Weight of each feature block in the input vector (n-gram blocks are L2-normalized first).
BLOCK_WEIGHT = {"t:": 1.0, "b:": 1.0, "s:": 1.0, "r:": 1.0}
#: The blocks of n-gram counts (title, body), turned into sublinear tf × idf.
TFIDF_BLOCKS = ["t:", "b:"]
#: How many n-grams the vocabulary keeps (the most informative by chi²), and how many
#: training documents an n-gram must appear in to be considered at all.
MAX_NGRAMS = 3000
MIN_DF = 2
#: Two documents sharing this share of their character 6-grams are copies of one text.
DUPLICATE_OVERLAP = 0.5
C = 4.0
#: Each real document also trains as its opening this long: many documents arrive cut
#: short (a search excerpt, a sharing site's first page), and short texts must be typed too.
OPENING = 400
#: A written example counts less than a real document: it is short and shows one shape cleanly.
WRITTEN_WEIGHT = 0.5


@dataclass
class Example:
    name: str
    label: str
    feats: dict[str, float]
    real: bool
    web: bool = False
    grams: frozenset[str] = frozenset()
    origin: str = ""  # for an opening cut from a real document: that document's name


def _doc_features(path: Path) -> tuple[dict[str, float], dict[str, float], str]:
    """Features of the whole normalized document and of its opening :data:`OPENING` characters."""
    from gongwen.ingest import read
    from gongwen.metadata.title import find_title
    from gongwen.process import process

    doc = process(read(path), ["normalize", "tables"])
    title = find_title(doc.text, doc.work.source_text)
    tables = bool(doc.work.tables) or "\n\t" in doc.text
    return (features(doc.text, title.text, tables), features(doc.text[:OPENING], title.text, tables),
            doc.text)


def real_examples(shared: Path) -> list[Example]:
    """The documents of ``shared`` with a known genre, from the MANIFESTs and gold files."""
    labels: dict[Path, str] = {}
    for manifest in sorted(shared.glob("corpus/*/MANIFEST.tsv")):
        for row in lexicon.rows(manifest)[1:]:
            if len(row) > 1 and row[1] in GENRES:
                labels[manifest.parent / row[0]] = row[1]
    files = {p.name: p for p in list(shared.glob("seeds/*")) + list(shared.glob("corpus/*/*"))}
    for gold in sorted(shared.glob("corpus/gold/*.gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        path = files.get(data.get("file", ""))
        if path is not None and data.get("doc_type") in GENRES:
            labels.setdefault(path, data["doc_type"])
    out = []
    for path, label in sorted(labels.items()):
        if not path.exists():
            continue
        feats, opening, text = _doc_features(path)
        squeezed = "".join(text.split())
        grams = frozenset(squeezed[i:i + 6] for i in range(0, max(len(squeezed) - 5, 0)))
        out.append(Example(path.name, label, feats, True, path.parent.name == "web", grams))
        if len(text) > 2 * OPENING:
            out.append(Example(f"{path.name}[:{OPENING}]", label, opening, False, origin=path.name))
    return out


def written_examples(path: Path = EXAMPLES) -> list[Example]:
    """Documents we wrote: blocks opened by a ``=== genre`` line, the text below it."""
    out: list[Example] = []
    label, lines = None, []

    def flush() -> None:
        if label and "".join(lines).strip():
            text = "\n".join(lines).strip()
            first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
            title = first if len(first) <= 40 and "。" not in first else None
            out.append(Example(f"written-{len(out)}", label, features(text, title, "\n\t" in text or " | " in text), False))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("=== "):
            flush()
            label, lines = line[4:].strip(), []
        else:
            lines.append(line)
    flush()
    return out


def groups(examples: list[Example]) -> list[int]:
    """A group id per example: copies of one text (shared 6-grams) share one."""
    ids = list(range(len(examples)))

    def find(i: int) -> int:
        while ids[i] != i:
            ids[i] = ids[ids[i]]
            i = ids[i]
        return i

    by_name = {e.name: i for i, e in enumerate(examples)}
    for i, e in enumerate(examples):
        if e.origin in by_name:
            ids[i] = by_name[e.origin]
    real = [i for i, e in enumerate(examples) if e.real and e.grams]
    for a in real:
        for b in real:
            if a < b:
                ga, gb = examples[a].grams, examples[b].grams
                if len(ga & gb) / max(min(len(ga), len(gb)), 1) >= DUPLICATE_OVERLAP:
                    ids[find(b)] = find(a)
    return [find(i) for i in range(len(examples))]


def fit(examples: list[Example]) -> dict:
    """Vocabulary, idf and a logistic regression over ``examples``, as the JSON model."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.feature_selection import chi2
    from sklearn.linear_model import LogisticRegression

    n = len(examples)
    df = Counter(name for e in examples for name in e.feats)
    names = sorted(k for k, c in df.items() if k[:2] in ("s:", "r:") or c >= MIN_DF)
    model = _model(names, df, n)
    X, y = _matrix(examples, model), [e.label for e in examples]
    grams = [j for j, k in enumerate(names) if k[:2] in ("t:", "b:")]
    chi, _ = chi2(X[:, grams], y)
    keep = {grams[j] for j in np.argsort(-np.nan_to_num(chi))[:MAX_NGRAMS]}
    names = [k for j, k in enumerate(names) if k[:2] in ("s:", "r:") or j in keep]
    model = _model(names, df, n)
    X = _matrix(examples, model)
    weights = [1.0 if e.real or e.origin else WRITTEN_WEIGHT for e in examples]
    clf = LogisticRegression(C=C, max_iter=5000).fit(csr_matrix(X), y, sample_weight=weights)
    model["classes"] = [str(c) for c in clf.classes_]
    model["coef"] = [[round(float(v), 5) for v in row] for row in clf.coef_]
    model["intercept"] = [round(float(v), 5) for v in clf.intercept_]
    return model


def _model(names: list[str], df: Counter, n: int) -> dict:
    idf = [round(math.log((1 + n) / (1 + df[k])) + 1.0, 5) for k in names]
    return {"format": MODEL_FORMAT, "features": names, "idf": idf, "block_weight": BLOCK_WEIGHT,
            "tfidf_blocks": TFIDF_BLOCKS, "index": {k: j for j, k in enumerate(names)}}


def _matrix(examples: list[Example], model: dict):
    import numpy as np

    X = np.zeros((len(examples), len(model["features"])))
    for i, e in enumerate(examples):
        for j, v in vectorize(e.feats, model).items():
            X[i, j] = v
    return X


def cross_validate(examples: list[Example], folds: int = 10) -> list[tuple[Example, str]]:
    """(example, predicted genre) for each real example, each predicted by a model that
    saw neither it nor its copies."""
    gid = groups(examples)
    real_groups = sorted({gid[i] for i, e in enumerate(examples) if e.real})
    out = []
    for k in range(folds):
        test = set(real_groups[k::folds])
        train = [e for i, e in enumerate(examples) if gid[i] not in test]
        model = fit(train)
        for i, e in enumerate(examples):
            if gid[i] in test and (e.real or e.origin):
                p = probabilities(e.feats, model)
                out.append((e, max(p, key=lambda c: p[c])))
    return out


def report(results: list[tuple[Example, str]]) -> str:
    lines = []
    cut = [(e, p) for e, p in results if e.origin]
    results = [(e, p) for e, p in results if e.real]
    for genre in GENRES:
        sel = [(e, p) for e, p in results if e.label == genre]
        if sel:
            ok = sum(e.label == p for e, p in sel)
            lines.append(f"  {genre:18} {ok}/{len(sel)} = {ok / len(sel):.2f}")
    ok = sum(e.label == p for e, p in results)
    web = [(e, p) for e, p in results if e.web]
    wok = sum(e.label == p for e, p in web)
    lines.append(f"  all real           {ok}/{len(results)} = {ok / max(len(results), 1):.3f}")
    lines.append(f"  corpus/web         {wok}/{len(web)} = {wok / max(len(web), 1):.3f}")
    cok = sum(e.label == p for e, p in cut)
    lines.append(f"  openings ({OPENING} chars) {cok}/{len(cut)} = {cok / max(len(cut), 1):.3f}")
    for e, p in results:
        if e.label != p:
            lines.append(f"    wrong: {e.name}: {e.label} -> {p}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--examples", type=Path, default=EXAMPLES)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--no-cv", action="store_true", help="fit and write the model without cross-validating")
    args = ap.parse_args(argv)
    examples = real_examples(args.shared) + written_examples(args.examples)
    counts = Counter((e.label, "real" if e.real else "opening" if e.origin else "written") for e in examples)
    print("training documents (real + their openings + written):")
    for genre in GENRES:
        print(f"  {genre:18} {counts[(genre, 'real')]} + {counts[(genre, 'opening')]} + {counts[(genre, 'written')]}")
    if not args.no_cv:
        print("grouped cross-validated accuracy on the real documents:")
        print(report(cross_validate(examples)))
    model = fit(examples)
    del model["index"]
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({len(model['features'])} features)")


if __name__ == "__main__":
    main()
