"""Word 97–2003 (.doc) and WPS (.wps) files, read with a kept tool: a registry of
converters, tried in order, the first one installed wins.

- ``libreoffice`` (first): LibreOffice headless converts the file to .docx, which
  the .docx reader reads — so tables arrive as cells, merged cells resolved,
  exactly as from a Word 2007+ file.
- ``antiword`` and ``catdoc`` (Debian, milliseconds a file): the text without
  wrapping, but tables only as text — antiword draws them with ``|`` that break
  inside cells, catdoc separates cells by tabs but breaks long cells — so they
  serve when LibreOffice is not installed, with a warning saying tables were
  not kept.

Measured on the samples saved as .doc by LibreOffice, character similarity to
the .docx reader's text (whitespace ignored) and time a file:

=============  ==================  ==================  =======
converter      work_rules (prose)  budget_table        s/file
=============  ==================  ==================  =======
libreoffice    1.000 (identical)   1.000 (identical)   2–4
antiword       1.000 (identical)   0.914               0.01
catdoc         0.994               0.974               0.02
=============  ==================  ==================  =======

Kingsoft WPS saves .wps in the Word 97 binary format (an OLE file with a
``WordDocument`` stream); the tools read it as a .doc. A Microsoft Works .wps
(another format altogether) is refused with a reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from gongwen.errors import InputError
from gongwen.ingest import READERS, Decoded
from gongwen.registry import Registry

#: Seconds a converter may take for one file.
TIMEOUT = 180
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
INSTALL = ("reading .doc/.wps needs LibreOffice, antiword or catdoc "
           "(Debian: apt-get install libreoffice-writer-nogui, or antiword)")

#: name → (the executable it needs, convert(path, data) → Decoded)
Converter = Callable[[Path, bytes], Decoded]
CONVERTERS: Registry[Converter] = Registry("Word 97 converter")
_NEEDS = {"libreoffice": ("soffice", "libreoffice"), "antiword": ("antiword",), "catdoc": ("catdoc",)}


def read_legacy_word(path: Path, data: bytes) -> Decoded:
    kind = "WPS (.wps)" if path.suffix.lower() == ".wps" else "Word 97–2003 (.doc)"
    if data.startswith(b"PK\x03\x04"):
        raise InputError(path, f"not a {kind} file: it is a zip package (a .docx saved under another name?)")
    if not data.startswith(_OLE):
        raise InputError(path, f"not a {kind} file (no OLE header)")
    if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" not in data:
        raise InputError(path, f"not a {kind} file: the OLE file has no WordDocument stream "
                               "(a Microsoft Works or other Office file?)")
    for name in CONVERTERS.names():
        if _tool(name):
            return CONVERTERS.get(name)(path, data)
    raise InputError(path, INSTALL)


def _tool(name: str) -> str | None:
    return next((p for exe in _NEEDS[name] if (p := shutil.which(exe))), None)


def _run(path: Path, args: list[str], what: str) -> subprocess.CompletedProcess[bytes]:
    try:
        done = subprocess.run(args, capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(path, f"{what} took longer than {TIMEOUT} s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(path, f"{what} could not read it: {message[-1] if message else done.returncode}")
    return done


@cache
def _profile() -> str:
    """A LibreOffice user profile of this process: two instances sharing one profile
    block each other, and batch workers run conversions at the same time."""
    return tempfile.mkdtemp(prefix=f"gongwen-lo-{os.getpid()}-")


@CONVERTERS.register("libreoffice")
def _libreoffice(path: Path, data: bytes) -> Decoded:
    from gongwen.ingest.docx import read_docx

    with tempfile.TemporaryDirectory(prefix="gongwen-doc-") as tmp:
        # A plain name: LibreOffice picks the import filter by content, and the
        # output is found by name.
        source = Path(tmp) / "in.doc"
        source.write_bytes(data)
        _run(path, [_tool("libreoffice") or "soffice", f"-env:UserInstallation=file://{_profile()}",
                    "--headless", "--norestore", "--convert-to", "docx", "--outdir", tmp, str(source)],
             "LibreOffice")
        out = Path(tmp) / "in.docx"
        if not out.exists():
            raise InputError(path, "LibreOffice could not convert it to .docx")
        decoded = read_docx(path, out.read_bytes())
    return decoded


@CONVERTERS.register("antiword")
def _antiword(path: Path, data: bytes) -> Decoded:
    with tempfile.NamedTemporaryFile(suffix=".doc") as f:
        f.write(data)
        f.flush()
        # -w 0: no wrapping, one line a paragraph; -m UTF-8.txt: UTF-8 output.
        done = _run(path, [_tool("antiword") or "antiword", "-w", "0", "-m", "UTF-8.txt", f.name], "antiword")
    return _text_only(path, done.stdout.decode("utf-8", "replace"), "antiword")


@CONVERTERS.register("catdoc")
def _catdoc(path: Path, data: bytes) -> Decoded:
    with tempfile.NamedTemporaryFile(suffix=".doc") as f:
        f.write(data)
        f.flush()
        # -w: no wrapping; -d utf-8: UTF-8 output.
        done = _run(path, [_tool("catdoc") or "catdoc", "-w", "-d", "utf-8", f.name], "catdoc")
    return _text_only(path, done.stdout.decode("utf-8", "replace"), "catdoc")


def _text_only(path: Path, text: str, tool: str) -> Decoded:
    lines = [line.strip(" ") for line in text.replace("\r", "").replace("\f", "\n").split("\n")]
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise InputError(path, "the Word document holds no text")
    return Decoded(text=text, warnings=[f"read with {tool}: tables are plain text, not cells "
                                        "(install LibreOffice to keep them)"])


for _suffix in ("doc", "wps"):
    READERS.register(_suffix)(read_legacy_word)
