"""The desk on a long article: a 300,000-character Arabic article with 3,000 spans.

    python bench/bench_desk.py [--chars 300000] [--spans 3000] [--keys 40]

Prints (never asserts):
- open-to-first-paint of the article view with its highlights, against a bare
  QPlainTextEdit showing the same text (goal: under 2x), and of the whole desk opening
  the article from the project;
- hotkey-to-repaint for one new span: key press -> undo command -> project commit ->
  event -> re-highlight of the touched paragraph -> repaint; median and 95th percentile
  (goal: under one frame, 16 ms), with the project commit alone for comparison;
- render (the desk helper's section, render_section): `annotator render --out FILE.pdf`
  of the article with its spans against a bare QTextDocument.print_() of the same text to
  a QPdfWriter, in process and as whole processes (goal: under 2x);
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


# --- render (issue 10 item 14; kept apart from the desk timings above) ----------------------

RAW_PRINT = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication
app = QApplication([])
doc = QTextDocument()
if len(sys.argv) > 3:
    doc.setDefaultFont(QFont(sys.argv[3]))
doc.setPlainText(open(sys.argv[1], encoding="utf-8").read())
w = QPdfWriter(sys.argv[2])
w.setPageSize(QPageSize(QPageSize.A4))
doc.print_(w)
"""


def time_raw_print(text: str, out: Path, font=None) -> float:
    """A bare QTextDocument.print_() of `text` to a QPdfWriter (Qt's own pagination)."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    t0 = time.perf_counter()
    doc = QTextDocument()
    if font is not None:
        doc.setDefaultFont(font)
    doc.setPlainText(text)
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.A4))
    doc.print_(writer)
    del writer
    return time.perf_counter() - t0


def time_render_pdf(project, doc_id: int, out: Path) -> float:
    from annotator.gui.render import render_document

    t0 = time.perf_counter()
    render_document(project, doc_id, out)
    return time.perf_counter() - t0


def time_process(cmd: list[str]) -> float:
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def render_section(project, doc_id: int, text: str, repeat: int) -> None:
    from annotator.gui.article_view import ArticleView

    tmp = Path(tempfile.mkdtemp())
    naskh = ArticleView().font()
    time_raw_print(text, tmp / "warm.pdf")
    raw = [time_raw_print(text, tmp / "raw.pdf") for _ in range(repeat)]
    raw_naskh = [time_raw_print(text, tmp / "raw.pdf", naskh) for _ in range(repeat)]
    ours = [time_render_pdf(project, doc_id, tmp / "ours.pdf") for _ in range(repeat)]
    mr, mn, mo = (statistics.median(x) for x in (raw, raw_naskh, ours))
    n = len(project.annotations(doc_id))
    print(f"render PDF in process (median of {repeat}): bare QTextDocument.print_() "
          f"{mr:.2f} s (default font), {mn:.2f} s (same Naskh font); annotator render with "
          f"{n:,} spans {mo:.2f} s; ratio {mo / mr:.2f}x / {mo / mn:.2f}x (goal < 2x)")
    project_path = str(project.path)
    (tmp / "text.txt").write_text(text, encoding="utf-8")
    raw_p = [time_process([sys.executable, "-c", RAW_PRINT, str(tmp / "text.txt"),
                           str(tmp / "raw.pdf")]) for _ in range(repeat)]
    ours_p = [time_process([sys.executable, "-m", "annotator", "render", project_path,
                            "--doc", str(doc_id), "--out", str(tmp / "ours.pdf")])
              for _ in range(repeat)]
    mr, mo = statistics.median(raw_p), statistics.median(ours_p)
    print(f"render PDF as whole processes (median of {repeat}): python -c print_() "
          f"{mr:.2f} s; annotator render {mo:.2f} s; ratio {mo / mr:.2f}x (goal < 2x)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--spans", type=int, default=3_000)
    ap.add_argument("--keys", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--render-only", action="store_true", help="only the render section")
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
    if args.render_only:
        project.close()
        render_section(Project.open(tmp / "bench.annot", readonly=True), doc_id, text,
                       args.repeat)
        return

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
    win.close()
    project.close()
    render_section(Project.open(tmp / "bench.annot", readonly=True), doc_id, text,
                   args.repeat)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (ru_maxrss): {rss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
