"""Codebooks with many groups: the tree, group paths, validation, and `codebook --import`,
against a plain dict walk of the same groups. Run by hand:

    python bench/bench_groups.py              # 10,000 groups, 20,000 categories
    python bench/bench_groups.py --n 2000

Groups sit ten to a parent (four levels for 10,000), each category in one of them. The
dict walk builds parent -> children and group -> categories and walks them depth first:
the least any tree() can do. tree() and group_path() were quadratic until the lookups by
key were indexed (10,000 groups: tree 2.4 s, 80x the walk; now about 1x).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from annotator.core.codebook import CategoryDef, Codebook, GroupDef  # noqa: E402
from annotator.core.codebook.validation import parse_codebook  # noqa: E402


def build(n: int) -> Codebook:
    groups = [GroupDef(f"g{i}", "g", f"G{i}", parent=f"g{i // 10}" if i >= 10 else None)
              for i in range(n)]
    cats = [CategoryDef(f"c{i}", "c", f"C{i}", "#aabbcc", group=f"g{i % n}")
            for i in range(2 * n)]
    return Codebook("bench", categories=cats, groups=groups)


def dict_walk(cb: Codebook) -> list:
    kids: dict = {}
    for g in cb.groups:
        kids.setdefault(g.parent, []).append(g)
    cats: dict = {}
    for c in cb.categories:
        cats.setdefault(c.group, []).append(c)
    out: list = []
    stack = [(0, iter(kids.get(None, ())))]
    out.extend((0, c) for c in cats.get(None, ()))
    while stack:
        depth, todo = stack[-1]
        g = next(todo, None)
        if g is None:
            stack.pop()
            continue
        out.append((depth, g))
        out.extend((depth + 1, c) for c in cats.get(g.key, ()))
        stack.append((depth + 1, iter(kids.get(g.key, ()))))
    return out


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000, help="groups (categories: twice)")
    n = ap.parse_args().n
    cb = build(n)
    walk = timed(lambda: dict_walk(cb))
    rows = [("dict walk", walk),
            ("tree()", timed(cb.tree)),
            ("group_path() of every group", timed(lambda: [cb.group_path(g.key)
                                                            for g in cb.groups], 1)),
            ("validation (from_dict)", timed(lambda: parse_codebook(cb.to_dict()), 1))]
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "big.json"
        book.write_text(json.dumps(cb.to_dict()), encoding="utf-8")
        project = Path(tmp) / "big.annot"
        cli = [sys.executable, "-m", "annotator"]
        subprocess.run([*cli, "new", str(project)], check=True, capture_output=True)
        start = time.perf_counter()
        subprocess.run([*cli, "codebook", str(project), "--import", str(book)], check=True,
                       capture_output=True)
        rows.append(("codebook --import (a process)", time.perf_counter() - start))
    print(f"{n:,} groups, {2 * n:,} categories")
    for name, secs in rows:
        print(f"  {name:32} {secs:8.3f} s  {secs / walk:8.1f}x the dict walk")


if __name__ == "__main__":
    main()
