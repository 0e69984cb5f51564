"""Organ names at the start of a statement (`人秘股负责…`, `区委书记主持…`).

A leading noun phrase that ends like an organ (``organ_suffixes.txt``) and is
followed by a verb or modal (``subject_followers.txt``) is the statement's
grammatical subject: RECORDS.md wants it as the duty's ``organ`` and not in its
``text``. A name may carry a parenthesised alias (`办公厅(人事局)`) and a
fallback (`书记或者书记委托副书记`); the organ is the first name.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from gongwen import lexicon
from gongwen.words import duty_verbs, organ_suffixes

HERE = Path(__file__).parent


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line data file beside this module, read once per process
    (the organ finder consults them for every candidate name)."""
    return tuple(lexicon.entries(HERE / name))


def subject_followers() -> tuple[str, ...]:
    """Verbs and modals that follow an organ that is a statement's subject."""
    return word_list("subject_followers.txt")


@cache
def _follower_ranks() -> tuple[dict[str, int], tuple[int, ...]]:
    """Each follower's place in the list, and the lengths followers have."""
    words = subject_followers()
    ranks: dict[str, int] = {}
    for i, w in enumerate(words):
        ranks.setdefault(w, i)
    return ranks, tuple(sorted({len(w) for w in words}))


def _first_follower(text: str, j: int) -> str | None:
    """The first follower of the list that ``text`` has at ``j``: looked up by the few
    lengths followers have, not tried one by one (asked for every candidate name)."""
    ranks, lengths = _follower_ranks()
    found = [w for w in (text[j:j + n] for n in lengths) if w in ranks]
    return min(found, key=ranks.__getitem__) if found else None


