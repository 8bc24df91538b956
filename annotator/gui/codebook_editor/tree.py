"""The editor's tree widget: entries carry their path in the codebook."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

PATH_ROLE = Qt.UserRole + 1
IDENT_ROLE = Qt.UserRole + 2  # the entry by its keys ("cat:source/attr:type"): a redraw
# renumbers paths, this stays


class CodebookTree(QTreeWidget):
    """A drop says which entry went onto which; the editor decides what that means (a
    reorder among siblings, filing a category in a group) and redraws from the model, so
    Qt never moves an item by itself.

    A redraw after every edit must not cost the supervisor their place in a long
    codebook: `view_state` before it and `restore_view` after keep what was folded and
    where the list was scrolled, and show the selected entry."""

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

    def all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for i in range(item.childCount()):
                out.append(item.child(i))
                walk(item.child(i))
        walk(self.invisibleRootItem())
        return out

    def view_state(self) -> tuple[set[str], int]:
        folded = {it.data(0, IDENT_ROLE) for it in self.all_items()
                  if it.childCount() and not it.isExpanded()}
        return folded, self.verticalScrollBar().value()

    def restore_view(self, state: tuple[set[str], int]) -> None:
        folded, scroll = state
        for it in self.all_items():
            if it.data(0, IDENT_ROLE) in folded:
                it.setExpanded(False)
        current = self.currentItem()
        parent = current.parent() if current is not None else None
        while parent is not None:  # a new attribute in a folded category: unfold it
            parent.setExpanded(True)
            parent = parent.parent()
        self.doItemsLayout()  # the scroll bar's range for the rows as they are now
        self.verticalScrollBar().setValue(scroll)
        if current is not None:
            self.scrollToItem(current)  # only if the edit took it out of view
