"""``Document.section_at``: the innermost section holding a position, as extractors ask it."""

from __future__ import annotations

import pytest

from gongwen.record import Document, Section, Source

# 一、(0–100) holds (一)(10–50) holding 1、(20–30); (二)(50–90) then 10 characters of
# 一、's own closing text; 二、(120–200) after a gap of text outside every section.
SECTIONS = [
    Section("s1", None, 1, "一、", "职责", 0, 100),
    Section("s2", "s1", 2, "（一）", "区委职责", 10, 50),
    Section("s3", "s2", 3, "1、", "议事范围", 20, 30),
    Section("s4", "s1", 2, "（二）", "常委会职责", 50, 90),
    Section("s5", None, 1, "二、", "会议制度", 120, 200),
]


@pytest.mark.parametrize("pos,sid", [
    (0, "s1"), (9, "s1"), (10, "s2"), (25, "s3"), (30, "s2"), (49, "s2"), (50, "s4"), (89, "s4"),
    (95, "s1"), (100, None), (119, None), (120, "s5"), (199, "s5"), (200, None),
])
def test_innermost_section(pos: int, sid: str | None) -> None:
    doc = Document(source=Source("x.txt", "txt", "utf-8", 1, "0" * 64), text="x" * 220, sections=list(SECTIONS))
    found = doc.section_at(pos)
    assert (found.id if found else None) == sid


def test_a_new_outline_is_indexed_afresh() -> None:
    doc = Document(source=Source("x.txt", "txt", "utf-8", 1, "0" * 64), text="x" * 220, sections=list(SECTIONS))
    assert doc.section_at(125).id == "s5"
    doc.sections = [Section("t1", None, 1, "第一章", "总则", 100, 220)]
    assert doc.section_at(125).id == "t1" and doc.section_at(5) is None
