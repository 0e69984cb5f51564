"""The built-in record kinds' declarations agree with the store the migrations build, so
a store made by an older gongwen opens without change, and each kind's rows fit its columns."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from gongwen import kinds, migrations
from gongwen.process import process_text
from gongwen.store import Store

TEXT = ("某县议事规则\n一、会议\n第一条 常委会会议每月召开一次，由书记召集，须有三分之二以上委员到会。\n"
        "二、职责\n第二条 办公室负责会务工作，年度经费20万元。\n")


def test_the_migrations_build_exactly_the_tables_the_kinds_declare(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path, upto=len(migrations.MIGRATIONS)).close()  # the migrations alone, as an older gongwen ran them
    con = sqlite3.connect(path)
    for kind in kinds.all_kinds():
        have = [r[1] for r in con.execute(f"PRAGMA table_info({kind.table})")]
        assert [c for c in have if c not in ("id", "doc_id", "words", "context")] == [c.name for c in kind.columns]
        assert con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (kind.view,)).fetchone(), kind.view
    schema = con.execute("SELECT group_concat(sql, ';') FROM sqlite_master").fetchone()[0]
    con.close()
    Store.open(path).close()  # opening with the registry changes nothing
    con = sqlite3.connect(path)
    assert con.execute("SELECT group_concat(sql, ';') FROM sqlite_master").fetchone()[0] == schema


def test_every_kind_makes_rows_of_its_columns() -> None:
    doc = process_text(TEXT)
    made = 0
    for kind in kinds.all_kinds():
        for row in kind.rows(doc, lambda sid: ""):
            assert len(row) == len(kind.columns), kind.name
            made += 1
    assert made >= 4


def test_a_kind_runs_after_the_kind_it_requires_and_a_cycle_is_an_error() -> None:
    base = kinds.get("figures")
    first = replace(base, name="zz_first", short="", order=90, requires=("kind.zz_second",))
    second = replace(base, name="zz_second", short="", order=91)
    try:
        kinds.register(first)
        kinds.register(second)
        order = [k.name for k in kinds.extracted()]
        assert order.index("zz_second") < order.index("zz_first")
        kinds.KINDS.remove("zz_second")
        kinds.register(replace(second, requires=("kind.zz_first",)))
        with pytest.raises(ValueError, match="require each other: zz_first → zz_second → zz_first"):
            kinds.extracted()
    finally:
        kinds.KINDS.remove("zz_first")
        kinds.KINDS.remove("zz_second")
    assert "sections" not in [k.name for k in kinds.extracted()]  # filled by the structure stage
