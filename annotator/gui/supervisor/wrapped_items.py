"""List items that wrap over several lines (the disagreements list), measured so that no
line is cut off or elided, in either direction."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate


def wrapped_text_height(text: str, font, width: float, direction) -> float:
    """The height an item view needs to show every line of `text` wrapped at `width` in
    `direction`, measured by the text layout itself (an Arabic line falls back to the
    Naskh face, taller than the interface font's lines). Qt's item drawing stops, and
    elides, after a line when the height so far plus that line's height again would not
    fit ("the next line is as tall as this one"), so a short last line under taller ones
    needs that much room too, not just the sum of the lines."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
    opt.setTextDirection(direction)
    layout.setTextOption(opt)
    heights = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        heights.append(line.height())
    layout.endLayout()
    need, so_far = sum(heights), 0.0
    for h in heights[:-1]:
        so_far += h
        need = max(need, so_far + h)
    return need


class WrappedItemDelegate(QStyledItemDelegate):
    """Item heights for multi-line, wrapping items measured at the list's own width and
    in its direction, so no line of an item (the last one says whether gold decides it)
    is cut off or elided."""

    def sizeHint(self, option, index) -> QSize:
        base = super().sizeHint(option, index)
        view = self.parent()
        text = index.data(Qt.DisplayRole) or ""
        if view is None or not text:
            return base
        margin = view.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, view) + 1
        width = view.viewport().width() - 2 * margin - 4   # the text's room in the item
        height = wrapped_text_height(text, option.font, width, view.layoutDirection())
        return QSize(min(base.width(), view.viewport().width()),
                     max(base.height(), math.ceil(height) + 2))
