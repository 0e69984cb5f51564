"""The page scheduler of a run: a scan's pages go out before any new file, and the
file goes out again, OCR on, once its last page is back (whatever became of it)."""

from __future__ import annotations

from gongwen.batch.pages import PageScheduler
from gongwen.batch.work import Outcome, Task


class Pages:
    def __init__(self) -> None:
        self.added = self.done = 0

    def pages(self, added: int = 0, done: int = 0) -> None:
        self.added += added
        self.done += done


def task(path: str) -> Task:
    return Task(path=path, read_path=f"/abs/{path}", sha256="0" * 64, bytes=1, pipeline=("normalize",))


def test_pages_first_then_the_file_again_with_ocr_on() -> None:
    bar = Pages()
    scheduler = PageScheduler(iter([task("scan.pdf"), task("a.txt")]), bar, "defer", "/cache")
    first = next(scheduler)
    assert (first.path, first.ocr, first.ocr_cache, first.page) == ("scan.pdf", "defer", "/cache", None)
    assert scheduler.absorb(Outcome("scan.pdf", first.sha256, "ocr", 1, pages=(1, 3)))
    pages = [next(scheduler), next(scheduler)]
    assert [(t.path, t.page) for t in pages] == [("scan.pdf", 1), ("scan.pdf", 3)] and bar.added == 2
    assert next(scheduler).path == "a.txt"  # nothing else ready: the next file
    assert scheduler.absorb(Outcome("scan.pdf", None, "page", 1))
    assert scheduler.absorb(Outcome("scan.pdf", None, "timeout", 1))  # a failed page counts as back
    again = next(scheduler)
    assert (again.path, again.page, again.ocr) == ("scan.pdf", None, "on") and bar.done == 2
    assert not scheduler.absorb(Outcome("scan.pdf", "0" * 64, "ok", 1, record="{}"))
    assert not scheduler.absorb(Outcome("a.txt", "0" * 64, "ok", 1, record="{}"))


def test_a_dry_scheduler_refills_after_an_outcome() -> None:
    scheduler = PageScheduler(iter([task("scan.pdf")]), Pages(), "defer", None)
    first = next(scheduler)
    assert next(scheduler, None) is None  # dry while the file's first task is out
    scheduler.absorb(Outcome(first.path, first.sha256, "ocr", 1, pages=(2,)))
    assert next(scheduler).page == 2
