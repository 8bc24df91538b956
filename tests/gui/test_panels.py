"""Find, attributes (with the folded completer), relations, the whole-article code, the
document list and status, the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit

from annotator.gui import i18n
from annotator.gui.attribute_panel import FoldCompleter

from .conftest import ARTICLE, CODER, span_of
from .test_desk import drag, press, stored

# --- find ------------------------------------------------------------------------------------


def test_find_ignores_hamza_diacritics_and_annotates_all_in_one_step(qtbot, window):
    press(qtbot, window, Qt.Key_F, Qt.ControlModifier)
    assert window.find.isVisible()
    # QTest cannot synthesise Arabic key events; insert() is what an input method does
    window.find.query.insert("الجاردیان")  # Persian ya: folds like the rest
    hits = window.find.hits
    # two plain spellings and one with harakat (the match keeps its diacritics)
    assert [ARTICLE[s:e] for s, e in hits] == ["الجارديان", "الجارديان", "الْجَارِدْيَان"]
    assert window.view.extraSelections()  # hits are shown
    assert window.find.count.text() == "1 of 3"
    press(qtbot, window, Qt.Key_F3)
    assert window.find.current == 1
    assert window.view.selection_span() == hits[1]
    window.find.category.setCurrentIndex(window.find.category.findData("source"))
    qtbot.mouseClick(window.find.annotate_button, Qt.LeftButton)
    assert sorted(stored(window)) == sorted(("source", s, e, ARTICLE[s:e]) for s, e in hits)
    assert window.undo.count() == 1
    window.do_undo()
    assert stored(window) == []
    window.do_redo()
    assert len(stored(window)) == 3


def test_find_across_the_project_opens_the_article(qtbot, window):
    window.find.open(project_wide=True)
    window.find.query.setText("الموصل")
    results = window.find.results
    assert results.isVisible() and results.count() == 2  # one in each article
    other = next(i for i in range(results.count())
                 if results.item(i).data(Qt.UserRole)[0] != window.doc_id)
    item = results.item(other)
    results.itemActivated.emit(item)
    d, s, e = item.data(Qt.UserRole)
    assert window.doc_id == d
    assert window.view.selection_span() == (s, e)


# --- attributes ------------------------------------------------------------------------------


def _source(window, needle, nth=0, **attrs):
    a = window.project.add_annotation(window.doc_id, CODER, "source",
                                      *span_of(ARTICLE, needle, nth), attrs=attrs)
    window.activate(a.uuid)
    return a


def test_attribute_edits_are_stored_at_once_and_undoable(qtbot, window):
    a = _source(window, "مواقع عراقية")
    combo = window.attrs.findChild(QComboBox, "attr_type")
    combo.setCurrentIndex(combo.findData("websites"))
    combo.activated.emit(combo.currentIndex())
    assert window.project.annotation(a.uuid).attrs == {"type": "websites"}
    box = window.attrs.findChild(QCheckBox, "attr_named")
    box.setChecked(True)
    assert window.project.annotation(a.uuid).attrs == {"type": "websites", "named": True}
    window.do_undo()
    assert window.project.annotation(a.uuid).attrs == {"type": "websites"}
    assert not window.attrs.findChild(QCheckBox, "attr_named").isChecked()


def test_source_name_completer_matches_with_arabic_folding(qtbot, window):
    _source(window, "الجارديان", name="الجارديان")
    b = _source(window, "الجارديان", nth=1)
    edit = window.attrs.findChild(QLineEdit, "attr_name")
    completer = edit.completer()
    assert isinstance(completer, FoldCompleter)
    window.activateWindow()
    edit.setFocus()  # names are loaded when the field is entered
    QCoreApplication.processEvents()
    completer.setCompletionPrefix("الْجارْدِيان")  # harakat typed: still the stored name
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "الجارديان"
    completer.setCompletionPrefix("جاردي")  # contains, not only prefix
    assert completer.completionCount() == 1
    completer.activated.emit("الجارديان")
    assert window.project.annotation(b.uuid).attrs == {"name": "الجارديان"}


def test_text_attribute_typed_and_finished(qtbot, window):
    a = _source(window, "مسؤول")
    edit = window.attrs.findChild(QLineEdit, "attr_name")
    edit.setFocus()
    edit.insert("مسؤول حكومي")
    assert window.project.annotation(a.uuid).attrs == {}  # digits typed here never annotate
    QTest.keyClick(edit, Qt.Key_Return)
    assert window.project.annotation(a.uuid).attrs == {"name": "مسؤول حكومي"}


def test_typing_digits_in_an_attribute_does_not_trigger_hotkeys(qtbot, window):
    a = _source(window, "مسؤول")
    edit = window.attrs.findChild(QLineEdit, "attr_name")
    window.activateWindow()
    edit.setFocus()
    QTest.keyClicks(edit, "12")
    QTest.keyClick(edit, Qt.Key_Return)
    assert window.project.annotation(a.uuid).attrs == {"name": "12"}
    assert window.project.annotation(a.uuid).category == "source"


# --- relations -------------------------------------------------------------------------------


def test_link_claim_to_source_with_l_then_click(qtbot, window):
    p, d = window.project, window.doc_id
    src = p.add_annotation(d, CODER, "source", *span_of(ARTICLE, "صحيفة الجارديان"))
    claim = p.add_annotation(d, CODER, "claim", *span_of(ARTICLE, "غادر الموصل في 2017"))
    window.activate(claim.uuid)
    press(qtbot, window, Qt.Key_L)
    assert window.linking == claim.uuid
    s, _e = span_of(ARTICLE, "صحيفة الجارديان")
    qtbot.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier,
                     window.view.cursor_rect_at(s + 3).center())
    [r] = p.relations(d)
    assert (r.type, r.from_uuid, r.to_uuid, r.coder) == ("attributed_to", claim.uuid,
                                                         src.uuid, CODER)
    assert window.linking is None
    assert window.attrs.links.count() == 1  # the claim's panel lists the link
    qtbot.mouseClick(window.attrs.unlink_button, Qt.LeftButton)
    assert p.relations(d) == []
    window.do_undo()
    assert [x.uuid for x in p.relations(d)] == [r.uuid]


def test_link_by_selecting_the_source_and_escape_cancels(qtbot, window):
    p, d = window.project, window.doc_id
    src = p.add_annotation(d, CODER, "source", *span_of(ARTICLE, "مواقع عراقية"))
    claim = p.add_annotation(d, CODER, "claim", *span_of(ARTICLE, "نشرت وثائق جديدة"))
    window.activate(claim.uuid)
    press(qtbot, window, Qt.Key_L)
    press(qtbot, window, Qt.Key_Escape)
    assert window.linking is None
    press(qtbot, window, Qt.Key_L)
    drag(qtbot, window.view, *span_of(ARTICLE, "مواقع عراقية"))
    assert [(r.from_uuid, r.to_uuid) for r in p.relations(d)] == [(claim.uuid, src.uuid)]


def test_link_refused_between_wrong_categories(qtbot, window):
    p, d = window.project, window.doc_id
    c1 = p.add_annotation(d, CODER, "claim", *span_of(ARTICLE, "مواقع عراقية"))
    c2 = p.add_annotation(d, CODER, "claim", *span_of(ARTICLE, "نشرت وثائق جديدة"))
    window.activate(c1.uuid)
    window.start_linking()
    window.link_to(c2.uuid)
    assert p.relations(d) == []
    assert "cannot be linked" in window.statusBar().currentMessage()


# --- whole article, documents, status --------------------------------------------------------


def test_document_level_category_from_the_list(qtbot, window):
    combo = window.palette.doc_combo
    combo.setCurrentIndex(combo.findData("article"))
    combo.activated.emit(combo.currentIndex())
    [a] = window.project.annotations(window.doc_id)
    assert (a.category, a.start, a.end, a.quote) == ("article", 0, 0, "")
    genre = window.attrs.findChild(QComboBox, "attr_genre")  # its attributes are shown
    genre.setCurrentIndex(genre.findData("translated_report"))
    genre.activated.emit(genre.currentIndex())
    assert window.project.annotation(a.uuid).attrs == {"genre": "translated_report"}
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert window.project.annotations(window.doc_id) == []


def test_mark_done_next_previous_filter_and_status_bar(qtbot, window):
    first = window.doc_id
    assert "0 of 2 done" in window.progress_label.text()
    assert CODER in window.coder_label.text()
    press(qtbot, window, Qt.Key_D, Qt.ControlModifier)
    assert window.project.status(first, CODER) == "done"
    assert "1 of 2 done" in window.progress_label.text()
    assert window.save_label.text().startswith("Saved")
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    second = window.doc_id
    assert second != first
    press(qtbot, window, Qt.Key_PageUp, Qt.ControlModifier)
    assert window.doc_id == first
    window.do_undo()
    assert window.project.status(first, CODER) != "done"
    window.doc_search.setText("الثانى")  # alef maqsura folds to ya in the title filter
    assert window.doc_filter.rowCount() == 1
    window.doc_table.setCurrentIndex(window.doc_filter.index(0, 0))
    assert window.doc_id == second


def test_document_list_counts_follow_annotations(qtbot, window):
    model = window.doc_model
    window.view.select_span(*span_of(ARTICLE, "مسؤول"))
    press(qtbot, window, Qt.Key_1)
    assert model.counts[window.doc_id] == 1
    assert model.status[window.doc_id] == "in_progress"
    window.do_undo()
    assert model.counts[window.doc_id] == 0


def test_import_files_from_the_desk(qtbot, window, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("خبر جديد\n\nنص الخبر عن الموصل.", encoding="utf-8")
    window.import_paths([good])
    qtbot.waitUntil(lambda: window.doc_model.rowCount() == 3)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    bad = tmp_path / "b.pdf"
    bad.write_bytes(b"%PDF")
    window.import_summary.close()
    window.import_paths([bad])
    qtbot.waitUntil(lambda: window.import_summary.isVisible()
                    and not window.import_summary.asking)
    assert "unsupported file type" in window.import_summary.skipped.item(0).text()
    assert window.doc_model.rowCount() == 3


# --- language --------------------------------------------------------------------------------


def test_switch_to_arabic_mirrors_and_translates_then_back(qtbot, window):
    window.set_language("ar")
    QCoreApplication.processEvents()
    assert QApplication.layoutDirection() == Qt.RightToLeft
    assert window.layoutDirection() == Qt.RightToLeft
    assert window.file_menu.title() == "ملف"
    assert window.edit_menu.title() == "تحرير"
    assert window.palette.buttons["claim"].text().endswith("ادعاء")
    assert window.settings.value("language") == "ar"
    # the article stays right-aligned in absolute terms whatever the interface direction
    assert window.view.document().defaultTextOption().alignment() & Qt.AlignAbsolute
    window.set_language("en")
    assert QApplication.layoutDirection() == Qt.LeftToRight
    assert window.file_menu.title() == "&File"
    assert i18n.current() == "en"


def test_every_source_string_has_an_arabic_translation():
    import xml.etree.ElementTree as ET

    from annotator.resources import I18N

    root = ET.parse(I18N / "annotator_ar.ts").getroot()
    unfinished = [m.find("source").text for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"
                  or not (m.find("translation").text or "").strip()]
    assert unfinished == []
    assert (I18N / "annotator_ar.qm").stat().st_mtime >= 0
