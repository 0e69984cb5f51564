"""``gongwen run`` over an archive of every readable format with a long scan: page
progress, an interrupt, and a resume that OCRs no page twice.

Usage: ``python bench/ocr_run.py [--pages 20] [--workers 2] [--keep DIR]``

Builds a folder of .txt, .docx, .pdf (text), a scanned .pdf of ``--pages`` A4
pages, .png, .jpg, .tif, .xlsx, .ofd, and (when LibreOffice is installed) .xls,
.doc and .wps; runs ``gongwen run`` on it in a subprocess, interrupts it (SIGINT) once
half the scan's pages are in the OCR cache, runs it again to the end, and prints
both runs' progress lines, the pages OCR'd by each run, whether any cached page
was OCR'd again (a cache entry rewritten), and the OCR rate in pages/s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ocr_pages import DUTY_SIMPLIFIED, DUTY_TRADITIONAL, degrade, image_pdf, render_page  # noqa: E402
from test_ingest_ofd import PAGE_1, PAGE_2, make_ofd  # noqa: E402


def page_text(n: int) -> str:
    lines = DUTY_SIMPLIFIED.splitlines()
    body = lines[1:]
    k = n % len(body)
    return "\n".join([f"{lines[0]}（第{n}部分）", *body[k:], *body[:k]])


def build(folder: Path, pages: int) -> None:
    import docx
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules.txt").write_text("第一条 会议每月召开一次，须有半数以上成员到会。\n", encoding="utf-8")
    d = docx.Document()
    for line in DUTY_SIMPLIFIED.splitlines():
        d.add_paragraph(line)
    d.save(folder / "duties.docx")
    image_pdf([degrade(render_page(page_text(n)), "all" if n % 2 else "speckle") for n in range(1, pages + 1)],
              folder / "scan.pdf")
    render_page(DUTY_TRADITIONAL).save(folder / "traditional.png")
    render_page(page_text(99)).convert("RGB").save(folder / "photo.jpg", quality=80)
    render_page(page_text(98)).save(folder / "fax.tif")
    (folder / "notice.ofd").write_bytes(make_ofd([PAGE_1, PAGE_2]))
    book = openpyxl.Workbook()
    book.active.append(["项目名称", "年度预算数（万元）", "绩效目标"])
    book.active.append(["基层党建经费", 120.5, "保障基层组织正常运转"])
    book.save(folder / "budget.xlsx")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(folder / "text.pdf"))
    c.setFont("STSong-Light", 14)
    c.drawString(72, 760, "第一条 本办法自印发之日起施行。")
    c.save()
    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as profile:
            def convert(fmt: str, src: str) -> None:
                subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                                fmt, "--outdir", str(folder), str(folder / src)], capture_output=True, timeout=300)

            convert("xls", "budget.xlsx")
            # A .wps in the Word format: the duty list with a closing line more, so it
            # is not a byte-for-byte duplicate of the .doc.
            d.add_paragraph("附：本职责自公布之日起执行。")
            d.save(folder / "wps.docx")
            convert("doc", "wps.docx")
            (folder / "wps.doc").rename(folder / "duties.wps")
            (folder / "wps.docx").unlink()
            convert("doc", "duties.docx")

def gongwen(folder: Path, db: Path, workers: int, env: dict[str, str]) -> subprocess.Popen[str]:
    # Ctrl-C's handler set in the child: a job started in the background has SIGINT
    # ignored, and Python then never raises KeyboardInterrupt.
    cli = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); from gongwen.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", cli, "run", str(folder), "--db", str(db), "--workers",
                             str(workers)], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, default=None)
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="gongwen-ocr-run-"))
    folder, db, cache = work / "archive", work / "g.db", work / "ocr-cache"
    build(folder, args.pages)
    print("archive:", ", ".join(sorted(p.name for p in folder.iterdir())))
    env = {**os.environ, "GONGWEN_OCR_CACHE": str(cache)}
    # Each image file is one page in the cache too: wait for half the scan's pages beyond them.
    images = sum(1 for p in folder.iterdir() if p.suffix in (".png", ".jpg", ".tif"))
    started = time.monotonic()
    first = gongwen(folder, db, args.workers, env)
    while first.poll() is None and len(list(cache.rglob("*.json"))) < args.pages // 2:
        time.sleep(0.2)
    first.send_signal(signal.SIGINT)
    out1 = first.communicate()[0]
    after_first = {p: p.stat().st_ino for p in cache.rglob("*.json")}
    second = gongwen(folder, db, args.workers, env)
    out2 = second.communicate()[0]
    seconds = time.monotonic() - started
    entries = list(cache.rglob("*.json"))
    again = [p for p, ino in after_first.items() if p.stat().st_ino != ino]
    print("--- first run (interrupted) ---\n" + out1.strip())
    print("--- second run ---\n" + out2.strip())
    print(f"pages OCR'd: {len(after_first)} in the first run, {len(entries) - len(after_first)} in the second "
          f"({args.pages} scanned + {images} image pages); cached pages OCR'd again: {len(again)}")
    print(f"OCR rate over both runs: {len(entries) / seconds:.3f} pages/s with {args.workers} workers "
          f"({seconds:.0f} s, other formats included)")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
