"""Throughput of the figures extractor, against baselines measured in the same run.

    .venv/bin/python bench/figures.py [--mb 4]

Prints chars/s of :func:`gongwen.extractors.figures.figures_of` on the seed documents
(when ../shared is present) and on a generated text of several MB in the style
of a work report, next to a raw ``re`` scan for digits (the floor any scanner
pays) and word segmentation (:func:`gongwen.tokenize.cut`), and the ratio of
the two sizes' times (≈ 1 for a linear pass).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gongwen.extractors.figures import figures_of  # noqa: E402
from gongwen.tokenize import cut  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"

TEMPLATES = [
    "{m}月{d}日,工委召开全区工作会议,{n}人参加。",
    "全年共组织集中宣讲{n}场次,走访{n}户,解决实际问题{n}个。",
    "地区生产总值增长{p}%左右,一般公共预算收入{f}亿元。",
    "全委会每年至少召开两次,须有三分之二以上委员到会方能进行。",
    "下设{k}个工作组,{k}个部门各选派{k}名组员,为期{k}天。",
    "发放慰问金{f}万元,惠及困难党员{n}名,比例为1 : {k}。",
    "坚持以人民为中心的发展思想,进一步深化改革,推动高质量发展。",
    "中华民国{roc}年{m}月{d}日修正发布全文 {k} 条。",
    "会议纪要由办公室一名副主任负责,以一次为限,不得逾十分钟。",
    "提取比例为{k}‰~ {k2}‰,完成率{p}%-{p2}%。",
]


def generate(n_chars: int, seed: int = 7) -> str:
    """A deterministic text of about ``n_chars`` characters, figures in every sentence."""
    rnd = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_chars:
        t = rnd.choice(TEMPLATES).format(
            m=rnd.randint(1, 12), d=rnd.randint(1, 28), n=rnd.randint(1, 99999),
            p=rnd.randint(1, 99), p2=rnd.randint(1, 99), f=round(rnd.uniform(1, 9999), 2),
            k=rnd.randint(1, 9), k2=rnd.randint(1, 9), roc=rnd.randint(40, 114))
        parts.append(t)
        size += len(t)
        if rnd.random() < 0.2:
            parts.append("\n")
    return "".join(parts)


def rate(fn: Callable[[str], object], text: str, repeat: int = 1) -> float:
    """Characters per second of ``fn`` over ``text`` (best of ``repeat``)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return len(text) / best


def digits_scan(text: str) -> int:
    return sum(1 for _ in re.finditer(r"\d+", text))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=4.0, help="size of the generated text in MB of characters")
    args = ap.parse_args()

    figures_of("预热 3个", 2013)  # load the lexicon once
    cut("预热")

    if SEEDS.exists():
        seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
        r_fig = rate(lambda t: figures_of(t, 2013), seeds, repeat=5)
        r_re = rate(digits_scan, seeds, repeat=5)
        r_cut = rate(cut, seeds, repeat=3)
        n = len(figures_of(seeds, 2013))
        print(f"seeds      {len(seeds):>9,} chars  {n:>6} figures  figures {r_fig:>12,.0f} chars/s  "
              f"re \\d+ {r_re:>13,.0f}  cut {r_cut:>12,.0f}  "
              f"figures/re {r_fig / r_re:.3f}  figures/cut {r_fig / r_cut:.2f}")

    rates = []
    for text in (generate(int(args.mb * 250_000)), generate(int(args.mb * 1_000_000))):
        r_fig = rate(lambda t: figures_of(t, 2013), text)
        r_re = rate(digits_scan, text)
        r_cut = rate(cut, text)
        rates.append(r_fig)
        print(f"generated  {len(text):>9,} chars  figures {r_fig:>12,.0f} chars/s  re \\d+ {r_re:>13,.0f}  "
              f"cut {r_cut:>12,.0f}  figures/re {r_fig / r_re:.3f}  figures/cut {r_fig / r_cut:.2f}")
    print(f"linearity: chars/s on the 4x text / chars/s on the 1x text = {rates[1] / rates[0]:.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
