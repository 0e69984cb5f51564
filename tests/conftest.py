"""Shared fixtures. Tests that read ``../shared`` use :func:`shared` and skip cleanly
when it is absent (a fresh clone elsewhere has none; CI has it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "corpora" / "sample"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the checkout (spec, seeds, corpus, gold, scorer)."""
    if not (SHARED / "spec" / "record.schema.json").exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def scorer(shared: Path) -> Any:
    """``../shared/tools/score.py`` loaded as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("gold_score", shared / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def samples() -> Path:
    """The project's own sample documents."""
    return SAMPLES


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the hand-built records of four districts (``test_store_samples``),
    built once for the search and comparison tests, which only read it."""
    from test_store_samples import docs

    from gongwen.store import Store

    path = tmp_path_factory.mktemp("samples") / "g.db"
    with Store.open(path) as store:
        for d in docs():
            store.put(d)
    return path
