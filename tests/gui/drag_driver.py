"""Drags entries of the codebook editor's tree with the mouse, through Qt's real drag and
drop, and prints what happened as JSON lines.

    QT_QPA_PLATFORM=minimal python tests/gui/drag_driver.py PROJECT
    QT_QPA_PLATFORM=xcb DISPLAY=:N python tests/gui/drag_driver.py PROJECT x11

Why a process of its own: under "offscreen" (the test suite's platform) QDrag.exec
returns IgnoreAction at once (its QOffscreenDrag never drags), so no drag ever starts
there, and a platform is chosen once per process.

"minimal" keeps Qt's in-application drag (QSimpleDrag): exec runs its own event loop and
takes the mouse events it sees as the drag's moves and its drop. The driver presses on an
entry with QTest, moves past the start distance (which enters QDrag.exec and blocks), and
from a timer that fires inside that loop moves over the target and releases.

"x11" (under Xvfb): the mouse is the X server's. For each drag the driver prints the two
points in screen coordinates ({"drag": ..., "from": [x, y], "to": [x, y]}) and waits for
the caller to drag there with xdotool (XTEST: real pointer events, QXcbDrag's loop).

It logs the drag events the tree's viewport receives, whether they came while a
QDrag was running, and the codebook order after each step; then Ctrl+Z, Ctrl+Shift+Z and
a click on Save, so the caller can read the order from the project file.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "minimal")


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
    from PySide6.QtGui import QDrag
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QSplitter, QWidget

    from annotator.core.project import Project
    from annotator.gui.app import setup
    from annotator.gui.codebook_editor import CodebookEditor

    x11 = sys.argv[2:] == ["x11"]
    setup("en")
    app = QApplication.instance()
    project = Project.open(sys.argv[1])
    ed = CodebookEditor(project, author="sara")
    QWidget.setGeometry(ed, 0, 0, 1000, 700)  # no window manager under Xvfb: stays there
    ed.show()
    QTest.qWaitForWindowExposed(ed)
    ed.findChild(QSplitter).setSizes([500, 500])  # minimal's fonts leave the tree narrow
    QApplication.processEvents()
    tree, vp = ed.tree, ed.tree.viewport()
    events: list[str] = []

    class Spy(QObject):
        def eventFilter(self, obj, ev):  # noqa: N802
            kinds = {QEvent.DragEnter: "enter", QEvent.DragMove: "move", QEvent.Drop: "drop"}
            if obj is vp and ev.type() in kinds:
                inside = bool(tree.findChildren(QDrag))  # a QDrag is running its loop
                line = kinds[ev.type()] + (" in-drag" if inside else " no-drag")
                if ev.type() == QEvent.Drop:
                    over = tree.itemAt(ev.position().toPoint())
                    line += " on " + (over.text(0) if over is not None else "nothing")
                events.append(line)
            return False

    spy = Spy()
    app.installEventFilter(spy)

    def point(label: str) -> QPoint:
        item = tree.findItems(label, Qt.MatchContains | Qt.MatchRecursive)[0]
        rect = tree.visualItemRect(item)
        at = QPoint(min(rect.left() + 40, vp.width() - 5), rect.center().y())
        assert vp.rect().contains(at), (label, at)  # in view: the drag can reach it
        return at

    def report(step: str) -> None:
        cats = [c.key for c in ed.cb.categories]
        claim_type = [v.key for v in ed.cb.category("claim").attribute("claim_type").values]
        print(json.dumps({"step": step, "events": events[:], "categories": cats,
                          "claim_type": claim_type, "undo": ed.undo.count()}), flush=True)
        events.clear()

    def drag(source: str, target: str, collapsed: bool = False) -> None:
        if collapsed:  # categories next to each other
            tree.collapseAll()
        tree.scrollToItem(tree.findItems(target, Qt.MatchContains | Qt.MatchRecursive)[0],
                          QAbstractItemView.PositionAtCenter)
        a, b = point(source), point(target)  # both in view, no scrolling between them
        if x11:
            ga, gb = vp.mapToGlobal(a), vp.mapToGlobal(b)
            print(json.dumps({"drag": [source, target], "from": [ga.x(), ga.y()],
                              "to": [gb.x(), gb.y()]}), flush=True)
            for _ in range(750):  # up to 15 s for the caller's pointer
                if any(e.startswith("drop") for e in events):
                    break
                if events and not tree.findChildren(QDrag):  # released where refused
                    break
                QTest.qWait(20)
            QTest.qWait(200)
            return
        QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, a)

        def inside_the_drag_loop():
            for i in range(1, 9):
                QTest.mouseMove(vp, a + (b - a) * (i / 8))
                QTest.qWait(15)
            QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, b)

        QTimer.singleShot(50, inside_the_drag_loop)
        step = QApplication.startDragDistance() + 2
        direction = -1 if b.y() < a.y() else 1
        for i in range(1, 4):  # past the start distance: QDrag.exec starts and blocks
            QTest.mouseMove(vp, a + QPoint(0, direction * step * i // 3))
        QTest.qWait(200)  # a platform without a drag loop returns at once: let it settle

    drag("[claim]", "[reliability]", collapsed=True)
    report("category onto a later category")
    drag("[factual]", "[direct_quote]")  # another attribute's value: not a sibling
    report("value onto another attribute's value")
    drag("[factual]", "[accusation]")
    report("value onto its sibling")

    ed.activateWindow()  # the drag's pixmap window took the activation
    for _ in range(100):
        if QApplication.activeWindow() is ed:
            break
        QTest.qWait(20)
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key_Z, Qt.ControlModifier)
    report("ctrl+z")
    QTest.keyClick(tree, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    report("ctrl+shift+z")
    QTest.mouseClick(ed.save_button, Qt.LeftButton)
    report("saved: " + ed.problems.text())
    project.close()


if __name__ == "__main__":
    main()
