"""Full-text search over a store: duties (default), figures, sections, documents.

How a query runs:

1. Traditional script is converted to simplified (OpenCC ``t2s``): the store holds
   normalized, simplified text.
2. The query is cut into words with jieba (:func:`pipeline.tokenize.cut`); every
   word is quoted as an FTS5 string, so operator syntax in user input (``"``,
   ``*``, ``NEAR``, ``OR``, ``-``, ``(``, ``:``) is searched for as text, never
   parsed. Words are ANDed; a query of several words finds rows holding all.
3. FTS5 matches against the search-mode words indexed by the store and ranks by
   BM25. Because jieba may cut a word inside a document differently than in a
   short query, when the index gives fewer than ``limit`` hits and a query word
   is not a token of the index at all (or nothing was found), the rest are
   filled from a plain substring scan of the original text (every query term
   present), ranked after the indexed hits.
4. Highlights are found in the *original* text by locating the query words
   there (the index holds segmented words, not offsets). This is done by hand
   rather than with an offset-aware APSW tokenizer so the store stays a plain
   SQLite file that the stock ``sqlite3`` CLI can query; it costs a ``str.find``
   per word on at most ``limit`` short texts.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pipeline.store import Store

Kind = Literal["duties", "figures", "sections", "documents"]
KINDS: tuple[str, ...] = ("duties", "figures", "sections", "documents")

#: Characters of context either side of the first highlight in a snippet.
SNIPPET_CONTEXT = 40
#: Markers around highlighted words in :attr:`Hit.snippet`.
MARK = ("【", "】")

_WORDY = re.compile(r"\w")


@dataclass
class Hit:
    """One search result.

    ``text`` is the hit's own text (a duty, a figure's sentence, a section's body,
    a document's title); ``highlights`` are (start, end) spans of the query words
    in ``text``; ``snippet`` is a window of ``text`` with the words marked 【】.
    ``key`` names the hit for ``gongwen search --like`` (duties: ``DOC_ID:d3``).
    ``score``: higher is better (negated BM25 for full-text hits, cosine for
    "more like this", 0 for substring-only hits).
    """

    kind: str
    key: str
    doc_id: str
    title: str | None
    region: str | None
    doc_type: str | None
    path: str
    section_path: str
    organ: str | None
    text: str
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    score: float = 0.0
    match: Literal["index", "substring", "similar"] = "index"
    #: Figure hits: the figure itself as written (``20万元``); its sentence is ``text``.
    figure: str | None = None
    #: ``snippet`` as (piece, highlighted) parts, for renderers that style rather than mark.
    parts: list[tuple[str, bool]] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("parts")
        return data


@dataclass(frozen=True)
class _Kind:
    """How to search and show one kind of row."""

    table: str
    key: str  # SQL expression for the hit key
    text: str  # SQL expression for the hit text
    organ: str
    section_path: str
    weights: tuple[float, ...]
    figure: str = "NULL"  # SQL expression for the figure's own text (figures only)


_KINDS: dict[str, _Kind] = {
    "duties": _Kind("duties", "t.doc_id || ':' || t.did", "t.text", "t.organ", "t.section_path", (1.0, 0.5)),
    "figures": _Kind("figures", "t.doc_id || ':f' || t.ord", "t.sentence", "NULL", "t.section_path", (1.0,),
                     figure="t.text"),
    "sections": _Kind("sections", "t.doc_id || ':' || t.sid", "t.body", "NULL", "t.section_path", (1.0,)),
    "documents": _Kind("documents", "t.doc_id", "t.record", "t.organization", "''", (1.0, 2.0)),
}


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplify(text: str) -> str:
    """``text`` in simplified script (a no-op for text that already is)."""
    return _t2s().convert(text)


def query_words(query: str) -> list[str]:
    """The words a query searches for: simplified, segmented, without operators or punctuation."""
    from pipeline.tokenize import cut

    words: list[str] = []
    for w in cut(simplify(query)):
        w = w.strip()
        if w and _WORDY.search(w) and w not in words:
            words.append(w)
    return words


def fts_expression(words: list[str]) -> str:
    """An FTS5 MATCH expression requiring every word, each quoted so nothing is parsed as syntax."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _open(db: Store | str | Path) -> tuple[Store, bool]:
    if isinstance(db, Store):
        return db, False
    return Store.open(db), True


