"""Queries the per-annotation sheets share (Annotations, Claims, Matrix)."""

from __future__ import annotations

from sqlalchemy import case, select

from ..models import Annotation, Document, DocumentText
from .plan import Plan


def coder_order(plan: Plan):
    if not plan.coders:
        return Annotation.coder_id
    return case({cid: i for i, cid in enumerate(plan.coder_ids)}, value=Annotation.coder_id,
                else_=len(plan.coders))


def titles_texts(s, batch: list[int], texts: bool = True):
    titles = dict(s.execute(select(Document.id, Document.title)
                            .where(Document.id.in_(batch))).all())
    bodies = dict(s.execute(select(DocumentText.document_id, DocumentText.text)
                            .where(DocumentText.document_id.in_(batch))).all()) if texts else {}
    return titles, bodies
