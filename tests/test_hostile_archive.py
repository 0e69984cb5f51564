"""A run over a hostile archive: links out of the tree and in a loop, text in awkward
encodings, zip bombs, XXE and entity expansion, truncated and looping PDFs, a 9 MB line
and lines built to make backtracking patterns quadratic.

The run must finish (each file stored or failed with a reason, none stalling the batch),
keep every file that is text, refuse the bombs, and store nothing from outside the tree.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from batch_archive import OUTSIDE_SECRET, Hostile, build_hostile

from gongwen.batch import run

pytestmark = pytest.mark.skipif(os.name == "nt", reason="needs symbolic links and named pipes")

#: Seconds a file may take: generous for a shared CI machine; a quadratic pattern takes hours.
PER_FILE = 90.0


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Hostile, Path, object]:
    h = build_hostile(tmp_path_factory.mktemp("hostile"))
    db = h.root.parent / "hostile.db"
    summary = run([str(h.root)], db, workers=2, timeout=PER_FILE, show_progress=False)
    return h, db, summary


def _stored(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as con:
        return {p: json.loads(r)["text"] for p, r in
                con.execute("SELECT p.path, d.record FROM paths p JOIN documents d USING (doc_id)")}


def _failures(db: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(db) as con:
        return {p: (k, r) for p, k, r in con.execute("SELECT path, kind, reason FROM failures")}


def test_the_run_finishes_with_every_file_accounted_for(hostile) -> None:
    h, db, summary = hostile
    assert not summary.interrupted
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored, failed = _stored(db), _failures(db)
    for path in [*h.stored, *h.refused, *h.either]:
        assert (str(path) in stored) != (str(path) in failed), path


def test_text_in_odd_encodings_and_shapes_is_kept(hostile) -> None:
    h, db, _ = hostile
    stored, failed = _stored(db), _failures(db)
    for path, phrase in h.stored.items():
        assert str(path) in stored, (path, failed.get(str(path)))
        assert phrase in stored[str(path)], path


def test_bombs_and_binary_are_refused_with_a_reason(hostile) -> None:
    h, db, _ = hostile
    failed = _failures(db)
    for path in h.refused:
        kind, reason = failed[str(path)]
        assert kind == "unreadable" and reason, path
    assert "zip bomb" in failed[str(h.root / "zips" / "bomb.docx")][1]


def test_nothing_from_outside_the_tree_is_stored_or_indexed(hostile) -> None:
    h, db, _ = hostile
    with sqlite3.connect(db) as con:
        records = "".join(r for (r,) in con.execute("SELECT record FROM documents"))
        indexed = "".join(w or "" for (w,) in con.execute("SELECT words FROM documents_fts"))
    assert OUTSIDE_SECRET[:4] not in records and OUTSIDE_SECRET[:4] not in indexed
    failed = _failures(db)
    for name in ("leak.txt", "leakdir", "broken.txt", "pipe.txt"):
        assert str(h.root / "links" / name) in failed, name
    assert not any("/loop/" in p for p in [*_stored(db), *failed])  # the loop was not walked
