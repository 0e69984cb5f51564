"""``place_names`` reads only the tokens that may be an area name, found in the text at C
speed: it must give what reading every token gives, on generated text."""

from __future__ import annotations

import random
import re

from gongwen.metadata.place import _name_at, dictionary_tag, place_names, vocab
from gongwen.tokenize import cut, dictionary

PIECES = ["湘桥区", "浙江省", "威海", "经济", "技术开发区", "高新区", "曹县", "和", "县委", "全区", "街道",
          "乡镇", "红旗", "区委", "某某市", "自治州", "召开", "会议", "，", "。", "（", "）", "\n", " ",
          "我县", "市场", "工业园区", "新区", "开发区", "鄞州", "人民政府", "2023年", "镇", "乡"]


def _every_token(text: str) -> list[str]:
    parts = set(vocab("zone_part"))
    tokens, out, pos = cut(text), [], 0
    for i, tok in enumerate(tokens):
        name = _name_at(text, tokens, i, pos, parts)
        pos += len(tok)
        if name is not None:
            out.append(name)
    return out


def test_place_names_reads_the_tokens_every_token_reading_would_name() -> None:
    rng = random.Random(15)
    named = 0
    for _ in range(300):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        expected = _every_token(text)
        assert place_names(text) == expected, text
        named += len(expected)
    assert named > 100


def test_dictionary_tag_is_the_tag_of_the_line_the_word_opens() -> None:
    for word in ["如东", "鄞州", "北京", "会议", "的", "东", "不在词典里的词"]:
        m = re.search(rf"^{re.escape(word)} \d+ (\S+)$", dictionary(), re.MULTILINE)
        assert dictionary_tag(word) == (m.group(1) if m else "")
