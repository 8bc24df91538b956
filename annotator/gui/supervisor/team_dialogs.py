"""Team work in the GUI: hand out a package to a coder, merge coders' files back, plan and
apply an assignment (with an overlap set for reliability), and see progress per coder.

The dialogs call the core's team functions (annotator.core.packages and .merge); any
AnnotatorError comes back as a one-line message box, never a traceback.

Those two core modules are loaded at first use through `team()` below, not imported at the
top: the import-linter contract "Widgets never run SQL" also forbids *indirect* imports,
and these service modules reach SQLAlchemy inside the core (as Project itself does). The
widgets here still run no SQL: they call the same service functions as the CLI.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...core.adjudication import GOLD
from ...core.errors import AnnotatorError
from ..tasks import TaskRunner
from .common import show_error, translate


def team():
    """(packages, merge): the core's team modules, loaded when first used."""
    return (importlib.import_module("annotator.core.packages"),
            importlib.import_module("annotator.core.merge"))


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _set_rows(t: QTableWidget, rows: list[list]) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            item = QTableWidgetItem(str(v))
            if isinstance(v, int):
                item.setTextAlignment(Qt.AlignCenter)
            t.setItem(r, c, item)


def western_digits(*spins) -> None:
    """Spin boxes show 0-9 like the rest of the interface: under the Arabic interface the
    default locale would write Arabic-Indic digits (٢٠ %)."""
    for spin in spins:
        spin.setLocale(QLocale.c())


def _coders(project) -> list[str]:
    return [c.name for c in project.coders() if c.role != "gold" and c.name != GOLD]


# --- package -------------------------------------------------------------------------------

