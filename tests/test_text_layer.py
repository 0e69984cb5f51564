"""The text layer answers by bisection exactly what the string operations it replaces say."""

from __future__ import annotations

from gongwen.lists import split_top
from gongwen.text_layer import TextLayer, text_layer

TEXT = ("第一条 会议由主任召集（必要时；可委托副主任）。每月召开一次；\n"
        "二、常务会议每周举行一次，讨论“重大事项；人事任免”等！列席人员由主任确定？\n"
        "会议纪录由办公室负责")


def test_last_before_and_first_from_are_rfind_and_find() -> None:
    layer = TextLayer(TEXT)
    for marks in ("。；;\n！？", "\n", "。", "；", "!?", "X"):  # `!?` and `X` never occur
        for pos in range(len(TEXT) + 1):
            assert layer.last_before(marks, pos) == max(TEXT.rfind(ch, 0, pos) for ch in marks), (marks, pos)
            found = [i for i in (TEXT.find(ch, pos) for ch in marks) if i != -1]
            assert layer.first_from(marks, pos) == (min(found) if found else -1), (marks, pos)
            bounded = [i for i in (TEXT.find(ch, pos, pos + 10) for ch in marks) if i != -1]
            assert layer.first_from(marks, pos, pos + 10) == (min(bounded) if bounded else -1), (marks, pos)


def test_places_are_the_marks_in_text_order() -> None:
    layer = TextLayer(TEXT)
    assert layer.places("；\n") == [i for i, ch in enumerate(TEXT) if ch in "；\n"]
    assert [TEXT[i] for i in layer.places("？！")] == ["！", "？"]


def test_clauses_are_split_top_over_the_whole_text() -> None:
    layer = TextLayer(TEXT)
    for marks in ("。；;\n", "；;", "。\n"):
        assert layer.clauses(marks) == split_top(TEXT, 0, len(TEXT), marks)
    # a semicolon inside brackets or quotes cuts no clause
    clauses = [TEXT[a:b] for a, b in layer.clauses("。；;\n")]
    assert "会议由主任召集（必要时；可委托副主任）" in clauses[0]
    assert any("“重大事项；人事任免”" in c for c in clauses)


def test_clauses_of_a_stretch_are_split_top_of_the_stretch() -> None:
    # a stretch may open inside brackets or quotes, where the whole text's scan is deeper
    # than the stretch's; `2；3` between digits is no cut; `”“` opens no second quote
    text = TEXT + "（甲；乙）丙；“丁”“戊；己”庚。比例为2；3以上；\n（未闭合；下一行）末句"
    layer = TextLayer(text)
    for marks in ("。；;\n", "；;"):
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                assert layer.clauses_in(marks, a, b) == split_top(text, a, b, marks), (marks, a, b)


def test_counts_are_str_count() -> None:
    layer = TextLayer(TEXT)
    for s in ("会议", "主任", "常务会议", "不在文中"):
        assert layer.count(s) == TEXT.count(s)


def test_one_layer_per_text() -> None:
    other = TEXT.replace("主任", "书记")
    assert text_layer(TEXT) is text_layer(TEXT)
    assert text_layer(other) is not text_layer(TEXT)
    assert text_layer(other).count("主任") == 0 and text_layer(TEXT).count("主任") == TEXT.count("主任")
