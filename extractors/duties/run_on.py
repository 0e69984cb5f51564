"""Duty statements run together where their punctuation was lost and not restored.

A text that lost its marks gets them back from a model (``gongwen.normalize.punctuation``),
and the model misses some: `负责与各中心的联络负责办理提案信访` stays one clause where
the original had `；` before the second `负责`. A reader still sees two statements: the
second opens with a verb that opens statements (``run_on_openers.txt``) on a word boundary,
right after a whole statement. This module cuts there, and only in text whose marks were
guessed: in punctuated text a missing mark is the author's, and the clause is one.

A cut needs both pieces to be statements: the piece before opens with a duty verb, or
is long and opens with no preposition, and is long enough to hold an object (`负责组织` + `协调` is one verb phrase), and the verb
is not bound to what precedes it (`对重要成果负责向国家申报`: the piece before opens
with `对`, no verb; `并监督实施`, `和指导`: a conjunction joins the verbs; `组织贯彻执行`:
a verb before it makes one verb phrase).
"""

from __future__ import annotations

import re

from gongwen.extractors.duties.organs import word_list
from gongwen.tokenize import cut
from gongwen.words import duty_verbs

#: The piece before a cut holds its verb and an object: at least this many characters.
MIN_BEFORE = 6
#: The piece after a cut is a statement too, not a trailing verb: at least this many characters.
MIN_AFTER = 5
#: Characters that bind the verb after them to what precedes (a conjunction, a list comma,
#: `的` making it a noun: `政策的贯彻执行`, a preposition whose object ends right there: `向…负责`).
BINDING = set("并和及与或、，,的之向对由为把将被给同")


_HAN = re.compile(r"[\u4e00-\u9fff]")
#: A piece this long is a statement of its own even where it opens with no duty verb
#: (`各种送阅和批办文件的传阅登记催办`), unless it opens with a preposition.
MIN_PLAIN = 10
#: Prepositions whose object the verb after them governs (`对重要成果负责…`): a piece that
#: opens with one is no statement before the verb.
PREPOSITIONS = ("对", "向", "由", "为", "在", "按", "根据", "依照", "通过", "从", "把", "将", "经")


def _statement_before(text: str, start: int, at: int) -> bool:
    """Whether ``text[start:at]`` is a statement a new one may follow."""
    if text.startswith(duty_verbs(), start):
        return True
    return at - start >= MIN_PLAIN and not text.startswith(PREPOSITIONS, start)


def run_on_cuts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``text[a:b]`` cut before each run-on statement; ``[(a, b)]`` when none runs on."""
    openers = word_list("run_on_openers.txt")
    if b - a < MIN_BEFORE + MIN_AFTER:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    words = cut(text[a:b], hmm=False)
    bounds, pos = set(), a
    for word in words:
        pos += len(word)
        bounds.add(pos)
    start, pos, prev = a, a, ""
    for word in words:
        at, before = pos, prev
        pos, prev = pos + len(word), word
        if at - start < MIN_BEFORE or b - at < MIN_AFTER:
            continue
        # the verb is a word of its own (not `负责人`) and has an object (not `敢于负责，`)
        if not any(text.startswith(o, at) and at + len(o) in bounds and _HAN.match(text, at + len(o))
                   for o in openers):
            continue
        clause = max(text.rfind("，", start, at), text.rfind(",", start, at)) + 1 or start
        if text.startswith(PREPOSITIONS, max(clause, start)):
            continue  # `…，向全委会负责并报告工作`: the verb of a prepositional clause
        if before in word_list("manner_adverbs.txt"):
            at -= len(before)  # `…工作统一负责本系统…`: the adverb opens the statement with its verb
        elif before in duty_verbs() and before not in word_list("closing_verbs.txt"):
            continue  # `组织贯彻执行…`: two verbs of one statement (not `…监督实施负责…`)
        if at - start < MIN_BEFORE or text[at - 1] in BINDING or not _statement_before(text, start, at):
            continue
        out.append((start, at))
        start = at
    out.append((start, b))
    return out
