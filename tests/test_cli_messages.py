"""What the commands say: output folders created, file types refused by name, empty or
misspelt searches answered, counts in words, the version, ``python -m gongwen``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongwen.cli import load_commands
from gongwen.commands.plural import plural

REPORT = "东湖区2023年组织工作总结\n全年培训干部1200人次，投入经费35万元，新建党群服务中心8个。\n"


def _invoke(*args: str, **kw):
    return CliRunner().invoke(load_commands(), list(args), **kw)


def test_compare_writes_into_a_folder_that_does_not_exist(sample_db: Path, tmp_path: Path) -> None:
    for name in ("m.md", "m.csv", "m.xlsx", "m.json", "m.txt"):
        target = tmp_path / "new" / name
        res = _invoke("compare", "meetings", "--db", str(sample_db), "-o", str(target))
        assert res.exit_code == 0, res.output
        assert target.stat().st_size > 0


@pytest.mark.parametrize("name", ["x.pdf", "x.docx", "x.html"])
def test_compare_refuses_a_suffix_it_cannot_write(sample_db: Path, tmp_path: Path, name: str) -> None:
    res = _invoke("compare", "meetings", "--db", str(sample_db), "-o", str(tmp_path / name))
    assert res.exit_code == 2
    assert f".{name.split('.')[1]}" in res.output and ".csv" in res.output
    assert not (tmp_path / name).exists()


def test_review_page_is_utf8_chinese_with_a_real_title(tmp_path: Path) -> None:
    src = tmp_path / "report.txt"
    src.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "new" / "folder" / "page.html"
    res = _invoke("review", str(src), "-o", str(out))
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page and '<html lang="zh">' in page
    assert "displaCy" not in page
    assert "<title>东湖区2023年组织工作总结" in page


@pytest.mark.parametrize("query", ["", "   ", "，。！"])
def test_an_empty_search_is_refused(sample_db: Path, query: str) -> None:
    res = _invoke("search", query, "--db", str(sample_db))
    assert res.exit_code == 2 and "no word to search for" in res.output


def test_an_unknown_type_or_region_names_what_there_is(sample_db: Path) -> None:
    res = _invoke("search", "党费", "--type", "nonsense", "--db", str(sample_db))
    assert res.exit_code == 2
    assert "nonsense" in res.output and "duty_list" in res.output
    res = _invoke("search", "党费", "--region", "火星区", "--db", str(sample_db))
    assert res.exit_code == 2 and "西岭区" in res.output


@pytest.mark.parametrize("n, said", [(0, "no hits"), (1, "1 hit"), (2, "2 hits"), (11, "11 hits")])
def test_counts_are_said_properly(n: int, said: str) -> None:
    assert plural(n, "hit") == said


def test_one_search_hit_is_one_hit(sample_db: Path) -> None:
    res = _invoke("search", "黨費", "--db", str(sample_db), "--region", "西岭区", env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "1 hit:" in res.stdout and "1 hits" not in res.stdout


def test_version_and_python_m_pipeline() -> None:
    res = _invoke("--version")
    assert res.exit_code == 0 and res.stdout.startswith("gongwen ")
    out = subprocess.run([sys.executable, "-m", "gongwen", "--version"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0 and out.stdout == res.stdout


def test_cli_search_speaks_the_query_language_and_matches_regions_by_prefix(sample_db: Path) -> None:
    from typer.testing import CliRunner

    from gongwen.cli import load_commands

    runner = CliRunner()
    both = runner.invoke(load_commands(), ["search", "党费 OR 档案", "--db", str(sample_db), "--json"])
    assert both.exit_code == 0 and len(both.output.splitlines()) > 1
    only = runner.invoke(load_commands(), ["search", "--db", str(sample_db), "--", "-档案"])
    assert only.exit_code == 2 and "exclusions" in " ".join(only.output.split())
    prefix = runner.invoke(load_commands(), ["search", "档案", "--region", "东山", "--db", str(sample_db), "--json"])
    assert prefix.exit_code == 0 and '"region": "东山区"' in prefix.output
