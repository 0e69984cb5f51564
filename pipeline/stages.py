"""The ordered stages that turn an ingested file into a document record.

A stage is a callable ``Document -> Document`` registered under a name
(``@STAGES.register("structure")``); :data:`DEFAULT_PIPELINE` is the order they
run in. Adding a stage is one module (listed in :data:`STAGE_MODULES`, whose
import registers it) and one name in the pipeline list.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from gongwen.record import Document
from gongwen.registry import Registry

Stage = Callable[[Document], Document]
STAGES: Registry[Stage] = Registry("stage")

#: Modules whose import registers stages.
STAGE_MODULES = [
    "gongwen.normalize.stage",
    "gongwen.tables",
    "gongwen.structure.stage",
    "gongwen.metadata.stage",
    "gongwen.extractors",
]

#: The stages of a full run, in order.
DEFAULT_PIPELINE = [
    "normalize",
    "tables",
    "structure",
    "metadata",
    "extract",
]


def before(name: str, names: Iterable[str] = DEFAULT_PIPELINE) -> list[str]:
    """The stages that run before ``name``: ``before("extract")`` gives a document its
    text, tables, outline and metadata, ready for an extractor under test or inspection."""
    names = list(names)
    return names[: names.index(name)]


def load() -> None:
    for module in STAGE_MODULES:
        importlib.import_module(module)


def run(doc: Document, names: Iterable[str] = DEFAULT_PIPELINE) -> Document:
    load()
    for name in names:
        doc = STAGES.get(name)(doc)
    return doc
