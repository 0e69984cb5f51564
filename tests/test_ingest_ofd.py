"""OFD (GB/T 33190): text runs placed on the page become lines, lines become
paragraphs as in a PDF; broken packages are refused with a reason."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from gongwen.errors import InputError
from gongwen.ingest import read
from gongwen.process import process_file

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
OFD_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD {NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>
<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"""


def document_xml(pages: int) -> str:
    listed = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(pages))
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData>'
            '<ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
            f'</ofd:PageArea></ofd:CommonData><ofd:Pages>{listed}</ofd:Pages></ofd:Document>')


def content_xml(lines: list[tuple[float, float, str]], size: float = 5.6) -> str:
    """Text objects at (x, baseline y) in mm; a long line is set as two runs, as
    OFD writers split runs where the font or spacing changes."""
    objects = []
    for i, (x, y, text) in enumerate(lines):
        half = len(text) // 2
        for j, (dx, part) in enumerate(((0.0, text[:half]), (half * size, text[half:]))):
            if part:
                objects.append(
                    f'<ofd:TextObject ID="{100 + 2 * i + j}" Boundary="{x + dx} {y - size} {len(part) * size} {size * 1.4}" '
                    f'Font="3" Size="{size}"><ofd:TextCode X="0" Y="{size}" DeltaX="g {len(part) - 1} {size}">'
                    f"{part}</ofd:TextCode></ofd:TextObject>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID="5">'
            + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>")


def make_ofd(pages: list[list[tuple[float, float, str]]], drop: str | None = None) -> bytes:
    entries = {"OFD.xml": OFD_XML, "Doc_0/Document.xml": document_xml(len(pages))}
    for i, lines in enumerate(pages):
        entries[f"Doc_0/Pages/Page_{i}/Content.xml"] = content_xml(lines)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in entries.items():
            if name != drop:
                z.writestr(name, text)
    return buf.getvalue()


# A4 body 25–185 mm at 5.6 mm type: 28 characters a full line; a paragraph's first
# line starts two characters in.
PAGE_1 = [
    (60.0, 40.0, "关于印发会议制度的通知"),
    (36.2, 60.0, "第一条　常务会议一般每月召开一次，由主任召集和主持，"),
    (25.0, 70.0, "须有半数以上组成人员到会方可举行。"),
    (36.2, 80.0, "第二条　本制度自印发之日起施行。"),
]
PAGE_2 = [(36.2, 40.0, "第三条　本制度由办公室负责解释。")]


def test_ofd_text_in_reading_order_with_paragraphs_joined(tmp_path: Path) -> None:
    path = tmp_path / "notice.ofd"
    path.write_bytes(make_ofd([PAGE_1, PAGE_2]))
    ingested = read(path)
    assert ingested.source.format == "ofd"
    assert ingested.text.split("\n") == [
        "关于印发会议制度的通知",
        "第一条　常务会议一般每月召开一次，由主任召集和主持，须有半数以上组成人员到会方可举行。",
        "第二条　本制度自印发之日起施行。",
        "第三条　本制度由办公室负责解释。",
    ]
    assert process_file(path).meeting_rules


def test_ofd_page_without_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "half.ofd"
    path.write_bytes(make_ofd([PAGE_1, []]))
    assert read(path).warnings == ["page 2: no text (a scanned page? OFD pages are not OCR'd)"]


@pytest.mark.parametrize("data,reason", [
    (make_ofd([PAGE_1], drop="OFD.xml"), "no OFD.xml"),
    (make_ofd([PAGE_1], drop="Doc_0/Document.xml"), "Document.xml is missing"),
    (make_ofd([PAGE_1], drop="Doc_0/Pages/Page_0/Content.xml"), "Content.xml is missing"),
    (b"%PDF-1.7 a PDF saved as .ofd", "not a zip"),
])
def test_broken_ofd_files(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.ofd"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read(path)
