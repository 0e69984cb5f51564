"""The registry of record kinds: everything the rest of gongwen needs to know about one
kind of record (duties, meeting rules, figures, budget rows, sections), in one place.

A kind is declared once, beside the code that finds its records, as a
:class:`RecordKind` registered with :func:`register`: its name (the record's JSON key
and its store table), a short name for the command line (``meetings``), its dataclass,
its extractor, what the extractor reads, its store columns and how a record becomes a
row, its full-text columns, and how it is counted, shown and marked for review.
Serialization (:mod:`gongwen.record`), the store's insert and tables
(:mod:`gongwen.store`), the run summary, ``--show``, ``review``, ``search`` and the web
pages read this registry, so a new kind is one package plus its registration and
touches none of them.

The built-in kinds are registered by the modules in :data:`KIND_MODULES`, one beside
each extractor package (``extractors/duties_kind.py`` beside ``extractors/duties/``);
:func:`all_kinds` imports them first. They name their extractor as ``module:function``,
imported when a document is first extracted, so that reading a store (search, the web
pages) does not load the extractors and their patterns. A kind registered elsewhere
(a plugin, a test) joins as soon as its module is imported.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gongwen.registry import Registry

if TYPE_CHECKING:
    from rich.table import Table

    from gongwen.record import Document
    from gongwen.review import Mark

#: Modules whose import registers the built-in kinds.
KIND_MODULES = [
    "gongwen.structure_kind",
    "gongwen.extractors.duties_kind",
    "gongwen.extractors.meetings_kind",
    "gongwen.extractors.figures_kind",
    "gongwen.extractors.budget_kind",
]


@dataclass(frozen=True)
class Column:
    """One store column of a kind's table (besides ``id`` and ``doc_id``): name and SQLite type."""

    name: str
    type: str = "TEXT"


@dataclass(frozen=True)
class FullText:
    """What the kind's full-text index holds: SQL expressions over the row (alias ``t``)
    for its own ``words`` and for its ``context`` (what names it: organ, section path,
    the document's title and region)."""

    words: str
    context: str


@dataclass(frozen=True)
class Searched:
    """How ``gongwen search --in SHORT`` finds and shows a row: SQL expressions over the
    row (``t``) for the hit's key, text, organ and section path; BM25 weights of the
    ``words`` and ``context`` columns; the figure's own text (figures only); and the text
    the substring fallback scans when jieba cut a word differently (default: ``text``)."""

    key: str
    text: str
    organ: str = "NULL"
    section_path: str = "t.section_path"
    weights: tuple[float, float] = (1.0, 0.5)
    figure: str = "NULL"
    substring: str = ""


Extractor = Callable[["Document"], list[Any]]
#: The rows of a document's records of one kind, each the values of the kind's ``columns``;
#: the second argument gives the section path text (``一、职责 › （三）…``) of a section id.
Rows = Callable[["Document", Callable[[str | None], str]], Iterable[tuple[Any, ...]]]


@dataclass(frozen=True, eq=False)
class RecordKind:
    """One kind of record and everything that handles it; see the module docstring.

    ``extract`` is the extractor, or its ``module:function`` (imported when first run),
    or ``None`` for a kind a stage fills (``sections``, by ``structure``).
    ``requires`` names what the extractor reads, as the stages name what they assign
    (``doc.sections``, ``work.tables``) or another kind (``kind.figures``, which then
    runs first). ``order`` places the kind's list in the record JSON among the kinds
    (the JSON is a contract: its key order must not depend on import order).
    ``rows`` turns a document's records into rows holding the values of ``columns``.
    """

    name: str
    record: type
    extract: Extractor | str | None
    order: int
    columns: tuple[Column, ...]
    rows: Rows
    short: str = ""
    requires: tuple[str, ...] = ()
    full_text: FullText | None = None
    search: Searched | None = None
    #: the words of the count in ``gongwen run``'s summary (None: not counted there)
    label: str | None = None
    #: the kind's name on the web pages
    title_zh: str = ""
    show: Callable[[Document], Table] | None = None
    marks: Callable[[Document], Iterable[Mark]] | None = None
    #: review-page colours by label (the label's part before `` · ``)
    colors: dict[str, str] = field(default_factory=dict)
    #: the records as the web page's document view marks them: (record id, start, end, one-line label)
    page_marks: Callable[[Document], Iterable[tuple[str, int, int, str]]] | None = None
    #: the CSS class of those marks (default ``k-<short name>``)
    css: str = ""
    #: the kind's card on the web page of a document: Jinja source (``doc`` is the document)
    card: str | None = None
    #: one record from its JSON object (default: the dataclass read field by field)
    read: Callable[[dict[str, Any]], Any] | None = None

    @property
    def cli(self) -> str:
        """The name the command line and the web pages use (``meetings`` for ``meeting_rules``)."""
        return self.short or self.name

    @property
    def table(self) -> str:
        return self.name

    @property
    def view(self) -> str:
        """The view joining each row to its document's facts (``v_meetings``)."""
        return f"v_{self.cli}"

    def run(self, doc: Document) -> list[Any]:
        """The kind's records in ``doc``, by its extractor."""
        fn = self.extract
        if isinstance(fn, str):
            module, _, name = fn.partition(":")
            fn = getattr(importlib.import_module(module), name)
        if fn is None:
            raise ValueError(f"record kind {self.name!r} has no extractor (a stage fills it)")
        return fn(doc)  # type: ignore[no-any-return]

    def from_json(self, data: dict[str, Any]) -> Any:
        if self.read is not None:
            return self.read(data)
        from gongwen.record import from_plain

        return from_plain(self.record, data)


