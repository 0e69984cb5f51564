"""The document record of ``../shared/spec/RECORDS.md`` as plain data classes.

Every stage reads and writes one :class:`Document`. The fields that make up the
record (and nothing else) are written by :meth:`Document.to_json`; working state
that later stages need but the record does not carry (the source text, the
offset map back into it, the tables the readers found) lives in
:attr:`Document.work` and is never serialized.

Offsets (``start``/``end``) are Python ``str`` indices into ``Document.text``,
``end`` exclusive, as in spaCy's ``Doc.char_span``.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import IO, TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from gongwen.metadata.title import Title

SCHEMA_VERSION = 1

DocType = Literal["work_rules", "duty_list", "yearbook", "experience_report", "budget_table", "other"]
Script = Literal["simplified", "traditional", "mixed"]
FigureKind = Literal["money", "count", "percent", "fraction", "ratio", "date", "duration", "number"]
Per = Literal["year", "half_year", "quarter", "month", "week", "day"]


#: Field metadata of a field the JSON leaves out when it is None (an extra beyond the schema).
OPTIONAL = {"optional": True}


@dataclass
class Source:
    """Where the record came from; ``sha256`` of the bytes is the store's key."""

    path: str
    format: str  # the reader's format (suffix): txt, docx, pdf, html, doc, xlsx, png, …
    encoding: str | None
    bytes: int
    sha256: str
    #: Pages read by OCR: ``{"page", "engine", "confidence"}`` each; absent for other files.
    ocr: list[dict[str, Any]] | None = field(default=None, metadata=OPTIONAL)


@dataclass
class Section:
    id: str
    parent: str | None
    level: int
    number: str
    title: str
    start: int
    end: int


@dataclass
class Duty:
    id: str
    organ: str | None
    text: str
    start: int
    end: int
    section: str | None


@dataclass
class FractionRule:
    """A quorum or vote threshold: ``fraction`` of ``of``; inclusive means ≥."""

    text: str
    fraction: float
    inclusive: bool | None
    of: str | None


@dataclass
class Frequency:
    text: str
    count: float
    per: Per
    min: bool


@dataclass
class SpecialQuorum:
    matter: str
    fraction: float
    inclusive: bool | None
    text: str


@dataclass
class Meeting:
    id: str
    body: str
    section: str | None
    start: int
    end: int
    frequency: Frequency | None = None
    ad_hoc: bool | None = None
    convener: str | None = None
    chair: str | None = None
    quorum: FractionRule | None = None
    special_quorum: list[SpecialQuorum] = field(default_factory=list)
    vote_threshold: FractionRule | None = None
    members: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    recorder: str | None = None
    agenda_scope: list[str] = field(default_factory=list)


@dataclass
class Figure:
    """One quantity. ``sentence`` is an extra field beyond the schema (search, briefs)."""

    text: str
    start: int
    end: int
    kind: FigureKind
    value: float | int | str | list[Any]
    unit: str | None = None
    cmp: Literal[">=", ">", "<=", "<", "~"] | None = None
    sentence: str | None = field(default=None, metadata=OPTIONAL)


@dataclass
class Indicator:
    name: str
    grades: dict[str, str] = field(default_factory=dict)


@dataclass
class BudgetItem:
    activity: str
    parent: str | None
    amount: float | None
    amount_unit: str | None
    description: str | None
    goal: str | None
    start: int
    end: int
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Cell:
    """One table cell: its text and where it stands in ``Document.text``."""

    text: str
    start: int
    end: int


@dataclass
class Table:
    """A table as rows of cells; the budget extractor reads its header row for the layout."""

    rows: list[list[Cell]]
    start: int
    end: int


@dataclass
class Work:
    """Working state shared by the stages; not part of the record.

    ``source_text`` is the text the reader produced; ``offsets[i]`` is the index in
    ``source_text`` of character ``i`` of the normalized text (len(text) + 1 entries,
    the last one mapping the end). ``table_captions`` holds one caption per table of
    ``tables`` (None where it has none); ``title`` is what ``classify`` found.
    Each field is named in the ``requires``/``assigns`` of the stages (``work.tables``).
    """

    source_text: str = ""
    offsets: list[int] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    table_captions: list[str | None] = field(default_factory=list)
    title: Title | None = None
    #: :meth:`Document.section_at`'s index of the outline (a cache, keyed by the outline it indexes)
    section_index: tuple[Any, list[Section], list[int]] | None = None

    @property
    def table_caption(self) -> str | None:
        """The first caption found, for a document whose title is its table's caption."""
        return next((c for c in self.table_captions if c), None)


#: The record's fields before its lists of records (one per kind, :mod:`gongwen.kinds`) and its warnings.
HEAD_FIELDS = ("schema_version", "doc_id", "source", "title", "doc_type", "region", "organization", "year",
               "script", "text")


