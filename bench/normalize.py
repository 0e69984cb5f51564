"""Throughput and peak memory of the normalizer on one large text, against OpenCC alone.

Usage: ``python bench/normalize.py [--mb 10] [--source DIR]``

Builds a text of ``--mb`` million characters by repeating the documents of
``--source`` (default: ../shared/seeds and ../shared/corpus, else the project's
sample corpus), then measures in the same run the baseline (one OpenCC ``t2s``
conversion of the whole text, the one step every traditional text needs) and
:func:`gongwen.normalize.normalize`, and prints chars/s for both, their ratio,
per-rule times and the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gongwen.normalize import RULES  # noqa: E402
from gongwen.normalize.edits import apply_edits, identity_map  # noqa: E402
from gongwen.normalize.script import converter, detect_script  # noqa: E402


def corpus(dirs: list[Path]) -> str:
    files = sorted(p for d in dirs for p in d.rglob("*.txt") if p.name[:1].isdigit())
    if not files:
        raise SystemExit(f"no .txt documents under {', '.join(map(str, dirs))}")
    return "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="million characters to normalize")
    ap.add_argument("--source", type=Path, action="append", help="folder of .txt documents (repeatable)")
    args = ap.parse_args()
    shared = ROOT.parent / "shared"
    dirs = args.source or ([shared / "seeds", shared / "corpus"] if shared.exists() else [ROOT / "corpora"])
    base = corpus(dirs)
    n = int(args.mb * 1_000_000)
    text = ((base + "\n\n") * (n // len(base) + 1))[:n]
    del base

    t0 = time.perf_counter()
    converter("t2s").convert(text)
    baseline = time.perf_counter() - t0

    t0 = time.perf_counter()
    script = detect_script(text)
    timings = [("detect", time.perf_counter() - t0)]
    out, offsets = text, identity_map(len(text))
    for name, rule in RULES:
        t1 = time.perf_counter()
        out, offsets = apply_edits(out, offsets, rule(out, script))
        timings.append((name, time.perf_counter() - t1))
    total = time.perf_counter() - t0

    print(f"input {len(text):,} chars, output {len(out):,} chars, script {script}")
    print(f"baseline OpenCC t2s: {len(text) / baseline:,.0f} chars/s")
    print(f"normalize:           {len(text) / total:,.0f} chars/s  ({total:.2f} s, "
          f"ratio to baseline {baseline / total:.3f})")
    for name, seconds in timings:
        print(f"  {name:<11} {seconds:6.2f} s")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
