"""Optional features without their extra: one line saying what to install, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongwen import extras


@pytest.fixture
def without(monkeypatch):
    """Make the named extras look uninstalled (their modules cannot be found)."""

    def hide(*names: str) -> None:
        real = extras.Extra.missing
        monkeypatch.setattr(extras.Extra, "missing",
                            lambda self: list(self.modules) if self.name in names else real(self))

    return hide


def test_require_names_the_feature_and_the_install_command(without) -> None:
    without("dask")
    with pytest.raises(extras.MissingExtra) as e:
        extras.DASK.require("--executor dask")
    assert str(e.value) == ("--executor dask needs dask, distributed, which is not installed: "
                            "pip install 'gongwen[dask]'")
    extras.Extra("none", ()).require("anything")  # nothing missing: no error


def test_an_extra_that_is_really_missing_is_found_missing() -> None:
    assert extras.Extra("x", ("gongwen_no_such_module",)).missing() == ["gongwen_no_such_module"]
    assert extras.Extra("x", ("json",)).missing() == []


def test_review_without_spacy_says_what_to_install(without, tmp_path: Path) -> None:
    from gongwen.cli import load_commands

    without("spacy")
    src = tmp_path / "a.txt"
    src.write_text("全年培训干部1200人次。\n", encoding="utf-8")
    result = CliRunner().invoke(load_commands(), ["review", str(src), "-o", str(tmp_path / "a.html")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # a clean exit, no traceback
    assert "pip install 'gongwen[spacy]'" in result.output
    assert not (tmp_path / "a.html").exists()


def test_the_dask_executor_without_dask_says_what_to_install(without, tmp_path: Path) -> None:
    from gongwen.cli import load_commands

    without("dask")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("全年培训干部1200人次。\n", encoding="utf-8")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(load_commands(), ["run", str(tmp_path / "docs"), "--db", str(db),
                                                  "--executor", "dask"])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert "--executor dask needs dask, distributed" in result.output
    assert "pip install 'gongwen[dask]'" in result.output
    assert not db.exists()  # stopped before opening the store
