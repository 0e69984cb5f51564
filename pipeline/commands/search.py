"""``gongwen search QUERY`` and ``gongwen search --like DUTY_KEY``: a thin wrapper over
:func:`gongwen.search.search` / :func:`gongwen.search.like` that only renders."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from gongwen.cli import app
from gongwen.commands.options import DbOpt, RegionOpt, TypeOpt
from gongwen.commands.plural import plural
from gongwen.errors import InputError
from gongwen.query import QueryError, parse
from gongwen.search import Hit, kinds_searched
from gongwen.store import DEFAULT_DB, DocumentFilter, Store


def open_existing(db: Path) -> Store:
    """Open a store that must already exist (reading commands never create an empty one)."""
    if not db.exists():
        typer.echo(f"error: {db}: no store here (build one with `gongwen run`, or pass --db FILE)", err=True)
        raise typer.Exit(2)
    try:
        return Store.open(db)
    except InputError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None


def check_filters(store: Store, region: str | None, doc_type: str | None) -> None:
    """Stop with a message naming what the store holds when ``--region`` or ``--type``
    matches no document, instead of answering a misspelt filter with silence. A region is
    checked as search matches it: by prefix or by any level of its chain."""
    for option, column, value in (("--type", "doc_type", doc_type), ("--region", "region", region)):
        if value is None:
            continue
        if store.document_count(DocumentFilter(**{column: value})):
            continue
        held = store.documents_by(column)
        known = ", ".join(f"{v} ({n})" for v, n in held[:20]) or "none"
        typer.echo(f"error: {option} {value!r}: no document in this store has it; here: {known}", err=True)
        raise typer.Exit(2)


@app.command()
def search(
    query: Annotated[str | None, typer.Argument(help="Words to find (simplified or traditional script).")] = None,
    in_: Annotated[str, typer.Option("--in", help="What to search: duties, meetings, figures, sections, budget, documents "
                                                      "(or another registered record kind).")] = "duties",
    region: RegionOpt = None,
    doc_type: TypeOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many hits.")] = 20,
    like: Annotated[str | None, typer.Option(
        "--like", help="More like this: duties similar to the duty DOC_ID:DUTY_ID (the key search prints), "
                       "in other documents.")] = None,
    same_document: Annotated[bool, typer.Option(
        "--same-document", help="With --like: include duties of the duty's own document.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print hits as JSON lines instead of a table.")] = False,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Full-text search over the store (duties by default), or duties like a given one.

    QUERY: words (all needed), "a phrase", A OR B, -excluded; traditional script is folded
    to simplified. --region matches by prefix or any level of the region's chain.

    Each duty hit shows its key (DOC_ID:DUTY_ID); pass it to --like to ask who
    else has this duty.
    """
    from gongwen import search as lib

    if in_ not in kinds_searched():
        raise typer.BadParameter(f"choose one of {', '.join(kinds_searched())}", param_hint="--in")
    if (query is None) == (like is None):
        raise typer.BadParameter("give a QUERY or --like DUTY_KEY (one of them)")
    if query is not None:
        try:
            if not parse(query):
                raise typer.BadParameter(f"{query!r} holds no word to search for", param_hint="QUERY")
        except QueryError as e:
            raise typer.BadParameter(str(e), param_hint="QUERY") from None
    with open_existing(db) as store:
        check_filters(store, region, doc_type)
        if like is not None:
            try:
                hits = lib.like(store, like, limit=limit, same_document=same_document, region=region,
                                doc_type=doc_type)
            except KeyError as e:
                typer.echo(f"error: {e.args[0]}", err=True)
                raise typer.Exit(2) from None
        else:
            hits = lib.search(store, query or "", in_=in_, region=region, doc_type=doc_type, limit=limit)
    if as_json:
        for h in hits:
            sys.stdout.write(json.dumps(h.to_dict(), ensure_ascii=False) + "\n")
        return
    _render(hits, f"like {like}" if like else f"{query} in {in_}")


def _render(hits: list[Hit], caption: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not hits:
        console.print(f"{plural(0, 'hit')} for {caption}")
        return
    table = Table(title=f"{plural(len(hits), 'hit')}: {caption}", show_lines=True, expand=True)
    # Chinese has no spaces to wrap at, so long cells fold instead of ending in "…"; the
    # hit's text is what the reader came for and gets the most width
    fold = {"overflow": "fold"}
    for name, kw in (("key", {"no_wrap": True, "style": "dim"}), ("score", {"justify": "right"}),
                     ("document", {"ratio": 2, **fold}), ("section", {"ratio": 2, **fold}),
                     ("organ / figure", {"width": 10, **fold}), ("text", {"ratio": 5, **fold})):
        table.add_column(name, **kw)  # type: ignore[arg-type]
    for h in hits:
        text = Text()
        for piece, marked in h.parts:
            text.append(piece, style="bold yellow" if marked else None)
        doc = Text(h.title or h.path)
        if h.region:
            doc.append(f"\n{h.region}", style="cyan")
        score = f"{h.score:.2f}" if h.match != "substring" else "substr"
        doc_part, _, rest = h.key.partition(":")
        key = f"{doc_part[:8]}:{rest}" if rest else doc_part[:8]  # --like accepts a unique prefix
        table.add_row(key, score, doc, h.section_path, h.organ or h.figure or "", text)
    console.print(table)
