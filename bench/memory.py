"""Peak memory of ``gongwen extract`` on a large text file (budget: 500 MB for 10 MB).

Usage: ``python bench/memory.py [--mb 10] [--blame]``

Generates a text file of the requested size by repeating the project's sample
texts (work rules, duty list, yearbook, budget table export), runs
``gongwen extract FILE --out DIR`` in a subprocess and prints the child's peak
resident set size (``getrusage(RUSAGE_CHILDREN)``, which covers exactly the
processes this script waited for). With ``--blame`` it also runs the pipeline
stage by stage (each prefix of ``DEFAULT_PIPELINE`` in a fresh process) so the
stage whose addition raises the peak can be named.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "sample"
LIMIT_MB = 500
SEEDS = ("work_rules.txt", "budget_table.txt")
SOURCES = ("duty_list.txt", "yearbook.txt")  # sources of the .pdf/.html samples, as plain text


def make_file(path: Path, megabytes: float) -> int:
    """Write ``megabytes`` MB of UTF-8 text made of the samples; returns its size in bytes."""
    parts = [(SAMPLES / name).read_text(encoding="utf-8") for name in SEEDS]
    parts += ["\n".join(ln for ln in (ROOT / "corpora" / "src" / name).read_text(encoding="utf-8").splitlines()
                        if not ln.startswith("#")) for name in SOURCES]
    block = ("\n".join(parts) + "\n").encode("utf-8")
    target = int(megabytes * 1024 * 1024)
    with path.open("wb") as f:
        written = 0
        while written < target:
            chunk = block[: target - written]
            chunk = chunk.decode("utf-8", errors="ignore").encode("utf-8")  # never cut a character
            f.write(chunk)
            written += len(chunk)
            if not chunk:
                break
    return path.stat().st_size


def _gongwen() -> list[str]:
    exe = Path(sys.executable).with_name("gongwen")
    return [str(exe)] if exe.exists() else [shutil.which("gongwen") or "gongwen"]


def peak_of(cmd: list[str]) -> tuple[float, float, int]:
    """Run ``cmd`` in a fresh child (via a wrapper process so the peak is its own);
    returns (peak RSS in MB, seconds, exit code)."""
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t, rc)")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
    kb, seconds, rc = out.stdout.split()
    return int(kb) / 1024, float(seconds), int(rc)


def blame(path: Path) -> list[tuple[str, float]]:
    """Peak memory after each stage of the default pipeline (each prefix run afresh)."""
    sys.path.insert(0, str(ROOT))
    from gongwen.stages import DEFAULT_PIPELINE

    rows = [("read", peak_of([sys.executable, "-c",
                              f"from gongwen.ingest import read; read({str(path)!r})"])[0])]
    for k in range(1, len(DEFAULT_PIPELINE) + 1):
        names = DEFAULT_PIPELINE[:k]
        code = f"from gongwen.process import process_file; process_file({str(path)!r}, {names!r})"
        rows.append((names[-1], peak_of([sys.executable, "-c", code])[0]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the generated file (MB)")
    parser.add_argument("--blame", action="store_true", help="also measure the peak after each stage")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gongwen_mem_") as tmp:
        path = Path(tmp) / "big.txt"
        size = make_file(path, args.mb)
        baseline, _, _ = peak_of([sys.executable, "-c", "pass"])
        peak, seconds, rc = peak_of([*_gongwen(), "extract", str(path), "--out", str(Path(tmp) / "out")])
        chars = len(path.read_text(encoding="utf-8"))
        print(f"input: {size / 1e6:.1f} MB, {chars:,} chars")
        print(f"gongwen extract: peak RSS {peak:.0f} MB (bare python {baseline:.0f} MB), "
              f"{seconds:.1f} s, {chars / max(seconds, 1e-9) / 1000:.0f}k chars/s, exit {rc}")
        verdict = "OK" if peak <= LIMIT_MB else "OVER"
        print(f"budget {LIMIT_MB} MB: {verdict}")
        if args.blame or peak > LIMIT_MB:
            print("peak after each stage (fresh process per prefix):")
            previous = baseline
            for name, mb in blame(path):
                print(f"  {name:<12} {mb:7.0f} MB  (+{mb - previous:.0f})")
                previous = max(previous, mb)
        return 0 if peak <= LIMIT_MB and rc == 0 else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    _ = resource  # getrusage is used in the wrapper child
    sys.exit(main())
