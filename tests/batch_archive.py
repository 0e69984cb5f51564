"""A generated archive of small official-style documents, for the batch tests and ``bench/bulk.py``.

Every text here is written for this purpose (no real document is copied): work
rules with meeting clauses, duty lists, yearbook entries with figures, budget
tables in the one-cell-per-line layout, and traditional-script rules, spread over
.txt (utf-8, gb18030, big5, utf-16), .docx, .html and .pdf, plus the kinds of bad
input a real archive holds (empty, binary junk, a .docx that is no zip, a
truncated PDF), byte-identical duplicates under other names, and files of other
formats that a run must skip.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REGIONS = ["东湖区", "西林县", "南江市", "北山区", "青河县", "临川区", "白水县", "长宁市"]
#: Organs named after the region's level: 东湖区 → 区委, 西林县 → 县委 …
ORGAN_PATTERNS = ["{}委", "{}委", "{}人大常委会", "{}政府"]
DEPTS = ["组织部", "宣传部", "统战部", "政法委", "机构编制委员会办公室"]
UNITS = ["办公室", "干部科", "组织科", "人才科", "信息科", "督查室"]
COUNTS = ["一", "两", "三"]
FRACTIONS = ["半数以上", "三分之二以上", "过半数"]
TW_ORGANS = ["資訊處", "秘書處", "人事室", "會計室", "政風室", "法規會"]


def work_rules(rng: random.Random) -> str:
    region = rng.choice(REGIONS)
    organ = rng.choice(ORGAN_PATTERNS).format(region[-1])
    return "\n".join([
        f"{region}{organ}工作规则",
        "第一章 总则",
        f"第一条 为规范{organ}的工作，提高议事决策水平，结合本{region[-1]}实际，制定本规则。",
        f"第二条 {organ}坚持民主集中制原则，实行集体领导和个人分工负责相结合的制度。",
        "第二章 会议制度",
        f"第三条 {organ}全体会议每年召开{rng.choice(COUNTS)}次，遇有重要情况可随时召开。",
        f"第四条 常委会会议一般每月召开{rng.choice(COUNTS)}次，由书记召集并主持。"
        f"会议须有{rng.choice(FRACTIONS)}委员到会方能举行。",
        f"第五条 讨论决定干部任免事项，须有三分之二以上委员到会，以应到会委员{rng.choice(FRACTIONS)}同意为通过。",
        "第六条 会议议题由办公室汇总，报书记确定；会议由办公室指定专人记录。",
        "第三章 附则",
        f"第七条 本规则自{rng.randint(2010, 2025)}年{rng.randint(1, 12)}月起施行。",
    ])


def duty_list(rng: random.Random) -> str:
    region, dept = rng.choice(REGIONS), rng.choice(DEPTS)
    lines = [f"{region}委{dept}主要职责", "一、主要职责"]
    tasks = ["负责全区干部队伍建设的规划和宏观指导", "承办上级交办的其他事项",
             "指导基层党组织建设；检查督促有关政策的落实", "负责机关干部的教育培训和日常管理",
             "研究提出人才工作的政策建议", "负责有关统计和信息化工作"]
    for i, task in enumerate(rng.sample(tasks, 4), 1):
        lines.append(f"（{'一二三四五六'[i - 1]}）{task}。")
    lines.append("二、内设机构")
    for unit in rng.sample(UNITS, 3):
        lines.append(f"{unit}。负责{rng.choice(['文电、会务和档案', '干部考察和任免', '人才引进和服务'])}等工作。")
    return "\n".join(lines)


def yearbook(rng: random.Random) -> str:
    region, year = rng.choice(REGIONS), rng.randint(2012, 2024)
    return "\n".join([
        f"【概况】{year}年，{region}委组织部围绕中心工作，全面加强组织建设。",
        f"全年新发展党员{rng.randint(80, 900)}名，培训基层干部{rng.randint(1000, 9000)}人次，"
        f"投入专项经费{rng.randint(20, 800)}万元，比上年增长{rng.randint(1, 30)}.{rng.randint(0, 9)}%。",
        f"【干部工作】{year}年{rng.randint(1, 12)}月，调整充实领导班子{rng.randint(3, 40)}个，"
        f"交流干部{rng.randint(10, 200)}名，其中女干部占{rng.randint(10, 45)}%。",
    ])


def budget_table(rng: random.Random) -> str:
    region = rng.choice(REGIONS)
    lines = [f"{region}{rng.randint(2018, 2025)}年部门预算绩效目标表", ""]
    for cells in (["项目名称", "年度预算安排(万元)", "绩效目标"],
                  ["基层党建经费", str(rng.randint(10, 500)), "保障基层组织正常运转"],
                  ["干部教育培训", str(rng.randint(10, 300)), f"培训干部{rng.randint(100, 999)}人次"]):
        lines += [f"\t{c}" for c in cells] + [""]
    return "\n".join(lines)


def traditional_rules(rng: random.Random) -> str:
    unit = rng.choice(TW_ORGANS)
    return "\n".join([
        f"某委員會{unit}處務規程",
        "第一條 本規程依組織法規定訂定之。",
        f"第二條 {unit}掌理下列事項：",
        "一、關於綜合業務之規劃及推動事項。",
        "二、關於文書、檔案及印信之管理事項。",
        f"第三條 本會委員會議每月舉行{rng.choice(['一', '二'])}次，必要時得召開臨時會議。",
        "第四條 委員會議應有全體委員二分之一以上出席，始得開會。",
    ])


KINDS = [work_rules, duty_list, yearbook, budget_table]


def _docx(path: Path, text: str) -> None:
    from docx import Document

    doc = Document()
    for line in text.split("\n"):
        doc.add_paragraph(line)
    doc.save(str(path))


def _html(path: Path, text: str) -> None:
    body = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    title = text.split("\n", 1)[0]
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
                    f"<body><div class='content'>{body}</div></body></html>", encoding="utf-8")


_FONT_READY = False


def _pdf(path: Path, text: str) -> None:
    global _FONT_READY
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if not _FONT_READY:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        _FONT_READY = True
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 11)
    y = 800
    for line in text.split("\n"):
        while line:
            c.drawString(40, y, line[:45])
            line, y = line[45:], y - 16
    c.save()


@dataclass
class Archive:
    """The generated folder and what a run over it must find."""

    root: Path
    documents: list[Path] = field(default_factory=list)   # distinct readable documents
    duplicates: list[Path] = field(default_factory=list)  # same bytes as one of ``documents``
    corrupt: list[Path] = field(default_factory=list)     # must end up as failures
    skipped: list[Path] = field(default_factory=list)     # formats without a reader


def build(root: Path, n: int = 240, seed: int = 7, pdf_every: int = 20, docx_every: int = 8) -> Archive:
    """Write ``n`` documents under ``root`` (in nested folders) plus the bad and skipped files."""
    rng = random.Random(seed)
    arc = Archive(root)
    for i in range(n):
        folder = root / f"batch{i % 5}" / ("sub" if i % 3 else "")
        folder.mkdir(parents=True, exist_ok=True)
        if i % 11 == 0:
            text, enc = traditional_rules(rng), "big5"
        else:
            text = KINDS[i % len(KINDS)](rng)
            enc = ["utf-8", "gb18030", "utf-8", "utf-16"][i % 4]
        # Every document distinct (the traditional ones in traditional script: big5 has no 编).
        text += f"\n（{'編號' if enc == 'big5' else '编号'}：{seed}-{i}）"
        if pdf_every and i % pdf_every == 1:
            path = folder / f"doc{i:05d}.pdf"
            _pdf(path, text)
        elif docx_every and i % docx_every == 2:
            path = folder / f"doc{i:05d}.docx"
            _docx(path, text)
        elif i % 7 == 3:
            path = folder / f"doc{i:05d}.html"
            _html(path, text)
        else:
            path = folder / f"doc{i:05d}.txt"
            path.write_bytes(text.encode(enc))
        arc.documents.append(path)
    bad = root / "bad"
    bad.mkdir(exist_ok=True)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "junk.txt").write_bytes(bytes(random.Random(seed).randrange(256) for _ in range(3000)))
    (bad / "notazip.docx").write_bytes(b"PK\x03\x04 this is not really a zip archive" * 10)
    good_pdf = next((p for p in arc.documents if p.suffix == ".pdf"), None)
    if good_pdf is not None:
        data = good_pdf.read_bytes()
        (bad / "truncated.pdf").write_bytes(data[: len(data) // 3])
    else:
        (bad / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    arc.corrupt = sorted(bad.iterdir())
    dup = root / "copies"
    dup.mkdir(exist_ok=True)
    for src in arc.documents[:: max(1, n // 6)][:6]:
        target = dup / f"copy_of_{src.name}"
        shutil.copyfile(src, target)
        arc.duplicates.append(target)
    other = root / "other"
    other.mkdir(exist_ok=True)
    for name, data in (("scan.bmp", b"BM not a real picture"), ("slides.ppt", b"\xd0\xcf\x11\xe0"),
                       ("notes.md", "备忘".encode())):
        (other / name).write_bytes(data)
        arc.skipped.append(other / name)
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    arc.skipped.append(root / ".DS_Store")
    return arc


# -- the hostile archive ------------------------------------------------------------------------

#: Text of a file outside the hostile archive that links point at: it must never be stored.
OUTSIDE_SECRET = "绝密外部文件：不应入库的内容"


@dataclass
class Hostile:
    """A folder of hostile input and what a run must make of each file.

    ``stored``: files whose text must be stored (they are text, however odd their bytes);
    ``refused``: files that must end as failures; ``either``: files that may be stored or
    fail, as long as the run goes on (damaged PDFs whose fate depends on the reader);
    ``outside``: the folder holding what links point at.
    """

    root: Path
    outside: Path
    stored: dict[Path, str] = field(default_factory=dict)  # path → a phrase its stored text holds
    refused: list[Path] = field(default_factory=list)
    either: list[Path] = field(default_factory=list)


def _pdf_objects(objects: list[str], trailer: str = "") -> bytes:
    """A minimal PDF from object bodies (numbered from 1), with a correct xref table."""
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    trailer = trailer.replace("XREF", str(xref))
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _docx_replacing(template: Path, name: str, data: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    import io
    import zipfile

    source = zipfile.ZipFile(template)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info, data if info.filename == name else source.read(info))
        for member, content in (extra or {}).items():
            z.writestr(member, content)
    return buf.getvalue()


def build_hostile(root: Path, big_line_mb: float = 9.0) -> Hostile:
    """Links out of the tree and in a loop, text in awkward encodings, zip bombs, XXE,
    truncated and looping PDFs, a line of ``big_line_mb`` MB, and lines built to make
    backtracking patterns quadratic. Every text is written for this purpose."""
    import codecs
    import os

    rng = random.Random(11)
    outside = root / "outside"
    outside.mkdir(parents=True)
    secret = outside / "secret.txt"
    secret.write_text(OUTSIDE_SECRET, encoding="utf-8")
    arc = root / "archive"
    h = Hostile(arc, outside)
    for sub in ("links", "encodings", "zips", "pdfs", "patterns"):
        (arc / sub).mkdir(parents=True)

    # links: out of the tree (file, folder), broken, a loop, a pipe named like a document
    (arc / "links" / "leak.txt").symlink_to(secret)
    (arc / "links" / "leakdir").symlink_to(outside, target_is_directory=True)
    (arc / "links" / "broken.txt").symlink_to(root / "nothing.txt")
    (arc / "links" / "loop").symlink_to(arc, target_is_directory=True)
    if hasattr(os, "mkfifo"):
        os.mkfifo(arc / "links" / "pipe.txt")

    # encodings
    rules = work_rules(rng)
    phrase = rules.split("\n")[2][:12]
    for name, data in (
        ("utf16le_nobom.txt", rules.encode("utf-16-le")),
        ("utf16be_nobom.txt", rules.encode("utf-16-be")),
        ("utf16_bom.txt", codecs.BOM_UTF16_LE + rules.encode("utf-16-le")),
        ("nul_padded.txt", rules.encode()[:90] + b"\x00" * 5000 + rules.encode()[90:] + b"\x00" * 999),
        ("gb18030.txt", rules.encode("gb18030")),
        ("utf8_bom.txt", codecs.BOM_UTF8 + rules.encode()),
        ("damaged_utf8.txt", (rules * 3).encode()[:-1]),
        ("lying_charset.html", f"<html><head><meta charset='big5'></head><body><p>{rules}</p></body></html>"
                               .encode()),
    ):
        path = arc / "encodings" / name
        path.write_bytes(data)
        h.stored[path] = phrase
    junk = arc / "encodings" / "binary.txt"
    junk.write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    h.refused.append(junk)

    # zip containers: bombs (one huge member; too many members), XXE, entity expansion
    template = root / "template.docx"
    _docx(template, rules)
    zips = arc / "zips"
    (zips / "bomb.docx").write_bytes(_docx_replacing(template, "word/document.xml", b"<" + b"\x00" * 40_000_000))
    many = {f"word/media/x{i}.bin": b"" for i in range(10_050)}
    (zips / "many_members.docx").write_bytes(_docx_replacing(template, "word/styles.xml",
                                                             b"<w:styles/>", extra=many))
    h.refused += [zips / "bomb.docx", zips / "many_members.docx"]
    import zipfile

    xml = zipfile.ZipFile(template).read("word/document.xml").decode("utf-8")
    head, body = xml.split("?>", 1)
    xxe = (head + f'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           + body.replace("<w:t>", "<w:t>&xxe;", 1))
    (zips / "xxe.docx").write_bytes(_docx_replacing(template, "word/document.xml", xxe.encode()))
    h.stored[zips / "xxe.docx"] = phrase
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "哈" * 10}">' for i in range(9))
    lol = head + f"?><!DOCTYPE w:document [{laughs}]>" + body.replace("<w:t>", "<w:t>&l8;", 1)
    (zips / "laughs.docx").write_bytes(_docx_replacing(template, "word/document.xml", lol.encode()))
    h.refused.append(zips / "laughs.docx")
    xxe_html = zips / "xxe.html"
    xxe_html.write_text(f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                        f"<html><body><p>{rules}&xxe;</p></body></html>", encoding="utf-8")
    h.stored[xxe_html] = phrase
    deep = zips / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 20000 + rules + "</div>" * 20000 + "</body></html>",
                    encoding="utf-8")
    h.stored[deep] = phrase

    # PDFs: truncated, page trees that loop, an xref chain that loops, a lying page count
    pdfs = arc / "pdfs"
    good = pdfs / "good.pdf"
    _pdf(good, rules)
    data = good.read_bytes()
    (pdfs / "truncated.pdf").write_bytes(data[: len(data) // 2])
    h.refused.append(pdfs / "truncated.pdf")
    catalog = "<< /Type /Catalog /Pages 2 0 R >>"
    page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>"
    for name, pdf in (
        ("kids_self.pdf", _pdf_objects([catalog, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])),
        ("kids_cycle.pdf", _pdf_objects([catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                         "<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>"])),
        ("prev_loop.pdf", _pdf_objects([catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page],
                                       trailer="/Prev XREF ")),
        ("count_lies.pdf", _pdf_objects([catalog, "<< /Type /Pages /Kids [3 0 R 3 0 R] /Count 999999999 >>",
                                         page])),
    ):
        (pdfs / name).write_bytes(pdf)
        h.either.append(pdfs / name)

    # one line of big_line_mb MB, and lines shaped to make backtracking patterns quadratic
    sentence = "各级党组织要坚持问题导向，加强基层组织建设，提高干部队伍素质，推动各项工作落到实处；"
    big = arc / "patterns" / "one_big_line.txt"
    repeat = int(big_line_mb * 1e6 / len(sentence.encode()))
    big.write_text("超长单行文件" + sentence * repeat + "\n", encoding="utf-8")
    h.stored[big] = "超长单行文件"
    for name, text in (
        ("numeral_run.txt", "编号" + "一二三四五六七八九十" * 5000 + "、结束\n"),
        ("digit_run.txt", "编号" + "1" * 100_000 + "万元\n"),
        ("dotted_numbers.txt", "条款" + "1." * 20_000 + "x\n"),
        ("comment_openers.txt", "注释" + "<!--" * 20_000 + "\n"),
        ("nested_parens.txt", "括号" + "（" * 20_000 + "一）\n"),
        ("many_numbered_lines.txt", "编号清单\n" + "".join(f"{i}.\n" for i in range(10_000))),
        ("ordinal_run.txt", "序号" + "第一" * 10_000 + "条\n"),
    ):
        path = arc / "patterns" / name
        path.write_text(text, encoding="utf-8")
        h.stored[path] = text[:2]
    return h
