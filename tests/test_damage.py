"""The damage kinds of the robustness harness (bench/damage.py) do what their names say and
keep the content a reader would keep, so a gold file stays valid for the damaged text."""

from __future__ import annotations

import importlib.util
import random
import re
import unicodedata
from pathlib import Path

import pytest

from gongwen.tables import find_tables

_spec = importlib.util.spec_from_file_location("damage", Path(__file__).parent.parent / "bench" / "damage.py")
assert _spec and _spec.loader
damage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(damage)

TEXT = ("某县委常委会议事规则\n一、议事范围：凡属全县重大事项，必须经常委会集体讨论决定。\n"
        "二、会议制度\n常委会会议一般每月召开两次，必须有半数以上常委到会方能举行。\n"
        "1989年1月，全县共有党员3200余名，比上年增长5.6%。\n") * 8
GRID = [["项目名称", "年度预算数", "绩效指标", "指标值"],
        ["党员教育培训", "140.32", "培训覆盖率", "≥95%"],
        ["基层阵地建设", "60", "新建活动场所数", "12个"]]


def _content(text: str) -> str:
    """What the scorer compares: NFKC, no whitespace, no punctuation."""
    return re.sub(r"[\s\W_]+", "", unicodedata.normalize("NFKC", text))


def test_every_kind_is_registered() -> None:
    assert len(damage.DAMAGES.names()) >= 11
    assert len(damage.TABLE_DAMAGES.names()) >= 5


@pytest.mark.parametrize("kind", ["punctuation stripped", "spaces inside words", "line breaks lost",
                                  "lines hard-wrapped mid-word", "page-split markers"])
def test_damage_changes_layout_not_content(kind: str) -> None:
    out = damage.DAMAGES.get(kind)(TEXT, random.Random(1))
    assert out != TEXT
    expected = _content(TEXT)
    if kind == "page-split markers":  # the markers add their page numbers, nothing else
        assert re.sub(r"\d+、", "", out).replace("\n", "") != ""
        assert _content(re.sub(r"(?:^|\n\n)\d+、", "", out)) == expected
    else:
        assert _content(out) == expected


def test_punctuation_stripped_keeps_decimal_points_and_percent() -> None:
    out = damage.DAMAGES.get("punctuation stripped")(TEXT, random.Random(1))
    assert "5.6%" in out and "，" not in out and "。" not in out


def test_spaces_inside_words_space_a_number_from_its_unit() -> None:
    out = damage.DAMAGES.get("spaces inside words")(TEXT, random.Random(1))
    assert "1989 年" in out and "1 月" in out


def test_pinyin_and_traditional_and_mojibake() -> None:
    rng = random.Random(3)
    assert re.search(r"[\u4e00-\u9fff]\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔù][a-zü]*\)",
                     damage.DAMAGES.get("pinyin after characters")(TEXT, rng))
    assert "會議" in damage.DAMAGES.get("traditional script")(TEXT, rng)
    latin = damage.DAMAGES.get("UTF-8 read as Latin-1")(TEXT, rng)
    assert not re.search(r"[\u4e00-\u9fff]", latin)
    assert latin.encode("cp1252", errors="ignore")  # Latin letters only, the UTF-8 bytes shown as cp1252


def test_gbk_one_byte_off_garbles_a_stretch_the_way_scrapers_do() -> None:
    out = damage.DAMAGES.get("GBK decoded one byte off")(TEXT, random.Random(2))
    assert "?" in out and out != TEXT


def test_furniture_lines_are_added_around_the_text() -> None:
    out = damage.DAMAGES.get("furniture lines")(TEXT, random.Random(2))
    assert out.startswith("首页 >") and "扫一扫" in out and TEXT.strip().split("\n")[0] in out


def test_table_damages_rewrite_only_the_table() -> None:
    clean = "某单位绩效目标表\n" + "\n".join(damage.pipe_row(r) for r in GRID) + "\n填表人：某某"
    tables = [t for t, _ in find_tables(clean)]
    assert tables and damage.table_cells(tables[0]) == GRID
    for kind in damage.TABLE_DAMAGES.names():
        render = damage.TABLE_DAMAGES.get(kind)
        out = damage.render_tables(clean, tables, lambda rows, r=render: r(rows, random.Random(0)))
        assert out.startswith("某单位绩效目标表\n") and out.endswith("\n填表人：某某"), kind
        if kind != "table: ≥ printed as 2":
            assert "≥95%" in out, kind
        else:
            assert "295%" in out
    fused = damage.TABLE_DAMAGES.get("table: cells fused, no separators")(GRID, random.Random(0))
    assert fused.split("\n")[1] == "党员教育培训140.32培训覆盖率≥95%"
