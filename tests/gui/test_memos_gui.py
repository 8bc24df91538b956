"""Memos in the desk: the annotation's note is saved while typing (after a pause, or at
once when the coder moves on), the "discuss" flag with a click, the article note per coder."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QPlainTextEdit

from annotator.gui.memos import DEBOUNCE_MS

from .conftest import ARTICLE, CODER, SECOND, span_of
from .test_desk import drag, press


def _annotate(qtbot, window, needle, key=Qt.Key_1):
    drag(qtbot, window.view, *span_of(ARTICLE, needle))
    press(qtbot, window, key)
    return window.project.annotation(window.active)


def type_keys(widget, text: str) -> None:
    """Key presses carrying each character, as an Arabic keyboard layout sends them
    (QTest.keyClicks only knows ASCII keys)."""
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def _click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.LeftButton, Qt.NoModifier, QPoint(8, widget.height() // 2))


def test_note_is_saved_while_typing_and_flag_by_click(qtbot, window):
    a = _annotate(qtbot, window, "غادر الموصل")
    note = window.attrs.findChild(QPlainTextEdit, "annotationNote")
    assert note.isVisible()
    _click(qtbot, note)
    type_keys(note, "Other: حزب")
    # no Enter, no leaving the field: the pause alone saves it
    qtbot.waitUntil(lambda: window.project.annotation(a.uuid).note == "Other: حزب",
                    timeout=DEBOUNCE_MS * 5)
    type_keys(note, " سياسي")
    qtbot.waitUntil(lambda: window.project.annotation(a.uuid).note == "Other: حزب سياسي",
                    timeout=DEBOUNCE_MS * 5)
    assert note.toPlainText() == "Other: حزب سياسي"  # the save's echo kept the typing

    flag = window.attrs.findChild(QCheckBox, "annotationFlag")
    _click(qtbot, flag)
    assert window.project.annotation(a.uuid).flag is True
    # undo of an attribute edit leaves the memo alone
    window.project.update_annotation(a.uuid, attrs={})
    assert window.project.annotation(a.uuid).note == "Other: حزب سياسي"


def test_note_typed_then_another_annotation_clicked_goes_to_the_first(qtbot, window):
    a = _annotate(qtbot, window, "غادر الموصل")
    note = window.attrs.findChild(QPlainTextEdit, "annotationNote")
    _click(qtbot, note)
    type_keys(note, "first")
    b = _annotate(qtbot, window, "مواقع عراقية")  # before the pause ends
    assert window.project.annotation(a.uuid).note == "first"
    assert window.project.annotation(b.uuid).note == ""
    assert note.toPlainText() == ""
    window.activate(a.uuid)
    assert note.toPlainText() == "first"


def test_article_note_per_article(qtbot, window):
    edit = window.article_note.edit
    assert edit.isVisible()
    _click(qtbot, edit)
    type_keys(edit, "مقال رأي")
    first = window.doc_id
    window.step_document(1)  # moving on saves at once
    assert window.project.document_note(first, CODER) == "مقال رأي"
    assert window.project.text(window.doc_id) == SECOND
    assert edit.toPlainText() == ""
    window.step_document(-1)
    assert edit.toPlainText() == "مقال رأي"


def test_comparison_window_shows_each_coders_note_and_flag(qtbot, tmp_path):
    from PySide6.QtGui import QUndoStack

    from annotator.core.importers.base import ImportedDocument
    from annotator.core.project import Project
    from annotator.gui.supervisor import ComparisonView

    text = "قالت صحيفة الجارديان إن المقاتل غادر الموصل. وأكدت مواقع عراقية ذلك."
    p = Project.create(tmp_path / "team.annot")
    [doc] = p.add_documents([ImportedDocument(text=text, title="t")]).added
    m = p.add_annotation(doc, "mona", "source", *span_of(text, "الجارديان"))
    p.add_annotation(doc, "ali", "source", *span_of(text, "صحيفة الجارديان"))
    p.set_note(m.uuid, "الصحيفة أم الصحفي؟")
    p.set_flag(m.uuid, True)
    for c in ("mona", "ali"):
        p.set_status(doc, c, "done")
    view = ComparisonView(p, doc, undo_stack=QUndoStack(), decided_by="sara")
    qtbot.addWidget(view)
    view.show()
    try:
        line = view.list.item(0).text()
        mona = next(ln for ln in line.splitlines() if "mona:" in ln)
        ali = next(ln for ln in line.splitlines() if "ali:" in ln)
        assert "discuss" in mona and "الصحيفة أم الصحفي؟" in mona
        assert "discuss" not in ali and "✎" not in ali
        cands = [view.candidates.item(i) for i in range(view.candidates.count())]
        [flagged] = [c for c in cands if "mona" in c.text()]
        assert "discuss" in flagged.text() and flagged.toolTip() == "الصحيفة أم الصحفي؟"
    finally:
        view.close()
        p.close()


def test_f1_lists_the_codebook_with_its_coding_rules(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton, QTextBrowser

    press(qtbot, window, Qt.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(QTextBrowser, "shortcutsHelp") is not None)
    text = window.findChild(QTextBrowser, "shortcutsHelp").toPlainText()
    claim = window.project.codebook().category("claim")
    assert "The codebook:" in text and claim.name_en in text
    assert " ".join(claim.description.split()[:4]) in " ".join(text.split())
    assert claim.attribute("claim_type").values[0].name_en in text
    # the palette carries the same rule as the category button's tooltip
    tips = [b.toolTip() for b in window.palette.findChildren(QAbstractButton)]
    assert claim.description in tips
