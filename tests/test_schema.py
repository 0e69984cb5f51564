"""Every record the project writes validates against the record schema, and every
span it holds points at its own surface in ``text`` (RECORDS.md's promise)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gongwen.process import process_file
from gongwen.record import Document

HERE = Path(__file__).resolve().parent
LOCAL_SCHEMA = HERE / "data" / "record.schema.json"
SHARED = HERE.parent.parent / "shared"
SAMPLES = HERE.parent / "corpora" / "sample"


def _schema() -> dict[str, Any]:
    """The shared contract when present, else the copy kept beside the tests."""
    shared = SHARED / "spec" / "record.schema.json"
    return json.loads((shared if shared.exists() else LOCAL_SCHEMA).read_text(encoding="utf-8"))


def _validator() -> Any:
    from jsonschema import Draft202012Validator, validators

    schema = _schema()
    cls = validators.validator_for(schema, default=Draft202012Validator)
    return cls(schema)


def _check(doc: Document) -> None:
    record = json.loads(doc.to_json())
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    text = doc.text
    for f in doc.figures:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text, f
    for s in doc.sections:
        assert 0 <= s.start < s.end <= len(text), s
    for d in doc.duties:
        assert 0 <= d.start < d.end <= len(text), d
        assert d.text.strip() in text[d.start:d.end] or text[d.start:d.end].strip() in d.text, d
    for m in doc.meeting_rules:
        assert 0 <= m.start < m.end <= len(text), m
    for b in doc.budget_items:
        assert 0 <= b.start < b.end <= len(text), b
    sections = {s.id for s in doc.sections}
    assert all(x.section in sections for x in [*doc.duties, *doc.meeting_rules] if x.section), "dangling section id"


def _shared_documents() -> list[Path]:
    if not SHARED.exists():
        return []
    return sorted([*(SHARED / "seeds").glob("*.txt"), *(SHARED / "corpus").glob("*/*.txt")])


@pytest.mark.parametrize("path", sorted(p for p in SAMPLES.iterdir() if p.is_file()), ids=lambda p: p.name)
def test_sample_records_validate(path: Path) -> None:
    _check(process_file(path))


@pytest.mark.parametrize("path", _shared_documents(), ids=lambda p: p.name)
def test_shared_records_validate(shared: Path, path: Path) -> None:
    _check(process_file(path))


def test_local_schema_copy_is_the_contract(shared: Path) -> None:
    """The copy kept for clones without ../shared must not drift from the contract."""
    assert json.loads(LOCAL_SCHEMA.read_text(encoding="utf-8")) == json.loads(
        (shared / "spec" / "record.schema.json").read_text(encoding="utf-8"))
