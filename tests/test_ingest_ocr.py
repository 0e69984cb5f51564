"""Scanned PDFs and page images: OCR'd into the record a text original gives, only
the pages without a text layer, cached by page image, refused with --no-ocr.

Pages are drawn here (tests/ocr_pages.py); OCR takes seconds a page, so the tests
OCR few and mostly small pages.
"""

from __future__ import annotations

import difflib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ocr_pages import DUTY_SIMPLIFIED, DUTY_TRADITIONAL, degrade, font_path, image_pdf, render_page

from gongwen.errors import InputError
from gongwen.ingest import ocr, read
from gongwen.process import process_file

ROOT = Path(__file__).resolve().parent.parent
CLI = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); from gongwen.cli import main; main()"

pytestmark = pytest.mark.skipif(font_path() is None, reason="no CJK font to draw pages with "
                                "(Debian: fonts-wqy-microhei; .ci/run installs it)")


@pytest.fixture(autouse=True)
def ocr_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "ocr-cache"
    monkeypatch.setenv("GONGWEN_OCR_CACHE", str(cache))
    return cache


def similarity(a: str, b: str) -> float:
    a, b = "".join(a.split()), "".join(b.split())
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def small_page(lines: list[str]) -> object:
    """A page a few lines high (OCR time grows with the lines and the area)."""
    page = render_page("\n".join(["附件", *lines]))
    return page.crop((0, 0, page.width, 360 + 80 * len(lines)))


def _reads_traditional() -> bool:
    try:
        ocr.ENGINES.get("tesseract-tra")()
    except ocr.OcrUnavailable:
        return False
    return True


@pytest.mark.parametrize("text,damage", [(DUTY_SIMPLIFIED, "all"), (DUTY_TRADITIONAL, "skew")],
                         ids=["simplified", "traditional"])
def test_scanned_duty_list_gives_the_record_of_its_text(tmp_path: Path, text: str, damage: str) -> None:
    if text is DUTY_TRADITIONAL and not _reads_traditional():
        pytest.skip("traditional script is OCR'd with tesseract's chi_tra "
                    "(Debian: tesseract-ocr-chi-tra); .ci/run installs it")
    original = tmp_path / "duties.txt"
    original.write_text(text, encoding="utf-8")
    scan = image_pdf([degrade(render_page(text), damage)], tmp_path / "duties.pdf")
    want, got = process_file(original), process_file(scan)
    assert similarity(got.text, want.text) >= 0.95, got.text
    assert got.doc_type == want.doc_type == "duty_list"
    assert len(got.duties) == len(want.duties)
    assert [p["page"] for p in got.source.ocr] == [1] and got.source.ocr[0]["confidence"] > 0.8


def test_mixed_pdf_ocrs_only_its_scanned_page(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 15)
    c.drawString(80, 760, "第一条 本办法适用于县级机关。")
    c.showPage()
    for n, line in enumerate(["第二条 会议每季度召开一次。", "第三条 本办法由办公室解释。"]):
        scanned = small_page([line])
        if n:  # the top 55% of a page: an image filling more than half of it
            scanned = render_page("附件\n" + line)
            scanned = scanned.crop((0, 0, scanned.width, int(scanned.height * 0.55)))
        height = A4[0] * scanned.height / scanned.width
        c.drawImage(ImageReader(scanned), 0, A4[1] - height, width=A4[0], height=height)
        if n:  # a scanner's stamp in the text layer does not make the page text
            c.setFont("STSong-Light", 8)
            c.drawString(500, 20, "扫描件 0003")
        c.showPage()
    c.save()
    ingested = read(path)
    squeezed = "".join(ingested.text.split())
    assert "第一条 本办法适用于县级机关。" in ingested.text
    assert "第二条会议每季度召开一次" in squeezed and "第三条本办法由办公室解释" in squeezed
    assert [p["page"] for p in ingested.source.ocr] == [2, 3]


