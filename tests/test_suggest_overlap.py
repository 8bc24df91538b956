"""The index that keeps suggestions off spans the coder has coded answers exactly what a
scan of every coded span answers (same category, [start, end) overlapping)."""

import random

from annotator.core.suggest import overlap_index, overlaps


def test_overlap_index_agrees_with_a_scan():
    rng = random.Random(3)
    spans = []
    for _ in range(300):
        s = rng.randrange(0, 2000)
        spans.append((rng.choice("abc"), s, s + rng.randint(1, 80)))
    index = overlap_index(spans)
    for _ in range(3000):
        cat = rng.choice("abcd")
        s = rng.randrange(0, 2100)
        e = s + rng.randint(1, 60)
        scan = any(c == cat and a < e and s < b for c, a, b in spans)
        assert overlaps(index, cat, s, e) == scan, (cat, s, e)
    assert not overlaps(overlap_index([]), "a", 0, 10)
    assert not overlaps(overlap_index([("a", 0, 5)]), "a", 5, 9)  # touching is not overlap
    assert overlaps(overlap_index([("a", 0, 5)]), "a", 4, 9)
