"""File → Export for QDA tools / Import from QDA tools (REFI-QDA .qdpx). Kept small: the
work is core.exchange's; here are the file dialogs, a progress box, and one line or one
box for the result. A refused file is a box naming it, and the project stays as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

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


def export_refi(win, path: Path) -> None:
    if path.suffix.lower() != ".qdpx":
        path = path.with_name(path.name + ".qdpx")
    win.commit_edits()
    dlg = QProgressDialog(translate("Exchange", "Exporting…"), "", 0, 0, win)
    dlg.setCancelButton(None)
    dlg.setWindowModality(Qt.WindowModal)
    dlg.setMinimumDuration(300)

    def progress(done: int, total: int) -> None:
        dlg.setMaximum(int(total))
        dlg.setValue(int(done))
        QApplication.processEvents()

    with win.guarded():
        try:
            counts = exporter_for(path)(win.project, path, progress=progress)
        finally:
            dlg.close()
        win.hint(translate("Exchange", "Exported %1 articles and %2 annotations to %3")
                 .replace("%1", str(counts["documents"]))
                 .replace("%2", str(counts["annotations"])).replace("%3", str(path)))


def import_dialog(win) -> None:
    path, _ = QFileDialog.getOpenFileName(
        win, translate("Exchange", "Import from QDA tools (REFI-QDA)"), str(win._folder()),
        translate("Exchange", "REFI-QDA projects (*.qdpx);;All files (*)"))
    if path:
        import_refi(win, Path(path))


def import_refi(win, path: Path) -> None:
    """Import a .qdpx into the open project, then show what it brought."""
    win.commit_edits()
    with win.guarded():
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            report = importer_for(path)(win.project, path)
        finally:
            QApplication.restoreOverrideCursor()
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
