"""File → Restore a backup…: pick one of the project's rolling backups and go back to it.

The project is closed, restored (the current state is itself backed up first, so the
restore can be undone the same way) and opened again.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..core.backups import BackupInfo, backups

REASONS = {
    "on-open": QT_TRANSLATE_NOOP("BackupsDialog", "taken when the project was opened"),
    "before-merge": QT_TRANSLATE_NOOP("BackupsDialog", "taken before a merge"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsDialog", "taken before a restore"),
}


class BackupsDialog(QDialog):
    def __init__(self, project_path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.chosen: BackupInfo | None = None
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        for b in backups(project_path):
            why = self.tr(REASONS[b.reason]) if b.reason in REASONS else b.reason
            item = QListWidgetItem(f"{b.taken:%Y-%m-%d %H:%M:%S} · {why} · "
                                   f"{b.size / 1e6:.1f} MB")
            item.setData(Qt.UserRole, b)
            self.list.addItem(item)
        note = QLabel(self.tr("The project goes back to the chosen copy. Its present state "
                              "is kept as a backup first, so you can come back to it."))
        note.setWordWrap(True)
        empty = QLabel(self.tr("No backups yet: one is taken each time the project is "
                               "opened after a change."))
        empty.setVisible(self.list.count() == 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Restore"))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(
            lambda cur, _: self.buttons.button(QDialogButtonBox.Ok).setEnabled(cur is not None))
        self.list.itemDoubleClicked.connect(lambda _: self._accept())
        lay = QVBoxLayout(self)
        for w in (note, empty, self.list, self.buttons):
            lay.addWidget(w)
        self.resize(520, 300)

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.UserRole)
            self.accept()
