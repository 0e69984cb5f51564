"""What each kind of real-world damage costs, part by part, on every real gold document.

Usage: ``python bench/robustness.py [--shared ../shared] [--kind NAME ...] [--doc SUBSTR]
[--workers 2] [--json FILE]``

For every document of ``../shared`` that has a gold file, the pipeline's own normalized
text (tables rewritten as plain pipe rows) is the clean text. Each damage of
``bench/damage.py`` is applied to it, both versions are extracted, and the scorer of
``../shared/tools/score.py`` scores both against the document's gold file (its
``sha256`` rewritten to pair with each version). The table prints, per damage kind,
how much each part's score drops from the clean text to the damaged one, over the
documents the damage changed (table damages change only documents with tables), and
ends with one line naming the worst drop. The target is no drop above 0.05.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import random
import sys
import tempfile
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import damage  # noqa: E402

from gongwen.process import process_file, process_text  # noqa: E402

#: (label, part, metric) columns of the table; a metric that is a dict is read as its F1.
COLUMNS = [
    ("sections", "sections", "f1"), ("tree", "sections", "tree"),
    ("duties", "duties", "f1"), ("organ", "duties", "organ"),
    ("meetings", "meeting_rules", "f1"), ("slots", "meeting_rules", "slots"),
    ("figures", "figures", "f1"), ("exact", "figures", "exact"),
    ("budget", "budget_items", "f1"), ("indic.", "budget_items", "indicators"),
    ("type", "meta", "doc_type"), ("title", "meta", "title"),
    ("region", "meta", "region"), ("org", "meta", "organization"),
]
TARGET = 0.05


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("gold_score", shared / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_documents(shared: Path, only: str | None) -> list[tuple[Path, dict[str, Any]]]:
    sources = {p.name: p for p in [*(shared / "seeds").glob("*"), *(shared / "corpus").glob("*/*")]}
    out = []
    for gpath in sorted((shared / "corpus" / "gold").glob("*.gold.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        if gold.get("file") in sources and (not only or only in gpath.name):
            out.append((sources[gold["file"]], gold))
    return out


def _seed(*parts: str) -> int:
    return zlib.crc32("|".join(parts).encode("utf-8"))


def damaged_versions(path: Path, kinds: list[str]) -> tuple[str, dict[str, str]]:
    """The clean text of ``path`` and, per damage kind that changes it, the damaged text."""
    doc = process_file(path)
    tables = doc.work.tables
    clean = damage.canonical_tables(doc.text, tables)
    out: dict[str, str] = {}
    for kind in kinds:
        rng = random.Random(_seed(path.name, kind))
        if kind in damage.TABLE_DAMAGES:
            if not tables:
                continue
            render = damage.TABLE_DAMAGES.get(kind)
            text = damage.render_tables(doc.text, tables, lambda rows, r=render, g=rng: r(rows, g))
        else:
            text = damage.DAMAGES.get(kind)(clean, rng)
        if text != clean:
            out[kind] = text
    return clean, out


def _extract(args: tuple[str, str]) -> str:
    name, text = args
    return process_text(text, path=name).to_json()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def score_set(score: Any, pairs: list[tuple[dict[str, Any], str, str]], work: Path) -> dict[str, Any]:
    """The scorer's summary for (gold, text, record JSON) triples, each gold paired by the text's sha."""
    gold_dir, pred_dir = work / "gold", work / "pred"
    for d in (gold_dir, pred_dir):
        d.mkdir(parents=True, exist_ok=True)
        for f in d.iterdir():
            f.unlink()
    for i, (gold, text, record) in enumerate(pairs):
        g = dict(gold, sha256=_sha(text))
        (gold_dir / f"{i:03d}.gold.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
        (pred_dir / f"{i:03d}.json").write_text(record, encoding="utf-8")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        score.main(["--gold", str(gold_dir), "--pred", str(pred_dir), "--json"])
    return json.loads(buf.getvalue())["summary"]


def metric(summary: dict[str, Any], part: str, name: str) -> float | None:
    value = summary.get(part, {}).get(name)
    if isinstance(value, dict):
        value = value.get("f1")
    return value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--kind", action="append", help="damage kinds to run (default: all)")
    ap.add_argument("--doc", help="only gold files whose name contains this")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the drops as JSON here")
    args = ap.parse_args()
    if not (args.shared / "corpus" / "gold").is_dir():
        raise SystemExit(f"no gold files under {args.shared}/corpus/gold")
    kinds = args.kind or damage.DAMAGES.names() + damage.TABLE_DAMAGES.names()
    docs = gold_documents(args.shared, args.doc)
    score = _scorer(args.shared)

    versions = {path.name: damaged_versions(path, kinds) for path, _ in docs}
    jobs = [(f"{name}.clean.txt", clean) for name, (clean, _) in versions.items()]
    jobs += [(f"{name}.{k}.txt", text) for name, (_, dmg) in versions.items() for k, text in dmg.items()]
    with ProcessPoolExecutor(max_workers=max(1, args.workers)) as pool:
        records = dict(zip((n for n, _ in jobs), pool.map(_extract, jobs, chunksize=4), strict=True))

    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            hit = [(path.name, gold) for path, gold in docs if kind in versions[path.name][1]]
            if not hit:
                continue
            clean = score_set(score, [(g, versions[n][0], records[f"{n}.clean.txt"]) for n, g in hit], Path(tmp))
            dmg = score_set(score, [(g, versions[n][1][kind], records[f"{n}.{kind}.txt"]) for n, g in hit],
                            Path(tmp))
            drops: dict[str, float | None] = {}
            for label, part, name in COLUMNS:
                a, b = metric(clean, part, name), metric(dmg, part, name)
                drops[label] = None if a is None or b is None else round(a - b, 3)
            rows[kind] = {"docs": len(hit), "drops": drops}

    width = max(len(k) for k in rows) if rows else 10
    print(f"score drop from clean to damaged text, over the documents each damage changed "
          f"({len(docs)} gold documents)")
    print(f"{'damage':<{width}} {'docs':>4} " + " ".join(f"{label:>8}" for label, _, _ in COLUMNS))
    worst = (0.0, "", "")
    for kind, row in rows.items():
        cells = []
        for label, _, _ in COLUMNS:
            d = row["drops"][label]
            cells.append(f"{'—' if d is None else f'{d:+.3f}'.replace('+', ' '):>8}")
            if d is not None and d > worst[0]:
                worst = (d, kind, label)
        print(f"{kind:<{width}} {row['docs']:>4} " + " ".join(cells))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"worst drop: {worst[0]:.3f} ({worst[1] or 'none'}, {worst[2] or '-'}); target ≤ {TARGET}")


if __name__ == "__main__":
    main()
