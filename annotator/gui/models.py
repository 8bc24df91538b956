"""Item models over project records: the document list and the current article's
annotations. They hold plain records from the Project API and change only through the
window's event handlers (which follow Project.subscribe)."""

from __future__ import annotations

import bisect
import unicodedata

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from ..core.records import AnnotationInfo, DocumentInfo
from ..core.text import fold
from . import i18n

DOC_ID_ROLE = Qt.UserRole + 1
UUID_ROLE = Qt.UserRole + 2
# Readable on white and on the alternate rows (WCAG contrast >= 4.5 on #ffffff).
STATUS_COLOURS = {"todo": "#5f6368", "in_progress": "#9a6700", "done": "#1a7f37"}
# "Right" in absolute terms: in the mirrored (Arabic) interface plain AlignRight is left.
RTL_ALIGN = Qt.AlignRight | Qt.AlignAbsolute | Qt.AlignVCenter


def is_rtl_text(text: str) -> bool:
    """Whether `text` reads right to left: its first strong character is Arabic/Hebrew."""
    for ch in text or "":
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return True
        if bidi == "L":
            return False
    return False


def rtl_alignment(text: str):
    """TextAlignmentRole for a cell: right-aligned when the text is right to left, else the
    view's default (None)."""
    return int(RTL_ALIGN) if is_rtl_text(text) else None


def status_text(status: str) -> str:
    return {"todo": QCoreApplication.translate("Models", "To do"),
            "in_progress": QCoreApplication.translate("Models", "In progress"),
            "done": QCoreApplication.translate("Models", "Done")}.get(status, status)


def missing_required(a: AnnotationInfo, cat) -> list:
    """The required attributes `a` lacks (its category `cat`, a CategoryDef or None)."""
    if cat is None:
        return []
    return [att for att in cat.attributes if att.required and a.attrs.get(att.key) in (None, "")]


def _warning_icon():
    return QApplication.style().standardIcon(QStyle.SP_MessageBoxWarning)


