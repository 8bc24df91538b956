"""The desk's lists change row by row (inserts, removals, changed rows), never by a reset.
After every step a coder takes with the keys and mouse, the annotation list must show
exactly what a list built afresh from the project shows: the same annotations, in text
order, with the same texts, colours and alignment, and the active one selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from annotator.gui.models import AnnotationListModel

from .conftest import ARTICLE, CODER, span_of
from .test_desk import drag, press

ROLES = (Qt.DisplayRole, Qt.DecorationRole, Qt.TextAlignmentRole, Qt.ToolTipRole)


def comparable(value):
    # QIcon has no ==: a warning icon is compared by being there
    return ("icon", not value.isNull()) if isinstance(value, QIcon) else value


def cells(model) -> list[list]:
    return [[comparable(model.index(r, c).data(role)) for c in range(model.columnCount())
             for role in ROLES] for r in range(model.rowCount())]


def assert_list_is_the_project(win) -> None:
    """The list as the table sees it equals a list read afresh from the project."""
    fresh = AnnotationListModel()
    stored = win.project.annotations(win.doc_id, coder=CODER)
    fresh.reset(stored, win.codebook)
    shown = win.ann_table.model()
    assert [shown.index(r, 0).data(Qt.UserRole + 2) for r in range(shown.rowCount())] == \
        [fresh.info_at(r).uuid for r in range(fresh.rowCount())]
    assert cells(shown) == cells(fresh)
    for r in range(shown.rowCount()):  # every row is found where it is
        assert win.ann_model.row_of(win.ann_model.info_at(r).uuid) == r
    selected = [i.row() for i in win.ann_table.selectionModel().selectedRows()]
    assert selected == ([win.ann_model.row_of(win.active)] if win.active else [])


def annotate(qtbot, win, needle: str, key, nth: int = 0) -> None:
    """Drag from inside the first word to inside the last (at an Arabic/Latin boundary a
    caret position is ambiguous; snapping finds the words), then press the hotkey."""
    s, e = span_of(ARTICLE, needle, nth)
    drag(qtbot, win.view, s + 1, e - 1)
    assert win.view.selection_span() == (s, e)
    press(qtbot, win, key)


def test_add_delete_undo_redo_by_keys_keep_the_list_exact(qtbot, window):
    annotate(qtbot, window, "مواقع عراقية", Qt.Key_2)  # middle of the article
    assert_list_is_the_project(window)
    annotate(qtbot, window, "البريطانية", Qt.Key_1)  # before it: inserted above
    assert_list_is_the_project(window)
    annotate(qtbot, window, "فروا", Qt.Key_1)  # after both: inserted below
    annotate(qtbot, window, "الجارديان نشرت", Qt.Key_2)  # between
    assert_list_is_the_project(window)
    assert window.ann_model.rowCount() == 4

    press(qtbot, window, Qt.Key_Delete)  # the active one, "الجارديان نشرت"
    assert_list_is_the_project(window)
    assert [a.quote for a in window.ann_model.rows] == ["البريطانية", "مواقع عراقية", "فروا"]
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)  # the deletion undone
    assert_list_is_the_project(window)
    assert window.ann_model.rowCount() == 4
    for _ in range(3):
        press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
        assert_list_is_the_project(window)
    assert window.ann_model.rowCount() == 1
    for _ in range(3):
        press(qtbot, window, Qt.Key_Z, Qt.ShiftModifier | Qt.ControlModifier)
        assert_list_is_the_project(window)
    assert [a.quote for a in window.ann_model.rows] == [
        "البريطانية", "مواقع عراقية", "الجارديان نشرت", "فروا"]


def test_boundary_moves_reorder_the_row_and_undo_puts_it_back(qtbot, window):
    annotate(qtbot, window, "عراقية", Qt.Key_2)
    annotate(qtbot, window, "أن الجارديان", Qt.Key_1)
    annotate(qtbot, window, "وأكدت مواقع", Qt.Key_1)
    assert [a.quote for a in window.ann_model.rows] == [
        "وأكدت مواقع", "عراقية", "أن الجارديان"]
    # the active "وأكدت مواقع" grows to the right past "عراقية"'s start: same place
    # in the order (its start is unchanged), the row changes in place
    press(qtbot, window, Qt.Key_Left, Qt.AltModifier | Qt.ShiftModifier)
    assert_list_is_the_project(window)
    assert window.ann_model.info_at(0).quote == "وأكدت مواقع عراقية"
    # its start moves forward past "عراقية"'s start: the row moves down
    press(qtbot, window, Qt.Key_Left, Qt.AltModifier)
    press(qtbot, window, Qt.Key_Left, Qt.AltModifier)
    assert_list_is_the_project(window)
    assert [a.quote for a in window.ann_model.rows] == ["عراقية", "عراقية", "أن الجارديان"]
    assert window.ann_model.info_at(1).category == "claim"
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert_list_is_the_project(window)
    assert window.ann_model.info_at(0).quote == "وأكدت مواقع عراقية"


def test_category_and_attribute_changes_update_the_row(qtbot, window):
    annotate(qtbot, window, "مواقع عراقية", Qt.Key_2)
    annotate(qtbot, window, "John Smith", Qt.Key_1)
    press(qtbot, window, Qt.Key_2)  # a hotkey on the active annotation recategorises it
    assert_list_is_the_project(window)
    assert window.ann_model.index(0, 0).data() == "Source"
    # the form for a source is new: it shows at the next turn of the event loop
    qtbot.waitUntil(lambda: window.attrs.first_editor().isVisible())
    press(qtbot, window, Qt.Key_F2)  # into the first attribute field: the source's name
    field = window.attrs.findChild(QLineEdit, "attr_name")
    assert field.hasFocus()
    QTest.keyClicks(field, "BBC")
    QTest.keyClick(field, Qt.Key_Return)
    assert window.project.annotation(window.active).attrs == {"name": "BBC"}
    assert_list_is_the_project(window)
    row = window.ann_model.row_of(window.active)
    assert window.ann_model.index(row, 2).data() == "BBC"
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert_list_is_the_project(window)
    assert window.ann_model.index(row, 2).data() == ""


def test_language_switch_renames_every_row(qtbot, window):
    annotate(qtbot, window, "مواقع عراقية", Qt.Key_2)
    annotate(qtbot, window, "John Smith", Qt.Key_1)
    window.set_language("ar")
    assert_list_is_the_project(window)
    names = {window.ann_model.index(r, 0).data() for r in range(2)}
    assert names == {window.codebook.category("source").name_ar,
                     window.codebook.category("claim").name_ar}
    window.set_language("en")
    assert_list_is_the_project(window)


def test_category_column_fits_the_names_in_the_article(qtbot, window):
    header = window.ann_table.horizontalHeader()
    fm = window.ann_table.fontMetrics()
    name = window.codebook.category("attribution").name_en
    before = header.sectionSize(AnnotationListModel.CATEGORY)
    annotate(qtbot, window, "وقال مسؤول", Qt.Key_4)  # "Attribution phrase": a long name
    width = header.sectionSize(AnnotationListModel.CATEGORY)
    assert width > before and width >= fm.horizontalAdvance(name)


def test_switching_articles_and_back_shows_each_articles_own_rows(qtbot, window):
    annotate(qtbot, window, "مواقع عراقية", Qt.Key_2)
    first = window.doc_id
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.doc_id != first
    assert window.ann_model.rowCount() == 0
    assert_list_is_the_project(window)
    press(qtbot, window, Qt.Key_PageUp, Qt.ControlModifier)
    assert window.doc_id == first
    assert_list_is_the_project(window)
    assert [a.quote for a in window.ann_model.rows] == ["مواقع عراقية"]


def test_import_appends_rows_and_keeps_the_open_article_selected(qtbot, window, tmp_path):
    annotate(qtbot, window, "مواقع عراقية", Qt.Key_2)
    current = window.doc_id
    new = tmp_path / "a.txt"
    new.write_text("خبر جديد\n\nنص الخبر عن الموصل.", encoding="utf-8")
    window.import_paths([new])
    m = window.doc_model
    qtbot.waitUntil(lambda: m.rowCount() == 3)  # read and stored off the GUI thread
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert [m.doc_at(r).id for r in range(m.rowCount())] == [
        d.id for d in window.project.documents()]
    assert [m.index(r, m.COUNT).data() for r in range(m.rowCount())] == [1, 0, 0]
    rows = window.doc_table.selectionModel().selectedRows()
    assert [window.doc_filter.mapToSource(i).row() for i in rows] == [m.row_of(current)]
    assert window.doc_id == current
    assert window.progress_label.text() == "0 of 3 done"
    window.import_summary.close()  # the summary of what was imported
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key_D, Qt.ControlModifier)  # mark done: the count follows
    assert window.progress_label.text() == "1 of 3 done"
