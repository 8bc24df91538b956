"""The codebook editor, driven as a supervisor does: build a codebook from scratch with
the mouse and keyboard (keys, names in both languages, a choice attribute with values, a
relation), code with it in the desk, revise it (a new version), merge a value into another
and undo/redo that; hotkey clashes refused as typed; Arabic mirrors the editor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project
from annotator.gui.codebook_editor import CodebookEditor, readable

from .conftest import CODER
from .test_desk import drag, press

TEXT = "قالت صحيفة الجارديان إن المقاتل غادر الموصل في 2017، وأكدت مواقع عراقية ذلك."


def type_keys(widget, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks knows only ASCII keys)."""
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def click(qtbot, w) -> None:
    qtbot.mouseClick(w, Qt.LeftButton)


def fill(qtbot, field, text: str) -> None:
    """Click into the field, select what is there, type, and Tab away (as a person)."""
    qtbot.mouseClick(field, Qt.LeftButton, Qt.NoModifier, QPoint(5, field.height() // 2))
    field.setFocus()
    QTest.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    if text.isascii():
        QTest.keyClicks(field, text)
    else:
        type_keys(field, text)
    QTest.keyClick(field, Qt.Key_Return)


def click_item(qtbot, ed, label_part: str) -> None:
    items = ed.tree.findItems(label_part, Qt.MatchContains | Qt.MatchRecursive)
    assert items, label_part
    rect = ed.tree.visualItemRect(items[0])
    qtbot.mouseClick(ed.tree.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())


def name_entry(qtbot, ed, key, en, ar, rule=None) -> None:
    fill(qtbot, ed.f_key, key)
    fill(qtbot, ed.f_name_en, en)
    fill(qtbot, ed.f_name_ar, ar)
    if rule:
        qtbot.mouseClick(ed.f_desc_en.viewport(), Qt.LeftButton)
        ed.f_desc_en.setFocus()
        QTest.keyClicks(ed.f_desc_en, rule)
        QTest.keyClick(ed.f_desc_en, Qt.Key_Tab)


def focus_tree(qtbot, ed) -> None:
    ed.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ed)
    ed.tree.setFocus()
    qtbot.waitUntil(ed.tree.hasFocus)


def editor(qtbot, project, **kw) -> CodebookEditor:
    ed = CodebookEditor(project, author="sara", **kw)
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    ed.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ed)
    return ed


def test_build_code_revise_recode(qtbot, tmp_path, monkeypatch):
    p = Project.create(tmp_path / "new.annot")
    p.add_documents([ImportedDocument(text=TEXT, title="t")])
    ed = editor(qtbot, p, start_empty=True)
    assert ed.tree.topLevelItemCount() == 0

    click(qtbot, ed.buttons["add_category"])
    name_entry(qtbot, ed, "claim", "Claim", "ادعاء", "A statement presented as fact.")
    click(qtbot, ed.buttons["add_category"])
    name_entry(qtbot, ed, "source", "Source", "مصدر")
    assert [(c.key, c.hotkey) for c in ed.cb.categories] == [("claim", "1"), ("source", "2")]
    # a clash is refused as it is typed, with the reason
    fill(qtbot, ed.f_hotkey, "1")
    assert ed.cb.category("source").hotkey == "2" and ed.f_hotkey.text() == "2"
    assert "already the key of 'Claim'" in ed.f_hotkey_msg.text()

    click_item(qtbot, ed, "[claim]")
    click(qtbot, ed.buttons["add_attribute"])
    name_entry(qtbot, ed, "claim_type", "Claim type", "نوع الادعاء")
    ed.f_type.setFocus()
    QTest.keyClick(ed.f_type, Qt.Key_Up)  # text -> choice
    assert ed.cb.category("claim").attribute("claim_type").type == "choice"
    assert ed.buttons["add_value"].isEnabled()
    click(qtbot, ed.buttons["add_value"])
    name_entry(qtbot, ed, "factual", "Factual", "واقعي")
    click(qtbot, ed.buttons["add_value"])
    name_entry(qtbot, ed, "opinion", "Opinion", "رأي")
    click(qtbot, ed.buttons["add_relation"])
    name_entry(qtbot, ed, "attributed_to", "Attributed to", "منسوب إلى")
    rel = ed.cb.relations[0]
    assert (rel.from_category, rel.to_category) == ("claim", "source")
    # undo/redo of the editor's own edits
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier)
    assert ed.cb.relations[0].name_ar != "منسوب إلى"
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert ed.cb.relations[0].name_ar == "منسوب إلى"

    click(qtbot, ed.save_button)
    assert "Saved as version" in ed.problems.text()
    cb = p.codebook()
    assert [c.key for c in cb.categories] == ["claim", "source"], ed.problems.text()
    assert cb.category("claim").name_ar == "ادعاء"
    assert cb.category("claim").description == "A statement presented as fact."
    assert [v.key for v in cb.category("claim").attribute("claim_type").values] == [
        "factual", "opinion"]
    assert cb.relation("attributed_to").to_category == "source"
    assert all(readable(c.color) for c in cb.categories)
    v_built = cb.version
    ed.close()

    # code with it in the desk
    from annotator.gui.app import settings, setup
    from annotator.gui.main_window import MainWindow

    setup("en")
    win = MainWindow(p, CODER, settings())
    qtbot.addWidget(win)
    win.resize(1200, 760)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    s = TEXT.index("غادر الموصل")
    drag(qtbot, win.view, s, s + len("غادر الموصل"))
    press(qtbot, win, Qt.Key_1)
    assert len(p.annotations()) == 1, (win.last_error, win.doc_id, win.codebook.categories[0].hotkey)
    [a] = p.annotations()
    assert a.category == "claim"
    p.update_annotation(a.uuid, attrs={"claim_type": "factual"})

    # revise: a new value, saved as a new version; the coder's work is untouched
    ed = editor(qtbot, p)
    click_item(qtbot, ed, "[opinion]")
    click(qtbot, ed.buttons["add_value"])
    name_entry(qtbot, ed, "rumour", "Rumour", "شائعة")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Up, Qt.ControlModifier)  # reorder by keys
    assert [v.key for v in ed.cb.category("claim").attribute("claim_type").values] == [
        "factual", "rumour", "opinion"]
    click(qtbot, ed.save_button)
    assert p.codebook().version == v_built + 1
    assert p.annotation(a.uuid).attrs == {"claim_type": "factual"}

    # merge 'factual' into 'opinion' (rewrites data), then undo and redo it
    click_item(qtbot, ed, "[factual]")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("opinion", True))
    click(qtbot, ed.merge_button)
    assert p.annotation(a.uuid).attrs == {"claim_type": "opinion"}
    assert p.codebook().category("claim").attribute("claim_type").value("factual") is None
    click(qtbot, ed.undo_button)
    assert p.annotation(a.uuid).attrs == {"claim_type": "factual"}
    assert p.codebook().category("claim").attribute("claim_type").value("factual")
    click(qtbot, ed.redo_button)
    assert p.annotation(a.uuid).attrs == {"claim_type": "opinion"}
    assert [v.operation and v.operation.get("op") for v in p.codebook_history()][-3:] == [
        "recode", "undo", "recode"]
    # a used value cannot be deleted: retire it instead
    click_item(qtbot, ed, "[opinion]")
    click(qtbot, ed.buttons["delete"])
    assert "cannot be deleted" in ed.problems.text()
    assert ed.cb.category("claim").attribute("claim_type").value("opinion")
    win.close()
    p.close()


