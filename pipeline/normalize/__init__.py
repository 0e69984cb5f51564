"""The normalizer: source text → the normalized text of RECORDS.md, with an offset map.

Each rule of RECORDS.md "Normalized text" is a pure function ``(text, script)
-> list[Edit]`` in its own module; :data:`RULES` lists them in the order they
run, and :func:`gongwen.normalize.edits.apply_edits` composes their edits into
one offset map (``offsets[i]`` = source index of normalized character ``i``).

Why this order:

0. ``newlines`` first: every later rule splits lines on ``\n`` alone; then
   ``encoding`` (UTF-8 read as Latin-1), since every later rule reads characters.
1. ``markup`` next: tags and comments are not text and would confuse every
   later pattern (a ``<br>`` is a line end).
2. ``garbled`` before ``pinyin`` and before the script conversion: the repair
   re-encodes the garbled characters to GBK bytes, which only works on the
   characters as the scraper wrote them (traditional, full-width forms folded
   back), and a garbled character may carry a pinyin annotation
   (``?,F(xiàn)將``): repaired first, the annotation then follows a Han
   character and is removed like any other.
3. ``pinyin`` before ``simplify``: annotations are Latin; removing them first
   keeps OpenCC's phrase matching from seeing ``經(jīng)驗`` as two words.
4. ``simplify`` (OpenCC) and ``fullwidth`` before the pattern rules, so the
   furniture and marker patterns are written once, in simplified characters
   and ASCII digits.
5. ``furniture``, ``page_info`` (info lines by shape), ``platform_notes`` and
   ``page_apparatus`` (running heads, contents) before ``page_split``: the upload banner sits between the
   page markers' blank lines and the first page.
6. ``page_split`` before the line rules: page blocks are found by their blank
   lines, which the line rules remove.
7. ``spaced_out`` before the line rules: in a text a conversion spaced out all
   through (``主要职 责``), a spaced title line looks like a sentence fragment to the
   joiner; the rule decides once for the whole text and keeps the spaces the
   paragraph rule reads (before heading numbers, after sentence ends).
8. ``punctuation`` (restoring the marks of a text that lost them) after the
   furniture and page rules, so site chrome is not punctuated as prose, after
   ``spaced_out`` (its model reads words, not conversion spaces), and before the
   line rules: a line end is its strongest cue while the breaks are still there,
   and ``paragraphs``, ``run_on`` and ``join_lines`` read the restored marks (a
   line ending in ``。`` is never joined; a heading starts a line after ``。``).
9. ``pipe_rows`` before the line rules: a table's rows run together on one line go back
   to a line each, so the paragraph and run-on rules see table rows, which they leave alone;
   ``aligned_tables`` likewise puts a space-aligned table (a spreadsheet dumped as text, its
   long cells wrapped under their columns) into the table layout before any line is joined.
10. ``paragraphs`` → ``run_on`` → ``join_lines`` → ``spaces`` → ``whitespace``: paragraphs
   are split (flattened pages by their paragraph spaces, then run-on lines by their
   heading markers) before broken lines are joined (a heading that starts a line is
   never joined to the line before); stray spaces inside words go once lines
   are whole (a paragraph space has become a line break by then), and the
   blank lines the joiner relies on go last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from gongwen.normalize.aligned_tables import render_aligned_tables
from gongwen.normalize.edits import Edit, apply_edits, identity_map
from gongwen.normalize.encoding import repair_encoding
from gongwen.normalize.fullwidth import fullwidth_to_ascii
from gongwen.normalize.furniture import remove_furniture
from gongwen.normalize.garbled import repair_garbled
from gongwen.normalize.lines import (
    join_broken_lines,
    split_flattened_paragraphs,
    tidy_whitespace,
    unix_newlines,
)
from gongwen.normalize.markup import remove_markup
from gongwen.normalize.page_info import remove_page_info
from gongwen.normalize.page_layout import remove_page_apparatus
from gongwen.normalize.page_split import remove_page_markers
from gongwen.normalize.pinyin import remove_pinyin
from gongwen.normalize.pipe_rows import split_run_together_rows
from gongwen.normalize.platform_notes import remove_platform_notes
from gongwen.normalize.punctuation import restore_punctuation
from gongwen.normalize.removals import Removals, visible
from gongwen.normalize.run_on import break_run_on_lines
from gongwen.normalize.script import detect_script, to_simplified
from gongwen.normalize.spaced_out import remove_spaced_out
from gongwen.normalize.spacing import join_unit_breaks, remove_word_spaces

#: A rule: the current text and the source's script → edits on the current text.
Rule = Callable[[str, str], list[Edit]]


def _text_only(fn: Callable[[str], list[Edit]]) -> Rule:
    def rule(text: str, script: str) -> list[Edit]:
        return fn(text)

    rule.__name__ = fn.__name__
    rule.__doc__ = fn.__doc__
    return rule


#: The rules in the order they run (see the module docstring for why).
RULES: tuple[tuple[str, Rule], ...] = (
    ("newlines", _text_only(unix_newlines)),
    ("encoding", _text_only(repair_encoding)),
    ("markup", _text_only(remove_markup)),
    ("garbled", _text_only(repair_garbled)),
    ("pinyin", _text_only(remove_pinyin)),
    ("simplify", to_simplified),
    ("fullwidth", _text_only(fullwidth_to_ascii)),
    ("furniture", _text_only(remove_furniture)),
    ("page_info", _text_only(remove_page_info)),
    ("platform_notes", _text_only(remove_platform_notes)),
    ("page_apparatus", _text_only(remove_page_apparatus)),
    ("page_split", _text_only(remove_page_markers)),
    ("spaced_out", _text_only(remove_spaced_out)),
    ("punctuation", _text_only(restore_punctuation)),
    ("pipe_rows", _text_only(split_run_together_rows)),
    ("aligned_tables", _text_only(render_aligned_tables)),
    ("paragraphs", _text_only(split_flattened_paragraphs)),
    ("run_on", _text_only(break_run_on_lines)),
    ("unit_breaks", _text_only(join_unit_breaks)),
    ("join_lines", _text_only(join_broken_lines)),
    ("spaces", _text_only(remove_word_spaces)),
    ("whitespace", _text_only(tidy_whitespace)),
)


@dataclass
class Normalized:
    """The normalized text, its offset map into the source, the source's script, warnings.

    ``offsets`` is an ``array('i')`` (a sequence of ints, 4 bytes each) of
    ``len(text) + 1`` entries, the last mapping the end of the text.
    """

    text: str
    offsets: Sequence[int]
    script: str = "simplified"
    warnings: list[str] = field(default_factory=list)


def normalize(text: str, rules: Sequence[tuple[str, Rule]] = RULES) -> Normalized:
    """Normalize ``text`` by ``rules`` in order, keeping the offset map and collecting warnings.

    What each rule removes is counted; a text that lost much of its source gets
    a warning naming the rules that removed it (see :mod:`gongwen.normalize.removals`).
    """
    script = detect_script(text)
    offsets = identity_map(len(text))
    warnings: list[str] = []
    removals = Removals(visible(text))
    for name, rule in rules:
        edits = rule(text, script)
        if edits:
            warnings.extend(e.note for e in edits if e.note)
            removals.count(name, text, offsets, edits)
            text, offsets = apply_edits(text, offsets, edits)
    loss = removals.warning(text)
    if loss:
        warnings.append(loss)
    return Normalized(text=text, offsets=offsets, script=script, warnings=warnings)
