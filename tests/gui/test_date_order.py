"""File > Import files with a date such as 03/07/2017 (3 July or 7 March?): before anything
is stored the desk asks how these files write dates, with the project's date order chosen,
and keeps the answer as the project's `date_order` (what `annotator settings` shows and
later imports follow). Files whose dates cannot be misread import without the question."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
)

from annotator.gui.actions import Act

from .test_long_tasks import dump, idle, summary

FRAME = ("العنوان,التاريخ,النص\n"
         "خبر الاجتماع,03/07/2017,قال المتحدث إن الاجتماع عقد في الموصل.\n")


def frame(tmp_path: Path, text: str = FRAME) -> Path:
    path = tmp_path / "sample.csv"  # typed with QTest.keyClicks: ASCII only
    path.write_text(text, encoding="utf-8")
    return path


def import_through_the_menu(qtbot, window, path: Path) -> None:
    """File > Import files…, the file's name typed into Qt's file dialog, Return."""
    window.acts[Act.IMPORT].trigger()
    dlg = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QFileDialog) and shiboken6.isValid(w)
               and w.objectName() == "importFilesDialog" and w.isVisible())
    name = dlg.findChild(QLineEdit, "fileNameEdit")
    name.clear()
    QTest.keyClicks(name, path.name)
    QTest.keyClick(name, Qt.Key_Return)


def question(qtbot) -> QDialog:
    found = []

    def shown():
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "dateOrderDialog" and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=60_000)
    return found[0]


def radio(dlg, name: str) -> QRadioButton:
    button = dlg.findChild(QRadioButton, name)
    assert button is not None and button.isVisible(), name
    return button


def published(window, title: str = "خبر الاجتماع") -> datetime | None:
    [d] = [d for d in window.project.documents() if d.title == title]
    return d.published


def test_month_first_chosen_with_a_click_stores_7_march(qtbot, window, tmp_path):
    import_through_the_menu(qtbot, window, frame(tmp_path))
    ask = question(qtbot)
    assert "03/07/2017" in ask.findChild(QLabel, "dateOrderQuestion").text()
    day, month = radio(ask, "dateDayFirst"), radio(ask, "dateMonthFirst")
    assert day.isChecked() and not month.isChecked()  # the project's order: day first
    assert "3 July 2017" in day.text() and "7 March 2017" in month.text()
    assert window.project.documents()[-1].title != "خبر الاجتماع"  # nothing stored yet
    QTest.mouseClick(month, Qt.LeftButton)
    QTest.mouseClick(ask.findChild(QPushButton, "dateOrderImport"), Qt.LeftButton)
    done = summary(qtbot, window)
    assert done.heading.text().splitlines()[0] == "1 articles added."
    assert published(window) == datetime(2017, 3, 7)
    assert window.project.setting("date_order") == "month-first"
    [d] = [d for d in window.project.documents(with_meta=True) if d.title == "خبر الاجتماع"]
    assert d.meta["published_as_written"] == "03/07/2017"
    assert d.meta["published_read_as"] == "month-first"


def test_day_first_taken_with_the_keyboard_stores_3_july(qtbot, window, tmp_path):
    window.project.set_setting("date_order", "month-first")  # set earlier, then changed
    import_through_the_menu(qtbot, window, frame(tmp_path))
    ask = question(qtbot)
    day, month = radio(ask, "dateDayFirst"), radio(ask, "dateMonthFirst")
    assert month.isChecked()  # the question starts from what the project says
    month.setFocus()
    QTest.keyClick(month, Qt.Key_Up)  # arrow keys move between the two readings
    assert day.isChecked()
    QTest.keyClick(ask, Qt.Key_Return)  # Import is the default button
    summary(qtbot, window)
    assert published(window) == datetime(2017, 7, 3)
    assert window.project.setting("date_order") == "day-first"


def test_cancel_imports_nothing_and_keeps_the_setting(qtbot, window, tmp_path):
    before = dump(window.project.path)
    import_through_the_menu(qtbot, window, frame(tmp_path))
    ask = question(qtbot)
    QTest.mouseClick(radio(ask, "dateMonthFirst"), Qt.LeftButton)
    QTest.keyClick(ask, Qt.Key_Escape)
    idle(qtbot, window)
    assert not ask.isVisible()
    assert window.statusBar().currentMessage() == "Nothing was imported."
    assert dump(window.project.path) == before


@pytest.mark.parametrize("date", ["25/07/2017", "2017-03-07", "07/07/2017"])
def test_dates_that_read_one_way_import_without_the_question(qtbot, window, tmp_path, date):
    import_through_the_menu(qtbot, window, frame(tmp_path, FRAME.replace("03/07/2017", date)))
    summary(qtbot, window)
    assert not [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "dateOrderDialog" and w.isVisible()]
    assert published(window) == {"25/07/2017": datetime(2017, 7, 25),
                                 "2017-03-07": datetime(2017, 3, 7),
                                 "07/07/2017": datetime(2017, 7, 7)}[date]


def test_the_question_in_arabic(qtbot, window, tmp_path):
    from annotator.gui import i18n

    i18n.install("ar")
    window.import_paths([frame(tmp_path)])
    ask = question(qtbot)
    assert ask.layoutDirection() == Qt.RightToLeft
    texts = [ask.windowTitle(), ask.findChild(QLabel, "dateOrderQuestion").text(),
             radio(ask, "dateDayFirst").text(), radio(ask, "dateMonthFirst").text(),
             ask.findChild(QPushButton, "dateOrderImport").text()]
    for t in texts:  # translated: Arabic letters in every string shown
        assert any("\u0600" <= ch <= "\u06ff" for ch in t), t
    assert "يوليو" in radio(ask, "dateDayFirst").text()
    assert "مارس" in radio(ask, "dateMonthFirst").text()
    QTest.keyClick(ask, Qt.Key_Return)
    summary(qtbot, window)
    assert published(window) == datetime(2017, 7, 3)

