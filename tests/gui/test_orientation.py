"""Orientation on the desk (issue 10, items 8-12): one highlighted article, undo that says
what it does and shows where, highlights that select their row in Arabic too, incomplete
annotations named and stepped through, readable links."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QRegion
from PySide6.QtTest import QTest

from .conftest import ARTICLE, CODER, span_of
from .test_desk import drag, press, stored


class PaintSpy(QObject):
    """Collects what a widget repaints: a row left painted as selected is a row the view
    was never told to repaint."""

    def __init__(self, widget):
        super().__init__()
        self.region = QRegion()
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Paint:
            self.region = self.region.united(event.region())
        return False


def selected_rows(win) -> list[int]:
    return sorted({i.row() for i in win.doc_table.selectionModel().selectedIndexes()})


def test_stepping_articles_repaints_the_row_it_leaves(qtbot, window):
    t = window.doc_table
    first = t.visualRect(window.doc_filter.index(0, 0))
    QTest.qWait(50)
    spy = PaintSpy(t.viewport())
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    QTest.qWait(50)
    assert selected_rows(window) == [1]
    assert spy.region.contains(first.center()), "row 1 stays painted as selected"
    spy.region = QRegion()
    second = t.visualRect(window.doc_filter.index(1, 0))
    press(qtbot, window, Qt.Key_PageUp, Qt.ControlModifier)
    QTest.qWait(50)
    assert selected_rows(window) == [0]
    assert spy.region.contains(second.center())


def test_undo_in_another_article_repaints_the_list(qtbot, window):
    s, e = span_of(ARTICLE, "صحيفة")
    drag(qtbot, window.view, s, e)
    press(qtbot, window, Qt.Key_1)
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    QTest.qWait(50)
    t = window.doc_table
    second = t.visualRect(window.doc_filter.index(1, 0))
    spy = PaintSpy(t.viewport())
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    QTest.qWait(50)
    assert stored(window) == []
    assert selected_rows(window) == [0]
    assert spy.region.contains(second.center())


def click_word(window, needle: str, nth: int = 0) -> None:
    s, e = span_of(window.view.text, needle, nth)
    a, b = window.view.cursor_rect_at(s + 1).center(), window.view.cursor_rect_at(e - 1).center()
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier, (a + b) / 2)


def selected_annotation_rows(window) -> list[int]:
    return sorted({i.row() for i in window.ann_table.selectionModel().selectedIndexes()})


def test_clicking_a_highlight_selects_its_row_in_the_arabic_interface(qtbot, window):
    p = window.project
    for needle in ("صحيفة", "مواقع", "مسؤول"):
        p.add_annotation(window.doc_id, CODER, "source", *span_of(ARTICLE, needle))
    window.set_language("ar")
    QTest.qWait(50)
    click_word(window, "مسؤول")
    uuid = window.active
    assert uuid is not None and window.view.annotations[uuid].quote == "مسؤول"
    row = window.ann_model.row_of(uuid)
    assert selected_annotation_rows(window) == [row]
    click_word(window, "صحيفة")
    assert selected_annotation_rows(window) == [window.ann_model.row_of(window.active)]
    window.ann_table.grab().save("/tmp/shots/ann_ar.png")


# --- 9. undo and redo say what and where ------------------------------------------------------


def edit_menu_texts(window) -> dict[str, tuple[str, bool]]:
    from annotator.gui.actions import Act

    out = {}
    for act in (Act.UNDO, Act.REDO):
        a = window.acts[act]
        assert a in window.edit_menu.actions()
        out[act.name] = (a.text().split("\t")[0].replace("&", ""), a.isEnabled())
    return out


def test_undo_and_redo_are_off_on_a_fresh_start(qtbot, window):
    assert edit_menu_texts(window) == {"UNDO": ("Undo", False), "REDO": ("Redo", False)}
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)  # nothing happens, nothing breaks


def test_undo_names_the_action_in_the_menu_and_tooltip(qtbot, window):
    from annotator.gui.actions import Act

    s, e = span_of(ARTICLE, "صحيفة الجارديان")
    drag(qtbot, window.view, s, e)
    press(qtbot, window, Qt.Key_2)
    texts = edit_menu_texts(window)
    assert texts["UNDO"] == ("Undo: add Source «\u2068صحيفة الجارديان\u2069»", True)
    assert texts["REDO"] == ("Redo", False)
    assert window.acts[Act.UNDO].toolTip() == "Undo: add Source «\u2068صحيفة الجارديان\u2069»"
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    texts = edit_menu_texts(window)
    assert texts["UNDO"] == ("Undo", False)
    assert texts["REDO"] == ("Redo: add Source «\u2068صحيفة الجارديان\u2069»", True)


def test_undo_in_another_article_opens_it_and_selects_the_span(qtbot, window):
    first = window.doc_id
    # add a span, move on, undo the add: the first article shows where it was
    s, e = span_of(ARTICLE, "مواقع عراقية")
    drag(qtbot, window.view, s, e)
    press(qtbot, window, Qt.Key_2)
    window.view.verticalScrollBar().setValue(0)
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.doc_id != first
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.doc_id == first and stored(window) == []
    assert window.view.selection_span() == (s, e)  # where it was
    assert "مواقع عراقية" in window.statusBar().currentMessage()
    # redo from the other article: the span is back and selected as the active one
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.doc_id == first
    [a] = window.project.annotations(first, coder=CODER)
    assert window.active == a.uuid
    assert window.ann_table.selectionModel().selectedRows()[0].row() == \
        window.ann_model.row_of(a.uuid)
    rect = window.view.cursor_rect_at(a.start)
    assert window.view.viewport().rect().contains(rect.center())  # scrolled into view


# --- 11. marking done names the incomplete annotations -----------------------------------------


def test_marking_done_names_incomplete_annotations_and_f8_steps_through_them(qtbot, window):
    from annotator.gui.models import AnnotationListModel

    p = window.project
    full = p.add_annotation(window.doc_id, CODER, "source", *span_of(ARTICLE, "صحيفة"),
                            attrs={"type": "foreign_media"})
    lacking = [p.add_annotation(window.doc_id, CODER, cat, *span_of(ARTICLE, needle))
               for cat, needle in (("source", "مواقع عراقية"), ("claim", "نشرت وثائق"))]
    press(qtbot, window, Qt.Key_D, Qt.ControlModifier)
    msg = window.statusBar().currentMessage()
    assert "مواقع عراقية" in msg and "نشرت وثائق" in msg and "صحيفة" not in msg, msg
    # the list marks exactly the two
    m = window.ann_model
    marked = {m.info_at(r).uuid for r in range(m.rowCount())
              if m.index(r, AnnotationListModel.ATTRS).data(Qt.DecorationRole) is not None}
    assert marked == {a.uuid for a in lacking}
    assert "Source type" in m.index(m.row_of(lacking[0].uuid), AnnotationListModel.ATTRS).data(
        Qt.ToolTipRole)
    # F8, F8 again, then round to the first; Shift+F8 back
    press(qtbot, window, Qt.Key_F8)
    assert window.active == lacking[0].uuid
    assert window.ann_table.selectionModel().selectedRows()[0].row() == m.row_of(window.active)
    press(qtbot, window, Qt.Key_F8)
    assert window.active == lacking[1].uuid
    press(qtbot, window, Qt.Key_F8)
    assert window.active == lacking[0].uuid
    press(qtbot, window, Qt.Key_F8, Qt.ShiftModifier)
    assert window.active == lacking[1].uuid
    # the status bar's button steps too, and goes once all are complete
    button = window.incomplete_button
    qtbot.waitUntil(lambda: button.isVisible() and "2" in button.text(), timeout=1000)
    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.active == lacking[0].uuid
    p.update_annotation(lacking[0].uuid, attrs={"type": "websites"})
    p.update_annotation(lacking[1].uuid, attrs={"claim_type": "factual",
                                                "attribution": "paraphrase"})
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=1000)
    assert window.active != full.uuid


# --- 12. the Links box -----------------------------------------------------------------------


def _linked_pair(window):
    p = window.project
    claim = p.add_annotation(window.doc_id, CODER, "claim", *span_of(
        ARTICLE, "المقاتل John Smith غادر الموصل في 2017"))
    source = p.add_annotation(window.doc_id, CODER, "source", *span_of(
        ARTICLE, "صحيفة الجارديان 😀 البريطانية"))
    p.add_relation("attributed_to", claim.uuid, source.uuid, CODER)
    return claim, source


def link_texts(window) -> list[str]:
    return [window.attrs.links.item(i).text() for i in range(window.attrs.links.count())]


def test_links_read_from_the_selected_side_and_wrap(qtbot, window):
    window.resize(1024, 640)
    _linked_pair(window)
    click_word(window, "غادر")
    assert link_texts(window) == ["attributed to source \u2068«صحيفة الجارديان 😀 "
                                  "البريطانية»\u2069"]
    click_word(window, "صحيفة")
    [text] = link_texts(window)
    assert text == "Source of claim \u2068«المقاتل John Smith غادر الموصل في 2017»\u2069"
    links = window.attrs.links
    QTest.qWait(50)
    assert not links.horizontalScrollBar().isVisible()
    rect = links.visualItemRect(links.item(0))
    assert rect.width() <= links.viewport().width()
    assert rect.height() > 1.5 * links.fontMetrics().height()  # wrapped to two lines
    window.grab().save("/tmp/shots/links_en.png")


def test_links_in_the_arabic_interface(qtbot, window):
    _linked_pair(window)
    window.set_language("ar")
    click_word(window, "غادر")
    assert link_texts(window)[0].startswith("منسوب إلى مصدر \u2068«صحيفة")
    click_word(window, "صحيفة")
    assert link_texts(window)[0].startswith("مصدر ادعاء \u2068«المقاتل")
    window.grab().save("/tmp/shots/links_ar.png")
