"""The desk on a long article: a 300,000-character Arabic article with 3,000 spans.

    python bench/bench_desk.py [--chars 300000] [--spans 3000] [--keys 40]

Prints (never asserts):
- open-to-first-paint of the article view with its highlights, against a bare
  QPlainTextEdit showing the same text (goal: under 2x), and of the whole desk opening
  the article from the project;
- hotkey-to-repaint for one new span: key press -> undo command -> project commit ->
  event -> re-highlight of the touched paragraph -> repaint; median and 95th percentile
  (goal: under one frame, 16 ms), with the project commit alone for comparison;
- peak memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QPlainTextEdit  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.importers import read_path  # noqa: E402
from annotator.core.importers.base import ImportedDocument, ImportedSpan  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.text import snap_to_words  # noqa: E402
from annotator.resources import SAMPLE  # noqa: E402

CODER = "bench"


class PaintWatch(QObject):
    """Counts paint events of a viewport; a paint is finished when processEvents returns."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Paint:
            self.count += 1
        return False


def wait_paint(app, watch: PaintWatch, before: int) -> float:
    while watch.count <= before:
        app.processEvents()
    return time.perf_counter()


def make_article(chars: int, rng: random.Random) -> str:
    body = read_path(SAMPLE / "000_cbfbf9d43873636c.txt")[0].text.split("\n\n")
    extra = ["وقال المتحدث John Smith إن 😀 العدد بلغ 𝐀 120 مقاتلاً في 2017.",
             "وأكدت صحيفة الجارديان البريطانية أن الوثائق تكشف تفاصيل جديدة."]
    paras: list[str] = []
    size = 0
    while size < chars:
        p = rng.choice(body + extra)
        paras.append(p)
        size += len(p) + 2
    return "\n\n".join(paras)[:chars]


def make_spans(text: str, n: int, cats: list[str], rng: random.Random) -> list[ImportedSpan]:
    spans = []
    for _ in range(n):
        s = rng.randrange(0, len(text) - 200)
        s, e = snap_to_words(text, s, s + rng.randint(8, 120))
        if e > s:
            spans.append(ImportedSpan(s, e, rng.choice(cats)))
    return spans


def _timed_open(app, widget, load) -> float:
    """The widget exists, sized and shown (as in the desk); time loading the article
    until its first paint has finished."""
    widget.resize(1000, 800)
    widget.show()
    app.processEvents()
    watch = PaintWatch(widget.viewport())
    t0 = time.perf_counter()
    load()
    t1 = wait_paint(app, watch, 0)
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return t1 - t0


def time_bare(app, text: str, font=None) -> float:
    w = QPlainTextEdit()
    w.setReadOnly(True)
    if font is not None:
        w.setFont(font)
    return _timed_open(app, w, lambda: w.setPlainText(text))


def time_view(app, text: str, anns, codebook) -> float:
    from annotator.gui.article_view import ArticleView

    v = ArticleView()
    v.set_codebook(codebook)
    return _timed_open(app, v, lambda: v.set_article(text, "ar", anns))


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--spans", type=int, default=3_000)
    ap.add_argument("--keys", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(7)

    from annotator.gui.app import setup
    from annotator.gui.main_window import MainWindow

    app = setup("en")
    tmp = Path(tempfile.mkdtemp())
    project = Project.create(tmp / "bench.annot")
    cats = [c.key for c in project.codebook().categories if c.kind == "span"]
    text = make_article(args.chars, rng)
    spans = make_spans(text, args.spans, cats, rng)
    project.add_documents([ImportedDocument(text=text, title="bench", spans=spans)], coder=CODER)
    doc_id = project.documents()[0].id
    anns = project.annotations(doc_id, coder=CODER)
    paragraphs = text.count("\n\n") + 1
    print(f"article: {len(text):,} characters, {paragraphs:,} paragraphs, "
          f"{len(anns):,} spans ({sum(1 for c in text if ord(c) > 0xFFFF)} astral chars)")

    time_bare(app, text)  # warm-up: fonts, shaping caches
    time_view(app, text, anns, project.codebook())
    from annotator.gui.article_view import ArticleView

    naskh = ArticleView().font()  # the article's face and size, for a like-for-like bare run
    bare = [time_bare(app, text) for _ in range(args.repeat)]
    bare_naskh = [time_bare(app, text, naskh) for _ in range(args.repeat)]
    view = [time_view(app, text, anns, project.codebook()) for _ in range(args.repeat)]
    mb, mn, mv = (statistics.median(x) for x in (bare, bare_naskh, view))
    print(f"open to first paint (median of {args.repeat}): bare QPlainTextEdit "
          f"{mb * 1000:.1f} ms (default font), {mn * 1000:.1f} ms (same Naskh font); "
          f"article view with {len(anns):,} highlights {mv * 1000:.1f} ms; ratio "
          f"{mv / mb:.2f}x / {mv / mn:.2f}x (goal < 2x)")

    win = MainWindow(project, CODER)
    win.resize(1400, 900)
    win.show()
    app.processEvents()
    other = project.add_documents([ImportedDocument(text="نص قصير", title="x")]).added[0]
    win.open_document(other)
    app.processEvents()
    watch = PaintWatch(win.view.viewport())
    t0 = time.perf_counter()
    n0 = watch.count
    win.open_document(doc_id)
    t1 = wait_paint(app, watch, n0)
    print(f"desk opens the article from the project (text, annotations, relations, lists) "
          f"to first paint: {(t1 - t0) * 1000:.1f} ms")

    # hotkey -> repaint, one new span each time, visible in the window
    view_ = win.view
    win.activateWindow()
    view_.setFocus()
    lat, commit_only = [], []
    for _ in range(args.keys):
        c = view_.cursorForPosition(view_.viewport().rect().center())
        s = view_.to_py(c.position())
        s, e = snap_to_words(text, s, s + rng.randint(5, 40))
        view_.select_span(s, e, scroll=False)
        app.processEvents()
        before = watch.count
        t0 = time.perf_counter()
        QTest.keyClick(view_, Qt.Key_1)
        t1 = wait_paint(app, watch, before)
        lat.append(t1 - t0)
    for _ in range(args.keys):
        s = rng.randrange(0, len(text) - 100)
        s, e = snap_to_words(text, s, s + 30)
        t0 = time.perf_counter()
        project.add_annotation(doc_id, "other", "claim", s, e)
        commit_only.append(time.perf_counter() - t0)
    print(f"hotkey to repaint ({args.keys} new spans): median "
          f"{statistics.median(lat) * 1000:.1f} ms, p95 {pct(lat, 0.95) * 1000:.1f} ms "
          f"(goal < 16 ms); of which the project commit alone: median "
          f"{statistics.median(commit_only) * 1000:.1f} ms, p95 "
          f"{pct(commit_only, 0.95) * 1000:.1f} ms")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (ru_maxrss): {rss / 1024:.0f} MB")
    win.close()
    project.close()


if __name__ == "__main__":
    main()