def test_page_image_is_read_once_then_from_the_cache(tmp_path: Path, ocr_cache: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notice.png"
    small_page(["各科室：请于本周五前报送材料。"]).save(path)
    first = read(path)
    assert "请于本周五前报送材料" in "".join(first.text.split())
    assert len(list(ocr_cache.rglob("*.json"))) == 1

    def no_engine(name: str) -> object:
        raise AssertionError("OCR ran again for a cached page")

    monkeypatch.setattr(ocr, "_engine", no_engine)
    assert read(path).text == first.text


def _fixed_engine(confidence: float):
    def build():
        def run(png: bytes) -> ocr.OcrPage:
            # Each page its own text: a line repeated on every page would be a running head.
            text = f"模糊的一行字{ocr.image_key(png, 'x')[-6:]}"
            return ocr.OcrPage([ocr.OcrLine(text, (100, 100, 700, 140), confidence)],
                               width=1654, height=2339, engine="fixed")
        return run
    return build


def test_low_confidence_page_is_named_in_a_warning(tmp_path: Path) -> None:
    if "fixed-low" not in ocr.ENGINES:
        ocr.ENGINES.register("fixed-low")(_fixed_engine(0.6))
    path = image_pdf([render_page("标题\n正文"), render_page("标题\n正文二")], tmp_path / "s.pdf")
    token = ocr.POLICY.set(ocr.Policy(engine="fixed-low"))
    try:
        ingested = read(path)
    finally:
        ocr.POLICY.reset(token)
    assert [w for w in ingested.warnings if "confidence" in w] == [
        "page 1: OCR confidence 0.60 is low; check the text against the scan",
        "page 2: OCR confidence 0.60 is low; check the text against the scan"]


def test_ocr_switched_off_is_an_input_error_naming_the_pages(tmp_path: Path) -> None:
    path = image_pdf([render_page("标题\n正文")] * 2, tmp_path / "s.pdf")
    token = ocr.POLICY.set(ocr.Policy(mode="off"))
    try:
        with pytest.raises(InputError, match=r"pages 1, 2 are each a scan .* --no-ocr"):
            read(path)
    finally:
        ocr.POLICY.reset(token)


def test_unreadable_image_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(InputError, match="not a readable image"):
        read(path)


def _gongwen(*args: str, env: dict[str, str]) -> subprocess.Popen:
    # Ctrl-C's handler set in the child: under a runner that started the tests in the
    # background SIGINT is ignored, and Python then never raises KeyboardInterrupt.
    return subprocess.Popen([sys.executable, "-c", CLI, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_run_ocrs_pages_in_parallel_and_resumes_without_ocr_again(tmp_path: Path, ocr_cache: Path) -> None:
    """A 4-page scan under `gongwen run`: pages are tasks of their own, counted in the
    progress; a run interrupted after the first page resumes, and no page image is
    OCR'd twice (a cache entry, once written, is never written again)."""
    archive = tmp_path / "archive"
    archive.mkdir()
    pages = [small_page([f"第{n}条 本规定第{n}项工作由办公室负责。"]) for n in "一二三四"]
    image_pdf(pages, archive / "scan.pdf")
    (archive / "rules.txt").write_text("第一条 会议每月召开一次。\n", encoding="utf-8")
    env = {**os.environ, "GONGWEN_OCR_CACHE": str(ocr_cache)}
    db = str(tmp_path / "g.db")

    first = _gongwen("run", str(archive), "--db", db, "--workers", "2", env=env)
    deadline = time.monotonic() + 300
    while not list(ocr_cache.rglob("*.json")) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    first.send_signal(signal.SIGINT)
    out1 = first.communicate(timeout=120)[0]
    written = {p: p.stat().st_ino for p in ocr_cache.rglob("*.json")}
    assert first.returncode == 130 and "interrupted" in out1 and 0 < len(written) < 4, out1

    second = _gongwen("run", str(archive), "--db", db, "--workers", "2", env=env)
    out2 = second.communicate(timeout=600)[0]
    assert second.returncode == 0, out2
    assert "OCR 4/4 pages" in out2
    assert len(list(ocr_cache.rglob("*.json"))) == 4
    assert all(p.stat().st_ino == ino for p, ino in written.items()), "a cached page was OCR'd again"

    from gongwen.store import Store

    with Store.open(db) as store:
        doc = next(d for d in store.records() if d.source.path.endswith("scan.pdf"))
    squeezed = "".join(doc.text.split())
    assert all(f"第{n}条本规定第{n}项工作由办公室负责" in squeezed for n in "一二三四"), doc.text
    assert [p["page"] for p in doc.source.ocr] == [1, 2, 3, 4]


def test_run_with_no_ocr_lists_the_scan_as_a_failure_saying_why(tmp_path: Path) -> None:
    from gongwen.batch import run
    from gongwen.store import Store

    archive = tmp_path / "archive"
    archive.mkdir()
    image_pdf([render_page("标题\n正文")], archive / "scan.pdf")
    (archive / "rules.txt").write_text("第一条 会议每月召开一次。\n", encoding="utf-8")
    db = tmp_path / "g.db"
    summary = run([archive], db, workers=1, ocr=False, show_progress=False)
    assert summary.failures == {"unreadable": 1} and summary.stored
    with Store.open(db) as store:
        [failure] = store.failures()
    assert failure.path.endswith("scan.pdf") and "--no-ocr" in failure.reason and "page 1" in failure.reason


def test_png_bytes_of_a_page_are_the_cache_key() -> None:
    """The same page drawn twice hashes alike; a changed pixel does not."""
    from PIL import Image

    page = small_page(["一行"])
    assert ocr.to_png(page) == ocr.to_png(page.copy())
    other = page.copy()
    other.putpixel((5, 5), 0)
    assert ocr.image_key(ocr.to_png(other), "auto") != ocr.image_key(ocr.to_png(page), "auto")
    assert Image.open(io.BytesIO(ocr.to_png(page))).mode == "L"
