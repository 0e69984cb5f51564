"""What the store's full-text indexes hold, for every kind of row, in one table.

Each searchable table ``T`` carries two columns of jieba-segmented words —
``words`` (the row's own text) and ``context`` (what names it: the organ, the
section path, the document's title and region) — and an FTS5 table ``T_fts``
over them declared with ``content='T'``. Declaring the content table is what
lets tools that detect full-text tables by it (Datasette among them) search the
store, and it keeps the index from holding a second copy of the words.

:data:`INDEXED` says, per table, which SQL expressions give the two texts; the
store's insert and the migration that builds the indexes both go through
:func:`index_rows`, so what is indexed is defined once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

_DOC = "(SELECT coalesce(d.title, '') || ' ' || coalesce(d.region, '') FROM documents d WHERE d.doc_id = t.doc_id)"


@dataclass(frozen=True)
class Indexed:
    """A searchable table: SQL expressions (over alias ``t``) for its ``words`` and ``context``."""

    words: str
    context: str


INDEXED: dict[str, Indexed] = {
    "duties": Indexed("t.text", f"coalesce(t.organ, '') || ' ' || coalesce(t.section_path, '') || ' ' || {_DOC}"),
    "figures": Indexed("t.sentence", f"t.text || ' ' || coalesce(t.unit, '') || ' ' || coalesce(t.section_path, '')"
                                     f" || ' ' || {_DOC}"),
    "sections": Indexed("t.body", f"coalesce(t.title, '') || ' ' || coalesce(t.section_path, '') || ' ' || {_DOC}"),
    "documents": Indexed("json_extract(t.record, '$.text')",
                         "coalesce(t.title, '') || ' ' || coalesce(t.organization, '') || ' ' || "
                         "coalesce(t.region, '')"),
    "meeting_rules": Indexed(
        "t.body || ' ' || coalesce(t.frequency_text, '') || ' ' || coalesce(t.convener, '') || ' ' || "
        "coalesce(t.chair, '') || ' ' || coalesce(t.quorum_text, '') || ' ' || coalesce(t.vote_text, '') || ' ' || "
        "coalesce(t.members, '') || ' ' || coalesce(t.attendees, '') || ' ' || coalesce(t.recorder, '') || ' ' || "
        "coalesce(t.agenda_scope, '')",
        f"coalesce(t.section_path, '') || ' ' || {_DOC}"),
    "budget_items": Indexed(
        "coalesce(t.activity, '') || ' ' || coalesce(t.description, '') || ' ' || coalesce(t.goal, '') || ' ' || "
        "coalesce(t.indicators, '')",
        f"coalesce(t.parent, '') || ' ' || {_DOC}"),
}


def index_words(text: str | None) -> str:
    """The words FTS5 indexes for ``text``: jieba's search-mode cut, space-separated.

    Search mode adds the shorter words inside long ones (``专项经费`` → ``专项``,
    ``经费``, ``专项经费``), so a query for ``经费`` finds ``专项经费``.
    """
    if not text:
        return ""
    from gongwen.tokenize import cut_for_search

    return " ".join(cut_for_search(text))  # whitespace tokens are separators to unicode61 anyway


def create_index_tables(con: sqlite3.Connection) -> None:
    """The ``words``/``context`` columns and the external-content FTS5 table of every indexed table."""
    for table in INDEXED:
        have = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
        for column in ("words", "context"):
            if column not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
        con.execute(f"DROP TABLE IF EXISTS {table}_fts")
        con.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5(words, context, content=\"{table}\", "
                    f"content_rowid='id', tokenize='unicode61')")


def index_rows(con: sqlite3.Connection, table: str, where: str = "1", args: tuple[object, ...] = ()) -> None:
    """Fill ``words``/``context`` of the rows of ``table`` matching ``where`` and add them to its index."""
    spec = INDEXED[table]
    rows = con.execute(f"SELECT t.id, {spec.words}, {spec.context} FROM {table} t WHERE {where}", args).fetchall()
    con.executemany(f"UPDATE {table} SET words = ?, context = ? WHERE id = ?",
                    [(index_words(w), index_words(c), rid) for rid, w, c in rows])
    con.executemany(f"INSERT INTO {table}_fts (rowid, words, context) SELECT id, words, context FROM {table} "
                    "WHERE id = ?", [(rid,) for rid, _, _ in rows])


def unindex_rows(con: sqlite3.Connection, table: str, where: str, args: tuple[object, ...] = ()) -> None:
    """Remove rows from the index while they still exist (an external-content index reads
    the words to remove from the rows themselves)."""
    con.execute(f"INSERT INTO {table}_fts ({table}_fts, rowid, words, context) "
                f"SELECT 'delete', id, words, context FROM {table} t WHERE {where} AND words IS NOT NULL", args)
