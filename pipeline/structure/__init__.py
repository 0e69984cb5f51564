"""Structure: the section outline of a document (marker styles as data, heading
detection, level assignment). :func:`outline` is the library call; the ``structure``
stage lives in :mod:`gongwen.structure.stage`."""

from gongwen.structure.outline import outline

__all__ = ["outline"]
