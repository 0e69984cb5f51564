"""Soak: ``gongwen run`` killed with SIGKILL at random moments, again and again.

Each round starts a run over the same archive and kills its whole process group
(the writer and its workers) after a random delay: during start-up, while the
schema is created, between two documents or in the middle of storing one. After
every kill the store must pass SQLite's integrity check and open; after the last
round a run to the end must leave every document stored exactly once and whole
(its child rows and full-text rows all there, its record equal to a clean run's).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
from batch_archive import build

from gongwen import stages
from gongwen.batch import run
from gongwen.batch.work import prepare
from gongwen.fulltext import indexed
from gongwen.store import Store, record_tables

HOOKS = ("batch_hooks",)
ROUNDS = 15
#: Kills fall anywhere from start-up to well into the run (seconds).
LONGEST_DELAY = 1.5


def _run_in_own_group(archive: str, db: str, ready: object) -> None:
    os.setsid()  # the test kills the group: this writer and the workers it forks
    ready.set()  # type: ignore[attr-defined]
    run([archive], db, workers=2, plugins=HOOKS, show_progress=False,
        pipeline=[*stages.DEFAULT_PIPELINE, "test-delay"])


def _check_intact(db: Path) -> None:
    if not db.exists():
        return  # killed before the store was created
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    Store.open(db).close()


def _whole(con: sqlite3.Connection, doc_id: str, record: dict) -> None:
    for table in record_tables():  # a kind's table is named after its record field
        n = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        assert n == len(record.get(table) or []), (doc_id, table)
    for table in indexed():
        # every row carries the words it was indexed with, and the index agrees with the rows
        # (FTS5's own integrity check raises when an external-content index is out of step)
        unindexed = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ? AND words IS NULL",
                                (doc_id,)).fetchone()[0]
        assert unindexed == 0, (doc_id, table)
        con.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES('integrity-check')")


@pytest.mark.skipif(sys.platform == "win32", reason="uses fork and process groups")
def test_runs_killed_at_random_moments_leave_a_store_that_completes(tmp_path: Path) -> None:
    archive = build(tmp_path / "archive", n=40, seed=5, pdf_every=0, docx_every=0)
    db = tmp_path / "soak.db"
    prepare(HOOKS)  # forked runs start warm: the kills land in the run, not in imports
    ctx = multiprocessing.get_context("fork")
    rng = random.Random(2024)
    for _ in range(ROUNDS):
        ready = ctx.Event()
        proc = ctx.Process(target=_run_in_own_group, args=(str(archive.root), str(db), ready))
        proc.start()
        assert ready.wait(30)
        proc.join(rng.uniform(0.0, LONGEST_DELAY))
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:  # the run had already finished
            pass
        proc.join()
        _check_intact(db)

    summary = run([str(archive.root)], db, workers=2, show_progress=False)
    assert not summary.interrupted
    clean = tmp_path / "clean.db"
    run([str(archive.root)], clean, workers=2, show_progress=False)
    with sqlite3.connect(db) as con, sqlite3.connect(clean) as ref:
        stored = con.execute("SELECT doc_id, sha256, record FROM documents").fetchall()
        expected = dict(ref.execute("SELECT sha256, record FROM documents"))
        assert len({sha for _, sha, _ in stored}) == len(stored)  # each document once
        assert {sha: rec for _, sha, rec in stored} == expected   # and the same as a clean run's
        for doc_id, _, rec in stored:
            _whole(con, doc_id, json.loads(rec))
        paths = [p for (p,) in con.execute("SELECT path FROM paths")]
        assert len(paths) == len(set(paths))
        assert {Path(p).name for (p,) in con.execute("SELECT path FROM failures")} == \
            {Path(p).name for (p,) in ref.execute("SELECT path FROM failures")}

