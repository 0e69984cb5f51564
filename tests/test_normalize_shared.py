"""The normalizer on the real documents of ../shared: seeds and the two corpora."""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

import pytest

from gongwen.normalize import Normalized, normalize
from gongwen.normalize.pinyin import ANNOTATION, ORPHAN
from gongwen.normalize.script import converter

FURNITURE = ["上传人", "得力文库", "收藏查看我的收藏", "[bookmark", "来源:好范文", "制度大全网", "工信部备案号",
             "展开阅读全文", "点击查看更多", "Original URL", "词条标签", "编辑锁定", "扫一扫在手机", "<div", "<!--"]


@cache
def _normalized(path: str) -> tuple[str, Normalized]:
    source = Path(path).read_text(encoding="utf-8")
    return source, normalize(source)


def _seed(shared: Path, prefix: str) -> tuple[str, Normalized]:
    return _normalized(str(next((shared / "seeds").glob(f"{prefix}_*.txt"))))


def _all_files(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus").glob("*/[0-9]*.txt"))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_furniture_survives(shared: Path, prefix: str) -> None:
    _, result = _seed(shared, prefix)
    assert [f for f in FURNITURE if f in result.text] == []


def test_seed_003_is_simplified_without_pinyin(shared: Path) -> None:
    _, result = _seed(shared, "003")
    text = result.text
    assert result.script == "traditional"
    assert converter("t2s").convert(text) == text
    assert not ANNOTATION.search(text) and not ORPHAN.search(text)
    assert "品牌。现将" in text and "进行身份转换" in text and "专款专用" in text
    # garbled stretches whose bytes are partly lost stay as found, reported (a couple at most)
    assert text.count("?") <= 6
    assert any("garbled" in w for w in result.warnings)


def test_seed_002_page_markers_are_joined(shared: Path) -> None:
    _, result = _seed(shared, "002")
    assert "在全区国家机关、人民团体" in result.text
    assert not re.search(r"\d+、、", result.text)
    assert result.text.startswith("卫东区委工作规则")
    assert "\n一、职责\n" in result.text


def test_seed_000_encyclopedia_entry(shared: Path) -> None:
    _, result = _seed(shared, "000")
    lines = result.text.split("\n")
    assert lines[0] == "湘桥区委组织部"
    assert lines[1].startswith("贯彻执行上级党组织")  # the lead paragraph stays
    assert "湘桥区委组织部主要职责" in lines and "湘桥区委组织部内设机构" in lines
    assert "中文名" not in result.text and "目录1" not in result.text and "[1]" not in result.text


def test_seed_004_table_layout_is_kept(shared: Path) -> None:
    source, result = _seed(shared, "004")
    assert result.text.startswith("\t203组织部\n\n\t职责活动\n")
    # every cell line of the source survives as a cell line, in order
    cells = [x.strip(" ") for x in source.split("\n") if x.lstrip(" ").startswith("\t")]
    kept = [x for x in result.text.split("\n") if x.startswith("\t")]
    assert len(kept) == len(cells)
    assert "\t\u3000\u3000党组织建设及党员教育管理" in kept


@pytest.mark.parametrize("index", range(26))
def test_offset_map_on_real_documents(shared: Path, index: int) -> None:
    files = _all_files(shared)
    if index >= len(files):
        pytest.skip("fewer documents")
    source, result = _normalized(str(files[index]))
    offsets = result.offsets
    assert len(offsets) == len(result.text) + 1 and offsets[-1] <= len(source)
    t2s = converter("t2s")
    rng = random.Random(index)
    bad = 0
    for _ in range(300):
        i = rng.randrange(len(result.text)) if result.text else 0
        ch = result.text[i]
        src = source[offsets[i]]
        window = source[max(0, offsets[i] - 2):offsets[i] + 3]  # phrase conversion: 計畫 → 计划
        same = src == ch or ch in t2s.convert(window) or ch in converter("tw2s").convert(window)
        same = same or (0xFF01 <= ord(src) <= 0xFF5E and chr(ord(src) - 0xFEE0) == ch) or ch.isspace()
        bad += not same
    # garbled repairs map their characters into the garbled stretch, not onto equal characters
    assert bad <= 3


def test_taiwan_corpus_is_simplified_and_keeps_metadata_lines(shared: Path) -> None:
    t2s = converter("t2s")
    for path in sorted((shared / "corpus" / "traditional").glob("[0-9]*.txt")):
        _, result = _normalized(str(path))
        assert result.script == "traditional", path.name
        changed = sum(a != b for a, b in zip(result.text, t2s.convert(result.text), strict=False))
        assert changed <= 2, path.name
        if path.read_text(encoding="utf-8").startswith("法規名稱"):
            assert result.text.startswith("法规名称："), path.name
            assert re.search(r"^沿革内容：$", result.text, re.MULTILINE), path.name


def test_mainland_corpus_heading_lines_stay_at_line_starts(shared: Path) -> None:
    for path in sorted((shared / "corpus" / "mainland").glob("[0-9]*.txt")):
        source, result = _normalized(str(path))
        assert result.script == "simplified", path.name
        for pattern in (r"^## 第[一二三四五六七八九十]+章", r"^第[一二三四五六七八九十百]+条"):
            assert len(re.findall(pattern, result.text, re.MULTILINE)) == \
                len(re.findall(pattern, source, re.MULTILINE)), (path.name, pattern)
        for furniture in ("下载\n打印", "【字号", "【字体", "当前位置", "扫一扫", "<br>", "<div"):
            assert furniture not in result.text, (path.name, furniture)
