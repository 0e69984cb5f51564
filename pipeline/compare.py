"""Cross-district comparison: meeting rules slot by slot, and duty lists aligned.

Both return a :class:`Comparison` — rows, columns, and cells that carry a mark
(``differs`` from the other rows, ``missing`` where others have something,
``unique`` to one document) — so every renderer (the CLI's Rich table, CSV,
Markdown, .xlsx for the research office) shows the same thing.

*Meetings*: one row per document and kind of meeting; bodies named differently
(``区委常委会会议``, ``常委会``) are lined up by the lexicon ``meeting_bodies.tsv``.
Slot values are rendered canonically (``2次/月``, ``≥2/3 委员``) so a difference
is a difference of rule, not of wording; a cell is marked when its value is not
the one most rows of its group share.

*Duties*: the duty lists of several documents are aligned one document at a
time: a TF-IDF similarity matrix (:func:`gongwen.similar.similarity_matrix`)
between the new document's duties and the rows so far, a one-to-one assignment
(``scipy.optimize.linear_sum_assignment``, maximizing total similarity), and a
threshold below which a pair is not a match. What is left over starts a row of
its own, so what each document has that the others lack falls out as the rows
with one entry.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any, Literal

from gongwen import lexicon
from gongwen.store import DocumentFilter, Store

Mark = Literal["differs", "missing", "unique"] | None

#: Default similarity below which two duties are not taken for the same duty.
DUTY_THRESHOLD = 0.3
#: Most documents a duty comparison lines up: a side-by-side table wider than this is
#: unreadable, and alignment grows with documents × duties.
MAX_DOCUMENTS = 40

BODIES_FILE = Path(__file__).with_name("meeting_bodies.tsv")
GENERIC_FILE = Path(__file__).with_name("duty_generic.txt")

#: Slots compared for meetings: column name → header.
MEETING_SLOTS: dict[str, str] = {
    "body": "会议", "frequency": "频次", "ad_hoc": "临时召开", "convener": "召集", "chair": "主持",
    "quorum": "到会人数", "special_quorum": "特别到会要求", "vote_threshold": "表决通过",
    "members": "组成", "attendees": "列席", "recorder": "记录", "agenda_scope": "议事范围",
}

_PER = {"year": "年", "half_year": "半年", "quarter": "季度", "month": "月", "week": "周", "day": "日"}


@dataclass
class Cell:
    """One cell: the value shown, the key it is compared by, and its mark."""

    value: str
    key: str = ""
    mark: Mark = None


@dataclass
class Row:
    """One row: a label (region or title), the document it comes from, and its cells by column."""

    label: str
    cells: dict[str, Cell]
    doc_id: str | None = None
    group: str = ""
    score: float | None = None


@dataclass
class Comparison:
    """What a comparison found, ready to render: ``columns`` in order with their ``headers``."""

    title: str
    label_header: str
    columns: list[str]
    headers: dict[str, str]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    #: Duties only: per document label, the duties no other document has.
    unique: dict[str, list[str]] = field(default_factory=dict)

    def differing_columns(self) -> list[str]:
        return [c for c in self.columns if any(r.cells[c].mark for r in self.rows if c in r.cells)]

    def as_records(self) -> list[dict[str, Any]]:
        """Plain dicts, one per row (for ``--format json`` and notebooks)."""
        return [{"label": r.label, "doc_id": r.doc_id, "group": r.group, "score": r.score,
                 **{c: {"value": r.cells[c].value, "mark": r.cells[c].mark} for c in self.columns}}
                for r in self.rows]


# -- meetings ------------------------------------------------------------------------------


@cache
def body_aliases() -> list[tuple[str, str]]:
    """(alias, canonical) from ``meeting_bodies.tsv``, longest alias first."""
    pairs = [(_unquote(cols[0]), cols[1]) for cols in lexicon.rows(BODIES_FILE)]
    return sorted(pairs, key=lambda p: -len(p[0]))


_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")


def _unquote(text: str) -> str:
    return text.translate(_QUOTES)


def canonical_body(body: str) -> str:
    """The kind of meeting ``body`` is (``区委常委会会议`` → ``常委会会议``); itself when unknown."""
    bare = _unquote(body)
    return next((canon for alias, canon in body_aliases() if alias in bare), body)


def _fraction(x: float | None) -> str:
    if x is None:
        return ""
    f = Fraction(x).limit_denominator(12)
    return f"{f.numerator}/{f.denominator}" if f.denominator != 1 else str(f.numerator)


def _rule(text: str | None, fraction: float | None, inclusive: int | None, of: str | None) -> Cell:
    if fraction is None:
        return Cell("")
    op = {1: "≥", 0: ">"}.get(inclusive if inclusive is not None else -1, "")
    key = f"{op}{_fraction(fraction)} {of or ''}".strip()
    return Cell(key, key)


def _list_cell(raw: str | None, sep: str = "、") -> Cell:
    items = json.loads(raw) if raw else []
    return Cell(sep.join(items), "|".join(sorted(items)))


def _meeting_cells(r: dict[str, Any]) -> dict[str, Cell]:
    if r["frequency_count"] is not None:
        freq = f"{r['frequency_count']:g}次/{_PER.get(r['frequency_per'], r['frequency_per'])}"
        freq += "（至少）" if r["frequency_min"] else ""
    else:
        freq = ""
    special = json.loads(r["special_quorum"] or "[]")
    sq = "；".join(f"{s['matter']}：{'≥' if s.get('inclusive') else '>'}{_fraction(s['fraction'])}" for s in special)
    cells = {
        "body": Cell(r["body"], canonical_body(r["body"])),
        "frequency": Cell(freq, freq),
        "ad_hoc": Cell({1: "可随时召开", 0: "否"}.get(r["ad_hoc"], ""), str(r["ad_hoc"])),
        "convener": Cell(r["convener"] or "", r["convener"] or ""),
        "chair": Cell(r["chair"] or "", r["chair"] or ""),
        "quorum": _rule(r["quorum_text"], r["quorum_fraction"], r["quorum_inclusive"], r["quorum_of"]),
        "special_quorum": Cell(sq, sq),
        "vote_threshold": _rule(r["vote_text"], r["vote_fraction"], r["vote_inclusive"], r["vote_of"]),
        "members": _list_cell(r["members"]),
        "attendees": _list_cell(r["attendees"]),
        "recorder": Cell(r["recorder"] or "", r["recorder"] or ""),
        "agenda_scope": _list_cell(r["agenda_scope"], "；"),
    }
    return cells


def _mark_differences(rows: list[Row], columns: list[str]) -> None:
    """Mark cells whose key is not the one most rows share (every cell when there is no majority)."""
    if len(rows) < 2:
        return
    for c in columns:
        keys = Counter(r.cells[c].key for r in rows)
        if len(keys) < 2:
            continue
        (top, n), *rest = keys.most_common()
        tied = bool(rest) and rest[0][1] == n
        for r in rows:
            if tied or r.cells[c].key != top:
                r.cells[c].mark = "differs"


def _label(region: str | None, title: str | None, path: str) -> str:
    return region or title or Path(path).stem


def compare_meetings(db: Store | str | Path, body: str | None = None, region: str | None = None,
                     doc_type: str | None = None) -> Comparison:
    """Meeting rules side by side: one row per document and kind of meeting, one column per slot.

    ``body`` keeps the meetings of that kind (``常委会`` keeps ``区委常委会会议``);
    rows are grouped by kind and differences are marked within each group.
    """
    store, owned = (db, False) if isinstance(db, Store) else (Store.open(db), True)
    try:
        raw = store.meeting_rows(DocumentFilter(region, doc_type))
    finally:
        if owned:
            store.close()
    want = canonical_body(body) if body else None
    rows: list[Row] = []
    for r in raw:
        kind = canonical_body(r["body"])
        if want is not None and kind != want and body not in r["body"]:
            continue
        rows.append(Row(label=_label(r["region"], r["title"], r["path"]), cells=_meeting_cells(r),
                        doc_id=r["doc_id"], group=kind))
    rows.sort(key=lambda r: r.group)
    columns = list(MEETING_SLOTS)
    for kind in dict.fromkeys(r.group for r in rows):
        _mark_differences([r for r in rows if r.group == kind], columns[1:])
    _disambiguate(rows)
    title = f"会议规则比较：{body or '全部会议'}" + (f"（{region}）" if region else "")
    return Comparison(title=title, label_header="地区", columns=columns, headers=dict(MEETING_SLOTS), rows=rows)


def _disambiguate(rows: list[Row]) -> None:
    """Rows of two documents with the same label in one group (two documents of one region) get
    the document id; two meetings of one document are told apart by their body column."""
    docs: dict[tuple[str, str], set[str | None]] = {}
    for r in rows:
        docs.setdefault((r.group, r.label), set()).add(r.doc_id)
    for r in rows:
        if len(docs[(r.group, r.label)]) > 1 and r.doc_id:
            r.label = f"{r.label}（{r.doc_id[:8]}）"


# -- duties ---------------------------------------------------------------------------------


@dataclass
class _DocDuties:
    doc_id: str
    label: str
    duties: list[str]


def _load_duties(store: Store, organ: str | None, region: str | None, doc_type: str | None,
                 doc_ids: list[str] | None) -> list[_DocDuties]:
    docs: dict[str, _DocDuties] = {}
    for doc_id, reg, title, path, text in store.duty_texts(organ, DocumentFilter(region, doc_type)):
        if doc_ids and not any(doc_id.startswith(p) for p in doc_ids):
            continue
        entry = docs.setdefault(doc_id, _DocDuties(doc_id, _label(reg, title, path), []))
        if text not in entry.duties:
            entry.duties.append(text)
    labels = Counter(d.label for d in docs.values())
    for d in docs.values():
        if labels[d.label] > 1:
            d.label = f"{d.label}（{d.doc_id[:8]}）"
    return list(docs.values())


@cache
def _generic() -> frozenset[str]:
    return frozenset(lexicon.entries(GENERIC_FILE))


@cache
def topics(text: str) -> frozenset[str]:
    """What a duty is about, as the character pairs of its words of two characters or more
    without frame words (``duty_frames.txt``) and general ones (``duty_generic.txt``).
    Pairs rather than words, so a different cut (``方针政策`` / ``方针、政策``) still meets."""
    from gongwen.similar import _words, content_of

    words = [w for w in _words(content_of(text)) if len(w) > 1 and w not in _generic()]
    return frozenset(w[i:i + 2] for w in words for i in range(len(w) - 1))


def share_topic(a: str, b: str) -> bool:
    """Whether two duties have a topic word in common: the condition for lining them up at all.

    Character and word similarity alone pair duties that share only their frame
    (``贯彻执行上级党组织有关组织工作的路线、方针、政策`` with
    ``制定贯彻执行上级党组织和区党代表大会决议、打算的措施``); paraphrases of one duty
    across districts share what it is about (``精神产品``, ``党费``, ``方针政策``).
    """
    return bool(topics(a) & topics(b))


def align(lists: list[list[str]], threshold: float = DUTY_THRESHOLD) -> list[tuple[list[int | None], float]]:
    """Align several lists of texts: rows of one index per list (None where absent) and the row's score.

    The longest list seeds the rows; every further list is matched one-to-one to
    the rows (similarity to a row = best similarity to any text already in it)
    by ``linear_sum_assignment``; pairs under ``threshold``, or sharing no topic word
    (:func:`share_topic`), are not matches and
    their texts start rows of their own. The score of a row is the weakest
    similarity by which a text joined it (1.0 for a row of one text).
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from gongwen.similar import similarity_matrix

    order = sorted(range(len(lists)), key=lambda i: -len(lists[i]))
    rows: list[list[int | None]] = []
    scores: list[float] = []
    members: list[list[str]] = []
    for li in order:
        texts = lists[li]
        if not texts:
            continue
        if not rows:
            for j, t in enumerate(texts):
                rows.append([None] * len(lists))
                rows[-1][li] = j
                scores.append(1.0)
                members.append([t])
            continue
        flat = [t for m in members for t in m]
        owner = [ri for ri, m in enumerate(members) for _ in m]
        sim_flat = similarity_matrix(texts, flat) if texts and flat else np.zeros((len(texts), 0))
        sim = np.zeros((len(texts), len(rows)))
        for col, ri in enumerate(owner):
            related = np.array([share_topic(t, flat[col]) for t in texts], dtype=bool)
            sim[:, ri] = np.maximum(sim[:, ri], np.where(related, sim_flat[:, col], 0.0))
        matched: set[int] = set()
        if texts and rows:
            r_idx, c_idx = linear_sum_assignment(-sim)
            for j, ri in zip(r_idx, c_idx, strict=True):
                if sim[j, ri] >= threshold:
                    rows[ri][li] = int(j)
                    scores[ri] = min(scores[ri], float(sim[j, ri]))
                    members[ri].append(texts[j])
                    matched.add(int(j))
        for j, t in enumerate(texts):
            if j not in matched:
                rows.append([None] * len(lists))
                rows[-1][li] = j
                scores.append(1.0)
                members.append([t])
    return list(zip(rows, scores, strict=True))


