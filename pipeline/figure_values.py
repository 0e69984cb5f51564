"""A figure's value as numbers SQL can compare (the record keeps it as JSON: a number, a
``[low, high]`` range, a ``[a, b]`` ratio or an ISO date text)."""

from __future__ import annotations

import json
from typing import Any

FigureColumns = tuple[float | None, float | None, float | None, str | None, str | None]


def _num(x: Any) -> float | None:
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None


def figure_columns(kind: str | None, value: Any) -> FigureColumns:
    """``(value_num, value_low, value_high, date_from, date_to)`` for a figure.

    ``value`` may be the JSON text the store keeps or the decoded value. A range gives
    its bounds and no single number; a ratio ``[a, b]`` gives ``a / b``; a date (or date
    range) gives ISO texts and no numbers.
    """
    if isinstance(value, str) and kind != "date":
        try:
            value = json.loads(value)
        except ValueError:
            return None, None, None, None, None
    if kind == "date":
        if isinstance(value, str) and value.startswith('"'):
            value = json.loads(value)
        if isinstance(value, str) and value.startswith("["):
            value = json.loads(value)
        if isinstance(value, list) and len(value) == 2:
            return None, None, None, str(value[0]), str(value[1])
        return (None, None, None, str(value), str(value)) if value is not None else (None, None, None, None, None)
    if kind == "ratio" and isinstance(value, list) and len(value) == 2:
        a, b = _num(value[0]), _num(value[1])
        return (a / b if a is not None and b else None), a, b, None, None
    if isinstance(value, list) and len(value) == 2:
        return None, _num(value[0]), _num(value[1]), None, None
    n = _num(value)
    return n, n, n, None, None
