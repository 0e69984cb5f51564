"""``gongwen serve`` through Starlette's test client: every page answers, search speaks the
shared query language and JSON, downloads are exactly what the CLI writes, the store is only
read, text is escaped, and a token guards every request when one is set."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from serve_store import build
from starlette.testclient import TestClient

from gongwen import compare as lib
from gongwen.commands.serve import is_loopback
from gongwen.serve import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("serve") / "g.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def _doc_id(db: Path, where: str) -> str:
    return sqlite3.connect(db).execute(f"SELECT doc_id FROM documents WHERE {where} LIMIT 1").fetchone()[0]


def test_overview_shows_the_collection(client: TestClient) -> None:
    page = client.get("/").text
    assert '<meta charset="utf-8">' in page and 'lang="zh-CN"' in page
    for what in ("东山区", "工作规则", "职责", "未能读取", "broken.pdf", "truncated PDF"):
        assert what in page


def test_search_highlights_and_facets(client: TestClient) -> None:
    page = client.get("/search", params={"q": "组织部 档案"}).text
    assert "<mark>档案</mark>" in page and "共 " in page and "地区" in page
    data = client.get("/search", params={"q": "党费 OR 档案", "format": "json"}).json()
    assert data["total"] == len(data["hits"]) > 0 and {"region", "type", "year"} <= set(data["facets"])
    assert all("党费" in h["text"] or "档案" in h["text"] for h in data["hits"])
    only = client.get("/search", params={"q": "档案", "region": "东山", "format": "json"}).json()
    assert only["hits"] and {h["region"] for h in only["hits"]} == {"东山区"}


def test_search_every_kind_and_traditional_queries(client: TestClient) -> None:
    for kind in ("duties", "meetings", "figures", "sections", "budget", "documents"):
        assert client.get("/search", params={"q": "会", "in": kind}).status_code == 200
    trad = client.get("/search", params={"q": "幹部", "format": "json"}).json()
    simp = client.get("/search", params={"q": "干部", "format": "json"}).json()
    assert trad["hits"] == simp["hits"] and simp["hits"]


def test_bad_queries_are_explained_not_crashed(client: TestClient) -> None:
    r = client.get("/search", params={"q": "-档案"})
    assert r.status_code == 400 and "at least one word" in r.text
    r = client.get("/search", params={"q": "档案", "type": "nonsense"})
    assert r.status_code == 400 and "work_rules" in r.text
    assert client.get("/search", params={"q": "档案", "in": "x", "format": "json"}).status_code == 400


def test_document_page_marks_records_and_escapes_text(client: TestClient, db: Path) -> None:
    doc_id = _doc_id(db, "doc_id IN (SELECT doc_id FROM meeting_rules)")
    page = client.get(f"/documents/{doc_id}").text
    for cls in ("k-duty", "k-figure", "k-meeting"):
        assert f'class="{cls}' in page or f" {cls}" in page
    assert "提纲" in page and 'href="#s1"' in page and 'id="s1"' in page
    assert client.get("/documents/0000000000000000").status_code == 404


def test_document_text_is_escaped(tmp_path: Path) -> None:
    from gongwen.process import process_text
    from gongwen.store import Store

    db = tmp_path / "x.db"
    with Store.open(db) as store:
        doc = process_text("某县工作规则\n一、总则\n本规则自2020年1月起施行。\n")
        # text that looks like markup, as a record could hold it (the normalizer strips most tags)
        doc.title = "<script>alert(1)</script>"
        doc.text = doc.text.replace("本规则", "<img src=x onerror=alert(2)>")
        store.put(doc)
    c = TestClient(create_app(db))
    doc_id = _doc_id(db, "1")
    page = c.get(f"/documents/{doc_id}").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img" in page
    assert "&lt;script&gt;" in c.get("/").text


def test_compare_pages_and_downloads_match_the_cli(client: TestClient, db: Path, tmp_path: Path) -> None:
    page = client.get("/compare/meetings").text
    assert "会议规则比较" in page and "sortable" in page and "differs" in page
    assert "北湖区" in client.get("/compare/duties", params={"organ": "组织部"}).text
    md = client.get("/compare/meetings", params={"format": "md"})
    assert md.text == lib.to_markdown(lib.compare_meetings(db))
    csv_file = tmp_path / "m.csv"
    lib.write_csv(lib.compare_duties(db), csv_file)
    assert client.get("/compare/duties", params={"format": "csv"}).content == csv_file.read_bytes()
    xlsx = client.get("/compare/meetings", params={"format": "xlsx"})
    assert xlsx.content[:2] == b"PK"
    assert client.get("/compare/nothing").status_code == 404


def test_brief_download(client: TestClient, db: Path) -> None:
    assert "起草简报" in client.get("/brief").text
    doc_id = _doc_id(db, "doc_type IN ('yearbook', 'experience_report')")
    docx = client.get("/brief", params={"doc": doc_id, "format": "docx"})
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    md = client.get("/brief", params={"doc": doc_id, "format": "md"})
    assert md.status_code == 200 and md.text.startswith("#")
    assert client.get("/brief", params={"doc": "nope"}).status_code == 404


def test_read_only_refuses_writes_and_never_changes_the_store(client: TestClient, db: Path) -> None:
    before = db.read_bytes()
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/search").status_code == 405
    client.get("/search", params={"q": "档案"})
    assert db.read_bytes() == before


def test_token_guards_every_request(db: Path) -> None:
    c = TestClient(create_app(db, token="s3cret"))
    assert c.get("/").status_code == 401
    assert c.get("/static/style.css").status_code == 401
    assert c.get("/", params={"token": "wrong"}).status_code == 401
    assert c.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert c.get("/", params={"token": "s3cret"}).status_code == 200  # sets the cookie
    assert c.get("/search", params={"q": "档案"}).status_code == 200


def test_only_loopback_hosts_serve_without_a_token() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_serve_refuses_an_open_host_without_token(db: Path) -> None:
    from typer.testing import CliRunner

    from gongwen.cli import load_commands

    result = CliRunner().invoke(load_commands(), ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code != 0 and "--token" in result.output


def test_assets_ship_with_the_package(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "Microsoft YaHei" in css.text and "Noto Sans CJK SC" in css.text
    assert "http" not in client.get("/").text.split("<main>")[0].replace('http-equiv', '')  # no CDN
