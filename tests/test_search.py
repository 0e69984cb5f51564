"""Search over a real store built from the sample records: ranking, traditional
queries, hostile FTS syntax, short and multi-word queries, snippets, "more like this",
and the ``gongwen search`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongwen.search import highlight_spans, like, query_words, search, snippet
from gongwen.store import Store


def texts(hits: list) -> list[str]:
    return [h.text for h in hits]


@pytest.mark.parametrize("query, expected", [
    ("党费", {"加强党费收缴、使用和管理", "负责党员教育管理和党费收缴工作", "负责党费的收缴、管理和使用",
              "负责党费收缴、管理和使用工作"}),
    ("档案", {"做好干部人事档案管理工作", "负责全区干部人事档案的管理工作", "管理全区干部人事档案",
              "负责本部机要、秘书、文书档案工作"}),
    ("经费", {"管好用好党建专项经费"}),  # a part of a longer word
    ("专项经费", {"管好用好党建专项经费"}),
    ("干部 档案", {"做好干部人事档案管理工作", "负责全区干部人事档案的管理工作", "管理全区干部人事档案"}),
    ("人事档案管理", {"做好干部人事档案管理工作", "负责全区干部人事档案的管理工作", "管理全区干部人事档案"}),
    ("精神文明建设", {"领导全区精神文明建设"}),
    ("不存在的词语组合", set()),
])
def test_duty_queries(sample_db: Path, query: str, expected: set[str]) -> None:
    assert set(texts(search(sample_db, query))) == expected


@pytest.mark.parametrize("traditional, simplified", [
    ("黨費", "党费"),
    ("檔案", "档案"),
    ("幹部 檔案", "干部 档案"),
    ("精神文明建設", "精神文明建设"),
])
def test_traditional_queries_find_simplified_text(sample_db: Path, traditional: str, simplified: str) -> None:
    hits = search(sample_db, traditional)
    assert hits and texts(hits) == texts(search(sample_db, simplified))
    assert all(h.highlights for h in hits)


@pytest.mark.parametrize("query", [
    '"', '""', "党费*", '"党费', "NEAR(党费 档案)", "党费 -档案", "党费 OR 档案", "(党费", "organ:党费",
    "党费 AND", "^党费", "*", ":", "-", "NEAR", "'; DROP TABLE duties; --", "党费\x00档案", "   ",
])
def test_hostile_fts_syntax_never_raises(sample_db: Path, query: str) -> None:
    hits = search(sample_db, query)
    assert isinstance(hits, list)


@pytest.mark.parametrize("query, n", [
    ("党费*", 4), ('"党费', 4), ("(党费", 4), ("^党费", 4), ("organ:党费", 0), ("党费 -档案", 4),
])
def test_syntax_characters_are_ignored_words_kept(sample_db: Path, query: str, n: int) -> None:
    # FTS5 syntax is searched as text; the query language (gongwen.query) keeps its own
    # operators: "-档案" excludes, and no duty about 党费 mentions 档案
    assert len(search(sample_db, query)) == n


@pytest.mark.parametrize("query, text", [
    ("书档", "负责本部机要、秘书、文书档案工作"),  # across jieba's word boundary (文书|档案)
    ("区科级", "负责全区科级干部的考察任免工作"),  # 区 is never a token of its own here
])
def test_substring_fallback_finds_what_segmentation_hides(sample_db: Path, query: str, text: str) -> None:
    hits = search(sample_db, query)
    assert [(h.text, h.match) for h in hits] == [(text, "substring")]
    assert hits[0].highlights


def test_store_survives_hostile_query(sample_db: Path) -> None:
    search(sample_db, "'; DROP TABLE duties; --")
    with Store.open(sample_db) as store:
        assert store.con.execute("SELECT count(*) FROM duties").fetchone()[0] == 21


def test_hit_carries_section_path_document_and_snippet(sample_db: Path) -> None:
    (hit,) = search(sample_db, "经常工作")
    assert hit.text == "主持区委经常工作"
    assert hit.section_path == "一、职责 › （二）常委会职责"
    assert (hit.title, hit.region, hit.organ) == ("东山区委工作规则", "东山区", "常委会")
    assert hit.path == "samples/dongshan_rules.txt"
    assert hit.key.endswith(":d6")


def test_filters(sample_db: Path) -> None:
    assert {h.region for h in search(sample_db, "党费", region="北湖区")} == {"北湖区"}
    assert {h.doc_type for h in search(sample_db, "党费", doc_type="work_rules")} == {"work_rules"}
    assert search(sample_db, "党费", limit=2) and len(search(sample_db, "党费", limit=2)) == 2


@pytest.mark.parametrize("in_, query, expected_key_suffix", [
    ("sections", "记录", ":s6"),
    ("documents", "人秘股", ""),
    ("figures", "党费", None),  # the samples have no figures
])
def test_other_kinds(sample_db: Path, in_: str, query: str, expected_key_suffix: str | None) -> None:
    hits = search(sample_db, query, in_=in_)
    if expected_key_suffix is None:
        assert hits == []
    else:
        assert hits and hits[0].key.endswith(expected_key_suffix)
        assert "【" in hits[0].snippet


def test_bad_kind_is_a_clear_error(sample_db: Path) -> None:
    with pytest.raises(ValueError, match="cannot search in 'budgets'"):
        search(sample_db, "党费", in_="budgets")


@pytest.mark.parametrize("query, words", [
    ("黨費收繳", ["党费", "收缴"]),
    ('"经费" OR *', ["经费", "OR"]),
    ("  ", []),
])
def test_query_words(query: str, words: list[str]) -> None:
    assert query_words(query) == words


@pytest.mark.parametrize("text, words, marked", [
    ("负责党费收缴工作", ["党费"], "负责【党费】收缴工作"),
    ("党费党费", ["党费"], "【党费党费】"),  # adjacent highlights merge
    ("人事档案管理", ["档案", "人事档案"], "【人事档案】管理"),
    ("无关", ["党费"], "无关"),
])
def test_snippet_marks(text: str, words: list[str], marked: str) -> None:
    assert snippet(text, highlight_spans(text, words)) == marked


def test_more_like_this_finds_the_same_duty_elsewhere(sample_db: Path) -> None:
    key = next(h.key for h in search(sample_db, "党费", region="东山区"))
    hits = like(sample_db, key, limit=3)
    assert {h.region for h in hits} == {"西岭区", "北湖区", "南岭区"}
    assert all(h.region != "东山区" for h in like(sample_db, key))
    assert hits[0].score > 0.3
    with pytest.raises(KeyError, match="no duty"):
        like(sample_db, "ffffffff:d99")


def test_cli_search_json_and_table(sample_db: Path) -> None:
    from gongwen.cli import load_commands

    app = load_commands()

    runner = CliRunner()
    res = runner.invoke(app, ["search", "黨費", "--json", "--db", str(sample_db), "--region", "西岭区"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["负责党员教育管理和党费收缴工作"]
    res = runner.invoke(app, ["search", "档案", "--db", str(sample_db)])
    assert res.exit_code == 0 and "人秘股" in res.stdout
    key = rows[0]["key"]
    res = runner.invoke(app, ["search", "--like", key[:8] + key[16:], "--json", "--db", str(sample_db)])
    assert res.exit_code == 0, res.output
    assert "西岭区" not in {json.loads(line)["region"] for line in res.stdout.splitlines()}
    res = runner.invoke(app, ["search", "党费", "--db", str(sample_db.parent / "absent.db")])
    assert res.exit_code == 2 and "no store here" in res.output


def test_figure_hits_carry_the_figure_and_its_sentence(tmp_path: Path) -> None:
    from test_store_samples import DONGSHAN, build

    from gongwen.record import Figure, Section

    doc = build(DONGSHAN)
    start = doc.text.index("两次")
    doc.figures = [Figure(text="两次", start=start, end=start + 2, kind="count", value=2, unit="次")]
    doc.sections.append(Section(id="s9", parent=None, level=1, number="【】", title="附记", start=len(doc.text),
                                end=len(doc.text)))
    with Store.open(tmp_path / "f.db") as store:
        store.put(doc)
        (hit,) = search(store, "全委会 召开", in_="figures")
        assert hit.figure == "两次" and hit.key.endswith(":f0")
        assert hit.text == "全委会每年至少召开两次，由常委会召集。"  # the sentence around the figure
        assert hit.section_path == "二、会议制度 › （一）全委会"
        (sec,) = store.con.execute("SELECT section_path FROM sections WHERE sid = 's9'").fetchone()
        assert sec == "【附记】"
