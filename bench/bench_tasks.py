"""Long work in the desk: what the worker thread, progress and Cancel cost, and how often
the window gets to repaint meanwhile. Run by hand (offscreen):

    python bench/bench_tasks.py [--articles 2000]

Imports a folder of .txt articles three ways into fresh projects and prints the time of
each with its ratio to the first:
  1. the core directly on one thread (read_batch + add_documents, no callbacks),
  2. the same with progress and a CancelToken (what the CLI and the desk pass),
  3. the desk: MainWindow.import_paths through the TaskRunner, until the summary shows,
and for 3 the longest gap between two ticks of a 10 ms timer on the GUI thread while the
worker ran (the longest the window went without processing events), and the time the GUI
thread then spent showing the result.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.importers.batch import read_batch  # noqa: E402
from annotator.core.progress import CancelToken  # noqa: E402
from annotator.core.project import Project  # noqa: E402


def write(folder: Path, n: int) -> None:
    body = "قالت مصادر عراقية إن الاجتماع عقد في الموصل، وأكدت صحيفة الجارديان ذلك. " * 20
    for i in range(n):
        sub = folder / f"batch{i % 8}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article-{i:05d}.txt").write_text(f"خبر رقم {i}\n\n{body}{i}", encoding="utf-8")


def direct(folder: Path, path: Path, callbacks: bool) -> float:
    seen = []
    kw = {"progress": lambda *a: seen.append(a), "cancel": CancelToken()} if callbacks else {}
    with Project.create(path) as p:
        t = time.perf_counter()
        batch = read_batch([folder], **kw)
        p.add_documents(batch.docs, **kw)
        return time.perf_counter() - t


def running(tasks) -> bool:
    """The worker thread itself is running (its queued results not yet shown)."""
    return tasks.worker is not None and tasks.worker.isRunning()


def desk(folder: Path, path: Path) -> tuple[float, float, float]:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(path.parent / "config"))
    from annotator.gui.app import settings, setup
    from annotator.gui.main_window import MainWindow

    app = setup("en")
    win = MainWindow(Project.create(path), "Mona", settings())
    win.show()
    ticks: list[tuple[float, bool]] = []  # (when, the worker was running)
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append((time.perf_counter(), running(win.tasks))))
    timer.start(10)
    t = time.perf_counter()
    win.import_paths([folder])
    while getattr(win, "import_summary", None) is None or not win.import_summary.isVisible():
        app.processEvents()
        time.sleep(0.001)
    took = time.perf_counter() - t
    timer.stop()
    # gaps between ticks while the worker ran; the last stretch (the GUI thread showing
    # the new articles and the summary) is the desk's own work, reported apart
    busy = [(a, b) for (a, was), (b, _) in zip(ticks, ticks[1:], strict=False) if was]
    gap = max((b - a for a, b in busy), default=0.0)
    last_busy = busy[-1][1] if busy else t
    win.import_summary.close()
    win.close()
    QApplication.processEvents()
    return took, gap, t + took - last_busy


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    n = ap.parse_args().articles
    tmp = Path(tempfile.mkdtemp())
    folder = tmp / "articles"
    write(folder, n)
    base = direct(folder, tmp / "a.annot", callbacks=False)
    with_cb = direct(folder, tmp / "b.annot", callbacks=True)
    gui, gap, after = desk(folder, tmp / "c.annot")
    print(f"import {n} .txt articles, core on one thread (no callbacks): {base:.2f} s")
    print(f"  with progress and Cancel checks: {with_cb:.2f} s, ratio {with_cb / base:.2f}x")
    print(f"  from the desk (worker thread, progress dialog, summary): {gui:.2f} s, ratio "
          f"{gui / base:.2f}x")
    print(f"  longest the GUI thread went without a 10 ms timer tick while the worker ran: "
          f"{gap * 1000:.0f} ms; showing the result afterwards (list, first article, "
          f"summary) took {after * 1000:.0f} ms on the GUI thread")


if __name__ == "__main__":
    main()
