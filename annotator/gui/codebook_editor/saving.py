"""The editor's files and saving: import and export a codebook file, save the working copy
as a new version, and close without losing edits (Close, Esc or the window's X with
unsaved edits asks: save, discard or keep editing)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox

from ...core.codebook import Codebook, load_codebook, save_codebook
from ...core.errors import AnnotatorError
from .commands import Snapshot

translate = QCoreApplication.translate
ERROR, DONE = "color: #a00000", "color: #1d6b2a"


class ProblemLine(QLabel):
    """The line under the tree: what was refused, in red; "Saved as version 3." in green
    (it was red too, and read as a failure)."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR)

    def setText(self, text: str) -> None:  # noqa: N802
        self.setStyleSheet(ERROR)
        super().setText(text)

    def say_done(self, text: str) -> None:
        self.setStyleSheet(DONE)
        super().setText(text)


class SavingMixin:
    """Files and saving for CodebookEditor."""

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, translate("CodebookEditor", "Import a codebook"), "",
                translate("CodebookEditor", "Codebooks (*.yaml *.yml *.json)"))
        if not path:
            return
        try:
            cb = load_codebook(path)
        except AnnotatorError as exc:
            self.problems.setText(str(exc))
            return
        self.problems.setText("")
        self.undo.push(Snapshot(self, self.cb, cb, translate("CodebookEditor", "Import"),
                                (("cat", 0),)))

    def export_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, translate("CodebookEditor", "Export the codebook"), "codebook.yaml",
                translate("CodebookEditor", "Codebooks (*.yaml *.yml *.json)"))
        if not path:
            return
        try:
            save_codebook(self.valid(), path)
        except AnnotatorError as exc:
            self.problems.setText(str(exc))

    def valid(self) -> Codebook:
        """The working copy checked as a file would be; raises CodebookError."""
        return Codebook.from_dict(self.cb.to_dict())

    def save(self) -> bool:
        try:
            cb = self.valid()
            number = self.project.set_codebook(cb, author=self.author)
        except AnnotatorError as exc:
            self.problems.setText(str(exc).replace("; ", "\n"))
            return False
        self.problems.say_done(translate("CodebookEditor", "Saved as version %1.").replace(
            "%1", str(number or self.project.codebook().version)))
        self.undo.setClean()
        if number:
            self.saved.emit(number)
        return True

    # --- closing ----------------------------------------------------------------------

    def unsaved(self) -> bool:
        """Edits the project does not have. Not the undo stack's clean state alone: a
        split or merge undone moves the stack off its clean step, yet the project and
        the editor agree (both were changed back)."""
        if self.project is None or self.undo.isClean():
            return False
        mine, stored = self.cb.to_dict(), self.project.codebook().to_dict()
        for d in (mine, stored):
            d.pop("version", None)  # saving numbers the project's copy, not ours
        return mine != stored

    def reject(self) -> None:
        """Close, Esc and the window's X: with unsaved edits, ask first (they were
        dropped without a word)."""
        if not self.unsaved() or self.findChild(QMessageBox, "unsavedBox"):
            QDialog.reject(self)
            return
        box = QMessageBox(QMessageBox.Question, translate("CodebookEditor", "Codebook editor"),
                          translate("CodebookEditor", "The codebook has changes that are not "
                                    "saved."), QMessageBox.NoButton, self)
        box.setObjectName("unsavedBox")
        box.setInformativeText(translate("CodebookEditor", "Save them as a new version of "
                                         "the codebook, or close without them?"))
        save = box.addButton(translate("CodebookEditor", "Save as new version"),
                             QMessageBox.AcceptRole)
        drop = box.addButton(translate("CodebookEditor", "Close without saving"),
                             QMessageBox.DestructiveRole)
        keep = box.addButton(translate("CodebookEditor", "Keep editing"),
                             QMessageBox.RejectRole)
        for b, name in ((save, "save"), (drop, "discard"), (keep, "keep")):
            b.setObjectName(name)
        box.setDefaultButton(save)
        box.setEscapeButton(keep)

        def answered(button) -> None:
            box.setObjectName("")  # gone for the next Close, though deleted only later
            box.deleteLater()
            if button is drop or (button is save and self.save()):
                QDialog.reject(self)
        box.buttonClicked.connect(answered)
        box.open()
