"""``gongwen review``: the text with one kind of record marked, rendered by displaCy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongwen.process import process_file
from gongwen.review import Mark, marks, render, without_overlaps

TEXT = ("青山县委组织部主要职责\n\n（一）组织部的主要职责是：\n1、负责全县基层党组织建设；\n2、负责干部教育培训工作。\n\n"
        "（二）部务会议\n部务会议一般每月召开一次，由部长召集并主持。\n\n全年培训干部1200人次，下拨经费35.5万元。\n")


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("review") / "duties.txt"
    path.write_text(TEXT, encoding="utf-8")
    return process_file(path)


@pytest.mark.parametrize("layer,surfaces", [
    ("figures", ["一次", "1200人次", "35.5万元"]),
    ("duties", ["负责全县基层党组织建设", "负责干部教育培训工作"]),
])
def test_marks_are_the_records_spans(doc, layer: str, surfaces: list[str]) -> None:
    assert [doc.text[m.start:m.end] for m in marks(doc, layer)] == surfaces


@pytest.mark.parametrize("found,kept", [
    ([Mark(0, 10, "a"), Mark(2, 5, "b"), Mark(10, 12, "c")], ["a", "c"]),   # nested dropped, touching kept
    ([Mark(10, 12, "c"), Mark(0, 10, "a")], ["a", "c"]),                    # text order
    ([Mark(0, 4, "short"), Mark(0, 9, "long")], ["long"]),                  # same start: the longer
    ([Mark(3, 3, "empty"), Mark(5, 8, "x")], ["x"]),                        # empty spans dropped
])
def test_overlapping_marks(found: list[Mark], kept: list[str]) -> None:
    assert [m.label for m in without_overlaps(found)] == kept


def test_page_marks_each_record_with_its_label(doc) -> None:
    page = render(doc, "duties")
    assert page.startswith("<!DOCTYPE html>") and page.count("<mark") == 2
    labels = re.findall(r"<span[^>]*>(职责[^<]*)</span>", page)
    assert labels == ["职责 · 组织部", "职责 · 组织部"]


def test_review_command_writes_the_page(tmp_path: Path) -> None:
    from gongwen.cli import load_commands

    src = tmp_path / "report.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(load_commands(), ["review", str(src), "--kind", "figures", "-o", str(out)])
    assert result.exit_code == 0 and "3 figures marked" in result.stdout
    assert out.read_text(encoding="utf-8").count("<mark") == 3
    bad = CliRunner().invoke(load_commands(), ["review", str(src), "--kind", "nothing"])
    assert bad.exit_code != 0 and "unknown kind" in bad.output
