"""Every part of the record against every real gold file of ../shared, per set (skipped without it).

The scorer (``../shared/tools/score.py``) is run as users run it, on records the pipeline
writes for each real document that has a gold file. Floors are held per set at the level
measured when they were last raised:

- ``original``: the seeds and first corpus documents the rules were written from;
- ``web``: ``corpus/web``, real pages from sites the rules were not written for;
- ``all``: both together, as the issues state their targets.

Raise a floor when work lands; never drop documents to make one pass.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from gongwen.process import process_file

# (part, metric) -> floor, per set. Metrics are the scorer's: f1 of a part, or one of its details.
# One entry a line, so raising one floor never touches another's line.
FLOORS: dict[str, dict[tuple[str, str], float]] = {
    "original": {
        ("sections", "f1"): 0.99,
        ("sections", "tree"): 0.99,
        ("duties", "f1"): 0.99,
        ("duties", "organ"): 0.99,
        ("meeting_rules", "f1"): 0.99,
        ("meeting_rules", "slots"): 0.99,
        ("figures", "f1"): 0.99,
        ("budget_items", "f1"): 0.99,
        ("budget_items", "amount"): 0.99,
        ("budget_items", "indicators"): 0.99,
        ("meta", "doc_type"): 1.0,
        ("meta", "title"): 1.0,
        ("meta", "region"): 1.0,
        ("meta", "organization"): 1.0,
        ("meta", "year"): 1.0,
    },
    "web": {
        ("sections", "f1"): 0.93,
        ("sections", "tree"): 0.99,
        ("duties", "f1"): 0.96,
        ("duties", "organ"): 0.99,
        ("meeting_rules", "f1"): 0.97,
        ("meeting_rules", "slots"): 0.93,
        ("figures", "f1"): 0.95,
        ("budget_items", "f1"): 0.97,
        ("budget_items", "amount"): 0.99,
        ("budget_items", "indicators"): 0.95,
        ("meta", "doc_type"): 0.99,
        ("meta", "title"): 0.92,
        ("meta", "region"): 0.92,
        ("meta", "organization"): 0.9,
        ("meta", "year"): 0.87,
    },
    "all": {
        ("sections", "f1"): 0.97,
        ("sections", "tree"): 0.99,
        ("duties", "f1"): 0.98,
        ("duties", "organ"): 0.99,
        ("meeting_rules", "f1"): 0.98,
        ("meeting_rules", "slots"): 0.96,
        ("figures", "f1"): 0.96,
        ("budget_items", "f1"): 0.97,
        ("budget_items", "amount"): 0.99,
        ("budget_items", "indicators"): 0.95,
        ("meta", "doc_type"): 0.99,
        ("meta", "title"): 0.93,
        ("meta", "region"): 0.93,
        ("meta", "organization"): 0.92,
        ("meta", "year"): 0.88,
        ("figures", "exact"): 0.95,
    },
}


@pytest.fixture(scope="module")
def scored(shared: Path, scorer: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The scorer's summary per set, from one extraction of every real document with gold."""
    root = tmp_path_factory.mktemp("quality")
    pred = root / "pred"
    pred.mkdir()
    sets = {name: root / name for name in FLOORS}
    for folder in sets.values():
        folder.mkdir()
    sources = {p.name: p for p in [*(shared / "seeds").glob("*"), *(shared / "corpus").glob("*/*")]}
    for gpath in sorted((shared / "corpus" / "gold").glob("*.gold.json")):
        name = json.loads(gpath.read_text(encoding="utf-8"))["file"]
        src = sources[name]
        doc = process_file(src)
        (pred / f"{doc.doc_id}.json").write_text(doc.to_json(), encoding="utf-8")
        which = "web" if src.parent.name == "web" else "original"
        for target in (which, "all"):
            shutil.copy(gpath, sets[target] / gpath.name)
    score = scorer
    out: dict[str, dict[str, Any]] = {}
    for name, folder in sets.items():
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            score.main(["--gold", str(folder), "--pred", str(pred), "--json"])
        out[name] = json.loads(buf.getvalue())["summary"]
    return out


@pytest.mark.parametrize("which", sorted(FLOORS))
def test_every_part_holds_its_floor(scored: dict[str, dict[str, Any]], which: str) -> None:
    summary = scored[which]
    assert summary["docs"]["found"] == summary["docs"]["gold"]
    low = []
    for (part, metric), floor in FLOORS[which].items():
        value = summary[part][metric]
        if isinstance(value, dict):
            value = value["f1"]
        print(f"{which} {part}.{metric} = {value:.3f} (floor {floor})")
        if value < floor:
            low.append(f"{part}.{metric} {value:.3f} < {floor}")
    assert not low, low
