"""A new record kind is one module plus its registration (:mod:`contacts_kind`): once
registered it is in the record JSON, the store (after ``gongwen run`` and ``Store.put``),
full-text search, the run summary, ``--show`` and the review page, with no other change.
Each assertion fails where a place still names the kinds itself."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from gongwen import kinds
from gongwen.process import process_text
from gongwen.record import Document
from gongwen.store import Store

TESTS = Path(__file__).parent
TEXT = ("某县文化馆开放管理办法\n第一条 本馆每周二至周日开放。\n"
        "第二条 团体参观须提前预约，预约电话：0768-2281234。\n第三条 咨询请致电13912345678。\n")


@contextmanager
def _registered() -> Iterator[Any]:
    """The ``contacts`` kind registered (by importing its module) for the block only."""
    sys.path.insert(0, str(TESTS))
    try:
        import contacts_kind

        kinds.register(contacts_kind.CONTACTS)  # again, if an earlier test forgot it
        yield contacts_kind
    finally:
        kinds.KINDS.remove("contacts")
        sys.modules.pop("contacts_kind", None)
        sys.path.remove(str(TESTS))


@pytest.fixture
def contacts() -> Iterator[Any]:
    with _registered() as module:
        yield module


def test_the_new_kind_is_in_the_record_after_the_built_in_kinds(contacts: Any) -> None:
    data = process_text(TEXT).to_dict()
    assert [c["text"] for c in data["contacts"]] == ["0768-2281234", "13912345678"]
    keys = list(data)
    assert keys.index("budget_items") < keys.index("contacts") == keys.index("warnings") - 1
    again = Document.from_json(process_text(TEXT).to_json())
    assert again.records("contacts")[0].text == "0768-2281234"  # read back as its dataclass
    assert again.to_dict() == data


def test_without_the_registration_there_is_no_such_key() -> None:
    assert "contacts" not in process_text(TEXT).to_dict()


def test_the_store_and_search_hold_the_new_kind(contacts: Any, tmp_path: Path) -> None:
    from gongwen.search import kinds_searched, search

    with Store.open(tmp_path / "s.db") as store:
        assert store.put(process_text(TEXT)) == "added"
        [stored] = store.documents()
        assert stored.counts["contacts"] == 2
        assert store.summary().records["contacts"] == 2
        assert "contacts" in kinds_searched()
        hits = search(store, "预约", in_="contacts")
        assert [h.figure for h in hits] == ["0768-2281234"] and hits[0].kind == "contacts"
        assert "【预约】" in hits[0].snippet
        store.delete("text.txt")
        assert store.summary().records["contacts"] == 0 and not search(store, "预约", in_="contacts")


def test_a_store_made_before_the_kind_was_registered_gets_its_table(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store.open(db) as store:
        store.put(process_text("某县规定\n第一条 本规定自发布之日起施行。\n"))
    with _registered(), Store.open(db) as store:
        assert store.put(process_text(TEXT, path="b.txt")) == "added"
        assert store.summary().records["contacts"] == 2


def test_gongwen_run_stores_and_counts_the_new_kind(contacts: Any, tmp_path: Path) -> None:
    from gongwen.batch import run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "run.db"
    summary = run([str(folder)], db, workers=1, plugins=["contacts_kind"], show_progress=False)
    assert summary.records["contacts"] == 2
    assert "phone numbers 2" in "\n".join(summary.lines())
    with Store.open(db) as store:
        assert store.summary().records["contacts"] == 2


def test_show_and_review_render_the_new_kind(contacts: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from gongwen.review import layers, marks
    from gongwen.show import names, show

    doc = process_text(TEXT)
    assert "contacts" in names() and "contacts" in layers()
    show(doc, "contacts", width=120)
    out = capsys.readouterr().out
    assert "contacts (2)" in out and "13912345678" in out
    assert [(m.label, doc.text[m.start:m.end]) for m in marks(doc, "contacts")] == [
        ("电话", "0768-2281234"), ("电话", "13912345678")]


def test_a_kind_may_not_take_a_name_the_record_uses(contacts: Any) -> None:
    with pytest.raises(ValueError, match="names a field of the record"):
        kinds.register(replace(contacts.CONTACTS, name="title"))
    with pytest.raises(ValueError, match="taken by 'meeting_rules'"):
        kinds.register(replace(contacts.CONTACTS, name="contacts2", short="meetings"))


def test_the_web_pages_count_list_and_search_the_new_kind(contacts: Any, tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from gongwen.serve import create_app

    db = tmp_path / "web.db"
    with Store.open(db) as store:
        store.put(process_text(TEXT))
    client = TestClient(create_app(db))
    assert "电话 2" in client.get("/").text
    assert '<option value="contacts"' in client.get("/").text
    listing = client.get("/documents").text
    assert "<th class=\"num\">电话</th>" in listing
    found = client.get("/search", params={"q": "预约", "in": "contacts", "format": "json"}).json()
    assert found["total"] == 1 and found["hits"][0]["figure"] == "0768-2281234"
    with Store.open(db) as store:
        [doc_id] = [d.doc_id for d in store.documents()]
    page = client.get(f"/documents/{doc_id}").text
    assert "电话 2" in page and 'class="k-contacts"' in page and "电话 c1：0768-2281234" in page
    assert "<h2>电话</h2><p>0768-2281234</p><p>13912345678</p>" in page
