"""``gongwen brief`` as a user meets it: tables without sentences, output folders that do
not exist yet, a length bound that holds, comments without internal scores, a brief
that stays brief."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx
from typer.testing import CliRunner

from gongwen.briefs import build_brief
from gongwen.briefs.compose import DEFAULT_MAX_CHARS, MAX_FIGURE_ROWS
from gongwen.cli import load_commands
from gongwen.process import process_file

REPORT = Path(__file__).parent / "data" / "brief_report.txt"
#: A budget table in the one-cell-per-line layout: no sentence a brief could quote.
BUDGET = "东湖区2024年部门预算绩效目标表\n单位：万元\n\n" + "".join(
    "".join(f"\t{c}\n" for c in row) + "\n"
    for row in (["项目名称", "预算数", "绩效目标"], ["党建经费", "120", "保障运转"], ["培训经费", "35", "培训干部"]))


def _invoke(*args: str):
    return CliRunner().invoke(load_commands(), list(args))


def test_a_budget_table_gives_a_brief_not_a_traceback(tmp_path: Path) -> None:
    table = tmp_path / "budget.txt"
    table.write_text(BUDGET, encoding="utf-8")
    result = _invoke("brief", str(table), "--format", "md", "-o", str(tmp_path / "b.md"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("fmt, name", [("md", "b.md"), ("docx", "b.docx")])
def test_output_into_a_folder_that_does_not_exist(tmp_path: Path, fmt: str, name: str) -> None:
    target = tmp_path / "new" / "deeper" / name
    result = _invoke("brief", str(REPORT), "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0


@pytest.mark.parametrize("bad", ["-5", "0", "10", "100000000"])
def test_max_chars_out_of_range_is_refused(bad: str) -> None:
    result = _invoke("brief", str(REPORT), "--format", "md", "--max-chars", bad)
    assert result.exit_code == 2
    assert "--max-chars" in result.output


def test_max_chars_is_a_real_upper_bound() -> None:
    doc = process_file(REPORT)
    sizes = {}
    for bound in (100, 300, 600, 100_000):
        (b,) = build_brief([doc], max_chars=bound)
        sizes[bound] = b.chars()
        assert b.chars() <= bound
        assert all(doc.text[q.start:q.end] == q.text for q in b.quotes())
    assert sizes[100] < sizes[300] < sizes[600] <= sizes[100_000]


def test_word_comments_name_the_source_without_scores(tmp_path: Path) -> None:
    plain, explained = tmp_path / "plain.docx", tmp_path / "explained.docx"
    assert _invoke("brief", str(REPORT), "-o", str(plain)).exit_code == 0
    assert _invoke("brief", str(REPORT), "-o", str(explained), "--explain").exit_code == 0
    comments = [c.text for c in open_docx(plain).comments]
    assert comments and all(c.startswith("来源：") and "字" in c for c in comments)
    assert not any("centrality" in c or "=" in c for c in comments)
    assert any("centrality=" in c for c in (c.text for c in open_docx(explained).comments))


def test_the_default_brief_is_brief(shared: Path) -> None:
    seed = next((shared / "seeds").glob("001_*.txt"))
    (b,) = build_brief([process_file(seed)])
    assert 0 < b.chars() <= DEFAULT_MAX_CHARS
    assert len(b.figures) <= MAX_FIGURE_ROWS
    for row in b.figures:  # each label says what is counted, not a clause cut anywhere
        assert "…" not in row.what and not row.what.endswith(("和", "的", "按照", "建设"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_default_brief_prints_on_one_or_two_pages(shared: Path, tmp_path: Path) -> None:
    import pypdfium2

    seed = next((shared / "seeds").glob("001_*.txt"))
    assert _invoke("brief", str(seed), "-o", str(tmp_path / "b.docx")).exit_code == 0
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "b.docx")], check=True, capture_output=True, timeout=180)
    assert 1 <= len(pypdfium2.PdfDocument(tmp_path / "b.pdf")) <= 2
