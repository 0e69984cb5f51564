"""``gongwen extract`` inputs: standard input (``-``), folders, and output files named after their input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from gongwen.cli import load_commands

RULES = "某单位工作规则\n第一条 会议每月召开一次，须有半数以上成员到会。\n"


def _invoke(*args: str, **kw):
    return CliRunner().invoke(load_commands(), list(args), **kw)


def test_extract_reads_standard_input(samples: Path) -> None:
    res = _invoke("extract", "-", "--jsonl", input=RULES.encode("utf-8"))
    assert res.exit_code == 0, res.output
    record = json.loads(res.stdout)
    assert record["source"]["path"] == "<stdin>" and record["source"]["format"] == "txt"
    assert "会议每月召开一次" in record["text"]
    res = _invoke("extract", "-", "--jsonl", input=(samples / "budget_table.docx").read_bytes())
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["source"]["format"] == "docx"


def test_empty_standard_input_is_one_clear_line() -> None:
    res = _invoke("extract", "-", input=b"")
    assert res.exit_code == 1 and "<stdin>: file is empty" in res.stderr


def test_a_folder_is_walked_not_refused_as_a_format(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "rules.txt").write_text(RULES, encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("x", encoding="utf-8")
    res = _invoke("extract", str(tmp_path / "a"), "--jsonl")
    assert res.exit_code == 0, res.output
    assert "unsupported format" not in res.output
    assert [json.loads(line)["source"]["path"] for line in res.stdout.splitlines()] == \
        [str(tmp_path / "a" / "b" / "rules.txt")]
    (tmp_path / "empty").mkdir()
    res = _invoke("extract", str(tmp_path / "empty"))
    assert res.exit_code == 1 and "no file of a readable format" in res.stderr


def test_out_files_are_named_after_their_input(tmp_path: Path) -> None:
    for folder, n in (("x", 1), ("y", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(RULES + f"第{n + 1}条 附则。\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text(RULES, encoding="utf-8")
    out = tmp_path / "out"
    res = _invoke("extract", str(tmp_path / "x" / "report.txt"), str(tmp_path / "y" / "report.txt"),
                  str(tmp_path / "other.txt"), "--out", str(out))
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in out.glob("*.json"))
    assert len(names) == 3 and "report.json" in names and "other.json" in names
    (collided,) = [n for n in names if n.startswith("report-")]
    record = json.loads((out / collided).read_text(encoding="utf-8"))
    assert collided == f"report-{record['doc_id'][:12]}.json"
    assert record["source"]["path"] == str(tmp_path / "y" / "report.txt")
