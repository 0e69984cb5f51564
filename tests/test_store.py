"""The store: idempotent puts, replacement of changed files, failures, migrations of
older stores, and survival of a run killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_store_samples import BEIHU, DONGSHAN, XILING, build, docs

from gongwen import migrations
from gongwen.errors import InputError
from gongwen.store import Store

TESTS = Path(__file__).resolve().parent


def count(store: Store, table: str) -> int:
    return store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_put_twice_stores_nothing_twice(tmp_path: Path) -> None:
    with Store.open(tmp_path / "g.db") as store:
        results = [store.put(d) for d in docs()]
        again = [store.put(d) for d in docs()]
        assert results == ["added"] * 4
        assert again == ["unchanged"] * 4
        assert count(store, "documents") == 4
        assert count(store, "duties") == sum(len(d.duties) for d in docs())
        assert count(store, "duties_fts") == count(store, "duties")
        assert count(store, "meeting_rules") == 3


def test_changed_file_replaces_its_record_and_children(tmp_path: Path) -> None:
    old = build(DONGSHAN)
    changed_text = DONGSHAN.text.replace("4、做好干部人事档案管理工作。\n", "")
    spec = DONGSHAN
    new = build(type(spec)(**{**spec.__dict__, "duties": [d for d in spec.duties if "档案" not in d[1]]}),
                text=changed_text)
    with Store.open(tmp_path / "g.db") as store:
        assert store.put(old) == "added"
        assert store.put(new) == "replaced"
        assert count(store, "documents") == 1
        assert count(store, "duties") == len(spec.duties) - 1
        assert count(store, "duties_fts") == len(spec.duties) - 1
        assert count(store, "sections_fts") == count(store, "sections") == len(spec.headings)
        assert store.known(spec.path, new.source.sha256)
        assert not store.known(spec.path, old.source.sha256)
        assert not store.has_sha(old.source.sha256)
        stored = store.get(new.doc_id)
        assert stored is not None and stored.to_dict() == new.to_dict()


def test_same_bytes_under_a_second_path(tmp_path: Path) -> None:
    doc = build(XILING)
    copy = build(type(XILING)(**{**XILING.__dict__, "path": "elsewhere/copy.txt"}))
    with Store.open(tmp_path / "g.db") as store:
        assert store.put(doc) == "added"
        assert store.put(copy) == "unchanged"
        assert store.known("elsewhere/copy.txt", doc.source.sha256)
        assert store.has_sha(doc.source.sha256)
        assert count(store, "documents") == 1
        assert store.delete(XILING.path)
        assert count(store, "documents") == 1  # still held by the copy
        assert store.delete("elsewhere/copy.txt")
        assert count(store, "documents") == 0 and count(store, "duties") == 0


def test_failures_replace_and_clear(tmp_path: Path) -> None:
    with Store.open(tmp_path / "g.db") as store:
        store.put_failure("a.pdf", None, "unreadable", "encrypted PDF")
        store.put_failure("a.pdf", "ab" * 32, "timeout", "over 60 s")
        store.put_failure("b.docx", None, "error", "bad zip")
        assert sorted((f.path, f.sha256, f.kind, f.reason) for f in store.failures()) == [
            ("a.pdf", "ab" * 32, "timeout", "over 60 s"), ("b.docx", None, "error", "bad zip")]
        store.clear_failure("b.docx")
        assert [f.path for f in store.failures()] == ["a.pdf"]
        with pytest.raises(ValueError, match="failure kind"):
            store.put_failure("c.txt", None, "bogus", "x")
        doc = build(BEIHU)
        store.put_failure(doc.source.path, None, "error", "crashed once")
        store.put(doc)
        assert [f.path for f in store.failures()] == ["a.pdf"]  # a stored document clears its failure


def test_summary_and_documents(tmp_path: Path) -> None:
    with Store.open(tmp_path / "g.db") as store:
        for d in docs():
            store.put(d)
        store.put_failure("x.pdf", None, "unreadable", "scanned image")
        s = store.summary()
        assert s.documents == 4
        assert s.by_doc_type == {"work_rules": 2, "duty_list": 2}
        assert s.by_region["东山区"] == 1
        assert s.records["duties"] == 21 and s.records["meeting_rules"] == 3
        assert s.failures == {"unreadable": 1}
        rows = store.documents(doc_type="duty_list")
        assert [r.region for r in rows] == ["北湖区", "南岭区"]
        assert rows[0].counts["duties"] == 6


def test_meeting_slots_are_columns(tmp_path: Path) -> None:
    with Store.open(tmp_path / "g.db") as store:
        store.put(build(DONGSHAN))
        row = store.con.execute(
            "SELECT frequency_count, frequency_per, frequency_min, quorum_fraction, vote_inclusive, attendees "
            "FROM meeting_rules WHERE body = '常委会会议'").fetchone()
        assert row[:5] == (2, "month", 0, 0.5, None)
        assert json.loads(row[5]) == ["区人大常委会主任", "区政协主席"]


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(InputError, match="junk.db.*not a gongwen store"):
        Store.open(bad)
    with pytest.raises(InputError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "folder.db")


def test_older_store_is_migrated(tmp_path: Path) -> None:
    """A store made by the gongwen before full-text search (today N-1) opens, migrates and is indexed."""
    path = tmp_path / "old.db"
    n = len(migrations.MIGRATIONS)
    before = [name for name, _ in migrations.MIGRATIONS].index("0004_full_text")
    with Store.open(path, upto=before) as old:
        assert migrations.applied(old.con) == [name for name, _ in migrations.MIGRATIONS[:before]]
        # the older gongwen had no full-text tables yet: write rows the way it would have
        old.con.execute("BEGIN")
        doc = build(DONGSHAN)
        old.con.execute(
            "INSERT INTO documents (doc_id, sha256, path, title, record, stored_at) VALUES (?,?,?,?,?,?)",
            (doc.doc_id, doc.source.sha256, doc.source.path, doc.title, doc.to_json(), "2024-01-01"))
        old.con.execute("INSERT INTO paths (path, doc_id, seen_at) VALUES (?,?,?)",
                        (doc.source.path, doc.doc_id, "2024-01-01"))
        old.con.execute("INSERT INTO duties (doc_id, did, organ, text) VALUES (?,?,?,?)",
                        (doc.doc_id, "d1", "区委", "管好用好党建专项经费"))
        old.con.execute("COMMIT")
        assert old.con.execute("PRAGMA user_version").fetchone()[0] == before
    with Store.open(path) as new:
        assert migrations.applied(new.con) == [name for name, _ in migrations.MIGRATIONS]
        assert new.con.execute("PRAGMA user_version").fetchone()[0] == n
        hits = new.con.execute("SELECT rowid FROM duties_fts WHERE duties_fts MATCH '\"经费\"'").fetchall()
        assert len(hits) == 1
        assert new.known(doc.source.path, doc.source.sha256)
    with Store.open(path) as again:  # opening a current store applies nothing
        assert migrations.apply(again.con) == []


KILLED_WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_store_samples import ALL, Spec, build
    from gongwen.store import Store
    store = Store.open(sys.argv[1])
    base = ALL[0]
    i = 0
    while True:
        text = base.text + "\\n附：第%d号修订说明。\\n" % i
        store.put(build(Spec(**{{**base.__dict__, "path": "run/doc%05d.txt" % i}}), text=text))
        print(i, flush=True)
        i += 1
""")


