"""Word 97–2003 (.doc) and WPS (.wps): the text and tables of the same document saved
as .docx, through each installed converter; bad input refused with a reason."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest

from gongwen.errors import InputError
from gongwen.ingest import legacy_word, read
from gongwen.process import process_file


def similarity(a: str, b: str) -> float:
    a, b = "".join(a.split()), "".join(b.split())
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory, samples: Path) -> dict[str, Path]:
    """The sample .docx files saved as .doc by LibreOffice, as an office would."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-writer-nogui); .ci/run installs it")
    folder = tmp_path_factory.mktemp("doc")
    sources = [samples / "work_rules.docx", samples / "budget_table.docx"]
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                    "--convert-to", "doc", "--outdir", str(folder), *map(str, sources)],
                   check=True, capture_output=True, timeout=300)
    return {p.stem: folder / f"{p.stem}.doc" for p in sources}


def test_doc_gives_the_text_of_its_docx(docs: dict[str, Path], samples: Path) -> None:
    got = read(docs["work_rules"])
    assert got.source.format == "doc"
    assert similarity(got.text, read(samples / "work_rules.docx").text) >= 0.98


def test_doc_keeps_the_budget_table_as_cells(docs: dict[str, Path], samples: Path) -> None:
    def items(doc) -> list[tuple]:
        return [(b.activity, b.amount, [i.name for i in b.indicators]) for b in doc.budget_items]

    expected = items(process_file(samples / "budget_table.docx"))
    assert expected and items(process_file(docs["budget_table"])) == expected


def test_wps_in_the_word_format_reads_as_doc(docs: dict[str, Path], tmp_path: Path) -> None:
    wps = tmp_path / "rules.wps"
    shutil.copyfile(docs["work_rules"], wps)
    assert read(wps).text == read(docs["work_rules"]).text


@pytest.mark.parametrize("name", ["antiword", "catdoc"])
def test_text_converters_without_libreoffice(docs: dict[str, Path], samples: Path, name: str) -> None:
    if legacy_word._tool(name) is None:
        pytest.skip(f"{name} is not installed (Debian: {name}); .ci/run installs it")
    got = legacy_word.CONVERTERS.get(name)(docs["work_rules"], docs["work_rules"].read_bytes())
    assert similarity(got.text, read(samples / "work_rules.docx").text) >= 0.98
    assert "tables are plain text" in got.warnings[0]


def test_no_converter_installed_says_what_to_install(docs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy_word, "_tool", lambda name: None)
    with pytest.raises(InputError, match="apt-get install libreoffice-writer-nogui"):
        read(docs["work_rules"])


@pytest.mark.parametrize("name,data,reason", [
    ("a.doc", b"PK\x03\x04" + b"\x00" * 60, "zip package"),
    ("a.doc", b"just some text typed into a file", "no OLE header"),
    ("a.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "no WordDocument stream"),
])
def test_bad_word_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read(path)