@dataclass
class Document:
    source: Source
    text: str = ""
    title: str | None = None
    doc_type: DocType = "other"
    region: str | None = None
    organization: str | None = None
    year: int | None = None
    script: Script = "simplified"
    sections: list[Section] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    meeting_rules: list[Meeting] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    budget_items: list[BudgetItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    work: Work = field(default_factory=Work, repr=False, compare=False)
    #: Records of kinds registered without a field of their own here, by kind name.
    other_records: dict[str, list[Any]] = field(default_factory=dict, repr=False)

    def records(self, kind: str) -> list[Any]:
        """The records of ``kind`` (its record name, ``meeting_rules``)."""
        if kind in _DOCUMENT_FIELDS:
            return getattr(self, kind)  # type: ignore[no-any-return]
        return self.other_records.get(kind, [])

    def set_records(self, kind: str, items: list[Any]) -> None:
        if kind in _DOCUMENT_FIELDS:
            setattr(self, kind, items)
        else:
            self.other_records[kind] = items

    @property
    def doc_id(self) -> str:
        """First 16 hex digits of the source's SHA-256: stable across runs and machines."""
        return self.source.sha256[:16]

    def section_by_id(self, sid: str | None) -> Section | None:
        return next((s for s in self.sections if s.id == sid), None)

    def section_at(self, pos: int) -> Section | None:
        """The innermost section whose extent holds ``pos``.

        Extractors ask this for every duty, figure and sentence, so the sections are
        indexed by start once (per outline) and searched by bisection: the innermost
        holder is the latest-starting section that still holds ``pos``.
        """
        order, starts = self._section_index()
        i = bisect.bisect_right(starts, pos)
        while i > 0:
            i -= 1
            s = order[i]
            if pos < s.end:
                return s
            if s.level == 1:  # nothing that starts earlier can hold pos past a closed top section
                break
        return None

    def _section_index(self) -> tuple[list[Section], list[int]]:
        key = (id(self.sections), len(self.sections), self.sections[-1].end if self.sections else 0)
        cached = self.work.section_index
        if cached is None or cached[0] != key:
            order = sorted(self.sections, key=lambda s: (s.start, s.level))
            cached = (key, order, [s.start for s in order])
            self.work.section_index = cached
        return cached[1], cached[2]

    def section_path(self, sid: str | None) -> list[Section]:
        """The chain of sections from the top of the outline down to ``sid``."""
        by_id = {s.id: s for s in self.sections}
        path: list[Section] = []
        while sid and sid in by_id:
            path.append(by_id[sid])
            sid = by_id[sid].parent
        return path[::-1]

    def _fields(self) -> dict[str, Any]:
        """The record's fields in order, as the document holds them (not yet plain JSON values)."""
        from gongwen.kinds import names

        data = {name: getattr(self, name) for name in HEAD_FIELDS}
        data |= {name: self.records(name) for name in names()}
        data["warnings"] = self.warnings
        return data

    def to_dict(self) -> dict[str, Any]:
        """The record: the head fields, one list per registered kind in record order, the warnings."""
        return {k: _plain(v) for k, v in self._fields().items()}

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def write_json(self, fp: IO[str], indent: int | None = None) -> None:
        """Write the record to ``fp`` field by field and record by record, exactly as
        ``json.dump(self.to_dict(), fp)`` would: for a 10 MB document the JSON string
        :meth:`to_json` builds would double the process's peak memory, and even the plain
        copy of every record that :meth:`to_dict` builds at once added ~70 MB to it."""
        step = "" if indent is None else " " * indent
        comma = ", " if indent is None else ","

        def dumps(value: Any, level: int) -> str:
            # JSON escapes a newline inside a string, so every newline of the encoding is
            # one of its line breaks, indented here by the depth it is written at.
            out = json.dumps(_plain(value), ensure_ascii=False, indent=indent)
            return out if indent is None else out.replace("\n", "\n" + step * level)

        def brk(level: int) -> str:
            return "" if indent is None else "\n" + step * level

        fp.write("{")
        for i, (key, value) in enumerate(self._fields().items()):
            fp.write((comma if i else "") + brk(1) + json.dumps(key, ensure_ascii=False) + ": ")
            if isinstance(value, list) and value:
                fp.write("[")
                for j, item in enumerate(value):
                    fp.write((comma if j else "") + brk(2) + dumps(item, 2))
                fp.write(brk(1) + "]")
            else:
                fp.write(dumps(value, 1))
        fp.write(brk(0) + "}")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        from gongwen.kinds import all_kinds

        doc = cls(
            source=Source(**data["source"]),
            text=data["text"],
            title=data.get("title"),
            doc_type=data.get("doc_type", "other"),
            region=data.get("region"),
            organization=data.get("organization"),
            year=data.get("year"),
            script=data.get("script", "simplified"),
            warnings=list(data.get("warnings", [])),
        )
        for kind in all_kinds():
            doc.set_records(kind.name, [kind.from_json(r) for r in data.get(kind.name) or []])
        return doc

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(v) for f in dataclasses.fields(value)
                if (v := getattr(value, f.name)) is not None or not f.metadata.get("optional")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_plain(cls: type, data: dict[str, Any]) -> Any:
    """The dataclass ``cls`` from its JSON object, nested dataclasses (``Frequency | None``,
    ``list[Indicator]``) read by their type hints: one reader for every kind of record."""
    hints = _hints(cls)
    return cls(**{k: _read_value(hints.get(k, Any), v) for k, v in data.items()})


def _read_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        classes = [a for a in typing.get_args(hint) if dataclasses.is_dataclass(a)]
        return from_plain(classes[0], value) if classes and isinstance(value, dict) else value
    if origin is list and isinstance(value, list):
        (item,) = typing.get_args(hint) or (Any,)
        return [_read_value(item, v) for v in value]
    if dataclasses.is_dataclass(hint) and isinstance(hint, type) and isinstance(value, dict):
        return from_plain(hint, value)
    return value


_DOCUMENT_FIELDS = frozenset(f.name for f in dataclasses.fields(Document))
