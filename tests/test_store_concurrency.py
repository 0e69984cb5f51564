"""Several processes writing one store: each waits its turn, all finish, none is told
the store is "not a gongwen store" because another one held it for a moment."""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from batch_archive import build

from gongwen import store as store_module
from gongwen.errors import InputError
from gongwen.process import process_text
from gongwen.store import Store

WRITERS = 6


def _open_and_write(args: tuple[str, int, object]) -> str:
    path, i, barrier = args
    barrier.wait()  # type: ignore[attr-defined]
    try:
        with Store.open(path) as s:
            for k in range(3):
                s.put(process_text(f"某单位工作规则（{i}-{k}）\n第一条 会议每月召开一次。\n", path=f"{i}-{k}.txt"))
    except Exception as e:  # reported back: the assertion shows what went wrong
        return f"{type(e).__name__}: {e}"
    return "ok"


@pytest.mark.skipif(sys.platform == "win32", reason="uses fork")
def test_writers_opening_a_new_store_at_once_all_finish(tmp_path: Path) -> None:
    """Opening a fresh file races on switching it to WAL mode, which SQLite does not
    wait for by itself: without retries about one start in ten failed here."""
    ctx = multiprocessing.get_context("fork")
    with ctx.Manager() as manager, ctx.Pool(WRITERS) as pool:
        for trial in range(12):
            db = str(tmp_path / f"s{trial}.db")
            barrier = manager.Barrier(WRITERS)
            results = pool.map(_open_and_write, [(db, i, barrier) for i in range(WRITERS)])
            assert results == ["ok"] * WRITERS
            with sqlite3.connect(db) as con:
                assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == WRITERS * 3


@contextmanager
def _locked(db: Path, seconds: float) -> Iterator[None]:
    """Another connection holds the write lock of ``db`` for ``seconds`` from entry on."""
    started = threading.Event()

    def hold() -> None:
        con = sqlite3.connect(db, isolation_level=None)
        con.execute("BEGIN EXCLUSIVE")
        started.set()
        time.sleep(seconds)
        con.execute("ROLLBACK")
        con.close()

    holder = threading.Thread(target=hold)
    holder.start()
    started.wait()
    try:
        yield
    finally:
        holder.join()


DOC_TEXT = "某单位规则\n第一条 会议每月召开一次。\n"


def test_a_writer_waits_for_a_lock_held_longer_than_one_timeout(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "g.db"
    sqlite3.connect(db).execute("CREATE TABLE x (y)").connection.close()  # a plain file, not yet WAL
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.05)
    doc = process_text(DOC_TEXT)
    with _locked(db, 0.6), Store.open(db) as s:  # waits, retrying, past many 0.05 s timeouts
        assert s.put(doc) == "added"


def test_a_store_busy_for_too_long_is_called_busy(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "g.db"
    Store.open(db).close()
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.05)
    monkeypatch.setattr(store_module, "BUSY_WAIT", 0.3)
    doc = process_text(DOC_TEXT)
    with _locked(db, 1.5), pytest.raises(InputError) as e, Store.open(db) as s:
        s.put(doc)
    assert "busy" in e.value.reason and "not a gongwen store" not in e.value.reason


def test_two_gongwen_runs_into_one_store_both_finish(tmp_path: Path) -> None:
    first = build(tmp_path / "a", n=16, seed=1, pdf_every=0, docx_every=0)
    second = build(tmp_path / "b", n=16, seed=2, pdf_every=0, docx_every=0)
    db = tmp_path / "g.db"
    gongwen = [sys.executable, "-m", "gongwen"]
    runs = [subprocess.Popen([*gongwen, "run", str(arc.root), "--db", str(db), "-w", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for arc in (first, second)]
    outputs = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    assert not any("locked" in err or "not a gongwen store" in err for _, err in outputs)
    with sqlite3.connect(db) as con:
        stored = con.execute("SELECT count(*) FROM documents WHERE path NOT LIKE '%/bad/%'").fetchone()[0]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert stored == len(first.documents) + len(second.documents)
