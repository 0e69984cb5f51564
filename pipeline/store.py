"""The document store: one SQLite file holding every record a run produced.

Why SQLite: one file a research office can copy, browse with the ``sqlite3`` CLI
or any spreadsheet tool, and query with full-text search (FTS5), with no server.
Why this layout: the record JSON is kept whole (``documents.record``, the
contract of RECORDS.md) and its parts are spread into one table per kind of
record (``sections``, ``duties``, ``meeting_rules`` with one column per slot,
``figures``, ``budget_items``) so comparisons are plain SQL. Each kind declares its
table's columns, how a record becomes a row and what its full-text index holds
(:mod:`gongwen.kinds`); the store reads those declarations and names no kind.

Durability: WAL mode and one committed transaction per :meth:`Store.put`, so a
run killed mid-way leaves a store that opens and holds every document that
finished. Idempotence: documents are keyed by ``source.sha256``; storing the
same bytes again stores nothing; a changed file (same path, new bytes) replaces
its older record and all its child rows in the same transaction.

Several writers: two ``gongwen run`` processes may share a store. SQLite lets
one write at a time; the others wait (the connection's busy timeout), and where
SQLite does not wait by itself (switching a new file to WAL mode, which fails
at once while another process holds it) the step is retried with backoff
(:func:`retry_busy`). A store that stays busy past :data:`BUSY_WAIT` is reported
as busy, never as "not a gongwen store".

The schema lives in :mod:`gongwen.migrations`; :meth:`Store.open` applies the
pending ones, so a newer gongwen opens an older store, then gives a record kind
registered since (a plugin's) its table from the kind's declaration
(:func:`sync_kind_tables`).
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Literal, TypeVar

from gongwen import kinds, migrations
from gongwen.errors import InputError
from gongwen.fulltext import create_index_table, index_rows, indexed, unindex_rows
from gongwen.kinds import RecordKind
from gongwen.metadata import divisions
from gongwen.record import Document, Section
from gongwen.store_queries import DocumentFilter, Queries, document_filters

PutResult = Literal["added", "replaced", "unchanged"]
FailureKind = Literal["unreadable", "timeout", "error"]
FAILURE_KINDS: tuple[str, ...] = ("unreadable", "timeout", "error")

#: Seconds one statement waits for a lock held by another connection (SQLite's busy timeout).
BUSY_TIMEOUT = 30.0
#: Seconds a writer waits in all for another process that holds the store before giving up.
BUSY_WAIT = 120.0

_T = TypeVar("_T")


def is_busy(e: sqlite3.Error) -> bool:
    """True when ``e`` says another connection holds the database (SQLITE_BUSY / SQLITE_LOCKED)."""
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(e) or "busy" in str(e)


def retry_busy(step: Callable[[], _T], wait: float | None = None) -> _T:
    """``step()``, run again with growing, jittered pauses while the database is busy.

    The busy timeout already makes most statements wait; this covers the ones
    SQLite fails at once (a journal-mode change, a lock upgrade that would
    deadlock) and waits longer than one timeout. Gives up after ``wait`` seconds
    (default :data:`BUSY_WAIT`) by raising the last busy error.
    """
    deadline = time.monotonic() + (BUSY_WAIT if wait is None else wait)
    pause = 0.01
    while True:
        try:
            return step()
        except sqlite3.OperationalError as e:
            if not is_busy(e) or time.monotonic() >= deadline:
                raise
        time.sleep(pause * random.uniform(0.5, 1.5))
        pause = min(pause * 2, 1.0)


def _busy_error(path: Path, e: sqlite3.Error) -> InputError:
    return InputError(path, f"the store is busy: another process has held it for over {BUSY_WAIT:g} s "
                            f"({e}); try again when it is done")


#: Default store file, relative to the current folder.
DEFAULT_DB = "gongwen.db"

#: Separator between the headings of a section path (``一、职责 › （三）常委会职责``).
PATH_SEP = " › "


def record_tables() -> list[str]:
    """The store's table of every record kind (:mod:`gongwen.kinds`), in record order."""
    return [k.table for k in kinds.all_kinds()]


@dataclass
class Failure:
    """A file a run could not turn into a record; ``at`` is an ISO-8601 UTC time."""

    path: str
    sha256: str | None
    kind: str
    reason: str
    at: str