def test_editor_in_arabic_is_mirrored_and_translated(qtbot, tmp_path):
    from annotator.gui import i18n

    p = Project.create(tmp_path / "ar.annot")
    i18n.install("ar")
    try:
        ed = editor(qtbot, p)
        assert ed.layoutDirection() == Qt.RightToLeft
        assert ed.windowTitle() != "Codebook editor"
        assert ed.buttons["add_category"].text() != "Add category"
    finally:
        i18n.install("en")
        p.close()


def test_drop_reorders_among_siblings_only(qtbot, tmp_path):
    """A drop (the end of a drag in the tree) moves a category among categories; a value
    dropped on another attribute's value stays where it was."""
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    p = Project.create(tmp_path / "d.annot")
    ed = editor(qtbot, p)
    before = [c.key for c in ed.cb.categories]

    def drop(source_label, target_label):
        src = ed.tree.findItems(source_label, Qt.MatchContains | Qt.MatchRecursive)[0]
        dst = ed.tree.findItems(target_label, Qt.MatchContains | Qt.MatchRecursive)[0]
        ed.tree.setCurrentItem(src)
        pos = QPointF(ed.tree.visualItemRect(dst).center())
        ev = QDropEvent(pos, Qt.MoveAction, QMimeData(), Qt.LeftButton, Qt.NoModifier)
        ed.tree.dropEvent(ev)

    drop("[reliability]", "[claim]")
    assert [c.key for c in ed.cb.categories] == ["reliability", *[k for k in before
                                                                   if k != "reliability"]]
    values = [v.key for v in ed.cb.category("claim").attribute("claim_type").values]
    drop("[factual]", "[direct_quote]")  # another attribute's value: refused
    assert [v.key for v in ed.cb.category("claim").attribute("claim_type").values] == values
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier)  # one undo step
    assert [c.key for c in ed.cb.categories] == before
    p.close()


def test_a_refused_merge_of_values_leaves_no_dead_undo_step(qtbot, tmp_path, monkeypatch):
    """The core refuses (here: the target value was deleted meanwhile); the editor shows
    its one line, and Undo is not offered for a step that did nothing."""
    p = Project.create(tmp_path / "r.annot")
    ed = editor(qtbot, p)
    click_item(qtbot, ed, "[factual]")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("no_such_value", True))
    click(qtbot, ed.merge_button)
    assert "no_such_value" in ed.problems.text()
    assert ed.undo.count() == 0 and not ed.undo_button.isEnabled()
    assert [v.operation for v in p.codebook_history()] == [None]
    p.close()
