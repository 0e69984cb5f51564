"""Latency of ``gongwen serve``'s search page on a store of 100,000 duties (target: p95 < 150 ms).

The store is the one ``bench/search.py`` builds (duties recombined from district duty-list
phrases, 1,000 documents in 50 regions). The server runs as ``gongwen serve`` runs it
(uvicorn on 127.0.0.1) and is asked over HTTP with keep-alive, so a figure is a whole
request: query parsing, FTS5 ranking, the total and the three facet counts, highlighting
and the HTML page. Printed per query form: p50 / p95 / max in milliseconds.

    .venv/bin/python bench/serve.py [--duties 100000] [--db PATH [--reuse]] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import search as corpus  # noqa: E402  (bench/search.py: the generated duty store)

from gongwen.store import Store  # noqa: E402

TARGET_MS = 150.0


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duties", type=int, default=100_000)
    ap.add_argument("--per-doc", type=int, default=100)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--reuse", action="store_true", help="use an existing --db")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    import httpx
    import uvicorn

    from gongwen.serve import create_app

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    if not (args.reuse and db.exists()):
        if db.exists():
            db.unlink()
        rng = random.Random(20240501)
        t = time.perf_counter()
        with Store.open(db) as store:
            for i in range(-(-args.duties // args.per_doc)):
                store.put(corpus.make_doc(i, args.per_doc, rng))
        print(f"built {db} in {time.perf_counter() - t:.0f} s")
    with Store.open(db) as store:
        n = store.record_counts({"duties": "duties"})["duties"]
    port = _port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    forms = {
        "words": lambda q: {"q": q},
        "words + region": lambda q: {"q": q, "region": "第1"},
        "OR + exclusion": lambda q: {"q": f"{q} OR 档案 -经费"},
        "page 3": lambda q: {"q": q, "page": "3"},
        "JSON": lambda q: {"q": q, "format": "json"},
    }
    print(f"search page over {n} duties, {len(corpus.QUERIES)} queries × {args.repeat} runs per form")
    worst = 0.0
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for name, make in forms.items():
            times = []
            for q in corpus.QUERIES:
                client.get("/search", params=make(q))  # warm
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    r = client.get("/search", params=make(q))
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, (r.status_code, q)
            p50, p95 = corpus.pct(times, 50), corpus.pct(times, 95)
            worst = max(worst, p95)
            print(f"  {name:<16} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {max(times):6.1f} ms")
    server.should_exit = True
    print(f"worst p95: {worst:.1f} ms (target < {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