def search(db: Store | str | Path, query: str, in_: str = "duties", region: str | None = None,
           doc_type: str | None = None, limit: int = 20) -> list[Hit]:
    """Search ``in_`` (duties, figures, sections, documents) for ``query``; best hits first.

    ``db`` is a :class:`Store` or the path of a store file. ``region`` and
    ``doc_type`` restrict hits to documents of that region / type.
    """
    if in_ not in _KINDS:
        raise ValueError(f"cannot search in {in_!r}; choose one of {', '.join(KINDS)}")
    words = query_words(query)
    if not words or limit <= 0:
        return []
    store, owned = _open(db)
    try:
        k = _KINDS[in_]
        filters, args = _doc_filters(region, doc_type)
        weights = ", ".join(str(w) for w in k.weights)
        fts = f"{k.table}_fts"
        rank = f"bm25({weights})"
        if filters:
            sql = (f"SELECT f.rowid, -f.rank FROM {fts} f JOIN {k.table} t ON t.id = f.rowid "
                   f"JOIN documents d ON d.doc_id = t.doc_id "
                   f"WHERE {fts} MATCH ? AND f.rank MATCH '{rank}'{filters} ORDER BY f.rank LIMIT ?")
        else:  # FTS5's own ranked path: no join until the top hits are known
            sql = f"SELECT rowid, -rank FROM {fts} WHERE {fts} MATCH ? AND rank MATCH '{rank}' ORDER BY rank LIMIT ?"
        rows = store.con.execute(sql, [fts_expression(words), *args, limit]).fetchall()
        found = [(rid, score, "index") for rid, score in rows]
        if len(found) < limit and (not found or not _all_indexed(store, k.table, words)):
            found += [(rid, 0.0, "substring") for rid in
                      _substring_ids(store, k, words, filters, args, {r for r, _, _ in found}, limit - len(found))]
        return [hit for rid, score, how in found if (hit := _hit(store, k, rid, words, score, how)) is not None]
    finally:
        if owned:
            store.close()


def _doc_filters(region: str | None, doc_type: str | None) -> tuple[str, list[str]]:
    sql, args = "", []
    for column, value in (("region", region), ("doc_type", doc_type)):
        if value is not None:
            sql += f" AND d.{column} = ?"
            args.append(value)
    return sql, args


def _all_indexed(store: Store, table: str, words: list[str]) -> bool:
    """Whether every query word is a token of the index (then the index is taken as complete).

    A word the index never saw as a token can still occur inside the text, cut
    differently by jieba; only then (or when the index finds nothing) is the
    substring scan worth its cost on a large store.
    """
    store.con.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_vocab "
                      f"USING fts5vocab(main, {table}_fts, row)")
    for w in words:
        for token in w.lower().split():
            if not store.con.execute(f"SELECT 1 FROM temp.{table}_vocab WHERE term = ?", (token,)).fetchone():
                return False
    return True


def _substring_ids(store: Store, k: _Kind, words: list[str], filters: str, args: list[str],
                   seen: set[int], limit: int) -> list[int]:
    """Rows whose original text holds every query word, for words the index segmented differently."""
    source = "json_extract(t.record, '$.text')" if k.table == "documents" else k.text
    cond = " AND ".join(f"instr({source}, ?) > 0" for _ in words)
    rows = store.con.execute(
        f"SELECT t.id FROM {k.table} t JOIN documents d ON d.doc_id = t.doc_id WHERE {cond}{filters} "
        f"ORDER BY t.id LIMIT ?", [*words, *args, limit + len(seen)]).fetchall()
    return [r[0] for r in rows if r[0] not in seen][:limit]


