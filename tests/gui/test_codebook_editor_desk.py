"""The codebook editor as a supervisor met it in a real X window (Xvfb, xdotool): what
tripped them up, driven through the widgets. The form follows a drop and a delete (a
stale form wrote itself back onto the wrong entry), the tree keeps what was folded and
where it was scrolled after an edit, groups can be made, renamed and filed from the
keyboard, closing with unsaved edits asks first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from .test_codebook_editor import click, editor, fill, focus_tree
from .test_codebook_groups_editor import click_item, drop_on, item, parent_label


def add_group(qtbot, ed, key: str) -> None:
    click(qtbot, ed.buttons["add_group"])
    fill(qtbot, ed.f_key, key)


def test_the_form_follows_a_drop_and_a_delete(qtbot, project):
    ed = editor(qtbot, project)
    click_item(qtbot, ed, "[claim]")
    add_group(qtbot, ed, "actors")

    # a category dropped on a group: the form shows the new group, and the next edit of
    # its name leaves it there (it went back to the top level)
    drop_on(ed, "[source]", "[actors]")
    assert ed.cb.category("source").group == "actors"
    assert ed.f_key.text() == "source"
    assert ed.f_group.currentData() == "actors"
    fill(qtbot, ed.f_name_en, "Sources")
    assert ed.cb.category("source").name_en == "Sources"
    assert ed.cb.category("source").group == "actors"
    assert parent_label(ed, "[source]").endswith("[actors]")

    click_item(qtbot, ed, "[claim]")
    add_group(qtbot, ed, "media")

    # a deleted category: the entry selected after it shows its own fields, and typing a
    # name there renames that entry only (it took the deleted one's key, colour, kind)
    click_item(qtbot, ed, "[claim]")
    click(qtbot, ed.buttons["add_category"])
    fill(qtbot, ed.f_key, "temp")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Delete)
    assert ed.cb.category("temp") is None
    now = ed.entry()
    before = (now.key, getattr(now, "color", None), getattr(now, "kind", None))
    assert ed.f_key.text() == now.key
    fill(qtbot, ed.f_name_en, "Renamed")
    assert ed.entry().name_en == "Renamed"
    assert (ed.entry().key, getattr(ed.entry(), "color", None),
            getattr(ed.entry(), "kind", None)) == before
    assert ed.cb.category("temp") is None

    # a deleted group: the same
    click_item(qtbot, ed, "[media]")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Delete)
    assert ed.cb.group("media") is None
    assert ed.f_key.text() == ed.entry().key
    assert item(ed, f"[{ed.entry().key}]") is ed.tree.currentItem()


def test_an_edit_keeps_the_trees_folds_and_scroll(qtbot, project):
    ed = editor(qtbot, project)
    ed.resize(900, 420)
    # fold "Claim" from the keyboard, scroll down to "Reliability", rename it in the form
    click_item(qtbot, ed, "[claim]")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Left)
    assert not item(ed, "[claim]").isExpanded()
    bar = ed.tree.verticalScrollBar()
    click_item(qtbot, ed, "[reliability]")  # scrolls it into view, like a person
    bar.setValue(bar.value() + 3)  # a little further: "Reliability" still shows
    qtbot.waitUntil(lambda: ed.tree.visualItemRect(item(ed, "[reliability]")).top() >= 0)
    scrolled = bar.value()
    assert scrolled > 0
    fill(qtbot, ed.f_name_en, "Reliability of the source")
    assert ed.cb.category("reliability").name_en == "Reliability of the source"
    assert not item(ed, "[claim]").isExpanded()  # it came back unfolded
    assert bar.value() == scrolled  # it jumped
    assert ed.tree.currentItem() is item(ed, "[reliability]")

    # a new attribute in a folded category: the category opens to show it
    click_item(qtbot, ed, "[claim]")
    click(qtbot, ed.buttons["add_attribute"])
    assert item(ed, "[claim]").isExpanded()
    assert ed.tree.currentItem() is item(ed, "[attribute_")
    # undo keeps the fold of what was not touched
    focus_tree(qtbot, ed)
    click_item(qtbot, ed, "[source]")
    QTest.keyClick(ed.tree, Qt.Key_Left)
    QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier)
    assert not item(ed, "[source]").isExpanded()


def answer_unsaved(qtbot, ed, button: str) -> None:
    from PySide6.QtWidgets import QMessageBox, QPushButton

    qtbot.waitUntil(lambda: ed.findChild(QMessageBox, "unsavedBox") is not None)
    box = ed.findChild(QMessageBox, "unsavedBox")
    qtbot.waitUntil(box.isVisible)
    assert "not saved" in box.text()
    click(qtbot, box.findChild(QPushButton, button))


def test_closing_with_unsaved_edits_asks_first(qtbot, project):
    ed = editor(qtbot, project)
    click_item(qtbot, ed, "[claim]")
    fill(qtbot, ed.f_name_en, "Claims")

    # Close: the question; "Keep editing" leaves the editor open with the edit
    click(qtbot, ed.close_button)
    answer_unsaved(qtbot, ed, "keep")
    assert ed.isVisible() and ed.cb.category("claim").name_en == "Claims"
    # Esc asks too; "Save as new version" saves, then closes
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Escape)
    answer_unsaved(qtbot, ed, "save")
    qtbot.waitUntil(lambda: not ed.isVisible())
    assert project.codebook().category("claim").name_en == "Claims"

    # nothing unsaved: Close closes at once; "Close without saving" drops the edit
    ed = editor(qtbot, project)
    click(qtbot, ed.close_button)
    qtbot.waitUntil(lambda: not ed.isVisible())
    ed = editor(qtbot, project)
    click_item(qtbot, ed, "[claim]")
    fill(qtbot, ed.f_name_en, "Claim")
    ed.close()  # the window's X
    answer_unsaved(qtbot, ed, "discard")
    qtbot.waitUntil(lambda: not ed.isVisible())
    assert project.codebook().category("claim").name_en == "Claims"


def test_saved_reads_as_done_and_a_refusal_as_a_problem(qtbot, project):
    ed = editor(qtbot, project)
    click_item(qtbot, ed, "[claim]")
    fill(qtbot, ed.f_name_en, "Claims")
    click(qtbot, ed.save_button)
    assert ed.problems.text().startswith("Saved as version")
    assert "#a00000" not in ed.problems.styleSheet()  # it was red, like a failure
    fill(qtbot, ed.f_key, "Bad Key!")
    click(qtbot, ed.save_button)
    assert not ed.problems.text().startswith("Saved")
    assert "#a00000" in ed.problems.styleSheet()
