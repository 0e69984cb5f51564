"""``gongwen serve [--db gongwen.db] [--host 127.0.0.1] [--port 8765] [--token T]``."""

from __future__ import annotations

import ipaddress
import secrets
from pathlib import Path
from typing import Annotated

import typer

from gongwen.cli import app
from gongwen.commands.options import DbOpt
from gongwen.commands.search import open_existing
from gongwen.store import DEFAULT_DB


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8765,
    token: Annotated[str | None, typer.Option(
        "--token", help="Every request must carry it (?token= once, or Authorization: Bearer). Required with "
                        "any --host other than this machine; 'random' makes one.")] = None,
) -> None:
    """A local web application over the store: overview, search, documents with their records
    marked, cross-district comparisons and briefs. Read-only."""
    import uvicorn

    from gongwen.serve import create_app

    if not is_loopback(host) and not token:
        raise typer.BadParameter("serving beyond this machine needs --token (or --token random)",
                                 param_hint="--token")
    if token == "random":
        token = secrets.token_urlsafe(16)
    open_existing(db).close()  # brings an older store up to date; the server itself only reads
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/" + (f"?token={token}" if token else "")
    typer.echo(f"gongwen serve: {db} at {url}  (Ctrl-C stops)")
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")