def _alt(words: tuple[str, ...]) -> str:
    """Longest first, so a longer name wins; ties by text, so the pattern is the same every run."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def organ_regex() -> str:
    """Regex source of one organ name (used inside other patterns, e.g. ``cues.tsv``)."""
    return rf"[\u4e00-\u9fff]{{0,14}}?(?:{_alt(organ_suffixes())})"


@cache
def _extension() -> re.Pattern[str]:
    """An alias in brackets (`办公厅(人事局)`) or a fallback (`书记或者书记委托副书记`)."""
    suf, fol = _alt(organ_suffixes()), _alt(subject_followers())
    return re.compile(rf"(?:[（(][^（()）]{{1,12}}[)）])?"
                      rf"(?:(?:或者|或|和|及)[\u4e00-\u9fff、]{{0,12}}?(?:{suf})(?=(?:{fol})))?")


_NAME = re.compile(r"[\u4e00-\u9fff、]+")


def leading_organ(text: str, start: int = 0, end: int | None = None) -> tuple[str, int] | None:
    """``(organ, where the rest begins)`` when ``text[start:end]`` opens with an organ
    that is its subject; None otherwise. The shortest such name wins, but a verb that
    is itself part of a unit name does not end it (`干部监督股负责` is 干部监督股, not
    干部 followed by 监督)."""
    end = len(text) if end is None else end
    best: tuple[str, int] | None = None
    for k in range(start + 2, min(end, start + 18) + 1):
        name = text[start:k]
        if not _NAME.fullmatch(name):
            break
        if "或" in name or not name.endswith(organ_suffixes()):
            continue
        j = _extension().match(text, k, end).end()
        follower = _first_follower(text, j)
        part_of_name = follower in word_list("unit_name_verbs.txt") and text[j + len(follower):][:1] in organ_suffixes()
        if j < end and follower and not part_of_name:
            best = (name, j)  # the shortest: `常委会委员要…执行常委会决定` is 常委会委员
            break
    if best is None:
        return None
    name = best[0]
    if name.startswith(word_list("manner_adverbs.txt")) and name[2:].startswith(duty_verbs()):
        return None  # `重点监督乡镇党委…`: an adverb and a verb, not a name
    verb = next((v for v in duty_verbs() if name.startswith(v)), None)
    if verb and name.startswith(word_list("verb_led_units.txt")):
        verb = None  # `领导小组负责…`: a unit whose name opens with a verb
    if verb and not (verb in word_list("unit_name_verbs.txt") and _unit_after_verb(name[len(verb):])):
        return None  # `负责本部…` is a verb phrase, `组织股`, `组织人事科` names
    if name.startswith(word_list("topic_openers.txt")):  # `关于各机关…`, `按照干部管理权限`: a topic
        return None
    return best


def _unit_after_verb(rest: str) -> bool:
    """Whether what follows a unit-naming verb completes a unit's name: a bare ending
    (`组织` + `股`) or a short name of the unit's own (`组织` + `人事科`), not an object
    of the verb (`组织各部门`, `领导镇政府、镇人大主席团`)."""
    if len(rest) == 1 and rest in organ_suffixes():
        return True
    ending = next((e for e in word_list("unit_endings.txt") if rest.endswith(e)), "")
    return (len(ending) < len(rest) <= 4 and "、" not in rest and not rest.startswith(word_list("topic_openers.txt"))
            and bool(ending))


_INNER = re.compile(r"主要职责|职责|内设机构|机构设置|职能|编辑|目录")
_TITLE_TAIL = re.compile(r"(?:的)?(?:主要职责|部门职责|工作职责|岗位职责|机构职能|职能职责|职责|职权|权责|职能|内设机构|机构设置及职能|机构设置|掌理事项)$")


#: Words a duty statement ends with (`…党员教育工作`), after which a run-on heading's name begins.
_STATEMENT_ENDS = re.compile(r"(?:工作|事项|事务|事宜)")


def _after_statement(head: str) -> str:
    """`协调、指导党员教育工作湘桥区委组织部` → `湘桥区委组织部`: a heading whose line break and
    marks were lost runs on after the statement before it; a heading's name never opens with a
    duty verb, so one that does is read from after the statement's last closing word, and
    is no name at all when it does not end like one."""
    if not head.startswith(duty_verbs()) or head.startswith(word_list("verb_led_units.txt")):
        return head
    if not head.endswith(organ_suffixes()):
        return ""  # `负责中心直属机构的管理` + `机构设置及职能`: a statement, and no name after it
    ends = list(_STATEMENT_ENDS.finditer(head))
    if not ends or len(head) - ends[-1].end() < 2:
        return head
    rest = head[ends[-1].end():]
    return rest if rest.endswith(organ_suffixes()) else head


def subject_of_heading(title: str) -> str | None:
    """`区委职责` → `区委`; `湘桥区委组织部主要职责` → `湘桥区委组织部`; `职责` → None."""
    head = _TITLE_TAIL.sub("", title.strip(" :：。"))
    head = re.sub(r"^第\s*[一二三四五六七八九十百零\d]+\s*[条條]\s*", "", head)  # `第三条县自然资源局的主要职责`
    head = _INNER.split(head)[-1]  # `内设机构湘桥区委组织部` (a table of contents run in) → the last name
    head = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]?", "", head)
    head = _after_statement(head)
    while "、" in head and len(head.split("、")[0]) >= 6 and not head.split("、")[0].endswith(organ_suffixes()):
        head = head.split("、", 1)[1]  # `欢迎访问某局网站、宣传部`: text run on before the name, its mark a guess
    if head.endswith("机构") and head[:-2].endswith(organ_suffixes()):
        head = head[:-2]  # `青山县商务局机构职能`: the organ's 机构 (set-up) and 职能
    if re.fullmatch(r"岗位|工作|部门|单位|基本|具体|相关|机构", head):
        return None  # `岗位职责`: what kind of duties, not whose
    if head.endswith(("下列", "以下")):  # `县政府履行下列职责`: the organ is the verb's subject
        lead = leading_organ(head)
        return lead[0] if lead else None
    return head or None
