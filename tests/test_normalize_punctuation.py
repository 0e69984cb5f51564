"""Punctuation restoration: texts whose punctuation a converter stripped get their marks back.

The texts are written for these tests: a duty list and meeting rules of an invented county
and town, each once as written, once stripped of its marks with its line breaks kept, and
once stripped and run together into one line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gongwen.normalize import normalize
from gongwen.normalize import punctuation as P
from gongwen.process import process_text

DUTIES = """某某县农业农村局主要职责
一、贯彻落实党中央、国务院和省委、省政府关于三农工作的方针政策，拟订全县农业农村发展规划并组织实施。
二、负责全县农业产业化经营，指导农产品加工业和休闲农业发展，组织农产品市场体系建设。
三、负责全县种植业、畜牧业、渔业的行业管理，指导农业标准化生产。
四、负责农村宅基地改革和管理有关工作，指导农村集体产权制度改革。
五、完成县委、县政府交办的其他任务。
"""

MEETING = """某某镇党委会议议事规则
一、会议制度
党委会议一般每月召开一次，遇有重要情况可以随时召开。党委会议由党委书记召集并主持，书记不能参加时，可委托副书记召集并主持。党委会议须有半数以上委员到会方能召开，讨论干部任免事项须有三分之二以上委员到会。
二、议事程序
会议议题由党委书记确定，会议材料应当在会前两天送达与会人员。表决以赞成票超过应到会委员半数为通过。会议由党政办公室指定专人记录。
"""


def stripped(text: str) -> str:
    return P.strip_marks(text)[0]


def run_together(text: str) -> str:
    return re.sub(r"\s*\n\s*", "", stripped(text))


def record(text: str) -> dict:
    return json.loads(process_text(text, path="test.txt").to_json())


def duty_texts(text: str) -> list[str]:
    return [d["text"] for d in record(text)["duties"]]


def same(a: str, b: str) -> bool:
    """Equal once punctuation and spaces are gone, as the scorer compares."""
    return stripped(a).replace(" ", "") == stripped(b).replace(" ", "")


def test_stripped_duty_list_keeps_its_items_one_a_line() -> None:
    want = duty_texts(DUTIES)
    got = duty_texts(stripped(DUTIES))
    assert len(got) == len(want) == 5
    assert all(same(a, b) for a, b in zip(got, want, strict=True))


def test_stripped_duty_list_run_into_one_line_keeps_its_items() -> None:
    want = duty_texts(DUTIES)
    got = duty_texts(run_together(DUTIES))
    assert len(got) == len(want)
    assert all(same(a, b) for a, b in zip(got, want, strict=True))


LEAD_IN = """某某县档案局主要职责
某某县档案局是县政府主管全县档案事业的工作部门，主要职责是：负责全县档案事业的统筹规划和组织协调；监督和指导全县各机关单位的档案工作；负责收集、整理和保管全县重要档案资料；负责档案信息化建设和档案数字化工作；承办县委、县政府交办的其他事项。
"""


def test_stripped_lead_in_paragraph_still_yields_its_duties() -> None:
    # one paragraph of duties after a lead-in: without marks nothing splits it
    want = duty_texts(LEAD_IN)
    got = [stripped(d) for d in duty_texts(stripped(LEAD_IN))]
    assert len(want) == 5 and len(got) >= 3
    assert all(any(stripped(w) in g for g in got) for w in want)


def meeting(text: str) -> dict:
    rules = record(text)["meeting_rules"]
    assert len(rules) == 1
    return rules[0]


@pytest.mark.parametrize("damage", [stripped, run_together], ids=["lines kept", "one line"])
def test_stripped_meeting_rules_keep_their_slots(damage) -> None:
    want, got = meeting(MEETING), meeting(damage(MEETING))
    assert same(got["body"], want["body"])
    assert got["frequency"]["count"] == want["frequency"]["count"] == 1
    assert got["frequency"]["per"] == want["frequency"]["per"] == "month"
    for slot in ("convener", "chair"):
        assert same(got[slot], want[slot]), slot
    if damage is stripped:  # the line ends tell where the last sentences end
        assert same(got["recorder"], want["recorder"])
        assert got["vote_threshold"]["fraction"] == want["vote_threshold"]["fraction"]


def test_stripped_text_gets_list_numbers_and_sentence_ends_back() -> None:
    text = normalize(stripped(DUTIES)).text
    # the list number gets its mark back, as ``二、`` or ``（二）``
    assert re.search(r"^(?:二、|（二）)负责", text, re.M)
    assert len(re.findall(r"[。；]$", text, re.M)) >= 4


def test_restoration_warns_once_with_the_count() -> None:
    warnings = [w for w in normalize(stripped(MEETING)).warnings if w.startswith("punctuation")]
    assert len(warnings) == 1
    assert re.search(r"\d+ marks", warnings[0])


def test_punctuated_text_is_untouched() -> None:
    for text in (DUTIES, MEETING):
        assert P.restore_punctuation(text) == []
        assert normalize(text).text == normalize(text, [r for r in P_rules() if r[0] != "punctuation"]).text


def P_rules():
    from gongwen.normalize import RULES

    return RULES


def test_short_unpunctuated_text_is_left_alone() -> None:
    # a title and a heading or two carry no marks in any text
    assert P.restore_punctuation("某某县农业农村局主要职责\n第一章 总则\n") == []


def test_long_stripped_line_in_punctuated_text_is_restored() -> None:
    line = stripped(MEETING.split("\n")[2]) * 2
    text = DUTIES + line + "\n"
    edits = P.restore_punctuation(text)
    assert edits and all(e.start >= len(DUTIES) for e in edits)


def test_table_rows_are_never_punctuated() -> None:
    table = "项目名称 | 资金来源 | 金额\n农业产业化 | 县级财政 | 120\n"
    text = stripped(DUTIES) + table
    edits = P.restore_punctuation(text)
    start = text.index("项目名称")
    assert edits and all(e.start < start for e in edits)


def test_no_mark_inside_a_number() -> None:
    text = stripped(MEETING).replace("两天", "2.5天") + "全年经费12345元用于培训" * 8
    marks = P.predict_marks(text, P.load_model())
    for i, m in enumerate(marks):
        if m and 0 < i < len(text):
            assert not (text[i - 1].isdigit() and (text[i].isdigit() or text[i] == "."))


def test_vectorised_scores_equal_the_feature_definition() -> None:
    import numpy as np

    raw = json.loads(P.MODEL_PATH.read_text(encoding="utf-8"))
    model = P.load_model()
    text = stripped(MEETING) + "\n第12条 abc ＡＢ１２ 𠀀x\n\n"
    weights = {k: np.array(v, dtype=np.float64) / raw["scale"] for k, v in raw["weights"].items()}
    bias = np.array(raw["bias"])
    slow = np.array([bias + sum((weights[f] for f in feats if f in weights), np.zeros(len(bias)))
                     for feats in P.gap_features(text)])
    slow[:, 0] += raw.get("none_bias", 0.0)
    assert np.abs(P.scores(text, model) - slow).max() < 1e-3


def test_missing_or_stale_model_restores_nothing(tmp_path: Path, monkeypatch) -> None:
    assert P.load_model(tmp_path / "none.json") is None
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps({"format": "gongwen-punctuation/0"}), encoding="utf-8")
    assert P.load_model(stale) is None
    monkeypatch.setattr(P, "MODEL_PATH", tmp_path / "none.json")
    P.load_model.cache_clear()
    try:
        assert P.restore_punctuation(stripped(MEETING)) == []
    finally:
        P.load_model.cache_clear()


def test_space_aligned_form_is_no_unpunctuated_prose() -> None:
    # a form's rows carry no marks in any text: label, figure, short phrases set off by blanks
    form = ("单位：万元\n项目 年度预算 内容描述 绩效目标\n培训管理 12 组织干部业务培训 培训覆盖全员\n"
            "信息维护 30 维护办公网络和门户网站 系统全年稳定运行\n"
            "档案整理 8 整理历年文书档案 档案规范齐全\n")
    assert P.restore_punctuation(form) == []


def test_a_sentence_ends_before_each_run_in_item_number() -> None:
    # the line breaks went with the marks: `2.` stands inside the line, right after the
    # item before it, which must end there (and the lead-in before `1.` leads into the list)
    text = "科室设置1. 办公室负责文电处理工作2. 财务室负责经费管理工作3. 档案室负责档案保管工作"
    marks = [""] * (len(text) + 1)
    P._close_before_numbers(text, marks)
    at = [text.index(f"{n}.") for n in (1, 2, 3)]
    assert [marks[a] for a in at] == ["：", "。", "。"]
    lone = "全年完成投资2.5亿元"  # a decimal number is no list
    none = [""] * (len(lone) + 1)
    P._close_before_numbers(lone, none)
    assert not any(none)


def test_a_guessed_enumeration_comma_leaves_no_one_character_item() -> None:
    text = "市财政改革局市审计局负责人列席"
    marks = [""] * (len(text) + 1)
    k = text.index("局")
    marks[k], marks[k + 1] = "、", "、"  # `市财政改革、局、市审计局`: the name's last character cut off
    P._join_lone_items(text, marks)
    assert marks[k] == "" and marks[k + 1] == "、"
    two = [""] * (len(text) + 1)
    two[k - 1], two[k + 1] = "、", "、"  # `市财政改、革局、`: a two-character item stays
    P._join_lone_items(text, two)
    assert two[k - 1] == "、"
