"""Sentence ranking for briefs, built to be explained.

Each sentence gets four scores in [0, 1] and a weighted sum of them:

- ``centrality``: TextRank — PageRank over the cosine-similarity graph of the
  sentences' TF-IDF vectors (words from :func:`gongwen.tokenize.cut`), so the
  sentences that say what many others say come first;
- ``figures``: how densely the sentence states figures (officers quote numbers);
- ``position``: earlier in its section is better (reports put the point first);
- ``lead``: the sentence opens its section's content (the lead sentence under a
  subheading).

The weights are data (:data:`WEIGHTS`); :attr:`Scored.why` prints them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from gongwen.record import Document
from gongwen.sentences import Sentence, split_sentences
from gongwen.tokenize import cut

WEIGHTS = {"centrality": 0.4, "figures": 0.3, "position": 0.15, "lead": 0.15}
MIN_CHARS, MAX_CHARS = 8, 220


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float
    parts: tuple[tuple[str, float], ...]
    n_figures: int

    @property
    def why(self) -> str:
        return " ".join(f"{k}={v:.2f}" for k, v in self.parts) + f" → {self.score:.2f}"


def candidates(doc: Document, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``doc.text[start:end]`` that can stand in a brief: not headings,
    not table cells, neither fragments nor walls of text."""
    end = len(doc.text) if end is None else end
    heading_spans = [(s.start, _heading_end(doc, s.start)) for s in doc.sections]
    out = []
    for sent in split_sentences(doc.text, start, end):
        sent = _after_heading(doc.text, sent, heading_spans)
        if not MIN_CHARS <= len(sent.text) <= MAX_CHARS:
            continue
        if _in_table(doc, sent.start):
            continue
        if any(a <= sent.start and sent.end <= b for a, b in heading_spans) or sent.text == doc.title:
            continue
        out.append(sent)
    return out


def _after_heading(text: str, sent: Sentence, heading_spans: list[tuple[int, int]]) -> Sentence:
    """A sentence that opens with a run-in heading (``【概况】 2013年,…``) without it."""
    for a, b in heading_spans:
        if a <= sent.start < b < sent.end:
            start = b
            while start < sent.end and (text[start].isspace() or text[start] in ",，:：。"):
                start += 1
            return Sentence(text[start:sent.end], start, sent.end)
    return sent


def rank(doc: Document, sentences: Sequence[Sentence]) -> list[Scored]:
    """Score ``sentences`` (of one document); returns them best first."""
    if not sentences:
        return []
    central = _textrank([s.text for s in sentences])
    starts = sorted(f.start for f in doc.figures if f.kind != "date")
    section_starts = sorted({_heading_end(doc, s.start) for s in doc.sections})
    scored = []
    for i, sent in enumerate(sentences):
        n_fig = _count_between(starts, sent.start, sent.end)
        density = min(1.0, n_fig * 40 / max(len(sent.text), 1))
        sec = doc.section_at(sent.start)
        sec_start = _heading_end(doc, sec.start) if sec else 0
        sec_end = sec.end if sec else len(doc.text)
        position = 1.0 - (sent.start - sec_start) / max(sec_end - sec_start, 1)
        lead = 1.0 if _opens_section(doc.text, sent.start, section_starts) else 0.0
        parts = (("centrality", float(central[i])), ("figures", density),
                 ("position", max(0.0, position)), ("lead", lead))
        score = sum(WEIGHTS[k] * v for k, v in parts)
        scored.append(Scored(sent, score, parts, n_fig))
    scored.sort(key=lambda s: (-s.score, s.sentence.start))
    return scored


def _textrank(texts: list[str], damping: float = 0.85, iterations: int = 40) -> np.ndarray:
    """PageRank scores of the sentence-similarity graph, scaled to [0, 1]."""
    if len(texts) == 1:
        return np.ones(1)
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(analyzer=cut, min_df=1).fit_transform(texts)
    except ValueError:  # nothing but stop characters
        return np.zeros(len(texts))
    sim = (matrix @ matrix.T).toarray()
    np.fill_diagonal(sim, 0.0)
    rows = sim.sum(axis=1, keepdims=True)
    trans = np.divide(sim, rows, out=np.full_like(sim, 1.0 / len(texts)), where=rows > 0)
    rank = np.full(len(texts), 1.0 / len(texts))
    for _ in range(iterations):
        rank = (1 - damping) / len(texts) + damping * trans.T @ rank
    top = rank.max()
    return rank / top if top > 0 else rank


def _heading_end(doc: Document, start: int) -> int:
    """Where a heading's own line ends (its content starts after it)."""
    nl = doc.text.find("\n", start)
    sec = next((s for s in doc.sections if s.start == start), None)
    title_end = start
    if sec is not None:
        pos = doc.text.find(sec.title, start, start + len(sec.number) + len(sec.title) + 8)
        title_end = pos + len(sec.title) if pos >= 0 else start
        while title_end < len(doc.text) and doc.text[title_end] in "】]）):：。":
            title_end += 1
    line_end = len(doc.text) if nl < 0 else nl
    # a run-in heading ends with its title; a heading line ends with the line
    return title_end if title_end > start and line_end - title_end > 30 else line_end


def _opens_section(text: str, pos: int, section_starts: list[int]) -> bool:
    import bisect

    i = bisect.bisect_right(section_starts, pos) - 1
    if i < 0:
        return False
    between = text[section_starts[i]:pos]
    return not any(ch in between for ch in "。！？")


def _count_between(sorted_starts: list[int], a: int, b: int) -> int:
    import bisect

    return bisect.bisect_left(sorted_starts, b) - bisect.bisect_left(sorted_starts, a)


def _in_table(doc: Document, pos: int) -> bool:
    line_start = doc.text.rfind("\n", 0, pos) + 1
    return doc.text.startswith("\t", line_start) or any(t.start <= pos < t.end for t in doc.work.tables)
