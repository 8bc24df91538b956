"""Splitting a category from the codebook editor, as a supervisor does it: select the
category, open the split dialog, name the new category, filter and tick annotations with
the mouse, split; the data moves in one undo step of the editor (Ctrl+Z / Ctrl+Shift+Z).
Linked annotations are listed but cannot be ticked; unsaved edits and the core's
refusals are one line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project
from annotator.gui.codebook_editor.split_dialog import SplitDialog

from .test_codebook_editor import click, click_item, editor, fill, focus_tree

TEXT = "قالت صحيفة الجارديان إن المقاتل غادر الموصل في 2017، وأكدت مواقع عراقية ذلك الخبر."


def span(word: str) -> tuple[int, int]:
    s = TEXT.index(word)
    return s, s + len(word)


def study(path) -> tuple[Project, dict[str, str]]:
    """Four claims: a, b (both quoting 'الموصل'), c, and d linked to a source."""
    p = Project.create(path)
    p.add_documents([ImportedDocument(text=TEXT, title="مقاتل غادر الموصل")])
    ids = {
        "a": p.add_annotation(1, "Mona", "claim", *span("المقاتل غادر الموصل"),
                              attrs={"claim_type": "factual"}).uuid,
        "b": p.add_annotation(1, "Ali", "claim", *span("غادر الموصل"),
                              attrs={"claim_type": "prediction"}).uuid,
        "c": p.add_annotation(1, "Ali", "claim", *span("ذلك الخبر")).uuid,
        "d": p.add_annotation(1, "Mona", "claim", *span("مواقع عراقية")).uuid,
    }
    src = p.add_annotation(1, "Mona", "source", *span("صحيفة الجارديان"))
    p.add_relation("attributed_to", ids["d"], src.uuid, "Mona")
    return p, ids


def categories(p, ids) -> dict[str, str]:
    return {name: p.annotation(u).category for name, u in ids.items()}


def row(dlg, uuid):
    from annotator.gui.codebook_editor.split_dialog import UUID_ROLE

    return next(dlg.list.topLevelItem(i) for i in range(dlg.list.topLevelItemCount())
                if dlg.list.topLevelItem(i).data(0, UUID_ROLE) == uuid)


def click_box(qtbot, dlg, uuid):
    """A mouse click on the row's check box, where the style draws it (either direction)."""
    view = dlg.list
    index = view.indexFromItem(row(dlg, uuid), 0)
    opt = QStyleOptionViewItem()
    opt.initFrom(view)
    opt.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(opt, index)
    box = view.style().subElementRect(QStyle.SE_ItemViewItemCheckIndicator, opt, view)
    assert box.isValid() and view.viewport().rect().contains(box.center())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, box.center())
    return box


def shown(dlg) -> int:
    return sum(not dlg.list.topLevelItem(i).isHidden()
               for i in range(dlg.list.topLevelItemCount()))


def open_split(qtbot, ed, label="[claim]") -> SplitDialog:
    click_item(qtbot, ed, label)
    assert ed.split_button.isEnabled()
    click(qtbot, ed.split_button)
    dlg = ed.split_dialog
    assert dlg is not None
    qtbot.waitExposed(dlg)
    return dlg


def test_split_two_claims_into_a_new_category_then_undo_and_redo(qtbot, tmp_path):
    p, ids = study(tmp_path / "s.annot")
    ed = editor(qtbot, p)
    click_item(qtbot, ed, "[claim_type]")  # only a category can be split
    assert not ed.split_button.isEnabled()
    versions = len(p.codebook_history())

    dlg = open_split(qtbot, ed)
    assert dlg.list.topLevelItemCount() == 4 and "0 of 3" in dlg.count.text()
    assert not dlg.ok.isEnabled()
    fill(qtbot, dlg.f_key, "claim_quoted")
    fill(qtbot, dlg.f_name_en, "Quoted claim")
    fill(qtbot, dlg.f_name_ar, "ادعاء منقول")

    # the filter searches the quotes (Arabic folded); select all ticks what it shows
    fill(qtbot, dlg.filter, "الموصل")
    assert shown(dlg) == 2
    click(qtbot, dlg.all_button)
    dlg.filter.setFocus()
    QTest.keyClick(dlg.filter, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClick(dlg.filter, Qt.Key_Backspace)
    assert shown(dlg) == 4
    assert sorted(dlg.chosen()) == sorted([ids["a"], ids["b"]])
    # the linked claim is listed, with the reason, and its box does not tick
    d = row(dlg, ids["d"])
    assert "linked" in d.text(4) and not d.flags() & Qt.ItemIsEnabled
    click_box(qtbot, dlg, ids["d"])
    assert d.checkState(0) == Qt.Unchecked
    click(qtbot, dlg.all_button)  # nor does select all
    assert d.checkState(0) == Qt.Unchecked and ids["c"] in dlg.chosen()
    click_box(qtbot, dlg, ids["c"])  # untick c with the mouse
    assert sorted(dlg.chosen()) == sorted([ids["a"], ids["b"]])
    assert "2 of 3" in dlg.count.text()
    click_box(qtbot, dlg, ids["c"])
    click_box(qtbot, dlg, ids["c"])  # ticked and unticked again: the box really toggles
    assert ids["c"] not in dlg.chosen()
    assert dlg.ok.isEnabled()
    QTest.keyClick(dlg.f_key, Qt.Key_Return)  # Enter in a field does not split
    assert dlg.isVisible() and categories(p, ids)["a"] == "claim"
    click(qtbot, dlg.ok)
    qtbot.waitUntil(lambda: ed.split_dialog is None)

    assert categories(p, ids) == {"a": "claim_quoted", "b": "claim_quoted", "c": "claim",
                                  "d": "claim"}
    assert p.annotation(ids["a"]).attrs == {"claim_type": "factual"}  # values kept
    new = p.codebook().category("claim_quoted")
    assert (new.name_en, new.name_ar) == ("Quoted claim", "ادعاء منقول")
    assert new.attribute("claim_type") and new.color != p.codebook().category("claim").color
    assert new.hotkey not in {c.hotkey for c in p.codebook().categories if c is not new}
    last = p.codebook_history()[-1]
    assert len(p.codebook_history()) == versions + 1
    assert (last.author, last.operation["op"]) == ("sara", "split")
    assert last.changes == ["split category 'claim': 2 annotations moved to new category "
                            "'claim_quoted'"]
    assert ed.tree.findItems("[claim_quoted]", Qt.MatchContains | Qt.MatchRecursive)
    assert "2 annotations moved" in ed.problems.text()
    assert ed.undo.count() == 1 and ed.undo.isClean()

    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier)
    assert categories(p, ids) == dict.fromkeys("abcd", "claim")
    assert p.codebook().category("claim_quoted") is None
    assert not ed.tree.findItems("[claim_quoted]", Qt.MatchContains | Qt.MatchRecursive)
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert categories(p, ids)["a"] == categories(p, ids)["b"] == "claim_quoted"
    assert [v.operation["op"] for v in p.codebook_history()[-3:]] == ["split", "undo",
                                                                      "split"]
    p.close()


