"""Test-only stages for the batch tests.

Workers import this module as a plugin (``run(..., plugins=["batch_hooks"])``),
which registers the stages below; production code never imports it. Each stage
reacts to a marker in the file's name, so one archive can hold a file that
hangs, one that raises, and ordinary ones.
"""

from __future__ import annotations

import time
from pathlib import Path

from gongwen.record import Document
from gongwen.stages import STAGES

#: A file whose name holds this never finishes (it sleeps far past any test's limit).
HANG_MARK = "HANG"
#: A file whose name holds this makes the stage raise, as a buggy extractor would.
RAISE_MARK = "RAISE"
#: Seconds the ``test-delay`` stage spends on every file (to make a run slow enough to kill).
DELAY = 0.05


@STAGES.register("test-hang-on-mark")
def hang_on_mark(doc: Document) -> Document:
    if HANG_MARK in Path(doc.source.path).name:
        time.sleep(3600)
    return doc


@STAGES.register("test-raise-on-mark")
def raise_on_mark(doc: Document) -> Document:
    if RAISE_MARK in Path(doc.source.path).name:
        raise ValueError(f"cannot handle {Path(doc.source.path).name}")
    return doc


@STAGES.register("test-delay")
def delay(doc: Document) -> Document:
    time.sleep(DELAY)
    return doc
