"""The desk's list views, sized without measuring their rows.

A QTableView with a ResizeToContents column asks the model for every row's data (size
hint, font, decoration...) on each reset and each changed row: 24,000 calls and half a
second for an article with 3,000 annotations, and a pass over the whole document list on
every hotkey. Here rows have one fixed height and a column is as wide as the widest of a
few known samples (category names, status words, a date), recomputed when those change
(codebook, language); the coder can still drag a column wider. Painting then touches only
the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from ..core.records import STATUSES
from .models import AnnotationListModel, DocumentListModel, status_text

ICON_GAP = 4  # between a cell's decoration and its text


def table(model) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setSelectionMode(QAbstractItemView.SingleSelection)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.verticalHeader().hide()
    t.setWordWrap(False)
    t.setAlternatingRowColors(True)
    # Tab leaves the table (to the next widget) instead of walking its cells forever.
    t.setTabKeyNavigation(False)
    rows = t.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.Fixed)  # one height: no row is ever measured
    rows.setDefaultSectionSize(t.fontMetrics().height() + 8)
    t.horizontalHeader().setResizeContentsPrecision(0)  # should anything ask: visible rows
    return t


def fit_column(t: QTableView, column: int, samples: Iterable[str], icon: bool = False) -> None:
    """Make `column` as wide as its header or the widest sample, whichever is wider; the
    column stays Interactive, so the coder can widen it."""
    fm = t.fontMetrics()
    style = t.style()
    pad = 2 * (style.pixelMetric(QStyle.PM_FocusFrameHMargin, None, t) + 1) + 8
    if icon:
        pad += style.pixelMetric(QStyle.PM_SmallIconSize, None, t) + ICON_GAP
    width = max((fm.horizontalAdvance(s) for s in samples), default=0) + pad
    header = t.horizontalHeader()
    label = t.model().headerData(column, header.orientation()) or ""
    width = max(width, header.fontMetrics().horizontalAdvance(str(label)) + 24)
    header.setSectionResizeMode(column, QHeaderView.Interactive)
    header.resizeSection(column, width)


class FittedColumns:
    """Keeps the desk's two lists' columns fitted as their content changes: the
    documents' date, status and count, and the annotations' category (the names of the
    categories used in the article). Each check is O(categories), never O(rows)."""

    def __init__(self, doc_table: QTableView, doc_model: DocumentListModel,
                 ann_table: QTableView, ann_model: AnnotationListModel,
                 category_name: Callable[[str], str]):
        self.doc_table, self.doc_model = doc_table, doc_model
        self.ann_table, self.ann_model = ann_table, ann_model
        self.category_name = category_name
        self._fitted: set[str] = set()  # categories the first column is fitted to
        self._digits = 3
        doc_model.modelReset.connect(self.fit_documents)
        doc_model.rowsInserted.connect(self.fit_documents)
        doc_model.dataChanged.connect(self._document_changed)
        ann_model.modelReset.connect(self.fit_categories)
        ann_model.rowsInserted.connect(self._annotations_changed)
        ann_model.dataChanged.connect(self._annotations_changed)

    def fit(self) -> None:
        """Everything again (the language changed)."""
        self.fit_documents()
        self.fit_categories()

    def fit_documents(self, *_args) -> None:
        d = DocumentListModel
        dated, most = self.doc_model.samples()
        self._digits = max(3, len(str(most)))
        fit_column(self.doc_table, d.DATE, ["2000-12-31"] if dated else [])
        fit_column(self.doc_table, d.STATUS, [status_text(s) for s in STATUSES])
        fit_column(self.doc_table, d.COUNT, ["9" * self._digits])

    def fit_categories(self) -> None:
        used = {k for k, n in self.ann_model.categories.items() if n > 0}
        fit_column(self.ann_table, AnnotationListModel.CATEGORY,
                   [self.category_name(k) for k in used], icon=True)
        self._fitted = used

    def _document_changed(self, top, _bottom, _roles=()) -> None:
        m = self.doc_model
        if top.column() == m.COUNT and \
                len(str(m.counts.get(m.doc_at(top.row()).id, 0))) > self._digits:
            self.fit_documents()

    def _annotations_changed(self, *_args) -> None:
        if any(n > 0 and k not in self._fitted for k, n in self.ann_model.categories.items()):
            self.fit_categories()
