"""Word (.docx) reader: body paragraphs and tables in document order.

python-docx's ``Document.paragraphs`` and ``Document.tables`` lose the order in
which they alternate, so the body's XML children are walked directly and
wrapped in python-docx objects. Tables are rendered in the table layout
(:mod:`gongwen.ingest.layout`) with merged cells resolved from the XML:
``w:gridSpan`` (horizontal) and ``w:vMerge`` (vertical) leave their covered grid
positions empty. Headers, footers, footnotes and comments live in other parts
of the package and are never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gongwen.errors import InputError
from gongwen.ingest import READERS, Decoded
from gongwen.ingest.archive import open_zip
from gongwen.ingest.layout import cell_text, join_blocks, render_table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@READERS.register("docx")
def read_docx(path: Path, data: bytes) -> Decoded:
    archive = open_zip(path, data, "Word (.docx)")
    if "word/document.xml" not in archive.namelist():
        raise InputError(path, "not a Word (.docx) file: the archive has no word/document.xml")
    # Imported here: python-docx (and lxml behind it) is only needed for .docx input.
    import io

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document.element.body))
    except InputError:
        raise
    except Exception as e:  # python-docx/lxml raise many types for broken packages
        raise InputError(path, f"corrupt Word (.docx) file: {type(e).__name__}: {e}") from None
    text = join_blocks(blocks)
    if not text.strip():
        raise InputError(path, "the Word document holds no text")
    return Decoded(text=text)


def _blocks(container: Any) -> Iterator[str | list[str]]:
    """Paragraph strings and rendered tables of a body (or content control), in order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            yield _paragraph_text(child)
        elif tag == f"{_W}tbl":
            yield render_table(table_grid(child))
        elif tag == f"{_W}sdt":  # content control: its w:sdtContent holds ordinary blocks
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _paragraph_text(p: Any) -> str:
    """A paragraph's text; tabs become spaces, because a line starting with a tab is
    a table cell in the table layout, and a manual line break stays a line break."""
    from docx.text.paragraph import Paragraph

    text = Paragraph(p, None).text.replace("\t", " ")
    return "\n".join(line.strip(" ") for line in text.split("\n"))


def table_grid(tbl: Any) -> list[list[str]]:
    """The table as a grid of cell texts, merged positions empty, rows padded to the grid width."""
    grid_cols = tbl.find(f"{_W}tblGrid")
    width = len(grid_cols.findall(f"{_W}gridCol")) if grid_cols is not None else 0
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        row: list[str] = [""] * _tr_int(tr, "gridBefore")
        for tc in _cells(tr):
            pr = tc.find(f"{_W}tcPr")
            span = _val_int(pr, "gridSpan", 1)
            vmerge = pr.find(f"{_W}vMerge") if pr is not None else None
            continued = vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue"
            row.append("" if continued else _cell_text(tc))
            row.extend([""] * (span - 1))
        row.extend([""] * _tr_int(tr, "gridAfter"))
        rows.append(row)
    width = max([width, *(len(r) for r in rows)])
    return [r + [""] * (width - len(r)) for r in rows]


def _cells(tr: Any) -> Iterator[Any]:
    for child in tr.iterchildren():
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag == f"{_W}sdt":  # a cell wrapped in a content control
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from content.iterchildren(f"{_W}tc")


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs joined with a space; a nested table is flattened row by row."""
    parts: list[str] = []
    for block in _blocks(tc):
        if isinstance(block, str):
            parts.append(block)
        else:
            parts.extend(line.strip() for line in block if line.strip())
    return cell_text(parts)


def _val_int(pr: Any, name: str, default: int) -> int:
    el = pr.find(f"{_W}{name}") if pr is not None else None
    try:
        return int(el.get(f"{_W}val")) if el is not None else default
    except (TypeError, ValueError):
        return default


def _tr_int(tr: Any, name: str) -> int:
    return _val_int(tr.find(f"{_W}trPr"), name, 0)
