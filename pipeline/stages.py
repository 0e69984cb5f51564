"""The stages that turn an ingested file into a document record, and their order.

A stage is a callable ``Document -> Document`` registered under a name with what it
reads and what it writes, as spaCy components declare theirs::

    @STAGES.register("structure", requires=["doc.text", "work.tables", "work.title"],
                     assigns=["doc.sections"])

Names are ``doc.<field>`` (the record) or ``work.<field>`` (:class:`gongwen.record.Work`).
The order follows from them: a stage runs after the stages that assign what it requires
(a stable topological order: otherwise in the order asked for, then of registration).
:func:`default_pipeline` is every stage the record's fields need; a list of names given
to :func:`run` gets the stages its names require added in front. A requirement no stage
assigns, two stages assigning one thing, and stages requiring each other are errors
(:class:`StageError`) naming the stages. Adding a stage is one module (listed in
:data:`STAGE_MODULES`, whose import registers it); nothing else names it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from gongwen.record import HEAD_FIELDS, Document
from gongwen.registry import Registry

Stage = Callable[[Document], Document]

#: Modules whose import registers stages.
STAGE_MODULES = [
    "gongwen.normalize.stage",
    "gongwen.tables",
    "gongwen.metadata.classify_stage",
    "gongwen.structure.stage",
    "gongwen.metadata.stage",
    "gongwen.extractors",
]

#: What a document holds before any stage runs (the reader's output).
GIVEN = ("doc.source", "doc.warnings", "work.source_text")


class StageError(ValueError):
    """The stages' declarations do not make a pipeline (a requirement unmet, a cycle)."""


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: its function and what it requires and assigns.

    ``requires`` may be a function giving the list when asked (the ``extract`` stage
    requires whatever the registered record kinds read)."""

    name: str
    fn: Stage
    requires_: tuple[str, ...] | Callable[[], Iterable[str]] = ()
    assigns_: tuple[str, ...] | Callable[[], Iterable[str]] = ()

    @property
    def requires(self) -> tuple[str, ...]:
        r = self.requires_
        return tuple(r()) if callable(r) else r

    @property
    def assigns(self) -> tuple[str, ...]:
        a = self.assigns_
        return tuple(a()) if callable(a) else a


class StageRegistry(Registry[StageSpec]):
    """Stages by name, each with its declaration; :meth:`register` takes what it requires and assigns."""

    def __init__(self) -> None:
        super().__init__("stage")

    def register(self, name: str, requires: Iterable[str] | Callable[[], Iterable[str]] = (),  # type: ignore[override]
                 assigns: Iterable[str] | Callable[[], Iterable[str]] = ()) -> Callable[[Stage], Stage]:
        def deco(fn: Stage) -> Stage:
            old = self._items.get(name)
            if old is not None and old.fn is not fn and old.fn.__qualname__ == fn.__qualname__:
                self.remove(name)  # the same module imported again under another name
            self.add(name, StageSpec(name, fn, requires if callable(requires) else tuple(requires),
                                     assigns if callable(assigns) else tuple(assigns)))
            return fn

        return deco

    def spec(self, name: str) -> StageSpec:
        return super().get(name)

    def run(self, name: str, doc: Document) -> Document:
        return self.spec(name).fn(doc)


STAGES = StageRegistry()


def load() -> None:
    for module in STAGE_MODULES:
        importlib.import_module(module)


def _assigners(specs: Iterable[StageSpec]) -> dict[str, str]:
    """What each stage assigns → the stage; two stages assigning one thing is an error."""
    by: dict[str, str] = {}
    for s in specs:
        for a in s.assigns:
            if a in by and by[a] != s.name:
                raise StageError(f"stages {by[a]!r} and {s.name!r} both assign {a!r}")
            by[a] = s.name
    return by


def order(names: Sequence[str], specs: Iterable[StageSpec] | None = None) -> list[str]:
    """``names`` with the stages they require added, in an order where each stage runs
    after those assigning its requirements (stable: ties keep the order of ``names``,
    then of registration). Raises :class:`StageError` for an unmet requirement or a cycle."""
    pool = {s.name: s for s in specs} if specs is not None else {n: STAGES.spec(n) for n in STAGES.names()}
    for n in names:
        if n not in pool:
            raise StageError(f"no stage named {n!r}; known: {', '.join(pool)}")
    by = _assigners(pool.values())
    wanted: list[str] = []

    def need(name: str) -> None:
        if name in wanted:
            return
        wanted.append(name)
        for r in pool[name].requires:
            if r in GIVEN:
                continue
            if r not in by:
                raise StageError(f"stage {name!r} requires {r!r}, which no stage assigns")
            need(by[r])

    for n in names:
        need(n)
    rank: dict[str, int] = {}
    for n in [*names, *pool]:
        rank.setdefault(n, len(rank))
    after = {n: {by[r] for r in pool[n].requires if r in by and by[r] != n} for n in wanted}
    done: list[str] = []
    while len(done) < len(wanted):
        ready = [n for n in wanted if n not in done and after[n] <= set(done)]
        if not ready:
            stuck = sorted((n for n in wanted if n not in done), key=rank.__getitem__)
            raise StageError(f"stages require each other: {', '.join(stuck)}")
        done.append(min(ready, key=rank.__getitem__))
    return done


def record_fields() -> list[str]:
    """What the record holds, as stages name it: ``doc.<field>`` for each of its fields
    and each registered record kind."""
    from gongwen.kinds import names

    return [f"doc.{f}" for f in HEAD_FIELDS if f not in ("schema_version", "doc_id", "source")] + \
        [f"doc.{k}" for k in names()]


def default_pipeline() -> list[str]:
    """The stages that fill every field of the record, in order."""
    load()
    by = _assigners(STAGES.values())
    missing = [f for f in record_fields() if f not in by]
    if missing:
        raise StageError(f"no stage assigns {', '.join(missing)}")
    needed = set(by[f] for f in record_fields())
    return order([n for n in STAGES.names() if n in needed])


def before(name: str, names: Iterable[str] | None = None) -> list[str]:
    """The stages that run before ``name``: ``before("extract")`` gives a document its
    text, tables, outline and metadata, ready for an extractor under test or inspection."""
    names = list(names) if names is not None else default_pipeline()
    return names[: names.index(name)]


def run(doc: Document, names: Iterable[str] | None = None) -> Document:
    """Run ``names`` (default: :func:`default_pipeline`) and the stages they require."""
    load()
    for name in order(list(names)) if names is not None else default_pipeline():
        doc = STAGES.run(name, doc)
    return doc


def __getattr__(name: str) -> list[str]:
    """``DEFAULT_PIPELINE``: :func:`default_pipeline`, computed when first asked for (the
    stage modules it reads import this module)."""
    if name == "DEFAULT_PIPELINE":
        return default_pipeline()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
