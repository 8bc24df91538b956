"""The Annotations sheet: one row per annotation, one column per attribute.

Choice attributes hold the value's *key* (a stable code for SPSS/R); the Codebook sheet has
the Arabic and English labels of every key. A choice whose keys are all whole numbers (the
ordinal reliability scale "1".."5") is written as a number. Offsets are Python code points,
half-open [start, end); document-level codes have no offsets or text. Times are UTC.
`note` is the coder's memo on the annotation, `flag` its "discuss" mark, `origin` how the
span came to be: manual (selected by the coder), suggested (a suggestion the coder
accepted) or imported (from a doccano or REFI-QDA file).
"""

from __future__ import annotations

from sqlalchemy import select

from ..models import Annotation
from .context import context_after, context_before
from .plan import Plan
from .queries import coder_order, titles_texts
from .table import Column, Table


def annotations_table(plan: Plan) -> Table:
    attrs = plan.attributes
    cols = [Column("annotation_id", 38), Column("document_id", 12, "int"),
            Column("document_title", 30, "text", True), Column("coder", 12),
            Column("category", 12), Column("category_ar", 14, ar=True),
            Column("category_en", 14), Column("start", 8, "int"), Column("end", 8, "int"),
            Column("text", 50, "long", True), Column("context_before", 35, "long", True),
            Column("context_after", 35, "long", True)]
    cols += [Column(a.column, max(12, min(24, len(a.column) + 2)),
                    "num" if a.numeric_codes or a.type == "number" else
                    "bool" if a.type == "boolean" else "text", a.type == "text")
             for a in attrs]
    cols += [Column("note", 35, "long", True), Column("flag", 7, "bool"), Column("origin", 10),
             Column("created", 17, "date"), Column("updated", 17, "date")]

    def rows():
        cats = {c.id: c for c in plan.categories}
        names = {cid: name for cid, name, _ in plan.coders}
        slot = {}  # (category id) -> [(column index, AttrMeta)]
        for c in plan.categories:
            slot[c.id] = [(attrs.index(a), a) for a in c.attributes]
        n_attr = len(attrs)
        blank = (None,) * n_attr
        if not plan.coders:
            return
        for batch in plan.doc_batches():
            with plan.session() as s:
                titles, bodies = titles_texts(s, batch)
                q = (select(Annotation.uuid, Annotation.document_id, Annotation.coder_id,
                            Annotation.category_id, Annotation.start, Annotation.end,
                            Annotation.quote, Annotation.attrs, Annotation.note,
                            Annotation.flag, Annotation.origin, Annotation.created,
                            Annotation.updated)
                     .where(Annotation.deleted.is_(None), Annotation.document_id.in_(batch),
                            Annotation.coder_id.in_(plan.coder_ids))
                     .order_by(Annotation.document_id, coder_order(plan), Annotation.start,
                               Annotation.end, Annotation.id))
                result = s.execute(q).all()
            for (uuid, doc, cid, catid, start, end, quote, avals, note, flag, origin, created,
                 updated) in result:
                cat = cats[catid]
                if avals:
                    cells = list(blank)
                    for i, a in slot[catid]:
                        v = avals.get(a.key)
                        if v is not None:
                            cells[i] = a.cell(v)
                else:
                    cells = blank
                if cat.kind == "document":
                    span = (None, None, None, None, None)
                else:
                    text = bodies.get(doc, "")
                    span = (start, end, quote, context_before(text, start),
                            context_after(text, end))
                yield (uuid, doc, titles.get(doc, ""), names[cid], cat.key, cat.name_ar,
                       cat.name_en, *span, *cells, note or None, bool(flag), origin or "manual", created,
                       updated)

    return Table("Annotations", cols, rows(), plan.arabic, plan.n_annotations)
