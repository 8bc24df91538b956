"""File → Export for QDA tools / Import from QDA tools (REFI-QDA .qdpx). Kept small: the
work is core.exchange's and runs off the GUI thread through the desk's long-task helper
(gui/tasks.py); here are the file dialogs and one line or one box for the result. A
refused file is a box naming it, and the project stays as it was."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.exchange import exporter_for, importer_for
from .actions import Act

translate = QCoreApplication.translate


def connect_actions(win) -> None:
    win.acts[Act.EXPORT_REFI].triggered.connect(lambda: export_dialog(win))
    win.acts[Act.IMPORT_REFI].triggered.connect(lambda: import_dialog(win))


def export_dialog(win) -> None:
    default = win._folder() / (win.project.path.stem + ".qdpx")
    path, _ = QFileDialog.getSaveFileName(
        win, translate("Exchange", "Export for QDA tools (REFI-QDA)"), str(default),
        translate("Exchange", "REFI-QDA projects (*.qdpx)"))
    if path:
        export_refi(win, Path(path))


def export_refi(win, path: Path) -> bool:
    if path.suffix.lower() != ".qdpx":
        path = path.with_name(path.name + ".qdpx")
    win.commit_edits()
    project, export = win.project, exporter_for(path)

    def work(progress, cancel):
        def step(done, total=0, *_):
            cancel.check()  # raising here stops the exporter; it leaves no file
            progress(done, total, "")

        return export(project, path, progress=step)

    def done(counts) -> None:
        win.hint(translate("Exchange", "Exported %1 articles and %2 annotations to %3")
                 .replace("%1", str(counts["documents"]))
                 .replace("%2", str(counts["annotations"])).replace("%3", str(path)))

    return win.tasks.start(translate("Exchange", "Exporting for QDA tools"), work,
                           project=project, done=done, failed=win.show_error)


def import_dialog(win) -> None:
    path, _ = QFileDialog.getOpenFileName(
        win, translate("Exchange", "Import from QDA tools (REFI-QDA)"), str(win._folder()),
        translate("Exchange", "REFI-QDA projects (*.qdpx);;All files (*)"))
    if path:
        import_refi(win, Path(path))


def import_refi(win, path: Path) -> bool:
    """Import a .qdpx into the open project, then show what it brought. The file is read
    whole before anything is written; the new categories and the rows go in one
    transaction, which Cancel (checked between batches of rows) rolls back."""
    win.commit_edits()
    project, importer = win.project, importer_for(path)
    try:
        author = getpass.getuser()
    except Exception:  # no login name (a container without a passwd entry)
        author = ""
    return win.tasks.start(
        translate("Exchange", "Importing from QDA tools"),
        lambda progress, cancel: importer(project, path, author, progress=progress,
                                          cancel=cancel),
        project=project, failed=win.show_error,
        done=lambda report: _imported(win, path, report),
        cancelled=lambda: win.hint(translate("Exchange",
                                             "Import cancelled; nothing was imported.")),
        count=translate("Exchange", "Rows stored: %1 of %2"))


def _imported(win, path: Path, report) -> None:
    # rows came in under the desk: show them, and let no undo reach across the import
    win.undo.clear()
    current, win.doc_id = win.doc_id, None
    win.doc_model.reset(win.project.documents(), win.coder)
    if current is not None:
        win.open_document(current)
    elif win.doc_model.rowCount():
        win.open_document(win.doc_model.doc_at(0).id)
    lines = [translate("Exchange", "%1 articles added (%2 already in the project), %3 "
                                   "annotations added, %4 updated, %5 links.")
             .replace("%1", str(report.documents)).replace("%2", str(report.reused))
             .replace("%3", str(report.annotations)).replace("%4", str(report.updated))
             .replace("%5", str(report.relations))]
    if report.categories_added:
        lines.append(translate("Exchange", "New categories from the file's codes: %1")
                     .replace("%1", ", ".join(report.categories_added)))
    lines += report.notes  # counts of what was skipped (English, like the CLI's)
    QMessageBox.information(win, translate("Exchange", "Imported %1").replace(
        "%1", path.name), "\n\n".join(lines))
