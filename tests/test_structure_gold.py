"""Outline and metadata against the shared gold files (skips without ../shared).

Titles are matched after removing blanks and punctuation, as the scorer does; each
document must keep section F1 ≥ 0.8 and its parent agreement ≥ 0.8, and get the
metadata the gold file states."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from gongwen.process import process_file

STAGES = ["normalize", "tables", "structure", "metadata"]
GOLD_NAMES = ["000_", "001_", "002_", "003_", "004_", "04_shandong", "05_tw_fair", "08_drc", "10_tw_control",
              "13_tw_central"]


def _norm(s: str | None) -> str:
    return re.sub(r"[\s\W_]+", "", unicodedata.normalize("NFKC", s or "")).lower()


def _source(shared: Path, name: str) -> Path:
    for folder in ("seeds", "corpus/mainland", "corpus/traditional"):
        if (shared / folder / name).exists():
            return shared / folder / name
    raise FileNotFoundError(name)


@pytest.mark.parametrize("prefix", GOLD_NAMES)
def test_outline_and_metadata_match_gold(shared: Path, prefix: str) -> None:
    gold_path = next((shared / "corpus" / "gold").glob(f"{prefix}*.gold.json"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = process_file(_source(shared, gold["file"]), STAGES)

    by_id = {s.id: s for s in doc.sections}
    pred = {(_norm(s.title), _norm(by_id[s.parent].title if s.parent else None)) for s in doc.sections}
    want = [(_norm(s["title"]), _norm(s["parent"])) for s in gold["sections"]]
    titles = {t for t, _ in pred}
    hits = sum(1 for t, _ in want if t in titles)
    tree_ok = sum(1 for pair in want if pair in pred)
    if want:
        p, r = hits / max(len(doc.sections), 1), hits / len(want)
        assert 2 * p * r / (p + r or 1) >= 0.8
        assert tree_ok >= 0.8 * hits
    else:
        assert doc.sections == []
    assert doc.doc_type == gold["doc_type"]
    assert doc.year == gold["year"]
    for field in ("region", "organization"):
        g, got = _norm(gold[field]), _norm(getattr(doc, field))
        assert g == got or (g and got and (g in got or got in g)), field
