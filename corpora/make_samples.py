"""Build the sample corpus (``corpora/sample/``) from the sources in ``corpora/src/``.

Usage: ``python corpora/make_samples.py`` (needs the ``test`` extra: reportlab).

The sources are UTF-8 text written for the project (no text comes from real
documents): one paragraph per line, ``#`` lines are comments, and a table sits
between ``[table]`` and ``[/table]`` with one row per line, cells separated by
``|``; a cell ``<`` is merged into its left neighbour, ``^`` into the cell above.
Each source is rendered into the formats listed in :data:`OUTPUTS`, so the same
document can be compared across readers (the .docx of a table must read back as
its text export).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "sample"
#: Fixed zip timestamp so a rebuild gives byte-identical .docx files.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    """Grid of anchor cells; ``None`` marks a position covered by a merged cell."""

    grid: list[list[Cell | None]]


@dataclass
class Source:
    name: str
    blocks: list[str | Table] = field(default_factory=list)

    @property
    def title(self) -> str:
        return next(b for b in self.blocks if isinstance(b, str))


def parse(path: Path) -> Source:
    src = Source(path.stem)
    rows: list[list[str]] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\n")
        if line.startswith("#") or not line.strip():
            continue
        if line.strip() == "[table]":
            rows = []
        elif line.strip() == "[/table]":
            src.blocks.append(_table(rows or []))
            rows = None
        elif rows is not None:
            rows.append([c.strip(" ") for c in line.split("|")])
        else:
            src.blocks.append(line.strip(" "))
    return src


def _table(rows: list[list[str]]) -> Table:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    grid: list[list[Cell | None]] = [[None] * width for _ in rows]
    anchor: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == "<":
                ar, ac = anchor[(r, c - 1)]
            elif text == "^":
                ar, ac = anchor[(r - 1, c)]
            else:
                grid[r][c] = Cell(text)
                anchor[(r, c)] = (r, c)
                continue
            anchor[(r, c)] = (ar, ac)
            cell = grid[ar][ac]
            assert cell is not None
            cell.colspan = max(cell.colspan, c - ac + 1)
            cell.rowspan = max(cell.rowspan, r - ar + 1)
    return Table(grid)


# --- text export in the table layout (one cell per line, TAB-led) -----------------

def to_text(src: Source) -> str:
    lines: list[str] = []
    for block in src.blocks:
        if isinstance(block, str):
            lines.append(block)
            continue
        for row in block.grid:
            lines.append("")
            lines.extend("\t" + (cell.text if cell else "") for cell in row)
        lines.append("")
    return "\n".join(lines) + "\n"


# --- Word ------------------------------------------------------------------------

def to_docx(src: Source) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{src.title}（内部资料）"  # running head: must not be read
    section.footer.paragraphs[0].text = "第 1 页"
    first = True
    for block in src.blocks:
        if isinstance(block, Table):
            _docx_table(document, block)
            continue
        if first:
            p = document.add_paragraph()
            run = p.add_run(block)
            run.bold = True
            run.font.size = Pt(18)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            first = False
        elif _is_chapter(block):
            document.add_heading(block, level=2)
        else:
            document.add_paragraph(block)
    buf = io.BytesIO()
    document.core_properties.author = "gongwen samples"
    document.save(buf)
    return _fixed_zip(buf.getvalue())


def _docx_table(document: object, table: Table) -> None:
    grid = table.grid
    t = document.add_table(rows=len(grid), cols=len(grid[0]))  # type: ignore[attr-defined]
    t.style = "Table Grid"
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            target = t.cell(r, c)
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(t.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = cell.text


def _is_chapter(line: str) -> bool:
    return len(line) < 30 and line[:1] in "一二三四五六七八九十" and "、" in line[:4]


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so the file only changes when its content does."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --- PDF -------------------------------------------------------------------------

def to_pdf(src: Source) -> bytes:
    """A4 pages set in reportlab's built-in CID font STSong-Light (no font file needed;
    pdfplumber reads the Chinese back exactly), with a running head and ``- N -``
    page numbers that the reader must drop."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RLTable

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=15, leading=26,
                          firstLineIndent=30, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=32, alignment=1, firstLineIndent=0)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12, firstLineIndent=0)
    head = src.title

    def furniture(canvas: object, doc: object) -> None:
        c = canvas
        c.saveState()  # type: ignore[attr-defined]
        c.setFont("STSong-Light", 9)  # type: ignore[attr-defined]
        c.drawCentredString(A4[0] / 2, A4[1] - 40, f"{head}（内部资料）")  # type: ignore[attr-defined]
        c.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]

    story: list[object] = []
    for i, block in enumerate(src.blocks):
        if isinstance(block, Table):
            data = [[Paragraph(c.text, cell) if c else "" for c in row] for row in block.grid]
            spans = [("SPAN", (c, r), (c + x.colspan - 1, r + x.rowspan - 1))
                     for r, row in enumerate(block.grid) for c, x in enumerate(row)
                     if x and (x.colspan > 1 or x.rowspan > 1)]
            story.append(RLTable(data, style=[("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                              ("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]))
            story.append(Spacer(1, 12))
        else:
            story.append(Paragraph(block, title if i == 0 else body))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, topMargin=72, bottomMargin=72,
                            title=head, author="gongwen samples", invariant=True)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()


