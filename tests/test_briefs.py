"""Briefs built from a report written for these tests, opened back and checked."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import opencc
import pytest
from docx import Document as open_docx
from docx.shared import Mm

from gongwen.briefs import build_brief, render_docx, render_markdown
from gongwen.briefs.compose import section_role
from gongwen.errors import InputError
from gongwen.ingest import Ingested
from gongwen.process import process, process_file
from gongwen.record import Source

DATA = Path(__file__).parent / "data"
REPORT = DATA / "brief_report.txt"


def _from_text(text: str, name: str = "t.txt"):
    src = Source(path=name, format="txt", encoding="utf-8", bytes=len(text.encode()), sha256="0" * 64)
    return process(Ingested(source=src, text=text))


@pytest.fixture(scope="module")
def report():
    return process_file(REPORT)


@pytest.fixture(scope="module")
def brief(report):
    (b,) = build_brief([report])
    return b


def test_every_quote_occurs_in_the_source_at_its_range(report, brief):
    quotes = brief.quotes()
    assert len(quotes) >= 6
    for q in quotes:
        assert report.text[q.start:q.end] == q.text


def test_lead_names_who_and_when(brief):
    lead = "".join(q.text for q in brief.lead)
    assert "青山县委组织部" in lead and "2019" in lead


def test_practices_are_the_report_subheadings_with_support(brief):
    practices = next(p for p in brief.parts if p.title == "主要做法")
    heads = [h.text for h, _ in practices.items if h is not None]
    assert heads == ["夯实基层组织基础", "加强干部教育培训", "强化人才服务保障"]
    assert all(body for _, body in practices.items)


def test_problems_and_next_steps_come_from_their_sections(brief):
    titles = [p.title for p in brief.parts]
    assert "存在问题" in titles and "下一步打算" in titles
    problems = next(p for p in brief.parts if p.title == "存在问题")
    assert any("41%" in q.text for q in problems.quotes())


def test_figure_table_lists_key_figures(brief):
    values = {r.text: (r.value, r.unit) for r in brief.figures}
    assert values["500万元"] == ("500万", "元")  # as the text writes it
    assert values["41%"] == ("41%", "")
    assert 3 <= len(brief.figures) <= 12
    assert all(r.text in r.source.text for r in brief.figures)
    assert [r.source.start for r in brief.figures] == sorted(r.source.start for r in brief.figures)


def test_docx_layout_follows_gbt_9704(brief, tmp_path):
    path = render_docx(brief, tmp_path / "b.docx")
    doc = open_docx(path)
    sec = doc.sections[0]
    assert round(sec.page_width.mm) == 210 and round(sec.page_height.mm) == 297
    assert [round(m / Mm(1)) for m in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)] == [37, 35, 28, 26]
    title = doc.paragraphs[0]
    assert title.text == brief.title
    assert title.runs[0].font.size.pt == 22
    assert _east_asian(title.runs[0]) == "方正小标宋简体"
    body = doc.paragraphs[1]
    assert body.runs[0].font.size.pt == 16 and _east_asian(body.runs[0]) == "仿宋_GB2312"
    assert body.paragraph_format.line_spacing.pt == pytest.approx(28.95, abs=0.05)
    h1 = [p for p in doc.paragraphs if re.match(r"^[一二三四五六七八九十]、", p.text)]
    assert [p.text for p in h1][:2] == ["一、主要做法", "二、工作成效"]
    assert all(_east_asian(p.runs[0]) == "黑体" for p in h1)
    footer_xml = sec.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and "— " in sec.footer.paragraphs[0].text
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["事项", "数值", "单位", "时间", "原文"]
    assert len(table.rows) == len(brief.figures) + 1
    widths = [round(c.width.mm) for c in table.rows[1].cells]
    assert widths == [52, 24, 16, 30, 34] and sum(widths) <= 210 - 28 - 26  # within the text width
    sources = doc.paragraphs[-len(brief.sources) - 1]
    assert sources.text == "来源：" and sources.paragraph_format.keep_with_next
    assert len(list(doc.comments)) == len(brief.quotes())


def test_markdown_has_a_footnote_per_quote(brief):
    md = render_markdown(brief)
    assert md.startswith(f"# {brief.title}\n")
    assert len(re.findall(r"^\[\^\d+\]: ", md, flags=re.M)) == len(brief.quotes())


def test_max_chars_trims_supporting_sentences(report, brief):
    (short,) = build_brief([report], max_chars=brief.chars() // 2)
    assert short.chars() < brief.chars()
    assert short.chars() <= brief.chars() // 2 or all(not body for p in short.parts for _, body in p.items)


def test_traditional_input_gives_a_simplified_brief():
    text = opencc.OpenCC("s2t").convert(REPORT.read_text(encoding="utf-8"))
    doc = _from_text(text)
    (b,) = build_brief([doc])
    t2s = opencc.OpenCC("t2s")
    assert all(t2s.convert(q.text) == q.text for q in b.quotes())
    assert any("夯实基层组织基础" == h.text for p in b.parts for h, _ in p.items if h)


def test_compilation_gives_one_brief_per_piece():
    body = REPORT.read_text(encoding="utf-8").split("\n", 1)[1]
    text = f"第一篇:青山县经验\n{body}\n第二篇:绿水县经验\n{body.replace('青山', '绿水')}"
    doc = _from_text(text)
    briefs = build_brief([doc], per_piece=True)
    assert len(briefs) == 2
    assert briefs[1].title.endswith("绿水县经验")
    assert all(doc.text[q.start:q.end] == q.text for b in briefs for q in b.quotes())


def test_several_documents_make_one_combined_brief(report):
    other = _from_text(REPORT.read_text(encoding="utf-8").replace("青山", "绿水"), "other.txt")
    (b,) = build_brief([report, other])
    assert {q.doc_id for q in b.quotes()} == {report.doc_id, other.doc_id}
    assert len(b.sources) == 2


@pytest.mark.parametrize("title, role", [
    ("存在的问题", "problems"), ("当前工作中存在问题和不足", "problems"),
    ("下一步工作打算", "next"), ("今后工作思路", "next"), ("主要成效", "results"), ("主要做法", None),
])
def test_section_roles(title, role):
    assert section_role(title) == role


def test_brief_command_reports_unreadable_files(tmp_path):
    from typer.testing import CliRunner

    from gongwen.cli import load_commands

    app = load_commands()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "b.md"
    result = CliRunner().invoke(app, ["brief", str(REPORT), str(empty), "--format", "md", "-o", str(out)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    assert out.read_text(encoding="utf-8").startswith("# ")
    with pytest.raises(InputError):
        process_file(empty)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_renders_to_pdf(brief, tmp_path):
    path = render_docx(brief, tmp_path / "b.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "b.pdf").stat().st_size > 1000


def _east_asian(run) -> str | None:
    from docx.oxml.ns import qn

    fonts = run._element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


@pytest.mark.parametrize("value,percent,scaled,text", [
    (4930000000000, False, True, "4.93万亿"),
    (1200000000, False, True, "12亿"),
    (885800.0, False, True, "88.58万"),
    (36439, False, False, "36439"),          # the text wrote the digits: so does the table
    (0.85, True, False, "85%"),
    ([2, 3], False, False, "2–3"),
    (7000.0, False, False, "7000"),
])
def test_values_read_as_written(value, percent, scaled, text):
    from gongwen.briefs.compose import _value_text

    assert _value_text(value, percent=percent, scaled=scaled) == text


@pytest.mark.parametrize("sentence,figure,label", [
    ("全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元。", "4.93万亿元", "全省生产总值"),
    ("港口通过能力突破12亿吨。", "12亿吨", "港口通过能力"),
    ("城乡居民人均可支配收入从27136元增长到36439元。", "36439元", "城乡居民人均可支配收入"),
    ("全年共培训机关干部7000余人次。", "7000余人次", "全年共培训机关干部"),
    ("按照10%的比例确定后进村。", "10%", None),   # the sentence does not say what: left out
    ("指导每个街道建设2至3个新型组织示范点，总结经验。", "3个", "新型组织示范点"),
    ("组织20名青年干部和23名新录用的工作人员在党校进行培训。", "23名", "新录用的工作人员"),
    ("各街道干部等740人参加培训。", "740人", "各街道干部等"),
])
def test_figure_labels_name_what_is_counted(sentence, figure, label):
    from gongwen.briefs.compose import _what
    from gongwen.briefs.rank import Scored
    from gongwen.record import Figure
    from gongwen.sentences import Sentence

    start = sentence.index(figure)
    fig = Figure(text=figure, start=start, end=start + len(figure), kind="count", value=3)
    scored = Scored(sentence=Sentence(sentence, 0, len(sentence)), score=1.0, parts=(), n_figures=1)
    assert _what(sentence, scored, fig) == label
