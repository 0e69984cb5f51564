"""The spaCy component ``gongwen_records``: the records on a Doc as span groups."""

from __future__ import annotations

import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is the optional 'spacy' extra")

from gongwen.process import process_text  # noqa: E402
from gongwen.spacy_component import span_groups  # noqa: E402

# CRLF line ends and full-width digits: the normalizer changes both, the spans must not
TEXT = ("白河镇党委办公室主要职责\r\n\r\n（一）办公室的主要职责是：\r\n1、负责镇党委日常文电处理；\r\n"
        "2、负责机关干部考勤管理。\r\n\r\n（二）党委会议\r\n党委会议一般每月召开一次，由党委书记召集并主持。\r\n\r\n"
        "全年收发文件３４０件，办公经费12.5万元。\r\n")


@pytest.fixture(scope="module")
def nlp():
    import gongwen.spacy_component  # noqa: F401 - registers the factory in this process too

    nlp = spacy.blank("zh")
    nlp.add_pipe("gongwen_records")
    return nlp


def test_every_record_kind_with_offsets_is_a_span_group() -> None:
    assert set(span_groups()) == {"sections", "duties", "meeting_rules", "figures", "budget_items"}


def test_spans_are_the_records_on_the_original_text(nlp) -> None:
    doc = nlp(TEXT)
    record = doc._.gongwen
    assert record.text != TEXT  # the normalizer did change the text
    for group in span_groups():
        assert len(doc.spans[group]) == len(getattr(record, group)), group
    assert [(s.text, s.label_, s.id_) for s in doc.spans["duties"]] == [
        ("负责镇党委日常文电处理", "duty", "d1"), ("负责机关干部考勤管理", "duty", "d2")]
    assert [(s.text, s.label_) for s in doc.spans["figures"]] == [
        ("一次", "count"), ("３４０件", "count"), ("12.5万元", "money")]
    assert [s.label_ for s in doc.spans["meeting_rules"]] == ["meeting"]
    assert doc.spans["meeting_rules"][0].text.startswith("（二）党委会议")
    assert [s.text.split("\r\n")[0] for s in doc.spans["sections"]] == ["（一）办公室的主要职责是：", "（二）党委会议"]
    assert len(doc.spans["budget_items"]) == 0  # no budget table in this text


def test_the_same_records_as_the_pipeline(nlp) -> None:
    doc = nlp(TEXT)
    assert doc._.gongwen.to_dict() == process_text(TEXT).to_dict()


def test_an_empty_doc_has_empty_groups(nlp) -> None:
    doc = nlp("")
    assert all(len(doc.spans[g]) == 0 for g in span_groups())


def test_spacy_finds_the_component_by_its_entry_point() -> None:
    """Without importing gongwen: a researcher's own script only names the factory."""
    code = ("import spacy; nlp = spacy.blank('zh'); nlp.add_pipe('gongwen_records');"
            "doc = nlp('职责如下：\\n1、负责全镇财务管理；\\n2、负责档案管理。');"
            "print([s.text for s in doc.spans['duties']])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['负责全镇财务管理', '负责档案管理']"