def compare_duties(db: Store | str | Path, organ: str | None = None, region: str | None = None,
                   doc_type: str | None = None, doc_ids: list[str] | None = None,
                   threshold: float = DUTY_THRESHOLD) -> Comparison:
    """Duty lists of several documents aligned: one column per document, one row per duty.

    ``organ`` keeps duties whose organ — or whose document's organization —
    contains it (``组织部``). Rows shared by every document come first, then
    partly shared ones, then those only one document has (marked ``unique``;
    the empty cells of a row are marked ``missing``).
    """
    store, owned = (db, False) if isinstance(db, Store) else (Store.open(db), True)
    try:
        docs = _load_duties(store, organ, region, doc_type, doc_ids)
    finally:
        if owned:
            store.close()
    if len(docs) > MAX_DOCUMENTS:
        raise ValueError(f"{len(docs)} documents match; a duty comparison lines up at most {MAX_DOCUMENTS}: "
                         "narrow it with --organ, --region, --type or --doc")
    columns = [d.doc_id for d in docs]
    headers = {d.doc_id: d.label for d in docs}
    aligned = align([d.duties for d in docs], threshold)
    rows: list[Row] = []
    unique: dict[str, list[str]] = {d.label: [] for d in docs}
    for idx, score in aligned:
        present = [i for i, j in enumerate(idx) if j is not None]
        cells: dict[str, Cell] = {}
        for i, d in enumerate(docs):
            j = idx[i]
            if j is None:
                cells[d.doc_id] = Cell("", "", "missing" if len(docs) > 1 else None)
            else:
                mark: Mark = "unique" if len(present) == 1 and len(docs) > 1 else None
                cells[d.doc_id] = Cell(d.duties[j], d.duties[j], mark)
                if mark:
                    unique[d.label].append(d.duties[j])
        rows.append(Row(label=f"{len(present)}/{len(docs)}", cells=cells, group=f"{len(present)}/{len(docs)}",
                        score=round(score, 3) if len(present) > 1 else None))
    rows.sort(key=lambda r: -sum(1 for c in r.cells.values() if c.value))
    title = f"职责比较：{organ or '全部'}" + (f"（{region}）" if region else "")
    notes = [f"{len(docs)} documents; duties matched when they share a topic word and TF-IDF similarity ≥ {threshold}"]
    return Comparison(title=title, label_header="共有", columns=columns, headers=headers, rows=rows,
                      notes=notes, unique=unique)


