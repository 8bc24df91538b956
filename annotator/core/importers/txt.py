"""Plain-text articles (.txt): one file, one document."""

from __future__ import annotations

from pathlib import Path

from annotator.core.importers.base import Documents, ImportedDocument
from annotator.core.importers.common import (
    MAX_DOCUMENT_BYTES,
    check_text_size,
    first_line_title,
    read_bytes,
)
from annotator.core.importers.encoding import decode_text
from annotator.core.importers.news import recognise_article
from annotator.core.text import canonical_text


def read_txt(path: Path, recognise: bool = True) -> list[ImportedDocument]:
    """Decode (see encoding.py), canonicalise, and clean a scraped article (see news.py)
    unless `recognise` is False. Stray control characters (ESC, BEL: a scraper's junk,
    invisible and meaningless in an article) are removed, with a note."""
    data = read_bytes(path, MAX_DOCUMENT_BYTES)
    raw, encoding = decode_text(data, path)
    text = canonical_text(raw)
    stray = sorted({c for c in text if c < " " and c not in _KEPT_CONTROLS})
    notes = []
    if stray:
        n = sum(text.count(c) for c in stray)
        text = "".join(c for c in text if c not in stray)
        notes.append(f"removed {n} control character{'s' if n != 1 else ''} "
                     f"({', '.join(f'U+{ord(c):04X}' for c in stray)}) from the text")
    check_text_size(path, text)
    return Documents([document_from_text(text, path, meta={"encoding": encoding},
                                         recognise=recognise)], notes)


_KEPT_CONTROLS = set("\t\n\f\v")


def document_from_text(text: str, path: Path, meta: dict | None = None,
                       recognise: bool = True) -> ImportedDocument:
    """An ImportedDocument from canonical text, with scraped-article fields recognised."""
    clean, fields = recognise_article(text) if recognise else (text, None)
    doc = ImportedDocument(text=clean, source_file=Path(path).name, meta=dict(meta or {}))
    if fields is None:
        doc.title = first_line_title(text)
        return doc
    doc.title = fields["title"]
    doc.published = fields["published"]
    doc.author = fields["author"]
    if fields["meta"]["scraped"]:
        doc.meta.update({k: v for k, v in fields["meta"].items() if k != "scraped"})
    return doc
