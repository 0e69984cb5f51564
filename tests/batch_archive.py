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
