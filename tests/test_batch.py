"""Bulk runs over a generated archive: discovery, both executors, resume, time limit, CLI."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_archive import Archive, build, work_rules
from typer.testing import CliRunner

from gongwen import stages
from gongwen.batch import run
from gongwen.batch.discover import discover
from gongwen.errors import InputError

TESTS = Path(__file__).resolve().parent
HOOKS = ["batch_hooks"]
#: Bad files whose failure kind does not depend on how clever a reader is.
SURELY_UNREADABLE = {"empty.txt", "notazip.docx", "truncated.pdf"}


def records(db: Path) -> dict[str, str]:
    """sha256 → stored record JSON: what two stores must agree on byte for byte."""
    with sqlite3.connect(db) as con:
        return dict(con.execute("SELECT sha256, record FROM documents"))


def failures(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as con:
        return {Path(p).name: k for p, k in con.execute("SELECT path, kind FROM failures")}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return build(tmp_path_factory.mktemp("batch") / "archive", n=200)


@pytest.fixture(scope="module")
def reference(archive: Archive, tmp_path_factory: pytest.TempPathFactory):
    """The archive processed once by the local executor."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    summary = run([str(archive.root)], db, workers=2, show_progress=False)
    return db, summary


# -- discovery ------------------------------------------------------------------------------

@pytest.mark.parametrize("names, files, skipped", [
    (["a.txt", "b.docx", "c.mp3"], ["a.txt", "b.docx"], {".mp3": 1}),
    (["A.TXT", "page.htm", "report.pdf"], ["A.TXT", "page.htm", "report.pdf"], {}),
    ([".hidden.txt", ".git/config.txt", "x/y/z.html"], ["x/y/z.html"], {"(hidden)": 1}),
    (["README", "b/2.txt", "a/1.txt"], ["a/1.txt", "b/2.txt"], {"(no suffix)": 1}),
])
def test_discover_keeps_readable_formats_in_order(tmp_path: Path, names: list[str], files: list[str],
                                                  skipped: dict[str, int]) -> None:
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = discover([tmp_path])
    assert [os.path.relpath(f, tmp_path) for f in found.files] == files
    assert dict(found.skipped) == skipped


def test_discover_names_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nowhere"):
        discover([tmp_path / "nowhere"])


def test_discover_lists_a_file_given_twice_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    assert len(discover([tmp_path, tmp_path / "a.txt"]).files) == 1


# -- a whole archive --------------------------------------------------------------------------

def test_local_run_stores_every_document_once_and_records_failures(archive: Archive, reference) -> None:
    db, summary = reference
    assert summary.found == len(archive.documents) + len(archive.duplicates) + len(archive.corrupt)
    assert summary.processed == len(archive.documents) + len(archive.corrupt)
    assert sorted(summary.duplicates) == sorted(str(p) for p in archive.duplicates)
    assert all(Path(orig).name in Path(dup).name for dup, orig in summary.duplicates.items())
    assert sum(summary.skipped.values()) == len(archive.skipped)
    failed = failures(db)
    assert {name: failed.get(name) for name in SURELY_UNREADABLE} == dict.fromkeys(SURELY_UNREADABLE, "unreadable")
    assert len(records(db)) == summary.stored["added"] == summary.processed - sum(summary.failures.values())
    assert len(records(db)) + len(failed) == summary.processed


def test_second_run_processes_nothing(reference, tmp_path: Path, archive: Archive) -> None:
    db = tmp_path / "again.db"
    shutil.copyfile(reference[0], db)
    summary = run([str(archive.root)], db, workers=2, show_progress=False)
    assert summary.processed == 0
    assert summary.unchanged == len(records(db))
    assert summary.failed_before == len(failures(db))
    assert records(db) == records(reference[0])


def test_dask_executor_gives_the_same_store(archive: Archive, reference, tmp_path: Path) -> None:
    db = tmp_path / "dask.db"
    summary = run([str(archive.root)], db, "dask", workers=2, show_progress=False)
    assert summary.processed == reference[1].processed
    assert records(db) == records(reference[0])
    assert failures(db) == failures(reference[0])