class PackageDialog(QDialog):
    """Choose a coder and documents, save the coder's package file."""

    packaged = Signal(dict)  # what went in, once the file is written

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.result_info: dict | None = None
        self.setWindowTitle(translate("Supervisor", "Package for a coder"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.coder = QComboBox()
        self.coder.setEditable(True)
        self.coder.addItems(_coders(project))
        self.coder.currentTextChanged.connect(lambda *_: self._preset_docs())
        form.addRow(translate("Supervisor", "&Coder:"), self.coder)
        lay.addLayout(form)
        self.only_assigned = QCheckBox(translate("Supervisor",
                                                 "Tick the documents assigned to this coder"))
        self.only_assigned.setChecked(True)
        self.only_assigned.toggled.connect(lambda *_: self._preset_docs())
        lay.addWidget(self.only_assigned)
        self.docs = QListWidget()
        self.docs.setObjectName("packageDocuments")
        for d in project.documents():
            item = QListWidgetItem(f"{d.id} · {d.title}")
            item.setData(Qt.UserRole, d.id)
            item.setData(Qt.UserRole + 1, dict(d.status))
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.docs.addItem(item)
        lay.addWidget(self.docs, 1)
        row = QHBoxLayout()
        all_b = QPushButton(translate("Supervisor", "All"))
        none_b = QPushButton(translate("Supervisor", "None"))
        all_b.clicked.connect(lambda: self._tick_all(True))
        none_b.clicked.connect(lambda: self._tick_all(False))
        row.addWidget(all_b)
        row.addWidget(none_b)
        row.addStretch(1)
        lay.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.save_button = buttons.addButton(translate("Supervisor", "&Save package…"),
                                             QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self._save_clicked)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._preset_docs()
        self.resize(520, 520)

    def _tick_all(self, on: bool) -> None:
        for i in range(self.docs.count()):
            self.docs.item(i).setCheckState(Qt.Checked if on else Qt.Unchecked)

    def _preset_docs(self) -> None:
        if not self.only_assigned.isChecked():
            return
        coder = self.coder.currentText().strip()
        for i in range(self.docs.count()):
            it = self.docs.item(i)
            it.setCheckState(Qt.Checked if coder in (it.data(Qt.UserRole + 1) or {})
                             else Qt.Unchecked)

    def chosen_documents(self) -> list[int]:
        return [self.docs.item(i).data(Qt.UserRole) for i in range(self.docs.count())
                if self.docs.item(i).checkState() == Qt.Checked]

    def make(self, out: str | Path, overwrite: bool = False, then=None) -> bool:
        """Write the package in a worker thread (progress: documents written). When done,
        `result_info` holds what went in and `packaged` is emitted; an error is one line
        in a box. Returns False when nothing was started (no documents, another task)."""
        packages, _ = team()
        ids = self.chosen_documents()
        if not ids:
            show_error(self, AnnotatorError(None, translate("Supervisor",
                                                            "tick at least one document")))
            return False
        coder, out = self.coder.currentText(), Path(out)
        self.result_info = None
        return TaskRunner.of(self).start(
            translate("Supervisor", "Writing the package"),
            lambda progress, cancel: packages.make_package(
                self.project, coder, ids, out, overwrite=overwrite, progress=progress,
                cancel=cancel),
            done=lambda info: self._made(info, then), failed=lambda exc: show_error(self, exc),
            project=self.project,
            count=translate("Supervisor", "Documents written: %1 of %2"), parent=self)

    def _made(self, info: dict, then=None) -> None:
        self.result_info = info
        self.packaged.emit(info)
        if then is not None:
            then(info)

    def _save_clicked(self) -> None:
        coder = self.coder.currentText().strip() or "coder"
        default = str(Path(self.project.path).with_name(
            f"{Path(self.project.path).stem}-{coder}.annot"))
        path, _ = QFileDialog.getSaveFileName(self, translate("Supervisor", "Save package"),
                                              default, translate("Supervisor",
                                                                 "Annotator projects (*.annot)"))
        if not path:
            return
        self.make(path, overwrite=Path(path).exists(), then=self._saved)

    def _saved(self, info: dict) -> None:
        QMessageBox.information(self, self.windowTitle(), translate(
            "Supervisor", "Package for {0}: {1} documents, {2} annotations, saved to {3}")
            .format(info["coder"], info["documents"], info["annotations"], info["path"]))
        self.accept()


# --- merge ---------------------------------------------------------------------------------

class MergeDialog(QDialog):
    """Choose coders' files, merge them in one go, read what each one brought."""

    merged = Signal(list)  # the reports, once the merge is committed

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.reports: list = []
        self.setWindowTitle(translate("Supervisor", "Merge coders' files"))
        lay = QVBoxLayout(self)
        self.note = QLabel(translate("Supervisor",
                                     "A backup of the project is written before each merge. "
                                     "Merging the same file twice changes nothing."))
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.table = _table([translate("Supervisor", "File"), translate("Supervisor", "Coder"),
                             translate("Supervisor", "Added"), translate("Supervisor", "Updated"),
                             translate("Supervisor", "Deleted"),
                             translate("Supervisor", "Skipped")])
        self.table.setObjectName("mergeReport")
        lay.addWidget(self.table, 1)
        self.notes = QListWidget()
        self.notes.setObjectName("mergeNotes")
        self.notes.setMaximumHeight(120)
        lay.addWidget(self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        choose = buttons.addButton(translate("Supervisor", "&Choose files and merge…"),
                                   QDialogButtonBox.ActionRole)
        choose.clicked.connect(self._choose)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 420)

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, translate("Supervisor", "Coders' files"), str(Path(self.project.path).parent),
            translate("Supervisor", "Annotator projects (*.annot);;All files (*)"))
        if paths:
            self.merge_files(paths)

    def merge_files(self, paths: list[str | Path]) -> bool:
        """Merge in a worker thread (progress: the packages' rows), then show what each
        file brought. Returns False when nothing was started (another task runs)."""
        _, merge = team()
        paths = [Path(p) for p in paths]
        return TaskRunner.of(self).start(
            translate("Supervisor", "Merging coders' files"),
            lambda progress, cancel: merge.merge_packages(self.project, paths,
                                                          progress=progress, cancel=cancel),
            done=self._merged, project=self.project, parent=self,
            failed=lambda exc: show_error(self, exc, translate("Supervisor", "Merge refused")),
            cancelled=lambda: self.note.setText(translate(
                "Supervisor", "Merge cancelled; the project is unchanged.")),
            count=translate("Supervisor", "Rows merged: %1 of %2"))

    def _merged(self, reports: list) -> None:
        self.reports = reports
        rows = []
        self.notes.clear()
        for r in reports:
            t = r.totals()
            rows.append([Path(r.path).name, r.coder or "", t["added"], t["updated"],
                         t["deleted"], t["skipped"]])
            for line in r.notes:
                self.notes.addItem(f"{Path(r.path).name}: {line}")
        _set_rows(self.table, rows)
        if reports and reports[0].backup:
            self.note.setText(translate("Supervisor", "Merged. Backup before the merge: {0}")
                              .format(reports[0].backup))
        self.merged.emit(reports)


# --- assignment ----------------------------------------------------------------------------

class AssignmentDialog(QDialog):
    """Coders, overlap share and seed -> a plan to look at -> apply."""

    applied = Signal()

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.plan = None
        self.setWindowTitle(translate("Supervisor", "Assign documents"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.coders = QLineEdit(", ".join(_coders(project)))
        self.coders.setPlaceholderText("mona, ali, …")
        form.addRow(translate("Supervisor", "&Coders (comma-separated):"), self.coders)
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(0, 100)
        self.overlap.setDecimals(0)
        self.overlap.setSuffix(" %")
        self.overlap.setValue(20)
        form.addRow(translate("Supervisor", "&Overlap coded by everyone:"), self.overlap)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setValue(1)
        form.addRow(translate("Supervisor", "&Seed:"), self.seed)
        western_digits(self.overlap, self.seed)
        self.unassigned_only = QCheckBox(translate("Supervisor",
                                                   "Only documents nobody has yet"))
        self.unassigned_only.setChecked(True)
        form.addRow("", self.unassigned_only)
        lay.addLayout(form)
        self.preview_button = QPushButton(translate("Supervisor", "&Preview plan"))
        self.preview_button.clicked.connect(self.preview)
        lay.addWidget(self.preview_button)
        self.table = _table([translate("Supervisor", "Coder"),
                             translate("Supervisor", "Documents"),
                             translate("Supervisor", "Of them in the overlap"),
                             translate("Supervisor", "Ids")])
        self.table.setObjectName("assignmentPlan")
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.apply_button = buttons.addButton(translate("Supervisor", "&Apply"),
                                              QDialogButtonBox.ApplyRole)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(620, 440)

    def preview(self):
        packages, _ = team()
        try:
            names = [c.strip() for c in self.coders.text().split(",") if c.strip()]
            docs = (packages.unassigned_documents(self.project) if self.unassigned_only
                    .isChecked() else [d.id for d in self.project.documents()])
            if not docs:
                raise AnnotatorError(None, translate("Supervisor",
                                                     "no documents to assign"))
            self.plan = packages.plan_assignment(docs, names, self.overlap.value() / 100.0,
                                                 self.seed.value())
        except Exception as exc:
            self.plan = None
            self.apply_button.setEnabled(False)
            show_error(self, exc)
            return None
        rows = []
        for coder, ids in self.plan.per_coder.items():
            shown = ", ".join(map(str, ids[:30])) + (" …" if len(ids) > 30 else "")
            rows.append([coder, len(ids), len(self.plan.overlap), shown])
        _set_rows(self.table, rows)
        self.apply_button.setEnabled(True)
        return self.plan

    def apply(self) -> bool:
        """Apply the plan in a worker thread, in one transaction (Cancel assigns nothing).
        Returns False when nothing was started."""
        if self.plan is None:
            return False
        packages, _ = team()
        plan = self.plan
        return TaskRunner.of(self).start(
            translate("Supervisor", "Assigning documents"),
            lambda progress, cancel: packages.apply_assignment(self.project, plan,
                                                               progress=progress,
                                                               cancel=cancel),
            done=self._applied, failed=lambda exc: show_error(self, exc),
            project=self.project, parent=self,
            count=translate("Supervisor", "Documents assigned: %1 of %2"))

    def _applied(self, _result) -> None:
        self.apply_button.setEnabled(False)
        self.applied.emit()
        QMessageBox.information(self, self.windowTitle(),
                                translate("Supervisor", "Assigned. Hand out the packages next."))


# --- progress ------------------------------------------------------------------------------

class ProgressDialog(QDialog):
    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(translate("Supervisor", "Progress per coder"))
        lay = QVBoxLayout(self)
        self.table = _table([translate("Supervisor", "Coder"),
                             translate("Supervisor", "Assigned"),
                             translate("Supervisor", "To do"),
                             translate("Supervisor", "In progress"),
                             translate("Supervisor", "Done"),
                             translate("Supervisor", "Done %")])
        self.table.setObjectName("progress")
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        refresh = buttons.addButton(translate("Supervisor", "&Refresh"),
                                    QDialogButtonBox.ActionRole)
        refresh.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.refresh()
        self.resize(560, 300)

    def refresh(self) -> list[dict]:
        packages, _ = team()
        try:
            rows = packages.progress(self.project)
        except Exception as exc:
            show_error(self, exc)
            return []
        _set_rows(self.table, [[r["coder"], r["assigned"], r["todo"], r["in_progress"],
                                r["done"], f"{100 * r['done'] / r['assigned']:.0f}%"
                                if r["assigned"] else "—"] for r in rows])
        return rows
