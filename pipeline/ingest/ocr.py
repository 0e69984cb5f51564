"""OCR of page images: engines (a registry), the per-page cache, and the policy.

An engine turns one page image (PNG bytes) into :class:`OcrLine` objects — the
text of one visual line with its box in image pixels and the engine's
confidence — so a scanned page can go through the same line joining as a PDF's
text layer (:mod:`gongwen.ingest.pdf`), which needs the boxes.

Engines (``bench/ocr.py`` measures both on clean and degraded pages, simplified
and traditional; the table is in docs/ocr.md):

- ``rapidocr``: PaddleOCR's PP-OCRv4 Chinese models run by onnxruntime; the
  models ship inside the ``rapidocr-onnxruntime`` wheel, so it is fully offline
  with nothing but pip. Exact (CER 0.000–0.004) on simplified pages, clean,
  skewed, speckled, blurred or at half resolution; but its character set lacks
  much of traditional script (責, 審, 訴 …): CER 0.16–0.18 on traditional pages.
- ``tesseract`` / ``tesseract-tra``: Debian's tesseract-ocr with chi_sim /
  chi_tra, through pytesseract. chi_tra reads traditional pages at CER
  0.01–0.06; chi_sim is behind rapidocr on simplified ones (up to 0.11).
- ``auto`` (the default, ``GONGWEN_OCR_ENGINE`` to change): rapidocr, and
  tesseract-tra for a page rapidocr reads as traditional — the better engine for
  each script by those numbers.

Results are cached on disk by the SHA-256 of the page image (and the engine),
so a re-run, a resumed run or a page OCR'd by another worker is never OCR'd
again. :data:`POLICY` says whether OCR runs at all (``--no-ocr``) and where the
cache is; the batch runner sets it per task.
"""

from __future__ import annotations

import contextvars
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from gongwen.ingest.layout import join_wrapped
from gongwen.registry import Registry

#: Pages whose mean line confidence is below this get a warning naming the page.
LOW_CONFIDENCE = 0.80
#: Lines an engine is less sure of than this are dropped as noise (specks read as text).
MIN_LINE_CONFIDENCE = 0.5
DEFAULT_ENGINE = "auto"


@dataclass
class OcrLine:
    """One visual line: text, box in image pixels (left, top, right, bottom), confidence 0–1."""

    text: str
    box: tuple[float, float, float, float]
    confidence: float


@dataclass
class OcrPage:
    """What OCR made of one page image."""

    lines: list[OcrLine]
    width: int
    height: int
    engine: str

    @property
    def confidence(self) -> float:
        """Mean line confidence weighted by line length (1.0 for a page with no text)."""
        chars = sum(len(ln.text) for ln in self.lines)
        if not chars:
            return 1.0
        return sum(ln.confidence * len(ln.text) for ln in self.lines) / chars

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> OcrPage:
        data = json.loads(text)
        lines = [OcrLine(ln["text"], tuple(ln["box"]), ln["confidence"]) for ln in data["lines"]]
        return cls(lines=lines, width=data["width"], height=data["height"], engine=data["engine"])


class OcrUnavailable(RuntimeError):
    """The engine cannot run here; the message says what to install."""


class OcrSkipped(RuntimeError):
    """OCR is switched off (``--no-ocr``) and a page needs it."""


class OcrDeferred(Exception):
    """Pages need OCR that the caller wants to run itself, page-parallel (the batch
    runner): ``pages`` are page numbers (1-based) not in the cache."""

    def __init__(self, pages: list[int]) -> None:
        super().__init__(f"{len(pages)} pages need OCR")
        self.pages = pages


@dataclass(frozen=True)
class Policy:
    """``mode``: ``on`` (OCR inline), ``off`` (refuse: --no-ocr), ``defer`` (raise
    :class:`OcrDeferred` for pages not cached, so the runner OCRs them as page tasks).
    ``cache``: the cache folder (None: :func:`default_cache_dir`)."""

    mode: str = "on"
    cache: str | None = None
    engine: str | None = None


#: The policy of the file being read (None: the default, OCR on). A context variable,
#: so that files read at once in threads of one worker each keep their own.
POLICY: contextvars.ContextVar[Policy | None] = contextvars.ContextVar("ocr_policy", default=None)


