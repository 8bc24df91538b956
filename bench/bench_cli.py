"""Command-line start-up time. Run by hand:

    python bench/bench_cli.py [--runs 7]

Prints the best and median wall time of `annotator --help`, `annotator docs` on a
one-article project and `annotator --version`, each beside a bare `python -c pass`
(the interpreter's own start-up) and the difference between the two. Goals (issue 11):
--help under 0.3 s, docs on a small project under 0.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(cmd: list[str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    from annotator.core.importers.base import ImportedDocument
    from annotator.core.project import Project

    py = sys.executable
    cli = [py, "-c", "import sys; from annotator.cli import main; sys.exit(main())"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "small.annot"
        with Project.create(path) as p:
            p.add_documents([ImportedDocument(text="قال المتحدث إن الخبر صحيح.",
                                              title="خبر")])
        cases = [("python -c pass (bare interpreter)", [py, "-c", "pass"]),
                 ("annotator --version", cli + ["--version"]),
                 ("annotator --help", cli + ["--help"]),
                 ("annotator docs (1 article)", cli + ["docs", str(path)])]
        timed(cases[-1][1], 1)  # warm the file cache
        base = None
        print(f"{'command':<36} {'best':>7} {'median':>7} {'minus bare':>11}")
        for name, cmd in cases:
            ts = timed(cmd, a.runs)
            best, med = min(ts), statistics.median(ts)
            if base is None:
                base = best
            print(f"{name:<36} {best:6.3f}s {med:6.3f}s {best - base:+10.3f}s"
                  f"  ({best / base:.1f}x bare)")


if __name__ == "__main__":
    main()
