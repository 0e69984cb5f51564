"""OCR engines compared: pages/s and character error rate on clean and degraded pages.

Usage: ``python bench/ocr.py [--engines rapidocr,tesseract] [--kinds clean,skew,...]``

Pages of a simplified and a traditional duty list (tests/ocr_pages.py: drawn in a
CJK font, then skewed, speckled, blurred, scanned at half resolution, or all of
it) are OCR'd by each engine with the cache off, one page at a time on one core.
CER is the edit distance between the OCR'd characters and the drawn ones (all
whitespace removed) over the drawn characters' count; ``CER-s`` the same after
both are converted to simplified script (OpenCC t2s), as records hold text;
``sim`` is the character similarity the tests use (difflib ratio, simplified).
``tesseract`` reads simplified pages with chi_sim and traditional ones with
chi_tra (it is told the script); ``auto`` is the default engine (ocr.py).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ocr_pages import DUTY_SIMPLIFIED, DUTY_TRADITIONAL, degrade, render_page  # noqa: E402

from gongwen.ingest import ocr  # noqa: E402
from gongwen.normalize.script import converter  # noqa: E402

KINDS = ["clean", "skew", "speckle", "blur", "lowres", "all"]


def simplified(text: str) -> str:
    return converter("t2s").convert(text)


def squeeze(text: str) -> str:
    return "".join(text.split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (characters), two rows at a time."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engines", default="rapidocr,tesseract,auto")
    ap.add_argument("--kinds", default=",".join(KINDS))
    args = ap.parse_args()
    os.environ["OMP_NUM_THREADS"] = "1"
    texts = {"simplified": DUTY_SIMPLIFIED, "traditional": DUTY_TRADITIONAL}
    clean = {script: render_page(text) for script, text in texts.items()}
    print(f"{'engine':10} {'script':11} {'page':8} {'pages/s':>8} {'CER':>6} {'CER-s':>6} {'sim':>6} {'conf':>5}")
    for name in args.engines.split(","):
        for script, text in texts.items():
            engine_name = "tesseract-tra" if name == "tesseract" and script == "traditional" else name
            try:
                engine = ocr.ENGINES.get(engine_name)()
            except ocr.OcrUnavailable as e:
                print(f"{name:10} unavailable: {e}")
                continue
            engine(ocr.to_png(degrade(clean[script], "lowres")))  # load the models before timing
            truth = squeeze("".join(text.splitlines()))
            for kind in args.kinds.split(","):
                png = ocr.to_png(degrade(clean[script], kind))
                started = time.perf_counter()
                page = engine(png)
                seconds = time.perf_counter() - started
                got = squeeze("".join(ln.text for ln in page.lines))
                cer = edit_distance(got, truth) / len(truth)
                got_s, truth_s = simplified(got), simplified(truth)
                cer_s = edit_distance(got_s, truth_s) / len(truth_s)
                sim = difflib.SequenceMatcher(None, got_s, truth_s, autojunk=False).ratio()
                print(f"{name:10} {script:11} {kind:8} {1 / seconds:8.3f} {cer:6.3f} {cer_s:6.3f} {sim:6.3f} "
                      f"{page.confidence:5.2f}", flush=True)

if __name__ == "__main__":
    main()
