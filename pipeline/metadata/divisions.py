"""The administrative chain of a region (province / city / county, with division codes).

RECORDS.md keeps ``region`` as the text names it (``鄞州``, ``如东县``,
``威海经济技术开发区``); the store and search call :func:`chain` to roll a comparison up
from county to city to province. The division table is cpca's ``adcodes.csv`` (the
national division codes, GB/T 2260, to county level; MIT licence), read from the
installed package's data without importing cpca itself (which would import pandas);
Taiwan's cities and counties, which it lacks, come from ``taiwan_divisions.tsv`` under
the one national code 710000. Without cpca installed every chain is empty.
"""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline import lexicon

HERE = Path(__file__).resolve().parent
TAIWAN_CODE = "710000"
#: Suffixes a text may leave off a division's name (鄞州 for 鄞州区, 如东 for 如东县).
SHORT_SUFFIXES = ("自治县", "自治州", "自治旗", "特别行政区", "省", "市", "区", "县", "旗", "盟", "州")


@dataclass(frozen=True)
class Division:
    name: str
    level: str  # "province", "city" or "county"
    code: str  # six digits


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    return "city" if code.endswith("00") else "county"


@cache
def table() -> dict[str, Division]:
    """Every division by code."""
    out: dict[str, Division] = {}
    spec = importlib.util.find_spec("cpca")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    code = row["adcode"][:6]
                    out[code] = Division(row["name"], _level(code), code)
    return out


@cache
def by_name() -> dict[str, list[Division]]:
    """Divisions by full name and by the name without its suffix (鄞州 → 鄞州区)."""
    out: dict[str, list[Division]] = {}
    for d in table().values():
        out.setdefault(d.name, []).append(d)
        for suf in SHORT_SUFFIXES:
            if d.name.endswith(suf) and len(d.name) - len(suf) >= 2:
                out.setdefault(d.name[: -len(suf)], []).append(d)
                break
    for name, level in (r[:2] for r in lexicon.rows(HERE / "taiwan_divisions.tsv")):
        tw = Division(name, level, TAIWAN_CODE)
        out.setdefault(name, []).append(tw)
        out.setdefault(name[:-1], []).append(tw)
    return out


def _chain_of(d: Division) -> list[Division]:
    if d.code == TAIWAN_CODE:
        return [Division("台湾省", "province", TAIWAN_CODE), d]
    codes = [d.code[:2] + "0000", d.code[:4] + "00", d.code]
    out: list[Division] = []
    for code in dict.fromkeys(codes):
        up = table().get(code)
        if up is not None and up not in out and len(up.name) >= 2 and up.name != "市辖区":
            out.append(up)
    return out


def _matches(region: str) -> list[Division]:
    """Divisions the name may denote: itself, its short form, or the longest division
    name it opens with (威海经济技术开发区 → 威海市)."""
    names = by_name()
    if region in names:
        return names[region]
    for end in range(len(region) - 1, 1, -1):
        if region[:end] in names:
            return names[region[:end]]
    return []


def chains(region: str | None) -> list[list[Division]]:
    """Every chain the name may denote (连江县 is Fujian's and Taiwan's), province first."""
    if not region:
        return []
    return [_chain_of(d) for d in _matches(region.strip())]


def chain(region: str | None) -> list[Division]:
    """The administrative chain of ``region``, province first (``鄞州`` → 浙江省 330000 /
    宁波市 330200 / 鄞州区 330212); empty when the name is no known division. An
    ambiguous name gives its first reading (see :func:`chains` for all)."""
    found = chains(region)
    return found[0] if found else []
