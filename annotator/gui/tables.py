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

from collections.abc import Iterable

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

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
