"""Render a brief as a Word document in the 公文 layout (GB/T 9704-2012).

What the standard fixes and a brief needs: A4 paper; top margin 37 mm, left
28 mm, a 156 × 225 mm type area (so right 26 mm, bottom 35 mm); the title in a
小标宋 face at 二号 (22 pt), centred; body in 仿宋 at 三号 (16 pt) with fixed line
spacing (22 lines to the page: 225 mm / 22 ≈ 28.95 pt); first-level headings in
黑体, second-level in 楷体; page numbers in 四号 (14 pt) 宋体 as ``— 1 —``, odd
pages on the right and even pages on the left, one character from the edge.

Fonts are named as government machines name them (``仿宋_GB2312``) with the
face Windows ships (``仿宋``) as the alternative recorded in the font table, so
Word and WPS pick the right one when installed and a sensible one when not.
Every quoted sentence carries a Word comment naming its source range, and the
brief ends with the list of sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongwen.briefs.model import Brief, Quote

CN_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Face:
    """A font role: the East Asian face, its fallback, the Latin face, and the size."""

    east_asian: str
    fallback: str
    latin: str
    size: float
    bold: bool = False


FACES = {
    "title": Face("方正小标宋简体", "华文中宋", "Times New Roman", 22),
    "body": Face("仿宋_GB2312", "仿宋", "Times New Roman", 16),
    "h1": Face("黑体", "SimHei", "Times New Roman", 16),
    "h2": Face("楷体_GB2312", "楷体", "Times New Roman", 16),
    "table": Face("仿宋_GB2312", "仿宋", "Times New Roman", 12),
    "page": Face("宋体", "SimSun", "Times New Roman", 14),
}
LINE_PITCH = Pt(28.95)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}


def render_docx(brief: Brief, path: str | Path, explain: bool = False) -> Path:
    """Write ``brief`` to ``path`` (.docx) and return the path.

    Each quote's Word comment names its source range; ``explain`` adds the
    ranking scores that chose it (for whoever tunes the ranking, not the reader).
    """
    doc = new_docx()
    _page_setup(doc)
    _register_fallbacks(doc)
    _paragraph(doc, brief.title, FACES["title"], align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    lead = _paragraph(doc, "", FACES["body"])
    for q in brief.lead:
        _quote_run(doc, lead, q, brief, explain=explain)
    for n, part in enumerate(brief.parts):
        _paragraph(doc, f"{CN_NUMBERS[n % 10]}、{part.title}", FACES["h1"])
        for head, body in part.items:
            para = _paragraph(doc, "", FACES["body"])
            if head is not None:
                _quote_run(doc, para, head, brief, face=FACES["h2"], suffix="。", explain=explain)
            for q in body:
                _quote_run(doc, para, q, brief, explain=explain)
    if brief.figures:
        _paragraph(doc, f"{CN_NUMBERS[len(brief.parts) % 10]}、主要数据", FACES["h1"])
        _figure_table(doc, brief)
    heading = _paragraph(doc, "来源：", FACES["h2"])
    heading.paragraph_format.keep_with_next = True  # never alone at the foot of a page
    for i, src in enumerate(brief.sources, 1):
        # left-aligned: justifying a line that ends in a long file name spreads its characters apart
        _paragraph(doc, f"{i}. {src.title}（{Path(src.path).name}，文档编号 {src.doc_id}）", FACES["body"],
                   align=WD_ALIGN_PARAGRAPH.LEFT)
    path = Path(path)
    doc.save(path)
    return path


def _page_setup(doc) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    sec.left_margin, sec.right_margin = MARGINS["left"], MARGINS["right"]
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(sec.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(sec.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    normal = doc.styles["Normal"]
    _set_font(normal.font, normal.element, FACES["body"])


def _page_number(para, align) -> None:
    """``— N —`` with a PAGE field, one character in from the outer edge."""
    para.alignment = align
    fmt = para.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = Pt(14)
    else:
        fmt.left_indent = Pt(14)
    face = FACES["page"]
    _styled(para.add_run("— "), face)
    run = _styled(para.add_run(), face)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    _styled(para.add_run(" —"), face)


def _register_fallbacks(doc) -> None:
    """Record each face's alternative in the font table (``w:altName``)."""
    table = doc.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable")
    from docx.oxml import parse_xml

    root = parse_xml(table.blob)
    for face in FACES.values():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), face.east_asian)
        alt = OxmlElement("w:altName")
        alt.set(qn("w:val"), face.fallback)
        font.append(alt)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(charset)
        root.append(font)
    from lxml import etree

    table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _paragraph(doc, text: str, face: Face, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True):
    para = doc.add_paragraph()
    para.alignment = align
    fmt = para.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH if face.size <= 16 else Pt(face.size * 1.6)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(face.size * 2)
    if text:
        _styled(para.add_run(text), face)
    return para


def _quote_run(doc, para, quote: Quote, brief: Brief, face: Face | None = None, suffix: str = "",
               explain: bool = False) -> None:
    run = _styled(para.add_run(quote.text + suffix), face or FACES["body"])
    title = next((s.title for s in brief.sources if s.doc_id == quote.doc_id), quote.doc_id)
    why = f"（{quote.why}）" if explain and quote.why else ""
    doc.add_comment(run, text=f"来源：{title}，第{quote.start}–{quote.end}字{why}", author="gongwen")


#: The key-figures table's columns and their widths (mm, 156 mm of text width in all):
#: what was counted needs the room; the unit is a word or two.
FIGURE_COLUMNS = (("事项", 52), ("数值", 24), ("单位", 16), ("时间", 30), ("原文", 34))


def _figure_table(doc, brief: Brief) -> None:
    table = doc.add_table(rows=1, cols=len(FIGURE_COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, (text, _) in zip(table.rows[0].cells, FIGURE_COLUMNS, strict=True):
        _cell(cell, text, FACES["h1"])
    for row in brief.figures:
        cells = table.add_row().cells
        for cell, text in zip(cells, (row.what, row.value, row.unit, row.date, row.text), strict=True):
            _cell(cell, text, FACES["table"])
    for column, (_, width) in zip(table.columns, FIGURE_COLUMNS, strict=True):
        for cell in column.cells:  # Word reads the cell widths, LibreOffice the column's
            cell.width = Mm(width)
        column.width = Mm(width)


def _cell(cell, text: str, face: Face) -> None:
    para = cell.paragraphs[0]
    _styled(para.add_run(text), Face(face.east_asian, face.fallback, face.latin, FACES["table"].size, face.bold))


def _styled(run, face: Face):
    _set_font(run.font, run._element, face)
    return run


def _set_font(font, element, face: Face) -> None:
    font.name = face.latin
    font.size = Pt(face.size)
    font.bold = face.bold
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), face.east_asian)
    fonts.set(qn("w:ascii"), face.latin)
    fonts.set(qn("w:hAnsi"), face.latin)
