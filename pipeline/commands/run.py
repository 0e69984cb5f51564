"""``gongwen run PATH... [--db FILE]``: process a whole archive into a store, in parallel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongwen.batch import DEFAULT_TIMEOUT, EXECUTORS, run
from gongwen.cli import app
from gongwen.commands.options import DbOpt, FollowLinksOpt
from gongwen.errors import InputError
from gongwen.extras import MissingExtra
from gongwen.store import DEFAULT_DB


@app.command("run")
def run_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    executor: Annotated[str, typer.Option("--executor", "-x", help="Where files are processed: "
                                          "local (processes) or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address "
                                                  "(tcp://host:8786); a local cluster when absent.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1,
                                                help="Worker processes (default: all cores).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0, help="Seconds one file may take "
                                           "before its worker is killed; 0 for no limit.")] = DEFAULT_TIMEOUT,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Process again the files that "
                                               "failed in an earlier run with the same bytes.")] = False,
    no_ocr: Annotated[bool, typer.Option("--no-ocr", help="Do not OCR scanned pages (slow); such files are "
                                         "listed as failures that say so.")] = False,
    db: DbOpt = Path(DEFAULT_DB),
    follow_links: FollowLinksOpt = False,
) -> None:
    """Process every new or changed file under PATH into the store.

    A second run over the same archive processes only new or changed files, and
    an interrupted run resumes where it stopped. A file that fails is recorded
    with its reason (see `gongwen failures`) and the run goes on; the exit status
    is 0 when the run completed, even with failed files. Scanned pages (PDF
    scans, page images) are OCR'd page by page in parallel, results cached by
    page image, so a resumed run does not OCR a page again.
    """
    if executor not in EXECUTORS:
        raise typer.BadParameter(f"unknown executor {executor!r}; known: {', '.join(EXECUTORS.names())}",
                                 param_hint="--executor")
    if scheduler and executor != "dask":
        raise typer.BadParameter("--scheduler needs --executor dask", param_hint="--scheduler")
    try:
        summary = run(paths, db, executor, workers=workers, timeout=timeout or None, scheduler=scheduler,
                      retry_failed=retry_failed, follow_links=follow_links, ocr=not no_ocr)
    except (InputError, MissingExtra) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    except OSError as e:  # e.g. a Dask scheduler that cannot be reached
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    for line in summary.lines():
        typer.echo(line)
    raise typer.Exit(130 if summary.interrupted else 0)
