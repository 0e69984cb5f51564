"""The search query language shared by ``gongwen search`` and ``gongwen serve``.

A query is a list of terms separated by blanks:

=================  ==========================================================
``组织部 职责``      both words (AND; Chinese words are cut with jieba, so a run
                    of characters finds its words wherever they are segmented)
``"干部 管理"``      a phrase: the words next to each other, in this order
``党委 OR 党组``     either term (``OR`` in capitals between two terms)
``-预算``           not this term (at least one term must be positive)
=================  ==========================================================

Traditional script is folded to simplified (the store holds simplified text).
Operator characters inside a term are searched for as text, never parsed by
FTS5: every word is quoted.

A parsed :class:`Query` compiles to an FTS5 ``MATCH`` expression
(:meth:`Query.fts`) and to an SQL condition on a column of original text
(:meth:`Query.sql_substring`) for the substring fallback, and gives the words to
highlight (:meth:`Query.highlight_words`). Written by hand because the grammar
is four rules and must compile to two targets (FTS5 and ``instr``); no kept
library parses a query into both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORDY = re.compile(r"\w")


class QueryError(ValueError):
    """A query that cannot be searched, with a message for the user."""


@dataclass(frozen=True)
class Term:
    """One term: its words (segmented, simplified) and whether they must be adjacent."""

    text: str
    words: tuple[str, ...]
    phrase: bool = False

    def fts(self) -> str:
        quoted = ['"' + w.replace('"', '""') + '"' for w in self.words]
        if self.phrase and len(quoted) > 1:
            return '"' + " ".join(w.replace('"', '""') for w in self.words) + '"'
        return quoted[0] if len(quoted) == 1 else "(" + " AND ".join(quoted) + ")"

    def needles(self) -> list[str]:
        """Substrings the original text must hold for this term."""
        return ["".join(self.words)] if self.phrase else list(self.words)


@dataclass
class Query:
    """A parsed query: all of ``clauses`` (each any of its terms), none of ``excluded``."""

    text: str
    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def fts(self) -> str:
        parts = []
        for clause in self.clauses:
            inner = " OR ".join(t.fts() for t in clause)
            parts.append(f"({inner})" if len(clause) > 1 else inner)
        expr = " AND ".join(parts)
        for term in self.excluded:
            expr = f"({expr}) NOT {term.fts()}"
        return expr

    def sql_substring(self, column: str) -> tuple[str, list[str]]:
        """An SQL condition on ``column`` true where the text holds the query, with its arguments."""
        conds: list[str] = []
        args: list[str] = []
        for clause in self.clauses:
            alts = []
            for term in clause:
                needles = term.needles()
                alts.append("(" + " AND ".join(f"instr({column}, ?) > 0" for _ in needles) + ")")
                args += needles
            conds.append("(" + " OR ".join(alts) + ")")
        for term in self.excluded:
            needles = term.needles()
            conds.append("NOT (" + " AND ".join(f"instr({column}, ?) > 0" for _ in needles) + ")")
            args += needles
        return " AND ".join(conds), args

    def highlight_words(self) -> list[str]:
        out: list[str] = []
        for clause in self.clauses:
            for term in clause:
                for w in term.needles():
                    if w not in out:
                        out.append(w)
        return out

    def words(self) -> list[str]:
        """Every positive word, for callers that check the index vocabulary."""
        return [w for clause in self.clauses for t in clause for w in t.words]


def simplify(text: str) -> str:
    """``text`` in simplified script (a no-op for text that already is): the store holds
    simplified text, so queries and filters are folded the same way."""
    from gongwen.normalize.script import converter

    return converter("t2s").convert(text)


def query_words(text: str) -> list[str]:
    """The words a query searches for: simplified, segmented, without operators or punctuation."""
    from gongwen.tokenize import cut

    words: list[str] = []
    for w in cut(simplify(text)):
        w = w.strip()
        if w and _WORDY.search(w) and w not in words:
            words.append(w)
    return words


def _words(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.lower() for w in query_words(text)))


def parse(text: str) -> Query:
    """Parse ``text``; an empty result (no words) is falsy. Raises :class:`QueryError` for a
    query of exclusions only."""
    query = Query(text=text)
    pending_or = False
    for m in _TOKEN.finditer(text.strip()):
        neg, phrase, bare = m.group(1), m.group(2), m.group(3)
        if bare == "OR":
            pending_or = bool(query.clauses)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            neg, bare = "-", bare[1:]
        raw = phrase if phrase is not None else bare or ""
        words = _words(raw)
        if not words:
            continue
        term = Term(text=raw, words=words, phrase=phrase is not None)
        if neg:
            query.excluded.append(term)
            pending_or = False
        elif pending_or:
            query.clauses[-1].append(term)
            pending_or = False
        else:
            query.clauses.append([term])
    if query.excluded and not query.clauses:
        raise QueryError("a query needs at least one word to find, not only -exclusions")
    return query
