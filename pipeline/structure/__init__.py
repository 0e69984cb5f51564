"""Structure: the section outline of a document (marker styles as data, heading
detection, level assignment). :func:`outline` is the library call; the ``structure``
stage lives in :mod:`pipeline.structure.stage`."""

from pipeline.structure.outline import outline

__all__ = ["outline"]
