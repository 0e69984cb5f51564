"""The figures of the whole pipeline against the gold files of ../shared (skipped without it).

Floors are held per set, at the level measured when they were last raised: the original
gold documents (the seeds and the first corpus files the rules were written from) and
``corpus/web`` (real pages from sites the rules were not written for). Raise a floor when
work lands; never drop documents to make one pass.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from gongwen.process import process_file

# set -> (span F1 floor, exact F1 floor)
FLOORS = {"original": (0.99, 0.99), "web": (0.95, 0.93)}


def _source(shared: Path, name: str) -> Path:
    return next(p for p in [shared / "seeds" / name, *(shared / "corpus").rglob(name)] if p.exists())


@pytest.mark.parametrize("which", sorted(FLOORS))
def test_figures_match_gold(shared: Path, scorer: Any, which: str) -> None:
    score = scorer
    tp = gold_n = pred_n = exact = 0
    for gpath in sorted((shared / "corpus" / "gold").glob("*.gold.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        if "figures" not in gold:
            continue
        src = _source(shared, gold["file"])
        if (src.parent.name == "web") != (which == "web"):
            continue
        doc = process_file(src)
        res = score.score_figures(gold["figures"], [dataclasses.asdict(f) for f in doc.figures])
        tp, gold_n, pred_n = tp + res["tp"], gold_n + res["gold"], pred_n + res["pred"]
        exact += res["exact"]["tp"]
    assert gold_n, f"no gold figures in the {which} set"
    f1 = 2 * tp / (gold_n + pred_n)
    exact_f1 = 2 * exact / (gold_n + pred_n)
    span_floor, exact_floor = FLOORS[which]
    print(f"{which}: figures F1 {f1:.3f}, exact {exact_f1:.3f}")
    assert f1 >= span_floor, f1
    assert exact_f1 >= exact_floor, exact_f1
