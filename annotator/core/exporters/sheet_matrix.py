"""The Matrix sheet: documents x categories, the number of annotations per coder."""

from __future__ import annotations

from sqlalchemy import func, select

from ..models import Annotation
from .plan import Plan
from .queries import titles_texts
from .table import Column, Table


def matrix_table(plan: Plan) -> Table:
    cats = plan.categories
    cols = [Column("document_id", 12, "int"), Column("document_title", 40, "text", True)]
    cols += [Column(f"{c.key} [{name}]", max(10, len(c.key) + len(name) + 4), "int")
             for c in cats for _, name, _ in plan.coders]

    def rows():
        slots = {(c.id, cid): i for i, (c, (cid, _, _)) in enumerate(
            (c, cd) for c in cats for cd in plan.coders)}
        n = len(slots)
        for batch in plan.doc_batches():
            with plan.session() as s:
                titles, _ = titles_texts(s, batch, texts=False)
                counts: dict[int, list[int]] = {d: [0] * n for d in batch}
                if plan.coders:
                    for doc, cid, catid, k in s.execute(
                            select(Annotation.document_id, Annotation.coder_id,
                                   Annotation.category_id, func.count())
                            .where(Annotation.deleted.is_(None),
                                   Annotation.document_id.in_(batch),
                                   Annotation.coder_id.in_(plan.coder_ids))
                            .group_by(Annotation.document_id, Annotation.coder_id,
                                      Annotation.category_id)):
                        i = slots.get((catid, cid))
                        if i is not None:
                            counts[doc][i] = k
            for doc in batch:
                yield (doc, titles.get(doc, ""), *counts[doc])

    return Table("Matrix", cols, rows(), plan.arabic, plan.n_documents)
