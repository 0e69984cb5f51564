"""``gongwen failures [--db FILE]``: the files a run could not turn into a record, and why."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from gongwen.cli import app
from gongwen.commands.options import DbOpt
from gongwen.commands.plural import plural
from gongwen.errors import InputError
from gongwen.store import DEFAULT_DB, Store


@app.command("failures")
def failures_command(
    db: DbOpt = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List the failed files: path, kind (unreadable, timeout, error) and reason.

    Fix or remove a file and run `gongwen run` again (with --retry-failed when
    the bytes did not change); a file stored later leaves this list.
    """
    if not db.is_file():
        typer.echo(f"error: {db}: no such store", err=True)
        raise typer.Exit(2)
    try:
        with Store.open(db) as store:
            failures = store.failures()
    except InputError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    for f in failures:
        typer.echo(json.dumps(asdict(f), ensure_ascii=False) if as_json else f"{f.path}\t{f.kind}\t{f.reason}")
    if not as_json:
        typer.echo(plural(len(failures), "failed file"), err=True)
