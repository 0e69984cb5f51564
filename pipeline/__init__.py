"""gongwen: document intelligence for Chinese official texts.

The pipeline reads a file (:mod:`pipeline.ingest`), normalizes its text
(:mod:`pipeline.normalize`), and runs an ordered list of registered stages over
one :class:`pipeline.record.Document` (:mod:`pipeline.stages`).
"""

__version__ = "0.1.0"
