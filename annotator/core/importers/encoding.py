"""Turn the bytes of a text file into a str, or say clearly why not.

Order: byte-order mark -> NUL bytes (BOM-less UTF-16 or binary) -> strict UTF-8 ->
Windows-1256 when it yields Arabic -> charset-normalizer for anything else.

UTF-8 that is broken (cut off at the end, or with a few bad bytes among many valid
multi-byte characters) is reported as broken UTF-8 instead of being decoded as
Windows-1256: every byte is valid Windows-1256, so that fallback would never fail and
would turn a damaged Arabic file into mojibake without a word.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from annotator.core.errors import InputError

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)

_MAGIC = (
    (b"%PDF", "a PDF document; save it as .txt or .docx first"),
    (b"PK\x03\x04", "a zip archive; a .docx or .xlsx with the wrong extension?"),
    (b"\xd0\xcf\x11\xe0", "an old Office (.doc/.xls) file; save it as .docx or .xlsx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)

# A well-formed UTF-8 multi-byte sequence (2, 3 or 4 bytes).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_ASCII = bytes(range(128))
_TEXT_CONTROLS = set("\t\n\r\f\v\x1c\x1d\x1e\x1f\x85")


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decode a text file; returns (text, encoding name). The text may still start with a BOM
    character only if the file had two; callers pass it through `canonical_text`."""
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], codec, name, path, offset=len(bom))
            return _checked(text, codec, path), codec
    if b"\x00" in data:
        codec = _bomless_utf16(data)
        if codec is None:
            raise InputError(path, _binary_message(data))
        return _checked(_strict(data, codec, "UTF-16", path), codec, path), codec
    try:
        return _checked(data.decode("utf-8"), "utf-8", path), "utf-8"
    except UnicodeDecodeError as e:
        _refuse_broken_utf8(data, e, path)
    text = data.decode("cp1256")
    if _mostly_arabic(text):
        return _checked(text, "cp1256", path), "cp1256"
    return _other_encoding(data, path)


def _strict(data: bytes, codec: str, name: str, path: Path, offset: int = 0) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        pos = e.start + offset
        if e.reason in ("unexpected end of data", "truncated data"):
            raise InputError(path, f"not valid {name} (truncated at byte {pos})") from None
        raise InputError(path, f"not valid {name} (bad bytes at byte {pos})") from None


def _checked(text: str, codec: str, path: Path) -> str:
    """Decoded fine, but is it text? Control characters mean a binary file."""
    if not text.strip():
        raise InputError(path, "empty file")
    sample = text[:100_000]
    controls = sum(1 for c in sample if c < " " and c not in _TEXT_CONTROLS)
    # a few stray ESC/BEL from a scraper are text with junk (the txt reader removes them
    # with a note); a binary file decoded as a code page has them by the hundred
    if controls > max(16, len(sample) // 50):
        raise InputError(path, "binary file, not text")
    return text


def _binary_message(data: bytes) -> str:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file, not text ({what})"
    return "binary file, not text"


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII characters (spaces, digits, newlines) leave
    NUL bytes on one side of each pair only; Arabic letters (U+06xx) leave none."""
    if len(data) % 2:
        return None
    pairs = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec, hits, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if hits >= max(1, pairs // 50) and other * 4 <= hits:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            sample = text[:50_000]
            odd_chars = sum(1 for c in sample
                            if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs")
                            and c not in _TEXT_CONTROLS)
            return codec if odd_chars * 100 <= len(sample) else None
    return None


def _refuse_broken_utf8(data: bytes, err: UnicodeDecodeError, path: Path) -> None:
    """Raise if `data` is UTF-8 that is damaged, rather than text in another encoding."""
    matches = _UTF8_MULTIBYTE.findall(data)
    valid = len(matches)
    if err.reason == "unexpected end of data":
        # Everything before the error is valid UTF-8; only the last character is cut.
        if valid:
            raise InputError(path, f"not valid UTF-8 (truncated at byte {err.start}): the "
                                   "file was cut off in the middle of a character")
        return
    high = len(data.translate(None, _ASCII))
    stray = high - sum(len(m) for m in matches)
    if valid >= 10 and stray * 10 <= valid:
        raise InputError(path, f"not valid UTF-8 (invalid byte 0x{data[err.start]:02X} at byte "
                               f"{err.start}); the rest of the file is UTF-8")


def _mostly_arabic(text: str) -> bool:
    """Do the non-ASCII bytes read as Arabic letters? (ASCII reads the same everywhere.)"""
    letters = [c for c in text[:200_000] if c.isalpha() and not c.isascii()]
    if not letters:
        return False
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    return arabic * 2 >= len(letters)


def _other_encoding(data: bytes, path: Path) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(path, "unknown text encoding (not UTF-8, UTF-16 or Windows-1256)")
    return _checked(str(best), best.encoding, path), best.encoding
