"""What a brief is made of, as plain data: every sentence keeps its source."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quote:
    """A sentence taken from a document, with where it came from.

    ``start``/``end`` index the document record's normalized ``text``; ``why`` says
    how the ranking scored it, so a reviewer can see why it was chosen.
    """

    text: str
    doc_id: str
    start: int
    end: int
    why: str = ""


@dataclass
class Part:
    """A titled part of the brief (主要做法, 工作成效 …) holding quotes.

    ``items`` pairs a practice heading with its strongest supporting sentence;
    a part without headings holds single quotes (heading ``None``).
    """

    title: str
    items: list[tuple[Quote | None, list[Quote]]] = field(default_factory=list)

    def quotes(self) -> list[Quote]:
        out: list[Quote] = []
        for head, body in self.items:
            if head is not None:
                out.append(head)
            out.extend(body)
        return out


@dataclass(frozen=True)
class FigureRow:
    """One line of the key-figures table: what was counted, value, unit, date."""

    what: str
    text: str
    value: str
    unit: str
    date: str
    source: Quote


@dataclass
class Source:
    doc_id: str
    title: str
    path: str


@dataclass
class Brief:
    title: str
    lead: list[Quote]
    parts: list[Part]
    figures: list[FigureRow]
    sources: list[Source]

    def quotes(self) -> list[Quote]:
        out = list(self.lead)
        for part in self.parts:
            out.extend(part.quotes())
        return out

    def chars(self) -> int:
        return sum(len(q.text) for q in self.quotes())
