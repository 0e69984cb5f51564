"""Full-text search over a store: duties (default), meetings, figures, sections, budget rows, documents.

How a query runs:

1. The query is parsed by :mod:`gongwen.query` (words, ``"phrases"``, ``OR``,
   ``-exclusion``), folded to simplified script and cut into words with jieba;
   every word is quoted as an FTS5 string, so FTS5 syntax in user input (``*``,
   ``NEAR``, ``(``, ``:``) is searched for as text, never parsed.
2. FTS5 matches against the search-mode words indexed by the store and ranks by
   BM25. Because jieba may cut a word inside a document differently than in a
   short query, when the index gives fewer than ``limit`` hits and a query word
   is not a token of the index at all (or nothing was found), the rest are
   filled from a plain substring scan of the original text (every query term
   present), ranked after the indexed hits.
3. Highlights are found in the *original* text by locating the query words
   there (the index holds segmented words, not offsets). This is done by hand
   rather than with an offset-aware APSW tokenizer so the store stays a plain
   SQLite file that the stock ``sqlite3`` CLI can query; it costs a ``str.find``
   per word on at most ``limit`` short texts.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from gongwen import kinds
from gongwen.kinds import Searched
from gongwen.query import Query, parse, query_words, simplify  # noqa: F401  (re-exported)
from gongwen.store import DocumentFilter, Store


def kinds_searched() -> list[str]:
    """What can be searched, by the name ``--in`` / ``in=`` takes: every record kind that
    declares how (``RecordKind.search``, :mod:`gongwen.kinds`), then the documents."""
    return [*kinds.short_names(having="search"), "documents"]


#: Characters of context either side of the first highlight in a snippet.
SNIPPET_CONTEXT = 40
#: Markers around highlighted words in :attr:`Hit.snippet`.
MARK = ("【", "】")



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
    """How to search and show one kind of row: its table and the kind's search declaration."""

    table: str
    how: Searched

    @property
    def scanned(self) -> str:
        return self.how.substring or self.how.text


#: The documents themselves, searched by their whole text (not a record kind).
_DOCUMENTS = _Kind("documents", Searched(key="t.doc_id", text="t.record", organ="t.organization", section_path="''",
                                         weights=(1.0, 2.0), substring="json_extract(t.record, '$.text')"))


def _kind(name: str) -> _Kind:
    if name == "documents":
        return _DOCUMENTS
    kind = kinds.get(name)
    if kind.search is None:
        raise ValueError(f"cannot search in {name!r}; choose one of {', '.join(kinds_searched())}")
    return _Kind(kind.table, kind.search)


def _open(db: Store | str | Path) -> tuple[Store, bool]:
    if isinstance(db, Store):
        return db, False
    return Store.open(db), True


@dataclass
class Results:
    """One page of hits, how many there are in all, and facet counts over all of them."""

    hits: list[Hit]
    total: int
    facets: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)


def search(db: Store | str | Path, query: str | Query, in_: str = "duties", region: str | None = None,
           doc_type: str | None = None, limit: int = 20, year: int | None = None, offset: int = 0) -> list[Hit]:
    """Search ``in_`` (one of :func:`kinds_searched`) for ``query`` (see :mod:`gongwen.query`); best hits first.

    ``db`` is a :class:`Store` or the path of a store file. ``region`` keeps documents
    whose region starts with it or whose administrative chain holds it; ``doc_type``
    and ``year`` keep documents of that genre / year.
    """
    return search_page(db, query, in_, region=region, doc_type=doc_type, year=year, limit=limit, offset=offset,
                       facets=False).hits


def search_page(db: Store | str | Path, query: str | Query, in_: str = "duties", region: str | None = None,
                doc_type: str | None = None, year: int | None = None, limit: int = 20, offset: int = 0,
                facets: bool = True) -> Results:
    """:func:`search` with the total count and (when ``facets``) counts by region, genre and year."""
    if in_ not in kinds_searched():
        raise ValueError(f"cannot search in {in_!r}; choose one of {', '.join(kinds_searched())}")
    q = query if isinstance(query, Query) else parse(query)
    if not q or limit <= 0:
        return Results([], 0)
    store, owned = _open(db)
    try:
        k = _kind(in_)
        where = DocumentFilter(region, doc_type, year)
        match = q.fts()
        rows = store.fts_top(k.table, match, k.how.weights, where, limit, offset)
        # one grouped scan gives the total and, with the documents' facts, every facet count
        per_doc = store.fts_per_document(k.table, match, where)
        total = sum(per_doc.values())
        found = [(rid, score, "index") for rid, score in rows]
        if total < offset + limit and (not total or not _all_indexed(store, k.table, q.words())):
            cond, cargs = q.sql_substring(k.scanned)
            seen = store.fts_rowids(k.table, match, where)
            extra = [r for r in store.substring_rowids(k.table, cond, cargs, where, SUBSTRING_CAP + len(seen))
                     if r not in seen][:SUBSTRING_CAP]
            total += len(extra)
            start = max(0, offset - (total - len(extra)))
            found += [(rid, 0.0, "substring") for rid in extra[start:start + limit - len(found)]]
            for doc_id in store.doc_ids_of(k.table, extra):
                per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
        words = q.highlight_words()
        hits = [hit for rid, score, how in found if (hit := _hit(store, k, rid, words, score, how)) is not None]
        counts = _facets(store, per_doc) if facets and total else {}
        return Results(hits, total, counts)
    finally:
        if owned:
            store.close()


#: Facets: name → the document column counted.
FACETS: dict[str, str] = {"region": "region", "type": "doc_type", "year": "year"}


def _facets(store: Store, per_doc: dict[str, int]) -> dict[str, list[tuple[Any, int]]]:
    """Hit counts by region, genre and year, from the hits per document (top 20 of each)."""
    counts: dict[str, dict[Any, int]] = {name: {} for name in FACETS}
    for doc_id, *values in store.document_facts(list(per_doc), list(FACETS.values())):
        for name, value in zip(FACETS, values, strict=True):
            if value is not None:
                counts[name][value] = counts[name].get(value, 0) + per_doc[doc_id]
    return {name: sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0])))[:20] for name, c in counts.items()}


def _all_indexed(store: Store, table: str, words: list[str]) -> bool:
    """Whether every query word is a token of the index (then the index is taken as complete).

    A word the index never saw as a token can still occur inside the text, cut
    differently by jieba; only then (or when the index finds nothing) is the
    substring scan worth its cost on a large store.
    """
    return store.indexes_all(table, (token for w in words for token in w.lower().split()))


#: At most this many rows are found by the substring fallback (it scans the table).
SUBSTRING_CAP = 1000


def _hit(store: Store, k: _Kind, rowid: int, words: list[str], score: float, how: str) -> Hit | None:
    row = store.hit_row(k.table, [k.how.key, k.how.section_path, k.how.organ, k.how.text, k.how.figure], rowid)
    if row is None:
        return None
    doc_id, title, region, doc_type, path, key, section_path, organ, text, figure = row
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
        return [h for rid, score in scored if (h := _hit(store, _kind(kind), rid, words, score, how)) is not None]
    finally:
        if owned:
            store.close()


def like(db: Store | str | Path, key: str, limit: int = 10, same_document: bool = False,
         region: str | None = None, doc_type: str | None = None) -> list[Hit]:
    """Duties like the duty ``key`` in other documents ("who else does this"), most similar first.

    Highlights mark the words the hit shares with the given duty.
    """
    from gongwen.similar import more_like, resolve_duty

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
