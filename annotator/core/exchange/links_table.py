"""The Links table (for SPSS and R): one row per live relation between two annotations of
the included coders, with the categories at both ends."""

from __future__ import annotations

from sqlalchemy import select

from ..exporters.plan import Plan
from ..exporters.table import Column, Table
from ..models import Annotation, Category, Coder, Relation, RelationType


def links_table(plan: Plan) -> Table:
    cols = [Column("relation_id", 38), Column("relation", 14), Column("relation_en", 18),
            Column("relation_ar", 18, ar=True), Column("document_id", 12, "int"),
            Column("coder", 12), Column("from_annotation", 38), Column("from_category", 14),
            Column("to_annotation", 38), Column("to_category", 14),
            Column("created", 17, "date")]

    def rows():
        if not plan.coders:
            return
        src, dst = Annotation.__table__.alias("src"), Annotation.__table__.alias("dst")
        sc, dc = Category.__table__.alias("sc"), Category.__table__.alias("dc")
        names = {cid: name for cid, name, _ in plan.coders}
        for batch in plan.doc_batches():
            with plan.session() as s:
                result = s.execute(
                    select(Relation.uuid, RelationType.key, RelationType.name_en,
                           RelationType.name_ar, src.c.document_id, Relation.coder_id,
                           src.c.uuid, sc.c.key, dst.c.uuid, dc.c.key, Relation.created)
                    .join(RelationType, RelationType.id == Relation.type_id)
                    .join(src, src.c.id == Relation.from_id)
                    .join(dst, dst.c.id == Relation.to_id)
                    .join(sc, sc.c.id == src.c.category_id)
                    .join(dc, dc.c.id == dst.c.category_id)
                    .join(Coder, Coder.id == Relation.coder_id)
                    .where(Relation.deleted.is_(None), src.c.deleted.is_(None),
                           dst.c.deleted.is_(None), src.c.document_id.in_(batch),
                           Relation.coder_id.in_(plan.coder_ids),
                           src.c.coder_id.in_(plan.coder_ids),
                           dst.c.coder_id.in_(plan.coder_ids))
                    .order_by(src.c.document_id, Relation.id)).all()
            for r in result:
                yield (r[0], r[1], r[2], r[3], r[4], names[r[5]], *r[6:])

    return Table("Links", cols, rows(), plan.arabic, 0)
