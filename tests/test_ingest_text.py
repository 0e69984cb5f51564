"""The text reader: the same document in every encoding reads back the same."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from gongwen.errors import InputError
from gongwen.ingest import read

SIMPLIFIED = ("区委常委会会议一般每月召开两次，由区委书记召集并主持。\n"
              "讨论干部任免事项时，必须有三分之二以上常委到会。\r\n"
              "会议由区委办公室一名副主任负责记录。\n")
TRADITIONAL = ("區委常委會會議一般每月召開兩次，由區委書記召集並主持。\n"
               "討論幹部任免事項時，必須有三分之二以上常委到會。\n"
               "經驗交流材料：我鎮黨委堅持把抓好黨建作為最大政績。\n")
# short texts are where GB18030 and Big5 are hardest to tell apart
SHORT_TRAD = "議事規則\n"
SHORT_SIMP = "议事规则\n"


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        return bom + text.encode(encoding)
    return text.encode(encoding)


@pytest.mark.parametrize("text,encoding,recorded", [
    (SIMPLIFIED, "utf-8", "utf-8"),
    (SIMPLIFIED, "utf-8-sig", "utf-8"),
    (SIMPLIFIED, "utf-16-le", "utf-16"),
    (SIMPLIFIED, "utf-16-be", "utf-16"),
    (SIMPLIFIED, "gb18030", "gb18030"),
    (SIMPLIFIED, "gbk", "gb18030"),
    (TRADITIONAL, "utf-8", "utf-8"),
    (TRADITIONAL, "utf-8-sig", "utf-8"),
    (TRADITIONAL, "utf-16-le", "utf-16"),
    (TRADITIONAL, "gb18030", "gb18030"),
    (TRADITIONAL, "big5", "big5"),
    (TRADITIONAL, "cp950", "big5"),
    (SHORT_TRAD, "big5", "big5"),
    (SHORT_TRAD, "gb18030", "gb18030"),
    (SHORT_SIMP, "gb18030", "gb18030"),
])
def test_every_encoding_gives_the_same_text(tmp_path: Path, text: str, encoding: str, recorded: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(_encode(text, encoding))
    ingested = read(path)
    assert ingested.text == text.replace("\r\n", "\n")
    assert ingested.source.encoding == recorded
    assert ingested.source.format == "txt"
    assert ingested.source.bytes == path.stat().st_size


def test_pinyin_noise_survives_gb18030(tmp_path: Path) -> None:
    text = "品牌組工經(jīng)驗交流，各位領(lǐng)導(dǎo)：\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read(path).text == text


def test_utf8_cut_mid_character_is_still_utf8(tmp_path: Path) -> None:
    data = (SIMPLIFIED * 3).encode("utf-8")[:-2]  # the last character lost its final bytes
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    ingested = read(path)
    assert ingested.source.encoding == "utf-8"
    assert ingested.text.startswith(SIMPLIFIED.replace("\r\n", "\n"))
    assert ingested.warnings == ["1 invalid UTF-8 byte sequence(s) replaced"]


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"   \n\n  ", "no text"),
    (b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 4, "binary"),
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 50, "binary"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfa broken", "byte-order mark"),
])
def test_bad_text_input_is_an_input_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as e:
        read(path)
    assert reason in e.value.reason
    assert e.value.path == str(path)


def test_random_bytes_without_nul_are_refused(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(rng.choice(range(1, 256)) for _ in range(4000)))
    with pytest.raises(InputError):
        read(path)


@pytest.mark.parametrize("name,reason", [
    ("slides.pptx", "unsupported format"),
    ("noext", "unsupported format"),
    ("missing.txt", "cannot open"),
])
def test_unusable_paths(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / name
    if name != "missing.txt":
        path.write_text("区委工作规则", encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read(path)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("区委" * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="over the"):
        read(path, max_bytes=1000)
