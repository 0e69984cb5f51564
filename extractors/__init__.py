"""Extractors: one module per kind of record, each registered under the name of
the record field it fills (``figures``, ``duties``, ``meeting_rules``,
``budget_items``).

An extractor is a pure function ``Document -> list[record]``: it reads the
normalized text, the outline and the tables, and returns its records; the
``extract`` stage assigns them. A new extractor is one module plus its name in
:data:`EXTRACTOR_MODULES`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from gongwen.record import Document
from gongwen.registry import Registry
from gongwen.stages import STAGES

Extractor = Callable[[Document], list[Any]]
EXTRACTORS: Registry[Extractor] = Registry("extractor")

#: Extractor modules, in the order they run (figures first: others may read them).
EXTRACTOR_MODULES: list[str] = ["figures", "duties", "meetings", "budget"]


def load() -> None:
    for module in EXTRACTOR_MODULES:
        importlib.import_module(f"gongwen.extractors.{module}")


@STAGES.register("extract")
def extract_stage(doc: Document) -> Document:
    load()
    for name in EXTRACTORS.names():
        setattr(doc, name, EXTRACTORS.get(name)(doc))
    return doc
