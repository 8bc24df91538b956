"""Disagreements between coders and the gold version a supervisor builds from them.

The gold version is a coder of its own (role "gold"); each gold annotation records who
decided it (`decided_by`, with `created` as when) and the coder's span it came from
(`origin_uuid`), so gold can be measured against every coder like any other coder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .records import AnnotationInfo

GOLD = "gold"


@dataclass(frozen=True)
class Disagreement:
    """A stretch of text where the coders' spans differ: overlapping spans of any
    category, clustered. `missing` are the coders with no span there at all."""

    doc_id: int
    start: int
    end: int
    annotations: tuple[AnnotationInfo, ...]
    missing: tuple[str, ...] = field(default=())
    gold: tuple[AnnotationInfo, ...] = field(default=())

    @property
    def decided(self) -> bool:
        return bool(self.gold)


def _clusters(spans: list[AnnotationInfo]) -> list[list[AnnotationInfo]]:
    out: list[list[AnnotationInfo]] = []
    end = -1
    for a in sorted(spans, key=lambda a: (a.start, a.end)):
        if out and a.start < end:
            out[-1].append(a)
            end = max(end, a.end)
        else:
            out.append([a])
            end = a.end
    return out


def _agree(cluster: list[AnnotationInfo], coders: list[str]) -> bool:
    """Every coder has exactly one span here, with the same bounds, category and attributes."""
    by_coder: dict[str, list[AnnotationInfo]] = {}
    for a in cluster:
        by_coder.setdefault(a.coder, []).append(a)
    if set(by_coder) != set(coders) or any(len(v) != 1 for v in by_coder.values()):
        return False
    first = cluster[0]
    return all((a.start, a.end, a.category, a.attrs) ==
               (first.start, first.end, first.category, first.attrs) for a in cluster)


def disagreements(project, doc_id: int, coders: list[str] | None = None,
                  include_agreed: bool = False) -> list[Disagreement]:
    """Places in one document where the chosen coders (default: everyone but gold who has
    annotated it) differ, in text order, each with the gold spans already decided there."""
    spans = [a for a in project.annotations(doc_id) if a.end > a.start]
    if coders is None:
        coders = sorted({a.coder for a in spans if a.coder != GOLD})
    mine = [a for a in spans if a.coder in coders]
    gold = [a for a in spans if a.coder == GOLD]
    out = []
    for cluster in _clusters(mine):
        if not include_agreed and len(coders) > 1 and _agree(cluster, coders):
            continue
        s, e = min(a.start for a in cluster), max(a.end for a in cluster)
        present = {a.coder for a in cluster}
        out.append(Disagreement(
            doc_id=doc_id, start=s, end=e, annotations=tuple(cluster),
            missing=tuple(c for c in coders if c not in present),
            gold=tuple(g for g in gold if g.start < e and s < g.end),
        ))
    return out


def _gold_coder(project) -> str:
    if GOLD not in {c.name for c in project.coders()}:
        project.add_coder(GOLD, role="gold")
    return GOLD


def accept(project, uuid: str, decided_by: str, category: str | None = None,
           start: int | None = None, end: int | None = None,
           attrs: dict | None = None) -> AnnotationInfo:
    """Put a coder's span into gold, as it is or edited (category, bounds, attributes).
    Accepting the same span twice gives the one gold annotation, updated."""
    src = project.annotation(uuid)
    gold = _gold_coder(project)
    for g in project.annotations(src.doc_id, coder=gold):
        if g.origin_uuid == uuid:
            return project.update_annotation(
                g.uuid, category=category or src.category,
                start=src.start if start is None else start,
                end=src.end if end is None else end,
                attrs=src.attrs if attrs is None else attrs)
    return project.add_annotation(
        src.doc_id, gold, category or src.category,
        src.start if start is None else start, src.end if end is None else end,
        attrs=src.attrs if attrs is None else attrs, decided_by=decided_by, origin_uuid=uuid)


def reject(project, gold_uuid: str) -> AnnotationInfo:
    """Take a span out of gold again (a coder's own spans are never touched)."""
    g = project.annotation(gold_uuid)
    if g.coder != GOLD:
        raise ValueError("only gold annotations can be rejected")
    return project.delete_annotation(gold_uuid)


def accept_all_agreed(project, doc_id: int, decided_by: str,
                      coders: list[str] | None = None) -> int:
    """Copy every span all coders agree on into gold: the supervisor then only decides
    the disagreements. Returns how many gold spans were added."""
    n = 0
    for d in disagreements(project, doc_id, coders, include_agreed=True):
        if d.gold or d.missing:
            continue
        cluster = list(d.annotations)
        cs = coders or sorted({a.coder for a in cluster})
        if len(cs) > 1 and _agree(cluster, cs):
            accept(project, cluster[0].uuid, decided_by)
            n += 1
    return n
