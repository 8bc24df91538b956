"""The project schema (SQLAlchemy 2.x typed ORM). Changes go through Alembic migrations.

Rows that travel between a supervisor's and the coders' files (documents, coders,
annotations, relations) carry UUIDs, so a merge matches them whatever their local ids.
Deletions are tombstones (`deleted` set), so they travel too.
"""

from __future__ import annotations

import uuid as _uuid
from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def new_uuid() -> str:
    return str(_uuid.uuid4())


def utcnow() -> datetime:
    # Stored naive in UTC: SQLite has no time zones, and naive UTC compares correctly.
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class ProjectInfo(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    name: Mapped[str] = mapped_column(String(200))
    codebook_name: Mapped[str] = mapped_column(String(200), default="")
    codebook_version: Mapped[int] = mapped_column(Integer, default=1)
    codebook_description: Mapped[str] = mapped_column(Text, default="")
    # For a coder's package: the coder this file belongs to (preset identity).
    package_coder: Mapped[str | None] = mapped_column(String(200))
    app_version: Mapped[str] = mapped_column(String(40), default="")
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    title: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(DateTime)
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16), default="ar")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    length: Mapped[int] = mapped_column(Integer)
    source_file: Mapped[str | None] = mapped_column(Text)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    # The text lives in its own table so listing documents never reads it.
    body: Mapped[DocumentText] = relationship(back_populates="document", cascade="all")


class DocumentText(Base):
    __tablename__ = "document_texts"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="body")


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name_ar: Mapped[str] = mapped_column(Text, default="")
    name_en: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String(7), default="#cccccc")
    hotkey: Mapped[str | None] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16), default="span")
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # the key of its CategoryGroup (None: at the top level); a key, not a foreign key, like
    # a relation type's ends, so a codebook is replaced group by group without ordering
    group_key: Mapped[str | None] = mapped_column(String(100))

    attributes: Mapped[list[Attribute]] = relationship(
        back_populates="category", cascade="all, delete-orphan", order_by="Attribute.position"
    )


class CategoryGroup(Base):
    """A folder of categories in the codebook (nested through `parent`, a group key)."""

    __tablename__ = "category_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name_ar: Mapped[str] = mapped_column(Text, default="")
    name_en: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    parent: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Attribute(Base):
    __tablename__ = "attributes"
    __table_args__ = (UniqueConstraint("category_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(100))
    name_ar: Mapped[str] = mapped_column(Text, default="")
    name_en: Mapped[str] = mapped_column(Text, default="")
    type: Mapped[str] = mapped_column(String(16))
    # choice values as [{"key", "name_ar", "name_en", "description"}], in order
    values: Mapped[list] = mapped_column(JSON, default=list)
    ordinal: Mapped[bool] = mapped_column(Boolean, default=False)
    suggest: Mapped[bool] = mapped_column(Boolean, default=False)
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    category: Mapped[Category] = relationship(back_populates="attributes")


class RelationType(Base):
    __tablename__ = "relation_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name_ar: Mapped[str] = mapped_column(Text, default="")
    name_en: Mapped[str] = mapped_column(Text, default="")
    from_category: Mapped[str] = mapped_column(String(100))
    to_category: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")


class Coder(Base):
    __tablename__ = "coders"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="coder")  # coder|supervisor|gold


class Assignment(Base):
    __tablename__ = "assignments"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    coder_id: Mapped[int] = mapped_column(
        ForeignKey("coders.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(16), default="todo")  # todo|in_progress|done
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Annotation(Base):
    __tablename__ = "annotations"
    __table_args__ = (Index("ix_annotations_doc_coder", "document_id", "coder_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text, default="")
    attrs: Mapped[dict] = mapped_column(JSON, default=dict)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted: Mapped[datetime | None] = mapped_column(DateTime)
    # Adjudication: who decided a gold annotation, and from which coder's span.
    decided_by: Mapped[str | None] = mapped_column(String(200))
    origin_uuid: Mapped[str | None] = mapped_column(String(36))
    # Memos: the coder's free-text note, and "discuss this one" for the supervisor. Part of
    # the row, so they travel (and lose to a newer edit) exactly as the annotation does.
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    flag: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # How the span came to be: manual (NULL in files before 0004), suggested, imported.
    origin: Mapped[str | None] = mapped_column(String(16))
    # The codebook version the coder had when they last changed it (None: before versions),
    # so agreement figures can name the versions they rest on.
    codebook_version: Mapped[int | None] = mapped_column(Integer)


class Relation(Base):
    __tablename__ = "relations"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    from_id: Mapped[int] = mapped_column(ForeignKey("annotations.id"), index=True)
    to_id: Mapped[int] = mapped_column(ForeignKey("annotations.id"), index=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("relation_types.id"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id"))
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted: Mapped[datetime | None] = mapped_column(DateTime)


class DocumentNote(Base):
    """A coder's note on a whole article (one per article and coder); a tombstone when
    cleared, so the clearing travels in a merge like any deletion."""

    __tablename__ = "document_notes"
    __table_args__ = (UniqueConstraint("document_id", "coder_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id"))
    text: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted: Mapped[datetime | None] = mapped_column(DateTime)


class CodebookVersion(Base):
    """One saved state of the codebook: its number, when, who, what changed (lines a
    person reads), the whole codebook as it then was, and for an operation that rewrote
    annotations (recode, split) what undoing it needs."""

    __tablename__ = "codebook_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(200), default="")
    changes: Mapped[list] = mapped_column(JSON, default=list)
    codebook: Mapped[dict] = mapped_column(JSON, default=dict)
    operation: Mapped[dict | None] = mapped_column(JSON)


class Setting(Base):
    """Project settings that travel with the file (suggestions on/off, ...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict | list | str | int | bool | None] = mapped_column(JSON)


class SuggestionRejection(Base):
    """A suggestion a coder rejected: never proposed again for that article and coder."""

    __tablename__ = "suggestion_rejections"
    __table_args__ = (UniqueConstraint("document_id", "coder_id", "category", "start", "end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(100))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
