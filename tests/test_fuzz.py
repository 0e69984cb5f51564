"""Property-based tests (Hypothesis): whatever the input, the pipeline gives a record or an
InputError, never another exception, and every record span indexes its own surface and
maps back inside the source.

Inputs are built from the pieces official texts are made of (Han characters of both
scripts, full-width forms, numbering, figures, units, tags, pinyin, odd whitespace and
control characters) so the examples reach the rules, not only the first guard.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongwen.errors import InputError
from gongwen.extractors.figures import figures_of
from gongwen.ingest import from_bytes
from gongwen.normalize import normalize
from gongwen.process import process

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)

PIECES = ["第一条", "第二章", "一、", "（三）", "1.", "(2)", "①", "第", "条", "章", "会议", "每月召开一次",
          "三分之二以上", "半数", "万元", "亿元", "%", "％", "人次", "个", "名", "年", "月", "日", "2023",
          "１２３", "0.5", "1,234", "—", "~", "至", "约", "近", "余", "區委", "會議", "經(jīng)驗", "組織",
          "<p>", "</p>", "<br>", "&nbsp;", "&#x4e00;", "<!--", "-->", "\t", "\n", "\n\n", "\r\n", " ",
          "\u3000", "\xa0", "\u200b", "\ufeff", "\x00", "\x0c", "�", "责任", "负责", "主要职责", "组织部",
          "：", "；", "。", "，", "、", "“", "”", "（", "）", "- 1 -", "第 3 页", "共 5 页"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map("".join)


def _from(text_or_bytes: str | bytes, fmt: str = "txt"):
    data = text_or_bytes.encode("utf-8", "surrogatepass") if isinstance(text_or_bytes, str) else text_or_bytes
    return from_bytes(data, f"fuzz.{fmt}", fmt)


def _check_record(doc) -> None:
    text, src = doc.text, doc.work.source_text
    offsets = doc.work.offsets
    assert len(offsets) == len(text) + 1
    spans = [(f.start, f.end, f.text) for f in doc.figures] + [(d.start, d.end, d.text) for d in doc.duties]
    spans += [(s.start, s.end, None) for s in doc.sections] + [(m.start, m.end, None) for m in doc.meeting_rules]
    spans += [(b.start, b.end, None) for b in doc.budget_items]
    for start, end, surface in spans:
        assert 0 <= start <= end <= len(text)
        if surface is not None:
            assert text[start:end] == surface
        assert 0 <= offsets[start] <= offsets[end] <= len(src)


@FUZZ
@given(TEXT)
def test_normalizer_keeps_its_offset_map_whole(text: str) -> None:
    result = normalize(text)
    assert len(result.offsets) == len(result.text) + 1
    assert all(0 <= o <= len(text) for o in result.offsets)
    assert list(result.offsets) == sorted(result.offsets)


@FUZZ
@given(TEXT, st.one_of(st.none(), st.integers(1990, 2030)))
def test_figure_reader_spans_are_their_surface(text: str, year: int | None) -> None:
    text = normalize(text).text
    for f in figures_of(text, year):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text


@FUZZ
@given(TEXT)
def test_text_through_the_whole_pipeline(text: str) -> None:
    try:
        doc = process(_from(text))
    except InputError:
        return
    _check_record(doc)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_as_a_text_file(data: bytes) -> None:
    try:
        ingested = _from(data)
    except InputError:
        return
    assert isinstance(ingested.text, str)


HTML_PIECES = ["<html>", "<head>", "<meta charset='gbk'>", "<meta charset=\"utf-8\">", "<title>", "</title>",
               "<body>", "<div class='content'>", "</div>", "<table>", "<tr>", "<td colspan='99999'>", "</td>",
               "</tr>", "</table>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>",
               "<!DOCTYPE html>", "<?xml version='1.0'?>", "<!ENTITY x SYSTEM 'file:///etc/passwd'>", "&x;",
               "<p>", "</p>", "<br/>", "&amp;", "&#0;", "&#xD800;"]


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.sampled_from(PIECES)), max_size=50).map("".join))
def test_html_gives_a_record_or_an_input_error(markup: str) -> None:
    try:
        doc = process(_from(markup, "html"))
    except InputError:
        return
    assert "root:" not in doc.text  # the XXE entity was never resolved
    _check_record(doc)


def _docx_bytes(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.fixture(scope="module")
def real_docx(samples: Path) -> bytes:
    return (samples / "work_rules.docx").read_bytes()


@FUZZ
@given(data=st.data())
def test_docx_damage_gives_a_record_or_an_input_error(real_docx: bytes, data: st.DataObject) -> None:
    how = data.draw(st.sampled_from(["cut", "flip", "parts"]))
    if how == "cut":
        blob = real_docx[: data.draw(st.integers(0, len(real_docx)))]
    elif how == "flip":
        blob = bytearray(real_docx)
        for pos in data.draw(st.lists(st.integers(0, len(blob) - 1), min_size=1, max_size=8)):
            blob[pos] ^= 0xFF
        blob = bytes(blob)
    else:
        body = data.draw(st.binary(max_size=200))
        blob = _docx_bytes({"[Content_Types].xml": body, "word/document.xml": body})
    try:
        doc = process(_from(blob, "docx"))
    except InputError:
        return
    _check_record(doc)


@pytest.fixture(scope="module")
def real_pdf(samples: Path) -> bytes:
    return (samples / "duty_list.pdf").read_bytes()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(data=st.data())
def test_pdf_damage_gives_a_record_or_an_input_error(real_pdf: bytes, data: st.DataObject) -> None:
    if data.draw(st.booleans()):
        blob = real_pdf[: data.draw(st.integers(0, len(real_pdf)))]
    else:
        blob = bytearray(real_pdf)
        for pos in data.draw(st.lists(st.integers(0, len(blob) - 1), min_size=1, max_size=6)):
            blob[pos] = data.draw(st.integers(0, 255))
        blob = bytes(blob)
    try:
        doc = process(_from(blob, "pdf"))
    except InputError:
        return
    _check_record(doc)
