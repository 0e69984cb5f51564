"""Bulk processing of archives, on one machine or a Dask cluster (``gongwen run``).

- :mod:`~gongwen.batch.discover`: which files, hashed before any work;
- :mod:`~gongwen.batch.work`: the per-file function workers run;
- :mod:`~gongwen.batch.executors`: where it runs (registry: ``local``, ``dask``);
- :mod:`~gongwen.batch.runner`: the single writer that stores results as they come;
- :mod:`~gongwen.batch.progress`, :mod:`~gongwen.batch.summary`: what the user sees.
"""

from gongwen.batch.executors import EXECUTORS, ExecutorOptions
from gongwen.batch.runner import DEFAULT_TIMEOUT, run
from gongwen.batch.summary import RunSummary

__all__ = ["DEFAULT_TIMEOUT", "EXECUTORS", "ExecutorOptions", "RunSummary", "run"]