def current_policy() -> Policy:
    return POLICY.get() or Policy()

Engine = Callable[..., OcrPage]  # (png bytes) → OcrPage
ENGINES: Registry[Callable[[], Engine]] = Registry("OCR engine")


def engine_name(policy: Policy | None = None) -> str:
    policy = policy or current_policy()
    return policy.engine or os.environ.get("GONGWEN_OCR_ENGINE") or DEFAULT_ENGINE


def default_cache_dir() -> Path:
    """``$GONGWEN_OCR_CACHE``, else ``$XDG_CACHE_HOME/gongwen/ocr`` (``~/.cache/gongwen/ocr``)."""
    if env := os.environ.get("GONGWEN_OCR_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gongwen" / "ocr"


def image_key(png: bytes, engine: str) -> str:
    return f"{engine}-{hashlib.sha256(png).hexdigest()}"


def _cache_path(key: str, policy: Policy) -> Path:
    root = Path(policy.cache) if policy.cache else default_cache_dir()
    return root / key[-2:] / f"{key}.json"


def cached(png: bytes, policy: Policy | None = None) -> OcrPage | None:
    """The cached result for this page image, or None."""
    policy = policy or current_policy()
    path = _cache_path(image_key(png, engine_name(policy)), policy)
    try:
        return OcrPage.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):  # absent, or a torn write of an old version
        return None


def _store(png: bytes, page: OcrPage, policy: Policy) -> None:
    path = _cache_path(image_key(png, engine_name(policy)), policy)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole then renamed: a reader (another worker) never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(page.to_json())
        os.replace(tmp, path)
    except OSError:  # a read-only or full cache only costs speed on the next run
        pass


def recognize(png: bytes, policy: Policy | None = None) -> OcrPage:
    """OCR one page image (PNG bytes), from the cache when it has it."""
    policy = policy or current_policy()
    if (hit := cached(png, policy)) is not None:
        return hit
    page = _engine(engine_name(policy))(png)
    _store(png, page, policy)
    return page


@cache
def _engine(name: str) -> Engine:
    """The engine, built once per process (loading the models takes a second)."""
    return ENGINES.get(name)()


def to_png(image: object) -> bytes:
    """PNG bytes of a Pillow image (grey), the form pages are hashed and cached in."""
    buf = io.BytesIO()
    image.convert("L").save(buf, "PNG")  # type: ignore[attr-defined]
    return buf.getvalue()


@ENGINES.register("rapidocr")
def _rapidocr() -> Engine:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise OcrUnavailable("OCR needs rapidocr-onnxruntime (pip install rapidocr-onnxruntime)") from None
    # One thread per engine: pages run in parallel as separate tasks, so threads
    # inside onnxruntime would only fight over the same cores.
    ocr = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)

    def run(png: bytes) -> OcrPage:
        import numpy as np
        from PIL import Image

        image = Image.open(io.BytesIO(png)).convert("RGB")
        result, _ = ocr(np.asarray(image))
        lines = []
        for box, text, score in result or []:
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            if text.strip() and float(score) >= MIN_LINE_CONFIDENCE:
                lines.append(OcrLine(text.strip(), (min(xs), min(ys), max(xs), max(ys)), float(score)))
        return OcrPage(lines=lines, width=image.width, height=image.height, engine="rapidocr")

    return run


#: Line height (rapidocr's box, pixels) tesseract reads best: a page of smaller print
#: (a low-resolution scan) is enlarged to it first. Measured on a traditional page
#: scanned at 100 dpi: similarity 0.88 as it is, 0.99 enlarged twice.
TESSERACT_LINE_PX = 48

