"""Plain-text reader: find the encoding, decode, unify line ends.

Chinese official texts reach us as UTF-8 (with or without BOM), UTF-16 with a
BOM (Windows "Unicode" saves), GB18030/GBK (mainland) and Big5 (Taiwan, Hong
Kong). Strict decodes are tried in that order because a strict decode that
succeeds is almost always right, except between GB18030 and Big5: every Big5
byte string is also valid GB18030 (and much GB18030 is valid Big5), so when
both succeed the one whose characters look like real Chinese wins (see
:func:`plausibility`). Only when no strict decode works do we ask
charset-normalizer, and then say so in a warning.

Two kinds of text arrive with NUL bytes and are still text: UTF-16 saved without
a byte-order mark (every ASCII character, line breaks included, has a zero
byte), recognised by what its characters would be (:func:`_bomless_utf16`); and
a download padded with a run of NULs, read with the NULs dropped and a warning.
Binary data is still refused, by its control characters (:func:`_checked`).
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from pathlib import Path

from gongwen.errors import InputError
from gongwen.ingest import READERS, Decoded

#: Bytes of the file looked at to choose between GB18030 and Big5.
SAMPLE_BYTES = 64 * 1024

#: Share of control characters (other than tab, line and page breaks) above which
#: decoded "text" is binary data.
MAX_CONTROL_SHARE = 0.01

# Codec used to decode → name recorded in ``source.encoding``. cp950 is Big5 as
# Windows writes it (a superset of plain Big5 with the usual extensions).
_CANDIDATES = (("gb18030", "gb18030"), ("cp950", "big5"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINE = re.compile(r"\r\n?")


@READERS.register("txt")
def read_txt(path: Path, data: bytes) -> Decoded:
    text, encoding, warnings = decode_bytes(path, data)
    return Decoded(text=_NEWLINE.sub("\n", text), encoding=encoding, warnings=warnings)


def decode_bytes(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    """Decode ``data``; returns (text, encoding name for the record, warnings)."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(path, _strict(path, data, "utf-8-sig")), "utf-8", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(path, _strict(path, data, "utf-16")), "utf-16", []
    warnings: list[str] = []
    if b"\x00" not in data:
        try:
            return _checked(path, data.decode("utf-8")), "utf-8", []
        except UnicodeDecodeError:
            pass
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        text, order = utf16
        return _checked(path, text), "utf-16", [f"no byte-order mark: read as UTF-16 {order} by the "
                                                "characters its bytes make"]
    if b"\x00" in data:
        nuls = data.count(b"\x00")
        data = data.replace(b"\x00", b"")
        warnings.append(f"{nuls} NUL byte(s) dropped")
        text, encoding, more = decode_bytes(path, data)
        return text, encoding, warnings + more
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        return _checked(path, text), "utf-8", [f"{bad} invalid UTF-8 byte sequence(s) replaced"]
    decoded: list[tuple[float, str, str]] = []
    for codec, name in _CANDIDATES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        decoded.append((plausibility(text[: SAMPLE_BYTES // 2]), name, text))
    if decoded:
        score, name, text = max(decoded, key=lambda d: d[0])
        if score >= 0.5:
            return _checked(path, text), name, []
    return _detected(path, data)


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """``data`` as UTF-16 without a byte-order mark, with the byte order, or None.

    Read both ways, correct UTF-16 Chinese is common characters, ASCII and
    punctuation nearly throughout; the wrong byte order, or GBK/Big5/UTF-8 bytes
    taken two at a time, give Hangul, private-use and rare characters instead
    (GBK and Big5 lead bytes are all above 0xA0, which puts the pairs outside
    the common CJK block in either order). Odd-length data is not UTF-16.
    """
    if len(data) % 2 or len(data) < 4:
        return None
    sample = data[: SAMPLE_BYTES]
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        share = _textlike_share(sample.decode(codec, errors="replace"))
        if share >= 0.9 and (best is None or share > best[0]):
            best = (share, codec)
    if best is None:
        return None
    codec = best[1]
    try:
        return data.decode(codec), codec[-2:].upper()
    except UnicodeDecodeError:
        return None


def _textlike_share(text: str) -> float:
    """Share of the non-space characters of ``text`` that ordinary Chinese text is made of:
    printable ASCII, common CJK characters, CJK and full-width punctuation."""
    common = _common_chars()
    chars = [ch for ch in text if not ch.isspace()]
    if not chars:
        return 0.0
    good = sum(1 for ch in chars if " " < ch < "\x7f" or ch in common
               or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u2027")
    return good / len(chars)


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few broken sequences (a file cut mid-character, one bad paste):
    GBK or Big5 read as UTF-8 breaks on nearly every Chinese character, so a
    handful of errors in a long text means UTF-8 with damage, not another codec."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for ch in text[:SAMPLE_BYTES] if ord(ch) > 0x2E80)
    if bad and wide >= 20 * bad and bad <= max(3, len(text) // 1000):
        return text, bad
    return None


def plausibility(text: str) -> float:
    """Share of the Chinese characters of ``text`` that are common ones.

    Correctly decoded Chinese is made almost entirely of the few thousand common
    characters; text decoded with the wrong double-byte codec is a spray of rare
    characters, private-use code points and symbols. Returns 0..1 (1.0 for text
    without Chinese, where the codecs agree anyway).
    """
    common = _common_chars()
    cjk = wrong = hits = 0
    for ch in text:
        o = ord(ch)
        if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            cjk += 1
            hits += ch in common
        elif 0xE000 <= o <= 0xF8FF or 0x2460 <= o <= 0x27BF or 0x0370 <= o <= 0x04FF:
            wrong += 1  # private use, dingbats, Greek/Cyrillic: what a wrong codec yields
    total = cjk + wrong
    return 1.0 if total == 0 else hits / total


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The frequent characters of both scripts, read off the codecs' own tables:
    GB2312 level 1 (3755 most used simplified characters, lead bytes B0–D7) and
    Big5 "常用字" (5401 frequent traditional characters, A440–C67E). Built from
    the codecs rather than shipped as a list because the codecs are the standard."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for code in range(0xA440, 0xC67F):
        lead, trail = divmod(code, 256)
        if 0x40 <= trail <= 0x7E or 0xA1 <= trail <= 0xFE:
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def _strict(path: Path, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise InputError(path, f"not valid {codec.removesuffix('-sig')} despite its byte-order mark "
                               f"(bad byte at offset {e.start})") from None


def _detected(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    # Imported here: charset-normalizer is only needed for files no strict decode fits.
    from charset_normalizer import from_bytes

    best = from_bytes(data[: SAMPLE_BYTES * 4]).best()
    if best is None or best.encoding is None:
        raise InputError(path, "cannot detect the text encoding: binary or undecodable data")
    codec = best.encoding
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    name = {"gb2312": "gb18030", "gbk": "gb18030", "cp950": "big5", "big5hkscs": "big5",
            "utf_8": "utf-8", "utf_16": "utf-16"}.get(codec, codec.replace("_", "-"))
    checked = _checked(path, text)
    if bad > max(10, len(text) // 100):
        raise InputError(path, f"cannot decode the text: {bad} undecodable bytes as {name}")
    return checked, name, [f"encoding guessed as {name}; {bad} undecodable byte(s) replaced"]


def _checked(path: Path, text: str) -> str:
    """Refuse binary data that happened to decode (control characters everywhere)."""
    if not text.strip():
        raise InputError(path, "file holds no text")
    controls = len(_CONTROL.findall(text[:SAMPLE_BYTES]))
    if controls > MAX_CONTROL_SHARE * min(len(text), SAMPLE_BYTES):
        raise InputError(path, "binary data (control characters), not a text file")
    return text
