"""``gongwen extract FILE --show duties|meetings|figures|budget``: a table per file instead of JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongwen.cli import load_commands

RULES = (
    "城南区委工作规则\n"
    "一、职责\n"
    "(一)区委职责 区委的职责主要是:\n"
    "1、对全区的重大问题作出决策。\n"
    "2、向区国家机关推荐重要干部。\n"
    "二、会议制度\n"
    "(一)常委会会议制度\n"
    "1、常委会会议一般每月召开两次,由书记召集并主持。\n"
    "2、常委会会议必须有半数以上委员到会方能进行。\n"
    "3、全年召开会议24次,经费12万元。\n"
)


def _run(args: list[str]) -> object:
    return CliRunner().invoke(load_commands(), args, env={"COLUMNS": "160"})


@pytest.mark.parametrize("kind,expected", [
    ("duties", ["duties (2)", "区委", "对全区的重大问题作出决策", "向区国家机关推荐重要干部"]),
    ("meetings", ["meeting rules (1)", "常委会会议", "2/month", "≥0.5 of 委员", "convener", "书记"]),
    ("figures", ["figures", "24次", "12万元", "money"]),
    ("budget", ["budget items (0)"]),
])
def test_show_prints_a_table(tmp_path: Path, kind: str, expected: list[str]) -> None:
    path = tmp_path / "rules.txt"
    path.write_text(RULES, encoding="utf-8")
    result = _run(["extract", str(path), "--show", kind])
    assert result.exit_code == 0, result.output
    assert not result.stdout.lstrip().startswith("{")
    for word in expected:
        assert word in result.stdout


def test_show_rejects_an_unknown_kind(tmp_path: Path) -> None:
    path = tmp_path / "rules.txt"
    path.write_text(RULES, encoding="utf-8")
    result = _run(["extract", str(path), "--show", "people"])
    assert result.exit_code != 0
    assert "duties, meetings, figures, budget" in result.output
