"""Plain records the project API hands out. Widgets, the CLI and exporters use these,
never ORM objects, so nothing outside the core touches a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

STATUSES = ("todo", "in_progress", "done")


@dataclass(frozen=True)
class DocumentInfo:
    """`meta` is filled only when asked for (with_meta); `to_json` then includes the
    source_row/source_id of a spreadsheet import."""

    id: int
    uuid: str
    title: str
    outlet: str | None
    author: str | None
    published: datetime | None
    url: str | None
    language: str
    length: int
    sha256: str
    source_file: str | None
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    annotations: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    status: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "author": self.author,
            "outlet": self.outlet,
            "url": self.url,
            "language": self.language,
            "length": self.length,
            "source_file": self.source_file,
            # where the article came from: row of a spreadsheet, its own id there
            "source_row": self.meta.get("row"),
            "source_id": self.meta.get("source_id"),
            "source_id_column": self.meta.get("source_id_column"),
            "annotations": self.annotations,
            "status": self.status,
        }


@dataclass(frozen=True)
class AnnotationInfo:
    id: int
    uuid: str
    doc_id: int
    coder: str
    category: str
    start: int
    end: int
    quote: str
    attrs: dict = field(default_factory=dict, compare=False, hash=False)
    created: datetime | None = None
    updated: datetime | None = None
    deleted: datetime | None = None
    decided_by: str | None = None
    origin_uuid: str | None = None
    note: str = ""
    flag: bool = False
    origin: str | None = None   # None (manual), "suggested" or "imported"


@dataclass(frozen=True)
class RelationInfo:
    id: int
    uuid: str
    type: str
    from_uuid: str
    to_uuid: str
    coder: str
    created: datetime | None = None
    deleted: datetime | None = None


@dataclass(frozen=True)
class DocumentNoteInfo:
    """A coder's note on a whole article."""

    uuid: str
    doc_id: int
    coder: str
    text: str
    updated: datetime | None = None


@dataclass(frozen=True)
class CoderInfo:
    id: int
    uuid: str
    name: str
    role: str


@dataclass
class ImportReport:
    added: list[int] = field(default_factory=list)  # new document ids
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (title, existing id)
    annotations: int = 0
    # "category.attribute" -> imported annotations lacking that required attribute
    missing_required: dict[str, int] = field(default_factory=dict)

    def merge(self, other: ImportReport) -> None:
        self.added += other.added
        self.duplicates += other.duplicates
        self.annotations += other.annotations
        for k, n in other.missing_required.items():
            self.missing_required[k] = self.missing_required.get(k, 0) + n


@dataclass(frozen=True)
class SplitCandidate:
    """A live annotation a category split can move, with what a supervisor chooses by:
    the article's title, the coder, the quote. `linked`: a live link holds it, and
    `split_category` refuses linked annotations."""

    uuid: str
    doc_id: int
    title: str
    coder: str
    quote: str
    attrs: dict = field(default_factory=dict, compare=False, hash=False)
    linked: bool = False
