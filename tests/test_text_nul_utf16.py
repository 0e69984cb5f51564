"""Text that holds NUL bytes and is still text: BOM-less UTF-16, and downloads padded with NULs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from gongwen.errors import InputError
from gongwen.ingest import read

TEXT = "区委常委会会议一般每月召开两次，由区委书记召集并主持。\n第3条 讨论干部任免事项，须有2/3以上常委到会。\n"
TRAD = "區委常委會會議一般每月召開兩次，由書記召集並主持。\n"


@pytest.mark.parametrize("text", [TEXT, TRAD, "议事规则"])
@pytest.mark.parametrize("codec, order", [("utf-16-le", "LE"), ("utf-16-be", "BE")])
def test_utf16_without_bom_is_read(tmp_path: Path, text: str, codec: str, order: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(codec))
    ingested = read(path)
    assert ingested.text == text
    assert ingested.source.encoding == "utf-16"
    assert any(order in w and "byte-order mark" in w for w in ingested.warnings)


@pytest.mark.parametrize("codec", ["gb18030", "big5", "utf-8"])
def test_other_encodings_are_not_taken_for_utf16(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes((TRAD * 3).encode(codec))
    assert read(path).text == TRAD * 3


def test_a_run_of_nul_bytes_in_utf8_is_dropped_with_a_warning(tmp_path: Path) -> None:
    data = TEXT.encode("utf-8")
    path = tmp_path / "padded.txt"
    path.write_bytes(data[:30] + b"\x00" * 4096 + data[30:] + b"\x00" * 17)
    ingested = read(path)
    assert ingested.text == TEXT
    assert ingested.source.encoding == "utf-8"
    assert ingested.warnings == ["4113 NUL byte(s) dropped"]


def test_nul_padded_gb18030_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "padded.txt"
    path.write_bytes(TEXT.encode("gb18030") + b"\x00" * 100)
    ingested = read(path)
    assert ingested.text == TEXT and ingested.source.encoding == "gb18030"


def test_binary_with_nuls_is_still_refused(tmp_path: Path) -> None:
    rng = random.Random(3)
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(6000)))
    with pytest.raises(InputError, match="binary|decode"):
        read(path)
