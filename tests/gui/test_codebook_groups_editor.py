"""Groups in the codebook editor, driven as a supervisor files categories: add a group with
the button and type its names, file a category with the form's "In group" list (keys) and
another by dropping it on the group, nest a group, reorder inside a group with Ctrl+Up,
delete a group (what it held moves up), undo, save; the desk's palette then shows each
category under its group's name, in English and in Arabic."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from .test_codebook_editor import click, editor, fill, focus_tree


def item(ed, label_part: str):
    found = ed.tree.findItems(label_part, Qt.MatchContains | Qt.MatchRecursive)
    assert found, label_part
    return found[0]


def click_item(qtbot, ed, label_part: str) -> None:
    """Scroll the entry into view (as a person does in a long tree), then click it."""
    it = item(ed, label_part)
    ed.tree.scrollToItem(it)
    qtbot.mouseClick(ed.tree.viewport(), Qt.LeftButton, Qt.NoModifier,
                     ed.tree.visualItemRect(it).center())
    assert ed.tree.currentItem() is it


def parent_label(ed, label_part: str) -> str | None:
    p = item(ed, label_part).parent()
    return p.text(0) if p is not None else None


def drop_on(ed, source_label: str, target_label: str) -> None:
    """The end of a drag in the tree: the dragged item is current, the drop lands on the
    target's row (as QAbstractItemView delivers it)."""
    ed.tree.setCurrentItem(item(ed, source_label))
    pos = QPointF(ed.tree.visualItemRect(item(ed, target_label)).center())
    ev = QDropEvent(pos, Qt.MoveAction, QMimeData(), Qt.LeftButton, Qt.NoModifier)
    ed.tree.dropEvent(ev)


