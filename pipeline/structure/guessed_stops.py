"""Full stops the punctuation restorer guessed after a heading line.

A text that lost its punctuation gets its marks back from the restorer, which closes a
short numbered line with ``。`` as readily as a sentence: ``（三）书记办公会议制度。`` then
reads as an item of a list, not as the heading it was. A guessed ``。`` (one the source
did not have, :mod:`gongwen.normalize.guessed`) is no evidence against a heading when the
line's shape proves one: a marker, then a short noun phrase ending in a noun that heads
titles (``制度``, ``范围``, ``措施``; ``lexicon.tsv`` kind ``head_noun``) with no word of a
clause in it (a preposition, a particle, a pronoun). Such stops are left out of the text
the outline reads; every other guessed mark stays (a restored ``；`` after
``4、研究和决定…重大问题`` rightly marks an item).
"""

from __future__ import annotations

from functools import cache

from gongwen.metadata.place import dictionary_tag
from gongwen.structure.lines import words
from gongwen.structure.markers import match_marker
from gongwen.tokenize import cut

#: The longest heading title (after its marker) whose guessed stop is left out.
TITLE_MAX = 16


@cache
def _head_nouns() -> tuple[str, ...]:
    return tuple(words("lexicon.tsv", "head_noun"))


#: jieba's tags of the words that make a phrase a clause: prepositions, particles, pronouns.
CLAUSE_TAGS = ("p", "u", "r")


def _clause(phrase: str) -> bool:
    """Does ``phrase`` hold a word of a clause (议题|在|会前…, 学院发展中|的|重大问题)?"""
    return any(dictionary_tag(w).startswith(CLAUSE_TAGS) for w in cut(phrase))


def heading_stops(text: str, guessed: frozenset[int]) -> frozenset[int]:
    """The guessed ``。`` of ``text`` that close a heading-shaped numbered line."""
    out = set()
    for i in guessed:
        if text[i] != "。" or (i + 1 < len(text) and text[i + 1] != "\n"):
            continue
        start = text.rfind("\n", 0, i) + 1
        while start < i and text[start] in " \u3000":
            start += 1
        found = match_marker(text, start, True)
        if found is None:
            continue
        body = text[found[1].end():i].strip(" \u3000")
        if 2 <= len(body) <= TITLE_MAX and body.endswith(_head_nouns()) and not _clause(body):
            out.add(i)
    return frozenset(out)
