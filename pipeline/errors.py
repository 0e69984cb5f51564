"""The one error type for input the pipeline cannot use.

Readers raise :class:`InputError` for anything wrong with a file (empty, binary
junk, not a zip, encrypted, too large …); the CLI and the batch runner print it
as one line naming the file and the reason, and go on with the other files.
"""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file that cannot be read, with the reason in words a user understands."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
