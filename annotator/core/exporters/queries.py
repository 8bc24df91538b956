"""Queries the per-annotation sheets share (Annotations, Claims, Matrix)."""

from __future__ import annotations

from sqlalchemy import case, select

from ..models import Annotation, Document, DocumentText
from .plan import Plan


def coder_order(plan: Plan, column=Annotation.coder_id):
    if not plan.coders:
        return column
    return case({cid: i for i, cid in enumerate(plan.coder_ids)}, value=column,
                else_=len(plan.coders))


def titles_texts(s, batch: list[int], texts: bool = True):
    titles = dict(s.execute(select(Document.id, Document.title)
                            .where(Document.id.in_(batch))).all())
    bodies = dict(s.execute(select(DocumentText.document_id, DocumentText.text)
                            .where(DocumentText.document_id.in_(batch))).all()) if texts else {}
    return titles, bodies
