"""Bytes to text: refuse what is not text, detect the encoding of what is."""

from __future__ import annotations

import codecs

from rashomon.errors import BinaryInput, EmptyInput, UndecodableInput

SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF = 8192
MAX_CONTROL_SHARE = 0.05


def _refuse_binary(data: bytes) -> None:
    for magic, what in SIGNATURES:
        if data.startswith(magic):
            raise BinaryInput(
                f"binary file ({what}): Rashomon reads plain text, HTML and JSON Lines; convert it to text first"
            )
    head = data[:SNIFF]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(
            "binary file (control bytes, not text): Rashomon reads plain text, HTML and "
            "JSON Lines; convert it to text first"
        )


BROKEN_BYTES = 8  # bad sequences a UTF-8 text may hold whatever its size, beside its valid ones


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises EmptyInput, BinaryInput or UndecodableInput."""
    if not data.strip():
        raise EmptyInput("empty input: the file holds no text")
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise UndecodableInput(
                    f"the file starts with a {name} byte-order mark but is not {name} ({exc})"
                ) from exc
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    repaired = _broken_utf8(data)
    return repaired if repaired is not None else _detect(data)


def _broken_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few bad bytes: keep it, mark the damage. Valid multi-byte sequences are all but
    absent from text in a legacy code page, so even one of them, with few bad bytes beside it, means UTF-8
    ("café" with two broken bytes after it is not cp1250's "cafĂ©")."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if good and bad <= max(BROKEN_BYTES, 2 * good):
        return text, f"utf-8 ({bad} invalid byte sequence(s) replaced)"
    return None


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 input pays for it

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableInput("the bytes fit no known text encoding; re-save the file as UTF-8")
    return str(best), str(best.encoding)
