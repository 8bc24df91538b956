"""Memos: a coder's note and "discuss" flag on an annotation, and a note per article per
coder. Mixed into `core.project.Project` (sessions, events, coders).

A note or flag change bumps the annotation's `updated`, so it travels in a package and
wins or loses a merge exactly as any other edit of that annotation. An article note
cleared to nothing becomes a tombstone, so the clearing travels too.
"""

from __future__ import annotations

from sqlalchemy import func, select

from .errors import InputError, NotFoundError
from .models import Annotation, Coder, DocumentNote, utcnow
from .records import AnnotationInfo, DocumentNoteInfo

MAX_NOTE = 20_000  # characters: a memo, not a second article


def _clean(text: str | None) -> str:
    text = "" if text is None else str(text)
    if len(text) > MAX_NOTE:
        raise InputError(None, f"a note holds at most {MAX_NOTE} characters, not {len(text)}")
    return text.strip()


class MemosMixin:
    # --- on annotations ---------------------------------------------------------------

    def set_note(self, uuid: str, text: str) -> AnnotationInfo:
        """Store the annotation's note (whitespace around it dropped)."""
        return self._set_memo(uuid, note=_clean(text))

    def set_flag(self, uuid: str, on: bool) -> AnnotationInfo:
        """Mark the annotation "discuss" (or clear the mark)."""
        return self._set_memo(uuid, flag=bool(on))

    def _set_memo(self, uuid: str, **values) -> AnnotationInfo:
        with self._tx() as s:
            row = s.scalar(select(Annotation).where(Annotation.uuid == uuid))
            if row is None or row.deleted is not None:
                raise NotFoundError(self.path, f"no annotation {uuid}")
            if all(getattr(row, k) == v for k, v in values.items()):
                return self._info_for(s, row)
            for k, v in values.items():
                setattr(row, k, v)
            row.updated = utcnow()
            s.flush()
            info = self._info_for(s, row)
        self._emit("annotation_updated", info)
        return info

    def flagged_counts(self) -> dict[int, int]:
        """Live annotations marked "discuss", per document id."""
        with self._read() as s:
            return dict(s.execute(
                select(Annotation.document_id, func.count())
                .where(Annotation.flag.is_(True), Annotation.deleted.is_(None))
                .group_by(Annotation.document_id)).all())

    # --- on articles --------------------------------------------------------------------

    def document_note(self, doc_id: int, coder: str) -> str:
        with self._read() as s:
            return s.scalar(
                select(DocumentNote.text).join(Coder, Coder.id == DocumentNote.coder_id)
                .where(DocumentNote.document_id == doc_id, Coder.name == coder,
                       DocumentNote.deleted.is_(None))) or ""

    def set_document_note(self, doc_id: int, coder: str, text: str) -> DocumentNoteInfo:
        """Store `coder`'s note on the article; an empty note tombstones it."""
        text = _clean(text)
        with self._tx() as s:
            self._require_doc(s, doc_id)
            cid = self._coder_id(s, coder)
            row = s.scalar(select(DocumentNote).where(DocumentNote.document_id == doc_id,
                                                      DocumentNote.coder_id == cid))
            live = row is not None and row.deleted is None
            if (row.text if live else "") == text:
                return _note_info(row, coder) if row else DocumentNoteInfo("", doc_id, coder, "")
            now = utcnow()
            if row is None:
                row = DocumentNote(document_id=doc_id, coder_id=cid, created=now)
                s.add(row)
            row.text, row.updated, row.deleted = text, now, (None if text else now)
            s.flush()
            info = _note_info(row, coder)
        self._emit("document_note_changed", info)
        return info

    def document_notes(self, doc_id: int | None = None) -> list[DocumentNoteInfo]:
        """Live article notes (of one document, or all), by document then coder."""
        with self._read() as s:
            q = (select(DocumentNote, Coder.name).join(Coder, Coder.id == DocumentNote.coder_id)
                 .where(DocumentNote.deleted.is_(None)))
            if doc_id is not None:
                q = q.where(DocumentNote.document_id == doc_id)
            q = q.order_by(DocumentNote.document_id, Coder.name)
            return [_note_info(n, c) for n, c in s.execute(q)]


def _note_info(row: DocumentNote, coder: str) -> DocumentNoteInfo:
    return DocumentNoteInfo(row.uuid, row.document_id, coder,
                            row.text if row.deleted is None else "", row.updated)
