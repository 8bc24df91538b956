"""Defects from the first-day UX review of the coder's desk, each driven through the real
widgets: keys go to the focused widget of the active window, through the shortcut map."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QTextBrowser,
)

from annotator.cli import main as cli_main
from annotator.core.project import Project
from annotator.gui import find, models
from annotator.gui.actions import Act
from annotator.gui.models import STATUS_COLOURS

from .conftest import ARTICLE, CODER, span_of
from .test_desk import press

FSI, PDI, LRM = "\u2068", "\u2069", "\u200e"
RTL = Qt.AlignRight | Qt.AlignAbsolute | Qt.AlignVCenter  # "right" even when mirrored


def activate_window(qtbot, win) -> None:
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)


def source(win, needle, nth=0, **attrs):
    a = win.project.add_annotation(win.doc_id, CODER, "source",
                                   *span_of(ARTICLE, needle, nth), attrs=attrs)
    win.activate(a.uuid)
    QCoreApplication.processEvents()  # new fields are shown from the event loop
    return a


def type_name(qtbot, win, text: str) -> QLineEdit:
    """Into the Source's name field, without Enter (QTest cannot type Arabic keys;
    insert() is what an input method does)."""
    activate_window(qtbot, win)
    edit = win.attrs.findChild(QLineEdit, "attr_name")
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.insert(text)
    return edit


# --- 1. a typed value is never lost ----------------------------------------------------------


def test_typed_name_survives_ctrl_pagedown(qtbot, window):
    a = source(window, "مواقع عراقية")
    first = window.doc_id
    edit = type_name(qtbot, window, "وزارة")
    QTest.keyClick(edit, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.doc_id != first  # the shortcut did move on
    assert window.project.annotation(a.uuid).attrs == {"name": "وزارة"}
    window.do_undo()  # it is an ordinary undoable edit (and undo shows its article)
    assert window.doc_id == first
    assert window.project.annotation(a.uuid).attrs == {}


def test_typed_name_survives_another_annotation_a_language_switch_and_closing(
        qtbot, window, project):
    a = source(window, "مواقع عراقية")
    b = source(window, "مسؤول")
    window.activate(a.uuid)
    type_name(qtbot, window, "وزارة")
    window.activate(b.uuid)  # as the links list and the annotation table do
    assert project.annotation(a.uuid).attrs == {"name": "وزارة"}
    type_name(qtbot, window, "مسؤول حكومي")
    window.set_language("ar")
    assert project.annotation(b.uuid).attrs == {"name": "مسؤول حكومي"}
    window.set_language("en")
    edit = type_name(qtbot, window, " كبير")
    assert edit.text() == "مسؤول حكومي كبير"
    path = project.path
    window.close()
    with Project.open(path, readonly=True) as p:
        assert p.annotation(b.uuid).attrs == {"name": "مسؤول حكومي كبير"}


def test_typed_name_survives_switching_coder(qtbot, window):
    a = source(window, "مواقع عراقية")
    type_name(qtbot, window, "وزارة")
    window.set_coder("Sami")
    assert window.project.annotation(a.uuid).attrs == {"name": "وزارة"}
    assert window.undo.count() == 0  # Sami's desk starts with Sami's (empty) history


# --- 2. Escape in a field ----------------------------------------------------------------------


def test_escape_in_a_field_reverts_it_keeps_the_selection_and_gives_focus_to_the_article(
        qtbot, window):
    # issue 10 item 6: Escape puts the stored value back and never stores
    a = source(window, "مواقع عراقية")
    edit = type_name(qtbot, window, "وزارة")
    QTest.keyClick(edit, Qt.Key_Escape)
    assert window.project.annotation(a.uuid).attrs == {}
    assert edit.text() == ""
    assert window.active == a.uuid
    assert window.attrs.info.uuid == a.uuid
    assert QApplication.focusWidget() is window.view
    # a second Escape, now in the article, deselects, and focus stays in the article
    QTest.keyClick(window.view, Qt.Key_Escape)
    assert window.active is None
    assert QApplication.focusWidget() is window.view


def test_escape_leaving_link_mode_gives_focus_to_the_article(qtbot, window):
    p, d = window.project, window.doc_id
    claim = p.add_annotation(d, CODER, "claim", *span_of(ARTICLE, "نشرت وثائق جديدة"))
    window.activate(claim.uuid)
    activate_window(qtbot, window)
    qtbot.mouseClick(window.attrs.link_button, Qt.LeftButton)
    assert window.linking == claim.uuid
    window.attrs.link_button.setFocus()
    QTest.keyClick(window.attrs.link_button, Qt.Key_Escape)
    assert window.linking is None
    assert QApplication.focusWidget() is window.view


# --- 3. Tab reaches the attribute fields -----------------------------------------------------


def test_tab_goes_from_the_category_to_the_fields_and_leaves_the_tables(qtbot, window):
    source(window, "مواقع عراقية")
    activate_window(qtbot, window)
    window.attrs.category.setFocus()
    qtbot.waitUntil(window.attrs.category.hasFocus)
    QTest.keyClick(window.attrs.category, Qt.Key_Tab)
    assert QApplication.focusWidget() is window.attrs.editors["name"]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is window.attrs.editors["type"]
    for table in (window.ann_table, window.doc_table):
        assert not table.tabKeyNavigation()
    window.ann_table.setFocus()
    qtbot.waitUntil(window.ann_table.hasFocus)
    QTest.keyClick(window.ann_table, Qt.Key_Tab)
    assert QApplication.focusWidget() is not window.ann_table


def test_f2_jumps_to_the_first_attribute_field(qtbot, window):
    press(qtbot, window, Qt.Key_F2)  # nothing selected: a hint, focus stays
    assert "attributes first" in window.statusBar().currentMessage()
    source(window, "مواقع عراقية")
    press(qtbot, window, Qt.Key_F2)
    assert QApplication.focusWidget() is window.attrs.editors["name"]
    assert Act.EDIT_ATTRIBUTES.shortcuts == ("F2",)
    window.set_language("ar")
    assert window.acts[Act.EDIT_ATTRIBUTES].text().startswith("تحرير السمات")


# --- 4. Qt's own buttons in Arabic ----------------------------------------------------------


def test_standard_buttons_read_arabic_after_switching(qtbot, window):
    window.set_language("ar")
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    qtbot.addWidget(box)
    ok = box.button(QDialogButtonBox.Ok).text().replace("&", "")
    cancel = box.button(QDialogButtonBox.Cancel).text().replace("&", "")
    assert ok != "OK" and _arabic(ok)
    assert cancel != "Cancel" and _arabic(cancel)
    window.set_language("en")
    box = QDialogButtonBox(QDialogButtonBox.Ok)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.Ok).text().replace("&", "") == "OK"


def _arabic(text: str) -> bool:
    return any(unicodedata.bidirectional(c) == "AL" for c in text)


# --- 5. Arabic right-aligned in lists in the English interface ------------------------------


def test_arabic_cells_are_right_aligned_and_the_quote_stretches(qtbot, window):
    assert models.RTL_ALIGN == RTL
    a = source(window, "مواقع عراقية", name="وزارة")
    b = source(window, "John Smith", name="John")
    m = window.ann_model
    ra, rb = m.row_of(a.uuid), m.row_of(b.uuid)
    for col in (m.QUOTE, m.ATTRS):
        assert m.index(ra, col).data(Qt.TextAlignmentRole) == int(RTL)
        assert m.index(rb, col).data(Qt.TextAlignmentRole) is None  # Latin: the default
    d = window.doc_model
    assert d.index(0, d.TITLE).data(Qt.TextAlignmentRole) == int(RTL)
    h = window.ann_table.horizontalHeader()
    assert h.sectionResizeMode(m.QUOTE) == h.ResizeMode.Stretch
    assert not h.stretchLastSection()
    assert h.sectionSize(m.QUOTE) > h.sectionSize(m.ATTRS)


def test_name_completer_popup_reads_right_to_left(qtbot, window):
    source(window, "الجارديان", name="الجارديان")
    source(window, "مسؤول")
    type_name(qtbot, window, "")
    popup = window.attrs.editors["name"].completer().popup()
    assert popup.layoutDirection() == Qt.RightToLeft
    model = window.attrs.editors["name"].completer().model()
    assert model.index(0, 0).data(Qt.TextAlignmentRole) == int(RTL)


# --- 6. project-wide find results -----------------------------------------------------------


def test_project_find_results_are_two_columns_with_an_isolated_match(qtbot, window):
    window.find.open(project_wide=True)
    window.find.query.setText("الموصل")
    results = window.find.results
    assert isinstance(results.itemDelegate(), find.ResultDelegate)
    item = results.item(0)
    title, before, match, after = item.data(find.HIT_ROLE)
    assert title == "مقال الاختبار" and match == "الموصل"
    assert len(before) <= 30 and len(after) <= 30
    assert f"{FSI}{match}{PDI}" in item.text()
    assert item.text().startswith(f"{FSI}{title}{PDI}\t")
    results.resize(700, 120)
    assert not results.grab().isNull()  # the delegate paints without error


# --- 7. the shortcuts page mirrored ----------------------------------------------------------


def test_shortcuts_help_is_mirrored_in_arabic(qtbot, window):
    window.set_language("ar")
    activate_window(qtbot, window)
    QTest.keyClick(window.view, Qt.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(QTextBrowser, "shortcutsHelp") is not None)
    view = window.findChild(QTextBrowser, "shortcutsHelp")
    doc = view.document()
    block = doc.begin()
    keys = None
    while block.isValid():
        if "1 … 9" in block.text():
            keys = block
        if block.text().strip() and "1" not in block.text():
            assert block.textDirection() == Qt.RightToLeft, block.text()
        block = block.next()
    assert keys is not None
    line = keys.layout().lineAt(0)
    i1, i9 = keys.text().index("1"), keys.text().index("9")
    assert line.cursorToX(i1)[0] < line.cursorToX(i9)[0]  # reads "1 … 9", not "9 … 1"
    html = view.toHtml()
    assert 'dir="rtl"' in html or "direction: rtl" in html or \
        doc.begin().textDirection() == Qt.RightToLeft


# --- 8. guillemets in the links list ---------------------------------------------------------


def test_link_labels_isolate_the_quoted_arabic(qtbot, window):
    p, d = window.project, window.doc_id
    src = p.add_annotation(d, CODER, "source", *span_of(ARTICLE, "مواقع عراقية"))
    claim = p.add_annotation(d, CODER, "claim", *span_of(ARTICLE, "نشرت وثائق جديدة"))
    p.add_relation("attributed_to", claim.uuid, src.uuid, CODER)
    window.relations = p.relations(d, coder=CODER)
    window.activate(claim.uuid)
    label = window.attrs.links.item(0).text()
    assert label.endswith(f"{FSI}«مواقع عراقية»{PDI}")


# --- 9. no stale link hint -------------------------------------------------------------------


def test_link_hint_goes_when_the_article_changes(qtbot, window):
    p, d = window.project, window.doc_id
    claim = p.add_annotation(d, CODER, "claim", *span_of(ARTICLE, "نشرت وثائق جديدة"))
    window.activate(claim.uuid)
    press(qtbot, window, Qt.Key_L)
    assert "Esc cancels" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.linking is None
    assert window.statusBar().currentMessage() == ""


# --- 10. small ones --------------------------------------------------------------------------


def test_arabic_menus_keep_shortcuts_left_to_right_and_mnemonics_at_word_starts(
        qtbot, window):
    window.set_language("ar")
    settings = window.acts[Act.SETTINGS]
    assert settings.text().endswith(f"\t{LRM}Ctrl+,{LRM}")
    assert "\t" not in settings.iconText()
    restore = window.acts[Act.RESTORE_BACKUP].text()
    assert "&" not in restore[1:]  # never inside a word («ا&سترجاع»)
    window.set_language("en")
    assert settings.text() == "&Settings…"


def test_last_article_says_so(qtbot, window):
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    last = window.doc_id
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.doc_id == last
    assert window.statusBar().currentMessage() == "This is the last article."


def test_undo_with_the_title_filter_shows_and_selects_the_article(qtbot, window):
    first = window.doc_id
    window.view.select_span(*span_of(ARTICLE, "مسؤول"))
    press(qtbot, window, Qt.Key_1)
    window.doc_search.setText("الثاني")
    window.doc_table.setCurrentIndex(window.doc_filter.index(0, 0))
    assert window.doc_id != first
    window.do_undo()
    assert window.doc_id == first
    current = window.doc_filter.mapToSource(window.doc_table.currentIndex())
    assert window.doc_model.doc_at(current.row()).id == first
    assert window.doc_search.text() == ""


def test_marking_done_with_a_required_attribute_missing_names_it(qtbot, window):
    source(window, "مواقع عراقية")  # "type" is required
    source(window, "مسؤول", type="government_official")
    press(qtbot, window, Qt.Key_D, Qt.ControlModifier)
    assert window.project.status(window.doc_id, CODER) == "done"  # still allowed
    msg = window.statusBar().currentMessage()
    # issue 10 item 11: the incomplete one by name, not only a count
    assert "(*): Source «\u2068مواقع عراقية\u2069»." in msg and "مسؤول" not in msg, msg


def _contrast(fg: str, bg: str = "#ffffff") -> float:
    def lum(c: str) -> float:
        q = QColor(c)
        ch = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
              for x in (q.redF(), q.greenF(), q.blueF())]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("status", ["todo", "in_progress", "done"])
def test_status_colours_are_readable(status):
    assert _contrast(STATUS_COLOURS[status]) >= 4.5


def test_render_names_an_unknown_coder(tmp_path, project, capsys):
    path = project.path
    project.close()
    out = tmp_path / "x.png"
    assert cli_main(["render", str(path), "--doc", "1", "--coder", "Nobody", "--out",
                     str(out)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "error: no coder named Nobody"
    assert not out.exists()


def test_translations_exist_for_the_new_strings():
    from annotator.gui import i18n

    i18n.install("ar")
    try:
        for src, ctx in (("This is the last article.", "MainWindow"),
                         ("Edit &attributes", "Actions")):
            assert QCoreApplication.translate(ctx, src) != src
    finally:
        i18n.install("en")
