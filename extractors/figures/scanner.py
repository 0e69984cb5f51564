"""Find the figures of a text: one left-to-right pass over its numerals.

Every maximal run of numerals (``2013``, ``三分之二``'s ``三``, ``1兆5,117亿``) is a
candidate. Stretches that are not figures (ordinals after 第, titles in 《…》,
short quoted names, bracketed markers, the patterns of ``not_figures.tsv``) are
masked first; each remaining candidate is offered to the readers of
:data:`READERS` in order (dates, compact dates, ratios, fractions, quantities
with a unit, bare table cells) and the first that accepts it consumes its span.
All patterns are anchored matches at the candidate, so the pass is linear in
the length of the text.
"""

from __future__ import annotations

import bisect
import re

from gongwen.extractors.figures.common import (
    FIN,
    HZ_NUM,
    NUM,
    SPACE,
    Context,
    Hit,
    Reader,
)
from gongwen.extractors.figures.lexicon import Lexicon, lexicon
from gongwen.extractors.figures.markers import marker_spans
from gongwen.extractors.figures.read_dates import (
    read_compact_date,
    read_date,
    read_day_series,
    read_next_day,
    read_paren_year,
)
from gongwen.extractors.figures.read_quantities import read_cell, read_quantity, read_zero
from gongwen.extractors.figures.read_repairs import read_ge_as_two
from gongwen.extractors.figures.read_shares import (
    read_fraction,
    read_half,
    read_one_half,
    read_ratio,
    read_tenths,
    read_times,
)
from gongwen.extractors.figures.read_tokens import read_fused_amount, read_glued_year, read_token
from gongwen.prefilter import finditer_led

FIRST_RE = re.compile(rf"[0-9{HZ_NUM}{FIN}半次翌]")

CANDIDATE_RE = re.compile(rf"{NUM}|半(?=数|年|天|个月|小时|个小时)|(?<=过)半|次日|翌日")

ORDINAL_JOIN = rf"{SPACE}*(?:[、～~\-—－]|至第?|到第?|及第?|和第?){SPACE}*"

#: an ordinal in Chinese digits, which a converter that spaces out characters may split (第二 十九条)
HZ_ORDINAL = rf"[{HZ_NUM}](?:{SPACE}?[{HZ_NUM}])*"

#: 第 and the list of ordinals after it (第3、4条, 第二十至二十二条); items keep one notation and
#: a full-width comma closes the list, so in 全国第一，13个大模型 the 13 is a count
ORDINALS = (rf"第{SPACE}*(?:\d+(?:-\d+)?(?:(?:{ORDINAL_JOIN}|,){SPACE}*\d+(?:-\d+)?)*"
            rf"|{HZ_ORDINAL}(?:{ORDINAL_JOIN}{HZ_ORDINAL})*)")

BUILTIN_MASKS = [
    ORDINALS,
    r"《[^》\n]{0,80}》",
    r"〈[^〉\n]{0,80}〉",
    r"“[^”\n]{1,16}”",  # a short quote is a name or slogan: “两委”, “一学二比三联四争创”
    r"「[^」\n]{1,12}」",
    r'"[^"\n]{1,12}"',
    # a bracketed number is a marker or a code; 今（94）年 is a year (read_paren_year); the
    # look-behind after the bracket (before it, `re` would try the masks at every character)
    rf"[〔\[［(（【](?<![今本明去上][〔\[［(（【]){SPACE}*(?:\d+|[{HZ_NUM}]+){SPACE}*[〕\]］)）】]",
]

MASK_RE = re.compile("|".join(f"(?:{p})" for p in BUILTIN_MASKS))

#: The readers, tried in order at every candidate; the first hit wins.
READERS: list[Reader] = [
    read_glued_year,
    read_next_day,
    read_paren_year,
    read_day_series,
    read_compact_date,
    read_date,
    read_ratio,
    read_fraction,
    read_half,
    read_one_half,
    read_tenths,
    read_times,
    read_zero,
    read_ge_as_two,
    read_quantity,
    read_cell,
    read_token,
    read_fused_amount,
]


#: A run of numerals far longer than any written figure (the longest, ``1,234,567,890.12`` or
#: ``一百二十三万四千五百六十七``, are under 20 characters). Such a run is masked whole, and the
#: not-figure patterns see it blanked: a pattern that starts with a numeral class is retried
#: at every position of a run that it fails on, which is quadratic (a 100 000-digit line took
#: hours); blanked, every run they see is short.
LONG_RUN_RE = re.compile(rf"[0-9.,{HZ_NUM}]{{49,}}")
BLANK = "\uffff"  # a non-character: no pattern matches it


def masked_spans(text: str, lex: Lexicon) -> tuple[list[int], list[int]]:
    """Start and end offsets of the stretches whose numerals are not figures."""
    spans = [(m.start(), m.end()) for m in LONG_RUN_RE.finditer(text)]
    if spans:
        text = LONG_RUN_RE.sub(lambda m: BLANK * len(m.group()), text)  # same length: offsets hold
    spans += [(m.start(), m.end()) for m in MASK_RE.finditer(text)]
    # one pass each (far faster in `re` than one alternation); a pattern opening on a run of
    # numerals before its word (\d+部队) only where the word stands (prefilter.lead)
    for pattern in lex.not_figures:
        spans += [(m.start(), m.end()) for m in finditer_led(pattern, text) if m.end() > m.start()]
    spans += marker_spans(text)  # 二本会…: list markers whose punctuation was stripped
    spans.sort()
    starts, ends = [], []
    for a, b in spans:
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def scan(text: str, roc: bool = False) -> list[Hit]:
    """Every figure of ``text`` in order, dates not yet resolved."""
    lex = lexicon()
    ctx = Context(text, lex, roc)
    starts, ends = masked_spans(text, lex)
    hits: list[Hit] = []
    pos = 0
    last_end = 0  # hits never overlap; a hit may start before `pos` (次年3月: 次 was skipped as a candidate)
    n = len(text)
    while pos < n:
        # a charset search skips plain text fast; the full numeral pattern runs only where it can match
        first = FIRST_RE.search(text, pos)
        if first is None:
            break
        s = first.start()
        cand = CANDIDATE_RE.match(text, s)
        if cand is None:
            pos = s + 1
            continue
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and s < ends[i]:
            # a numeral running past the masked stretch starts anew after it (19:492023年)
            glued = cand.end() > ends[i] and text[ends[i] - 1].isdigit() and text[ends[i]].isdigit()
            pos = ends[i] if glued else cand.end()
            continue
        for reader in READERS:
            hit = reader(ctx, s, cand.end())
            if hit is not None:
                if hit.start < last_end:
                    hit.start = last_end
                hits.append(hit)
                last_end = hit.end
                pos = hit.end
                break
        else:
            pos = cand.end()
    return hits
