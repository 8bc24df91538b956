"""The editor's tree widget: entries carry their path in the codebook; a drag shows where
the entry will land, and only where the editor will take it."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

PATH_ROLE = Qt.UserRole + 1
IDENT_ROLE = Qt.UserRole + 2  # the entry by its keys ("cat:source/attr:type"): a redraw
# renumbers paths, this stays


class CodebookTree(QTreeWidget):
    """A drop says which entry went where (before or after another, or into a group); the
    editor decides what that means and redraws from the model, so Qt never moves an item
    by itself.

    While dragging, the planner (`set_planner`: the editor's `drop_plan(path, target,
    zone)`, held weakly, or the closed editor's wrapper outlives it) says what a drop
    here would do: "before", "after", "into" or None (refused: no mark). The
    tree draws that instead of Qt's indicator, which showed a line between rows where the
    drop filed the entry into the group, and a box where it only reordered.

    A redraw after every edit must not cost the supervisor their place in a long
    codebook: `view_state` before it and `restore_view` after keep what was folded and
    where the list was scrolled, and show the selected entry."""

    dropped = Signal(tuple, tuple, str)  # the dragged entry's path, the target's, where

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDropIndicatorShown(False)  # ours: paintEvent
        self._planner: weakref.WeakMethod | None = None
        self._mark: tuple[QTreeWidgetItem, str] | None = None

    # --- dragging -----------------------------------------------------------------------

    def set_planner(self, method) -> None:
        self._planner = weakref.WeakMethod(method)

    def _zone(self, item: QTreeWidgetItem, y: int) -> str:
        """Where in the row: the top quarter "before", the bottom quarter "after" (not
        under an open entry: that is its first child's place), else "on"."""
        r = self.visualItemRect(item)
        q = max(2, r.height() // 4)
        if y < r.top() + q:
            return "before"
        if y > r.bottom() - q and not (item.isExpanded() and item.childCount()):
            return "after"
        return "on"

    def _aim(self, pos: QPoint):
        """(the dragged item, the target item, what a drop at `pos` does) or None."""
        item, target = self.currentItem(), self.itemAt(pos)
        if item is None or target is None or target is item:
            return None
        plan = self._planner() if self._planner is not None else None
        where = plan(item.data(0, PATH_ROLE), target.data(0, PATH_ROLE),
                     self._zone(target, pos.y())) if plan is not None else None
        return (item, target, where) if where else None

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        super().dragMoveEvent(event)  # scrolls near the edges
        aim = self._aim(event.position().toPoint())
        self._set_mark((aim[1], aim[2]) if aim else None)
        if aim:
            event.setDropAction(Qt.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._set_mark(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        aim = self._aim(event.position().toPoint())
        self._set_mark(None)
        event.setDropAction(Qt.IgnoreAction)  # the editor moves it, not Qt
        event.accept()
        if aim:
            item, target, where = aim
            self.dropped.emit(item.data(0, PATH_ROLE), target.data(0, PATH_ROLE), where)

    def startDrag(self, actions) -> None:  # noqa: N802
        """Qt's drag image is the row itself, held where it was grabbed: it covered the
        row under the pointer, and the mark that says where the entry will go. Here it
        is faint and beside the pointer (after it in the reading direction)."""
        item = self.currentItem()
        if item is None:
            return
        rect = self.visualItemRect(item)
        rect.setWidth(min(rect.width(), 280))
        row = self.viewport().grab(rect)
        pix = QPixmap(row.size())
        pix.setDevicePixelRatio(row.devicePixelRatio())
        pix.fill(Qt.transparent)
        p = QPainter(pix)
        p.setOpacity(0.6)
        p.drawPixmap(0, 0, row)
        p.end()
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData(self.selectedIndexes()))
        drag.setPixmap(pix)
        rtl = self.layoutDirection() == Qt.RightToLeft
        drag.setHotSpot(QPoint(rect.width() + 14 if rtl else -14, -14))
        drag.exec(Qt.MoveAction)

    def _set_mark(self, mark) -> None:
        if mark != self._mark:
            self._mark = mark
            self.viewport().update()

    def drop_mark(self) -> tuple[str, int] | None:
        """What is drawn: ("into", the group row's top) or ("line", its y)."""
        if self._mark is None:
            return None
        target, where = self._mark
        r = self.visualItemRect(target)
        if where == "into":
            return "into", r.top()
        if where == "before":
            return "line", r.top()
        last = target  # after an entry: under the last row it shows
        while last.isExpanded() and last.childCount():
            last = last.child(last.childCount() - 1)
        return "line", self.visualItemRect(last).bottom() + 1

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        mark = self.drop_mark()
        if mark is None:
            return
        target = self._mark[0]
        r = self.visualItemRect(target)
        p = QPainter(self.viewport())
        p.setPen(QPen(self.palette().highlight().color(), 2))
        if mark[0] == "into":
            p.drawRoundedRect(r.adjusted(1, 1, -2, -2), 3, 3)
        else:
            p.drawLine(r.left(), mark[1], r.right(), mark[1])
        p.end()

    # --- redrawing ----------------------------------------------------------------------

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
