"""A coder's package carries only that coder's rows: opened in a desk whose Settings name
is someone else, the desk codes as the package's coder, and Settings shows the name
read-only (issue 11 item 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from annotator.core.merge import merge_package
from annotator.core.packages import make_package
from annotator.core.project import Project

from .conftest import ARTICLE, span_of
from .test_desk import drag, press


def test_a_package_is_coded_under_its_coders_name_and_settings_cannot_rename(
        qtbot, tmp_path, project):
    from annotator.gui.app import settings, setup
    from annotator.gui.main_window import MainWindow

    setup("en")
    pkg_path = tmp_path / "ali.annot"
    make_package(project, "Ali", [1], pkg_path)
    store = settings()
    store.setValue("coder", "Mona")  # the desk was last used by Mona
    win = MainWindow(Project.open(pkg_path), "Mona", store)
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    assert win.coder == "Ali" and "Ali" in win.coder_label.text()

    s, e = span_of(ARTICLE, "صحيفة الجارديان")
    drag(qtbot, win.view, s, e)
    press(qtbot, win, Qt.Key_2)
    assert [(a.coder, a.quote) for a in win.project.annotations(1)] == \
        [("Ali", "صحيفة الجارديان")]

    # Settings: the name is shown, read-only; typing changes nothing
    win.activateWindow()
    QTest.keyClick(win, Qt.Key_Comma, Qt.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dlg = QApplication.activeModalWidget()
    name = dlg.findChild(QLineEdit, "coderName")
    assert name.text() == "Ali" and name.isReadOnly()
    assert dlg.findChild(QLabel, "coderNameLocked").isVisible()
    dlg.grab().save(str(tmp_path / "settings.png"))  # to look at
    name.setFocus()
    QTest.keyClick(name, Qt.Key_End)
    QTest.keyClicks(name, "Mona")
    assert name.text() == "Ali"
    QTest.keyClick(dlg, Qt.Key_Return)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert win.coder == "Ali"
    assert store.value("coder") == "Mona"  # the desk's own name is untouched
    win.close()

    # and what comes back merges: only Ali's rows
    merged = merge_package(project, pkg_path)
    assert merged.added["annotations"] == 1
    assert [a.coder for a in project.annotations(1)] == ["Ali"]
