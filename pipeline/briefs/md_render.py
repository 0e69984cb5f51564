"""Render a brief as Markdown; each quoted sentence carries a footnote to its source range."""

from __future__ import annotations

from pathlib import Path

from gongwen.briefs.model import Brief, Quote

CN_NUMBERS = "一二三四五六七八九十"


def render_markdown(brief: Brief) -> str:
    notes: list[str] = []

    def cite(q: Quote, suffix: str = "") -> str:
        notes.append(q_source(brief, q))
        return f"{q.text}{suffix}[^{len(notes)}]"

    lines = [f"# {brief.title}", "", "".join(cite(q) for q in brief.lead), ""]
    for n, part in enumerate(brief.parts):
        lines += [f"## {CN_NUMBERS[n % 10]}、{part.title}", ""]
        for head, body in part.items:
            text = (f"**{cite(head, '。')}**" if head else "") + "".join(cite(q) for q in body)
            lines += [text, ""]
    if brief.figures:
        lines += [f"## {CN_NUMBERS[len(brief.parts) % 10]}、主要数据", "",
                  "| 事项 | 数值 | 单位 | 时间 | 原文 |", "|---|---|---|---|---|"]
        lines += [f"| {r.what} | {r.value} | {r.unit} | {r.date} | {r.text} |" for r in brief.figures]
        lines.append("")
    lines += ["来源：", ""]
    lines += [f"{i}. {s.title}（{Path(s.path).name}，文档编号 {s.doc_id}）" for i, s in enumerate(brief.sources, 1)]
    lines.append("")
    lines += [f"[^{i}]: {note}" for i, note in enumerate(notes, 1)]
    return "\n".join(lines) + "\n"


def q_source(brief: Brief, q: Quote) -> str:
    title = next((s.title for s in brief.sources if s.doc_id == q.doc_id), q.doc_id)
    return f"{title}，文档 {q.doc_id}，第{q.start}–{q.end}字"