@dataclass
class StoredDocument:
    """One stored document as a summary row: its facts and how many records it holds."""

    doc_id: str
    path: str
    title: str | None
    doc_type: str | None
    region: str | None
    organization: str | None
    year: int | None
    stored_at: str
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Summary:
    """What a store holds: documents by type and region, records by kind, failures by kind."""

    documents: int
    by_doc_type: dict[str, int]
    by_region: dict[str, int]
    records: dict[str, int]
    failures: dict[str, int]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def section_path_text(doc: Document, sid: str | None) -> str:
    """``一、职责 › （三）常委会职责``: the headings from the top down to ``sid``."""
    return PATH_SEP.join(_heading(s) for s in doc.section_path(sid))


#: Markers written around a heading rather than before it (``【概况】`` has number ``【】``).
_WRAPPING_MARKERS = ("【】", "〔〕", "[]", "［］")


def _heading(s: Section) -> str:
    if s.number in _WRAPPING_MARKERS:
        return f"{s.number[0]}{s.title}{s.number[1]}"
    return f"{s.number}{s.title}" if s.title != s.number else s.title


class _SectionPaths:
    """``section_path_text`` for many ids of one document, built once per document."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._cache: dict[str | None, str] = {}

    def __call__(self, sid: str | None) -> str:
        if sid not in self._cache:
            self._cache[sid] = section_path_text(self._doc, sid)
        return self._cache[sid]


def sync_kind_tables(con: sqlite3.Connection) -> None:
    """Give every registered record kind its table, as its declaration says: a kind
    registered after the migrations were written gets its table, its index on
    ``doc_id``, its view ``v_<name>`` and its full-text index here; a declared column an
    older table lacks is added (NULL in the rows stored before). Tables the migrations
    made already match their kinds, so for them this changes nothing."""
    for kind in kinds.all_kinds():
        have = [r[1] for r in con.execute(f"PRAGMA table_info({kind.table})")]
        if not have:
            columns = ", ".join(f"{c.name} {c.type}" for c in kind.columns)
            con.execute(f"CREATE TABLE {kind.table} (id INTEGER PRIMARY KEY, "
                        f"doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE, {columns})")
            con.execute(f"CREATE INDEX {kind.table}_doc_id ON {kind.table}(doc_id)")
            con.execute(f"CREATE VIEW IF NOT EXISTS {kind.view} AS SELECT t.*, d.title AS doc_title, d.region, "
                        f"d.doc_type, d.year, d.organization, d.path FROM {kind.table} t JOIN documents d USING (doc_id)")
            if kind.full_text is not None:
                create_index_table(con, kind.table)
            continue
        for c in kind.columns:
            if c.name not in have:
                con.execute(f"ALTER TABLE {kind.table} ADD COLUMN {c.name} {c.type}")
        if kind.full_text is not None and "words" not in have:
            create_index_table(con, kind.table)
            index_rows(con, kind.table, indexed()[kind.table])


def _kind_tables_synced(con: sqlite3.Connection) -> bool:
    """Whether every kind's table and columns exist already (the usual case: nothing to write)."""
    for kind in kinds.all_kinds():
        have = {r[1] for r in con.execute(f"PRAGMA table_info({kind.table})")}
        if not have or any(c.name not in have for c in kind.columns) or \
                (kind.full_text is not None and "words" not in have):
            return False
    return True