def short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class DocumentListModel(QAbstractTableModel):
    TITLE, DATE, STATUS, COUNT = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.docs: list[DocumentInfo] = []
        self.status: dict[int, str] = {}
        self.counts: dict[int, int] = {}
        self._rows: dict[int, int] = {}

    def reset(self, docs: list[DocumentInfo], coder: str) -> None:
        self.beginResetModel()
        self.docs = list(docs)
        self.status = {d.id: d.status.get(coder, "todo") for d in docs}
        self.counts = {d.id: d.annotations.get(coder, 0) for d in docs}
        self._rows = {d.id: i for i, d in enumerate(self.docs)}
        self.endResetModel()

    def row_of(self, doc_id: int) -> int:
        return self._rows.get(doc_id, -1)

    def doc_at(self, row: int) -> DocumentInfo | None:
        return self.docs[row] if 0 <= row < len(self.docs) else None

    def done_count(self) -> int:
        return sum(1 for s in self.status.values() if s == "done")

    def set_status(self, doc_id: int, status: str) -> None:
        self.status[doc_id] = status
        self._changed(doc_id, self.STATUS)

    def bump(self, doc_id: int, delta: int) -> None:
        self.counts[doc_id] = max(0, self.counts.get(doc_id, 0) + delta)
        if delta > 0 and self.status.get(doc_id) == "todo":
            self.status[doc_id] = "in_progress"  # what the core does on a first annotation
            self._changed(doc_id, self.STATUS)
        self._changed(doc_id, self.COUNT)

    def _changed(self, doc_id: int, column: int) -> None:
        row = self.row_of(doc_id)
        if row >= 0:
            idx = self.index(row, column)
            self.dataChanged.emit(idx, idx)

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.docs)

    def columnCount(self, parent=None) -> int:
        return 4

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return [self.tr("Title"), self.tr("Date"), self.tr("Status"), "#"][section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        d = self.docs[index.row()]
        col = index.column()
        if role == DOC_ID_ROLE:
            return d.id
        if role == Qt.DisplayRole:
            if col == self.TITLE:
                return short(d.title or self.tr("(untitled)"), 120)
            if col == self.DATE:
                return d.published.strftime("%Y-%m-%d") if d.published else ""
            if col == self.STATUS:
                return status_text(self.status.get(d.id, "todo"))
            return self.counts.get(d.id, 0)
        if role == Qt.ToolTipRole and col == self.TITLE:
            return d.title
        if role == Qt.ForegroundRole and col == self.STATUS:
            return QColor(STATUS_COLOURS.get(self.status.get(d.id, "todo"), "#000000"))
        if role == Qt.TextAlignmentRole and col == self.COUNT:
            return int(Qt.AlignCenter)
        if role == Qt.TextAlignmentRole and col == self.TITLE:
            return rtl_alignment(d.title)
        return None


class DocumentFilter(QSortFilterProxyModel):
    """Filters by title with the same Arabic folding as search (hamza, diacritics...)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._key = ""

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._key = fold(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent) -> bool:
        if not self._key:
            return True
        d = self.sourceModel().doc_at(row)
        return d is not None and self._key in fold(d.title or "")


class AnnotationListModel(QAbstractTableModel):
    """The current article's annotations in text order: category, quote, attributes."""

    CATEGORY, QUOTE, ATTRS = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[AnnotationInfo] = []
        self.set_codebook(None)

    def reset(self, annotations: list[AnnotationInfo], codebook) -> None:
        self.beginResetModel()
        self.set_codebook(codebook)
        self.rows = sorted(annotations, key=self._key)
        self.endResetModel()

    def set_codebook(self, codebook) -> None:
        self.codebook = codebook
        self._cats = {c.key: c for c in codebook.categories} if codebook else {}

    @staticmethod
    def _key(a: AnnotationInfo):
        return (a.end > a.start, a.start, a.end, a.id)  # document-level codes first

    def row_of(self, uuid: str) -> int:
        for i, a in enumerate(self.rows):
            if a.uuid == uuid:
                return i
        return -1

    def info_at(self, row: int) -> AnnotationInfo | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def put(self, info: AnnotationInfo) -> None:
        self.drop(info.uuid)
        # key= probes only log(n) rows: no list of 3,000 keys per hotkey press
        row = bisect.bisect_left(self.rows, self._key(info), key=self._key)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, info)
        self.endInsertRows()

    def drop(self, uuid: str) -> None:
        row = self.row_of(uuid)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:
        return 3

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return [self.tr("Category"), self.tr("Quote"), self.tr("Attributes")][section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        a = self.rows[index.row()]
        cat = self._cats.get(a.category)
        col = index.column()
        if role == UUID_ROLE:
            return a.uuid
        if role == Qt.DisplayRole:
            if col == self.CATEGORY:
                return i18n.name(cat) if cat else a.category
            if col == self.QUOTE:
                return short(a.quote) if a.end > a.start else self.tr("(whole article)")
            return " · ".join(i18n.value_name(cat.attribute(k) if cat else None, v)
                             for k, v in a.attrs.items())
        if role == Qt.DecorationRole and col == self.CATEGORY and cat:
            return QColor(cat.color)
        if role == Qt.DecorationRole and col == self.ATTRS and missing_required(a, cat):
            return _warning_icon()  # lacks a required attribute (F8 steps to it)
        if role == Qt.ToolTipRole and col == self.ATTRS:
            lacking = missing_required(a, cat)
            return self.tr("Lacks: %1").replace("%1", ", ".join(map(i18n.name, lacking))) \
                if lacking else None
        if role == Qt.ToolTipRole and col == self.QUOTE:
            return a.quote
        if role == Qt.TextAlignmentRole and col in (self.QUOTE, self.ATTRS):
            return rtl_alignment(self.data(index, Qt.DisplayRole))
        return None
