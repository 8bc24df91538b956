"""The Links sheet: one row per relation (a claim attributed to a source, a reliability
span rating a claim, ...), with both ends' ids, quotes and attributes side by side, so
an analyst needs no join to read who is said to have said what."""

from __future__ import annotations

from sqlalchemy import select

from ..models import Annotation, Relation
from .plan import AttrMeta, Plan
from .queries import titles_texts
from .table import Column, Table


def links_table(plan: Plan) -> Table:
    cats = {c.key: c for c in plan.categories}
    ends: dict[str, list[tuple[str, AttrMeta]]] = {"from": [], "to": []}
    for side in ("from", "to"):
        seen: set[str] = set()
        for r in plan.relations:
            key = r.from_category if side == "from" else r.to_category
            if key in cats and key not in seen:
                seen.add(key)
                ends[side] += [(key, a) for a in cats[key].attributes]
    cols = [Column("relation_id", 38), Column("document_id", 12, "int"),
            Column("document_title", 30, "text", True), Column("coder", 12),
            Column("relation", 14), Column("from_category", 13), Column("from_id", 38),
            Column("from_text", 40, "long", True), Column("to_category", 13),
            Column("to_id", 38), Column("to_text", 40, "long", True)]
    for side in ("from", "to"):
        cols += [Column(f"{side}.{a.column}", max(12, min(26, len(a.column) + 7)),
                        "num" if a.numeric_codes or a.type == "number" else
                        "bool" if a.type == "boolean" else "text", a.type == "text")
                 for _, a in ends[side]]
    cols += [Column("created", 17, "date")]
    rel_keys = {r.id: r.key for r in plan.relations}
    cat_keys = {c.id: c.key for c in plan.categories}

    def attr_cells(side: str, cat_key: str, attrs: dict) -> list:
        return [a.cell(attrs.get(a.key)) if k == cat_key else None for k, a in ends[side]]

    def rows():
        if not plan.coders or not plan.relations:
            return
        names = {cid: name for cid, name, _ in plan.coders}
        order = {cid: i for i, cid in enumerate(plan.coder_ids)}
        src, dst = Annotation.__table__.alias("src"), Annotation.__table__.alias("dst")
        for batch in plan.doc_batches():
            with plan.session() as s:
                titles, _ = titles_texts(s, batch, texts=False)
                result = s.execute(
                    select(Relation.uuid, src.c.document_id, Relation.coder_id,
                           Relation.type_id, src.c.category_id, src.c.uuid, src.c.quote,
                           src.c.attrs, dst.c.category_id, dst.c.uuid, dst.c.quote,
                           dst.c.attrs, Relation.created)
                    .join(src, src.c.id == Relation.from_id)
                    .join(dst, dst.c.id == Relation.to_id)
                    .where(Relation.deleted.is_(None), src.c.deleted.is_(None),
                           dst.c.deleted.is_(None), src.c.document_id.in_(batch),
                           Relation.coder_id.in_(plan.coder_ids))
                    .order_by(src.c.document_id, Relation.type_id, src.c.start, dst.c.start,
                              Relation.id)).all()
            # coders in the export's order (by name), as on the other sheets; sort is stable
            result.sort(key=lambda r: (r[1], order.get(r[2], len(order))))
            for (uuid, doc, cid, tid, fcat, fid, fquote, fattrs, tcat, tid_, tquote, tattrs,
                 created) in result:
                fkey, tkey = cat_keys.get(fcat), cat_keys.get(tcat)
                yield (uuid, doc, titles.get(doc, ""), names[cid], rel_keys.get(tid), fkey,
                       fid, fquote or None, tkey, tid_, tquote or None,
                       *attr_cells("from", fkey, fattrs or {}),
                       *attr_cells("to", tkey, tattrs or {}), created)

    # total (for progress) left 0: relations are few beside annotations
    return Table("Links", cols, rows(), plan.arabic, 0)
