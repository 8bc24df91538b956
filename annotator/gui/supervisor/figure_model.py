"""The table model behind the agreement view's tabs: rows of Cells (a figure, its kind,
the reason it is null, a tooltip), coloured by Krippendorff's cut-offs, a null figure
shown as "—" with its reason as the tooltip and a value below -1 explained."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QBrush

from .common import (
    below_minus_one_text,
    fmt,
    reason_text,
    threshold_colour,
    translate,
    verdict_text,
)

VALUE_ROLE = Qt.UserRole + 11   # the raw figure (float, int, str or None)
DOC_ROLE = Qt.UserRole + 12     # the document id of a per-document row


@dataclass
class Cell:
    value: object = None
    kind: str = "text"        # "coef" (coloured), "plain" (a coefficient, not coloured),
    reason: str = ""          # "share", "count", "text", "blank" (figure not defined here)
    tip: str = ""

    def display(self) -> str:
        if self.kind == "blank":
            return ""
        if self.kind == "text":
            return "" if self.value is None else str(self.value)
        return fmt(self.value, {"coef": "coef", "plain": "coef"}.get(self.kind, self.kind))


class FigureModel(QAbstractTableModel):
    """Rows of Cells under named columns; `column_of(key)` finds a column for tests and
    for code that reads the table."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: list[tuple[str, str]] = []   # (key, header)
        self.rows: list[list[Cell]] = []
        self.row_docs: list[int | None] = []

    def set_rows(self, columns: list[tuple[str, str]], rows: list[list[Cell]],
                 row_docs: list[int | None] | None = None) -> None:
        self.beginResetModel()
        self.columns, self.rows = list(columns), list(rows)
        self.row_docs = list(row_docs) if row_docs is not None else [None] * len(rows)
        self.endResetModel()

    def column_of(self, key: str) -> int:
        for i, (k, _) in enumerate(self.columns):
            if k == key:
                return i
        raise KeyError(key)

    def cell(self, row: int, key: str) -> Cell:
        return self.rows[row][self.column_of(key)]

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and \
                0 <= section < len(self.columns):
            return self.columns[section][1]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c = self.rows[index.row()][index.column()]
        if role == Qt.DisplayRole:
            return c.display()
        if role == VALUE_ROLE:
            return c.value
        if role == DOC_ROLE:
            return self.row_docs[index.row()]
        if role == Qt.ToolTipRole:
            if c.kind in ("coef", "plain", "share") and c.value is None:
                return reason_text(c.reason) or translate("Supervisor", "cannot be computed")
            if c.kind == "coef":
                below = below_minus_one_text() if c.value < -1 else ""
                return "\n".join(t for t in (verdict_text(c.value), below, c.tip) if t)
            return c.tip or None
        if role == Qt.BackgroundRole and c.kind == "coef":
            col = threshold_colour(c.value)
            return QBrush(col) if col is not None else None
        if role == Qt.ForegroundRole and c.kind in ("coef", "plain", "share") and c.value is None:
            return QBrush(Qt.gray)
        if role == Qt.TextAlignmentRole and c.kind not in ("text",):
            return int(Qt.AlignCenter)
        return None
