"""The Matrix sheet: documents x categories, the number of annotations per coder.

A count is a finding only where the coder finished the article: a coder who was not given
the article, or has not marked it done, gets an empty cell rather than 0 (0 = "done, none
found"). Annotations on an unfinished article are still counted (never hidden).
"""

from __future__ import annotations

from sqlalchemy import func, select

from ..models import Annotation, Assignment
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
        order = [(c, cd) for c in cats for cd in plan.coders]
        for batch in plan.doc_batches():
            with plan.session() as s:
                titles, _ = titles_texts(s, batch, texts=False)
                done = set(map(tuple, s.execute(
                    select(Assignment.document_id, Assignment.coder_id)
                    .where(Assignment.document_id.in_(batch),
                           Assignment.coder_id.in_(plan.coder_ids),
                           Assignment.status == "done"))))
                counts: dict[int, list[int | None]] = {
                    d: [0 if (d, cid) in done else None for _, (cid, _, _) in order]
                    for d in batch}
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

    return Table("Matrix", cols, rows(), plan.arabic, plan.n_documents, key_columns=2)
