"""Calendar pieces of a date figure and how they become ISO text.

A date is read into :class:`DateParts` (year, month, day, any of them missing);
the year is filled in afterwards from the document's year or the nearest
preceding dated figure of the paragraph (RECORDS.md, "Figures"), so reading and
resolving are two steps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Years of the Republic of China count from 1912: 民国94年 = 2005.
ROC_OFFSET = 1911


@dataclass
class DateParts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    #: `同月`/`当月`: the month is the one of the previous date; `次月`: the month after it
    relative_month: int | None = None
    #: `次日`/`翌日`: the day after the previous date
    next_day: bool = False
    #: `本年`/`去年` (anchor ``current``) or `同年`/`次年` (anchor ``previous``) before the month:
    #: (anchor, offset in years), resolved once the anchor year is known
    relative_year: tuple[str, int] | None = None

    def iso(self) -> str:
        """ISO text as precise as written; yearless forms are ``--MM-DD``, ``--MM``, ``---DD``."""
        y, m, d = self.year, self.month, self.day
        if y is not None:
            out = f"{y:04d}"
            if m is not None:
                out += f"-{m:02d}"
                if d is not None:
                    out += f"-{d:02d}"
            return out
        if m is not None:
            return f"--{m:02d}" + (f"-{d:02d}" if d is not None else "")
        if d is not None:
            return f"---{d:02d}"
        return ""

    def valid(self) -> bool:
        if self.month is not None and not 1 <= self.month <= 12:
            return False
        if self.day is not None and not 1 <= self.day <= 31:
            return False
        return True


def roc_year(value: int) -> int:
    return value + ROC_OFFSET


def next_day(parts: DateParts) -> DateParts:
    """The day after a full date; a partial date stays as it is."""
    if parts.year is None or parts.month is None or parts.day is None:
        return DateParts(parts.year, parts.month, parts.day)
    try:
        d = dt.date(parts.year, parts.month, parts.day) + dt.timedelta(days=1)
    except ValueError:
        return DateParts(parts.year, parts.month, parts.day)
    return DateParts(d.year, d.month, d.day)
