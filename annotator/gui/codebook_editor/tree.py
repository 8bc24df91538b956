"""The editor's tree widget: entries carry their path in the codebook."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget

PATH_ROLE = Qt.UserRole + 1


class CodebookTree(QTreeWidget):
    """Drag and drop only among siblings: a value stays in its attribute, an attribute
    in its category (anything else is undone by redrawing from the model)."""

    moved = Signal(tuple, int)  # path of the dragged item, its new index

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
        if tpath is None or len(tpath) != len(path) or tpath[:-1] != path[:-1] \
                or tpath[-1][0] != path[-1][0]:  # same parent, same kind of entry
            return
        self.moved.emit(path, tpath[-1])
