"""The Claims sheet: one row per claim, with its sources and reliability."""

from __future__ import annotations

from sqlalchemy import select

from ..models import Annotation, Relation
from .plan import ATTRIBUTED_TO, CLAIM, RATES, RELIABILITY, SOURCE, Plan
from .queries import coder_order, titles_texts
from .table import Column, Joined, Table


def claims_table(plan: Plan) -> Table:
    claim, source, rel = plan.category(CLAIM), plan.category(SOURCE), plan.category(RELIABILITY)
    claim_attrs = claim.attributes if claim else []
    level = None
    if rel:
        level = next((a for a in rel.attributes if a.key == "level"), None) or next(
            (a for a in rel.attributes if a.type == "choice"), None)
    cols = [Column("annotation_id", 38), Column("document_id", 12, "int"),
            Column("document_title", 30, "text", True), Column("coder", 12),
            Column("start", 8, "int"), Column("end", 8, "int"),
            Column("text", 50, "long", True)]
    cols += [Column(a.column, 16, "num" if a.numeric_codes else "text") for a in claim_attrs]
    cols += [Column("n_sources", 10, "int"), Column("sources", 35, "long", True),
             Column("source_types", 30), Column("source_ids", 38),
             Column("reliability", 11, "num"), Column("reliability_basis", 18)]
    type_ids = {r.key: r.id for r in plan.relations}

    def rows():
        if claim is None or not plan.coders:
            return
        names = {cid: name for cid, name, _ in plan.coders}
        src_name = next((a for a in source.attributes if a.key == "name"), None) \
            if source else None
        src_type = next((a for a in source.attributes if a.key == "type"), None) \
            if source else None
        for batch in plan.doc_batches():
            with plan.session() as s:
                titles, _ = titles_texts(s, batch, texts=False)
                claims = s.execute(
                    select(Annotation.id, Annotation.uuid, Annotation.document_id,
                           Annotation.coder_id, Annotation.start, Annotation.end,
                           Annotation.quote, Annotation.attrs)
                    .where(Annotation.deleted.is_(None), Annotation.document_id.in_(batch),
                           Annotation.coder_id.in_(plan.coder_ids),
                           Annotation.category_id == claim.id)
                    .order_by(Annotation.document_id, coder_order(plan), Annotation.start,
                              Annotation.end, Annotation.id)).all()
                if not claims:
                    continue
                # live links from/to annotations of these documents
                links: dict[int, list[int]] = {}  # claim id -> source ids
                rated: dict[int, list[int]] = {}  # claim id -> reliability ids
                rating_ids: set[int] = set()
                src_a, dst_a = Annotation.__table__.alias("src"), Annotation.__table__.alias("dst")
                wanted = [type_ids[k] for k in (ATTRIBUTED_TO, RATES) if k in type_ids]
                if wanted:
                    for tid, f, t in s.execute(
                            select(Relation.type_id, Relation.from_id, Relation.to_id)
                            .join(src_a, src_a.c.id == Relation.from_id)
                            .join(dst_a, dst_a.c.id == Relation.to_id)
                            .where(Relation.deleted.is_(None), Relation.type_id.in_(wanted),
                                   src_a.c.document_id.in_(batch), src_a.c.deleted.is_(None),
                                   dst_a.c.deleted.is_(None))
                            .order_by(Relation.id)):
                        if tid == type_ids.get(ATTRIBUTED_TO):
                            links.setdefault(f, []).append(t)
                        else:
                            rated.setdefault(t, []).append(f)
                            rating_ids.add(f)
                sources = {}
                if source is not None:
                    for sid, suuid, sstart, squote, sattrs in s.execute(
                            select(Annotation.id, Annotation.uuid, Annotation.start,
                                   Annotation.quote, Annotation.attrs)
                            .where(Annotation.deleted.is_(None),
                                   Annotation.document_id.in_(batch),
                                   Annotation.category_id == source.id)):
                        sources[sid] = (sstart, suuid, squote, sattrs or {})
                ratings = {}  # id -> (doc, coder, start, end, level)
                by_doc_coder: dict[tuple[int, int], list[int]] = {}
                if rel is not None:
                    for rid, rdoc, rcid, rstart, rend, rattrs in s.execute(
                            select(Annotation.id, Annotation.document_id, Annotation.coder_id,
                                   Annotation.start, Annotation.end, Annotation.attrs)
                            .where(Annotation.deleted.is_(None),
                                   Annotation.document_id.in_(batch),
                                   Annotation.category_id == rel.id)):
                        lv = level.cell((rattrs or {}).get(level.key)) if level else None
                        ratings[rid] = (rdoc, rcid, rstart, rend, lv)
                        if rid not in rating_ids:
                            by_doc_coder.setdefault((rdoc, rcid), []).append(rid)
            for cid_, uuid, doc, coder_id, start, end, quote, cattrs in claims:
                cattrs = cattrs or {}
                linked = sorted((sources[x] for x in links.get(cid_, []) if x in sources),
                                key=lambda x: x[0])
                snames = [str((x[3].get("name") if src_name else None) or x[2]).strip()
                          for x in linked]
                stypes = [str(x[3].get("type") or "") for x in linked] if src_type else []
                rel_val, basis = _reliability(cid_, doc, coder_id, start, end, rated, ratings,
                                              by_doc_coder)
                yield (uuid, doc, titles.get(doc, ""), names[coder_id], start, end, quote,
                       *(a.cell(cattrs.get(a.key)) for a in claim_attrs),
                       len(linked), Joined(snames) or None, Joined(stypes) or None,
                       Joined(x[1] for x in linked) or None, rel_val, basis)

    return Table("Claims", cols, rows(), plan.arabic, plan.n_claims)


def _reliability(claim_id, doc, coder_id, start, end, rated, ratings, by_doc_coder):
    """The claim's reliability level and where it came from: the reliability spans linked
    to it by `rates`; failing that, the same coder's reliability spans that overlap it and
    are linked to no claim. Several ratings: the lowest level (the conservative reading)."""
    levels = [ratings[r][4] for r in rated.get(claim_id, []) if r in ratings]
    basis = "rates"
    if not levels:
        levels = [ratings[r][4] for r in by_doc_coder.get((doc, coder_id), [])
                  if ratings[r][2] < end and start < ratings[r][3]]
        basis = "overlap"
    levels = [v for v in levels if v is not None]
    if not levels:
        return None, None
    try:
        value = min(levels)
    except TypeError:  # mixed codes: compare as text
        value = min(levels, key=str)
    if len(levels) > 1:
        basis += f" (lowest of {len(levels)})"
    return value, basis
