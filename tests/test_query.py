"""The query language shared by ``gongwen search`` and ``gongwen serve`` (gongwen.query), and
search in every kind of record with region, genre and year filters, paging and facets."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongwen.query import QueryError, parse
from gongwen.search import search, search_page


def test_parse_words_phrases_or_and_exclusion() -> None:
    q = parse('组织部 "干部 档案" 党费 OR 经费 -预算')
    assert [[t.text for t in clause] for clause in q.clauses] == [["组织部"], ["干部 档案"], ["党费", "经费"]]
    assert [t.text for t in q.excluded] == ["预算"]
    assert q.clauses[1][0].phrase and q.clauses[1][0].needles() == ["干部档案"]
    assert q.fts() == '("组织部" AND "干部 档案" AND ("党费" OR "经费")) NOT "预算"'


def test_traditional_queries_fold_to_simplified() -> None:
    assert parse("幹部檔案").words() == parse("干部档案").words()


def test_exclusions_alone_are_an_error_and_empty_queries_are_falsy() -> None:
    with pytest.raises(QueryError, match="at least one word"):
        parse("-预算 -经费")
    assert not parse("   ") and not parse('""') and not parse("OR")


def test_operator_characters_inside_terms_are_text() -> None:
    q = parse("NEAR(党费 organ:档案")
    assert '"near"' in q.fts() and "NEAR(" not in q.fts()


def test_words_across_fields_find_a_duty_by_its_organ_and_text(sample_db: Path) -> None:
    # 组织部 names the organ (and the document), 档案 is in the duty's text
    hits = search(sample_db, "组织部 档案")
    assert hits and all("组织部" in (h.organ or "") + (h.title or "") for h in hits)
    assert all("档案" in h.text for h in hits)


def test_or_gives_the_union_and_exclusion_removes(sample_db: Path) -> None:
    a, b = {h.key for h in search(sample_db, "党费", limit=50)}, {h.key for h in search(sample_db, "档案", limit=50)}
    both = {h.key for h in search(sample_db, "党费 OR 档案", limit=50)}
    assert a and b and both == a | b
    assert {h.key for h in search(sample_db, "档案 -干部", limit=50)} == {
        h.key for h in search(sample_db, "档案", limit=50) if "干部" not in h.text}


def test_phrase_needs_the_words_together(sample_db: Path) -> None:
    together = search(sample_db, '"档案 管理"', limit=50)
    assert together and all("档案管理" in h.text for h in together)


def test_region_matches_by_prefix(sample_db: Path) -> None:
    assert search(sample_db, "档案", region="东山") and all(h.region == "东山区" for h in
                                                             search(sample_db, "档案", region="东山"))
    assert search(sample_db, "档案", region="东山区") == search(sample_db, "档案", region="东山")
    assert not search(sample_db, "档案", region="山区")  # a prefix, not any substring
    assert not search(sample_db, "档案", region="%")  # LIKE syntax is text


def test_meetings_and_documents_are_searchable(sample_db: Path) -> None:
    meetings = search(sample_db, "书记", in_="meetings")
    assert meetings and {h.kind for h in meetings} == {"meeting_rules"}
    assert search(sample_db, "工作规则", in_="documents")


def test_year_and_genre_filters(sample_db: Path) -> None:
    assert search(sample_db, "档案", year=2019)
    assert not search(sample_db, "档案", year=1990)
    assert all(h.doc_type == "duty_list" for h in search(sample_db, "档案", doc_type="duty_list"))


def test_paging_and_facets(sample_db: Path) -> None:
    everything = search_page(sample_db, "负责", limit=100)
    assert everything.total == len(everything.hits) > 3
    page2 = search_page(sample_db, "负责", limit=2, offset=2)
    assert page2.total == everything.total and [h.key for h in page2.hits] == [h.key for h in everything.hits[2:4]]
    regions = dict(everything.facets["region"])
    assert sum(regions.values()) == everything.total and set(regions) <= {"东山区", "西岭区", "北湖区", "南岭区"}
    assert dict(everything.facets["year"]) == {2019: everything.total}
