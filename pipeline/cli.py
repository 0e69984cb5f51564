"""The ``gongwen`` command: thin wrappers over library calls (the sqlite-utils way).

Each command lives in a module of :mod:`gongwen.commands` that adds itself to
:data:`app`; :data:`COMMAND_MODULES` lists them.
"""

from __future__ import annotations

import importlib
from typing import Annotated

import typer

app = typer.Typer(
    name="gongwen",
    help="Document intelligence for Chinese official texts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"gongwen {version('gongwen')}")
        except PackageNotFoundError:  # run from a checkout that was never installed
            typer.echo("gongwen (not installed)")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False,
) -> None:
    """Document intelligence for Chinese official texts."""


COMMAND_MODULES = [
    "extract",
    "brief",
    "run",
    "failures",
    "search",
    "compare",
    "outline",
    "review",
    "serve",
]


def load_commands() -> typer.Typer:
    """The app with every command added (importing a command module registers it)."""
    for name in COMMAND_MODULES:
        importlib.import_module(f"gongwen.commands.{name}")
    return app


def main() -> None:
    load_commands()()
