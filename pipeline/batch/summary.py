"""What a run did, as data (:class:`RunSummary`) and as the lines ``gongwen run`` prints."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from gongwen import kinds
from gongwen.batch.work import Outcome


def counted_kinds() -> dict[str, str]:
    """Record fields counted in the summary, with the words used for them (each kind's ``label``)."""
    return {k.name: k.label for k in kinds.all_kinds() if k.label}


@dataclass
class RunSummary:
    """Counts of one run. ``duplicates`` maps a skipped path to the path (or store) holding its bytes."""

    found: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0
    failed_before: int = 0
    duplicates: dict[str, str] = field(default_factory=dict)
    processed: int = 0
    bytes: int = 0
    stored: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    by_doc_type: Counter[str] = field(default_factory=Counter)
    by_region: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    def add(self, outcome: Outcome, stored: str | None = None) -> None:
        """Count one finished file (``stored``: what the store made of its record)."""
        self.processed += 1
        self.bytes += outcome.bytes
        if outcome.status != "ok" or outcome.record is None:
            self.failures[outcome.status] += 1
            return
        if stored:
            self.stored[stored] += 1
        record = json.loads(outcome.record)
        self.by_doc_type[record.get("doc_type") or "other"] += 1
        self.by_region[record.get("region") or "(none)"] += 1
        for name in counted_kinds():
            self.records[name] += len(record.get(name) or [])

    @property
    def files_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    @property
    def mb_per_second(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        def counts(c: Counter[str], top: int = 12) -> str:
            items = c.most_common(top)
            more = len(c) - len(items)
            text = ", ".join(f"{k} {n}" for k, n in items) or "none"
            return text + (f", … {more} more" if more > 0 else "")

        out = [
            f"files: {self.found} found, {self.processed} processed, {self.unchanged} already stored, "
            f"{len(self.duplicates)} duplicates, {self.failed_before} failed before (--retry-failed to retry), "
            f"{sum(self.skipped.values())} skipped ({counts(self.skipped)})",
            f"stored: {counts(self.stored)}",
            f"by type: {counts(self.by_doc_type)}",
            f"by region: {counts(self.by_region)}",
            "records: " + ", ".join(f"{word} {self.records[name]}" for name, word in counted_kinds().items()),
            f"failures: {counts(self.failures)}" + (" (see `gongwen failures`)" if self.failures else ""),
            f"throughput: {self.processed} files, {self.bytes / 1e6:.2f} MB in {self.seconds:.1f} s: "
            f"{self.files_per_second:.1f} files/s, {self.mb_per_second:.2f} MB/s",
        ]
        if self.interrupted:
            out.append("interrupted: run the same command again to resume")
        return out
