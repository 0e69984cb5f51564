"""What the store's full-text indexes hold, for every kind of row, in one table.

Each searchable table ``T`` carries two columns of jieba-segmented words —
``words`` (the row's own text) and ``context`` (what names it: the organ, the
section path, the document's title and region) — and an FTS5 table ``T_fts``
over them declared with ``content='T'``. Declaring the content table is what
lets tools that detect full-text tables by it (Datasette among them) search the
store, and it keeps the index from holding a second copy of the words.

Each record kind says which SQL expressions give the two texts (``RecordKind.full_text``,
:mod:`gongwen.kinds`; :func:`indexed` collects them); the store's insert and the
migrations that build the indexes (with the definitions of their time) both go through
:func:`index_rows`. This module imports neither the store nor the migrations.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

#: SQL for the facts of a row's document (alias ``t`` for the row): its title and region,
#: part of every kind's ``context``.
DOC_FACTS = ("(SELECT coalesce(d.title, '') || ' ' || coalesce(d.region, '') FROM documents d "
             "WHERE d.doc_id = t.doc_id)")


@dataclass(frozen=True)
class Indexed:
    """A searchable table: SQL expressions (over alias ``t``) for its ``words`` and ``context``."""

    words: str
    context: str


#: The documents' own index: their whole text, and what names them.
DOCUMENTS = Indexed("json_extract(t.record, '$.text')",
                    "coalesce(t.title, '') || ' ' || coalesce(t.organization, '') || ' ' || coalesce(t.region, '')")


def indexed() -> dict[str, Indexed]:
    """Every searchable table: the documents and each record kind with full-text columns."""
    from gongwen.kinds import all_kinds

    out = {k.table: Indexed(k.full_text.words, k.full_text.context) for k in all_kinds() if k.full_text}
    out["documents"] = DOCUMENTS
    return out


def index_words(text: str | None) -> str:
    """The words FTS5 indexes for ``text``: jieba's search-mode cut, space-separated.

    Search mode adds the shorter words inside long ones (``专项经费`` → ``专项``,
    ``经费``, ``专项经费``), so a query for ``经费`` finds ``专项经费``.
    """
    if not text:
        return ""
    from gongwen.tokenize import cut_for_search

    return " ".join(cut_for_search(text))  # whitespace tokens are separators to unicode61 anyway


def create_index_table(con: sqlite3.Connection, table: str) -> None:
    """The ``words``/``context`` columns and the external-content FTS5 table of ``table``."""
    have = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
    for column in ("words", "context"):
        if column not in have:
            con.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
    con.execute(f"DROP TABLE IF EXISTS {table}_fts")
    con.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5(words, context, content=\"{table}\", "
                f"content_rowid='id', tokenize='unicode61')")


def index_rows(con: sqlite3.Connection, table: str, spec: Indexed, where: str = "1",
               args: tuple[object, ...] = ()) -> None:
    """Fill ``words``/``context`` of the rows of ``table`` matching ``where`` (as ``spec``
    says) and add them to its index."""
    rows = con.execute(f"SELECT t.id, {spec.words}, {spec.context} FROM {table} t WHERE {where}", args).fetchall()
    if not rows:  # most documents have no rows of most kinds: spare the two statements
        return
    con.executemany(f"UPDATE {table} SET words = ?, context = ? WHERE id = ?",
                    [(index_words(w), index_words(c), rid) for rid, w, c in rows])
    con.executemany(f"INSERT INTO {table}_fts (rowid, words, context) SELECT id, words, context FROM {table} "
                    "WHERE id = ?", [(rid,) for rid, _, _ in rows])


def unindex_rows(con: sqlite3.Connection, table: str, where: str, args: tuple[object, ...] = ()) -> None:
    """Remove rows from the index while they still exist (an external-content index reads
    the words to remove from the rows themselves)."""
    con.execute(f"INSERT INTO {table}_fts ({table}_fts, rowid, words, context) "
                f"SELECT 'delete', id, words, context FROM {table} t WHERE {where} AND words IS NOT NULL", args)
