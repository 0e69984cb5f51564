"""Bulk processing of archives, on one machine or a Dask cluster (``gongwen run``).

- :mod:`~pipeline.batch.discover`: which files, hashed before any work;
- :mod:`~pipeline.batch.work`: the per-file function workers run;
- :mod:`~pipeline.batch.executors`: where it runs (registry: ``local``, ``dask``);
- :mod:`~pipeline.batch.runner`: the single writer that stores results as they come;
- :mod:`~pipeline.batch.progress`, :mod:`~pipeline.batch.summary`: what the user sees.
"""

from pipeline.batch.executors import EXECUTORS, ExecutorOptions
from pipeline.batch.runner import DEFAULT_TIMEOUT, run
from pipeline.batch.summary import RunSummary

__all__ = ["DEFAULT_TIMEOUT", "EXECUTORS", "ExecutorOptions", "RunSummary", "run"]