def test_run_killed_with_sigkill_leaves_a_usable_store(tmp_path: Path) -> None:
    path = tmp_path / "killed.db"
    script = tmp_path / "writer.py"
    script.write_text(KILLED_WRITER.format(tests=str(TESTS)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    finished = -1
    for line in proc.stdout:
        finished = int(line)
        if finished >= 30:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert finished >= 30
    with Store.open(path) as store:
        assert store.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = count(store, "documents")
        assert n >= finished + 1  # every put that reported back is there (maybe one more)
        # each stored document is whole: its duties and index rows came with it
        assert count(store, "duties") == n * len(DONGSHAN.duties)
        assert count(store, "duties_fts") == count(store, "duties")
        for i in range(finished + 1):
            assert store.known(f"run/doc{i:05d}.txt", _sha_of(store, f"run/doc{i:05d}.txt"))


def _sha_of(store: Store, path: str) -> str:
    row = store.con.execute("SELECT d.sha256 FROM paths p JOIN documents d USING (doc_id) WHERE p.path = ?",
                            (path,)).fetchone()
    assert row is not None, path
    return row[0]


def test_store_is_readable_by_plain_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "g.db"
    with Store.open(path) as store:
        store.put(build(DONGSHAN))
    con = sqlite3.connect(path)
    assert con.execute("SELECT title FROM documents").fetchone() == ("东山区委工作规则",)
    assert con.execute("SELECT count(*) FROM duties_fts WHERE duties_fts MATCH '\"党费\"'").fetchone() == (1,)


def test_a_failing_migration_leaves_the_store_at_the_previous_version(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.db"
    with Store.open(path) as store:
        store.put(build(DONGSHAN))

    def broken(con: sqlite3.Connection) -> None:
        con.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, ("9999_broken", broken)])
    with pytest.raises(RuntimeError, match="disk on fire"):
        Store.open(path)
    con = sqlite3.connect(path)
    assert "9999_broken" not in [r[0] for r in con.execute("SELECT name FROM migrations")]
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
