"""Throughput of punctuation restoration on a long text that lost its marks.

Usage: ``python bench/punctuation.py [--mb 1] [--module FILE]``

Builds a text of ``--mb`` million characters from the documents of ../shared (seeds and
corpus, the sample corpus without it; their prose lines, table rows left out), strips its punctuation as the robustness damage
does, once with its line breaks kept and once run into one line, and times
:func:`gongwen.normalize.punctuation.restore_punctuation` on each (model loading apart),
printing chars/s. ``--module`` times another copy of ``punctuation.py`` (with its model
file beside it), e.g. the one of an earlier commit, to compare before and after.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from damage import lose_line_breaks, strip_punctuation  # noqa: E402


def corpus(dirs: list[Path]) -> str:
    files = sorted(p for d in dirs for p in d.rglob("*.txt") if p.name[:1].isdigit() or p.name[:1] == "w")
    if not files:
        raise SystemExit(f"no .txt documents under {', '.join(map(str, dirs))}")
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    # table rows keep their marks under the damage; a text of prose only is restored whole
    return "\n".join(line for line in text.split("\n") if "|" not in line and "\t" not in line)


def load(module: Path | None):
    if module is None:
        from gongwen.normalize import punctuation

        return punctuation
    spec = importlib.util.spec_from_file_location("punctuation_under_test", module)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{module}: not a Python module")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="million characters to restore")
    ap.add_argument("--module", type=Path, help="another punctuation.py to time")
    args = ap.parse_args()
    shared = ROOT.parent / "shared"
    dirs = [shared / "seeds", shared / "corpus"] if shared.exists() else [ROOT / "corpora"]
    base = strip_punctuation(corpus(dirs), random.Random(0))
    n = int(args.mb * 1_000_000)
    lines = ((base + "\n") * (n // len(base) + 1))[:n]
    mod = load(args.module)
    if mod.load_model() is None:
        raise SystemExit("no punctuation model beside the module")
    for name, text in (("lines kept", lines), ("run together", lose_line_breaks(lines, random.Random(0)))):
        t0 = time.perf_counter()
        edits = mod.restore_punctuation(text)
        took = time.perf_counter() - t0
        print(f"{name:13} {len(text):>9} chars  {took:6.2f} s  {len(text) / took:>10,.0f} chars/s  "
              f"{len(edits)} insertions")


if __name__ == "__main__":
    main()
