"""gongwen: document intelligence for Chinese official texts.

The pipeline reads a file (:mod:`gongwen.ingest`), normalizes its text
(:mod:`gongwen.normalize`), and runs an ordered list of registered stages over
one :class:`gongwen.record.Document` (:mod:`gongwen.stages`).
"""

__version__ = "0.1.0"
