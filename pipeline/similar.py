"""How alike two duty statements are, and "more like this" over the store.

Similarity is the mean of two TF-IDF cosines, computed on the duty's content
(the frame words of ``duty_frames.txt`` such as ``负责…工作`` and ``其他有关…事项``
removed, so boilerplate does not make two duties alike): one over character 1–3-grams (robust
to segmentation and to paraphrase that keeps the key characters: ``党费收缴`` vs
``收缴党费``), one over jieba words (so a shared rare word such as ``档案`` weighs
more than shared function characters). scikit-learn does the vectorizing; it is
imported lazily because it costs about a second of start-up that search and the
store do not need.

"More like this" narrows the candidates with the full-text index first (any of
the duty's rarest words, best 400 by BM25) and ranks those by TF-IDF cosine, so
it stays fast on a store of 100,000 duties instead of vectorizing all of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen import lexicon
from gongwen.store import DocumentFilter, Store

if TYPE_CHECKING:
    import numpy as np

#: How many full-text candidates "more like this" ranks by cosine.
CANDIDATES = 400
#: How many of the duty's rarest words select the candidates: common words (负责, 工作)
#: match most rows and would make the candidate query scan the whole index.
KEY_WORDS = 4

_WORDY = re.compile(r"\w")

FRAMES_FILE = Path(__file__).with_name("duty_frames.txt")


@cache
def _frames() -> re.Pattern[str]:
    words = lexicon.entries(FRAMES_FILE)
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def content_of(text: str) -> str:
    """``text`` without the frame words of ``duty_frames.txt`` (the whole text if nothing else is left)."""
    stripped = _frames().sub(" ", text).strip()
    return stripped if _WORDY.search(stripped) else text


def _words(text: str) -> list[str]:
    from gongwen.tokenize import cut

    return [w for w in cut(text) if _WORDY.search(w)]


def similarity_matrix(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Cosine similarity (0–1) of every text of ``a`` with every text of ``b``; shape (len(a), len(b))."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    if not a or not b:
        return np.zeros((len(a), len(b)))
    corpus = [content_of(t) for t in (*a, *b)]
    total = np.zeros((len(a), len(b)))
    for vec in (TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True),
                TfidfVectorizer(analyzer=_words, sublinear_tf=True)):
        try:
            m = vec.fit_transform(corpus)
        except ValueError:  # every text empty of words: no evidence from this view
            continue
        total += cosine_similarity(m[: len(a)], m[len(a):])
    return total / 2


def resolve_duty(store: Store, key: str) -> tuple[int, str, str]:
    """The row id, doc_id and text of the duty named ``key``.

    ``key`` is what search prints: ``<doc_id or a unique prefix>:<duty id>``
    (``1a2b3c4d:d3``), or ``#<row id>``. Raises ``KeyError`` with the reason.
    """
    key = key.strip()
    if key.lstrip("#").isdigit():
        rows = store.find_duty(rowid=int(key.lstrip("#")))
    elif ":" in key:
        doc, did = key.split(":", 1)
        rows = store.find_duty(doc_prefix=doc, did=did)
    else:
        raise KeyError(f"{key!r} is not a duty key (expected DOC_ID:DUTY_ID such as 1a2b3c4d:d3, or #ROWID)")
    if not rows:
        raise KeyError(f"no duty {key!r} in the store")
    if len(rows) > 1:
        raise KeyError(f"duty key {key!r} is ambiguous; give more digits of the document id")
    return rows[0]


def rarest_words(store: Store, words: list[str], n: int) -> list[str]:
    """The ``n`` words of ``words`` that the fewest duties hold (FTS5's own vocabulary counts)."""
    unique = list(dict.fromkeys(w.lower() for w in words))
    df = store.term_rows("duties", unique)
    present = [w for w in unique if w in df]
    return sorted(present, key=lambda w: df[w])[:n]


def more_like(store: Store, key: str, limit: int = 10, same_document: bool = False,
              region: str | None = None, doc_type: str | None = None) -> list[tuple[int, float]]:
    """Duties most like the duty ``key``, as (duties row id, cosine) best first.

    Duties of the same document are left out unless ``same_document``: the
    question is "who else does this".
    """
    rowid, doc_id, text = resolve_duty(store, key)
    words = rarest_words(store, _words(text), KEY_WORDS)
    if not words:
        return []
    match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
    candidates = store.duties_matching(match, rowid, None if same_document else doc_id,
                                       DocumentFilter(region, doc_type), CANDIDATES)
    if not candidates:
        return []
    sims = similarity_matrix([text], [c[1] for c in candidates])[0]
    ranked = sorted(zip((c[0] for c in candidates), sims, strict=True), key=lambda p: -p[1])
    return [(rid, float(s)) for rid, s in ranked[:limit]]
