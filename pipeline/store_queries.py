"""The store's reading queries: what search, "more like this", comparison and the web
pages ask of a store, as methods of :class:`gongwen.store.Store` (mixed in from here).

The SQL stays with the store: callers hand over names (a record kind's table, the SQL
expressions its declaration gives, :mod:`gongwen.kinds`) and filters on documents, and
get rows back; none of them holds a connection. Kept apart from :mod:`gongwen.store`,
which writes, so each module stays readable.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from gongwen.query import simplify

#: Columns of ``documents`` a caller may group or filter by.
DOCUMENT_COLUMNS = ("region", "doc_type", "year", "organization")


@dataclass(frozen=True)
class DocumentFilter:
    """Which documents a query keeps: by region (prefix or any level of its chain), type, year."""

    region: str | None = None
    doc_type: str | None = None
    year: int | None = None

    def sql(self) -> tuple[str, list[Any]]:
        return document_filters(self.region, self.doc_type, self.year)


def _like_prefix(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def document_filters(region: str | None = None, doc_type: str | None = None,
                     year: int | None = None) -> tuple[str, list[Any]]:
    """SQL conditions (`` AND …``) on the document aliased ``d``, and their arguments.

    One definition for search, comparison, "more like this" and the web pages. A region
    matches by prefix (``湘桥`` finds ``湘桥区``) or by any level of the document's
    administrative chain (``潮州`` finds the districts of 潮州市), folded to simplified script.
    """
    sql, args = "", []
    if region:
        region = simplify(region.strip())
        sql += " AND (d.region LIKE ? ESCAPE '\\' OR instr(coalesce(d.region_chain, ''), ' ' || ?) > 0)"
        args += [_like_prefix(region), region]
    if doc_type:
        sql += " AND d.doc_type = ?"
        args.append(doc_type)
    if year is not None:
        sql += " AND d.year = ?"
        args.append(year)
    return sql, args


def _column(name: str) -> str:
    if name not in DOCUMENT_COLUMNS:
        raise ValueError(f"documents cannot be grouped by {name!r}; choose one of {', '.join(DOCUMENT_COLUMNS)}")
    return name


def _chunks(ids: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


class Queries:
    """Reading queries over the store's connection ``con`` (see the module docstring)."""

    con: sqlite3.Connection

    # -- documents ----------------------------------------------------------------------------

    def document_count(self, where: DocumentFilter = DocumentFilter()) -> int:
        filters, args = where.sql()
        return int(self.con.execute(f"SELECT count(*) FROM documents d WHERE 1=1{filters}", args).fetchone()[0])

    def documents_by(self, column: str, top: int | None = None) -> list[tuple[Any, int]]:
        """Document counts by ``column`` (its non-null values), most first."""
        col = _column(column)
        sql = f"SELECT {col}, count(*) FROM documents WHERE {col} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC"
        return [tuple(r) for r in self.con.execute(sql + (f" LIMIT {int(top)}" if top else ""))]  # type: ignore[misc]

    def years(self) -> list[tuple[int, int]]:
        """Document counts by year, latest first."""
        return self.con.execute("SELECT year, count(*) FROM documents WHERE year IS NOT NULL GROUP BY 1 "
                                "ORDER BY 1 DESC").fetchall()

    def regions(self) -> list[tuple[str | None, str | None, int]]:
        """(region, its administrative chain, document count) for every region held."""
        return self.con.execute("SELECT region, region_chain, count(*) FROM documents GROUP BY 1, 2").fetchall()

    def record_counts(self, tables: dict[str, str]) -> dict[str, int]:
        """Rows of each table of ``tables`` (name → record table), by name."""
        return {name: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for name, t in tables.items()}

    def recent(self, limit: int = 15) -> list[tuple[Any, ...]]:
        """(doc_id, title, region, doc_type, year, path) of the documents stored last."""
        return self.con.execute("SELECT doc_id, title, region, doc_type, year, path FROM documents "
                                "ORDER BY id DESC LIMIT ?", (limit,)).fetchall()

    def listing(self, tables: dict[str, str], where: DocumentFilter = DocumentFilter(),
                limit: int = 2000) -> list[dict[str, Any]]:
        """Documents with their facts and, per name of ``tables`` (name → record table),
        how many rows of that table they hold; by region and title."""
        filters, args = where.sql()
        counts = "".join(f", (SELECT count(*) FROM {table} t WHERE t.doc_id = d.doc_id) AS {name}"
                         for name, table in tables.items())
        cur = self.con.execute(
            f"SELECT d.doc_id, d.title, d.path, d.region, d.doc_type, d.year, d.organization{counts} "
            f"FROM documents d WHERE 1=1{filters} ORDER BY d.region, d.title LIMIT ?", [*args, limit])
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]

    def for_briefs(self) -> list[tuple[Any, ...]]:
        """(doc_id, title, region, doc_type, year, path), reports first (what briefs are made of)."""
        return self.con.execute("SELECT doc_id, title, region, doc_type, year, path FROM documents ORDER BY "
                                "doc_type IN ('yearbook', 'experience_report') DESC, region, title").fetchall()

    def source_of(self, doc_id: str) -> tuple[str, str] | None:
        """(path, sha256) of the file ``doc_id`` was read from."""
        row = self.con.execute("SELECT path, sha256 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def document_facts(self, doc_ids: list[str], columns: list[str]) -> Iterator[tuple[Any, ...]]:
        """(doc_id, *columns) of the given documents."""
        cols = ", ".join(f"d.{_column(c)}" for c in columns)
        for chunk in _chunks(doc_ids):
            yield from self.con.execute(f"SELECT d.doc_id, {cols} FROM documents d "
                                        f"WHERE d.doc_id IN ({','.join('?' * len(chunk))})", chunk)

    # -- full text -----------------------------------------------------------------------------

    def _fts_base(self, table: str, where: DocumentFilter) -> tuple[str, list[Any]]:
        filters, args = where.sql()
        fts = f"{table}_fts"
        return (f"FROM {fts} f JOIN {table} t ON t.id = f.rowid JOIN documents d ON d.doc_id = t.doc_id "
                f"WHERE {fts} MATCH ?{filters}"), args

    def fts_top(self, table: str, match: str, weights: tuple[float, ...], where: DocumentFilter,
                limit: int, offset: int = 0) -> list[tuple[int, float]]:
        """(row id, score) of the rows of ``table`` best matching the FTS5 expression ``match``
        (score: negated BM25 with the column ``weights``), best first."""
        fts = f"{table}_fts"
        w = ", ".join(str(x) for x in weights)
        base, args = self._fts_base(table, where)
        if args:
            sql = f"SELECT f.rowid, -bm25({fts}, {w}) AS s {base} ORDER BY s DESC LIMIT ? OFFSET ?"
        else:  # FTS5's own ranked path: no join until the top hits are known
            sql = (f"SELECT rowid, -rank FROM {fts} WHERE {fts} MATCH ? AND rank MATCH 'bm25({w})' "
                   "ORDER BY rank LIMIT ? OFFSET ?")
        return self.con.execute(sql, [match, *args, limit, offset]).fetchall()

    def fts_per_document(self, table: str, match: str, where: DocumentFilter) -> dict[str, int]:
        """How many rows of ``table`` match, by document."""
        base, args = self._fts_base(table, where)
        return dict(self.con.execute(f"SELECT t.doc_id, count(*) {base} GROUP BY t.doc_id", [match, *args]))

    def fts_rowids(self, table: str, match: str, where: DocumentFilter) -> set[int]:
        base, args = self._fts_base(table, where)
        return {r for r, in self.con.execute(f"SELECT f.rowid {base}", [match, *args])}

    def substring_rowids(self, table: str, cond: str, cond_args: list[Any], where: DocumentFilter,
                         limit: int) -> list[int]:
        """Row ids of ``table`` (alias ``t``, its document ``d``) meeting the condition ``cond``, in order."""
        filters, args = where.sql()
        rows = self.con.execute(
            f"SELECT t.id FROM {table} t JOIN documents d ON d.doc_id = t.doc_id WHERE {cond}{filters} "
            f"ORDER BY t.id LIMIT ?", [*cond_args, *args, limit]).fetchall()
        return [r[0] for r in rows]

    def doc_ids_of(self, table: str, ids: list[int]) -> list[str]:
        """The document of each row id of ``table``."""
        out: list[str] = []
        for chunk in _chunks(ids):
            out += [r[0] for r in self.con.execute(
                f"SELECT doc_id FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
        return out

    def _vocab(self, table: str) -> str:
        self.con.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_vocab "
                         f"USING fts5vocab(main, {table}_fts, row)")
        return f"temp.{table}_vocab"

    def indexes_all(self, table: str, tokens: Iterable[str]) -> bool:
        """Whether every token is a token of ``table``'s full-text index."""
        vocab = self._vocab(table)
        return all(self.con.execute(f"SELECT 1 FROM {vocab} WHERE term = ?", (t,)).fetchone() for t in tokens)

    def term_rows(self, table: str, terms: list[str]) -> dict[str, int]:
        """How many rows of ``table`` hold each term its index knows (absent terms left out)."""
        if not terms:
            return {}
        vocab = self._vocab(table)
        return dict(self.con.execute(f"SELECT term, doc FROM {vocab} WHERE term IN ({','.join('?' * len(terms))})",
                                     terms))

    def hit_row(self, table: str, columns: list[str], rowid: int) -> tuple[Any, ...] | None:
        """``t.doc_id, d.title, d.region, d.doc_type, d.path`` and the SQL expressions
        ``columns`` (over the row ``t``) of one row of ``table``."""
        return self.con.execute(
            f"SELECT t.doc_id, d.title, d.region, d.doc_type, d.path, {', '.join(columns)} "
            f"FROM {table} t JOIN documents d ON d.doc_id = t.doc_id WHERE t.id = ?", (rowid,)).fetchone()

    # -- duties and meetings (comparison, "more like this") -----------------------------------

    def find_duty(self, rowid: int | None = None, doc_prefix: str | None = None,
                  did: str | None = None) -> list[tuple[int, str, str]]:
        """(row id, doc_id, text) of the duty with that row id, or with that duty id in a
        document whose id starts with ``doc_prefix``."""
        if rowid is not None:
            return self.con.execute("SELECT id, doc_id, text FROM duties WHERE id = ?", (rowid,)).fetchall()
        return self.con.execute("SELECT id, doc_id, text FROM duties WHERE doc_id LIKE ? || '%' AND did = ?",
                                (doc_prefix, did)).fetchall()

    def duties_matching(self, match: str, not_row: int, not_doc: str | None, where: DocumentFilter,
                        limit: int) -> list[tuple[int, str]]:
        """(row id, text) of duties matching ``match`` best, other than row ``not_row`` (and,
        given ``not_doc``, outside that document)."""
        filters, args = where.sql()
        sql = ("SELECT t.id, t.text FROM duties_fts f JOIN duties t ON t.id = f.rowid "
               "JOIN documents d ON d.doc_id = t.doc_id WHERE duties_fts MATCH ? AND t.id != ?")
        params: list[Any] = [match, not_row]
        if not_doc is not None:
            sql += " AND t.doc_id != ?"
            params.append(not_doc)
        return self.con.execute(sql + filters + " ORDER BY bm25(duties_fts) LIMIT ?",
                                [*params, *args, limit]).fetchall()

    def duty_texts(self, organ: str | None, where: DocumentFilter) -> list[tuple[str, str, str, str, str]]:
        """(doc_id, region, title, path, text) of every duty (of ``organ``: in its organ or its
        document's organization), by document and place."""
        filters, args = where.sql()
        sql = ("SELECT t.doc_id, d.region, d.title, d.path, t.text FROM duties t JOIN documents d USING (doc_id) "
               "WHERE 1=1")
        params: list[Any] = []
        if organ:
            sql += " AND (instr(coalesce(t.organ, ''), ?) > 0 OR instr(coalesce(d.organization, ''), ?) > 0)"
            params += [organ, organ]
        return self.con.execute(sql + filters + " ORDER BY d.id, t.start, t.id", [*params, *args]).fetchall()

    def meeting_rows(self, where: DocumentFilter) -> list[dict[str, Any]]:
        """Every stored meeting rule as a dict of its columns plus its document's region,
        title and path, by region and document."""
        filters, args = where.sql()
        cur = self.con.execute("SELECT m.*, d.region, d.title, d.path FROM meeting_rules m JOIN documents d "
                               f"USING (doc_id) WHERE 1=1{filters} ORDER BY d.region, d.id, m.start", args)
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]