def _hit(store: Store, k: _Kind, rowid: int, words: list[str], score: float, how: str) -> Hit | None:
    row = store.con.execute(
        f"SELECT {k.key}, t.doc_id, d.title, d.region, d.doc_type, d.path, {k.section_path}, {k.organ}, {k.text}, "
        f"{k.figure} FROM {k.table} t JOIN documents d ON d.doc_id = t.doc_id WHERE t.id = ?", (rowid,)).fetchone()
    if row is None:
        return None
    key, doc_id, title, region, doc_type, path, section_path, organ, text, figure = row
    if k.table == "documents":
        text = json.loads(text).get("text", "")
    text = text or ""
    spans = highlight_spans(text, words)
    parts = snippet_parts(text, spans)
    return Hit(kind=k.table, key=key, doc_id=doc_id, title=title, region=region, doc_type=doc_type, path=path,
               section_path=section_path or "", organ=organ, text=text if k.table != "documents" else (title or ""),
               snippet="".join(MARK[0] + p + MARK[1] if h else p for p, h in parts),
               highlights=spans if k.table != "documents" else [], score=round(float(score), 4), match=how,
               parts=parts, figure=figure)  # type: ignore[arg-type]


def highlight_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of every occurrence of ``words`` in ``text`` (case-insensitive)."""
    low = text.lower()
    spans: list[tuple[int, int]] = []
    for w in words:
        w = w.lower()
        i = low.find(w)
        while i >= 0:
            spans.append((i, i + len(w)))
            i = low.find(w, i + len(w))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def snippet_parts(text: str, spans: list[tuple[int, int]],
                  context: int = SNIPPET_CONTEXT) -> list[tuple[str, bool]]:
    """A window of ``text`` around its first highlight as (piece, highlighted) parts.

    Renderers style the highlighted parts (the CLI's Rich table) or mark them
    (:func:`snippet`); line breaks become spaces one for one, so spans stay valid.
    """
    text = text.replace("\n", " ").replace("\t", " ")
    if not spans:
        return [(text[: 2 * context] + ("…" if len(text) > 2 * context else ""), False)]
    lo = max(0, spans[0][0] - context)
    hi = min(len(text), max(spans[0][1] + context, lo + 2 * context))
    parts: list[tuple[str, bool]] = [("…", False)] if lo > 0 else []
    pos = lo
    for s, e in spans:
        if s < pos or e > hi:
            continue
        parts += [(text[pos:s], False), (text[s:e], True)]
        pos = e
    parts.append((text[pos:hi] + ("…" if hi < len(text) else ""), False))
    return [(p, h) for p, h in parts if p]


def snippet(text: str, spans: list[tuple[int, int]], context: int = SNIPPET_CONTEXT,
            mark: tuple[str, str] = MARK) -> str:
    """A window of ``text`` around its first highlight, highlights wrapped in ``mark``."""
    return "".join(mark[0] + p + mark[1] if h else p for p, h in snippet_parts(text, spans, context))


def hits_for_ids(db: Store | str | Path, kind: str, scored: list[tuple[int, float]], words: list[str],
                 how: Literal["index", "substring", "similar"] = "similar") -> list[Hit]:
    """Hits for known row ids (used by "more like this"), in the given order."""
    store, owned = _open(db)
    try:
        k = _KINDS[kind]
        return [h for rid, score in scored if (h := _hit(store, k, rid, words, score, how)) is not None]
    finally:
        if owned:
            store.close()


def like(db: Store | str | Path, key: str, limit: int = 10, same_document: bool = False,
         region: str | None = None, doc_type: str | None = None) -> list[Hit]:
    """Duties like the duty ``key`` in other documents ("who else does this"), most similar first.

    Highlights mark the words the hit shares with the given duty.
    """
    from pipeline.similar import more_like, resolve_duty

    store, owned = _open(db)
    try:
        _, _, text = resolve_duty(store, key)
        scored = more_like(store, key, limit=limit, same_document=same_document, region=region,
                           doc_type=doc_type)
        shared = [w for w in query_words(text) if len(w) > 1]
        return hits_for_ids(store, "duties", scored, shared, "similar")
    finally:
        if owned:
            store.close()
