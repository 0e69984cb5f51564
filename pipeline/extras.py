"""Optional features and the extra that installs each (``pip install 'gongwen[NAME]'``).

Some features need large libraries most users never use: spaCy (~200 MB) for the review
page and the spaCy component, Dask for running a batch on a cluster. They are extras of
pyproject.toml, not dependencies; a feature asked for without its extra stops with one
line saying what to install (:class:`MissingExtra`), never with an ``ImportError``
traceback from deep inside the feature.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass


class MissingExtra(RuntimeError):
    """A feature whose optional libraries are not installed; the message says what to install."""


@dataclass(frozen=True)
class Extra:
    """An extra of pyproject.toml: its name and the modules it brings (import names)."""

    name: str
    modules: tuple[str, ...]

    def missing(self) -> list[str]:
        """The extra's modules that cannot be imported here."""
        return [m for m in self.modules if importlib.util.find_spec(m) is None]

    def require(self, feature: str) -> None:
        """Raise :class:`MissingExtra` naming ``feature`` and the install command when a
        module of this extra is missing."""
        missing = self.missing()
        if missing:
            raise MissingExtra(f"{feature} needs {', '.join(missing)}, which is not installed: "
                               f"pip install 'gongwen[{self.name}]'")


SPACY = Extra("spacy", ("spacy",))
DASK = Extra("dask", ("dask", "distributed"))
