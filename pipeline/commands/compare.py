"""``gongwen compare meetings|duties``: thin wrappers over :mod:`gongwen.compare` that
render a :class:`~gongwen.compare.Comparison` as a Rich table, CSV, Markdown, JSON or .xlsx."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from gongwen import compare as lib
from gongwen.cli import app
from gongwen.commands.options import DbOpt, RegionOpt, TypeOpt
from gongwen.commands.plural import plural
from gongwen.commands.search import open_existing
from gongwen.compare import MARK_SYMBOL, Comparison
from gongwen.store import DEFAULT_DB

compare_app = typer.Typer(help="Compare documents: meeting rules slot by slot, duty lists aligned.",
                          no_args_is_help=True)
app.add_typer(compare_app, name="compare")

FORMATS = ("table", "csv", "xlsx", "md", "json")
#: Longest cell shown in the terminal table (long agenda scopes); files get the whole text.
TERMINAL_CELL = 80

FormatOpt = Annotated[str | None, typer.Option(
    "--format", "-f", help="table (terminal), csv, xlsx, md or json; default: from --output's suffix, else table.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of the terminal.")]


@compare_app.command("meetings")
def meetings(
    body: Annotated[str | None, typer.Option("--body", help="Kind of meeting (常委会, 全委会, 书记办公会…).")] = None,
    region: RegionOpt = None,
    doc_type: TypeOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """One row per region (document) and meeting, one column per slot; differences marked."""
    fmt = _format(fmt, output)
    with open_existing(db) as store:
        comp = lib.compare_meetings(store, body=body, region=region, doc_type=doc_type)
    _emit(comp, fmt, output)


@compare_app.command("duties")
def duties(
    organ: Annotated[str | None, typer.Option(
        "--organ", help="Duties of organs (or documents of organizations) whose name contains this (组织部).")] = None,
    region: RegionOpt = None,
    doc_type: TypeOpt = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only these documents (doc_id or prefix); repeat.")] = None,
    threshold: Annotated[float, typer.Option(
        "--threshold", min=0.0, max=1.0, help="Similarity at which two duties count as the same duty.")] = 0.3,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Align the duty lists of several documents; show what each has that the others lack."""
    fmt = _format(fmt, output)
    with open_existing(db) as store:
        try:
            comp = lib.compare_duties(store, organ=organ, region=region, doc_type=doc_type, doc_ids=doc or None,
                                      threshold=threshold)
        except ValueError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from None
    _emit(comp, fmt, output)


def _format(fmt: str | None, output: Path | None) -> str:
    suffix = output.suffix.lower().lstrip(".") if output else ""
    if fmt is None:
        if suffix and suffix not in (*FORMATS, "markdown", "txt"):
            # Writing a text table into report.pdf would make a file no PDF reader opens.
            raise typer.BadParameter(f"cannot write a .{suffix} file; use .csv, .xlsx, .md, .json or .txt "
                                     "(or --format)", param_hint="--output")
        fmt = {"markdown": "md", "txt": "md"}.get(suffix, suffix) if suffix else "table"
    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "xlsx" and output is None:
        raise typer.BadParameter("xlsx needs --output FILE", param_hint="--format")
    return fmt


def _emit(comp: Comparison, fmt: str, output: Path | None) -> None:
    if not comp.rows:
        typer.echo("nothing to compare: no matching records in the store", err=True)
        raise typer.Exit(1)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        assert output is not None  # _format refuses xlsx without --output
        lib.write_xlsx(comp, output)
    elif fmt == "csv":
        if output:
            lib.write_csv(comp, output)
        else:
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "out.csv"
                lib.write_csv(comp, path)
                sys.stdout.write(path.read_text(encoding="utf-8-sig"))
    elif fmt in ("md", "json"):
        text = lib.to_markdown(comp) if fmt == "md" else json.dumps(comp.as_records(), ensure_ascii=False, indent=1)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text + ("\n" if fmt == "json" else ""))
    else:
        _rich(comp, output)
    if output:
        typer.echo(f"wrote {output} ({plural(len(comp.rows), 'row')})", err=True)


def _rich(comp: Comparison, output: Path | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    styles = {"differs": "bold black on yellow", "missing": "dim red", "unique": "bold green"}
    # A terminal is narrow: slots no document fills are left out (the files keep them), and
    # cells fold, since Chinese has no spaces to wrap at.
    shown = [c for c in comp.columns if any(r.cells[c].value for r in comp.rows)]
    hidden = len(comp.columns) - len(shown)
    caption = "≠ differs · ∅ missing here · ★ only here" + (f" · {hidden} empty columns not shown" if hidden else "")
    table = Table(title=comp.title, show_lines=True, caption=caption)
    table.add_column(comp.label_header, style="cyan", overflow="fold")
    differing = set(comp.differing_columns())
    for c in shown:
        table.add_column(comp.headers[c] + (" ≠" if c in differing and comp.label_header != "共有" else ""),
                         overflow="fold")
    for r in comp.rows:
        cells = []
        for c in shown:
            cell = r.cells[c]
            value = cell.value if len(cell.value) <= TERMINAL_CELL else cell.value[:TERMINAL_CELL] + "…"
            if cell.mark:
                cells.append(Text(f"{MARK_SYMBOL[cell.mark]} {value}".strip(), style=styles[cell.mark]))
            else:
                cells.append(Text(value))
        table.add_row(r.label, *cells)
    lacking = [f"{label}: {len(items)} duties no other document has" for label, items in comp.unique.items() if items]
    console = Console(file=open(output, "w", encoding="utf-8"), width=200) if output else Console()
    try:
        console.print(table)
        for line in lacking:
            console.print(line)
    finally:
        if output:
            console.file.close()
