"""The one reader of the project's data files (pipeline/lexicon.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen import lexicon


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.tsv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, expected",
    [
        ("股\n科\n", [["股"], ["科"]]),
        ("# a comment\n股\n", [["股"]]),
        ("  # an indented comment\n股\n", [["股"]]),
        ("\n   \n\t\n股\n\n", [["股"]]),
        ("unit_suffix\t股\tcomment\n", [["unit_suffix", "股", "comment"]]),
        (" unit_suffix \t 股 \n", [["unit_suffix", "股"]]),
        ("a\t\tc\n", [["a", "", "c"]]),
        ("^[ 　]*第\\d+页$\tline\n", [["^[ 　]*第\\d+页$", "line"]]),
        ("C#\t语言\n", [["C#", "语言"]]),
        ("tag script\n", [["tag script"]]),
    ],
)
def test_rows(tmp_path: Path, text: str, expected: list[list[str]]) -> None:
    assert lexicon.rows(_write(tmp_path, text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("股\n# 科\n处\n", ["股", "处"]),
        ("主任\tchair\n秘书长\tclerk\n", ["主任", "秘书长"]),
        ("# only comments\n", []),
    ],
)
def test_entries(tmp_path: Path, text: str, expected: list[str]) -> None:
    assert lexicon.entries(_write(tmp_path, text)) == expected


KINDS = "# kind <TAB> word <TAB> comment\nregion_suffix\t自治区\tlongest\nzone_part\t经济\nregion_suffix\t县\nregion_suffix\n"


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("region_suffix", ["自治区", "县"]),
        ("zone_part", ["经济"]),
        ("not_region", []),
        ("# kind <TAB> word <TAB> comment", []),
    ],
)
def test_of_kind(tmp_path: Path, kind: str, expected: list[str]) -> None:
    assert lexicon.of_kind(_write(tmp_path, KINDS), kind) == expected


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="absent.tsv"):
        lexicon.rows(tmp_path / "absent.tsv")