# --- HTML ------------------------------------------------------------------------

def to_html(src: Source, charset: str = "gb2312") -> bytes:
    """A government-site page: the document inside site chrome (scripts, styles, a
    navigation bar, breadcrumb, share bar, footer) that the reader must drop."""
    from html import escape

    body: list[str] = []
    for i, block in enumerate(src.blocks):
        if isinstance(block, Table):
            body.append("<table border=\"1\">")
            for row in block.grid:
                cells = "".join(
                    f"<td{_span_attrs(c)}>{escape(c.text)}</td>" for c in row if c is not None)
                body.append(f"  <tr>{cells}</tr>")
            body.append("</table>")
        elif i == 0:
            body.append(f"<h1>{escape(block)}</h1>")
        else:
            body.append(f"<p>{escape(block)}</p>")
    page = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{escape(src.title)} - 青峰区人民政府门户网站</title>
<style>body {{ font-family: SimSun; }} .nav li {{ display: inline; }}</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<header><img src="logo.png" alt="青峰区人民政府"> 青峰区人民政府门户网站</header>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 区情年鉴</div>
<div class="article">
<div class="info">发布时间：2014-06-20　来源：区史志办</div>
{chr(10).join(body)}
</div>
<div class="share-bar">分享到：微信 微博 QQ空间 【打印本页】【关闭窗口】</div>
<aside><h3>相关链接</h3><ul><li>区委组织部</li><li>区人社局</li></ul></aside>
<footer>主办：青峰区人民政府办公室　ICP备12345678号　技术支持：某某网络</footer>
<script>window.onload = function () {{ console.log("ready"); }};</script>
</body>
</html>
"""
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk", "gb18030") else charset)


def _span_attrs(cell: Cell) -> str:
    attrs = ""
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    return attrs


#: (source stem, output file name, renderer)
OUTPUTS: list[tuple[str, str, Callable[[Source], bytes]]] = [
    ("work_rules", "work_rules.txt", lambda s: to_text(s).encode("utf-8")),
    ("work_rules", "work_rules.docx", to_docx),
    ("duty_list", "duty_list.pdf", to_pdf),
    ("yearbook", "yearbook.html", to_html),
    ("experience_report", "experience_report.txt", lambda s: to_text(s).encode("gb18030")),
    ("budget_table", "budget_table.txt", lambda s: to_text(s).encode("utf-8")),
    ("budget_table", "budget_table.docx", to_docx),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    sources = {p.stem: parse(p) for p in sorted(SRC.glob("*.txt"))}
    for stem, name, render in OUTPUTS:
        data = render(sources[stem])
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