KINDS: Registry[RecordKind] = Registry("record kind")


#: Names a kind may not take: the record's other fields.
RESERVED = ("schema_version", "doc_id", "source", "title", "doc_type", "region", "organization", "year",
            "script", "text", "warnings", "documents")


def register(kind: RecordKind) -> RecordKind:
    """Register ``kind`` under its name; its short name must not name another kind."""
    if kind.name in RESERVED or kind.cli in RESERVED:
        raise ValueError(f"record kind {kind.name!r}: {kind.cli!r} names a field of the record or a store table")
    for other in KINDS.values():
        if other.name != kind.name and kind.cli in (other.name, other.cli):
            raise ValueError(f"record kind {kind.name!r}: the name {kind.cli!r} is taken by {other.name!r}")
    return KINDS.add(kind.name, kind)


def load() -> None:
    for module in KIND_MODULES:
        importlib.import_module(module)


def all_kinds() -> list[RecordKind]:
    """Every registered kind, in record order."""
    load()
    return sorted(KINDS.values(), key=lambda k: k.order)


def get(name: str) -> RecordKind:
    """The kind called ``name``, by its record name (``meeting_rules``) or its short name (``meetings``)."""
    for kind in all_kinds():
        if name in (kind.name, kind.cli):
            return kind
    raise KeyError(f"no record kind named {name!r}; known: {', '.join(k.cli for k in all_kinds())}")


def names() -> list[str]:
    """Record names (JSON keys, store tables) of every kind, in record order."""
    return [k.name for k in all_kinds()]


def short_names(having: str | None = None) -> list[str]:
    """Command-line names of every kind (that has ``having`` set: ``show``, ``marks``, ``search``):
    the extracted kinds first, in record order (the first is what a command does by
    default), then the kinds a stage fills (the outline)."""
    return [k.cli for k in sorted(all_kinds(), key=lambda k: k.extract is None)
            if having is None or getattr(k, having) is not None]


def extracted() -> list[RecordKind]:
    """The kinds an extractor fills, in the order they run: one a kind requires
    (``kind.figures``) runs before it, the others in record order."""
    todo = [k for k in all_kinds() if k.extract is not None]
    by_name = {k.name: k for k in todo}
    done: list[RecordKind] = []
    seen: set[str] = set()

    def visit(k: RecordKind, path: tuple[str, ...]) -> None:
        if k.name in seen:
            return
        if k.name in path:
            raise ValueError(f"record kinds require each other: {' → '.join((*path, k.name))}")
        for req in k.requires:
            if req.startswith("kind."):
                other = by_name.get(req[5:])
                if other is None:
                    raise ValueError(f"record kind {k.name!r} requires {req!r}, which no extractor fills")
                visit(other, (*path, k.name))
        seen.add(k.name)
        done.append(k)

    for k in todo:
        visit(k, ())
    return done


def requirements() -> list[str]:
    """What the extractors read from the stages before ``extract`` (``doc.sections``, …)."""
    out: list[str] = []
    for k in all_kinds():
        if k.extract is not None:
            out += [r for r in k.requires if not r.startswith("kind.") and r not in out]
    return out
