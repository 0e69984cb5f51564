"""Where the per-file work runs: a registry of executors, name → class.

An executor turns a stream of :class:`Task` into a stream of :class:`Outcome`
(in completion order), keeping at most a bounded window of tasks in flight so
memory stays flat however large the archive. Both executors run the same
worker function, so they produce the same records.

- ``local``: a pool of processes on this machine (pebble).
- ``dask``: a Dask distributed cluster (a LocalCluster when no address is given);
  Dask is the ``dask`` extra, named by the executor's ``extra`` attribute so that asking
  for it without Dask installed says what to install.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol

from gongwen.batch.work import Outcome, Task, prepare, process_one, process_with_limit, timeout_outcome
from gongwen.extras import DASK, Extra
from gongwen.registry import Registry

log = logging.getLogger(__name__)

#: Tasks in flight per worker: enough to keep every worker busy, few enough to bound memory.
WINDOW_PER_WORKER = 4


@dataclass
class ExecutorOptions:
    """``workers``: processes (local) or LocalCluster workers (dask; ignored with a scheduler address).
    ``timeout``: seconds one file may take before its worker is killed and replaced (None: no limit).
    ``max_tasks``: files a local worker process handles before it is replaced (bounds memory growth).
    """

    workers: int
    timeout: float | None = 120.0
    scheduler: str | None = None
    max_tasks: int = 500
    #: Modules each worker imports first (they register extra stages, e.g. in tests).
    plugins: tuple[str, ...] = ()


class Executor(Protocol):
    def __enter__(self) -> Executor: ...
    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...
    def imap(self, tasks: Iterable[Task]) -> Iterator[Outcome]: ...


EXECUTORS: Registry[Callable[[ExecutorOptions], Executor]] = Registry("executor")


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _windowed(tasks: Iterable[Task], window: int, submit: Callable[[Task], Any],
              completed: Callable[[dict[Any, Task]], Iterable[Any]],
              outcome: Callable[[Any, Task], Outcome]) -> Iterator[Outcome]:
    """Keep ``window`` tasks in flight; yield outcomes as they complete."""
    it = iter(tasks)
    pending: dict[Any, Task] = {}

    def fill() -> None:
        while len(pending) < window:
            task = next(it, None)
            if task is None:
                return
            pending[submit(task)] = task

    fill()
    while pending:
        for future in completed(pending):
            task = pending.pop(future)
            yield outcome(future, task)
        fill()


@EXECUTORS.register("local")
class LocalExecutor:
    """Processes on this machine, managed by pebble's ``ProcessPool``.

    Why pebble and not ``concurrent.futures.ProcessPoolExecutor``: the per-file
    time limit needs a worker that overruns it killed and replaced, which
    ProcessPoolExecutor cannot do for one task; pebble does exactly that
    (``schedule(..., timeout=)``) and also recycles workers after ``max_tasks``
    files (bounded memory), like ``multiprocessing.Pool(maxtasksperchild=)``.
    """

    def __init__(self, options: ExecutorOptions) -> None:
        self.options = options
        self._pool: Any = None

    def __enter__(self) -> LocalExecutor:
        from pebble import ProcessPool

        # Load the stages here first: forked workers (the first ones, and those that
        # replace a recycled or killed worker) then start warm instead of re-importing.
        prepare(self.options.plugins)
        self._pool = ProcessPool(max_workers=self.options.workers, max_tasks=self.options.max_tasks,
                                 initializer=prepare, initargs=(self.options.plugins,))
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self._pool.close()
        else:  # interrupted: do not wait for the files in flight
            self._pool.stop()
        self._pool.join()

    def imap(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        def submit(task: Task) -> Future:
            return self._pool.schedule(process_one, args=(task,), timeout=self.options.timeout)

        def completed(pending: dict[Any, Task]) -> Iterable[Any]:
            return wait(pending, return_when=FIRST_COMPLETED).done

        window = self.options.workers * WINDOW_PER_WORKER
        return _windowed(tasks, window, submit, completed, self._outcome)

    def _outcome(self, future: Future, task: Task) -> Outcome:
        from pebble import ProcessExpired

        try:
            return future.result()
        except TimeoutError:
            return timeout_outcome(task, self.options.timeout or 0.0)
        except ProcessExpired as e:  # the worker died under the file: crash, out of memory
            return Outcome(task.path, task.sha256, "error", task.bytes,
                           reason=f"worker process died (exit code {e.exitcode})")
        except Exception as e:  # e.g. a result that could not be pickled back
            return Outcome(task.path, task.sha256, "error", task.bytes, reason=f"{type(e).__name__}: {e}")


@EXECUTORS.register("dask")
class DaskExecutor:
    """Tasks on a Dask distributed cluster, results streamed back with ``as_completed``.

    Without a scheduler address a LocalCluster of ``workers`` single-threaded
    worker processes is started. Workers must have gongwen installed and see the
    files at the same absolute paths (a shared file system). A Dask task cannot
    be killed from outside, so the time limit runs inside the task
    (:func:`process_with_limit`) and the writer restarts the worker that gave up,
    which ends the runaway thread (needs workers run by a nanny, Dask's default).
    A file stuck in C code that holds the GIL freezes its worker instead; Dask's
    worker-ttl and allowed-failures then end it as ``KilledWorker`` (docs/cluster.md).
    """

    #: The optional libraries this executor needs (``pip install 'gongwen[dask]'``).
    extra: Extra = DASK

    def __init__(self, options: ExecutorOptions) -> None:
        self.options = options
        self._tmp = ""
        self._config: Any = None
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> DaskExecutor:
        import dask
        from distributed import Client, LocalCluster

        # Dask spills and writes worker folders under its temporary directory.
        self._tmp = tempfile.mkdtemp(prefix="gongwen-dask-")
        self._config = dask.config.set({"temporary-directory": self._tmp})
        self._config.__enter__()
        try:
            if self.options.scheduler:
                self._client = Client(self.options.scheduler)
            else:
                self._cluster = LocalCluster(n_workers=self.options.workers, threads_per_worker=1,
                                             processes=True, dashboard_address=":0",
                                             local_directory=self._tmp, silence_logs=logging.ERROR)
                self._client = Client(self._cluster)
            self._client.run(prepare, self.options.plugins)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        for closing in (self._client, self._cluster):
            if closing is not None:
                try:
                    closing.close()
                except Exception as e:  # shutting down must not hide the run's own error
                    log.warning("closing Dask: %s", e)
        if self._config is not None:
            self._config.__exit__(None, None, None)
        shutil.rmtree(self._tmp, ignore_errors=True)

    def _slots(self) -> int:
        threads = self._client.nthreads()
        return max(1, sum(threads.values()))

    def imap(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        from distributed import as_completed

        client = self._client
        stream = as_completed()

        def submit(task: Task) -> Any:
            future = client.submit(process_with_limit, task, self.options.timeout, pure=False)
            stream.add(future)
            return future

        def completed(pending: dict[Any, Task]) -> Iterable[Any]:
            return [next(stream)]

        window = self._slots() * WINDOW_PER_WORKER
        return _windowed(tasks, window, submit, completed, self._outcome)

    def _outcome(self, future: Any, task: Task) -> Outcome:
        try:
            outcome: Outcome = future.result()
        except Exception as e:  # the task itself failed on the cluster (e.g. KilledWorker)
            return Outcome(task.path, task.sha256, "error", task.bytes, reason=f"{type(e).__name__}: {e}")
        finally:
            future.release()
        if outcome.status == "timeout" and outcome.worker:
            try:
                self._client.restart_workers([outcome.worker], raise_for_error=False)
            except Exception as e:  # no nanny: the thread runs on, the batch goes on
                log.warning("could not restart Dask worker %s: %s", outcome.worker, e)
        return outcome
