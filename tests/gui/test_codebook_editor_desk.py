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


def drag_over(ed, source: str, target: str, at: float, drop: bool = False):
    """A drag from `source` held over `target`'s row, `at` (0 top .. 1 bottom) of its
    height: the tree's handlers get the events Qt's drag loop gives it (the drag itself
    runs in drag_driver.py: offscreen has none), then the drop if asked. Returns whether
    the tree takes a drop there and the mark it draws."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent

    tree = ed.tree
    tree.setCurrentItem(item(ed, source))
    tree.scrollToItem(item(ed, target))  # in view, as the drag scrolls it near the edge
    r = tree.visualItemRect(item(ed, target))
    pos = r.topLeft() + QPoint(30, min(r.height() - 1, int(at * r.height())))
    mime = tree.model().mimeData([tree.currentIndex()])
    args = (Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    tree.dragEnterEvent(QDragEnterEvent(pos, *args))
    move = QDragMoveEvent(pos, *args)
    tree.dragMoveEvent(move)
    taken, mark = move.isAccepted(), tree.drop_mark()
    if drop and taken:
        tree.dropEvent(QDropEvent(QPointF(pos), *args))
    else:
        tree.dragLeaveEvent(QDragLeaveEvent())
    return taken, mark


def test_a_drag_marks_where_the_entry_goes_and_refuses_elsewhere(qtbot, project):
    ed = editor(qtbot, project)
    click_item(qtbot, ed, "[claim]")
    add_group(qtbot, ed, "actors")
    click_item(qtbot, ed, "[claim]")
    add_group(qtbot, ed, "media")
    top = lambda label: ed.tree.visualItemRect(item(ed, label)).top()  # noqa: E731

    # a category over a group: a box round the group's row, wherever on it
    for at in (0.1, 0.5, 0.9):
        assert drag_over(ed, "[claim]", "[actors]", at) == (True, ("into", top("[actors]")))
    # over the top of another category: a line above it; the drop puts it there
    assert drag_over(ed, "[claim]", "[article]", 0.1) == (True, ("line", top("[article]")))
    # over a relation or another attribute's value: refused, no mark
    assert drag_over(ed, "[claim]", "[attributed_to]", 0.5) == (False, None)
    assert drag_over(ed, "[factual]", "[direct_quote]", 0.5) == (False, None)
    drag_over(ed, "[claim]", "[article]", 0.1, drop=True)
    keys = [c.key for c in ed.cb.categories]
    assert keys.index("claim") == keys.index("article") - 1

    # a group on the middle of another group: into it (it was a reorder, so a top-level
    # group could not be put inside another by dragging)
    assert drag_over(ed, "[media]", "[actors]", 0.5, drop=True)[0]
    assert ed.cb.group("media").parent == "actors"
    assert ed.f_group.currentData() == "actors"
    assert parent_label(ed, "[media]").endswith("[actors]")
    # never into itself or a group inside it
    assert drag_over(ed, "[actors]", "[media]", 0.5) == (False, None)
    # a group on the top of a group: before it, in that group's folder
    click_item(qtbot, ed, "[claim]")
    add_group(qtbot, ed, "frames")
    assert drag_over(ed, "[frames]", "[media]", 0.1, drop=True)[0]
    assert ed.cb.group("frames").parent == "actors"
    assert [g.key for g in ed.cb.groups].index("frames") < \
        [g.key for g in ed.cb.groups].index("media")
    # one undo step a drop
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier)
    assert ed.cb.group("frames").parent is None


def test_a_nested_groups_path_reads_right_to_left_in_arabic(qtbot, window):
    """The "In group" list and the palette's heading name a nested group by its path; in
    Arabic the mark between the names points left, the way the path reads."""
    from annotator.gui import i18n

    p = window.project
    ed = editor(qtbot, p)
    click_item(qtbot, ed, "[claim]")
    add_group(qtbot, ed, "actors")
    fill(qtbot, ed.f_name_en, "Actors")
    add_group(qtbot, ed, "media")  # inside the selected group
    fill(qtbot, ed.f_name_en, "Media")
    click_item(qtbot, ed, "[source]")
    from .test_codebook_groups_editor import choose

    choose(qtbot, ed.f_group, "Actors › Media")
    click(qtbot, ed.save_button)
    ed.close()
    qtbot.waitUntil(lambda: "media" in window.palette.headings)
    assert window.palette.headings["media"].text() == "Actors › Media"

    i18n.install("ar")
    cb = p.codebook()
    cb.group("actors").name_ar, cb.group("media").name_ar = "الفاعلون", "الإعلام"
    p.set_codebook(cb, author="sara")
    ed = editor(qtbot, p)
    click_item(qtbot, ed, "[source]")
    arabic = "الفاعلون \u200e‹\u200e الإعلام"
    assert ed.f_group.currentText() == arabic
    qtbot.waitUntil(lambda: window.palette.headings["media"].text() == arabic)


def test_groups_are_made_renamed_and_filed_from_the_keyboard(qtbot, project):
    from PySide6.QtWidgets import QApplication

    ed = editor(qtbot, project)
    click_item(qtbot, ed, "[claim]")
    focus_tree(qtbot, ed)
    tree = ed.tree

    def key(k, mod=Qt.NoModifier, to=None) -> None:
        QTest.keyClick(to or QApplication.focusWidget(), k, mod)

    # Ctrl+Shift+N: a group, the cursor in its key
    key(Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    assert len(ed.cb.groups) == 1 and ed.f_key.hasFocus()
    QTest.keyClicks(ed.f_key, "actors")
    key(Qt.Key_Return)
    # back in the tree (Shift+Tab), F2: its name selected, typed over
    key(Qt.Key_Backtab)
    assert tree.hasFocus() and ed.entry().key == "actors"
    key(Qt.Key_F2)
    assert ed.f_name_en.hasFocus() and ed.f_name_en.selectedText() == "group_1"
    QTest.keyClicks(ed.f_name_en, "Actors")
    key(Qt.Key_Return)
    assert ed.cb.group("actors").name_en == "Actors"

    # to "Source" with the arrows, Ctrl+G: the "In group" list opens; Down, Enter files it
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    while not ed.current_path() or ed.current_path() != (("cat", 1),):
        key(Qt.Key_Up if ed.current_path() > (("cat", 1),) else Qt.Key_Down, to=tree)
    assert ed.entry().key == "source"
    key(Qt.Key_G, Qt.ControlModifier, to=tree)
    popup = ed.f_group.view()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key_Down)
    QTest.keyClick(popup, Qt.Key_Return)
    assert ed.cb.category("source").group == "actors"
    qtbot.waitUntil(ed.f_group.hasFocus)
    assert ed.undo.count() == 4  # group, key, name, filed: one step each
    assert parent_label(ed, "[source]").startswith("Actors")

    # Ctrl+N: a category in the selected entry's group
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    key(Qt.Key_N, Qt.ControlModifier, to=tree)
    assert ed.f_key.hasFocus() and ed.entry().group == "actors"
    assert ed.buttons["add_group"].toolTip() == "Ctrl+Shift+N"


def test_a_split_undone_leaves_nothing_to_save(qtbot, tmp_path):
    """A split of one annotation says so in the singular, as done (not in red), and once
    undone the editor closes without asking to save (the project has it all)."""
    from .test_codebook_split import click_box, open_split, study

    p, ids = study(tmp_path / "s.annot")
    ed = editor(qtbot, p)
    dlg = open_split(qtbot, ed)
    fill(qtbot, dlg.f_key, "claim_quoted")
    click_box(qtbot, dlg, ids["c"])
    click(qtbot, dlg.ok)
    qtbot.waitUntil(lambda: ed.split_dialog is None)
    assert ed.problems.text().startswith("1 annotation moved into 'claim_quoted'")
    assert "#a00000" not in ed.problems.styleSheet()
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier)
    assert p.annotation(ids["c"]).category == "claim"
    click(qtbot, ed.close_button)
    qtbot.waitUntil(lambda: not ed.isVisible())  # no "not saved" question in the way


def test_f1_heads_a_nested_group_with_its_path_as_large_as_any_group(qtbot, window):
    """In F1 a group nested in another was an h5, smaller than the category names under
    it, and named without its parent."""
    import copy

    from PySide6.QtWidgets import QTextBrowser

    from annotator.core.codebook import GroupDef

    from .test_desk import press

    p = window.project
    cb = copy.deepcopy(p.codebook())
    cb.groups = [GroupDef("frames", "الأطر", "Frames"),
                 GroupDef("judgement", "التقييم", "Judgement", "How it weighs", "frames")]
    cb.category("claim").group = "frames"
    cb.category("reliability").group = "judgement"
    p.set_codebook(cb, author="sara")
    press(qtbot, window, Qt.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(QTextBrowser, "shortcutsHelp") is not None)
    view = window.findChild(QTextBrowser, "shortcutsHelp")
    levels, block = {}, view.document().begin()
    while block.isValid():  # the heading level of each line, as the browser shows it
        levels[block.text().strip()] = block.blockFormat().headingLevel()
        block = block.next()
    assert levels["Frames"] == levels["Frames › Judgement"] == 3, levels
    assert "Judgement" not in levels  # the nested group named with its parent
    text = view.toPlainText()
    assert text.index("Frames › Judgement") < text.index("How it weighs") < \
        text.index("Reliability")


def test_the_form_stays_put_and_shows_a_long_name_from_its_start(qtbot, project):
    ed = editor(qtbot, project)
    click_item(qtbot, ed, "[claim]")
    fill(qtbot, ed.f_name_en, "A claim with a name far longer than the field is wide, "
                              "so that one end of it must be out of sight")
    qtbot.wait(20)
    x_category = ed.f_key.mapTo(ed, ed.f_key.rect().topLeft()).x()
    add_group(qtbot, ed, "actors")
    qtbot.wait(20)  # the form lays itself out again
    assert ed.f_key.mapTo(ed, ed.f_key.rect().topLeft()).x() == x_category  # it jumped
    click_item(qtbot, ed, "[claim]")
    assert ed.f_name_en.cursorPosition() == 0  # the field showed the name's end
    assert ed.f_name_en.text().startswith("A claim with")


def test_a_delete_leaves_the_selection_where_the_entry_was(qtbot, project):
    """Deleting the first category of a group selected the category before it in the
    list, at the top level, far up the tree; deleting a group selected another group or
    the first row. The selection now stays in the group, or on what the group held."""
    ed = editor(qtbot, project)
    click_item(qtbot, ed, "[claim]")
    add_group(qtbot, ed, "actors")
    for label in ("[source]", "[reliability]"):
        drop_on(ed, label, "[actors]")
    click_item(qtbot, ed, "[claim]")
    click(qtbot, ed.buttons["add_category"])  # at the top level, so it can go
    fill(qtbot, ed.f_key, "spare")
    drop_on(ed, "[spare]", "[actors]")
    assert [c.key for c in ed.cb.categories if c.group == "actors"] == \
        ["source", "reliability", "spare"]
    # the first of the group deleted (spare moved first): its neighbour in the group
    click_item(qtbot, ed, "[spare]")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Up, Qt.ControlModifier)
    QTest.keyClick(ed.tree, Qt.Key_Up, Qt.ControlModifier)
    assert [c.key for c in ed.cb.categories if c.group == "actors"][0] == "spare"
    QTest.keyClick(ed.tree, Qt.Key_Delete)
    assert ed.cb.category("spare") is None
    assert ed.entry().key == "source" and ed.tree.hasFocus()
    # the group deleted: on the first category it held, now at the top level
    click_item(qtbot, ed, "[actors]")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Delete)
    assert ed.cb.group("actors") is None
    assert ed.entry().key == "source" and ed.f_key.text() == "source"
    # a group holding only a group: on that group
    click_item(qtbot, ed, "[claim]")
    add_group(qtbot, ed, "outer")
    add_group(qtbot, ed, "inner")  # inside the selected group
    assert ed.cb.group("inner").parent == "outer"
    click_item(qtbot, ed, "[outer]")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Delete)
    assert ed.entry().key == "inner" and ed.cb.group("inner").parent is None


def test_a_relations_mark_points_the_way_arabic_reads(qtbot, project):
    from annotator.gui import i18n

    i18n.install("ar")
    ed = editor(qtbot, project)
    rel = item(ed, "[attributed_to]")
    assert rel.text(0).startswith("⇠ ")  # "⇢" pointed out of the row, right to left
    assert "(claim → source)" in rel.text(0)  # the keys, Latin, read left to right


def test_closing_the_desk_asks_for_an_open_editors_unsaved_edits(qtbot, window):
    """Quitting the app with the codebook editor open and edited: the editor asks first
    (its edits went with the window without a word); answered, the desk closes."""
    from annotator.gui.codebook_editor import open_editor

    p = window.project
    ed = open_editor(p, window, "sara")
    qtbot.waitExposed(ed)
    ed.activateWindow()
    click_item(qtbot, ed, "[claim]")
    fill(qtbot, ed.f_name_en, "Claims")
    assert not window.close()  # refused: the editor's question is up
    assert window.isVisible() and ed.isVisible()
    answer_unsaved(qtbot, ed, "save")
    qtbot.waitUntil(lambda: not ed.isVisible())
    assert p.codebook().category("claim").name_en == "Claims"
    assert window.close()  # nothing unsaved now: it closes at once


def test_esc_in_a_field_takes_back_the_typing_and_keeps_the_editor_open(qtbot, project):
    from PySide6.QtWidgets import QMessageBox

    ed = editor(qtbot, project)
    click_item(qtbot, ed, "[claim]")
    before = ed.f_name_en.text()
    ed.f_name_en.setFocus()
    qtbot.waitUntil(ed.f_name_en.hasFocus)
    QTest.keyClick(ed.f_name_en, Qt.Key_End)
    QTest.keyClicks(ed.f_name_en, " typed")
    QTest.keyClick(ed.f_name_en, Qt.Key_Escape)
    assert ed.f_name_en.text() == before and ed.isVisible()
    assert ed.findChild(QMessageBox, "unsavedBox") is None
    assert ed.cb.category("claim").name_en == before and ed.undo.count() == 0
    # Esc on the tree is still Close
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not ed.isVisible())
