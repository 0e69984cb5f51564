"""Progress of a run: a Rich bar on a terminal, plain periodic log lines otherwise.

Logs (CI, ``nohup``, a cluster job's output file) get one line every
``interval`` seconds instead of a bar redrawn in place, which would fill them
with control characters.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Protocol, TextIO


class Progress(Protocol):
    def __enter__(self) -> Progress: ...
    def __exit__(self, *exc: object) -> None: ...
    def advance(self, status: str) -> None: ...
    def pages(self, added: int = 0, done: int = 0) -> None: ...


def _rate_text(done: int, elapsed: float, total: int) -> str:
    rate = done / elapsed if elapsed > 0 else 0.0
    eta = (total - done) / rate if rate > 0 else float("nan")
    eta_text = f"{eta:.0f} s" if eta == eta else "?"
    return f"{done}/{total} files, {rate:.1f} files/s, eta {eta_text}"


class LogProgress:
    """One line per ``interval`` seconds and one at the end, on ``stream``."""

    def __init__(self, total: int, stream: TextIO | None = None, interval: float = 10.0) -> None:
        self.total, self.stream, self.interval = total, stream or sys.stdout, interval
        self.done = 0
        self.failed = 0
        self.pages_total = self.pages_done = 0

    def __enter__(self) -> LogProgress:
        self.started = self.last = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        self._line()

    def advance(self, status: str) -> None:
        self.done += 1
        self.failed += status in ("unreadable", "timeout", "error")
        self._tick()

    def pages(self, added: int = 0, done: int = 0) -> None:
        """Scanned pages queued for OCR (``added``) and OCR'd (``done``)."""
        self.pages_total += added
        self.pages_done += done
        self._tick()

    def _tick(self) -> None:
        now = time.monotonic()
        if now - self.last >= self.interval:
            self.last = now
            self._line()

    def _line(self) -> None:
        text = _rate_text(self.done, time.monotonic() - self.started, self.total)
        pages = f", OCR {self.pages_done}/{self.pages_total} pages" if self.pages_total else ""
        print(f"[gongwen run] {text}, {self.failed} failed{pages}", file=self.stream, flush=True)


class BarProgress:
    """A Rich progress bar: files done of total, files/s, time remaining."""

    def __init__(self, total: int) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.total = total
        self._bar = Progress(TextColumn("[bold]gongwen run {task.description}"), BarColumn(), MofNCompleteColumn(),
                             TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[failed]} failed"),
                             TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn())
        self._task: Any = None
        self._pages: Any = None
        self.failed = 0

    def __enter__(self) -> BarProgress:
        self._bar.__enter__()
        self._task = self._bar.add_task("files", total=self.total, rate="", failed=0)
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(None, None, None)

    def advance(self, status: str) -> None:
        self.failed += status in ("unreadable", "timeout", "error")
        task = self._bar.tasks[0]
        speed = task.speed or 0.0
        self._bar.update(self._task, advance=1, rate=f"{speed:.1f} files/s", failed=self.failed)

    def pages(self, added: int = 0, done: int = 0) -> None:
        """A second bar, shown from the first scanned page on: pages OCR'd of pages queued."""
        if self._pages is None:
            self._pages = self._bar.add_task("OCR pages", total=0, rate="", failed=self.failed)
        task = next(t for t in self._bar.tasks if t.id == self._pages)
        speed = task.speed or 0.0
        self._bar.update(self._pages, total=(task.total or 0) + added, advance=done,
                         rate=f"{speed:.2f} pages/s")


def progress_for(total: int, show: bool | None = None) -> Progress:
    """A bar when stdout is a terminal (or ``show`` says so), log lines otherwise."""
    tty = sys.stdout.isatty() if show is None else show
    return BarProgress(total) if tty else LogProgress(total)
