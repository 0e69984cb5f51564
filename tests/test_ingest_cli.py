"""``gongwen extract`` with unreadable files: one line on stderr each, exit 1, the rest processed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from gongwen.cli import load_commands


def test_bad_files_are_reported_and_the_rest_processed(tmp_path: Path, samples: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.docx"
    fake.write_text("不是Word文件", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(load_commands(), ["extract", str(empty), str(samples / "work_rules.txt"),
                                         str(fake), "--out", str(out)])
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(errors) == 2
    assert str(empty) in errors[0] and "empty" in errors[0]
    assert str(fake) in errors[1] and "not a zip" in errors[1]
    assert "Traceback" not in result.output
    records = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")]
    assert [r["source"]["path"] for r in records] == [str(samples / "work_rules.txt")]


def test_all_good_files_exit_0(tmp_path: Path, samples: Path) -> None:
    result = CliRunner().invoke(load_commands(), ["extract", str(samples / "budget_table.txt"), "--jsonl"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"]["format"] == "txt"


def test_jsonl_and_out_dir_hold_the_same_records(tmp_path: Path, samples: Path) -> None:
    files = [str(samples / "work_rules.txt"), str(samples / "budget_table.docx")]
    lines = CliRunner().invoke(load_commands(), ["extract", *files, "--jsonl"]).stdout.splitlines()
    assert len(lines) == 2  # one record per line
    CliRunner().invoke(load_commands(), ["extract", *files, "--out", str(tmp_path)])
    from_dir = {r["doc_id"]: r for r in (json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.json"))}
    assert {r["doc_id"]: r for r in map(json.loads, lines)} == from_dir
    assert from_dir[json.loads(lines[0])["doc_id"]]["duties"]  # a real record, not an empty shell
