"""The figures of the whole pipeline against the gold files of ../shared (skipped without it)."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

from pipeline.process import process_file


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_figures_match_gold(shared: Path) -> None:
    score = _scorer(shared)
    tp = gold_n = pred_n = exact = 0
    for gpath in sorted((shared / "corpus" / "gold").glob("*.gold.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        if "figures" not in gold:
            continue
        src = next(p for p in [shared / "seeds" / gold["file"], *(shared / "corpus").rglob(gold["file"])]
                   if p.exists())
        doc = process_file(src)
        res = score.score_figures(gold["figures"], [dataclasses.asdict(f) for f in doc.figures])
        tp, gold_n, pred_n = tp + res["tp"], gold_n + res["gold"], pred_n + res["pred"]
        exact += res["exact"]["tp"]
    f1 = 2 * tp / (gold_n + pred_n)
    exact_f1 = 2 * exact / (gold_n + pred_n)
    assert f1 >= 0.9, f1
    assert exact_f1 >= 0.85, exact_f1
