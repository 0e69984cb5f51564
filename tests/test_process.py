"""The library entry points: a file, or text held as a string, through the stages."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen import stages
from gongwen.process import process_file, process_text

TEXT = "青山县委组织部主要职责\n一、主要职责\n（一）负责全县基层党组织建设。\n（二）负责干部教育培训，全年培训干部1200人次。\n"


@pytest.mark.parametrize("name,before", [
    ("normalize", []),
    ("structure", ["normalize", "tables", "classify"]),
    ("extract", ["normalize", "tables", "classify", "structure", "metadata"]),
])
def test_stages_before(name: str, before: list[str]) -> None:
    assert stages.before(name) == before


def test_text_gives_the_record_of_the_same_text_saved_as_a_file(tmp_path: Path) -> None:
    path = tmp_path / "duties.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_file = process_file(path).to_dict()
    from_text = process_text(TEXT, path=str(path)).to_dict()
    assert from_text == from_file and from_text["duties"] and from_text["figures"]


def test_text_through_some_stages_only() -> None:
    doc = process_text(TEXT, stages.before("extract"))
    assert doc.sections and doc.title and not doc.duties and not doc.figures
