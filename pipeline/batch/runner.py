"""Process an archive into a store: discovery, skipping what is done, parallel work, one writer.

The parent process is the only one that opens the store. It hashes each file
before submitting it, so that files already stored (same path, same bytes),
duplicates (same bytes under another name) and files that failed before with
the same bytes are never sent to a worker; every finished file is stored in its
own transaction at once, so a run killed at any point resumes where it stopped
when started again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from gongwen.batch.discover import discover, sha256_of
from gongwen.batch.executors import EXECUTORS, ExecutorOptions, default_workers
from gongwen.batch.pages import PageScheduler
from gongwen.batch.progress import Progress, progress_for
from gongwen.batch.summary import RunSummary
from gongwen.batch.work import Outcome, Task
from gongwen.errors import InputError
from gongwen.ingest.ocr import default_cache_dir
from gongwen.record import Document
from gongwen.store import Store

#: Seconds one file may take before its worker is killed (a pathological file must not stall a batch).
DEFAULT_TIMEOUT = 120.0

#: Shown in the summary for a duplicate of a document stored by an earlier run.
STORED_EARLIER = "(stored earlier)"


def run(paths: Iterable[str | Path], db: str | Path, executor: str = "local", *,
        workers: int | None = None, timeout: float | None = DEFAULT_TIMEOUT, scheduler: str | None = None,
        retry_failed: bool = False, pipeline: Sequence[str] | None = None, plugins: Sequence[str] = (),
        max_tasks: int = 500, show_progress: bool | None = None, follow_links: bool = False,
        ocr: bool = True) -> RunSummary:
    """Process every new or changed file under ``paths`` into the store ``db``.

    ``executor`` names an entry of :data:`EXECUTORS` (``local``, ``dask``);
    ``scheduler`` is a Dask scheduler address. ``pipeline`` (stage names) and
    ``plugins`` (modules workers import first) default to the full pipeline.
    Files that failed before with the same bytes are skipped unless
    ``retry_failed``. Links leading out of a given folder are recorded as
    failures with the reason and not read, unless ``follow_links``. Scanned pages are OCR'd
    one task per page (:mod:`gongwen.batch.pages`), or not at all when ``ocr`` is false (the
    file is then a failure saying so). Raises ``InputError`` for a path that does not exist,
    ``KeyError`` for an unknown executor and ``MissingExtra`` for one whose optional libraries
    are not installed; a file's own failure never raises.
    """
    from gongwen import stages

    make_executor = EXECUTORS.get(executor)
    extra = getattr(make_executor, "extra", None)
    if extra is not None:
        extra.require(f"--executor {executor}")
    found = discover(paths, follow_links=follow_links)
    summary = RunSummary(found=len(found.files), skipped=found.skipped)
    options = ExecutorOptions(workers=workers or default_workers(), timeout=timeout, scheduler=scheduler,
                              max_tasks=max_tasks, plugins=tuple(plugins))
    names = tuple(pipeline or stages.DEFAULT_PIPELINE)
    started = time.perf_counter()
    with Store.open(db) as store, progress_for(len(found.files), show_progress) as bar:
        failed_before = {f.path: f.sha256 for f in store.failures()}
        for path, reason in found.refused.items():
            store.put_failure(path, None, "unreadable", reason)
            summary.failures["unreadable"] += 1
        tasks = PageScheduler(
            _tasks(found.files, store, summary, bar, failed_before, retry_failed, names, options.plugins),
            bar, "defer" if ocr else "off", str(default_cache_dir().resolve()))
        try:
            with make_executor(options) as pool:
                for outcome in pool.imap(tasks):
                    if tasks.absorb(outcome):
                        continue
                    summary.add(outcome, _write(store, outcome))
                    bar.advance(outcome.status)
        except KeyboardInterrupt:
            summary.interrupted = True
    summary.seconds = time.perf_counter() - started
    return summary


def _tasks(files: list[str], store: Store, summary: RunSummary, bar: Progress,
           failed_before: dict[str, str | None], retry_failed: bool, names: tuple[str, ...],
           plugins: tuple[str, ...]) -> Iterator[Task]:
    """The files that need work, hashed one at a time as the executor asks for more."""
    first_with: dict[str, str] = {}
    for path in files:
        try:
            sha, size = sha256_of(path)
        except OSError as e:
            store.put_failure(path, None, "unreadable", f"cannot read: {e.strerror or e}")
            summary.failures["unreadable"] += 1
            bar.advance("unreadable")
            continue
        if store.known(path, sha):
            summary.unchanged += 1
        elif sha in first_with:
            summary.duplicates[path] = first_with[sha]
        elif store.has_sha(sha):
            summary.duplicates[path] = STORED_EARLIER
        elif not retry_failed and path in failed_before and failed_before[path] == sha:
            summary.failed_before += 1
        else:
            first_with[sha] = path
            yield Task(path=path, read_path=os.path.abspath(path), sha256=sha, bytes=size,
                       pipeline=names, plugins=plugins)
            continue
        bar.advance("skipped")


def _write(store: Store, outcome: Outcome) -> str | None:
    """Store one outcome (the record, or the failure); returns what ``Store.put`` did."""
    if outcome.status == "ok" and outcome.record is not None:
        try:
            return store.put(Document.from_json(outcome.record), outcome.record)
        except InputError:  # the store itself is unusable (busy past waiting): the run stops
            raise
        except Exception as e:  # a record the store refuses is this file's failure, not the run's
            outcome.status, outcome.reason = "error", f"could not store the record: {type(e).__name__}: {e}"
    store.put_failure(outcome.path, outcome.sha256, outcome.status, outcome.reason or outcome.status)
    return None
