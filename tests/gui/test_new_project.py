"""File → New project… as a supervisor meets it: the new project opens with its codebook
in the editor (the shipped codebook, to keep or change); a category added there with the
mouse and keyboard and saved is in the project file. A refused name opens nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from annotator.core.codebook import default_codebook
from annotator.core.project import Project
from annotator.gui.actions import Act
from annotator.gui.codebook_editor import CodebookEditor

from .test_codebook_editor import click, fill
from .test_exchange_menu import choose


def editors(win) -> list[CodebookEditor]:
    return [e for e in win.findChildren(CodebookEditor) if e.isVisible()]


def test_new_project_opens_its_codebook_in_the_editor(qtbot, window, tmp_path,
                                                     monkeypatch):
    target = tmp_path / "study"  # typed without the extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    choose(qtbot, window, Act.NEW_PROJECT)
    qtbot.waitUntil(lambda: len(editors(window)) == 1)
    [ed] = editors(window)
    path = target.with_suffix(".annot")
    assert window.project.path == path and ed.project is window.project
    assert [c.key for c in ed.cb.categories] == [c.key for c in default_codebook().categories]
    assert window.doc_model.rowCount() == 0  # the old project's articles are gone

    ed.activateWindow()
    qtbot.waitUntil(lambda: ed.isActiveWindow())
    click(qtbot, ed.buttons["add_category"])
    fill(qtbot, ed.f_key, "rumour")
    fill(qtbot, ed.f_name_en, "Rumour")
    fill(qtbot, ed.f_name_ar, "شائعة")
    click(qtbot, ed.save_button)
    assert "Saved as version" in ed.problems.text(), ed.problems.text()
    with Project.open(path, readonly=True) as p:  # on disk, as another process reads it
        cat = p.codebook().category("rumour")
        assert (cat.name_en, cat.name_ar) == ("Rumour", "شائعة")
        assert p.codebook_history()[-1].author == window.coder
    assert window.codebook.category("rumour")  # and the desk codes with it


def test_a_refused_new_project_opens_no_editor(qtbot, window, tmp_path, monkeypatch):
    old = window.project.path
    taken = tmp_path / "taken.annot"
    Project.create(taken).close()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(taken), ""))
    choose(qtbot, window, Act.NEW_PROJECT)
    qtbot.waitUntil(lambda: window.last_error is not None and "already exists" in
                    window.last_error)
    assert window.project.path == old
    assert editors(window) == []  # not the old project's codebook, as if it were new