#: ASCII marks tesseract's Chinese models give for the full-width marks Chinese text sets.
_FULL_WIDTH = {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！"}


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def cjk_punctuation(text: str) -> str:
    """ASCII punctuation next to a Chinese character made full-width (``(一)`` → ``（一）``),
    as the printed page had it; between Latin letters or digits (``3,000``) it stays."""
    out = list(text)
    for i, ch in enumerate(text):
        if ch in _FULL_WIDTH:
            before = text[:i].rstrip()[-1:]
            after = text[i + 1:].lstrip()[:1]
            if (before and _is_cjk(before)) or (after and _is_cjk(after)):
                out[i] = _FULL_WIDTH[ch]
    return "".join(out)


def _tesseract(lang: str) -> Callable[[], Engine]:
    def build() -> Engine:
        return _tesseract_engine(lang)

    return build


ENGINES.register("tesseract")(_tesseract("chi_sim"))
ENGINES.register("tesseract-tra")(_tesseract("chi_tra"))


def _tesseract_engine(lang: str) -> Engine:
    pkg = f"tesseract-ocr-{lang.replace('_', '-')}"
    if shutil.which("tesseract") is None:
        raise OcrUnavailable(f"OCR with tesseract needs it installed (Debian: apt-get install tesseract-ocr {pkg})")
    try:
        import pytesseract
    except ImportError:
        raise OcrUnavailable("OCR with tesseract needs pytesseract (pip install pytesseract)") from None
    if lang not in pytesseract.get_languages(config=""):
        raise OcrUnavailable(f"tesseract has no {lang} model (Debian: apt-get install {pkg})")

    def run(png: bytes, scale: float = 1.0) -> OcrPage:
        """``scale``: enlarge the image first (small print: see :data:`TESSERACT_LINE_PX`);
        boxes are given back in the original image's pixels."""
        from PIL import Image

        original = Image.open(io.BytesIO(png))
        image = original
        if scale > 1:
            size = (round(original.width * scale), round(original.height * scale))
            image = original.resize(size, Image.Resampling.LANCZOS)
        data = pytesseract.image_to_data(image, lang=lang, output_type=pytesseract.Output.DICT)
        grouped: dict[tuple[int, int, int], list[int]] = {}
        for i, word in enumerate(data["text"]):
            if word.strip() and float(data["conf"][i]) >= 0:
                grouped.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
        lines = []
        for idx in grouped.values():
            # tesseract puts spaces between Chinese characters (each is a "word"); joined
            # without, except between two Latin words.
            text = cjk_punctuation(join_wrapped("\n".join(data["text"][i].strip() for i in idx)))
            conf = sum(float(data["conf"][i]) for i in idx) / len(idx) / 100
            left = min(data["left"][i] for i in idx)
            top = min(data["top"][i] for i in idx)
            right = max(data["left"][i] + data["width"][i] for i in idx)
            bottom = max(data["top"][i] + data["height"][i] for i in idx)
            if conf >= MIN_LINE_CONFIDENCE / 2:  # tesseract's confidences run lower than rapidocr's
                box = (left / scale, top / scale, right / scale, bottom / scale)
                lines.append(OcrLine(text, box, conf))
        return OcrPage(lines=lines, width=original.width, height=original.height, engine=f"tesseract:{lang}")

    return run


@ENGINES.register("auto")
def _auto() -> Engine:
    """rapidocr, and tesseract's chi_tra model for a page rapidocr reads as traditional.

    Why (bench/ocr.py, docs/ocr.md): rapidocr's one Chinese model reads simplified
    pages near-perfectly, clean or degraded, but its character set lacks much of
    traditional script (責, 審, 訴 … are dropped), about a fifth of a traditional
    page; tesseract's chi_tra reads those pages far better. rapidocr's reading still
    shows the script (its traditional characters), which decides.
    """
    from gongwen.normalize.script import detect_script

    rapid = ENGINES.get("rapidocr")()
    try:
        traditional: Engine | None = ENGINES.get("tesseract-tra")()
    except OcrUnavailable:
        traditional = None

    def run(png: bytes) -> OcrPage:
        page = rapid(png)
        text = "".join(ln.text for ln in page.lines)
        if traditional is not None and detect_script(text) != "simplified":
            heights = sorted(ln.box[3] - ln.box[1] for ln in page.lines)
            line = heights[len(heights) // 2] if heights else TESSERACT_LINE_PX
            page = traditional(png, scale=min(3.0, TESSERACT_LINE_PX / line) if line < 0.8 * TESSERACT_LINE_PX else 1.0)
        page.engine = f"auto:{page.engine}"
        return page

    return run
