"""The store's schema as a named list of migrations, applied once each, in order.

The sqlite-utils way: every change to the schema is a function registered under a
name; :func:`apply` runs the ones a database has not seen yet, each in its own
transaction, and records it in ``migrations``. ``PRAGMA user_version`` mirrors the
count, so ``sqlite3 gongwen.db 'pragma user_version'`` tells which schema a file
holds. A newer gongwen therefore opens an older store and brings it up to date;
a migration is never edited once released — a change is a new migration at the end.

Migrations are self-contained: they hold the table definitions of their time and
import neither the store nor the registry of record kinds. Tables of a record kind
registered later are made by the store from the kind's declaration
(:meth:`gongwen.store.Store.open`), so a new kind needs no migration.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gongwen.fulltext import Indexed

Migration = Callable[[sqlite3.Connection], None]

#: (name, function) in the order they apply.
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register a migration under ``name`` at the end of :data:`MIGRATIONS`."""

    def deco(fn: Migration) -> Migration:
        if any(n == name for n, _ in MIGRATIONS):
            raise ValueError(f"migration {name!r} is registered twice")
        MIGRATIONS.append((name, fn))
        return fn

    return deco


def _run(con: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated DDL statements inside the caller's transaction.

    ``executescript`` would commit first, breaking the one-transaction-per-migration
    rule, so statements are executed one by one (the DDL here holds no ``;`` in strings).
    """
    for statement in script.split(";"):
        if statement.strip():
            con.execute(statement)


@migration("0001_documents")
def _documents(con: sqlite3.Connection) -> None:
    """One row per stored document plus its record JSON; the paths it was seen under."""
    _run(con, """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        format TEXT,
        encoding TEXT,
        bytes INTEGER,
        title TEXT,
        doc_type TEXT,
        region TEXT,
        organization TEXT,
        year INTEGER,
        script TEXT,
        n_chars INTEGER,
        record TEXT NOT NULL,
        stored_at TEXT NOT NULL
    );
    CREATE INDEX documents_region ON documents(region);
    CREATE INDEX documents_doc_type ON documents(doc_type);
    CREATE TABLE paths (
        path TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        seen_at TEXT NOT NULL
    );
    CREATE INDEX paths_doc_id ON paths(doc_id)
    """)


@migration("0002_records")
def _records(con: sqlite3.Connection) -> None:
    """Child rows, one table per kind of record; slots as columns, lists as JSON."""
    _run(con, """
    CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        sid TEXT NOT NULL, parent TEXT, level INTEGER, number TEXT, title TEXT,
        section_path TEXT, start INTEGER, "end" INTEGER,
        body TEXT
    );
    CREATE TABLE duties (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        did TEXT NOT NULL, organ TEXT, text TEXT NOT NULL,
        start INTEGER, "end" INTEGER, section TEXT, section_path TEXT
    );
    CREATE TABLE meeting_rules (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        mid TEXT NOT NULL, body TEXT NOT NULL, section TEXT, section_path TEXT,
        start INTEGER, "end" INTEGER,
        frequency_text TEXT, frequency_count REAL, frequency_per TEXT, frequency_min INTEGER,
        ad_hoc INTEGER, convener TEXT, chair TEXT,
        quorum_text TEXT, quorum_fraction REAL, quorum_inclusive INTEGER, quorum_of TEXT,
        vote_text TEXT, vote_fraction REAL, vote_inclusive INTEGER, vote_of TEXT,
        special_quorum TEXT, members TEXT, attendees TEXT, recorder TEXT, agenda_scope TEXT
    );
    CREATE TABLE figures (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        ord INTEGER, text TEXT NOT NULL, kind TEXT, value TEXT, unit TEXT, cmp TEXT,
        start INTEGER, "end" INTEGER, sentence TEXT, section TEXT, section_path TEXT
    );
    CREATE TABLE budget_items (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        ord INTEGER, activity TEXT, parent TEXT, amount REAL, amount_unit TEXT,
        description TEXT, goal TEXT, indicators TEXT, start INTEGER, "end" INTEGER
    );
    CREATE INDEX sections_doc_id ON sections(doc_id);
    CREATE INDEX duties_doc_id ON duties(doc_id);
    CREATE INDEX meeting_rules_doc_id ON meeting_rules(doc_id);
    CREATE INDEX figures_doc_id ON figures(doc_id);
    CREATE INDEX budget_items_doc_id ON budget_items(doc_id)
    """)


@migration("0003_failures")
def _failures(con: sqlite3.Connection) -> None:
    """Files a batch run could not turn into a record, one row per path (the latest)."""
    _run(con, """
    CREATE TABLE failures (
        path TEXT PRIMARY KEY,
        sha256 TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('unreadable', 'timeout', 'error')),
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    )
    """)


@migration("0004_full_text")
def _full_text(con: sqlite3.Connection) -> None:
    """FTS5 indexes over jieba-segmented words, rowid = the row they index.

    The words are stored space-separated and read by FTS5's own ``unicode61``
    tokenizer, so the index needs no custom tokenizer and the stock ``sqlite3``
    CLI can query it too (``… MATCH '"经费"'``). Stores made before this
    migration are indexed from their rows here.
    """
    import json

    from gongwen.fulltext import index_words

    tables = {"duties": "words, organ", "figures": "words", "sections": "words", "documents": "words, title"}
    for table, columns in tables.items():
        con.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5({columns}, tokenize='unicode61')")
    for rowid, text, organ in con.execute("SELECT id, text, organ FROM duties").fetchall():
        con.execute("INSERT INTO duties_fts (rowid, words, organ) VALUES (?,?,?)",
                    (rowid, index_words(text), index_words(organ)))
    for rowid, sentence in con.execute("SELECT id, sentence FROM figures").fetchall():
        con.execute("INSERT INTO figures_fts (rowid, words) VALUES (?,?)", (rowid, index_words(sentence)))
    for rowid, body in con.execute("SELECT id, body FROM sections").fetchall():
        con.execute("INSERT INTO sections_fts (rowid, words) VALUES (?,?)", (rowid, index_words(body)))
    for rowid, title, record in con.execute("SELECT id, title, record FROM documents").fetchall():
        con.execute("INSERT INTO documents_fts (rowid, words, title) VALUES (?,?,?)",
                    (rowid, index_words(json.loads(record).get("text", "")), index_words(title)))


def applied(con: sqlite3.Connection) -> list[str]:
    """Names of the migrations this database has seen, in the order applied."""
    exists = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='migrations'").fetchone()
    if not exists:
        return []
    return [r[0] for r in con.execute("SELECT name FROM migrations ORDER BY rowid")]


def apply(con: sqlite3.Connection, upto: int | None = None) -> list[str]:
    """Apply pending migrations (the first ``upto`` only, when given); returns their names.

    Each migration runs in its own ``BEGIN IMMEDIATE`` transaction together with
    its bookkeeping row, so a crash leaves the store at the previous version.
    ``con`` must be in autocommit mode (``isolation_level=None``).
    """
    con.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = set(applied(con))
    ran: list[str] = []
    for index, (name, fn) in enumerate(MIGRATIONS[:upto]):
        if name in done:
            continue
        con.execute("BEGIN IMMEDIATE")
        if name in applied(con):  # another process applied it while we waited for the lock
            con.execute("ROLLBACK")
            continue
        try:
            fn(con)
            con.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                        (name, datetime.now(UTC).isoformat(timespec="seconds")))
            con.execute(f"PRAGMA user_version = {index + 1}")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        ran.append(name)
    return ran


#: Record tables whose ``"end"`` column (an SQL keyword) becomes ``end_offset``.
_OFFSET_TABLES = ("sections", "duties", "meeting_rules", "figures", "budget_items")


@migration("0005_analysts")
def _analysts(con: sqlite3.Connection) -> None:
    """The store made for analysts' SQL and for tools that browse SQLite files.

    - ``end`` (an SQL keyword every query had to quote) is renamed ``end_offset``;
    - figures get numeric columns (``value_num``, ``value_low``, ``value_high``) and
      date columns (``date_from``, ``date_to``), so ``value_num > 1000000`` compares
      numbers, not JSON text;
    - views ``v_duties``, ``v_figures``, ``v_meetings``, ``v_sections``, ``v_budget``
      join each row to its document's title, region, genre and year;
    - documents get their region's administrative chain (``region_chain``, `` 广东省 潮州市
      湘桥区 ``) and division code (``region_code``), so a search or a count can roll up
      from county to city to province (:mod:`gongwen.metadata.divisions`);
    - full-text indexes are rebuilt as external-content FTS5 tables over ``words`` and
      ``context`` columns (see :mod:`gongwen.fulltext`); meetings and budget rows are
      searchable too.
    """
    from gongwen.figure_values import figure_columns
    from gongwen.fulltext import create_index_table, index_rows
    from gongwen.metadata.divisions import chain_text, code

    con.execute("ALTER TABLE documents ADD COLUMN region_chain TEXT")
    con.execute("ALTER TABLE documents ADD COLUMN region_code TEXT")
    regions = [r for (r,) in con.execute("SELECT DISTINCT region FROM documents WHERE region IS NOT NULL")]
    con.executemany("UPDATE documents SET region_chain = ?, region_code = ? WHERE region = ?",
                    [(chain_text(r), code(r), r) for r in regions])

    for table in _OFFSET_TABLES:
        con.execute(f'ALTER TABLE {table} RENAME COLUMN "end" TO end_offset')
    for column, kind in (("value_num", "REAL"), ("value_low", "REAL"), ("value_high", "REAL"),
                         ("date_from", "TEXT"), ("date_to", "TEXT")):
        con.execute(f"ALTER TABLE figures ADD COLUMN {column} {kind}")
    rows = con.execute("SELECT id, kind, value FROM figures").fetchall()
    con.executemany("UPDATE figures SET value_num = ?, value_low = ?, value_high = ?, date_from = ?, date_to = ? "
                    "WHERE id = ?", [(*figure_columns(kind, value), rid) for rid, kind, value in rows])
    doc = "d.title AS doc_title, d.region, d.doc_type, d.year, d.organization, d.path"
    for view, table in (("v_duties", "duties"), ("v_figures", "figures"), ("v_meetings", "meeting_rules"),
                        ("v_sections", "sections"), ("v_budget", "budget_items")):
        con.execute(f"CREATE VIEW {view} AS SELECT t.*, {doc} FROM {table} t JOIN documents d USING (doc_id)")
    for table, spec in _indexed_0005().items():
        create_index_table(con, table)
        index_rows(con, table, spec)


def _indexed_0005() -> dict[str, Indexed]:
    """What migration 0005 indexed, as it was then: a migration keeps the definitions of
    its time (the record kinds' own, :mod:`gongwen.kinds`, may change later, and a kind
    added later gets its table and index from the store, not from here)."""
    from gongwen.fulltext import DOC_FACTS, DOCUMENTS, Indexed

    return {
        "duties": Indexed("t.text", f"coalesce(t.organ, '') || ' ' || coalesce(t.section_path, '') || ' ' || "
                                    f"{DOC_FACTS}"),
        "figures": Indexed("t.sentence", f"t.text || ' ' || coalesce(t.unit, '') || ' ' || "
                                         f"coalesce(t.section_path, '') || ' ' || {DOC_FACTS}"),
        "sections": Indexed("t.body", f"coalesce(t.title, '') || ' ' || coalesce(t.section_path, '') || ' ' || "
                                      f"{DOC_FACTS}"),
        "documents": DOCUMENTS,
        "meeting_rules": Indexed(
            "t.body || ' ' || coalesce(t.frequency_text, '') || ' ' || coalesce(t.convener, '') || ' ' || "
            "coalesce(t.chair, '') || ' ' || coalesce(t.quorum_text, '') || ' ' || coalesce(t.vote_text, '') || "
            "' ' || coalesce(t.members, '') || ' ' || coalesce(t.attendees, '') || ' ' || coalesce(t.recorder, '') "
            "|| ' ' || coalesce(t.agenda_scope, '')",
            f"coalesce(t.section_path, '') || ' ' || {DOC_FACTS}"),
        "budget_items": Indexed(
            "coalesce(t.activity, '') || ' ' || coalesce(t.description, '') || ' ' || coalesce(t.goal, '') || ' ' "
            "|| coalesce(t.indicators, '')",
            f"coalesce(t.parent, '') || ' ' || {DOC_FACTS}"),
    }
