"""A store of the project's sample corpus (every format) plus the four hand-built districts,
for the web application's tests."""

from __future__ import annotations

from pathlib import Path

from test_store_samples import docs

from gongwen.process import process_file
from gongwen.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "sample"


def build(path: Path) -> Path:
    with Store.open(path) as store:
        for d in docs():
            store.put(d)
        for f in sorted(SAMPLES.iterdir()):
            store.put(process_file(f))
        store.put_failure(str(SAMPLES / "broken.pdf"), None, "unreadable", "truncated PDF")
    return path
