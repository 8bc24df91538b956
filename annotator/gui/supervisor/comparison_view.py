"""Comparison of one article: the text shown once, right to left, with one thin lane per
coder under every line (in the category's colour, where that coder has a span) and a
distinct gold lane at the bottom; the places where the coders differ are tinted light
red, the current one darker. A side list names each disagreement: the text, who has
what, who missed it, and whether gold decides it already.

Keys (window-wide in this view): N or F8 next disagreement, Shift+N or Shift+F8 previous;
1-9 accept that numbered span into gold; E accept the chosen span with the text selection
as its bounds and the category in the box; R or Delete reject the gold span; Ctrl+Shift+A
accept all agreed spans; Alt+Right/Alt+Left move the gold start backward/forward and
Alt+Shift+Right/Alt+Shift+Left its end (forward = later in the text, as in the desk);
Ctrl+Z / Ctrl+Shift+Z undo and redo a decision.

The decisions go on the comparison window's own undo stack, never the desk's: the coder's
Ctrl+Z in the desk must not take a supervisor's gold decision back out.
"""

from __future__ import annotations

import math
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextLayout, QTextOption, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import adjudication as core_adj
from ...core.records import AnnotationInfo
from .. import i18n
from ..memos import memo_suffix
from .adjudication import Adjudicator
from .common import (
    NULL_TEXT,
    ReportRunner,
    current_user,
    ensure_fonts,
    fmt,
    reason_text,
    show_error,
    threshold_colour,
    translate,
)
from .lanes_view import DISAGREE_BG, LanesView, line_mark, quote, short


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


