"""Normalizer (minimal placeholder being replaced by the normalizer work)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Normalized:
    text: str
    offsets: list[int]
    script: str = "simplified"
    warnings: list[str] = field(default_factory=list)


def normalize(text: str) -> Normalized:
    return Normalized(text=text, offsets=list(range(len(text) + 1)))
