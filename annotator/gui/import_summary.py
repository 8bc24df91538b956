"""What an import from the desk did, or is about to do: articles added, those already in
the project, and every file that was skipped with its one-line reason.

Before anything is stored, when some files cannot be read, the same dialog asks: "Skip
these and import the rest" or "Import nothing"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

translate = QCoreApplication.translate


def skipped_line(exc) -> str:
    """`name: reason` for the list (the full path is the item's tooltip)."""
    path = getattr(exc, "path", None)
    message = getattr(exc, "message", None)
    if path and message:
        return f"{Path(path).name}: {message}"
    return str(exc)


class ImportSummary(QDialog):
    """`report` None: the question before storing (some files cannot be imported).
    With a report: the summary after storing."""

    def __init__(self, batch, report=None, parent=None):
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle(translate("ImportSummary", "Import"))
        self.asking = report is None and bool(batch.docs)
        lay = QVBoxLayout(self)
        self.heading = QLabel(self._heading(batch, report))
        self.heading.setObjectName("importHeading")
        self.heading.setWordWrap(True)
        lay.addWidget(self.heading)
        self.skipped = QListWidget()
        self.skipped.setObjectName("importSkipped")
        self.skipped.setWordWrap(True)  # a reason is one line of text, however long
        self.skipped.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.skipped.setAlternatingRowColors(True)
        for exc in batch.skipped:
            item = QListWidgetItem(skipped_line(exc))
            item.setToolTip(str(exc))
            self.skipped.addItem(item)
        for note in batch.notes:
            item = QListWidgetItem(translate("ImportSummary", "Note: %1").replace("%1", note))
            item.setForeground(Qt.darkGray)
            self.skipped.addItem(item)
        self.skipped.setVisible(self.skipped.count() > 0)
        lay.addWidget(self.skipped, 1)
        self.buttons = QDialogButtonBox()
        if self.asking:
            self.rest_button = self.buttons.addButton(
                translate("ImportSummary", "&Skip these and import the rest"),
                QDialogButtonBox.AcceptRole)
            self.rest_button.setObjectName("importRest")
            self.nothing_button = self.buttons.addButton(
                translate("ImportSummary", "Import &nothing"), QDialogButtonBox.RejectRole)
            self.nothing_button.setObjectName("importNothing")
            self.rest_button.setDefault(True)
        else:
            close = self.buttons.addButton(QDialogButtonBox.Close)
            close.setObjectName("importClose")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(560, 360 if self.skipped.count() else 160)

    @staticmethod
    def _heading(batch, report) -> str:
        n_skipped = len(batch.skipped)
        if report is None:
            if not batch.docs and not n_skipped:  # only files of types it cannot read
                return translate("ImportSummary", "No articles found to import.")
            if not batch.docs:
                return translate("ImportSummary", "No article could be read. %1 files cannot "
                                                  "be imported:").replace("%1", str(n_skipped))
            bad = {str(getattr(e, "path", "")) for e in batch.skipped}
            n_read = sum(1 for f in batch.files if str(f) not in bad)
            return (translate("ImportSummary", "%1 articles were read from %2 files.")
                    .replace("%1", str(len(batch.docs))).replace("%2", str(n_read)) + " "
                    + translate("ImportSummary", "%1 files cannot be imported:")
                    .replace("%1", str(n_skipped)))
        lines = [translate("ImportSummary", "%1 articles added.")
                 .replace("%1", str(len(report.added)))]
        if report.duplicates:
            lines.append(translate("ImportSummary", "%1 were already in the project and were "
                                                    "not added again.")
                         .replace("%1", str(len(report.duplicates))))
        if n_skipped:
            lines.append(translate("ImportSummary", "%1 files were skipped:")
                         .replace("%1", str(n_skipped)))
        return "\n".join(lines)
