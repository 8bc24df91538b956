"""Project files from the desk: open, new, recent, import, export, settings. A mixin of
MainWindow; every AnnotatorError becomes a one-line message box."""

from __future__ import annotations

import importlib.util
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from ..core.errors import AnnotatorError
from ..core.importers import EXTENSIONS, iter_files, read_path
from ..core.project import Project
from .actions import Act
from .dialogs import SettingsDialog, show_about, show_help

MAX_RECENT = 8
XLSX_EXPORTER = "annotator.core.exporters.xlsx"


translate = QCoreApplication.translate


def exporter_available() -> bool:
    try:
        return importlib.util.find_spec(XLSX_EXPORTER) is not None
    except ModuleNotFoundError:
        return False


class FilesMixin:
    def connect_file_actions(self) -> None:
        a = self.acts
        a[Act.OPEN_PROJECT].triggered.connect(self.open_project_dialog)
        a[Act.NEW_PROJECT].triggered.connect(self.new_project_dialog)
        a[Act.IMPORT].triggered.connect(self.import_dialog)
        a[Act.EXPORT_XLSX].triggered.connect(self.export_dialog)
        a[Act.EXPORT_XLSX].setVisible(exporter_available())
        a[Act.SETTINGS].triggered.connect(self.settings_dialog)
        a[Act.RESTORE_BACKUP].triggered.connect(self.restore_backup_dialog)
        a[Act.QUIT].triggered.connect(self.close)
        a[Act.SHORTCUTS].triggered.connect(lambda: show_help(self))
        a[Act.ABOUT].triggered.connect(lambda: show_about(self))
        a[Act.SNAP].setChecked(self.view.snap)

    @contextmanager
    def guarded(self):
        """Run a user's file operation; a refusal is one line in a box, never a crash."""
        try:
            yield
        except AnnotatorError as exc:
            self.show_error(exc)

    # --- projects -----------------------------------------------------------------------

    def open_project_path(self, path: str | Path) -> bool:
        with self.guarded():
            self.set_project(Project.open(path))
            return True
        return False

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("Files", "Open project"), str(self._folder()),
                                              translate("Files", "Annotator projects (*.annot);;All files (*)"))
        if path:
            self.open_project_path(path)

    def new_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("Files", "New project"), str(self._folder()),
                                              translate("Files", "Annotator projects (*.annot)"))
        if not path:
            return
        if not path.endswith(".annot"):
            path += ".annot"
        with self.guarded():
            self.set_project(Project.create(path))

    def _folder(self) -> Path:
        return self.project.path.parent if self.project is not None else Path.home()

    def remember_project(self, path: Path) -> None:
        if self.settings is None:
            return
        recent = [str(Path(path).resolve())]
        recent += [p for p in self._recent() if p != recent[0]]
        self.settings.setValue("recentProjects", recent[:MAX_RECENT])
        self.settings.setValue("lastProject", recent[0])
        self._fill_recent()

    def _recent(self) -> list[str]:
        value = self.settings.value("recentProjects", []) if self.settings is not None else []
        return [value] if isinstance(value, str) else list(value or [])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self._recent():
            self.recent_menu.addAction(Path(p).name, lambda p=p: self.open_project_path(p)) \
                .setToolTip(p)
        self.recent_menu.setEnabled(bool(self._recent()))

    # --- import and export --------------------------------------------------------------

    def import_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in EXTENSIONS)
        paths, _ = QFileDialog.getOpenFileNames(
            self, translate("Files", "Import articles"), str(self._folder()),
            translate("Files", "Articles (%1);;All files (*)").replace("%1", patterns))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> None:
        """Read every file first, then add them in one transaction: a bad file keeps the
        whole batch out, so a coder never gets half an import."""
        with self.guarded():
            QApplication.setOverrideCursor(Qt.WaitCursor)
            try:
                docs = [d for f in iter_files(paths) for d in read_path(f)]
                report = self.project.add_documents(docs)
            finally:
                QApplication.restoreOverrideCursor()
            msg = translate("Files", "%1 articles added.").replace("%1", str(len(report.added)))
            if report.duplicates:
                msg += " " + translate("Files", "%1 were already in the project.").replace(
                    "%1", str(len(report.duplicates)))
            self.hint(msg)
            if report.added and self.doc_id is None:
                self.open_document(report.added[0])

    def export_dialog(self) -> None:
        if not exporter_available():
            return
        default = self._folder() / (self.project.path.stem + ".xlsx")
        path, _ = QFileDialog.getSaveFileName(self, translate("Files", "Export to Excel"), str(default),
                                              translate("Files", "Excel workbooks (*.xlsx)"))
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> None:
        module = importlib.import_module(XLSX_EXPORTER)
        dlg = QProgressDialog(translate("Files", "Exporting…"), "", 0, 0, self)
        dlg.setCancelButton(None)
        dlg.setWindowModality(Qt.WindowModal)
        dlg.setMinimumDuration(300)

        def progress(*args) -> None:
            # (done, total) or (done,): the bar shows whatever the exporter reports
            if len(args) >= 2 and args[1]:
                dlg.setMaximum(int(args[1]))
            if args:
                dlg.setValue(int(args[0]))
            QApplication.processEvents()

        with self.guarded():
            try:
                module.export_xlsx(self.project, path, progress=progress)
            finally:
                dlg.close()
            self.hint(translate("Files", "Exported to %1").replace("%1", str(path)))

    def restore_backup_dialog(self) -> None:
        from .backups_dialog import BackupsDialog

        dlg = BackupsDialog(self.project.path, self)
        dlg.accepted.connect(lambda: dlg.chosen and self.restore_backup(dlg.chosen.path))
        dlg.open()

    def restore_backup(self, backup: Path) -> None:
        """Close, restore (the present state is backed up first), reopen."""
        from ..core.backups import restore

        self.commit_edits()
        path = self.project.path
        self.project.unsubscribe(self._on_event)
        self.project.close()
        self.project = None
        with self.guarded():
            restore(path, backup)
            self.hint(translate("Files", "Restored the backup; the state before it is kept "
                                         "as a backup too."))
        # reopen whatever is there now (the restored copy, or the untouched project)
        self.open_project_path(path)

    # --- settings -----------------------------------------------------------------------

    def settings_dialog(self) -> None:
        from . import i18n

        dlg = SettingsDialog(self.coder, self.view.snap, i18n.current(), self,
                             package=self.package_coder is not None)
        dlg.accepted.connect(lambda: self.apply_settings(*dlg.values()))
        dlg.open()

    def apply_settings(self, coder: str, snap: bool, language: str) -> None:
        self.acts[Act.SNAP].setChecked(snap)
        if coder and coder != self.coder and not self.package_coder:
            self.set_coder(coder)
        self.set_language(language)

    def set_coder(self, coder: str) -> None:
        """Another coder's desk: their annotations, statuses and undo history."""
        self.commit_edits()  # a value typed by the previous coder is theirs
        self.coder = coder
        if self.settings is not None:
            self.settings.setValue("coder", coder)
        self.undo.clear()
        doc_id, self.doc_id = self.doc_id, None
        self.doc_model.reset(self.project.documents(), coder)
        if doc_id is not None:
            self.open_document(doc_id)
        self._status()

