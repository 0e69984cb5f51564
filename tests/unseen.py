"""The documents of ``tests/data/unseen/``, written for the tests in the style of the real
ones, each beside its ``.expected.json`` (what a careful annotator following RECORDS.md
writes). One loader for the test modules that check them, one kind per file-name prefix."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from gongwen.process import process_file
from gongwen.record import Document

DATA = Path(__file__).parent / "data" / "unseen"


def cases(prefix: str) -> list[str]:
    """The names (without suffix) of the documents of one kind: ``cases("budget_")``."""
    return sorted(p.name.removesuffix(".expected.json") for p in DATA.glob(f"{prefix}*.expected.json"))


def texts(prefix: str) -> set[str]:
    """The file names of the documents of one kind, expected or not (every one needs expectations)."""
    return {p.name for p in DATA.glob(f"{prefix}*.txt")}


@cache
def document(name: str) -> Document:
    """The document run through the whole pipeline (once per test session)."""
    return process_file(DATA / f"{name}.txt")


@cache
def expected(name: str) -> dict[str, Any]:
    return json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))


def source(name: str) -> str:
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")
