"""Options several commands share, declared once so they read and default the same everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongwen.store import DEFAULT_DB

#: Every command that reads or writes the store takes ``--db FILE``, default ``gongwen.db`` here.
DbOpt = Annotated[Path, typer.Option("--db", help=f"The store file (default {DEFAULT_DB} in this folder).")]
RegionOpt = Annotated[str | None, typer.Option("--region", help="Only documents of this region (卫东区).")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="Only documents of this type (work_rules, duty_list…).")]
#: Commands that walk folders leave links pointing out of the folder alone unless told.
FollowLinksOpt = Annotated[bool, typer.Option(
    "--follow-links", help="Follow symbolic links that lead out of a given folder (not followed by default).")]
