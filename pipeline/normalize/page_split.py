"""Page-split markers of document-sharing sites: ``…国家机关\\n\\n2、、人民团体…``.

Such sites cut a document into pages of about equal length and start each page
with its running number and ``、`` (the text's own ``、`` may follow, giving
``2、、``). They are recognised by shape, all of which must hold:

- markers ``N、`` at the start of blocks that follow a blank line (or a line
  break after a page-long line: a flattened page), numbered 1, 2, 3 … without
  a gap, at least :data:`MIN_PAGES` of them;
- the blocks are long and of similar length (:data:`MIN_PAGE_CHARS`,
  :data:`LENGTH_SPREAD`), unlike a real list whose items vary;
- at least one page ends inside a sentence (no final punctuation).

An excerpt (a search result, a preview) may hold only the first two pages:
two markers do, when the first page is page-long and ends inside a sentence.

The marker is removed; the cut sentence is joined again, a page ending at a
sentence end becomes a line break.
"""

from __future__ import annotations

import re
from statistics import median

from gongwen.normalize.edits import Edit

MIN_PAGES = 3
#: Two markers suffice when the first page ends inside a sentence (an excerpt's two pages).
MIN_CUT_PAGES = 2
MIN_PAGE_CHARS = 200
#: Every page but the last is within this factor of the median page length.
LENGTH_SPREAD = 2.0
#: The first page may follow only a line break or none once the upload banner
#: above it has gone (furniture removal takes the banner's line breaks with it).
MARKER = re.compile(rf"(?:^\s*|\n[ 　]*\n|\n(?<=[^\n]{{{MIN_PAGE_CHARS}}}\n))[ 　]*(?P<n>\d{{1,3}})、(?P<space>[ 　]*)")
SENTENCE_END = "。！？!?；;：:”」』"


def _runs(found: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Sequences 1, 2, 3 … in document order among the marker candidates."""
    runs: list[list[re.Match[str]]] = []
    for m in found:
        n = int(m.group("n"))
        for run in runs:
            if int(run[-1].group("n")) == n - 1:
                run.append(m)
                break
        else:
            if n == 1:
                runs.append([m])
    return runs


def _cut(text: str, m: re.Match[str]) -> bool:
    """Whether the page before marker ``m`` ends inside a sentence."""
    return text[:m.start()].rstrip()[-1:] not in SENTENCE_END


def _is_page_run(text: str, run: list[re.Match[str]]) -> bool:
    if len(run) == MIN_CUT_PAGES:
        return run[1].start() - run[0].start() >= MIN_PAGE_CHARS and _cut(text, run[1])
    if len(run) < MIN_PAGES:
        return False
    lengths = [run[i + 1].start() - run[i].start() for i in range(len(run) - 1)]
    mid = median(lengths)
    if mid < MIN_PAGE_CHARS or any(not mid / LENGTH_SPREAD <= n <= mid * LENGTH_SPREAD for n in lengths):
        return False
    return any(_cut(text, m) for m in run[1:])


def remove_page_markers(text: str) -> list[Edit]:
    """Edits removing page-split markers and joining the sentences they cut."""
    found = list(MARKER.finditer(text))
    if len(found) < MIN_CUT_PAGES:
        return []
    edits: list[Edit] = []
    for run in _runs(found):
        if not _is_page_run(text, run):
            continue
        for k, m in enumerate(run):
            start = m.start("n")
            if m.start() > 0:
                before = text[:m.start()].rstrip(" 　\n")
                start = len(before)
                # the first page follows whatever stood above it (a banner, a title): never joined
                rep = "\n" if k == 0 or before[-1:] in SENTENCE_END else ""
            else:
                rep = ""
            end = m.end("n") + 1  # the marker's 、; the text's own 、 stays
            if not text.startswith("、", end):
                end = m.end()
            edits.append(Edit(start, end, rep))
    edits.sort(key=lambda e: e.start)
    return edits
