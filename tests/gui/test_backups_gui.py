"""File → Restore a backup: the window closes the project, restores and reopens it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from annotator.core.backups import backups
from annotator.core.project import Project

from .conftest import ARTICLE, CODER, span_of


def test_restore_a_backup_from_the_window(qtbot, tmp_path):
    from annotator.gui.app import settings, setup
    from annotator.gui.backups_dialog import BackupsDialog
    from annotator.gui.main_window import MainWindow

    path = tmp_path / "desk.annot"
    with Project.create(path) as p:
        p.add_documents([])
    with Project.open(path) as p:  # first open after a change: backup of the empty project
        from annotator.core.importers.base import ImportedDocument

        [doc] = p.add_documents([ImportedDocument(text=ARTICLE, title="a")]).added
    setup("en")
    win = MainWindow(Project.open(path), CODER, settings())  # backup with the article
    qtbot.addWidget(win)
    win.show()
    s, e = span_of(ARTICLE, "John Smith")
    win.project.add_annotation(doc, CODER, "source", s, e)
    assert len(win.project.annotations(doc)) == 1

    dlg = BackupsDialog(path, win)
    qtbot.addWidget(dlg)
    assert dlg.list.count() == len(backups(path)) == 2
    dlg.list.setCurrentRow(0)  # newest: the article, no annotation yet
    assert dlg.buttons.button(QDialogButtonBox.Ok).isEnabled()
    dlg._accept()
    seen = []
    win.tasks.progressed.connect(lambda d, t, label: seen.append((d, t)))
    assert win.restore_backup(dlg.chosen.path)  # off the GUI thread, with progress
    qtbot.waitUntil(lambda: not win.tasks.busy and win.project is not None)
    assert seen[0] == (0, 1) and seen[-1] == (1, 1)  # the backup's one article checked

    assert win.project is not None and win.project.path == path
    assert [d.title for d in win.project.documents()] == ["a"]
    assert win.project.annotations(doc) == []  # back to before the annotation
    assert win.project.check() == []
    # the state before the restore is one of the backups now, with the annotation
    safety = next(b for b in backups(path) if b.reason == "before-restore")
    with Project.open(safety.path, readonly=True) as b:
        assert len(b.annotations(doc)) == 1
    win.close()
