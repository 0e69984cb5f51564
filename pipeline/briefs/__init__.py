"""Briefs (简报) for information officers: extractive drafts from document records.

:func:`build_brief` chooses the sentences, :func:`render_docx` and
:func:`render_markdown` write them out; ``gongwen brief`` wraps the three.
"""

from gongwen.briefs.compose import build_brief
from gongwen.briefs.docx_render import render_docx
from gongwen.briefs.md_render import render_markdown
from gongwen.briefs.model import Brief, FigureRow, Part, Quote

__all__ = ["Brief", "FigureRow", "Part", "Quote", "build_brief", "render_docx", "render_markdown"]
