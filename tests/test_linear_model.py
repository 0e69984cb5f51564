"""The JSON linear models (gongwen.linear_model): the same probabilities as the fitted
scikit-learn pipeline they were exported from, and nothing applied from a bad file."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from gongwen import linear_model
from gongwen.structure import classifier, train

SENTENCES = ["坚持以人为本，抓队伍建设", "强化责任落实，提升服务质量", "常委会会议由书记召集并主持",
             "委员因故不能参加会议，应在会前请假", "Ａbc  def\n\t各部门应当于每年三月底前报送", "",
             "聚焦主责主业，推动工作提质增效", "今年以来，全镇经济稳中有进"]


def _write(tmp_path: Path, model: dict, name: str = "m.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_exported_heading_model_gives_the_pipelines_probabilities(tmp_path: Path) -> None:
    texts, labels = train.load_examples()
    fitted = train.build().fit(texts, labels)
    path = _write(tmp_path, train.to_json(fitted))
    model = linear_model.load(path, classifier.MODEL_FORMAT)
    assert model is not None
    expected = fitted.predict_proba(SENTENCES + texts[:20])[:, 1]
    for sentence, p in zip(SENTENCES + texts[:20], expected, strict=True):
        got = linear_model.probabilities(classifier.model_features(sentence), model)
        assert got["heading"] == pytest.approx(float(p), abs=1e-12), sentence
        assert got["item"] + got["heading"] == pytest.approx(1.0)


def test_the_shipped_heading_model_is_current() -> None:
    """The file in gongwen.models is of today's format and is what the trainer writes."""
    model = linear_model.load(classifier.MODEL_PATH, classifier.MODEL_FORMAT)
    assert model is not None, "models/heading_lead.json is missing or stale: python -m gongwen.structure.train"
    texts, labels = train.load_examples()
    fresh = train.to_json(train.build().fit(texts, labels))
    assert fresh["features"] == model["features"]
    assert fresh["coef"][0] == pytest.approx(model["coef"][0], abs=1e-9)


def test_binary_and_multiclass_rows(tmp_path: Path) -> None:
    base = {"format": "t/1", "features": ["c:甲", "c:乙", "h:x"], "idf": [1.0, 2.0, 1.0],
            "tfidf_blocks": ["c:"], "block_weight": {"h:": 2.0}}
    binary = linear_model.load(_write(tmp_path, {**base, "classes": ["no", "yes"], "coef": [[1.0, -1.0, 0.5]],
                                                  "intercept": [0.25]}, "b.json"), "t/1")
    # c:甲 count 1 → (1+ln 1)·1 = 1; c:乙 count e → (1+1)·2 = 4; L2 over the block → (1, 4)/√17
    x = {"c:甲": 1.0, "c:乙": math.e, "h:x": 3.0, "c:unknown": 5.0}
    z = 0.25 + (1.0 - 4.0) / math.sqrt(17) + 0.5 * 3.0 * 2.0
    assert binary is not None
    assert linear_model.probabilities(x, binary) == pytest.approx({"no": 1 - 1 / (1 + math.exp(-z)), "yes": 1 / (1 + math.exp(-z))})
    multi = linear_model.load(_write(tmp_path, {**base, "classes": ["a", "b", "c"],
                                                 "coef": [[1, 0, 0], [0, 1, 0], [0, 0, 0]],
                                                 "intercept": [0, 0, 1]}, "m.json"), "t/1")
    assert multi is not None
    assert linear_model.probabilities({"c:甲": 1.0}, multi) == pytest.approx({"a": math.e / (2 * math.e + 1), "b": 1 / (2 * math.e + 1),
                               "c": math.e / (2 * math.e + 1)})


@pytest.mark.parametrize("content", [
    "{not json", "[]", '{"format": "other/1", "features": [], "idf": [], "tfidf_blocks": [],'
    ' "classes": ["a", "b"], "coef": [[]], "intercept": [0]}',
    '{"format": "t/1", "features": ["c:a"], "idf": [1], "tfidf_blocks": [], "classes": ["a", "b"],'
    ' "coef": [[1, 2]], "intercept": [0]}',
    '{"format": "t/1", "features": ["c:a"], "idf": [1], "classes": ["a", "b"], "coef": [[1]], "intercept": [0]}',
], ids=["garbage", "not-an-object", "other-format", "wrong-row-length", "no-blocks"])
def test_a_bad_model_file_loads_as_none(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert linear_model.load(path, "t/1") is None
    assert linear_model.load(tmp_path / "absent.json", "t/1") is None
