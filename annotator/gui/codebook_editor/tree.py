"""The editor's tree widget: entries carry their path in the codebook."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget

PATH_ROLE = Qt.UserRole + 1


class CodebookTree(QTreeWidget):
    """A drop says which entry went onto which; the editor decides what that means (a
    reorder among siblings, filing a category in a group) and redraws from the model, so
    Qt never moves an item by itself."""

    dropped = Signal(tuple, tuple)  # path of the dragged entry, path of the one it fell on

    def dropEvent(self, event) -> None:  # noqa: N802
        item = self.currentItem()
        if item is None:
            event.ignore()
            return
        path = item.data(0, PATH_ROLE)
        target = self.itemAt(event.position().toPoint())
        tpath = target.data(0, PATH_ROLE) if target is not None else None
        event.setDropAction(Qt.IgnoreAction)
        event.accept()
        if tpath and tpath != path:
            self.dropped.emit(path, tpath)
