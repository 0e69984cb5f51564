"""The cheaper paths of issue 15 give exactly what the plain ones gave: the streamed record
JSON, the dictionary's tag and frequency tables, and a word's tag found by substring search."""

from __future__ import annotations

import io
import json
import re

import pytest

from gongwen.metadata.place import dictionary_tag
from gongwen.process import process_text
from gongwen.tokenize import _tags, dictionary, frequencies

TEXT = ("青河县财政局工作规则\n第一条 局务会议每月召开两次，须有半数以上成员到会。\n"
        "第二条 办公室负责文电、会务和档案等工作。\n第三条 2023年安排资金120万元，完成率95%。\n")


@pytest.mark.parametrize("indent", [None, 1, 2])
def test_streamed_record_is_the_dumped_record(indent: int | None) -> None:
    doc = process_text(TEXT, path="rules.txt")
    assert doc.figures  # records of at least one kind, so lists of records are streamed
    expected = io.StringIO()
    json.dump(doc.to_dict(), expected, ensure_ascii=False, indent=indent)
    streamed = io.StringIO()
    doc.write_json(streamed, indent=indent)
    assert streamed.getvalue() == expected.getvalue()


def test_dictionary_tables_are_what_findall_reads() -> None:
    text = dictionary()
    assert _tags() == dict(re.findall(r"^(\S+) \d+ (\S+)$", text, re.MULTILINE))
    assert frequencies() == dict(re.findall(r"^(\S+) (\d+)", text, re.MULTILINE))


def test_dictionary_tag_is_the_anchored_search() -> None:
    text = dictionary()
    first, last = text.split("\n", 1)[0].split(" ")[0], text.rstrip("\n").rsplit("\n", 1)[-1].split(" ")[0]
    for word in (first, last, "北京", "如东", "青河县财政局", "局", "", "a b", "不是一个词语吧"):
        m = re.search(rf"^{re.escape(word)} \d+ (\S+)$", text, re.MULTILINE)
        assert dictionary_tag(word) == (m.group(1) if m else ""), word
