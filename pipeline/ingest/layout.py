"""The table layout every reader renders tables into (see the package docstring).

One rendering function shared by the .docx, .pdf and .html readers, so a table
reaches the table stage in exactly one shape whatever file it came from: each
row opens with an empty line, each grid position is a line ``"\\t" + cell text``
(a merged cell's text in its first position, the positions it covers empty),
and an empty line closes the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# ASCII whitespace only: ideographic spaces (U+3000) are kept, since tables use them
# to indent sub-rows (``　　党组织建设``) and the budget extractor reads that.
_SPACE = re.compile(r"[ \t\r\n\f\v\xa0]+")
# A visual line break inside a cell or paragraph. Chinese wraps anywhere, so the
# break is joined without a space, except between two Latin words.
_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _join_break(m: re.Match[str]) -> str:
    text = m.string
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    latin = before.isascii() and before.isalpha() and after.isascii() and after.isalpha()
    return " " if latin else ""


def cell_text(paragraphs: Iterable[str]) -> str:
    """One line of cell text: paragraphs joined with a space, tabs and breaks flattened."""
    parts = [_SPACE.sub(" ", p).strip(" ") for p in paragraphs]
    return " ".join(p for p in parts if p)


def join_wrapped(text: str) -> str:
    """Join lines wrapped inside a cell or paragraph (PDF): no space, except between Latin words."""
    return cell_text([_BREAK.sub(_join_break, text)])


def pad_rows(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """Rows padded with empty cells to the widest row, so every row keeps the grid's width."""
    width = max((len(r) for r in rows), default=0)
    return [list(r) + [""] * (width - len(r)) for r in rows]


def render_table(rows: Sequence[Sequence[str]]) -> list[str]:
    """The lines of one table in the table layout (no line of text before or after it)."""
    lines: list[str] = []
    for row in pad_rows(rows):
        lines.append("")
        lines.extend("\t" + cell_text([c]) for c in row)
    if lines:
        lines.append("")
    return lines


def join_blocks(blocks: Iterable[str | list[str]]) -> str:
    """Text from paragraphs (str) and rendered tables (list of lines), one line each."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend(block)
    return "\n".join(lines)
