"""The Notes sheet: each coder's note on a whole article, one row per article and coder."""

from __future__ import annotations

from sqlalchemy import select

from ..models import DocumentNote
from .plan import Plan
from .queries import coder_order, titles_texts
from .table import Column, Table


def notes_table(plan: Plan) -> Table:
    cols = [Column("document_id", 12, "int"), Column("document_title", 30, "text", True),
            Column("coder", 12), Column("note", 60, "long", True), Column("updated", 17, "date")]

    def rows():
        names = {cid: name for cid, name, _ in plan.coders}
        if not plan.coders:
            return
        for batch in plan.doc_batches():
            with plan.session() as s:
                result = s.execute(
                    select(DocumentNote.document_id, DocumentNote.coder_id, DocumentNote.text,
                           DocumentNote.updated)
                    .where(DocumentNote.deleted.is_(None), DocumentNote.document_id.in_(batch),
                           DocumentNote.coder_id.in_(plan.coder_ids))
                    .order_by(DocumentNote.document_id,
                              coder_order(plan, DocumentNote.coder_id))).all()
                titles = titles_texts(s, sorted({r[0] for r in result}), texts=False)[0]
            for doc, cid, text, updated in result:
                yield doc, titles.get(doc, ""), names[cid], text, updated

    return Table("Notes", cols, rows(), plan.arabic)
