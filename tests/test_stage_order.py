"""Stages declare what they require and assign; the order follows from that."""

from __future__ import annotations

import pytest

from gongwen import stages
from gongwen.record import Document
from gongwen.stages import StageError, StageSpec, order


def _noop(doc: Document) -> Document:
    return doc


def _spec(name: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()) -> StageSpec:
    return StageSpec(name, _noop, requires, assigns)


def test_a_stage_runs_after_what_it_requires_whatever_order_it_is_asked_in() -> None:
    specs = [_spec("c", ("doc.b",), ("doc.c",)), _spec("b", ("doc.a",), ("doc.b",)), _spec("a", (), ("doc.a",))]
    assert order(["c"], specs) == ["a", "b", "c"]
    assert order(["c", "b", "a"], specs) == ["a", "b", "c"]


def test_independent_stages_keep_the_order_asked_for() -> None:
    specs = [_spec("a", (), ("doc.a",)), _spec("x", ("doc.a",)), _spec("y", ("doc.a",))]
    assert order(["a", "y", "x"], specs) == ["a", "y", "x"]
    assert order(["a", "x", "y"], specs) == ["a", "x", "y"]


def test_a_requirement_no_stage_assigns_is_an_error_naming_both() -> None:
    with pytest.raises(StageError, match="stage 'b' requires 'doc.missing', which no stage assigns"):
        order(["b"], [_spec("b", ("doc.missing",), ("doc.b",))])


def test_stages_requiring_each_other_are_an_error() -> None:
    specs = [_spec("a", ("doc.b",), ("doc.a",)), _spec("b", ("doc.a",), ("doc.b",))]
    with pytest.raises(StageError, match="require each other: a, b"):
        order(["a"], specs)


def test_two_stages_assigning_one_field_are_an_error() -> None:
    with pytest.raises(StageError, match="both assign 'doc.a'"):
        order(["a"], [_spec("a", (), ("doc.a",)), _spec("b", (), ("doc.a",))])


def test_the_default_pipeline_fills_every_field_of_the_record_and_classifies_once() -> None:
    names = stages.default_pipeline()
    assert names.count("classify") == 1
    assert names.index("classify") < names.index("structure") < names.index("extract")
    assigned = {a for n in names for a in stages.STAGES.spec(n).assigns}
    assert set(stages.record_fields()) <= assigned


def test_the_built_in_stages_declare_everything_they_require() -> None:
    names = stages.default_pipeline()
    have = set(stages.GIVEN)
    for n in names:
        missing = set(stages.STAGES.spec(n).requires) - have
        assert not missing, (n, missing)
        have |= set(stages.STAGES.spec(n).assigns)


def test_asking_for_a_stage_runs_what_it_requires() -> None:
    from gongwen.process import process_text

    doc = process_text("某县议事规则\n一、总则\n第一条 会议每月召开一次。\n", ["structure"])
    assert doc.text and doc.sections and doc.work.title is not None
    assert doc.region is None and not doc.meeting_rules  # metadata and extract were not asked for
