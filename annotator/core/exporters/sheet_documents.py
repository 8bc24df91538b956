"""The Documents sheet: one row per document, with each included coder's status."""

from __future__ import annotations

from sqlalchemy import select

from ..models import Assignment, Document
from .plan import Plan
from .table import Column, Table


def documents_table(plan: Plan) -> Table:
    cols = [Column("document_id", 12, "int"), Column("title", 45, "long", True),
            Column("outlet", 20, ar=True), Column("author", 20, ar=True),
            Column("published", 17, "date"), Column("url", 30), Column("length", 9, "int")]
    cols += [Column(f"status [{name}]", 14) for name in plan.coder_names]

    def rows():
        cids = plan.coder_ids
        for batch in plan.doc_batches():
            with plan.session() as s:
                status: dict[tuple[int, int], str] = {
                    (d, c): st for d, c, st in s.execute(
                        select(Assignment.document_id, Assignment.coder_id, Assignment.status)
                        .where(Assignment.document_id.in_(batch),
                               Assignment.coder_id.in_(cids)))}
                for r in s.execute(select(Document.id, Document.title, Document.outlet,
                                          Document.author, Document.published, Document.url,
                                          Document.length)
                                   .where(Document.id.in_(batch)).order_by(Document.id)):
                    yield (*r, *(status.get((r[0], c)) for c in cids))

    return Table("Documents", cols, rows(), plan.arabic, plan.n_documents)
