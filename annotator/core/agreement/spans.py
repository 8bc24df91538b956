"""Span-level comparison: exact and overlap matching (for F1 and attribute agreement)."""

from __future__ import annotations

from collections import Counter

from .model import Span


def exact_matches(a: list[Span], b: list[Span]) -> int:
    """Number of spans of `a` with a span of `b` at the same start and end (one to one)."""
    ca = Counter((s.start, s.end) for s in a)
    cb = Counter((s.start, s.end) for s in b)
    return sum(min(n, cb[k]) for k, n in ca.items())


def overlap_matches(a: list[Span], b: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one matching of intersecting spans (same document and category assumed).

    Greedy by largest overlap: candidate pairs are taken in order of decreasing overlap
    length (ties: larger Jaccard first, then earlier starts), each span used at most once.
    Greedy, not optimal: where one span meets two, the larger overlap wins, which is what a
    reader of the comparison view expects.
    """
    cands = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            ov = min(x.end, y.end) - max(x.start, y.start)
            if ov > 0:
                union = max(x.end, y.end) - min(x.start, y.start)
                cands.append((-ov, -ov / union, x.start, y.start, i, j))
    cands.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for *_, i, j in cands:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((a[i], b[j]))
    return out


def f1(tp: int, n_a: int, n_b: int) -> tuple[float | None, str | None]:
    """F1 = 2 TP / (|A| + |B|)."""
    if n_a + n_b == 0:
        return None, "no spans of this category from either coder"
    return 2.0 * tp / (n_a + n_b), None
