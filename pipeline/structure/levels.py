"""Levels from the nesting a document actually uses, not from a fixed marker table.

A stack holds the open headings. A heading of a style already open is a sibling when its
number continues that style's sequence (``二、`` after ``一、``), and closes everything
opened after it; a sequence that starts again at 1 (``1、`` after ``（二）``, or ``一、``
right under ``一、``) opens a deeper level, unless content came between (then it is a
new series beside the old one); unnumbered styles are siblings of the open
heading of the same style. Ranked styles (篇 > 章 > 节 > 条) close every open heading that is
not of a higher rank, so laws and compilations keep their fixed hierarchy.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongwen.structure.headings import Heading


@dataclass
class Placed:
    heading: Heading
    level: int
    parent: int | None  # index into the placed list
    suspect: bool = False


def _opens_into(placed: list[Placed], stack: list[int], h: Heading) -> bool:
    """Does the innermost open heading, of the same style as ``h``, lead straight into ``h``
    (``一、组工信息的重要性`` then ``一、组工信息犹如…`` on the next line)? Only then does a
    restarted sequence nest under it; after content, a restart is a new series beside it."""
    opened = placed[stack[-1]]
    return placed[-1] is opened and h.line_index - opened.heading.line_index <= 1


def assign(headings: list[Heading]) -> list[Placed]:
    placed: list[Placed] = []
    stack: list[int] = []  # indices into placed

    def push(h: Heading, suspect: bool = False) -> None:
        parent = stack[-1] if stack else None
        placed.append(Placed(h, len(stack) + 1, parent, suspect))
        stack.append(len(placed) - 1)

    for h in headings:
        if h.rank is not None:
            while stack and (placed[stack[-1]].heading.rank is None or placed[stack[-1]].heading.rank >= h.rank):
                stack.pop()
            push(h)
            continue
        same = [i for i, p in enumerate(stack) if placed[p].heading.style == h.style]
        if h.ordinal is None:
            if same:
                del stack[same[-1]:]
            push(h)
            continue
        # the open series this number continues; when an inner and an outer series both
        # would (三、 after 二、 in both), the one whose headings look like this one wins
        conts = [i for i in reversed(same) if placed[stack[i]].heading.ordinal == h.ordinal - 1]
        alike = [i for i in conts if placed[stack[i]].heading.evidence == h.evidence]
        cont = (alike or conts or [None])[0]
        if cont is not None:
            del stack[cont:]
            push(h)
        elif h.ordinal == 1 and same and same[-1] == len(stack) - 1 and not _opens_into(placed, stack, h):
            del stack[same[-1]:]  # a new series of the same kind under the same parent
            push(h)
        elif h.ordinal == 1 or not same:
            push(h, suspect=not h.in_sequence)
        else:  # the number breaks its sequence: keep it beside the nearest open sibling
            del stack[same[-1]:]
            push(h, suspect=not h.in_sequence)
    return placed
