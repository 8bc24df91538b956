"""Size limits and small helpers shared by the importers."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.errors import InputError

MB = 1024 * 1024
#: One article (a text file, a .docx or .html page, or one row/record of a container).
MAX_DOCUMENT_BYTES = 10 * MB
#: A container of many articles (.csv, .tsv, .xlsx, .jsonl), and what an archive may expand to.
MAX_CONTAINER_BYTES = 200 * MB

TITLE_LIMIT = 120


def megabytes(n: int) -> str:
    return f"{n / MB:.1f} MB"


def check_file_size(path: Path, limit: int) -> int:
    """Refuse a file larger than `limit` before reading it; returns its size."""
    try:
        size = os.path.getsize(path)
    except OSError as e:
        raise InputError(path, f"cannot read the file ({e.strerror or e})") from None
    if size > limit:
        what = "one article" if limit <= MAX_DOCUMENT_BYTES else "one file"
        raise InputError(path, f"file is {megabytes(size)}; the limit for {what} is "
                               f"{limit // MB} MB")
    return size


def check_text_size(path: Path, text: str, where: str = "") -> None:
    """Refuse a single document whose text is over the per-article limit (UTF-8 bytes)."""
    if len(text) * 4 <= MAX_DOCUMENT_BYTES:  # cheap: cannot be over the limit
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_DOCUMENT_BYTES:
        prefix = f"{where}: " if where else ""
        raise InputError(path, f"{prefix}text is {megabytes(size)}; the limit for one article "
                               f"is {MAX_DOCUMENT_BYTES // MB} MB")


def read_bytes(path: Path, limit: int) -> bytes:
    check_file_size(path, limit)
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read the file ({e.strerror or e})") from None


def first_line_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """The first non-empty line, shortened to `limit` characters at a word boundary."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return shorten(line, limit)
    return ""


def shorten(s: str, limit: int = TITLE_LIMIT) -> str:
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    cut = s[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"
