"""Types an attribute value in the real desk and keeps running until killed.

    python tests/gui/typing_driver.py PROJECT TEXT

Drags over a word, presses 2 (Source), F2 into the name field, types TEXT with QTest
(no Enter, no Tab), lets the event loop run ~1 s, prints "typed", then idles forever.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from annotator.core.project import Project
    from annotator.gui.app import setup
    from annotator.gui.main_window import MainWindow

    path, text = sys.argv[1], sys.argv[2]
    setup("en")
    win = MainWindow(Project.open(path), "Mona")
    win.show()
    win.activateWindow()
    QApplication.processEvents()
    view, vp = win.view, win.view.viewport()
    s = view.text.index("صحيفة")
    a, b = view.cursor_rect_at(s).center(), view.cursor_rect_at(s + 5).center()
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, a)
    QTest.mouseMove(vp, b)
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, b)
    QTest.keyClick(view, Qt.Key_2)
    QTest.keyClick(view, Qt.Key_F2)
    edit = win.attrs.findChild(QLineEdit, "attr_name")
    QTest.keyClicks(edit, text)
    QTest.qWait(1000)
    print("typed", flush=True)
    while True:
        QTest.qWait(100)


if __name__ == "__main__":
    main()
