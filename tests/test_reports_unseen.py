"""Reports the rules were never tuned on: yearbook entries, work summaries and
experience-exchange reports written for these tests (``tests/data/unseen/report_*.txt``),
each with what a careful annotator following RECORDS.md would write beside it
(``report_*.expected.json``: outline, title, doc_type, region, organization, year, and
stretches the normalized text must or must not hold).

The documents vary what the seeds show: a 镇 entry with bracket headings and run-in
headings set off by an ideographic space, a 县委组织部 summary in 一、/（一）/1. with
run-in headings ending in 。, a traditional-script report from a sharing site (pinyin,
upload banner, page-split markers right after the banner, a GBK-garbled stretch, a
line broken inside a word), and a 篇1：/篇2： compilation from an essay site.
"""

from __future__ import annotations

import pytest
from unseen import cases, document, expected, texts

from gongwen.record import Document

CASES = cases("report_")


def outline_of(d: Document) -> list[tuple[int, str, str, str | None]]:
    by_id = {s.id: s for s in d.sections}
    return [(s.level, s.number, s.title, by_id[s.parent].title if s.parent else None) for s in d.sections]


def test_every_document_has_expectations() -> None:
    assert len(CASES) >= 4
    assert {f"{c}.txt" for c in CASES} == texts("report_")


@pytest.mark.parametrize("name", CASES)
def test_outline(name: str) -> None:
    want = [(s["level"], s["number"], s["title"], s["parent"]) for s in expected(name)["sections"]]
    assert outline_of(document(name)) == want


@pytest.mark.parametrize("field", ["title", "doc_type", "region", "organization", "year"])
@pytest.mark.parametrize("name", CASES)
def test_metadata(name: str, field: str) -> None:
    assert getattr(document(name), field) == expected(name)[field]


@pytest.mark.parametrize("name", CASES)
def test_normalized_text(name: str) -> None:
    text = document(name).text
    assert [s for s in expected(name)["text_has"] if s not in text] == []
    assert [s for s in expected(name)["text_lacks"] if s in text] == []


@pytest.mark.parametrize("name", CASES)
def test_sections_span_their_titles(name: str) -> None:
    """Each section starts where its heading is written and ends after it starts."""
    d = document(name)
    for s in d.sections:
        assert s.title.replace("“", "").replace("”", "")[:2] in d.text[s.start:s.end].replace("“", "")
        assert s.start < s.end
