"""A region's administrative chain: province › city › county, with the national division code.

A record's ``region`` is the area as the text names it (``湘桥区``, ``潮州市湘桥区``,
``湘桥``); comparisons and the web front end roll documents up from county to
city to province, so they need the chain above it. The chain comes from the
division table ``divisions.tsv`` (GB/T 2260 codes, whose digits nest: ``445102``
湘桥区 lies in ``4451`` 潮州市 in ``44`` 广东省) read by the code, not by a
hand-kept list of who belongs where.

A name is looked up whole (``湘桥区``) or without its generic suffix (``湘桥``);
a region that names several levels (``广东省潮州市湘桥区``) is cut into known
names from the left. A name that several divisions share (``鼓楼区``) is resolved
by the other names of the region when they tell which, else the chain is unknown
(empty): a wrong province would be worse than none. Areas below the county
(``曾达乡``) and areas the table does not list (``威海经济技术开发区``) have no chain.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gongwen import lexicon

TABLE = Path(__file__).with_name("divisions.tsv")
#: Generic endings a name is also known without (longest first): 潮州市 → 潮州.
SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区",
            "林区", "新区", "省", "市", "区", "县", "盟", "旗")
#: Table rows that group counties without being a place of their own.
GROUPING = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True)
class Division:
    """One level of a chain: its name, ``province``/``city``/``county`` and its code (None for
    Taiwan's cities and counties, which GB/T 2260 does not number)."""

    name: str
    level: str
    code: str | None


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    return "city" if code.endswith("00") else "county"


@cache
def _table() -> tuple[dict[str, Division], dict[str, list[Division]]]:
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for code, name, *_ in lexicon.rows(TABLE):
        if name in GROUPING:
            continue
        if code.endswith("-"):  # a Taiwan city or county: under 台湾省, no code of its own
            div = Division(name, "county" if name.endswith("县") else "city", None)
        else:
            div = Division(name, _level(code), code)
            by_code[code] = div
        for key in {name, _short(name)}:
            if len(key) >= 2:
                by_name.setdefault(key, []).append(div)
    return by_code, by_name


def _short(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def by_name() -> dict[str, list[Division]]:
    """Divisions by full name and by the name without its suffix (鄞州 → 鄞州区)."""
    return _table()[1]


def _parents(div: Division) -> list[Division]:
    by_code, by_name = _table()
    if div.code is None:
        return [by_name["台湾省"][0]]
    out = [by_code.get(div.code[:2] + "0000")]
    if div.level == "county":
        out.append(by_code.get(div.code[:4] + "00"))
    return [d for d in out if d is not None and d != div]


def _contains(outer: Division, inner: Division) -> bool:
    return outer in _parents(inner)


@cache
def _longest_name() -> int:
    """Characters in the longest name of the table (measured once: ~10k names, asked per document)."""
    return max(len(n) for n in by_name())


def _parts(region: str) -> list[list[Division]]:
    """``region`` cut into known names from the left (longest first), each with its candidates."""
    _, by_name = _table()
    longest = _longest_name()
    parts: list[list[Division]] = []
    i = 0
    while i < len(region):
        for j in range(min(len(region), i + longest), i + 1, -1):
            found = by_name.get(region[i:j])
            if found:
                parts.append(found)
                i = j
                break
        else:
            i += 1
    return parts


def chains(region: str | None) -> list[list[Division]]:
    """Every chain the name may denote (连江县 is Fujian's and Taiwan's), province first."""
    if not region:
        return []
    parts = _parts(region.strip())
    return [[*_parents(d), d] for d in dict.fromkeys(parts[-1])] if parts else []


def chain(region: str | None) -> list[Division]:
    """The divisions from the province down to ``region``'s own, or ``[]`` when unknown."""
    if not region:
        return []
    parts = _parts(region.strip())
    if not parts:
        return []
    candidates = parts[-1]
    for outer in parts[:-1]:  # the other names pick among the candidates of the last one
        narrowed = [c for c in candidates if any(_contains(o, c) for o in outer)]
        candidates = narrowed or candidates
    if len(set(candidates)) != 1:
        return []
    div = candidates[0]
    return [*_parents(div), div]


def chain_text(region: str | None) -> str:
    """The chain as the store keeps it: names separated and surrounded by spaces (`` 广东省 潮州市
    湘桥区 ``), so ``instr(chain, ' ' || ?)`` finds a level by its name or the start of it."""
    names = [d.name for d in chain(region)]
    return f" {' '.join(names)} " if names else ""


def code(region: str | None) -> str | None:
    found = chain(region)
    return found[-1].code if found else None