def test_unsaved_edits_refuse_the_split(qtbot, tmp_path):
    p, ids = study(tmp_path / "s.annot")
    ed = editor(qtbot, p)
    click_item(qtbot, ed, "[claim]")
    fill(qtbot, ed.f_name_en, "Claims")  # an edit not saved yet
    click(qtbot, ed.split_button)
    assert "Save your changes first" in ed.problems.text()
    assert ed.split_dialog is None
    assert categories(p, ids) == dict.fromkeys("abcd", "claim")
    p.close()


def test_refusals_are_one_line_and_change_nothing(qtbot, tmp_path):
    p, ids = study(tmp_path / "s.annot")
    ed = editor(qtbot, p)
    versions = len(p.codebook_history())
    dlg = open_split(qtbot, ed)
    click_box(qtbot, dlg, ids["a"])
    # a key another category has: said in the dialog, which keeps the ticks
    fill(qtbot, dlg.f_key, "source")
    click(qtbot, dlg.ok)
    assert dlg.isVisible() and "source" in dlg.problems.text()
    assert "\n" not in dlg.problems.text() and dlg.chosen() == [ids["a"]]
    fill(qtbot, dlg.f_key, "claim_quoted")
    # meanwhile a coder links the chosen claim: the core refuses, the editor says why
    src = next(a for a in p.annotations() if a.category == "source")
    p.add_relation("attributed_to", ids["a"], src.uuid, "Ali")
    click(qtbot, dlg.ok)
    qtbot.waitUntil(lambda: ed.split_dialog is None)
    msg = ed.problems.text()
    assert "linked" in msg and "\n" not in msg and "Traceback" not in msg
    assert ed.undo.count() == 0  # the refused step is not left on the stack
    assert categories(p, ids) == dict.fromkeys("abcd", "claim")
    assert len(p.codebook_history()) == versions
    p.close()


def test_split_dialog_in_arabic_is_mirrored_and_translated(qtbot, tmp_path):
    from annotator.gui import i18n

    p, ids = study(tmp_path / "s.annot")
    i18n.install("ar")
    try:
        ed = editor(qtbot, p)
        assert ed.split_button.text() != "Split category…"
        dlg = open_split(qtbot, ed)
        assert dlg.layoutDirection() == Qt.RightToLeft
        english = ["Split category", "Split", "Select all", "Select none",
                   "Filter by the quoted text…", "New category's key", "Quote", "Links",
                   "linked: remove its links to move it"]
        texts = [dlg.windowTitle(), dlg.ok.text(), dlg.all_button.text(),
                 dlg.none_button.text(), dlg.filter.placeholderText(),
                 dlg.labels["key"].text(), dlg.list.headerItem().text(0),
                 dlg.list.headerItem().text(4), row(dlg, ids["d"]).text(4)]
        assert all(t and t != e for t, e in zip(texts, english, strict=True)), texts
        assert "ادعاء" in dlg.intro.text()  # the category's Arabic name
        # the check box sits at the right edge, where an Arabic row starts
        box = click_box(qtbot, dlg, ids["a"])
        assert box.center().x() > dlg.list.viewport().width() / 2
        assert dlg.chosen() == [ids["a"]]
        dlg.reject()
        ed.close()
    finally:
        i18n.install("en")
        QApplication.processEvents()
        p.close()