# -- exporters ------------------------------------------------------------------------------

#: How each mark is shown where colour is not available (CSV, Markdown).
MARK_SYMBOL = {"differs": "≠", "missing": "∅", "unique": "★"}
#: Fill colours of marked cells in .xlsx (ARGB hex without alpha).
MARK_FILL = {"differs": "FFE699", "missing": "F4CCCC", "unique": "C6EFCE"}


def _header_row(comp: Comparison) -> list[str]:
    return [comp.label_header, *(comp.headers[c] for c in comp.columns)]


def write_csv(comp: Comparison, path: str | Path) -> None:
    """CSV (UTF-8 with BOM so spreadsheet programs read Chinese); a last column lists the marked cells."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([*_header_row(comp), "marked"])
        for r in comp.rows:
            marked = "；".join(f"{comp.headers[c]}:{r.cells[c].mark}" for c in comp.columns if r.cells[c].mark)
            w.writerow([r.label, *(r.cells[c].value for c in comp.columns), marked])


def to_markdown(comp: Comparison) -> str:
    """A Markdown table; marked cells carry their symbol (≠ differs, ∅ missing, ★ unique)."""
    def esc(s: str) -> str:
        return s.replace("|", "\\|").replace("\n", " ")

    lines = [f"## {comp.title}", "", "| " + " | ".join(esc(h) for h in _header_row(comp)) + " |",
             "|" + "---|" * (len(comp.columns) + 1)]
    for r in comp.rows:
        cells = []
        for c in comp.columns:
            cell = r.cells[c]
            text = esc(cell.value)
            cells.append(f"{MARK_SYMBOL[cell.mark]} {text}".strip() if cell.mark else text)
        lines.append("| " + " | ".join([esc(r.label), *cells]) + " |")
    lines += ["", "≠ differs from the other rows · ∅ missing here · ★ only here", *comp.notes]
    return "\n".join(lines) + "\n"


def write_xlsx(comp: Comparison, path: str | Path) -> None:
    """An .xlsx sheet: frozen header row and label column, wrapped text, marked cells filled."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "比较"
    ws.append(_header_row(comp))
    for r in comp.rows:
        ws.append([r.label, *(r.cells[c].value for c in comp.columns)])
    wrap = Alignment(wrap_text=True, vertical="top")
    fills = {m: PatternFill(fill_type="solid", start_color=rgb, end_color=rgb) for m, rgb in MARK_FILL.items()}
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = wrap
    for ri, r in enumerate(comp.rows, start=2):
        ws.cell(ri, 1).alignment = wrap
        for ci, c in enumerate(comp.columns, start=2):
            cell = ws.cell(ri, ci)
            cell.alignment = wrap
            if r.cells[c].mark:
                cell.fill = fills[r.cells[c].mark]
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 18
    for ci in range(2, len(comp.columns) + 2):
        ws.column_dimensions[get_column_letter(ci)].width = 28
    legend = wb.create_sheet("说明")
    legend.append(["标记", "含义"])
    for mark, meaning in (("differs", "与其他地区不同"), ("missing", "本文件没有，其他文件有"),
                          ("unique", "只有本文件有")):
        legend.append([mark, meaning])
        legend.cell(legend.max_row, 1).fill = fills[mark]
    for note in comp.notes:
        legend.append([note])
    wb.save(path)
