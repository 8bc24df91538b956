"""What every importer produces: documents ready to store, and optionally one coder's spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class ImportedSpan:
    """A span from an annotated source (doccano): code points into `ImportedDocument.text`."""

    start: int
    end: int
    label: str


@dataclass
class ImportedDocument:
    text: str  # canonical already (see core.text.canonical_text)
    title: str = ""
    outlet: str | None = None
    author: str | None = None
    published: datetime | None = None  # naive local time of the outlet
    url: str | None = None
    language: str = "ar"
    source_file: str | None = None  # name (not full path) of the file it came from
    meta: dict = field(default_factory=dict)  # free metadata, incl. stripped boilerplate
    spans: list[ImportedSpan] = field(default_factory=list)


class Documents(list):
    """What a reader returns: the documents, plus notes for the user about what was passed
    over (e.g. spreadsheet rows without text), so nothing is dropped without a word."""

    def __init__(self, docs=(), notes: list[str] | None = None):
        super().__init__(docs)
        self.notes: list[str] = list(notes or [])
