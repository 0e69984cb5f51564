"""The trained genre classifier (gongwen.metadata.genre) on text written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from gongwen.metadata import genre
from gongwen.metadata.doctype import classify, classify_rules

DUTIES_UNNAMED = """青松县档案馆
贯彻执行档案工作的法律法规和方针政策，拟订全县档案事业发展规划并组织实施。
负责收集、整理、保管县级各机关形成的档案资料，提供利用服务。
指导和监督全县机关、团体、企事业单位的档案工作。
组织开展档案信息化建设和档案宣传教育工作。
承办县委、县政府交办的其他事项。"""

RULES_UNNAMED = """白河镇党政联席会议
一、会议一般每月召开一次，遇有紧急情况可随时召开，由镇党委书记召集并主持。
二、会议须有半数以上成员到会方能召开；讨论重大事项时，须有三分之二以上成员到会。
三、会议议题由党委书记确定，有关材料应当提前一天送达与会人员。
四、会议作出决定，以赞成票超过应到会人数的半数为通过，会议由党政办负责记录。"""

YEARBOOK_UNNAMED = """【概况】2021年，红石乡实现农业总产值4.6亿元，同比增长5.1%；农民人均可支配收入1.52万元，增长8.3%。
【党建工作】全年发展党员21名，培训党员干部860人次，新建党群服务站4个。
【项目建设】完成投资2.3亿元，新修通村公路16公里，改造危房38户。"""

#: A budget table whose slogan line names another genre (经验交流) in passing.
BUDGET_WITH_SLOGAN = """交流经验 共创佳绩——欢迎访问本站
项目名称 | 社区养老服务补助 | 主管部门 | 青松县民政局 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 服务老人人数 | ≥500人 |
效益指标 | 社会效益指标 | 老人生活质量 | 明显提高 |
满意度指标 | 服务对象满意度指标 | 满意度 | ≥90% |"""


def test_duty_list_without_a_cue_word_in_its_title():
    assert classify(DUTIES_UNNAMED, "青松县档案馆") == "duty_list"


def test_meeting_rules_without_a_genre_word():
    assert classify(RULES_UNNAMED, "白河镇党政联席会议") == "work_rules"


def test_dated_figure_dense_entries_are_a_yearbook():
    assert classify(YEARBOOK_UNNAMED, None) == "yearbook"


def test_a_slogan_does_not_decide_the_genre():
    assert classify(BUDGET_WITH_SLOGAN, None, has_tables=True) == "budget_table"


def test_the_model_gives_probabilities_that_sum_to_one():
    g = genre.predict(DUTIES_UNNAMED, "青松县档案馆")
    assert g.source == "model"
    assert abs(sum(g.probabilities.values()) - 1.0) < 1e-6
    assert set(g.probabilities) == set(genre.GENRES)


def test_missing_or_stale_model_falls_back_to_the_rules(tmp_path: Path, monkeypatch):
    assert genre.load_model(tmp_path / "absent.json") is None
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps({"format": "gongwen-genre/1", "features": []}), encoding="utf-8")
    assert genre.load_model(stale) is None
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert genre.load_model(broken) is None
    monkeypatch.setattr(genre, "MODEL_PATH", tmp_path / "absent.json")
    text = "白河镇党委工作规则\n一、党委会议每月召开一次。"
    fallback = genre.predict(text, "白河镇党委工作规则")
    assert fallback.source == "rules" and fallback.probabilities == {}
    assert fallback.label == classify_rules(text, "白河镇党委工作规则") == "work_rules"


def test_the_shipped_model_keeps_features_not_sentences():
    model = json.loads(genre.MODEL_PATH.read_text(encoding="utf-8"))
    assert model["format"] == genre.MODEL_FORMAT
    assert len(model["coef"]) == len(model["classes"]) == len(model["intercept"])
    assert all(len(row) == len(model["features"]) for row in model["coef"])
    # the vocabulary is character n-grams of at most three characters, never text
    grams = [f[2:] for f in model["features"] if f[:2] in ("t:", "b:")]
    assert grams and max(len(g) for g in grams) <= 3
