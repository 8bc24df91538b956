"""Regenerate the desk screenshots (English, Arabic) and a render, offscreen:

    python docs/screenshots/make.py [OUT_DIR]      # default: docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main(out: Path) -> None:
    tmp = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "config"))
    from annotator.gui.app import create_demo_project, settings, setup
    from annotator.gui.main_window import MainWindow
    from annotator.gui.render import render_document

    app = setup("en")
    project = create_demo_project(tmp / "demo.annot")
    seed = next(d.id for d in project.documents() if d.published.year == 2017)
    text = project.text(seed)

    def add(cat, quote, until=None, **attrs):
        s = text.index(quote)
        e = text.index(until, s) + len(until) if until else s + len(quote)
        return project.add_annotation(seed, "Mona", cat, s, e, attrs=attrs)

    claim = add("claim", "يعاني تنظيم داعش", "في سوريا والعراق", claim_type="factual",
                attribution="paraphrase")
    guardian = add("source", "صحيفة الجارديان البريطانية", name="The Guardian",
                   type="foreign_media", named=True, location="foreign")
    add("attribution", "أكدته", stance="endorsing")
    add("reliability", "الهزائم المتكررة", level="3")
    docs = add("source", "وثائق حصلت عليها القوات العراقية", type="official_document")
    claim2 = add("claim", "عددًا كبيرًا من مقاتلي التنظيم", "ضد كل من يتم القبض عليه",
                 claim_type="factual")
    add("source", "مواقع عراقية", type="websites")
    add("source", "المركز الإقليمي للدراسات الاستراتيجية", type="think_tank", named=True)
    project.add_relation("attributed_to", claim.uuid, guardian.uuid, "Mona")
    project.add_relation("attributed_to", claim2.uuid, docs.uuid, "Mona")
    project.add_annotation(seed, "Mona", "article", attrs={"genre": "translated_report"})

    win = MainWindow(project, "Mona", settings())
    win.resize(1440, 900)
    win.show()
    win.open_document(seed)
    win.activate(claim.uuid)
    s = text.index("مقاتليه يحاولون")
    win.view.select_span(s, s + len("مقاتليه يحاولون"), scroll=False)
    for _ in range(3):
        app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(out / "desk-en.png"))
    win.set_language("ar")
    for _ in range(3):
        app.processEvents()
    win.grab().save(str(out / "desk-ar.png"))
    # a small screen: the article keeps its share, the form scrolls
    win.resize(1024, 640)
    for _ in range(3):
        app.processEvents()
    win.grab().save(str(out / "desk-small-ar.png"))
    win.set_language("en")
    for _ in range(3):
        app.processEvents()
    win.grab().save(str(out / "desk-small-en.png"))
    win.resize(1440, 900)
    render_document(project, seed, out / "render.png", coder="Mona", page=1)
    win.close()
    QApplication.processEvents()
    suggestions(app, tmp, out)
    comparison(app, tmp, out)
    print(out)


def suggestions(app, tmp: Path, out: Path) -> None:
    """The seed article before any coding: the suggestions, the third one current."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.gui.app import create_demo_project, settings
    from annotator.gui.main_window import MainWindow

    project = create_demo_project(tmp / "suggest.annot")
    seed = next(d.id for d in project.documents() if d.published.year == 2017)
    win = MainWindow(project, "Huda", settings())
    win.resize(1440, 900)
    win.show()
    win.open_document(seed)
    while not win.suggest.ready:  # found off the GUI thread
        app.processEvents()
    for _ in range(3):
        QTest.keyClick(win.view, Qt.Key_Tab)
    for lang in ("en", "ar"):
        win.set_language(lang)
        win.suggest.step(0)  # the status line in this language
        for _ in range(3):
            app.processEvents()
        win.grab().save(str(out / f"suggestions-{lang}.png"))
    win.set_language("en")
    win.close()
    QApplication.processEvents()


def comparison(app, tmp: Path, out: Path) -> None:
    """Two coders on the seed article, agreed spans and their link already in gold, the
    first open disagreement current."""
    from PySide6.QtGui import QUndoStack

    from annotator.core.adjudication import accept_all_agreed
    from annotator.gui.app import create_demo_project
    from annotator.gui.supervisor import ComparisonView

    project = create_demo_project(tmp / "compare.annot")
    seed = next(d.id for d in project.documents() if d.published.year == 2017)
    text = project.text(seed)

    def at(quote, until=None):
        s = text.index(quote)
        return s, (text.index(until, s) + len(until) if until else s + len(quote))

    for coder in ("Mona", "Ali"):
        claim = project.add_annotation(seed, coder, "claim",
                                       *at("يعاني تنظيم داعش", "في سوريا والعراق"),
                                       attrs={"claim_type": "factual"})
        src = project.add_annotation(seed, coder, "source", *at("صحيفة الجارديان البريطانية"),
                                     attrs={"type": "foreign_media"})
        project.add_relation("attributed_to", claim.uuid, src.uuid, coder)
        claim2 = project.add_annotation(
            seed, coder, "claim", *(at("عددًا كبيرًا من مقاتلي التنظيم", "ضد كل من يتم القبض عليه")
                                    if coder == "Mona" else at("عددًا كبيرًا من مقاتلي التنظيم")),
            attrs={"claim_type": "factual"})
        docs = project.add_annotation(seed, coder, "source",
                                      *at("وثائق حصلت عليها القوات العراقية"),
                                      attrs={"type": "official_document"})
        if coder == "Mona":
            project.add_relation("attributed_to", claim2.uuid, docs.uuid, coder)
            project.add_annotation(seed, coder, "source", *at("مواقع عراقية"),
                                   attrs={"type": "websites"})
        project.set_status(seed, coder, "done")
    accept_all_agreed(project, seed, "Sara")
    view = ComparisonView(project, seed, undo_stack=QUndoStack(), decided_by="Sara")
    view.resize(1180, 700)
    view.show()
    import time

    view.refresh_gold_figures()
    deadline = time.monotonic() + 30
    while (view.runner.busy or not hasattr(view, "gold_figures")) and \
            time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    for _ in range(3):
        app.processEvents()
    view.grab().save(str(out / "comparison.png"))
    view.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
