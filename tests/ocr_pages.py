"""Scanned pages made here, for the OCR tests and ``bench/ocr.py``.

Pages are drawn with Pillow in a CJK font installed on the system (Debian's
fonts-wqy-microhei, which ``.ci/run`` installs), like a page of an official
document (A4, wide margins, paragraphs indented by two characters, wrapped at
the right margin), then degraded the ways a real scan is: skewed on the glass,
speckled, blurred, scanned at a low resolution. Every text here was written for
these tests; none is copied from a real document.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

#: Pixels per inch of a "clean" page; a low-resolution scan is half of it.
DPI = 200
#: A4 in inches.
PAGE_INCHES = (8.27, 11.69)

DUTY_SIMPLIFIED = """东林县司法局主要职责
一、主要职责
（一）贯彻执行国家和省有关法治建设的方针政策，拟订全县法治建设规划并组织实施。
（二）负责全县普法宣传教育工作，组织实施法治宣传教育五年规划，指导各乡镇开展法律进社区活动。
（三）指导和监督全县人民调解工作，负责人民调解员的培训和管理。
（四）负责社区矫正对象的监督管理和帮扶教育，协调有关部门做好安置帮教工作。
（五）承办县委、县政府交办的其他事项。
二、内设机构
办公室。负责机关日常运转，承担文电、会务、机要、档案和财务等工作。
法治督察股。负责全县法治建设的督察和考核工作。"""

DUTY_TRADITIONAL = """南港市政府法制處主要職責
一、主要職責
（一）辦理本市法規及自治條例的研擬、審查與解釋事項。
（二）負責市府各機關訴願案件之受理、審議及決定書的撰擬。
（三）辦理國家賠償事件之協議及訴訟程序，並督導各機關依法行政。
（四）推動法治教育宣導，協助區公所辦理調解業務。
（五）其他有關法制業務事項。
二、內部單位
法規科。負責法規研擬、審查及法規資料庫的維護。
訴願科。負責訴願案件之審議及行政救濟業務。"""


def font_path() -> str | None:
    """A font file that draws Chinese (simplified and traditional), or None."""
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())
    return files[0] if files else None


def render_page(text: str, dpi: int = DPI, font_pt: float = 16.0, font: str | None = None) -> Image.Image:
    """One A4 page of ``text``: each line a paragraph, indented two characters and
    wrapped at the right margin; the first line centred as a title."""
    font = font or font_path()
    if font is None:
        raise RuntimeError("no CJK font installed (Debian: fonts-wqy-microhei)")
    size = round(font_pt / 72 * dpi)
    face = ImageFont.truetype(font, size)
    width, height = round(PAGE_INCHES[0] * dpi), round(PAGE_INCHES[1] * dpi)
    margin = round(1.1 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    y = margin
    per_line = (width - 2 * margin) // size
    for number, paragraph in enumerate(text.splitlines()):
        if number == 0:
            w = draw.textlength(paragraph, font=face)
            draw.text(((width - w) / 2, y), paragraph, font=face, fill=0)
            y += round(size * 2.2)
            continue
        rest, first = paragraph, True
        while rest:
            room = per_line - 2 if first else per_line
            chunk, rest = rest[:room], rest[room:]
            draw.text((margin + (2 * size if first else 0), y), chunk, font=face, fill=0)
            y += round(size * 1.75)
            first = False
    return page


def degrade(page: Image.Image, kind: str, seed: int = 7) -> Image.Image:
    """The page as a poor scan: ``skew`` (1.5° on the glass), ``speckle`` (dust),
    ``blur`` (out of focus), ``lowres`` (scanned at half the resolution), or ``all``."""
    rng = random.Random(seed)
    kinds = ["skew", "speckle", "blur", "lowres"] if kind == "all" else [kind]
    for k in kinds:
        if k == "skew":
            page = page.rotate(1.5, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
        elif k == "speckle":
            page = page.copy()
            px = page.load()
            w, h = page.size
            for _ in range(w * h // 400):
                px[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 60, 120))
        elif k == "blur":
            page = page.filter(ImageFilter.GaussianBlur(1.2))
        elif k == "lowres":
            w, h = page.size
            page = page.resize((w // 2, h // 2), Image.Resampling.BILINEAR)
        elif k != "clean":
            raise ValueError(f"unknown degradation {k!r}")
    return page


def image_pdf(pages: list[Image.Image], path: Path, dpi: float = DPI) -> Path:
    """An image-only PDF (no text layer), one scanned page per image, at ``dpi``."""
    first, *rest = [p.convert("L") for p in pages]
    # A low-resolution page keeps the A4 size: its dpi is what its width says.
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=first.size[0] / PAGE_INCHES[0])
    return path
