"""Annotations and relations of a project: the part of the service API coders use all
day. Mixed into `core.project.Project`, which provides the sessions (`_tx`, `_read`),
events (`_emit`), the codebook, coders and texts these methods rely on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields

from sqlalchemy import Text, select, type_coerce, update
from sqlalchemy.orm import Session

from .codebook import CategoryDef
from .errors import InputError, NotFoundError
from .models import Annotation, Category, Coder, Relation, RelationType, utcnow
from .records import AnnotationInfo, RelationInfo
from .text import fold
from .validate import span as _valid_span
from .validate import validate_attrs

__all__ = ["AnnotationsMixin", "validate_attrs"]


class AnnotationsMixin:
    # --- annotations -------------------------------------------------------------------

    def _check_span(self, doc_id: int, cat: CategoryDef, start: int, end: int
                    ) -> tuple[int, int, str]:
        text = self.text(doc_id)
        if cat.kind == "document":
            return 0, 0, ""
        return _valid_span(text, start, end)

    def _category(self, key: str) -> CategoryDef:
        cat = self.codebook().category(key)
        if cat is None:
            raise NotFoundError(self.path, f"no category '{key}' in the codebook")
        return cat

    def add_annotation(self, doc_id: int, coder: str, category: str, start: int = 0,
                       end: int = 0, attrs: dict | None = None, uuid: str | None = None,
                       decided_by: str | None = None, origin_uuid: str | None = None,
                       origin: str | None = None) -> AnnotationInfo:
        """Store a span (or, for a document-level category, a whole-document code).
        `uuid` lets undo re-create the very annotation it removed; `origin` records how
        the span came to be (None: typed by hand; "suggested"; "imported")."""
        cat = self._category(category)
        start, end, quote = self._check_span(doc_id, cat, start, end)
        attrs = validate_attrs(cat, attrs or {})
        with self._tx() as s:
            cid = self._coder_id(s, coder)
            row = s.scalar(select(Annotation).where(Annotation.uuid == uuid)) if uuid else None
            if row is not None:  # redo of an add, or undo of a delete
                row.deleted, row.updated = None, utcnow()
                row.codebook_version = self.codebook().version
                row.category_id = self._category_id(s, category)
                row.start, row.end, row.quote, row.attrs = start, end, quote, attrs
            else:
                row = Annotation(document_id=doc_id, coder_id=cid,
                                 category_id=self._category_id(s, category), start=start,
                                 end=end, quote=quote, attrs=attrs, decided_by=decided_by,
                                 origin_uuid=origin_uuid, origin=origin,
                                 codebook_version=self.codebook().version)
                if uuid:
                    row.uuid = uuid
                s.add(row)
            self._ensure_assignment(s, doc_id, cid, "in_progress")
            s.flush()
            info = _annotation_info(row, coder, category)
        self._emit("annotation_added", info)
        return info

    def update_annotation(self, uuid: str, *, category: str | None = None,
                          start: int | None = None, end: int | None = None,
                          attrs: dict | None = None) -> AnnotationInfo:
        """Change category, boundaries or attributes (attrs replaces the whole dict)."""
        old = self.annotation(uuid)
        cat = self._category(category or old.category)
        new_start = old.start if start is None else start
        new_end = old.end if end is None else end
        new_start, new_end, quote = self._check_span(old.doc_id, cat, new_start, new_end)
        new_attrs = old.attrs if attrs is None else attrs
        if category and category != old.category:
            # keep only the attributes the new category has
            new_attrs = {k: v for k, v in new_attrs.items() if cat.attribute(k)}
        new_attrs = validate_attrs(cat, new_attrs)
        with self._tx() as s:
            row = s.scalar(select(Annotation).where(Annotation.uuid == uuid))
            row.category_id = self._category_id(s, cat.key)
            row.start, row.end, row.quote, row.attrs = new_start, new_end, quote, new_attrs
            row.updated = utcnow()
            row.codebook_version = self.codebook().version
            s.flush()
            info = _annotation_info(row, old.coder, cat.key)
        self._emit("annotation_updated", info)
        return info

    def delete_annotation(self, uuid: str) -> AnnotationInfo:
        """Tombstone the annotation (so the deletion travels in a merge) and its relations."""
        with self._tx() as s:
            row = s.scalar(select(Annotation).where(Annotation.uuid == uuid))
            if row is None:
                raise NotFoundError(self.path, f"no annotation {uuid}")
            now = utcnow()
            row.deleted = row.updated = now
            s.execute(update(Relation).where(
                ((Relation.from_id == row.id) | (Relation.to_id == row.id))
                & Relation.deleted.is_(None)).values(deleted=now, updated=now))
            info = self._info_for(s, row)
        self._emit("annotation_deleted", info)
        return info

    def annotation(self, uuid: str) -> AnnotationInfo:
        with self._read() as s:
            row = s.scalar(select(Annotation).where(Annotation.uuid == uuid))
            if row is None:
                raise NotFoundError(self.path, f"no annotation {uuid}")
            return self._info_for(s, row)

    def _info_for(self, s: Session, row: Annotation) -> AnnotationInfo:
        coder = s.scalar(select(Coder.name).where(Coder.id == row.coder_id))
        cat = s.scalar(select(Category.key).where(Category.id == row.category_id))
        return _annotation_info(row, coder, cat)

    def annotations(self, doc_id: int | None = None, coder: str | None = None,
                    include_deleted: bool = False) -> list[AnnotationInfo]:
        # Columns, not ORM objects: the desk reads 3,000 annotations on opening a long
        # article, and building Annotation instances for them cost ~110 ms.
        with self._read() as s:
            q = _info_columns()
            if doc_id is not None:
                q = q.where(Annotation.document_id == doc_id)
            if coder is not None:
                q = q.where(Coder.name == coder)
            if not include_deleted:
                q = q.where(Annotation.deleted.is_(None))
            q = q.order_by(Annotation.document_id, Annotation.start, Annotation.end,
                           Annotation.id)
            return [_info_from_row(r) for r in s.connection().execute(q)]

    def iter_annotations(self, batch: int = 5000, coders: list[str] | None = None,
                         doc_ids: list[int] | None = None) -> Iterator[AnnotationInfo]:
        """Stream live annotations in id order, a batch per query, never all in memory."""
        last_id = -1
        while True:
            with self._read() as s:
                q = (_info_columns()
                     .where(Annotation.deleted.is_(None))
                     .where(Annotation.id > last_id).order_by(Annotation.id).limit(batch))
                if coders:
                    q = q.where(Coder.name.in_(coders))
                if doc_ids:
                    q = q.where(Annotation.document_id.in_(doc_ids))
                rows = [_info_from_row(r) for r in s.connection().execute(q)]
            if not rows:
                return
            yield from rows
            last_id = rows[-1].id

    def suggestions(self, category: str, attribute: str) -> list[str]:
        """Values already used for a text attribute (e.g. source names), most used first."""
        counts: dict[str, int] = {}
        with self._read() as s:
            cid = self._category_id(s, category)
            for (attrs,) in s.execute(select(Annotation.attrs).where(
                    Annotation.category_id == cid, Annotation.deleted.is_(None))):
                v = (attrs or {}).get(attribute)
                if isinstance(v, str) and v.strip():
                    counts[v.strip()] = counts.get(v.strip(), 0) + 1
        return sorted(counts, key=lambda v: (-counts[v], v))

    def companions(self, category: str, attribute: str, value: str) -> dict:
        """The other attributes' values most often stored beside `attribute` = `value`
        (matched under Arabic folding) in `category`: what a picked source name usually
        carries (its type, named or not). Ties go to the value seen first."""
        key = fold(value.strip())
        counts: dict[str, dict] = {}
        with self._read() as s:
            cid = self._category_id(s, category)
            for (attrs,) in s.execute(select(Annotation.attrs).where(
                    Annotation.category_id == cid, Annotation.deleted.is_(None))
                    .order_by(Annotation.id)):
                attrs = attrs or {}
                v = attrs.get(attribute)
                if not isinstance(v, str) or fold(v.strip()) != key:
                    continue
                for k, other in attrs.items():
                    if k != attribute and other not in (None, ""):
                        c = counts.setdefault(k, {})
                        c[repr(other)] = (c.get(repr(other), (0, other))[0] + 1, other)
        return {k: max(c.values(), key=lambda t: t[0])[1] for k, c in counts.items()}

    # --- relations ---------------------------------------------------------------------

    def add_relation(self, type_key: str, from_uuid: str, to_uuid: str, coder: str,
                     uuid: str | None = None) -> RelationInfo:
        rt = self.codebook().relation(type_key)
        if rt is None:
            raise NotFoundError(self.path, f"no relation type '{type_key}' in the codebook")
        a, b = self.annotation(from_uuid), self.annotation(to_uuid)
        if a.doc_id != b.doc_id:
            raise InputError(None, "a relation links two annotations of the same document")
        if (a.category, b.category) != (rt.from_category, rt.to_category):
            raise InputError(None, f"'{type_key}' links {rt.from_category} to "
                                   f"{rt.to_category}, not {a.category} to {b.category}")
        with self._tx() as s:
            row = s.scalar(select(Relation).where(Relation.uuid == uuid)) if uuid else None
            if row is not None:
                row.deleted, row.updated = None, utcnow()
            else:
                row = Relation(from_id=a.id, to_id=b.id, coder_id=self._coder_id(s, coder),
                               type_id=s.scalar(select(RelationType.id)
                                                .where(RelationType.key == type_key)))
                if uuid:
                    row.uuid = uuid
                s.add(row)
            s.flush()
            info = RelationInfo(row.id, row.uuid, type_key, a.uuid, b.uuid, coder,
                                row.created, row.deleted)
        self._emit("relation_added", info)
        return info

    def delete_relation(self, uuid: str) -> RelationInfo:
        with self._tx() as s:
            row = s.scalar(select(Relation).where(Relation.uuid == uuid))
            if row is None:
                raise NotFoundError(self.path, f"no relation {uuid}")
            row.deleted = row.updated = utcnow()
        info = next(r for r in self.relations(include_deleted=True) if r.uuid == uuid)
        self._emit("relation_deleted", info)
        return info

    def relations(self, doc_id: int | None = None, coder: str | None = None,
                  include_deleted: bool = False) -> list[RelationInfo]:
        src, dst = _SRC, _DST
        with self._read() as s:
            q = (select(Relation.id, Relation.uuid, RelationType.key, src.c.uuid, dst.c.uuid,
                        Coder.name, Relation.created, Relation.deleted)
                 .join(RelationType, RelationType.id == Relation.type_id)
                 .join(src, src.c.id == Relation.from_id)
                 .join(dst, dst.c.id == Relation.to_id)
                 .join(Coder, Coder.id == Relation.coder_id))
            if doc_id is not None:
                q = q.where(src.c.document_id == doc_id)
            if coder is not None:
                q = q.where(Coder.name == coder)
            if not include_deleted:
                q = q.where(Relation.deleted.is_(None))
            return [RelationInfo(*r) for r in s.connection().execute(q.order_by(Relation.id))]


# Built once: a fresh alias per call costs ~4 ms of column set-up on every article opened.
_SRC, _DST = Annotation.__table__.alias("src"), Annotation.__table__.alias("dst")


def _info_columns():
    """SELECT of AnnotationInfo's fields in its order, run on the session's connection:
    plain rows, no ORM loading. Built from the record's fields, so a field added to
    AnnotationInfo without a column here fails at once (KeyError), never silently."""
    a = Annotation
    # the attributes as the stored JSON text (SQLite): the many empty ones skip the decoder
    columns = {"id": a.id, "uuid": a.uuid, "doc_id": a.document_id, "coder": Coder.name,
               "category": Category.key, "start": a.start, "end": a.end, "quote": a.quote,
               "attrs": type_coerce(a.attrs, Text), "created": a.created,
               "updated": a.updated, "deleted": a.deleted, "decided_by": a.decided_by,
               "origin_uuid": a.origin_uuid, "note": a.note, "flag": a.flag,
               "origin": a.origin}
    return (select(*(columns[f.name] for f in fields(AnnotationInfo)))
            .join(Coder, Coder.id == a.coder_id)
            .join(Category, Category.id == a.category_id))


_NO_ATTRS = (None, "{}", "null")
_ATTRS, _NOTE, _FLAG = (next(i for i, f in enumerate(fields(AnnotationInfo)) if f.name == n)
                        for n in ("attrs", "note", "flag"))


def _info_from_row(r) -> AnnotationInfo:
    """The same values _annotation_info() takes from an ORM object."""
    v = list(r)
    raw = v[_ATTRS]
    if isinstance(raw, str):  # SQLite: the JSON text
        v[_ATTRS] = {} if raw in _NO_ATTRS else (json.loads(raw) or {})
    else:  # a server database's driver decodes JSON itself
        v[_ATTRS] = dict(raw or {})
    v[_NOTE] = v[_NOTE] or ""
    v[_FLAG] = bool(v[_FLAG])
    return AnnotationInfo(*v)


def _annotation_info(row: Annotation, coder: str, category: str) -> AnnotationInfo:
    return AnnotationInfo(
        id=row.id, uuid=row.uuid, doc_id=row.document_id, coder=coder, category=category,
        start=row.start, end=row.end, quote=row.quote, attrs=dict(row.attrs or {}),
        created=row.created, updated=row.updated, deleted=row.deleted,
        decided_by=row.decided_by, origin_uuid=row.origin_uuid,
        note=row.note or "", flag=bool(row.flag), origin=row.origin,
    )