class Store(Queries):
    """A gongwen store file. Open with :meth:`open`; use as a context manager.

    Everything that reads or writes the file is a method: the reading queries of search,
    comparison and the web pages come from :class:`gongwen.store_queries.Queries`."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self.con = con
        self.path = path

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, upto: int | None = None) -> Store:
        """Open (creating or migrating) the store at ``path``.

        ``upto`` stops after that many migrations (for tests of older stores).
        A file that is not a SQLite database raises :class:`InputError` naming it.
        """
        path = Path(path)
        if path.parent and not path.parent.exists():
            raise InputError(path, f"folder {str(path.parent)!r} does not exist")
        try:
            con = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT, check_same_thread=False)
        except sqlite3.Error as e:
            raise InputError(path, f"cannot open the store ({e})") from None

        def prepare() -> None:
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            con.execute("PRAGMA foreign_keys=ON")
            migrations.apply(con, upto)
            if upto is None and not _kind_tables_synced(con):
                con.execute("BEGIN IMMEDIATE")
                try:
                    sync_kind_tables(con)
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                con.execute("COMMIT")

        try:
            retry_busy(prepare)
        except sqlite3.DatabaseError as e:
            con.close()
            if is_busy(e):
                raise _busy_error(path, e) from None
            raise InputError(path, f"not a gongwen store ({e})") from None
        except BaseException:
            con.close()
            raise
        return cls(con, path)

    @classmethod
    def open_read_only(cls, path: str | Path) -> Store:
        """Open the store at ``path`` for reading only (no migration, no write lock): the
        web pages open one per request; the file must exist and be up to date."""
        path = Path(path)
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        return cls(con, path)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- questions the batch runner asks ---------------------------------------------------

    def known(self, path: str, sha256: str) -> bool:
        """True when this exact file (``path`` holding bytes ``sha256``) is stored."""
        row = self.con.execute(
            "SELECT 1 FROM paths p JOIN documents d ON d.doc_id = p.doc_id "
            "WHERE p.path = ? AND d.sha256 = ?", (str(path), sha256)).fetchone()
        return row is not None

    def has_sha(self, sha256: str) -> bool:
        """True when a document with these bytes is stored, under any path."""
        return self.con.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None

    # -- writing ----------------------------------------------------------------------------

    def put(self, doc: Document, record: str | None = None) -> PutResult:
        """Store one record in one transaction; returns ``added``, ``replaced`` or ``unchanged``.

        ``record`` is ``doc.to_json()`` when the caller has it already (a batch worker sends
        the record as JSON), so it is not serialized a second time.

        The same bytes stored again (under the same or another path) change nothing
        but the path bookkeeping; new bytes under a known path replace the older
        record and all its child rows. A stored ``put`` also clears a failure
        recorded for the path.
        """
        path, sha = doc.source.path, doc.source.sha256
        con = self.con
        self._begin()
        try:
            row = con.execute("SELECT doc_id FROM paths WHERE path = ?", (path,)).fetchone()
            old_id = row[0] if row else None
            existing = con.execute("SELECT doc_id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
            if existing:
                result: PutResult = "unchanged"
                new_id = existing[0]
            else:
                new_id = doc.doc_id
                self._insert(doc, record)
                result = "replaced" if old_id else "added"
            con.execute("INSERT OR REPLACE INTO paths (path, doc_id, seen_at) VALUES (?, ?, ?)",
                        (path, new_id, _now()))
            if old_id and old_id != new_id:
                self._drop_if_orphaned(old_id)
                if result == "unchanged":
                    result = "replaced"
            con.execute("DELETE FROM failures WHERE path = ?", (path,))
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        return result

    def _begin(self) -> None:
        """Take the write lock, waiting for other writers."""
        self._write(lambda: self.con.execute("BEGIN IMMEDIATE"))

    def _write(self, step: Callable[[], object]) -> None:
        """Run one writing statement, waiting for other writers (see :func:`retry_busy`);
        a store busy for too long is an :class:`InputError` naming it."""
        try:
            retry_busy(step)
        except sqlite3.OperationalError as e:
            if is_busy(e):
                raise _busy_error(self.path, e) from None
            raise

    def _drop_if_orphaned(self, doc_id: str) -> None:
        """Delete ``doc_id`` and its rows when no path refers to it any more."""
        if self.con.execute("SELECT 1 FROM paths WHERE doc_id = ?", (doc_id,)).fetchone():
            return
        self._delete(doc_id)

    def _delete(self, doc_id: str) -> None:
        con = self.con
        for table in indexed():
            unindex_rows(con, table, "t.doc_id = ?", (doc_id,))
        for table in record_tables():
            con.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        con.execute("DELETE FROM paths WHERE doc_id = ?", (doc_id,))
        con.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def delete(self, path: str) -> bool:
        """Forget the file at ``path`` (its record goes when no other path holds the same bytes)."""
        con = self.con
        self._begin()
        try:
            row = con.execute("SELECT doc_id FROM paths WHERE path = ?", (path,)).fetchone()
            if row:
                con.execute("DELETE FROM paths WHERE path = ?", (path,))
                self._drop_if_orphaned(row[0])
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        return row is not None

    def _insert(self, doc: Document, record: str | None = None) -> None:
        con, did = self.con, doc.doc_id
        s = doc.source
        con.execute(
            "INSERT INTO documents (doc_id, sha256, path, format, encoding, bytes, title, doc_type, region, "
            "organization, year, script, n_chars, record, stored_at, region_chain, region_code) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (did, s.sha256, s.path, s.format, s.encoding, s.bytes, doc.title, doc.doc_type, doc.region,
             doc.organization, doc.year, doc.script, len(doc.text), record or doc.to_json(), _now(),
             divisions.chain_text(doc.region), divisions.code(doc.region)))
        paths = _SectionPaths(doc)
        for kind in kinds.all_kinds():
            self._insert_rows(kind, doc, paths)
        for table, spec in indexed().items():
            index_rows(con, table, spec, "t.doc_id = ?", (did,))

    def _insert_rows(self, kind: RecordKind, doc: Document, paths: _SectionPaths) -> None:
        """The rows of ``doc``'s records of ``kind``, as the kind makes them."""
        first = self._next_id(kind.table)
        rows = [(first + i, doc.doc_id, *row) for i, row in enumerate(kind.rows(doc, paths))]
        names = ", ".join(c.name for c in kind.columns)
        marks = ",".join("?" * (len(kind.columns) + 2))
        self.con.executemany(f"INSERT INTO {kind.table} (id, doc_id, {names}) VALUES ({marks})", rows)

    def _next_id(self, table: str) -> int:
        """The first free row id of ``table``: ids are given explicitly so the FTS rows can
        share them and both go in with one ``executemany`` (safe: we hold the write lock)."""
        return self.con.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]

    def put_failure(self, path: str, sha256: str | None, kind: str, reason: str) -> None:
        """Record that ``path`` failed (``unreadable``, ``timeout`` or ``error``), replacing an earlier failure."""
        if kind not in FAILURE_KINDS:
            raise ValueError(f"failure kind {kind!r} is not one of {', '.join(FAILURE_KINDS)}")
        self._write(lambda: self.con.execute(
            "INSERT OR REPLACE INTO failures (path, sha256, kind, reason, at) VALUES (?,?,?,?,?)",
            (str(path), sha256, kind, reason, _now())))

    def clear_failure(self, path: str) -> None:
        self._write(lambda: self.con.execute("DELETE FROM failures WHERE path = ?", (str(path),)))

    # -- reading ----------------------------------------------------------------------------

    def failures(self) -> list[Failure]:
        rows = self.con.execute("SELECT path, sha256, kind, reason, at FROM failures ORDER BY at, path")
        return [Failure(*r) for r in rows]

    def get(self, doc_id: str) -> Document | None:
        """The stored record of ``doc_id`` (a prefix of it is enough when unambiguous)."""
        rows = self.con.execute("SELECT record FROM documents WHERE doc_id LIKE ? || '%' LIMIT 2",
                                (doc_id,)).fetchall()
        return Document.from_json(rows[0][0]) if len(rows) == 1 else None

    def records(self) -> Iterator[Document]:
        """Every stored record, in the order stored."""
        for (rec,) in self.con.execute("SELECT record FROM documents ORDER BY id"):
            yield Document.from_json(rec)

    def documents(self, region: str | None = None, doc_type: str | None = None) -> list[StoredDocument]:
        """Stored documents (optionally of one region / type) with their record counts."""
        where, args = _filters(region=region, doc_type=doc_type)
        rows = self.con.execute(
            "SELECT doc_id, path, title, doc_type, region, organization, year, stored_at FROM documents"
            f"{where} ORDER BY id", args).fetchall()
        tables = record_tables()
        counts: dict[str, Counter[str]] = {t: Counter() for t in tables}
        for table in tables:
            for doc_id, n in self.con.execute(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id"):
                counts[table][doc_id] = n
        return [StoredDocument(*r, counts={t: counts[t][r[0]] for t in tables}) for r in rows]

    def summary(self) -> Summary:
        """Counts for a run's closing line or ``gongwen failures``: by type, region, record kind, failure kind."""
        con = self.con

        def grouped(sql: str) -> dict[str, int]:
            return {(k if k is not None else "(none)"): n for k, n in con.execute(sql)}

        return Summary(
            documents=con.execute("SELECT count(*) FROM documents").fetchone()[0],
            by_doc_type=grouped("SELECT doc_type, count(*) FROM documents GROUP BY doc_type ORDER BY 2 DESC"),
            by_region=grouped("SELECT region, count(*) FROM documents GROUP BY region ORDER BY 2 DESC"),
            records={t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in record_tables()},
            failures=grouped("SELECT kind, count(*) FROM failures GROUP BY kind ORDER BY 2 DESC"),
        )

    def put_many(self, docs: Iterable[Document]) -> Counter[str]:
        """Store several records (each in its own transaction); counts of each result."""
        return Counter(self.put(d) for d in docs)


def _filters(**columns: str | None) -> tuple[str, list[str]]:
    """`` WHERE a = ? AND …`` for the given non-null column values."""
    pairs = [(k, v) for k, v in columns.items() if v is not None]
    if not pairs:
        return "", []
    return " WHERE " + " AND ".join(f"{k} = ?" for k, _ in pairs), [v for _, v in pairs]


__all__ = ["DocumentFilter", "Store", "document_filters", "record_tables", "section_path_text"]
