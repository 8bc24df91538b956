"""Command-line start-up time. Run by hand:

    python bench/bench_cli.py [--runs 7]

Prints the best and median wall time of `annotator --help`, `annotator docs` on a
one-article project and `annotator --version`, each beside a bare `python -c pass`
(the interpreter's own start-up) and the difference between the two. Goals (issue 11):
--help under 0.3 s, docs on a small project under 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(cmd: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall times and CPU times (user + system of the child) of each run. On a busy
    machine the wall time mostly measures the wait for a core; CPU time does not."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        wall.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


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
        print(f"{'command':<36} {'wall best':>9} {'median':>7} {'cpu best':>9} "
              f"{'cpu minus bare':>15}")
        for name, cmd in cases:
            wall, cpu = timed(cmd, a.runs)
            best, med, cbest = min(wall), statistics.median(wall), min(cpu)
            if base is None:
                base = cbest
            print(f"{name:<36} {best:8.3f}s {med:6.3f}s {cbest:8.3f}s {cbest - base:+14.3f}s"
                  f"  ({cbest / base:.1f}x bare)")
        print(f"load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())} "
              f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