def choose(qtbot, combo, text: str) -> None:
    """Pick an entry of a closed combo box with the arrow keys, as from the keyboard."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        QTest.keyClick(combo, Qt.Key_Down)
    assert combo.currentText() == text, [combo.itemText(i) for i in range(combo.count())]


def test_file_categories_in_groups_and_see_them_in_the_palette(qtbot, window, tmp_path):
    p = window.project
    ed = editor(qtbot, p)

    # a group at the top level, named in both languages
    click_item(qtbot, ed, "[source]")
    click(qtbot, ed.buttons["add_group"])
    assert ed.f_key.hasFocus()
    fill(qtbot, ed.f_key, "actors")
    fill(qtbot, ed.f_name_en, "Actors")
    from .test_codebook_editor import type_keys

    ed.f_name_ar.setFocus()
    QTest.keyClick(ed.f_name_ar, Qt.Key_A, Qt.ControlModifier)
    type_keys(ed.f_name_ar, "الفاعلون")
    QTest.keyClick(ed.f_name_ar, Qt.Key_Return)
    assert [(g.key, g.name_en, g.name_ar) for g in ed.cb.groups] == [
        ("actors", "Actors", "الفاعلون")]
    assert item(ed, "[actors]").font(0).bold()

    # file "source" through the form, "reliability" by dropping it on the group
    click_item(qtbot, ed, "[source]")
    assert ed.f_group.isVisible()
    choose(qtbot, ed.f_group, "Actors")
    assert ed.cb.category("source").group == "actors"
    assert parent_label(ed, "[source]").startswith("Actors")
    drop_on(ed, "[reliability]", "[actors]")
    assert ed.cb.category("reliability").group == "actors"
    assert parent_label(ed, "[reliability]").startswith("Actors")

    # a group inside the selected group
    click_item(qtbot, ed, "[actors]")
    click(qtbot, ed.buttons["add_group"])
    fill(qtbot, ed.f_key, "media")
    fill(qtbot, ed.f_name_en, "Media")
    assert ed.cb.group("media").parent == "actors"
    assert parent_label(ed, "[media]").startswith("Actors")
    # a group cannot go inside itself: its own list leaves itself and its groups out
    click_item(qtbot, ed, "[actors]")
    assert "Actors" not in [ed.f_group.itemText(i) for i in range(ed.f_group.count())]
    assert "Actors › Media" not in [ed.f_group.itemText(i) for i in range(ed.f_group.count())]

    # Ctrl+Up moves a category among the categories of its own group only
    in_actors = lambda: [c.key for c in ed.cb.categories if c.group == "actors"]  # noqa: E731
    first = in_actors()
    click_item(qtbot, ed, f"[{first[1]}]")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Up, Qt.ControlModifier)
    assert in_actors() == [first[1], first[0]]
    QTest.keyClick(ed.tree, Qt.Key_Up, Qt.ControlModifier)  # first already: nothing
    assert in_actors() == [first[1], first[0]]

    # deleting a group moves what it held up a level; undo brings the group back
    click_item(qtbot, ed, "[actors]")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Delete)
    assert ed.cb.group("actors") is None
    assert ed.cb.category("source").group is None and ed.cb.group("media").parent is None
    QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier)
    assert ed.cb.group("actors") is not None and ed.cb.category("source").group == "actors"
    assert ed.cb.group("media").parent == "actors"

    click(qtbot, ed.save_button)
    assert "Saved as version" in ed.problems.text(), ed.problems.text()
    cb = p.codebook()
    assert [(g.key, g.parent) for g in cb.groups] == [("actors", None), ("media", "actors")]
    assert {c.key for c in cb.categories if c.group == "actors"} == {"source", "reliability"}
    assert any("moved category 'source' into group 'actors'" in line
               for line in p.codebook_history()[-1].changes)
    ed.grab().save(str(tmp_path / "groups-editor.png"))
    ed.close()

    # the desk's palette: the group's name heads its buttons
    qtbot.waitUntil(lambda: "actors" in window.palette.headings)
    heading = window.palette.headings["actors"]
    assert heading.text() == "Actors"
    qtbot.waitUntil(heading.isVisible)
    lay = window.palette.body.layout()
    order = [lay.itemAt(i).widget() for i in range(lay.count())]
    at = order.index(heading)
    assert {order[at + 1].objectName(), order[at + 2].objectName()} == {
        "category_source", "category_reliability"}


def test_groups_in_arabic(qtbot, window):
    from annotator.gui import i18n

    p = window.project
    ed = editor(qtbot, p)
    click_item(qtbot, ed, "[source]")
    click(qtbot, ed.buttons["add_group"])
    fill(qtbot, ed.f_key, "actors")
    fill(qtbot, ed.f_name_en, "Actors")
    click_item(qtbot, ed, "[source]")
    choose(qtbot, ed.f_group, "Actors")
    click(qtbot, ed.save_button)
    ed.close()
    i18n.install("ar")
    try:
        ed = editor(qtbot, p)
        assert ed.layoutDirection() == Qt.RightToLeft
        assert ed.buttons["add_group"].text() not in ("", "Add group")
        assert ed.labels["group"].text() not in ("", "In group")
        click_item(qtbot, ed, "[source]")
        assert ed.f_group.itemText(0) != "(top level)"
        QApplication.processEvents()
        ed.grab().save("/tmp/groups-editor-ar.png")
        ed.close()
    finally:
        i18n.install("en")


def test_f1_lists_the_codebook_under_its_groups(qtbot, window):
    import copy

    from annotator.core.codebook import GroupDef
    from annotator.gui.codebook_editor.rules import codebook_html

    p = window.project
    cb = copy.deepcopy(p.codebook())
    cb.groups = [GroupDef("actors", "الفاعلون", "Actors", "who speaks")]
    cb.category("source").group = "actors"
    p.set_codebook(cb, author="sara")
    html = codebook_html(p.codebook())
    assert html.index("Actors") < html.index("who speaks") < html.index("Source")
    assert html.index("Claim") < html.index("Actors")  # ungrouped categories lead
