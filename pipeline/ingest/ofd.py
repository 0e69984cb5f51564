"""OFD (GB/T 33190, the national format for official electronic documents): the text
of its pages, laid out like a PDF's text layer.

Read by hand with lxml, because no kept Python library reads OFD text: easyofd
(the one maintained package) carries no licence and pulls in PyMuPDF (AGPL) to
render pages, and the others are unmaintained. The text layer is plain XML in a
zip: ``OFD.xml`` names the document (``DocBody/DocRoot``), its ``Document.xml``
lists the pages (``Pages/Page@BaseLoc``) and the page size
(``CommonData/PageArea/PhysicalBox``, millimetres), and each page's
``Content.xml`` holds ``TextObject``s (``Boundary="x y w h"``, ``Size``) whose
``TextCode`` runs sit at ``X``/``Y`` (the baseline) inside that box, advancing by
``DeltaX`` (``g N d`` repeats ``d`` N times). Runs on one baseline make a line;
the lines, in points, go through the PDF reader's furniture dropping and
paragraph joining (:func:`gongwen.ingest.pdf.decode_pages`). A page with no
text (a scan kept as an image) is named in a warning; templates, annotations and
signatures are not read.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongwen.errors import InputError
from gongwen.ingest import READERS, Decoded
from gongwen.ingest.archive import open_zip
from gongwen.ingest.pdf import Line, decode_pages

#: Points per millimetre (OFD measures in mm, the PDF reader's thresholds are in points).
PT_PER_MM = 72 / 25.4
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass
class _Run:
    text: str
    x: float
    y: float  # baseline
    size: float
    width: float


@READERS.register("ofd")
def read_ofd(path: Path, data: bytes) -> Decoded:
    archive = open_zip(path, data, "OFD")
    names = set(archive.namelist())

    def xml(name: str) -> Any:
        from lxml import etree

        if name not in names:
            raise InputError(path, f"broken OFD file: {name} is missing")
        try:
            return etree.fromstring(archive.read(name), parser=etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError as e:
            raise InputError(path, f"broken OFD file: {name}: {e}") from None

    if "OFD.xml" not in names:
        raise InputError(path, "not an OFD file: the archive has no OFD.xml")
    root = _first(xml("OFD.xml"), "DocRoot")
    if root is None or not (root.text or "").strip():
        raise InputError(path, "broken OFD file: OFD.xml names no document (DocRoot)")
    doc_path = _join("", root.text)
    document = xml(doc_path)
    box = _numbers(_first(document, "PhysicalBox"))
    page_width = (box[2] if len(box) == 4 else 210.0) * PT_PER_MM
    warnings: list[str] = []
    pages: list[list[Line | list[str]]] = []
    for number, page in enumerate(_all(document, "Page"), 1):
        base = page.get("BaseLoc")
        if not base:
            raise InputError(path, f"broken OFD file: page {number} has no BaseLoc")
        lines = _lines(_runs(xml(_join(posixpath.dirname(doc_path), base))), page_width)
        if not lines:
            warnings.append(f"page {number}: no text (a scanned page? OFD pages are not OCR'd)")
        pages.append(lines)
    if not pages:
        raise InputError(path, "the OFD document has no pages")
    return decode_pages(path, pages, warnings, ocr_read=False)


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _all(root: Any, name: str) -> list[Any]:
    return [el for el in root.iter() if _local(el) == name]


def _first(root: Any, name: str) -> Any:
    return next(iter(_all(root, name)), None)


def _numbers(el: Any) -> list[float]:
    return [float(n) for n in _NUMBER.findall(el.text or "")] if el is not None else []


def _join(folder: str, loc: str) -> str:
    """A location inside the package: absolute (``/Doc_0/…``) or relative to ``folder``."""
    loc = loc.strip()
    joined = loc.lstrip("/") if loc.startswith("/") else posixpath.join(folder, loc)
    return posixpath.normpath(joined)


def _deltas(spec: str | None) -> list[float]:
    """``DeltaX``: numbers, where ``g N d`` stands for ``d`` repeated ``N`` times."""
    out: list[float] = []
    tokens = (spec or "").split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            out.extend([float(tokens[i + 2])] * int(float(tokens[i + 1])))
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return out


def _runs(content: Any) -> list[_Run]:
    runs: list[_Run] = []
    for obj in _all(content, "TextObject"):
        boundary = [float(n) for n in _NUMBER.findall(obj.get("Boundary", ""))] + [0, 0]
        size = float(obj.get("Size", "3.5") or 3.5)
        for code in obj:
            if _local(code) != "TextCode" or not (code.text or "").strip():
                continue
            deltas = _deltas(code.get("DeltaX"))
            width = sum(deltas[: len(code.text) - 1]) + size if deltas else len(code.text) * size
            runs.append(_Run(code.text, boundary[0] + float(code.get("X", 0)),
                             boundary[1] + float(code.get("Y", 0)), size, width))
    return runs


def _lines(runs: list[_Run], page_width: float) -> list[Line | list[str]]:
    """Runs on one baseline (within a third of the type size) joined left to right."""
    lines: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (r.y, r.x)):
        if lines and abs(lines[-1][0].y - run.y) <= lines[-1][0].size / 3:
            lines[-1].append(run)
        else:
            lines.append([run])
    out: list[Line | list[str]] = []
    for line in lines:
        line.sort(key=lambda r: r.x)
        text = "".join(r.text for r in line).strip()
        size = max(r.size for r in line)
        x0, x1 = line[0].x, max(r.x + r.width for r in line)
        out.append(Line(text, (line[0].y - size) * PT_PER_MM, x0 * PT_PER_MM, x1 * PT_PER_MM,
                         size * PT_PER_MM, page_width))
    return out