def test_killed_run_resumes_to_the_full_set(archive: Archive, reference, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    script = (f"import sys; sys.path.insert(0, {str(TESTS)!r})\n"
              "from gongwen import stages\nfrom gongwen.batch import run\n"
              f"run([{str(archive.root)!r}], {str(db)!r}, workers=2, plugins={HOOKS!r}, show_progress=False,\n"
              "    pipeline=[*stages.DEFAULT_PIPELINE, 'test-delay'])\n")
    proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _count(db) < 30:
        assert proc.poll() is None, f"run ended before it could be killed: {proc.stderr.read().decode()[-2000:]}"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_when_killed = _count(db)
    assert 30 <= stored_when_killed < len(records(reference[0]))
    summary = run([str(archive.root)], db, workers=2, show_progress=False)
    assert summary.unchanged == stored_when_killed
    assert records(db) == records(reference[0])
    assert failures(db) == failures(reference[0])


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


# -- changes, failures and the time limit ------------------------------------------------------

def _small_archive(root: Path, names: list[str]) -> Path:
    import random

    rng = random.Random(3)
    root.mkdir(parents=True)
    for i, name in enumerate(names):
        (root / name).write_text(work_rules(rng) + f"\n（编号：{i}）", encoding="utf-8")
    return root


def test_changed_and_new_files_are_the_only_work_of_a_second_run(tmp_path: Path) -> None:
    root = _small_archive(tmp_path / "arc", ["a.txt", "b.txt", "c.txt"])
    db = tmp_path / "s.db"
    first = run([str(root)], db, workers=1, show_progress=False)
    assert (first.processed, dict(first.stored)) == (3, {"added": 3})
    old_b = hashlib.sha256((root / "b.txt").read_bytes()).hexdigest()
    (root / "b.txt").write_text("第一条 本规则经修订后重新施行。", encoding="utf-8")
    (root / "d.txt").write_text("第一条 新增的规则。", encoding="utf-8")
    second = run([str(root)], db, workers=1, show_progress=False)
    assert (second.processed, second.unchanged, dict(second.stored)) == (2, 2, {"replaced": 1, "added": 1})
    assert len(records(db)) == 4 and old_b not in records(db)


@pytest.mark.parametrize("executor", ["local", "dask"])
def test_a_hanging_file_times_out_and_a_raising_stage_is_an_error(tmp_path: Path, executor: str) -> None:
    root = _small_archive(tmp_path / "arc", ["a.txt", "HANG.txt", "b.txt", "RAISE.txt", "c.txt", "d.txt"])
    db = tmp_path / "t.db"
    started = time.monotonic()
    summary = run([str(root)], db, executor, workers=2, timeout=2, plugins=HOOKS, show_progress=False,
                  pipeline=[*stages.DEFAULT_PIPELINE, "test-hang-on-mark", "test-raise-on-mark"])
    assert time.monotonic() - started < 45
    assert failures(db) == {"HANG.txt": "timeout", "RAISE.txt": "error"}
    assert dict(summary.failures) == {"timeout": 1, "error": 1}
    assert len(records(db)) == 4
    with sqlite3.connect(db) as con:
        reason = con.execute("SELECT reason FROM failures WHERE kind = 'error'").fetchone()[0]
    assert reason == "ValueError: cannot handle RAISE.txt"


def test_failed_files_are_retried_only_when_asked(tmp_path: Path) -> None:
    root = _small_archive(tmp_path / "arc", ["a.txt"])
    (root / "empty.txt").write_bytes(b"")
    db = tmp_path / "f.db"
    run([str(root)], db, workers=1, show_progress=False)
    assert run([str(root)], db, workers=1, show_progress=False).processed == 0
    again = run([str(root)], db, workers=1, show_progress=False, retry_failed=True)
    assert (again.processed, dict(again.failures)) == (1, {"unreadable": 1})


# -- the commands -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cli():

    from gongwen.cli import load_commands

    app = load_commands()
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def test_run_and_failures_commands(cli, tmp_path: Path) -> None:
    root = _small_archive(tmp_path / "arc", ["a.txt", "b.txt"])
    (root / "empty.txt").write_bytes(b"")
    db = tmp_path / "c.db"
    result = cli("run", root, "--db", db, "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "3 found, 3 processed" in result.output
    listed = cli("failures", "--db", db)
    assert listed.exit_code == 0
    assert listed.stdout.strip() == f"{root / 'empty.txt'}\tunreadable\tfile is empty"


@pytest.mark.parametrize("args, message", [
    (["run", "{tmp}/missing", "--db", "{tmp}/x.db"], "missing: no such file or folder"),
    (["run", "{tmp}", "--db", "{tmp}/x.db", "--executor", "spark"], "unknown executor 'spark'"),
    (["run", "{tmp}", "--db", "{tmp}/x.db", "--scheduler", "tcp://h:8786"], "--scheduler needs --executor dask"),
    (["run", "{tmp}", "--db", "{tmp}/no/such/x.db"], "x.db: folder"),
    (["failures", "--db", "{tmp}/none.db"], "none.db: no such store"),
])
def test_commands_reject_bad_input_in_one_line(cli, tmp_path: Path, args: list[str], message: str) -> None:
    result = cli(*[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


# -- what the user sees -------------------------------------------------------------------------

@pytest.mark.parametrize("statuses, last_line", [
    (["ok", "ok", "ok"], "3/3 files"),
    (["ok", "timeout", "skipped", "unreadable"], "4/4 files"),
])
def test_log_progress_writes_plain_lines(statuses: list[str], last_line: str) -> None:
    import io

    from gongwen.batch.progress import LogProgress

    out = io.StringIO()
    failed = sum(s in ("timeout", "unreadable", "error") for s in statuses)
    with LogProgress(len(statuses), out, interval=0) as bar:
        for status in statuses:
            bar.advance(status)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(statuses) + 1
    assert lines[-1].startswith(f"[gongwen run] {last_line}") and lines[-1].endswith(f", {failed} failed")
    assert "\x1b" not in out.getvalue()


def test_summary_counts_records_and_throughput(reference) -> None:
    summary = reference[1]
    text = "\n".join(summary.lines())
    assert f"{summary.processed} processed" in text
    assert sum(summary.by_doc_type.values()) == summary.stored["added"]
    assert "files/s" in text and "MB/s" in text
    assert summary.files_per_second > 0
