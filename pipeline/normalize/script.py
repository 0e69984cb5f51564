"""Script detection and OpenCC conversion to simplified.

Detection counts, on the source text, characters that OpenCC's ``t2s`` changes
(traditional-only) and characters its ``s2t`` changes (simplified-only);
characters common to both scripts count for neither. The share decides:
mostly traditional → ``traditional``, mostly simplified → ``simplified``,
a real mixture → ``mixed``.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from gongwen import lexicon
from gongwen.normalize.edits import Edit, aligned_edits

HERE = Path(__file__).resolve().parent

#: Detection reads this many characters from the start: enough to decide, cheap on 10 MB inputs.
SAMPLE_CHARS = 300_000
#: Below this many script-specific characters a text is too short to call; it counts as simplified.
MIN_EVIDENCE = 5
#: Share of traditional-only among script-specific characters above which a text is traditional.
TRADITIONAL_SHARE = 0.85
#: ... and below which it is simplified.
SIMPLIFIED_SHARE = 0.15


@cache
def converter(config: str) -> Any:
    """An OpenCC converter by config name (``t2s``, ``s2t``, ``tw2s`` …), built once."""
    import opencc  # imported lazily: only texts with traditional characters need it

    return opencc.OpenCC(config)


def _changed_count(text: str, config: str) -> int:
    converted = converter(config).convert(text)
    if len(converted) == len(text):
        return sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    return sum(_changed_count(line, config) for line in text.split("\n")) if "\n" in text else 1


def detect_script(text: str) -> str:
    """``simplified``, ``traditional`` or ``mixed``, from the characters each script alone uses."""
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text[:200_000]):
        return "simplified"
    text = text[:SAMPLE_CHARS]
    trad = _changed_count(text, "t2s")
    if trad == 0:
        return "simplified"
    simp = _changed_count(text, "s2t")
    if trad + simp < MIN_EVIDENCE:
        return "simplified"
    share = trad / (trad + simp)
    if share >= TRADITIONAL_SHARE:
        return "traditional"
    if share <= SIMPLIFIED_SHARE:
        return "simplified"
    return "mixed"


@lru_cache(maxsize=1)
def taiwan_markers() -> tuple[str, ...]:
    return tuple(lexicon.entries(HERE / "taiwan_markers.txt"))


def conversion_config(text: str) -> str:
    """``tw2s`` for Taiwan usage (variant characters), else ``t2s``; see taiwan_markers.txt."""
    return "tw2s" if any(m in text for m in taiwan_markers()) else "t2s"


def to_simplified(text: str, script: str) -> list[Edit]:
    """Edits converting traditional characters to simplified, phrase-aware (OpenCC).

    OpenCC keeps the length of almost every text, and then the map stays exact
    character by character; the rare line a phrase rule lengthens or shortens
    is aligned with difflib so the offset map stays right there too.
    """
    if script == "simplified":
        return []
    conv = converter(conversion_config(text))
    converted = conv.convert(text)
    if len(converted) == len(text):
        # One same-length edit: apply_edits maps it character by character.
        return [Edit(0, len(text), converted)] if converted != text else []
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        new = conv.convert(line)
        if new != line:
            edits.extend([Edit(pos, pos + len(line), new)] if len(new) == len(line)
                         else aligned_edits(line, new, pos))
        pos += len(line) + 1
    return edits
