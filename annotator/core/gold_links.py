"""Relations in gold: the coders' links follow the spans accepted into gold.

A gold span stands for the group of coder spans it was accepted from (its origin), so a
coder's relation from a span of group F to a span of group T is a relation between the
gold spans of F and T. When both ends are in gold, the relation follows into gold unless
a coder who has spans in both groups did not link them: then it is a disagreement of its
own (`LinkDisagreement`), decided by linking (accept) or unlinking in gold. A gold
relation the supervisor removed stays removed (its tombstone is the decision).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .adjudication import GOLD, compared_coders, gold_done, groups
from .errors import InputError
from .records import AnnotationInfo, RelationInfo


@dataclass(frozen=True)
class LinkDisagreement:
    """Coders differ on whether two spans now in gold are linked."""

    doc_id: int
    start: int
    end: int
    type: str
    source: AnnotationInfo          # the gold span at the relation's from end
    target: AnnotationInfo          # the gold span at its to end
    linked_by: tuple[str, ...]
    not_linked_by: tuple[str, ...]
    in_gold: bool = False
    unlinked: bool = False          # the supervisor removed it from gold
    closed: bool = False            # gold is marked done for the article
    agreed: bool = field(default=False, compare=False)

    kind = "relation"
    annotations: tuple = ()
    missing: tuple = ()

    @property
    def gold(self) -> tuple[AnnotationInfo, ...]:
        return (self.source, self.target) if self.in_gold else ()

    @property
    def decided(self) -> bool:
        return self.in_gold or self.unlinked or self.closed


def link_candidates(project, doc_id: int, coders: list[str] | None = None
                    ) -> list[LinkDisagreement]:
    """Every coder relation whose both ends are in gold, agreed or not."""
    if coders is None:
        coders = compared_coders(project, doc_id)
    gs = groups(project, doc_id, coders)
    where = {a.uuid: i for i, d in enumerate(gs) for a in d.annotations}
    has: dict[str, set[int]] = {}
    for i, d in enumerate(gs):
        for a in d.annotations:
            has.setdefault(a.coder, set()).add(i)
    linked: dict[tuple[str, int, int], set[str]] = {}
    for r in project.relations(doc_id):
        if r.coder in coders and r.from_uuid in where and r.to_uuid in where:
            linked.setdefault((r.type, where[r.from_uuid], where[r.to_uuid]), set()).add(r.coder)
    gold_rels = project.relations(doc_id, coder=GOLD, include_deleted=True)
    live = {(r.type, r.from_uuid, r.to_uuid) for r in gold_rels if r.deleted is None}
    gone = {(r.type, r.from_uuid, r.to_uuid) for r in gold_rels if r.deleted is not None}
    cb = project.codebook()
    closed = gold_done(project, doc_id)
    out = []
    for (typ, fi, ti), who in sorted(linked.items()):
        rt = cb.relation(typ)
        src = next((g for g in gs[fi].gold if rt and g.category == rt.from_category), None)
        dst = next((g for g in gs[ti].gold if rt and g.category == rt.to_category), None)
        if src is None or dst is None:
            continue
        both = {c for c in coders if fi in has.get(c, ()) and ti in has.get(c, ())}
        key = (typ, src.uuid, dst.uuid)
        out.append(LinkDisagreement(
            doc_id=doc_id, start=min(src.start, dst.start), end=max(src.end, dst.end),
            type=typ, source=src, target=dst, linked_by=tuple(sorted(who)),
            not_linked_by=tuple(sorted(both - who)), in_gold=key in live,
            unlinked=key in gone and key not in live, closed=closed,
            agreed=both <= who))
    return out


def link_disagreements(project, doc_id: int, coders: list[str] | None = None
                       ) -> list[LinkDisagreement]:
    return [c for c in link_candidates(project, doc_id, coders) if not c.agreed]


def sync_links(project, doc_id: int, coders: list[str] | None = None) -> list[RelationInfo]:
    """Put into gold every relation the coders agree on whose both ends are in gold (and
    that the supervisor has not removed). Returns the relations added."""
    added = []
    for c in link_candidates(project, doc_id, coders):
        if c.agreed and not c.in_gold and not c.unlinked:
            added.append(project.add_relation(c.type, c.source.uuid, c.target.uuid, GOLD))
    return added


def relation_type_between(project, a: AnnotationInfo, b: AnnotationInfo
                          ) -> tuple[str, AnnotationInfo, AnnotationInfo]:
    """The codebook's relation type linking these two spans, in either order."""
    for r in project.codebook().relations:
        if (r.from_category, r.to_category) == (a.category, b.category):
            return r.key, a, b
        if (r.from_category, r.to_category) == (b.category, a.category):
            return r.key, b, a
    raise InputError(None, f"the codebook has no relation between {a.category} and "
                           f"{b.category}")


def gold_link(project, a_uuid: str, b_uuid: str) -> tuple[str, RelationInfo]:
    """Link two gold spans, or unlink them when they are linked: ("linked" | "unlinked",
    the relation)."""
    a, b = project.annotation(a_uuid), project.annotation(b_uuid)
    if a.coder != GOLD or b.coder != GOLD:
        raise InputError(None, "only gold spans can be linked here")
    typ, src, dst = relation_type_between(project, a, b)
    rels = [r for r in project.relations(a.doc_id, coder=GOLD, include_deleted=True)
            if (r.type, r.from_uuid, r.to_uuid) == (typ, src.uuid, dst.uuid)]
    for r in rels:
        if r.deleted is None:
            return "unlinked", project.delete_relation(r.uuid)
    # linked again: the removed row comes back (one row per link, however often)
    return "linked", project.add_relation(typ, src.uuid, dst.uuid, GOLD,
                                          uuid=rels[-1].uuid if rels else None)


def decide_link(project, item: LinkDisagreement, linked: bool) -> RelationInfo | None:
    """Decide a link disagreement: link the two gold spans, or leave them unlinked (kept
    as a removed gold relation, so the decision is remembered). Returns the gold relation
    changed, None when it was already so."""
    rels = [r for r in project.relations(item.doc_id, coder=GOLD, include_deleted=True)
            if (r.type, r.from_uuid, r.to_uuid) == (item.type, item.source.uuid,
                                                    item.target.uuid)]
    live = next((r for r in rels if r.deleted is None), None)
    if linked:
        if live is not None:
            return None
        old = rels[-1].uuid if rels else None   # a removed one comes back, same row
        return project.add_relation(item.type, item.source.uuid, item.target.uuid, GOLD,
                                    uuid=old)
    if live is not None:
        return project.delete_relation(live.uuid)
    if rels:
        return None
    made = project.add_relation(item.type, item.source.uuid, item.target.uuid, GOLD)
    return project.delete_relation(made.uuid)
