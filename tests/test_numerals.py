"""The one reader of Chinese numerals: amounts (parse_number) and small integers (chinese_int)."""

from __future__ import annotations

import pytest

from gongwen.lists import cn_number
from gongwen.metadata.year import arabic_years
from gongwen.numerals import chinese_int, parse_number
from gongwen.structure.markers import ordinal


@pytest.mark.parametrize(("text", "value"), [
    ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零八", 108),
    ("两", 2), ("一千零一", 1001), ("零", 0),
])
def test_chinese_int_reads_well_formed_integers(text: str, value: int) -> None:
    assert chinese_int(text) == value
    assert parse_number(text) == value  # the same reading as amounts


@pytest.mark.parametrize("text", ["三四", "一一", "十十", "〇十", "", "12", "三个", "壹"])
def test_chinese_int_refuses_what_writes_no_integer(text: str) -> None:
    assert chinese_int(text) is None


def test_every_caller_reads_through_it() -> None:
    """List markers, heading ordinals and Republic years agree on the same numerals."""
    assert cn_number("十二") == ordinal("十二") == 12
    assert cn_number("三四") == 0 and ordinal("三四") is None  # a range is no ordinal
    assert arabic_years("民国一百零八年") == "民国108年"
    assert arabic_years("民国九四年") == "民国九四年"  # not a number: left as written
