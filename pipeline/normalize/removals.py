"""What each normalization rule removed, so a text that shrank a lot says why.

A furniture rule that mistakes content for chrome deletes text without a
trace; the only sign is a normalized text much shorter than its source. Each
rule's edits are counted here as they are applied (visible characters only:
spaces and line breaks are layout), with the source span of the rule's largest
removal read off the composed offset map, and :meth:`Removals.warning` turns a
large loss into a warning naming the rules and the amounts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from gongwen.normalize.edits import Edit

#: Rules whose removals are never text a reader keeps (tags, pinyin annotations) or that
#: shrink text by repairing it (three mis-decoded Latin characters become one Han
#: character): they are reported but do not count toward the loss that raises the warning.
NOT_TEXT = frozenset({"markup", "pinyin", "encoding"})
#: A warning is raised when the other rules removed at least this share of the source's text.
LOSS_SHARE = 0.3


#: Whitespace as :meth:`str.isspace` sees it (``re``'s ``\\s`` on a str is the same test),
#: counted in C: a per-character generator cost seconds on a long text.
WHITESPACE = re.compile(r"\s")


def visible(s: str) -> int:
    """Characters of ``s`` that are not whitespace."""
    return len(s) - len(WHITESPACE.findall(s))


@dataclass
class Removed:
    """One rule's removals: visible characters, and the source span of the largest removal."""

    chars: int = 0
    largest: int = 0
    span: tuple[int, int] = (0, 0)


@dataclass
class Removals:
    """Per-rule counts of removed visible characters of one text."""

    source_chars: int
    by_rule: dict[str, Removed] = field(default_factory=dict)

    def count(self, rule: str, text: str, offsets: Sequence[int], edits: Iterable[Edit]) -> None:
        """Count what ``edits`` (on ``text``, mapped to the source by ``offsets``) remove."""
        for e in edits:
            lost = visible(text[e.start:e.end]) - visible(e.replacement)
            if lost <= 0:
                continue
            r = self.by_rule.setdefault(rule, Removed())
            r.chars += lost
            if lost > r.largest:
                r.largest, r.span = lost, (offsets[e.start], offsets[e.end])

    def warning(self, result: str) -> str | None:
        """A warning when the text lost much of its source (or all of it) to the rules, else ``None``."""
        not_text = sum(r.chars for name, r in self.by_rule.items() if name in NOT_TEXT)
        text_chars = self.source_chars - not_text
        lost = sum(r.chars for name, r in self.by_rule.items() if name not in NOT_TEXT)
        if text_chars <= 0 or (lost < LOSS_SHARE * text_chars and visible(result)):
            return None
        parts = [f"{name} {r.chars} (largest at source {r.span[0]}–{r.span[1]})"
                 for name, r in sorted(self.by_rule.items(), key=lambda kv: -kv[1].chars)]
        return (f"normalized text keeps {visible(result)} of {self.source_chars} visible source characters; "
                f"removed: {', '.join(parts)}")
