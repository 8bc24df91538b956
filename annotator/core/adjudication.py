"""Disagreements between coders and the gold version a supervisor builds from them.

The gold version is a coder of its own (role "gold"); each gold annotation records who
decided it (`decided_by`, with `created` as when) and the coder's span it came from
(`origin_uuid`), so gold can be measured against every coder like any other coder.

Adjudication goes span by span: per category, the coders' spans are grouped with the
one-to-one overlap matching span F1 uses (`agreement.spans.overlap_matches`), so a group
holds at most one span per coder. A group is *agreed* when the coders who count (those
who marked the article done, or every compared coder while fewer than two have) all have
the identical span: same bounds, category and attributes (free text compared under
Arabic folding). With `agreed_by="two"` two identical spans are enough. A group is
*decided* once gold holds a span from it, or once gold is marked done for the article
(what is not in gold then was left out on purpose). Relations are adjudicated in
`gold_links`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .records import AnnotationInfo
from .text import fold

GOLD = "gold"
AGREED_BY = ("all", "two")
# the agreement report's reason when gold is compared before it is marked done anywhere
GOLD_NOT_DONE = ("gold is marked done on no article the other coders finished: mark gold "
                 "done per article in the comparison window (D), or with `annotator "
                 "adjudicate --done`")


@dataclass(frozen=True)
class Disagreement:
    """One group of matched spans of one category (at most one per coder), with the gold
    spans decided from it. `missing` are the compared coders with no span in the group.
    (`agreed` groups are listed only on request: "Accept all agreed" takes them.)"""

    doc_id: int
    start: int
    end: int
    annotations: tuple[AnnotationInfo, ...]
    missing: tuple[str, ...] = field(default=())
    gold: tuple[AnnotationInfo, ...] = field(default=())
    category: str = ""
    agreed: bool = False
    closed: bool = False   # gold is marked done for the article

    kind = "span"

    @property
    def decided(self) -> bool:
        return bool(self.gold) or self.closed


def _same(a: AnnotationInfo) -> tuple:
    attrs = tuple(sorted((k, fold(v) if isinstance(v, str) else v)
                         for k, v in a.attrs.items() if v not in (None, "")))
    return a.start, a.end, a.category, attrs


def _group(spans: list[AnnotationInfo], coders: list[str]) -> list[list[AnnotationInfo]]:
    """Spans of one category into groups, coder by coder, each coder's spans matched one
    to one to the groups so far (against each group's first span) by largest overlap."""
    # imported here: GOLD is wanted by light modules that never compute agreement
    from .agreement.spans import overlap_matches

    groups: list[list[AnnotationInfo]] = []
    for coder in coders:
        mine = [a for a in spans if a.coder == coder]
        if not mine:
            continue
        reps = [g[0] for g in groups]
        at = {id(r): i for i, r in enumerate(reps)}
        used: set[int] = set()
        for a, rep in overlap_matches(mine, reps):
            groups[at[id(rep)]].append(a)
            used.add(id(a))
        groups += [[a] for a in mine if id(a) not in used]
    return groups


def counted_coders(project, doc_id: int, coders: list[str]) -> list[str]:
    """The coders whose spans must agree: those who marked the article done, or every
    compared coder while fewer than two have."""
    done = [c for c in coders if project.status(doc_id, c) == "done"]
    return done if len(done) >= 2 else list(coders)


def is_agreed(group: list[AnnotationInfo], counted: list[str], agreed_by: str = "all"
              ) -> AnnotationInfo | None:
    """The span to accept when the group is agreed, else None."""
    if agreed_by == "two":
        seen: dict[tuple, AnnotationInfo] = {}
        for a in group:
            if _same(a) in seen:
                return seen[_same(a)]
            seen[_same(a)] = a
        return None
    mine = [a for a in group if a.coder in counted]
    if len(counted) < 2 or len(mine) != len(counted):
        return None
    return mine[0] if len({_same(a) for a in mine}) == 1 else None


def compared_coders(project, doc_id: int) -> list[str]:
    """Everyone but gold who has a span in the article."""
    roles = {c.name: c.role for c in project.coders()}
    return sorted({a.coder for a in project.annotations(doc_id)
                   if a.coder != GOLD and roles.get(a.coder) != "gold"})


def groups(project, doc_id: int, coders: list[str] | None = None, agreed_by: str = "all"
           ) -> list[Disagreement]:
    """Every group of the article, agreed or not, in text order."""
    if agreed_by not in AGREED_BY:
        raise ValueError(f"agreed_by must be one of {', '.join(AGREED_BY)}")
    spans = [a for a in project.annotations(doc_id) if a.end > a.start]
    if coders is None:
        coders = compared_coders(project, doc_id)
    counted = counted_coders(project, doc_id, coders)
    closed = gold_done(project, doc_id)
    gold = [a for a in spans if a.coder == GOLD]
    order = {c: i for i, c in enumerate(coders)}
    out = []
    for cat in sorted({a.category for a in spans if a.coder in order}):
        mine = sorted((a for a in spans if a.coder in order and a.category == cat),
                      key=lambda a: (order[a.coder], a.start, a.end, a.id))
        for g in _group(mine, coders):
            uuids = {a.uuid for a in g}
            present = {a.coder for a in g}
            out.append(Disagreement(
                doc_id=doc_id, start=min(a.start for a in g), end=max(a.end for a in g),
                annotations=tuple(g), missing=tuple(c for c in coders if c not in present),
                gold=tuple(x for x in gold if x.origin_uuid in uuids), category=cat,
                agreed=len(coders) > 1 and is_agreed(g, counted, agreed_by) is not None,
                closed=closed))
    out.sort(key=lambda d: (d.start, d.end, d.category))
    return out


def disagreements(project, doc_id: int, coders: list[str] | None = None,
                  include_agreed: bool = False, agreed_by: str = "all") -> list[Disagreement]:
    """The groups where the chosen coders (default: everyone but gold who has annotated
    the article) differ, in text order, each with the gold spans already decided from it."""
    return [d for d in groups(project, doc_id, coders, agreed_by)
            if include_agreed or not d.agreed]


def _gold_coder(project) -> str:
    if GOLD not in {c.name for c in project.coders()}:
        project.add_coder(GOLD, role="gold")
    return GOLD


def accept(project, uuid: str, decided_by: str, category: str | None = None,
           start: int | None = None, end: int | None = None,
           attrs: dict | None = None, links: bool = True) -> AnnotationInfo:
    """Put a coder's span into gold, as it is or edited (category, bounds, attributes).
    Accepting the same span twice gives the one gold annotation, updated. With `links`,
    the coders' relations whose both ends are now in gold follow (`gold_links`)."""
    src = project.annotation(uuid)
    gold = _gold_coder(project)
    existing = next((g for g in project.annotations(src.doc_id, coder=gold)
                     if g.origin_uuid == uuid), None)
    if existing is not None:
        out = project.update_annotation(
            existing.uuid, category=category or src.category,
            start=src.start if start is None else start,
            end=src.end if end is None else end,
            attrs=src.attrs if attrs is None else attrs)
    else:
        out = project.add_annotation(
            src.doc_id, gold, category or src.category,
            src.start if start is None else start, src.end if end is None else end,
            attrs=src.attrs if attrs is None else attrs, decided_by=decided_by,
            origin_uuid=uuid)
    if links:
        from .gold_links import sync_links

        sync_links(project, src.doc_id)
    return out


def reject(project, gold_uuid: str) -> AnnotationInfo:
    """Take a span out of gold again (a coder's own spans are never touched)."""
    g = project.annotation(gold_uuid)
    if g.coder != GOLD:
        raise ValueError("only gold annotations can be rejected")
    return project.delete_annotation(gold_uuid)


def accept_all_agreed(project, doc_id: int, decided_by: str,
                      coders: list[str] | None = None, agreed_by: str = "all") -> int:
    """Copy every agreed span not yet in gold into gold, with the relations that follow:
    the supervisor then only decides the disagreements. Returns how many gold spans
    were added."""
    n = 0
    coders = coders or compared_coders(project, doc_id)
    counted = counted_coders(project, doc_id, coders)
    for d in groups(project, doc_id, coders, agreed_by):
        if d.gold or not d.agreed:
            continue
        a = is_agreed(list(d.annotations), counted, agreed_by)
        accept(project, a.uuid, decided_by, links=False)
        n += 1
    from .gold_links import sync_links

    sync_links(project, doc_id)
    return n


def gold_done(project, doc_id: int) -> bool:
    if GOLD not in {c.name for c in project.coders()}:
        return False
    return project.status(doc_id, GOLD) == "done"


def set_gold_done(project, doc_id: int, done: bool = True) -> None:
    """Mark gold finished for the article (what is not in gold was left out on purpose),
    so `agreement --coders gold,NAME` counts it; or open it again."""
    project.set_status(doc_id, _gold_coder(project), "done" if done else "in_progress")
