"""Work rules and duty lists the extractors were not tuned on (``tests/data/unseen/rules_*``).

Each ``rules_<name>.txt`` is a document written for this test in the style of one kind of
real text (a 镇党委 rules page copied from a sharing site, a 县政府工作规则, a 三定-style
duty list with `（一）办公室。负责…` units, an encyclopedia page of a 街道工委, a Taiwan
處務規程 and a 委員會會議規則); ``rules_<name>.expected.json`` holds what a careful
annotator following RECORDS.md writes for it. The comparison follows GOLD.md: duties
match by text similarity ≥ 0.8 and their organ must be equal or contained; meeting bodies
match after dropping `会议`/`制度`/`会`; every slot the expectation gives must be right.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from typing import Any

import pytest
from unseen import cases, document, expected

CASES = cases("rules_")

_PUNCT = re.compile(r"[\W_]+")


def norm(s: Any) -> str:
    return "" if s is None else _PUNCT.sub("", unicodedata.normalize("NFKC", str(s))).lower()


def sim(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0


def same_name(a: Any, b: Any, min_len: int = 2) -> bool:
    """Equal, or one contains the other (GOLD.md's rule for organs and roles)."""
    x, y = sorted((norm(a), norm(b)), key=len)
    return x == y or (len(x) >= min_len and x in y)


def list_ok(gold: list[str], pred: list[str]) -> bool:
    """People lists: F1 ≥ 0.8 item by item, or over character bigrams (a shared suffix
    may be distributed or not)."""
    def f1(g: set[str] | list[str], p: set[str] | list[str], hit: int) -> float:
        return 2 * hit / (len(g) + len(p)) if g or p else 1.0

    g, p = [norm(x) for x in gold], [norm(x) for x in pred]
    used: set[int] = set()
    hit = 0
    for x in g:
        j = next((j for j, y in enumerate(p) if j not in used and (sim(x, y) >= 0.8 or same_name(x, y))), None)
        if j is not None:
            used.add(j)
            hit += 1
    grams = [{s[i:i + 2] for s in xs for i in range(len(s) - 1)} for xs in (g, p)]
    return f1(g, p, hit) >= 0.8 or f1(grams[0], grams[1], len(grams[0] & grams[1])) >= 0.8


def slot_ok(slot: str, gold: Any, pred: Any) -> bool:
    if slot == "frequency":
        return isinstance(pred, dict) and (gold["count"], gold["per"], gold["min"]) == \
            (pred["count"], pred["per"], bool(pred["min"]))
    if slot in ("quorum", "vote_threshold"):
        return isinstance(pred, dict) and abs(gold["fraction"] - pred["fraction"]) < 1e-3 and \
            gold["inclusive"] == pred["inclusive"]
    if slot == "special_quorum":
        return sorted(round(x["fraction"], 3) for x in gold) == sorted(round(x["fraction"], 3) for x in pred)
    if slot in ("members", "attendees", "agenda_scope"):
        return list_ok(gold, pred)
    if slot == "ad_hoc":
        return bool(gold) == bool(pred)
    return same_name(gold, pred)


def body_key(s: str) -> str:
    return re.sub(r"会议|制度|会", "", norm(s)) or norm(s)


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    return expected(request.param), dataclasses.asdict(document(request.param))


def test_cases_found() -> None:
    assert len(CASES) >= 6


def test_duties(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    expected, record = case
    pred = [(d["organ"], d["text"]) for d in record["duties"]]
    missing, wrong_organ, used = [], [], set()
    for g in expected["duties"]:
        j = max((j for j in range(len(pred)) if j not in used), default=None,
                key=lambda j: sim(norm(g["text"]), norm(pred[j][1])))
        if j is None or sim(norm(g["text"]), norm(pred[j][1])) < 0.8:
            missing.append(g["text"])
            continue
        used.add(j)
        if not same_name(g["organ"], pred[j][0]):
            wrong_organ.append((g["organ"], pred[j]))
    extra = [pred[j] for j in range(len(pred)) if j not in used]
    assert (missing, wrong_organ, extra) == ([], [], [])


def test_meetings(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    expected, record = case
    pred = {body_key(m["body"]): m for m in record["meeting_rules"]}
    assert len(pred) == len(expected["meeting_rules"]), [m["body"] for m in record["meeting_rules"]]
    wrong = []
    for g in expected["meeting_rules"]:
        key = body_key(g["body"])
        m = next((m for k, m in pred.items() if sim(key, k) >= 0.7 or same_name(key, k)), None)
        assert m is not None, g["body"]
        wrong += [(g["body"], slot, g[slot], m[slot]) for slot in g
                  if slot != "body" and g[slot] not in (None, []) and not slot_ok(slot, g[slot], m[slot])]
    assert wrong == []
