"""Project files from the desk: open, new, recent, import, export, settings. A mixin of
MainWindow; every AnnotatorError becomes a one-line message box."""

from __future__ import annotations

import importlib.util
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.errors import AnnotatorError, InputError
from ..core.importers import EXTENSIONS
from ..core.project import Project
from .actions import Act
from .dialogs import SettingsDialog, show_about, show_help
from .import_summary import ImportSummary
from .tasks import TaskRunner

MAX_RECENT = 8
XLSX_EXPORTER = "annotator.core.exporters.xlsx"


translate = QCoreApplication.translate


def dropped_paths(mime) -> list[Path]:
    """The local files and folders in a drag's data (URLs from a file manager)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class DropImport(QObject):
    """Lets a widget that has its own drag handling (the article list) take dropped
    files and folders, and hands them to the window's import."""

    def __init__(self, widget, on_drop):
        super().__init__(widget)
        self.on_drop = on_drop
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop):
            paths = dropped_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                if kind == QEvent.Drop:
                    self.on_drop(paths)
                return True
        return False


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
        a[Act.IMPORT_FOLDER].triggered.connect(self.import_folder_dialog)
        self.setAcceptDrops(True)
        self.list_drops = DropImport(self.doc_table.viewport(), self.import_paths)
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
        if self.tasks.refuse_if_busy(self):  # the running task holds the open project
            return False
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
        if not path or self.tasks.refuse_if_busy(self):
            return
        if not path.endswith(".annot"):
            path += ".annot"
        with self.guarded():
            self.set_project(Project.create(path))
            # the first screen of a new project: the shipped codebook, to keep or change
            # (only once it exists: a refusal must not open the old project's codebook)
            from .codebook_editor import open_editor

            open_editor(self.project, self, getattr(self, "coder", ""))

    def _folder(self) -> Path:
        return self.project.path.parent if self.project is not None else Path.home()

    def remember_project(self, path: Path) -> None:
        if self.settings is None:
            return
        # a server project is remembered by its address (never with a password)
        recent = [str(path) if not isinstance(path, Path) else str(Path(path).resolve())]
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

    @property
    def tasks(self) -> TaskRunner:
        return TaskRunner.of(self)

    def import_dialog(self) -> None:
        """Files (Ctrl+I); a folder has its own action, since one dialog cannot pick both."""
        patterns = " ".join(f"*{ext}" for ext in EXTENSIONS)
        dlg = QFileDialog(self, translate("Files", "Import articles"), str(self._folder()),
                          translate("Files", "Articles (%1);;All files (*)").replace("%1", patterns))
        dlg.setObjectName("importFilesDialog")
        dlg.setFileMode(QFileDialog.ExistingFiles)
        dlg.filesSelected.connect(lambda paths: self.import_paths([Path(p) for p in paths]))
        dlg.open()

    def import_folder_dialog(self) -> None:
        dlg = QFileDialog(self, translate("Files", "Import a folder of articles"),
                          str(self._folder()))
        dlg.setObjectName("importFolderDialog")
        dlg.setFileMode(QFileDialog.Directory)
        dlg.setOption(QFileDialog.ShowDirsOnly, True)
        dlg.fileSelected.connect(lambda path: path and self.import_paths([Path(path)]))
        dlg.open()

    def import_paths(self, paths: list[Path]) -> bool:
        """Read the files (folders recursively) in a worker thread, ask what to do with
        files that cannot be read, then store the articles in ONE transaction (also off
        the GUI thread). Cancel at any point leaves the project as it was."""
        from ..core.importers.batch import labels_check, read_batch

        if self.project is None or self.tasks.refuse_if_busy(self):
            return False
        project, paths = self.project, [Path(p) for p in paths]
        labels = labels_check(project.unknown_labels)

        def check(path: Path, docs) -> None:
            labels(path, docs)
            if any(d.spans for d in docs):  # whose spans? the desk cannot tell
                raise InputError(path, "carries annotations; import it with `annotator "
                                       "import --coder NAME` to say whose they are")
        return self.tasks.start(
            translate("Files", "Importing articles"),
            lambda progress, cancel: read_batch(paths, check=check, progress=progress,
                                                cancel=cancel),
            done=lambda batch: self._import_read(project, batch),
            cancelled=self._import_cancelled, project=project,
            count=translate("Files", "Files read: %1 of %2"))

    def _import_read(self, project: Project, batch) -> None:
        if project is not self.project:
            return  # the project was closed meanwhile: nothing to store into
        if batch.skipped or not batch.docs:
            if not batch.skipped and not batch.notes:
                self.hint(translate("Files", "No articles found to import."))
                return
            dlg = ImportSummary(batch, None, self)
            if dlg.asking:
                dlg.accepted.connect(lambda: self._import_store(project, batch))
                dlg.rejected.connect(lambda: self.hint(translate(
                    "Files", "Nothing was imported.")))
            self.import_summary = dlg
            dlg.open()
            return
        self._import_store(project, batch)

    def _import_store(self, project: Project, batch, dates_asked: bool = False) -> None:
        if project is not self.project:
            return
        if not dates_asked and self._ask_date_order(project, batch):
            return  # stored once the question is answered
        self.tasks.start(
            translate("Files", "Storing articles"),
            lambda progress, cancel: project.add_documents(batch.docs, progress=progress,
                                                           cancel=cancel),
            done=lambda report: self._import_done(batch, report),
            cancelled=self._import_cancelled, project=project,
            count=translate("Files", "Articles stored: %1 of %2"))

    def _ask_date_order(self, project: Project, batch) -> bool:
        """Ask how the files write dates when some read two ways (03/07/2017); the answer
        becomes the project's date order and the store goes on. False: nothing to ask."""
        from ..core.importers.dates import DATE_ORDERS, two_readings
        from .date_order import DateOrderDialog

        readings = two_readings(batch.docs)
        if not readings:
            return False
        dlg = DateOrderDialog(readings, len(batch.docs),
                              project.setting("date_order", DATE_ORDERS[0]), self)

        def answered() -> None:
            if project is not self.project:
                return
            with self.guarded():
                if project.setting("date_order", DATE_ORDERS[0]) != dlg.order():
                    project.set_setting("date_order", dlg.order())
                self._import_store(project, batch, dates_asked=True)

        dlg.accepted.connect(answered)
        dlg.rejected.connect(lambda: self.hint(translate("Files", "Nothing was imported.")))
        self.date_order_dialog = dlg
        dlg.open()
        return True

    def _import_done(self, batch, report) -> None:
        msg = translate("Files", "%1 articles added.").replace("%1", str(len(report.added)))
        if report.duplicates:
            msg += " " + translate("Files", "%1 were already in the project.").replace(
                "%1", str(len(report.duplicates)))
        self.hint(msg)
        if report.added and self.doc_id is None:
            self.open_document(report.added[0])
        dlg = ImportSummary(batch, report, self)
        self.import_summary = dlg
        dlg.open()

    def _import_cancelled(self) -> None:
        self.hint(translate("Files", "Import cancelled; nothing was added."))

    # drag and drop: files and folders dropped on the window (or the article list)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = dropped_paths(event.mimeData())
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    def export_dialog(self) -> None:
        if not exporter_available():
            return
        default = self._folder() / (self.project.path.stem + ".xlsx")
        path, _ = QFileDialog.getSaveFileName(self, translate("Files", "Export to Excel"), str(default),
                                              translate("Files", "Excel workbooks (*.xlsx)"))
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> bool:
        module = importlib.import_module(XLSX_EXPORTER)
        project = self.project

        def work(progress, cancel):
            def rows(done, total=0, *_):
                cancel.check()  # raising here stops the exporter; it leaves no file
                progress(done, total, "")

            return module.export_xlsx(project, path, progress=rows)

        return self.tasks.start(
            translate("Files", "Exporting to Excel"), work, project=project,
            done=lambda _: self.hint(translate("Files", "Exported to %1").replace("%1", str(path))),
            cancelled=lambda: self.hint(translate("Files", "Export cancelled; no file was "
                                                           "written.")),
            count=translate("Files", "Rows written: %1 of %2"))

    def restore_backup_dialog(self) -> None:
        from .backups_dialog import BackupsDialog

        if self.project.is_server:
            QMessageBox.information(self, "Annotator", translate(
                "Files", "A project on a server is backed up on the server (pg_dump), not "
                         "by the app: see docs/team-server.md."))
            return
        if self.tasks.refuse_if_busy(self):
            return
        dlg = BackupsDialog(self.project.path, self)
        dlg.accepted.connect(lambda: dlg.chosen and self.restore_backup(dlg.chosen.path))
        dlg.open()

    def restore_backup(self, backup: Path) -> bool:
        """Close, restore in a worker (the present state is backed up first), reopen."""
        from ..core.backups import restore

        if self.tasks.refuse_if_busy(self):
            return False
        self.commit_edits()
        path = self.project.path
        self.project.unsubscribe(self._on_event)
        self.project.close()
        self.project = None

        def reopen(message: str | None = None) -> None:
            if message:
                self.hint(message)
            # whatever is there now: the restored copy, or the untouched project
            self.open_project_path(path)

        def failed(exc) -> None:
            reopen()
            self.show_error(exc)

        return self.tasks.start(
            translate("Files", "Restoring a backup"),
            lambda progress, cancel: restore(path, backup, progress=progress, cancel=cancel),
            done=lambda _: reopen(translate("Files", "Restored the backup; the state before it "
                                                     "is kept as a backup too.")),
            failed=failed,
            cancelled=lambda: reopen(translate("Files", "Restore cancelled; the project is "
                                                        "unchanged.")),
            count=translate("Files", "Articles checked: %1 of %2"))

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

