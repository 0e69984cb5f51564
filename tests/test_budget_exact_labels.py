"""The shortcuts of :class:`ExactLabels` and the early end of :func:`tile_header` give the
answers of the plain lookups they replace."""

from __future__ import annotations

from gongwen.extractors.budget_fused import MAX_HEADER_CHARS, MAX_LABEL, tile_header
from gongwen.extractors.budget_header import ExactLabels, classify_exact

LINES = [
    "一级指标二级指标三级指标指标值",
    "项目名称（单位：万元）2023年预算数 绩效目标",
    "产出指标数量指标培训人次≥300人次计划标准",
    "会议由主任召集，每月召开一次；必要时可以召开临时会议。",
    "*指标值(或计划水平)，年度目标、按功能分类",
]


def test_each_slice_is_looked_up_as_classify_exact_would() -> None:
    for line in LINES:
        labels = ExactLabels(line)
        for i in range(len(line)):
            for j in range(i + 1, min(len(line), i + MAX_LABEL) + 1):
                assert labels.at(i, j) == classify_exact(line[i:j]), (line, i, j)
                if not labels.opens(i):
                    assert classify_exact(line[i:j]) is None, (line, i, j)


def _tile_slowly(text: str) -> bool:
    """Whether a header tiling exists, by the plain lookups over every position."""
    n = len(text)
    best = [10**9] * (n + 1)
    best[0] = 0
    for i in range(n):
        best[i + 1] = min(best[i + 1], best[i] + (not text[i].isspace()))
        for j in range(i + 2, min(n, i + MAX_LABEL) + 1):
            label = classify_exact(text[i:j])
            if label is not None and label.role != "other_period":
                best[j] = min(best[j], best[i])
    return best[n] <= 0.15 * len("".join(text.split()))


def test_a_line_of_prose_is_given_up_and_a_header_still_tiles() -> None:
    prose = "会议由主任召集，每月召开一次；必要时可以召开临时会议，" * 20
    assert tile_header(prose) is None
    header = "一级指标二级指标三级指标指标值"
    spans = tile_header(header)
    assert spans is not None and [header[a:b] for a, b, _ in spans] == ["一级指标", "二级指标", "三级指标", "指标值"]
    for line in LINES:
        assert (tile_header(line) is not None) <= _tile_slowly(line)


def test_a_line_longer_than_any_header_is_no_header() -> None:
    header = "一级指标二级指标三级指标指标值"
    assert tile_header(header) is not None
    long_line = header * (MAX_HEADER_CHARS // len(header) + 1)  # labels only, but no form has so many columns
    assert len(long_line) > MAX_HEADER_CHARS and tile_header(long_line) is None
    fits = header * (MAX_HEADER_CHARS // len(header))
    assert tile_header(fits) is not None
