"""Page-parallel OCR in a run: a scanned file's pages become tasks of their own.

OCR takes seconds per page, so a 20-page scan read as one task would hold one
worker for minutes (and overrun the per-file time limit) while the others idle.
Instead the file's first task, run with OCR deferred, only finds which pages are
scans (``Outcome.status == "ocr"``); :class:`PageScheduler` then feeds the
executor one task per page, ahead of any new file, so every worker (local or
Dask) OCRs a page of it; each page's result lands in the OCR cache keyed by the
page image's hash. When the last page is back, the file's task runs again with
OCR on and finds every page in the cache. An interrupted run therefore resumes
without OCR'ing a page twice, and a page task that failed or timed out is simply
OCR'd inside the file's own task (whose failure, if any, is the file's).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import replace

from gongwen.batch.progress import Progress
from gongwen.batch.work import Outcome, Task


class PageScheduler:
    """The task stream an executor pulls from: queued page and file tasks first, then
    the next file of discovery. It may run dry (``StopIteration``) and refill once an
    outcome is absorbed, which is how the executor's window (``_windowed``) pulls."""

    def __init__(self, files: Iterator[Task], bar: Progress, ocr: str, ocr_cache: str | None) -> None:
        self._files, self._bar = files, bar
        self._ocr, self._cache = ocr, ocr_cache
        self._ready: deque[Task] = deque()
        self._in_flight: dict[str, Task] = {}
        #: path → [the file's task to run once its pages are done, pages left]
        self._waiting: dict[str, list] = {}

    def __iter__(self) -> PageScheduler:
        return self

    def __next__(self) -> Task:
        if self._ready:
            return self._ready.popleft()
        task = replace(next(self._files), ocr=self._ocr, ocr_cache=self._cache)
        self._in_flight[task.path] = task
        return task

    def absorb(self, outcome: Outcome) -> bool:
        """Take an outcome that is a step of page OCR (True), or let a finished file's
        outcome through to be stored (False)."""
        waiting = self._waiting.get(outcome.path)
        if waiting is not None:  # one of the file's page tasks, whatever became of it
            waiting[1] -= 1
            self._bar.pages(done=1)
            if waiting[1] == 0:
                del self._waiting[outcome.path]
                self._ready.append(waiting[0])
            return True
        task = self._in_flight.pop(outcome.path, None)
        if outcome.status != "ocr" or task is None:
            return False
        self._ready.extend(replace(task, page=n) for n in outcome.pages)
        self._waiting[outcome.path] = [replace(task, ocr="on"), len(outcome.pages)]
        self._bar.pages(added=len(outcome.pages))
        return True
