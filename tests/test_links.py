"""Symbolic links in an input folder never lead the pipeline out of it (unless asked).

A link named like a document but pointing at a file outside the folder the user
handed over (``/etc/passwd``, a home directory) must not end up in the store or
its full-text index; a link loop must not make the walk run forever.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongwen.batch import run
from gongwen.batch.discover import discover
from gongwen.cli import load_commands

SECRET = "机密口令：绝不外传的内容\n第一条 这一行不属于输入文件夹。\n"
RULES = "某单位工作规则\n第一条 会议每月召开一次。\n"

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs symbolic links")


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """``in/`` with one real document, links out of it (file, folder, broken) and a link loop."""
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "deep" / "more.txt").write_text(SECRET, encoding="utf-8")
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "rules.txt").write_text(RULES, encoding="utf-8")
    (root / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "leakdir").symlink_to(outside / "deep", target_is_directory=True)
    (root / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)     # a cycle
    (root / "inside.txt").symlink_to(root / "sub" / "rules.txt")           # stays inside: fine
    return root


def test_links_out_of_the_folder_are_refused_with_the_reason(tree: Path) -> None:
    found = discover([tree])
    assert [os.path.relpath(f, tree) for f in found.files] == ["inside.txt"]  # same file as sub/rules.txt
    refused = {os.path.relpath(p, tree): why for p, why in found.refused.items()}
    assert set(refused) == {"leak.txt", "leakdir", "broken.txt"}
    assert "outside" in refused["leak.txt"] and "--follow-links" in refused["leak.txt"]
    assert "broken" in refused["broken.txt"]


def test_follow_links_reads_them_and_a_loop_ends(tree: Path) -> None:
    found = discover([tree], follow_links=True)
    names = sorted(os.path.relpath(f, tree) for f in found.files)
    assert names == ["inside.txt", "leak.txt", "leakdir/more.txt"]
    assert "sub/loop" in {os.path.relpath(p, tree) for p in found.refused}


def test_a_pipe_named_like_a_document_is_not_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(tmp_path / "pipe.txt")
    found = discover([tmp_path])
    assert found.files == [] and "regular file" in found.refused[str(tmp_path / "pipe.txt")]


def _stored_text(db: Path) -> str:
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT record FROM documents").fetchall()
        rows += con.execute("SELECT words FROM documents_fts").fetchall()
    return "".join(r[0] for r in rows)


def test_run_keeps_outside_content_out_of_the_store(tree: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    summary = run([tree], db, workers=1, show_progress=False)
    assert summary.failures["unreadable"] == 3
    assert "绝不外传" not in _stored_text(db) and "外传" not in _stored_text(db)
    result = CliRunner().invoke(load_commands(), ["failures", "--db", str(db)])
    assert str(tree / "leak.txt") in result.stdout and "outside" in result.stdout
    summary = run([tree], tmp_path / "follow.db", workers=1, show_progress=False, follow_links=True)
    assert "绝不外传" in _stored_text(tmp_path / "follow.db")


def test_extract_walks_a_folder_and_refuses_links_out(tree: Path) -> None:
    result = CliRunner().invoke(load_commands(), ["extract", str(tree), "--jsonl"])
    assert result.exit_code == 1  # something was not read: said, not silent
    assert "绝不外传" not in result.stdout
    assert [line for line in result.stdout.splitlines() if line.strip()]  # the real document is there
    assert "leak.txt" in result.stderr and "outside" in result.stderr
    followed = CliRunner().invoke(load_commands(), ["extract", str(tree), "--jsonl", "--follow-links"])
    assert "绝不外传" in followed.stdout
