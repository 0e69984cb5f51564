"""UTF-8 read as Latin-1 is repaired (ftfy's fix_encoding), with a warning; good text is untouched."""

from __future__ import annotations

from gongwen.normalize import normalize

LINE = "关于加强机关党建工作的通知"


def test_utf8_read_as_latin1_is_repaired_and_reported() -> None:
    garbled = LINE.encode("utf-8").decode("latin-1")
    result = normalize("第一行正常。\n" + garbled + "\n第三行也正常。")
    assert result.text == "第一行正常。\n" + LINE + "\n第三行也正常。"
    assert any("UTF-8 read as Latin-1" in w for w in result.warnings)
    assert not any("keeps" in w for w in result.warnings)  # a repair is no loss of text
    # the offset map still points into the source: the repaired line maps onto its garbled span
    start = result.text.index(LINE)
    assert result.offsets[start] == len("第一行正常。\n")


def test_chinese_punctuation_and_latin_words_are_left_alone() -> None:
    text = "会议由主任主持（副主任协助）：“议题”须提前报送。Café résumé 一词不改。"
    result = normalize(text)
    assert result.text == text
    assert result.warnings == []