class ComparisonView(QWidget):
    """One article compared across coders, with adjudication into gold."""

    disagreementChanged = Signal(int)

    def __init__(self, project, doc_id: int, parent=None, undo_stack: QUndoStack | None = None,
                 decided_by: str | None = None, coders: list[str] | None = None):
        super().__init__(parent)
        ensure_fonts()
        self.project = project
        self.doc_id = doc_id
        self.fixed_coders = coders
        self.coders: list[str] = []
        self.items: list[core_adj.Disagreement] = []
        self.index = -1
        # Its own stack unless a caller gives one (tests do): never the desk's.
        self.stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.adjudicator = Adjudicator(project, self.stack, decided_by or current_user(),
                                       lambda exc: show_error(self, exc))
        self.runner = ReportRunner(self)
        self.runner.finished.connect(self._show_gold_figures)
        self.runner.failed.connect(lambda msg: self.gold_note.setText(msg))
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(self.reload)
        self._figures_timer = QTimer(self, singleShot=True, interval=800)
        self._figures_timer.timeout.connect(self.refresh_gold_figures)
        self._build()
        self._actions()
        self._listener = self._make_listener()
        project.subscribe(self._listener)
        self.destroyed.connect(lambda *_: project.unsubscribe(self._listener))
        self.load(doc_id)

    # --- building ---------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { background: #fff4c2; padding: 4px; }")
        self.notice.hide()
        self._notice_doc: int | None = None
        outer.addWidget(self.notice)
        head = QHBoxLayout()
        self.doc_label = QLabel()
        self.doc_combo = QComboBox()
        self.doc_combo.setObjectName("document")
        self.doc_combo.setMinimumContentsLength(30)
        self.doc_combo.activated.connect(self._doc_chosen)
        self.doc_label.setBuddy(self.doc_combo)
        head.addWidget(self.doc_label)
        head.addWidget(self.doc_combo, 1)
        self.position_label = QLabel()
        head.addWidget(self.position_label)
        self.prev_button = QPushButton()
        self.next_button = QPushButton()
        self.prev_button.clicked.connect(self.previous_disagreement)
        self.next_button.clicked.connect(self.next_disagreement)
        head.addWidget(self.prev_button)
        head.addWidget(self.next_button)
        outer.addLayout(head)

        split = QSplitter(Qt.Horizontal)
        self.article = LanesView()
        self.article.setObjectName("comparisonArticle")
        self.article.regionClicked.connect(self.go_to)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.RichText)
        ll.addWidget(self.legend)
        ll.addWidget(self.article, 1)
        split.addWidget(left)

        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        self.list_box = QGroupBox()
        lb = QVBoxLayout(self.list_box)
        self.list = QListWidget()
        self.list.setObjectName("disagreements")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setItemDelegate(WrappedItemDelegate(self.list))
        self.list.setResizeMode(QListView.Adjust)   # heights again at every new width
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._row_changed)
        lb.addWidget(self.list)
        sl.addWidget(self.list_box, 3)

        self.decide_box = QGroupBox()
        db = QVBoxLayout(self.decide_box)
        self.candidates = QListWidget()
        self.candidates.setObjectName("candidates")
        self.candidates.setWordWrap(True)
        self.candidates.setSelectionMode(QAbstractItemView.SingleSelection)
        self.candidates.itemDoubleClicked.connect(lambda *_: self.accept_current())
        db.addWidget(self.candidates)
        row = QHBoxLayout()
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self.accept_current)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.accept_edited)
        self.reject_button = QPushButton()
        self.reject_button.clicked.connect(self.reject_current)
        for b in (self.accept_button, self.edit_button, self.reject_button):
            row.addWidget(b)
        db.addLayout(row)
        row2 = QHBoxLayout()
        self.edit_category_label = QLabel()
        self.edit_category = QComboBox()
        self.edit_category.setObjectName("editCategory")
        self.edit_category_label.setBuddy(self.edit_category)
        row2.addWidget(self.edit_category_label)
        row2.addWidget(self.edit_category, 1)
        db.addLayout(row2)
        self.all_button = QPushButton()
        self.all_button.clicked.connect(self.accept_all_agreed)
        db.addWidget(self.all_button)
        sl.addWidget(self.decide_box, 2)

        self.gold_box = QGroupBox()
        gb = QVBoxLayout(self.gold_box)
        self.gold_table = QTableWidget(0, 4)
        self.gold_table.setObjectName("goldFigures")
        self.gold_table.verticalHeader().hide()
        self.gold_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.gold_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.gold_table.horizontalHeader().setStretchLastSection(True)
        self.gold_table.setMaximumHeight(130)
        self.gold_note = QLabel()
        self.gold_note.setWordWrap(True)
        gb.addWidget(self.gold_table)
        gb.addWidget(self.gold_note)
        sl.addWidget(self.gold_box, 1)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 420])
        outer.addWidget(split, 1)
        self._retranslate()

    def _retranslate(self) -> None:
        self.doc_label.setText(translate("Supervisor", "&Article:"))
        self.prev_button.setText(translate("Supervisor", "Previous"))
        self.next_button.setText(translate("Supervisor", "Next"))
        self.prev_button.setToolTip("Shift+N, Shift+F8")
        self.next_button.setToolTip("N, F8")
        self.list_box.setTitle(translate("Supervisor", "Disagreements"))
        self.decide_box.setTitle(translate("Supervisor", "Decide (gold)"))
        self.accept_button.setText(translate("Supervisor", "&Accept (1–9)"))
        self.accept_button.setToolTip(translate(
            "Supervisor", "Put the chosen span into gold as it is; keys 1–9 accept "
                          "the span with that number"))
        self.edit_button.setText(translate("Supervisor", "&Edit (E)"))
        self.edit_button.setToolTip(translate(
            "Supervisor", "Put the chosen span into gold with the text selected in the "
                          "article as its bounds and the category below"))
        self.reject_button.setText(translate("Supervisor", "&Reject (R)"))
        self.reject_button.setToolTip(translate("Supervisor", "Take the span out of gold"))
        self.edit_category_label.setText(translate("Supervisor", "Category for Edit:"))
        self.all_button.setText(translate("Supervisor",
                                          "Accept all agreed spans (Ctrl+Shift+A)"))
        self.gold_box.setTitle(translate("Supervisor", "Gold against each coder"))
        self.gold_table.setHorizontalHeaderLabels([
            translate("Supervisor", "Coder"), translate("Supervisor", "αU this article"),
            translate("Supervisor", "αU all adjudicated"),
            translate("Supervisor", "Documents")])
        self.setWindowTitle(translate("Supervisor", "Compare coders"))

    def _actions(self) -> None:
        def act(name, keys, slot):
            a = QAction(self)
            a.setObjectName(name)
            a.setShortcuts([QKeySequence(k) for k in keys])
            # Only while this view (or a child) has focus: never steals the desk's keys.
            a.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.act_next = act("next_disagreement", ("N", "F8"), self.next_disagreement)
        self.act_prev = act("previous_disagreement", ("Shift+N", "Shift+F8"),
                            self.previous_disagreement)
        for k in range(1, 10):
            act(f"accept_{k}", (str(k),), lambda _=False, k=k: self.accept_number(k))
        act("accept_edited", ("E",), self.accept_edited)
        act("reject", ("R", "Delete"), self.reject_current)
        act("accept_all", ("Ctrl+Shift+A",), self.accept_all_agreed)
        # Boundaries: logical moves, as the desk's keys (Alt+Left = forward in Arabic).
        act("gold_start_back", ("Alt+Right",), lambda: self.nudge("start", False))
        act("gold_start_forward", ("Alt+Left",), lambda: self.nudge("start", True))
        act("gold_end_back", ("Alt+Shift+Right",), lambda: self.nudge("end", False))
        act("gold_end_forward", ("Alt+Shift+Left",), lambda: self.nudge("end", True))
        undo = self.stack.createUndoAction(self)
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.stack.createRedoAction(self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for a in (undo, redo):
            a.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.addAction(a)
        self.undo_action, self.redo_action = undo, redo

    # --- loading ----------------------------------------------------------------------

    def _compared_coders(self) -> list[str]:
        if self.fixed_coders:
            return list(self.fixed_coders)
        names = {c.name: c.role for c in self.project.coders()}
        return sorted({a.coder for a in self.project.annotations(self.doc_id)
                       if a.coder != core_adj.GOLD and names.get(a.coder) != "gold"})

    def _fill_doc_combo(self) -> None:
        self.doc_combo.clear()
        for d in self.project.documents():
            coders = [c for c, n in d.annotations.items() if n and c != core_adj.GOLD]
            if len(coders) >= 2 or d.id == self.doc_id:
                done = sum(1 for c, st in d.status.items() if st == "done" and c != core_adj.GOLD)
                # the title isolated (FSI ... PDI): an Arabic title must not reorder the rest
                self.doc_combo.addItem(
                    translate("Supervisor", "{0} · {1} — {2} coders, {3} done").format(
                        d.id, f"\u2068{short(d.title or '', 50)}\u2069", len(coders), done),
                    d.id)
        self.doc_combo.setCurrentIndex(max(0, self.doc_combo.findData(self.doc_id)))

    def _doc_chosen(self, index: int) -> None:
        doc = self.doc_combo.itemData(index)
        if doc is not None and doc != self.doc_id:
            self.load(int(doc))

    def show_notice(self, text: str) -> None:
        """A one-line note above the window (why this article was opened); it goes away
        when another article is chosen."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self._notice_doc = self.doc_id

    def load(self, doc_id: int) -> None:
        if self._notice_doc is not None and doc_id != self._notice_doc:
            self.notice.hide()
            self._notice_doc = None
        self.doc_id = doc_id
        info = self.project.document(doc_id)
        self.coders = self._compared_coders()
        cb = self.project.codebook()
        self.edit_category.clear()
        for c in cb.categories:
            if c.kind == "span":
                self.edit_category.addItem(i18n.name(c), c.key)
        self._fill_doc_combo()
        self.items = core_adj.disagreements(self.project, doc_id, self.coders or None)
        spans = [a for a in self.project.annotations(doc_id)
                 if a.coder in self.coders or a.coder == core_adj.GOLD]
        self.article.set_comparison(self.project.text(doc_id), info.language, cb,
                                    self._lanes(spans), spans,
                                    [(d.start, d.end) for d in self.items])
        self.setWindowTitle(translate("Supervisor", "Compare coders — {0}")
                            .format(info.title or doc_id))
        self._fill_legend()
        self._fill_list()
        self.index = -1
        if self.items:
            self.go_to(0)
        else:
            self._fill_candidates()
            self._update_position()
        self.refresh_gold_figures()

    def _lanes(self, spans) -> list[str]:
        return self.coders + ([core_adj.GOLD] if any(a.coder == core_adj.GOLD for a in spans)
                              or self.coders else [])

    def reload(self) -> None:
        """After a decision (or anyone's change): new lanes, list and marks; the current
        place stays where it was in the text."""
        if not shiboken6.isValid(self):
            return
        where = self.items[self.index].start if 0 <= self.index < len(self.items) else None
        self.items = core_adj.disagreements(self.project, self.doc_id, self.coders or None)
        spans = [a for a in self.project.annotations(self.doc_id)
                 if a.coder in self.coders or a.coder == core_adj.GOLD]
        self.article.update_spans(spans, [(d.start, d.end) for d in self.items])
        self._fill_list()
        self.index = -1
        if self.items:
            i = 0
            if where is not None:
                i = next((k for k, d in enumerate(self.items) if d.end > where),
                         len(self.items) - 1)
            self.go_to(i, scroll=False)
        else:
            self.article.set_current(None)
            self._fill_candidates()
            self._update_position()
        self._figures_timer.start()

    def _make_listener(self):
        def listener(event: str, payload: object) -> None:
            if not shiboken6.isValid(self):
                return
            doc = getattr(payload, "doc_id", None)
            if event == "merged" or doc == self.doc_id:
                self._reload_timer.start()
        return listener

    def closeEvent(self, event) -> None:
        self.project.unsubscribe(self._listener)
        super().closeEvent(event)

    # --- the side list ----------------------------------------------------------------

    def _cat_name(self, key: str) -> str:
        cat = self.project.codebook().category(key)
        return i18n.name(cat) if cat else key

    def describe(self, d: core_adj.Disagreement, number: int | None = None) -> str:
        """Four lines or more: the text, each coder's spans, who missed it, whether gold
        decides it. Each line starts with LRM (English) or RLM (Arabic) and every quote is
        isolated with its guillemets, so mixed lines keep the layout's direction."""
        text = self.article.text[d.start:d.end]
        parts = []
        for c in self.coders:
            mine = [a for a in d.annotations if a.coder == c]
            if mine:
                parts.append(f"{c}: " + ", ".join(
                    f"{self._cat_name(a.category)} {quote(a.quote, 24)}{memo_suffix(a, 30)}"
                    for a in mine))
        if d.missing:
            parts.append(translate("Supervisor", "missed by {0}").format(", ".join(d.missing)))
        status = (translate("Supervisor", "✓ decided: {0}").format(", ".join(
            f"{self._cat_name(g.category)} {quote(g.quote, 24)}" for g in d.gold))
                  if d.decided else translate("Supervisor", "not decided"))
        mark = line_mark(self.layoutDirection() == Qt.RightToLeft)
        first = (f"{number}. " if number is not None else "") + quote(text, 70)
        return "\n".join(mark + line for line in [first, *parts, status])

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for i, d in enumerate(self.items, 1):
            item = QListWidgetItem(self.describe(d, i))
            item.setData(Qt.UserRole, (d.start, d.end))
            if d.decided:
                item.setForeground(QColor("#1f7a3f"))
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _fill_legend(self) -> None:
        swatch = ("<span style='background:{0}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>")
        gold = translate("Supervisor", "gold")
        # Each "N name" isolated in the layout's direction (LRI or RLI ... PDI), so the
        # number stays on the reading side of its own name whatever script the name is
        # in, and the pairs separated by a mark of that direction (LRM/RLM), so a number
        # never joins the name before it.
        rtl = self.layoutDirection() == Qt.RightToLeft
        iso, mark = ("\u2067", "\u200f") if rtl else ("\u2066", "\u200e")
        lanes = f"{mark} ".join(
            f"{iso}<b>{i}</b> {c if c != core_adj.GOLD else gold + ' (▭)'}\u2069"
            for i, c in enumerate(self.article.lanes, 1))
        cats = " ".join(f"{swatch.format(c.color)} {i18n.name(c)}"
                        for c in self.project.codebook().categories if c.kind == "span")
        self.legend.setText(
            translate("Supervisor", "Lanes under each line, top to bottom: {0}").format(lanes)
            + "<br>" + cats + " &nbsp; " + swatch.format(DISAGREE_BG) + " "
            + translate("Supervisor", "coders differ"))

    def _update_position(self) -> None:
        n = len(self.items)
        undecided = sum(1 for d in self.items if not d.decided)
        self.position_label.setText(
            translate("Supervisor", "{0} of {1} · {2} undecided").format(
                self.index + 1 if self.index >= 0 else 0, n, undecided))

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.items) and row != self.index:
            self.go_to(row)

    # --- stepping ---------------------------------------------------------------------

    def current(self) -> core_adj.Disagreement | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def go_to(self, i: int, scroll: bool = True) -> None:
        if not self.items:
            return
        i = max(0, min(i, len(self.items) - 1))
        self.index = i
        d = self.items[i]
        self.article.set_current((d.start, d.end))
        self.article.select_span(d.start, d.end, scroll=scroll)
        if scroll:
            self.article.ensureCursorVisible()
        self.list.blockSignals(True)
        self.list.setCurrentRow(i)
        self.list.blockSignals(False)
        self.list.scrollToItem(self.list.item(i))
        self._fill_candidates()
        self._update_position()
        self.disagreementChanged.emit(i)

    def next_disagreement(self) -> None:
        if self.items:
            self.go_to(self.index + 1 if self.index + 1 < len(self.items) else 0)

    def previous_disagreement(self) -> None:
        if self.items:
            self.go_to(self.index - 1 if self.index > 0 else len(self.items) - 1)

    # --- deciding ---------------------------------------------------------------------

    def _fill_candidates(self) -> None:
        self.candidates.clear()
        d = self.current()
        if d is None:
            return
        order = {c: i for i, c in enumerate(self.coders)}
        spans = sorted(d.annotations, key=lambda a: (order.get(a.coder, 99), a.start, a.end))
        for k, a in enumerate(spans, 1):
            item = QListWidgetItem(f"{k}  {a.coder}: {self._cat_name(a.category)} "
                                   f"{quote(a.quote, 50)}{memo_suffix(a, 80)}")
            item.setData(Qt.UserRole, a)
            if a.note:
                item.setToolTip(a.note)
            if any(g.origin_uuid == a.uuid for g in d.gold):
                item.setText(item.text() + "  ✓")
            self.candidates.addItem(item)
        for g in d.gold:
            item = QListWidgetItem(translate("Supervisor", "gold: {0} {1} (by {2})").format(
                self._cat_name(g.category), quote(g.quote), g.decided_by or "?"))
            item.setData(Qt.UserRole, g)
            item.setForeground(QColor("#1f7a3f"))
            self.candidates.addItem(item)
        self.candidates.setCurrentRow(0)

    def candidate_spans(self) -> list[AnnotationInfo]:
        return [self.candidates.item(i).data(Qt.UserRole) for i in range(self.candidates.count())
                if self.candidates.item(i).data(Qt.UserRole).coder != core_adj.GOLD]

    def _chosen(self) -> AnnotationInfo | None:
        item = self.candidates.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def accept_number(self, k: int) -> bool:
        spans = self.candidate_spans()
        if not 1 <= k <= len(spans):
            return False
        self.candidates.setCurrentRow(k - 1)
        return self._decided(self.adjudicator.accept(spans[k - 1]))

    def accept_current(self) -> bool:
        a = self._chosen()
        if a is None or a.coder == core_adj.GOLD:
            return False
        return self._decided(self.adjudicator.accept(a))

    def accept_edited(self) -> bool:
        """The chosen coder span into gold with the article's selection as its bounds
        (whole words when the view snaps) and the category in the Edit box."""
        a = self._chosen()
        if a is None or a.coder == core_adj.GOLD:
            spans = self.candidate_spans()
            a = spans[0] if spans else None
        if a is None:
            return False
        sel = self.article.selection_span()
        d = self.current()
        start, end = sel if sel else (a.start, a.end)
        if sel and d is not None and (start, end) == (d.start, d.end) and \
                (a.start, a.end) != (d.start, d.end):
            # the selection is just the whole disagreement (set by stepping): keep a's bounds
            start, end = a.start, a.end
        cat = self.edit_category.currentData() or a.category
        return self._decided(self.adjudicator.accept(a, category=cat, start=start, end=end))

    def reject_current(self) -> bool:
        d = self.current()
        if d is None or not d.gold:
            return False
        chosen = self._chosen()
        gold = chosen if chosen is not None and chosen.coder == core_adj.GOLD else None
        if gold is None:
            # the gold span that came from the chosen coder span, else the first one
            gold = next((g for g in d.gold if chosen is not None
                         and g.origin_uuid == chosen.uuid), d.gold[0])
        return self._decided(self.adjudicator.reject(gold))

    def accept_all_agreed(self) -> int:
        n = self.adjudicator.accept_all_agreed(self.doc_id, self.coders or None)
        self.reload()
        self.gold_note.setText(translate("Supervisor", "{0} agreed spans put into gold")
                               .format(n))
        return n

    def nudge(self, edge: str, forward: bool) -> bool:
        d = self.current()
        if d is None or not d.gold:
            return False
        chosen = self._chosen()
        gold = chosen if chosen is not None and chosen.coder == core_adj.GOLD else d.gold[0]
        return self._decided(self.adjudicator.nudge(gold, edge, forward))

    def _decided(self, ok: bool) -> bool:
        if ok:
            self.reload()
        return ok

    # --- gold against each coder ------------------------------------------------------

    def refresh_gold_figures(self) -> None:
        names = {c.name for c in self.project.coders()}
        if core_adj.GOLD not in names or not self.coders:
            self.gold_table.setRowCount(0)
            self.gold_note.setText(translate("Supervisor",
                                             "No gold spans yet: decide a disagreement, or "
                                             "accept all agreed spans."))
            return
        self.gold_note.setText(translate("Supervisor", "Computing…"))
        self.runner.start(self.project, {c: {"coders": [core_adj.GOLD, c], "all_docs": True}
                                         for c in self.coders})

    def _show_gold_figures(self, result: dict) -> None:
        if not shiboken6.isValid(self):
            return
        self.gold_figures = result
        self.gold_table.setRowCount(len(result))
        for r, (coder, rep) in enumerate(sorted(result.items())):
            doc = rep.get("per_document", {}).get(str(self.doc_id))
            here = doc["overall"] if doc else None
            cells = [(coder, None, ""),
                     (here.get("alpha_u") if here else None, "coef",
                      (here or {}).get("reasons", {}).get("alpha_u", "") if here else
                      translate("Supervisor", "gold has no span in this article yet")),
                     (rep["overall"].get("alpha_u"), "coef",
                      rep["overall"].get("reasons", {}).get("alpha_u", "")),
                     (rep["documents"], "count", "")]
            for col, (value, kind, reason) in enumerate(cells):
                item = QTableWidgetItem(str(value) if kind is None else fmt(value, kind))
                if kind == "coef":
                    colour = threshold_colour(value)
                    if colour is not None:
                        item.setBackground(colour)
                    if value is None:
                        item.setToolTip(reason_text(reason))
                if kind is not None:
                    item.setTextAlignment(Qt.AlignCenter)
                self.gold_table.setItem(r, col, item)
        self.gold_note.setText(translate(
            "Supervisor", "αU of gold against each coder: in this article, and over every "
                          "article both annotated. {0} = cannot be computed (hover for why).")
            .format(NULL_TEXT))


class ComparisonDialog(QDialog):
    """The comparison in a window of its own, with its own undo stack (`self.stack`):
    Ctrl+Z / Ctrl+Shift+Z here undo and redo gold decisions, and the desk's undo never
    reaches them."""

    def __init__(self, project, doc_id: int, parent=None, decided_by=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_DeleteOnClose)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.stack = QUndoStack(self)
        self.view = ComparisonView(project, doc_id, self, undo_stack=self.stack,
                                   decided_by=decided_by)
        lay.addWidget(self.view)
        self.setWindowTitle(self.view.windowTitle() + " — " + Path(project.path).name)
        self.resize(1180, 760)

    def closeEvent(self, event) -> None:
        self.view.close()
        super().closeEvent(event)
