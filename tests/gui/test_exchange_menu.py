"""File → Export for QDA tools and Import from QDA tools, driven through the menu with the
mouse: the .qdpx written is the project, a file imported (in the long-task worker) shows
in the desk at once, and a hostile file is one box naming it with the project unchanged."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.core.exchange import new_from_qdpx
from annotator.core.project import Project
from annotator.gui.actions import Act

from ..exchange_data import big_qdpx
from .conftest import ARTICLE, CODER, span_of
from .test_long_tasks import dump


def choose(qtbot, win, act: Act) -> None:
    """Open the File menu with a click on the menu bar, then click the entry."""
    bar = win.menuBar()
    QTest.mouseClick(bar, Qt.LeftButton, pos=bar.actionGeometry(
        win.file_menu.menuAction()).center())
    qtbot.waitUntil(win.file_menu.isVisible)
    menu = win.file_menu
    rect = menu.actionGeometry(win.acts[act])
    assert rect.isValid() and win.acts[act].isVisible()
    QTest.mouseClick(menu, Qt.LeftButton, pos=QPoint(rect.center()))


def test_export_then_import_through_the_menu(qtbot, window, tmp_path, monkeypatch):
    doc = window.doc_id
    s, e = span_of(ARTICLE, "John Smith")
    window.project.add_annotation(doc, CODER, "source", s, e, attrs={"name": "John Smith"})
    out = tmp_path / "shared.qdpx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(out.with_suffix("")), ""))  # no extension typed
    choose(qtbot, window, Act.EXPORT_REFI)  # runs in the desk's worker thread
    qtbot.waitUntil(lambda: not window.tasks.busy and out.exists())
    assert "project.qde" in zipfile.ZipFile(out).namelist()
    assert str(out) in window.statusBar().currentMessage()

    # another tool's copy comes back with one more annotation by another coder
    other = tmp_path / "other.annot"
    new_from_qdpx(other, out)
    with Project.open(other) as p:
        a, b = span_of(ARTICLE, "مواقع عراقية")
        p.add_annotation(doc, "Ali", "source", a, b)
    back = tmp_path / "back.qdpx"
    from annotator.core.exchange import exporter_for

    exporter_for(back)(other, back)
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(back), ""))
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append((title, text)))
    choose(qtbot, window, Act.IMPORT_REFI)
    qtbot.waitUntil(lambda: bool(shown))
    title, text = shown[0]
    assert title == "Imported back.qdpx"
    assert "1 annotations added" in text
    assert {a.coder for a in window.project.annotations(doc)} == {CODER, "Ali"}
    assert window.doc_id == doc  # the desk still shows the article it showed


def test_a_hostile_file_is_one_box_and_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
                                  '<Project xmlns="urn:QDA-XML:project:1.0" name="&a;"/>')
    before = [d.uuid for d in window.project.documents()]
    errors = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(window, "show_error", lambda exc: errors.append(str(exc)))
    choose(qtbot, window, Act.IMPORT_REFI)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].startswith(str(bad)) and "entity" in errors[0]
    assert [d.uuid for d in window.project.documents()] == before


def test_cancel_a_large_import_through_the_menu_changes_nothing(qtbot, window, tmp_path,
                                                                 monkeypatch):
    """File → Import from QDA tools on a .qdpx of 300 articles and 12,000 codings: the
    progress dialog counts the rows stored, and its Cancel button rolls the one
    transaction back: no article, no annotation, no new category, no codebook version."""
    sources, per_source = 300, 40
    total = sources + sources * per_source
    big = big_qdpx(tmp_path / "big.qdpx", sources, per_source)
    path = window.project.path
    before = dump(path)
    rows = window.doc_model.rowCount()
    keys = [c.key for c in window.project.codebook().categories]
    runner = window.tasks
    reports = []
    window.tasks.progressed.connect(lambda d, t, label: reports.append((d, t)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(big), ""))
    shown = []  # the summary box of an import that finished (it must not)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a))
    choose(qtbot, window, Act.IMPORT_REFI)
    qtbot.waitUntil(lambda: not runner.busy or (
        runner.panel is not None and runner.panel.isVisible()
        and bool(reports) and reports[-1][0] >= total // 3), timeout=120_000)
    assert runner.busy, "the import ended before it could be cancelled"
    panel = runner.panel
    assert panel.bar.maximum() == total and 0 < panel.bar.value() < total
    assert panel.counter.text().startswith("Rows stored: ")
    QTest.mouseClick(panel.cancel_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not runner.busy, timeout=120_000)
    assert max(d for d, _ in reports) < total  # stopped before the end
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was imported."
    assert dump(path) == before  # every table, codebook_versions included
    assert window.doc_model.rowCount() == rows
    assert [c.key for c in window.project.codebook().categories] == keys
    assert shown == []
