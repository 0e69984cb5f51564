"""Counts in messages said as people say them: ``1 hit``, ``2 hits``, ``no hits``."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` followed by ``word`` (or ``many``, default ``word + "s"``) as the count needs."""
    many = many or f"{word}s"
    return f"no {many}" if n == 0 else f"1 {word}" if n == 1 else f"{n} {many}"
