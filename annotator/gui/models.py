"""Item models over project records: the document list and the current article's
annotations. They hold plain records from the Project API and change only through the
window's event handlers (which follow Project.subscribe)."""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter

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
# data() compares the role Qt passes (an int) with these plain ints: comparing an int
# with a PySide6 enum member costs ~7 us, and a repaint asks thousands of times.
DISPLAY, DECORATION, TOOLTIP, FOREGROUND, ALIGNMENT = (
    int(r.value) for r in (Qt.DisplayRole, Qt.DecorationRole, Qt.ToolTipRole,
                           Qt.ForegroundRole, Qt.TextAlignmentRole))
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
        self.coder = ""
        self._rows: dict[int, int] = {}
        self._done = 0

    def reset(self, docs: list[DocumentInfo], coder: str) -> None:
        self.beginResetModel()
        self.docs = list(docs)
        self.coder = coder
        self.status = {d.id: d.status.get(coder, "todo") for d in docs}
        self.counts = {d.id: d.annotations.get(coder, 0) for d in docs}
        self._rows = {d.id: i for i, d in enumerate(self.docs)}
        self._done = sum(1 for s in self.status.values() if s == "done")
        self.endResetModel()

    def append(self, docs: list[DocumentInfo]) -> None:
        """New documents (an import): rows inserted at the end, the existing rows and the
        view's selection untouched. The list is in id order, as Project.documents()."""
        docs = sorted((d for d in docs if d.id not in self._rows), key=lambda d: d.id)
        if not docs:
            return
        before = not self.docs or docs[0].id > self.docs[-1].id
        if before:
            first = len(self.docs)
            self.beginInsertRows(QModelIndex(), first, first + len(docs) - 1)
        else:  # ids below the last one (not made by this project): re-sort, one reset
            self.beginResetModel()
        for d in docs:
            self.docs.append(d)
            self.status[d.id] = d.status.get(self.coder, "todo")
            self.counts[d.id] = d.annotations.get(self.coder, 0)
            self._done += self.status[d.id] == "done"
        if before:
            self._rows.update((d.id, i) for i, d in enumerate(docs, first))
            self.endInsertRows()
        else:
            self.docs.sort(key=lambda d: d.id)
            self._rows = {d.id: i for i, d in enumerate(self.docs)}
            self.endResetModel()

    def row_of(self, doc_id: int) -> int:
        return self._rows.get(doc_id, -1)

    def doc_at(self, row: int) -> DocumentInfo | None:
        return self.docs[row] if 0 <= row < len(self.docs) else None

    def samples(self) -> tuple[bool, int]:
        """(whether any document has a date, the largest count): what the date and
        count columns must fit."""
        return (any(d.published for d in self.docs),
                max(self.counts.values(), default=0))

    def done_count(self) -> int:
        return self._done  # kept up to date: the status bar asks after every edit

    def set_status(self, doc_id: int, status: str) -> None:
        self._done += (status == "done") - (self.status.get(doc_id) == "done")
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
        if orientation == Qt.Horizontal and role == DISPLAY:
            return [self.tr("Title"), self.tr("Date"), self.tr("Status"), "#"][section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        d = self.docs[index.row()]
        col = index.column()
        if role == DOC_ID_ROLE:
            return d.id
        if role == DISPLAY:
            if col == self.TITLE:
                return short(d.title or self.tr("(untitled)"), 120)
            if col == self.DATE:
                return d.published.strftime("%Y-%m-%d") if d.published else ""
            if col == self.STATUS:
                return status_text(self.status.get(d.id, "todo"))
            return self.counts.get(d.id, 0)
        if role == TOOLTIP and col == self.TITLE:
            return d.title
        if role == FOREGROUND and col == self.STATUS:
            return QColor(STATUS_COLOURS.get(self.status.get(d.id, "todo"), "#000000"))
        if role == ALIGNMENT and col == self.COUNT:
            return int(Qt.AlignCenter)
        if role == ALIGNMENT and col == self.TITLE:
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
    """The current article's annotations in text order: category, quote, attributes.

    Every change costs O(log n) plus the rows on screen: a row is found by bisecting on
    its sort key (kept per uuid), a change is one inserted, removed or changed row, never
    a reset; the view measures nothing per row (fixed row heights, see tables.py)."""

    CATEGORY, QUOTE, ATTRS = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[AnnotationInfo] = []
        self._keys: dict[str, tuple] = {}
        self.categories: Counter[str] = Counter()  # what the category column must fit
        self._cells: dict[str, tuple] = {}
        self.set_codebook(None)

    def reset(self, annotations: list[AnnotationInfo], codebook) -> None:
        self.beginResetModel()
        self.set_codebook(codebook)
        key = self._key
        self._keys = {a.uuid: key(a) for a in annotations}
        self.rows = sorted(annotations, key=lambda a: self._keys[a.uuid])
        self.categories = Counter(a.category for a in annotations)
        self.endResetModel()

    def set_codebook(self, codebook) -> None:
        self.codebook = codebook
        self._cats = {c.key: c for c in codebook.categories} if codebook else {}
        self._cells.clear()

    @staticmethod
    def _key(a: AnnotationInfo):
        return (a.end > a.start, a.start, a.end, a.id)  # document-level codes first

    def row_of(self, uuid: str | None) -> int:
        k = self._keys.get(uuid)
        if k is None:
            return -1
        row = bisect.bisect_left(self.rows, k, key=self._key)
        return row if row < len(self.rows) and self.rows[row].uuid == uuid else -1

    def info_at(self, row: int) -> AnnotationInfo | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def put(self, info: AnnotationInfo) -> None:
        """Add an annotation, or replace it: in place (one changed row) when it keeps its
        place in the order, else removed and inserted where it now belongs."""
        new = self._key(info)
        row = self.row_of(info.uuid)
        rows = self.rows
        if row >= 0 and (row == 0 or self._key(rows[row - 1]) < new) and (
                row == len(rows) - 1 or new < self._key(rows[row + 1])):
            self.categories[rows[row].category] -= 1
            self.categories[info.category] += 1
            rows[row] = info
            self._keys[info.uuid] = new
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return
        self.drop(info.uuid)
        # key= probes only log(n) rows: no list of 3,000 keys per hotkey press
        row = bisect.bisect_left(rows, new, key=self._key)
        self.beginInsertRows(QModelIndex(), row, row)
        rows.insert(row, info)
        self._keys[info.uuid] = new
        self.categories[info.category] += 1
        self.endInsertRows()

    def drop(self, uuid: str) -> None:
        row = self.row_of(uuid)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            self.categories[self.rows[row].category] -= 1
            del self.rows[row]
            del self._keys[uuid]
            self._cells.pop(uuid, None)
            self.endRemoveRows()

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:
        return 3

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == DISPLAY:
            return [self.tr("Category"), self.tr("Quote"), self.tr("Attributes")][section]
        return None

    def relabel(self) -> None:
        """Names changed (language, codebook): every row reads anew; order stays."""
        self._cells.clear()
        self.headerDataChanged.emit(Qt.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, self.columnCount() - 1))

    def _row_cells(self, a: AnnotationInfo) -> tuple:
        """(info, texts, alignments, decorations, lacking-tooltip) of one row, computed once
        per change of the row: a repaint asks for each visible cell's roles many times."""
        cells = self._cells.get(a.uuid)
        if cells is None or cells[0] is not a:
            cat = self._cats.get(a.category)
            texts = (i18n.name(cat) if cat else a.category,
                     short(a.quote) if a.end > a.start else self.tr("(whole article)"),
                     " · ".join(i18n.value_name(cat.attribute(k) if cat else None, v)
                                for k, v in a.attrs.items()))
            lacking = missing_required(a, cat)
            cells = (a, texts, [None, rtl_alignment(texts[1]), rtl_alignment(texts[2])],
                     # decorations: the category's colour; a warning when a required
                     # attribute is lacking (F8 steps to it), named in the tooltip
                     [QColor(cat.color) if cat else None, None,
                      _warning_icon() if lacking else None],
                     self.tr("Lacks: %1").replace("%1", ", ".join(map(i18n.name, lacking)))
                     if lacking else None)
            self._cells[a.uuid] = cells
        return cells

    def data(self, index, role=Qt.DisplayRole):
        a = self.rows[index.row()]
        col = index.column()
        if role == UUID_ROLE:
            return a.uuid
        if role == DISPLAY:
            return self._row_cells(a)[1][col]
        if role == DECORATION:
            return self._row_cells(a)[3][col]
        if role == TOOLTIP and col == self.ATTRS:
            return self._row_cells(a)[4]
        if role == TOOLTIP and col == self.QUOTE:
            return a.quote
        if role == ALIGNMENT:
            return self._row_cells(a)[2][col]
        return None
