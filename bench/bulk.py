"""Throughput of ``gongwen run``: files/s and MB/s for 1 and 2 local workers (and Dask), peak memory.

Usage: ``python bench/bulk.py [--docs 2000] [--dask] [--keep DIR]``

Generates an archive of small documents in mixed formats (tests/batch_archive.py),
measures the baseline (the same hashing, processing and storing, one file after
another in this one process, no executor), then runs the batch runner
into a fresh store per configuration and prints each rate with its ratio to the
baseline. Memory is the peak resident set of the whole process tree (parent plus
workers), sampled every 50 ms with psutil.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from batch_archive import build  # noqa: E402

from gongwen.batch import run  # noqa: E402
from gongwen.batch.discover import discover, sha256_of  # noqa: E402
from gongwen.batch.work import Task, prepare, process_one  # noqa: E402
from gongwen.record import Document  # noqa: E402
from gongwen.stages import DEFAULT_PIPELINE  # noqa: E402
from gongwen.store import Store  # noqa: E402


class PeakMemory:
    """Peak RSS (MB) of this process and all its descendants while the block runs."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval, self.peak, self._stop = interval, 0.0, threading.Event()

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total / 1e6)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def serial_baseline(paths: list[str], db: Path) -> tuple[float, float]:
    """Files/s and MB/s of the same work in this one process, no executor: hash, process, store."""
    prepare()
    total, done = 0, 0
    started = time.perf_counter()
    with Store.open(db) as store:
        for path in paths:
            sha, size = sha256_of(path)
            total += size
            outcome = process_one(Task(path, os.path.abspath(path), sha, size, tuple(DEFAULT_PIPELINE)))
            done += 1
            if outcome.record is not None:
                store.put(Document.from_json(outcome.record))
    seconds = time.perf_counter() - started
    return done / seconds, total / 1e6 / seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--dask", action="store_true", help="also run the Dask executor (LocalCluster, 2 workers)")
    ap.add_argument("--keep", type=Path, help="build the archive here and keep it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="gongwen-bulk-") as tmp:
        root = args.keep or Path(tmp) / "archive"
        t = time.perf_counter()
        build(root, n=args.docs)
        files = discover([root]).files
        size = sum(os.path.getsize(f) for f in files)
        print(f"archive: {len(files)} files, {size / 1e6:.2f} MB (built in {time.perf_counter() - t:.1f} s), "
              f"{os.cpu_count()} cores")
        base_fps, base_mbps = serial_baseline(files, Path(tmp) / "serial.db")
        print(f"{'serial, one process':24} {base_fps:8.1f} files/s {base_mbps:7.2f} MB/s   ratio 1.00")
        configs = [("local", 1), ("local", 2)] + ([("dask", 2)] if args.dask else [])
        for executor, workers in configs:
            db = Path(tmp) / f"{executor}{workers}.db"
            with PeakMemory() as mem:
                s = run([str(root)], db, executor, workers=workers, show_progress=False)
            print(f"{f'{executor}, {workers} worker(s)':24} {s.files_per_second:8.1f} files/s "
                  f"{s.mb_per_second:7.2f} MB/s   ratio {s.files_per_second / base_fps:.2f}   "
                  f"peak RSS {mem.peak:.0f} MB   ({s.processed} files in {s.seconds:.1f} s, "
                  f"{sum(s.failures.values())} failed)")


if __name__ == "__main__":
    main()
