"""The store as analysts query it with plain SQL and browse it with SQLite tools: numeric
figure columns, views joined to the document, no SQL keywords as column names, full-text
tables declared with their content table (how Datasette finds them), meetings and budget
rows indexed too, and an older store brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gongwen.figure_values import figure_columns
from gongwen.process import process_text
from gongwen.store import Store

TEXT = ("某县委工作规则\n一、常委会会议\n常委会会议一般每月召开两次，必须有半数以上常委到会方能举行。"
        "全年安排经费120万元，比上年增长5%，共培训干部3000人次，2019年3月完成。\n"
        "二、县委组织部职责\n（一）负责全县干部档案管理工作；\n（二）负责全县党员教育工作。\n")


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "g.db"
    with Store.open(db) as store:
        store.put(process_text(TEXT, path="rules.txt"))
    return db


def test_figure_columns_make_values_comparable() -> None:
    assert figure_columns("money", "1200000") == (1200000.0, 1200000.0, 1200000.0, None, None)
    assert figure_columns("count", "[2, 3]") == (None, 2.0, 3.0, None, None)
    assert figure_columns("ratio", "[2.5, 1]") == (2.5, 2.5, 1.0, None, None)
    assert figure_columns("date", '"2019-03"') == (None, None, None, "2019-03", "2019-03")
    assert figure_columns("date", '["2013-03-09", "2013-03-12"]')[3:] == ("2013-03-09", "2013-03-12")
    assert figure_columns("percent", 0.05)[0] == 0.05


def test_numeric_sql_over_figures_and_views(tmp_path: Path) -> None:
    con = sqlite3.connect(_store(tmp_path))
    money = con.execute("SELECT text, value_num FROM figures WHERE kind = 'money' AND value_num > 1000000").fetchall()
    assert money == [("120万元", 1200000.0)]
    assert con.execute("SELECT count(*) FROM figures WHERE kind = 'money' AND value_num > 2000000").fetchone() == (0,)
    row = con.execute("SELECT doc_title, region, doc_type, year FROM v_figures WHERE kind = 'date'").fetchone()
    assert row[0] == "某县委工作规则"
    for view in ("v_duties", "v_meetings", "v_sections", "v_budget"):
        con.execute(f"SELECT doc_title, region, doc_type, year, end_offset FROM {view}").fetchall()


def test_no_sql_keyword_columns(tmp_path: Path) -> None:
    con = sqlite3.connect(_store(tmp_path))
    for table in ("sections", "duties", "meeting_rules", "figures", "budget_items"):
        columns = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
        assert "end" not in columns and {"start", "end_offset"} <= columns


def test_full_text_tables_declare_their_content_table(tmp_path: Path) -> None:
    con = sqlite3.connect(_store(tmp_path))
    for table in ("duties", "figures", "sections", "documents", "meeting_rules", "budget_items"):
        # the pattern Datasette uses to detect a table's full-text index
        found = con.execute("SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?",
                            (f'%VIRTUAL TABLE%USING FTS%content="{table}"%',)).fetchall()
        assert found == [(f"{table}_fts",)]
    hits = con.execute("SELECT d.text FROM duties_fts JOIN duties d ON d.id = duties_fts.rowid "
                       "WHERE duties_fts MATCH '档案'").fetchall()
    assert hits and "档案" in hits[0][0]
    assert con.execute("SELECT count(*) FROM meeting_rules_fts WHERE meeting_rules_fts MATCH '半数'").fetchone()[0]


def test_replacing_a_document_leaves_a_consistent_index(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with Store.open(db) as store:
        store.put(process_text(TEXT.replace("档案", "人事"), path="rules.txt"))
        assert store.con.execute("INSERT INTO duties_fts(duties_fts) VALUES('integrity-check')") is not None
        assert not store.con.execute("SELECT rowid FROM duties_fts WHERE duties_fts MATCH '档案'").fetchall()
        assert store.con.execute("SELECT rowid FROM duties_fts WHERE duties_fts MATCH '人事'").fetchall()


def test_an_older_store_is_migrated_with_its_rows_indexed(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store.open(db, upto=4) as old:
        old.con.execute("INSERT INTO documents (doc_id, sha256, path, title, record, stored_at) "
                        "VALUES ('d1', 's1', 'a.txt', 'T', '{\"text\": \"档案\"}', 'now')")
        old.con.execute("INSERT INTO duties (doc_id, did, organ, text, start, \"end\") "
                        "VALUES ('d1', 'd1', '组织部', '负责档案管理', 0, 6)")
        old.con.execute("INSERT INTO figures (doc_id, ord, text, kind, value, start, \"end\") "
                        "VALUES ('d1', 0, '20万元', 'money', '200000', 0, 4)")
    with Store.open(db) as store:
        con = store.con
        assert con.execute("SELECT end_offset FROM duties").fetchone() == (6,)
        assert con.execute("SELECT value_num FROM figures").fetchone() == (200000.0,)
        assert con.execute("SELECT count(*) FROM duties_fts WHERE duties_fts MATCH '档案'").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM duties_fts WHERE duties_fts MATCH '组织部'").fetchone() == (1,)
