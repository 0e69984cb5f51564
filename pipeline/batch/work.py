"""The per-file work that runs in a worker process, local or on a Dask cluster.

Workers never touch the store: they return an :class:`Outcome` holding the
record as JSON text (small and picklable), and the single writer in the parent
process stores it. Everything a worker needs travels in the :class:`Task`, so the
same function runs unchanged under any executor.
"""

from __future__ import annotations

import importlib
import threading
import time
from dataclasses import dataclass, field
from typing import Literal

#: ``ocr``: the file has scanned pages to OCR first (``Outcome.pages``); ``page``: one
#: page OCR'd into the cache (:mod:`gongwen.batch.pages`). Neither is a finished file.
Status = Literal["ok", "unreadable", "timeout", "error", "ocr", "page"]

#: Longest failure reason kept (an exception message can be a whole document).
MAX_REASON = 500


@dataclass(frozen=True)
class Task:
    """One file to process.

    ``path`` is the path as given or discovered and is what the record's
    ``source.path`` says, identically under every executor; ``read_path`` is the
    absolute path a worker opens, so workers whose working directory differs from
    the caller's (a Dask cluster) read the same file.
    """

    path: str
    read_path: str
    sha256: str
    bytes: int
    pipeline: tuple[str, ...]
    #: Modules a worker imports before its first file (they register extra stages).
    plugins: tuple[str, ...] = ()
    #: OCR of scanned pages: ``defer`` (report them as ``ocr``), ``on``, ``off`` (--no-ocr).
    ocr: str = "on"
    #: The OCR cache folder, the same for every worker (None: the default).
    ocr_cache: str | None = None
    #: A page task: OCR this page (1-based) of the file into the cache; no record.
    page: int | None = None


@dataclass
class Outcome:
    """What became of one task; ``record`` is the document record as JSON when ``status`` is ok."""

    path: str
    sha256: str | None
    status: Status
    bytes: int = 0
    record: str | None = None
    reason: str | None = None
    seconds: float = 0.0
    #: Address of the Dask worker that gave up on the file (so the writer can restart it).
    worker: str | None = field(default=None, compare=False)
    #: With status ``ocr``: the scanned pages (1-based) to OCR before the file is read.
    pages: tuple[int, ...] = ()


_prepared: set[tuple[str, ...]] = set()


def prepare(plugins: tuple[str, ...] = ()) -> None:
    """Import the stages (and any plugin modules) once per worker process.

    Done before the first file so that the per-file time limit measures the
    file's own work, not the worker's start-up imports.
    """
    if plugins in _prepared:
        return
    from gongwen import stages

    for module in plugins:
        importlib.import_module(module)
    stages.load()
    _prepared.add(plugins)
    _warm_up()


#: A tiny document run through the pipeline once per worker, so that libraries the stages
#: load lazily (dictionaries, converters) are loaded before the first timed file.
WARM_UP_TEXT = "关于加强机关工作的规定\n第一条 会议每月召开一次，须有半数以上成员到会。\n第二条 本规定自发布之日起施行。\n"


def _warm_up() -> None:
    from gongwen.ingest import formats
    from gongwen.process import process_text

    formats()  # imports the reader modules
    try:
        process_text(WARM_UP_TEXT, path="warm-up.txt")
    except Exception:  # a stage's bug shows on the real files, with their names
        pass


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def process_one(task: Task) -> Outcome:
    """Run the pipeline over one file; never raises for a bad file or a failing stage."""
    from gongwen.errors import InputError
    from gongwen.ingest import ocr, read
    from gongwen.process import process

    prepare(task.plugins)
    started = time.perf_counter()
    # Set here, in the thread that reads: a new thread (process_with_limit) starts
    # with a fresh context, so the policy cannot be set by the caller.
    ocr.POLICY.set(ocr.Policy(mode=task.ocr, cache=task.ocr_cache))
    try:
        if task.page is not None:
            from gongwen.ingest.scan import ocr_file_page

            ocr_file_page(task.read_path, task.page)
            return Outcome(task.path, task.sha256, "page", task.bytes, seconds=time.perf_counter() - started)
        ingested = read(task.read_path)
        # The record names the file as the caller does, whichever path the worker opened.
        ingested.source.path = task.path
        doc = process(ingested, task.pipeline)
        record = doc.to_json()
    except ocr.OcrDeferred as e:
        return Outcome(task.path, task.sha256, "ocr", task.bytes, pages=tuple(e.pages),
                       seconds=time.perf_counter() - started)
    except InputError as e:
        return Outcome(task.path, task.sha256, "unreadable", task.bytes, reason=_one_line(e.reason),
                       seconds=time.perf_counter() - started)
    except Exception as e:  # a failing stage must not stop the batch; the reason is kept
        return Outcome(task.path, task.sha256, "error", task.bytes,
                       reason=_one_line(f"{type(e).__name__}: {e}"), seconds=time.perf_counter() - started)
    return Outcome(task.path, doc.source.sha256, "ok", task.bytes, record=record,
                   seconds=time.perf_counter() - started)


def timeout_outcome(task: Task, limit: float, worker: str | None = None) -> Outcome:
    return Outcome(task.path, task.sha256, "timeout", task.bytes,
                   reason=f"took longer than the {limit:g} s limit per file", seconds=limit, worker=worker)


def process_with_limit(task: Task, limit: float | None) -> Outcome:
    """:func:`process_one` in a helper thread, giving up after ``limit`` seconds.

    For executors that cannot kill a task themselves (a Dask worker runs tasks in
    threads): the outcome comes back on time with the worker's address, and the
    writer restarts that worker to end the runaway thread.
    """
    if limit is None:
        return process_one(task)
    box: list[Outcome] = []

    def target() -> None:
        try:
            box.append(process_one(task))
        except BaseException as e:  # SystemExit and the like from a stage
            box.append(Outcome(task.path, task.sha256, "error", task.bytes,
                               reason=_one_line(f"{type(e).__name__}: {e}")))

    thread = threading.Thread(target=target, name=f"gongwen:{task.path}", daemon=True)
    thread.start()
    thread.join(limit)
    if thread.is_alive() or not box:
        return timeout_outcome(task, limit, worker=_dask_worker_address())
    return box[0]


def _dask_worker_address() -> str | None:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return None
