"""A coding session for the fault tests, run as a subprocess and killed with SIGKILL.

    python tests/fault_driver.py PROJECT SEED [--gui | --memo] [--coder NAME] [--steps N]

It opens PROJECT for writing and changes annotations in a loop, forever (or N steps), and
prints one line per change *after* the change is committed, flushed at once:

    add <uuid> <doc_id> <start> <end>     a new span (or a revived one: undo of a delete)
    upd <uuid> <doc_id> <start> <end>     boundaries moved
    del <uuid>                            tombstoned

Before each change it prints `try <op> [<uuid>]`, so the test knows which single change may
have been in flight (committed or not) when the kill came.

API mode (the default) calls the Project API exactly as the desk's undo commands do
(gui/commands.py: AddAnnotation with uuid=None, then undo = delete_annotation, redo =
add_annotation with the same uuid; UpdateAnnotation = update_annotation). GUI mode drives
the real MainWindow offscreen: selects a span in the article view, presses the category's
number key with QTest, and prints once the annotation is in the project; Delete and
Ctrl+Z go through the window's shortcuts too.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.project import Project  # noqa: E402
from annotator.core.text import snap_to_words  # noqa: E402

WORD = re.compile(r"\w+", re.UNICODE)


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def random_span(rng: random.Random, words: list[tuple[int, int]]) -> tuple[int, int]:
    """One to six whole words (so the desk's word snapping leaves it as it is)."""
    i = rng.randrange(len(words))
    j = min(len(words) - 1, i + rng.randrange(6))
    return words[i][0], words[j][1]


def run_api(project: Project, coder: str, rng: random.Random, steps: int) -> None:
    docs = [d.id for d in project.documents()]
    words = {d: word_spans(project.text(d)) for d in docs}
    cats = [c.key for c in project.codebook().categories if c.kind == "span"]
    live: dict[str, tuple[int, str]] = {}       # uuid -> (doc, category)
    dead: dict[str, tuple[int, str, int, int]] = {}
    out("ready")
    n = 0
    while steps <= 0 or n < steps:
        n += 1
        r = rng.random()
        if r < 0.5 or not live:
            doc, cat = rng.choice(docs), rng.choice(cats)
            s, e = random_span(rng, words[doc])
            out("try add")
            info = project.add_annotation(doc, coder, cat, s, e)  # AddAnnotation.redo
            live[info.uuid] = (doc, cat)
            out(f"add {info.uuid} {doc} {s} {e}")
        elif r < 0.7:
            uuid = rng.choice(sorted(live))
            doc, _cat = live[uuid]
            s, e = random_span(rng, words[doc])
            out(f"try upd {uuid}")
            project.update_annotation(uuid, start=s, end=e)     # UpdateAnnotation.redo
            out(f"upd {uuid} {doc} {s} {e}")
        elif r < 0.9:
            uuid = rng.choice(sorted(live))
            out(f"try del {uuid}")
            info = project.delete_annotation(uuid)               # DeleteAnnotation.redo
            dead[uuid] = (info.doc_id, info.category, info.start, info.end)
            del live[uuid]
            out(f"del {uuid}")
        elif dead:
            uuid = rng.choice(sorted(dead))
            doc, cat, s, e = dead.pop(uuid)
            out(f"try add {uuid}")
            # DeleteAnnotation.undo: the same uuid comes back
            project.add_annotation(doc, coder, cat, s, e, uuid=uuid)
            live[uuid] = (doc, cat)
            out(f"add {uuid} {doc} {s} {e}")


def run_gui(project: Project, coder: str, rng: random.Random, steps: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.gui.app import setup
    from annotator.gui.main_window import MainWindow

    app = setup("en")
    win = MainWindow(project, coder)
    errors: list[str] = []
    win.show_error = lambda exc: errors.append(str(exc))     # no modal box offscreen
    win.show()
    win.activateWindow()
    QApplication.processEvents()
    cats = {c.hotkey: c.key for c in project.codebook().categories
            if c.kind == "span" and c.hotkey}
    keys = {d: getattr(Qt, f"Key_{d}") for d in cats}
    docs = [d.id for d in project.documents()]

    def mine(doc: int) -> dict[str, tuple[int, int]]:
        return {a.uuid: (a.start, a.end) for a in project.annotations(doc, coder=coder)}

    out("ready")
    n = 0
    while steps <= 0 or n < steps:
        n += 1
        doc = rng.choice(docs)
        win.open_document(doc)
        QApplication.processEvents()
        r = rng.random()
        before = mine(doc)
        if r < 0.65 or not before:
            s, e = random_span(rng, word_spans(win.view.text))
            if win.view.snap:  # what the desk will store: its own idea of a word
                s, e = snap_to_words(win.view.text, s, e)
            digit = rng.choice(sorted(keys))
            win.view.select_span(s, e)
            out("try add")
            QTest.keyClick(win.view, keys[digit])
            QApplication.processEvents()
            new = {u: se for u, se in mine(doc).items() if u not in before}
            if len(new) != 1 or next(iter(new.values())) != (s, e):
                raise SystemExit(f"the key press did not annotate [{s}, {e}): {new} {errors}")
            uuid = next(iter(new))
            if uuid not in {a.uuid for a in win.ann_model.rows}:
                raise SystemExit(f"annotation {uuid} is in the project but not on screen")
            out(f"add {uuid} {doc} {s} {e}")
        elif r < 0.85:
            uuid = rng.choice(sorted(before))
            win.activate(uuid)
            QApplication.processEvents()
            out(f"try del {uuid}")
            QTest.keyClick(win.view, Qt.Key_Delete)
            QApplication.processEvents()
            if uuid in mine(doc):
                raise SystemExit(f"Delete did not remove {uuid}: {errors}")
            out(f"del {uuid}")
        else:
            # Ctrl+Z: undo the newest command (an add or a delete), whichever it was
            cmd = win.undo.command(win.undo.index() - 1) if win.undo.canUndo() else None
            if cmd is None:
                continue
            uuid = getattr(cmd, "uuid", None) or getattr(getattr(cmd, "info", None), "uuid", None)
            if uuid is None:
                continue
            out(f"try upd {uuid}")
            QTest.keyClick(win.view, Qt.Key_Z, Qt.ControlModifier)
            QApplication.processEvents()
            a = project.annotation(uuid)
            if a.deleted is not None:
                out(f"del {uuid}")
            else:
                out(f"add {uuid} {a.doc_id} {a.start} {a.end}")
    win.close()
    app.processEvents()


NOTE = "Other: حزب سياسي، see the رابط"
ARTICLE_NOTE = "مقال رأي لا خبر"


def run_memo(project: Project, coder: str, rng: random.Random, steps: int) -> None:
    """Type a note on an annotation and on the article with key events, print `typed`,
    then idle in the event loop (the coder looks away) until killed. Nothing but the
    desk's own debounce stores the notes: no Enter, no focus change."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import time

    from PySide6.QtCore import QEvent, QPoint, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from annotator.gui.app import setup
    from annotator.gui.main_window import MainWindow

    app = setup("en")
    win = MainWindow(project, coder)
    win.show_error = lambda exc: out(f"error {exc}")
    win.show()
    win.activateWindow()
    QApplication.processEvents()
    doc = win.doc_id
    s, e = random_span(rng, word_spans(win.view.text))
    a = project.add_annotation(doc, coder, "claim", s, e)
    win.activate(a.uuid)
    QApplication.processEvents()

    def type_into(edit, text):
        QTest.mouseClick(edit.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(8, 8))
        for ch in text:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))

    out("ready")
    type_into(win.attrs.findChild(QPlainTextEdit, "annotationNote"), NOTE)
    out(f"typed {a.uuid}")
    # The article note is typed last and left with the focus in it: only the pause saves it.
    type_into(win.article_note.edit, ARTICLE_NOTE)
    out(f"typed-article {doc}")
    while True:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("project", type=Path)
    ap.add_argument("seed", type=int)
    ap.add_argument("--gui", action="store_true")
    ap.add_argument("--memo", action="store_true", help="type notes, then idle until killed")
    ap.add_argument("--coder", default="Mona")
    ap.add_argument("--steps", type=int, default=0, help="0: until killed")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    project = Project.open(args.project)
    try:
        run = run_memo if args.memo else run_gui if args.gui else run_api
        run(project, args.coder, rng, args.steps)
    finally:
        project.close()
    out("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
