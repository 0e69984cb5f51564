"""The .docx, .pdf and .html readers: order, tables, furniture, and bad input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from gongwen.errors import InputError
from gongwen.ingest import read
from gongwen.ingest.pdf import is_page_number

# --- .docx -----------------------------------------------------------------------


def _docx(path: Path) -> Path:
    """A small Word file: paragraph, table with merged cells, paragraph; head and foot."""
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "页眉：内部资料"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    d.add_paragraph("区委组织部预算绩效目标表")
    t = d.add_table(rows=3, cols=4)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "职责活动"     # vertical merge
    t.cell(0, 1).merge(t.cell(0, 3)).text = "评价标准"     # horizontal merge
    for c, grade in enumerate(("优", "良", "中"), 1):
        t.cell(1, c).text = grade
    t.cell(2, 0).text = "党员教育"
    cell = t.cell(2, 1)
    cell.text = "参训率100%"
    cell.add_paragraph("（含网络培训）")
    t.cell(2, 2).text = "90%"
    t.cell(2, 3).text = "80%"
    p = d.add_paragraph("填报说明：")
    p.add_run().add_tab()
    p.add_run("以财政批复数为准。").add_break()
    p.add_run("（2019年）")
    d.save(path)
    return path


def test_docx_keeps_body_order_and_renders_merged_cells(tmp_path: Path) -> None:
    text = read(_docx(tmp_path / "t.docx")).text
    assert text.split("\n") == [
        "区委组织部预算绩效目标表",
        "", "\t职责活动", "\t评价标准", "\t", "\t",
        "", "\t", "\t优", "\t良", "\t中",
        "", "\t党员教育", "\t参训率100% （含网络培训）", "\t90%", "\t80%",
        "",
        "填报说明： 以财政批复数为准。",  # a tab inside a paragraph is a space, never a cell
        "（2019年）",  # a manual line break stays one
    ]
    assert "页眉" not in text and "第 1 页" not in text


def test_budget_docx_reads_as_its_text_export(samples: Path) -> None:
    docx_text = read(samples / "budget_table.docx").text
    txt_text = read(samples / "budget_table.txt").text
    assert docx_text.strip("\n") == txt_text.strip("\n")
    assert "\t　　党员教育培训" in docx_text  # sub-row indentation survives


def test_work_rules_docx_matches_txt(samples: Path) -> None:
    assert read(samples / "work_rules.docx").text.strip() == read(samples / "work_rules.txt").text.strip()


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("data,reason", [
    (b"This is plain text saved as .docx", "not a zip"),
    (b"PK\x03\x04" + b"\x00" * 40, "not a zip"),
    (_zip({"hello.txt": b"hi"}), "no word/document.xml"),
    (_zip({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<broken"}), "corrupt"),
    (_zip({"word/document.xml": b"\x00" * (20 * 1024 * 1024)}), "zip bomb"),
])
def test_bad_docx_is_an_input_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read(path)


# --- .pdf ------------------------------------------------------------------------


def _pdf(pages: list[list[str]], **kwargs: object) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=True, **kwargs)
    for lines in pages:
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(72, 780 - 24 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_pdf_sample_drops_heads_and_page_numbers(samples: Path) -> None:
    ingested = read(samples / "duty_list.pdf")
    text = ingested.text
    assert ingested.source.encoding is None and ingested.warnings == []
    assert "内部资料" not in text and "- 1 -" not in text and "- 2 -" not in text
    assert text.startswith("石湾区委组织部主要职责和内设机构\n")
    # a paragraph wrapped over several lines is one line again
    assert any(ln.startswith("（四）干部股。") is False and ln.startswith("（三）干部股。负责")
               and ln.endswith("培养选拔工作。") for ln in text.split("\n"))


def test_pdf_running_head_and_numbers_on_most_pages(tmp_path: Path) -> None:
    body = [["一、会议制度", "常委会会议一般每月召开两次。"], ["书记办公会议每周召开一次。", "二、决策程序"],
            ["重大事项必须集体讨论决定。", "三、附则"], ["本规则自通过之日起施行。", "区委办公室负责解释。"]]
    pages = [[f"石湾区人民政府公报 2019年第{n + 2}期", *lines, f"第 {n} 页 共 4 页"]
             for n, lines in enumerate(body, 1)]
    pages[2].insert(0, "- 3 -")  # page number above the running head
    path = tmp_path / "p.pdf"
    path.write_bytes(_pdf(pages))
    assert read(path).text.split("\n") == [line for lines in body for line in lines]


def test_pdf_unjustified_lines_run_on_despite_one_overlong_line(tmp_path: Path) -> None:
    # Full lines of an unjustified paragraph end a character or two short of the edge, at
    # different places; a long Latin line (a web address) sticks out past the margin.
    para = ["区委常委会会议一般每月召开两次，遇有重要情况可以随时召开，会议由书记召集并主", "持。",
            "常委会会议必须有半数以上常委到会方能召开，讨论干部任免等重大事项必须有三分", "之二以上常委到会。"]
    url = "https://www.example.gov.cn/zwgk/zdlyxxgk/gzgz/2019/0314/content_20190314_1234567890abcdef.html"
    assert len(para[0]) - len(para[2]) == 1  # the second paragraph's full line ends a character short
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(_pdf([para + [url]]))
    assert read(path).text.split("\n") == [para[0] + para[1], para[2] + para[3], url]


@pytest.mark.parametrize("line,expected", [
    ("- 3 -", True), ("— 12 —", True), ("第3页", True), ("第 3 页 共 17 页", True), ("3/17", True),
    ("3", True), ("Page 2 of 9", True), ("－３－", True),
    ("第三条", False), ("3月9日", False), ("共有3个工作组", False), ("2013年", False),
])
def test_page_number_lines(line: str, expected: bool) -> None:
    assert is_page_number(line) is expected


def test_pdf_table_is_rendered_in_the_table_layout(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpora"))
    import make_samples

    src = make_samples.parse(Path(make_samples.SRC / "budget_table.txt"))
    path = tmp_path / "budget.pdf"
    path.write_bytes(make_samples.to_pdf(src))
    lines = read(path).text.split("\n")
    header = lines.index("\t职责活动")
    assert lines[header - 1] == "" and lines[header:header + 10] == [
        "\t职责活动", "\t年度预算数", "\t内容描述", "\t绩效目标", "\t绩效指标", "\t评价标准", "\t", "\t", "\t", ""]
    assert "\t负责全县干部的考察、任免和监督管理；组织实施干部教育培训" in lines  # wrapped cell joined


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(100, 100, 300, 300, fill=1)  # a "scan": marks on the page, no text
    c.showPage()
    c.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match="no text layer"):
        read(path)


def test_pdf_partly_scanned_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGWEN_OCR_CACHE", str(tmp_path / "ocr-cache"))
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "第一页有文字。")
    c.showPage()
    c.drawImage(ImageReader(Image.new("RGB", (50, 50), "gray")), 100, 100, 200, 200)
    c.showPage()
    c.save()
    path = tmp_path / "half.pdf"
    path.write_bytes(buf.getvalue())
    ingested = read(path)
    assert ingested.text == "第一页有文字。"
    assert ingested.warnings == ["page 2: OCR found no text on this scanned page"]


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "secret.pdf"
    path.write_bytes(_pdf([["机密文件"]], encrypt="secret"))
    with pytest.raises(InputError, match="encrypted"):
        read(path)


@pytest.mark.parametrize("cut,reason", [(0.5, "truncated"), (0.9, "truncated")])
def test_truncated_pdf(tmp_path: Path, samples: Path, cut: float, reason: str) -> None:
    data = (samples / "duty_list.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(InputError, match=reason):
        read(path)


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("区委工作规则", encoding="utf-8")
    with pytest.raises(InputError, match="not a PDF"):
        read(path)


def test_damaged_pdf_body(tmp_path: Path, samples: Path) -> None:
    data = bytearray((samples / "duty_list.pdf").read_bytes())
    data[200:-200] = b"\x00" * (len(data) - 400)  # header and %%EOF intact, everything between gone
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError):
        read(path)


# --- .html -----------------------------------------------------------------------

PAGE = """<html><head><meta charset="{charset}"><title>网站标题</title>
<style>p {{ color: red }}</style><script>var x = "脚本";</script></head>
<body><nav>首页 政务公开</nav><div class="breadcrumb">当前位置：首页</div>
<div id="content"><h2>区委常委会议事规则</h2>
<p>常委会会议一般每月召开两次，
由书记召集并主持。</p><p>第二段<br>换行</p>
<table><tr><th rowspan="2">活动</th><th colspan="2">评价标准</th></tr>
<tr><td>优</td><td>良</td></tr><tr><td>培训</td><td>100%</td><td>90%</td></tr></table>
<ul><li>一项</li><li>二项</li></ul></div>
<div class="share-bar">分享到微信</div><footer>版权所有 ICP备123号</footer></body></html>"""

EXPECTED = ["区委常委会议事规则", "常委会会议一般每月召开两次，由书记召集并主持。", "第二段", "换行",
            "", "\t活动", "\t评价标准", "\t", "", "\t", "\t优", "\t良", "", "\t培训", "\t100%", "\t90%", "",
            "一项", "二项"]


@pytest.mark.parametrize("charset,codec,recorded", [
    ("utf-8", "utf-8", "utf-8"),
    ("gb2312", "gb18030", "gb18030"),  # declared GB2312, holds GBK-only characters: read as GB18030
    ("big5", "big5", "big5"),
])
def test_html_main_text_and_tables(tmp_path: Path, charset: str, codec: str, recorded: str) -> None:
    page = PAGE.format(charset=charset)
    if charset == "gb2312":
        page = page.replace("一项", "一項（镕）")  # 項 and 镕 are not in GB2312
    if charset == "big5":
        from opencc import OpenCC

        page = OpenCC("s2t").convert(page)
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(codec))
    ingested = read(path)
    expected = EXPECTED
    if charset == "gb2312":
        expected = [ln.replace("一项", "一項（镕）") for ln in EXPECTED]
    if charset == "big5":
        from opencc import OpenCC

        expected = [OpenCC("s2t").convert(ln) for ln in EXPECTED]
    assert ingested.text.split("\n") == expected
    assert ingested.source.encoding == recorded


@pytest.mark.parametrize("declared,data,recorded,warned", [
    ("gb2312", "区委工作规则".encode(), "utf-8", True),       # re-saved as UTF-8, old declaration
    ("utf-8", "区委工作规则".encode("gb18030"), "gb18030", True),  # declaration does not fit the bytes
    ("gbk", "区委工作规则".encode("gbk"), "gb18030", False),
])
def test_html_declared_charset_that_lies(tmp_path: Path, declared: str, data: bytes, recorded: str,
                                         warned: bool) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(f'<html><head><meta charset="{declared}"></head><body><p>'.encode() + data
                     + b"</p></body></html>")
    ingested = read(path)
    assert ingested.text == "区委工作规则"
    assert ingested.source.encoding == recorded and ingested.source.format == "html"
    assert bool(ingested.warnings) is warned


def test_html_sample_drops_site_chrome(samples: Path) -> None:
    ingested = read(samples / "yearbook.html")
    text = ingested.text
    for chrome in ("首页", "统计代码", "分享到", "ICP备", "相关链接", "console"):
        assert chrome not in text
    assert "【概况】 2013年" in text and ingested.source.encoding == "gb18030"


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>1</script><nav>首页</nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no text"):
        read(path)
