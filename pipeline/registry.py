"""Named registries, the spaCy way: a component is registered under a name and
pipelines are ordered lists of names, so adding a stage or an extractor is one
module plus one registration, never a new branch in an if-chain.

Items are usually callables registered by decorator (``@READERS.register("pdf")``);
plain data (a :class:`gongwen.kinds.RecordKind`) is registered with :meth:`Registry.add`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """A mapping from names to items, in the order they were registered."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str) -> Callable[[T], T]:
        def deco(item: T) -> T:
            return self.add(name, item)

        return deco

    def add(self, name: str, item: T) -> T:
        """Register ``item`` under ``name``; registering the same item again is harmless
        (a module imported twice), a different one under a taken name is an error."""
        if name in self._items and self._items[name] is not item and self._items[name] != item:
            raise ValueError(f"{self.kind} {name!r} is registered twice")
        self._items[name] = item
        return item

    def remove(self, name: str) -> None:
        """Forget ``name`` (a plugin or a test that registered it is done with it)."""
        self._items.pop(name, None)

    def get(self, name: str) -> T:
        try:
            return self._items[name]
        except KeyError:
            raise KeyError(f"no {self.kind} named {name!r}; known: {', '.join(self._items)}") from None

    def names(self) -> list[str]:
        return list(self._items)

    def values(self) -> list[T]:
        return list(self._items.values())

    def __contains__(self, name: str) -> bool:
        return name in self._items
