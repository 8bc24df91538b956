"""The comparison window's widgets, their texts and its keys (a mixin of ComparisonView):
the article with its lanes and legend, the list of disagreements, the Decide box and the
table of gold against each coder; texts in context "Supervisor", set again on a
language change.

Keys (window-wide in this view): N or F8 next disagreement, Shift+N or Shift+F8 previous;
1-9 accept that numbered span into gold (on a link: link it), Ctrl+Down/Ctrl+Up choose
among the candidates and A or Return accept the chosen one (so every candidate is
reachable); E accept the chosen span with the text selection as its bounds and the
category in the box; R or Delete reject the gold span (on a link: leave it unlinked);
L then a click on another gold span links the two gold spans, or unlinks them (as in the
desk; Esc cancels); D marks gold done for the article (again: reopens it); Ctrl+Shift+A
accept all agreed spans; Alt+Right/Alt+Left move the gold start backward/forward and
Alt+Shift+Right/Alt+Shift+Left its end (forward = later in the text, as in the desk);
Ctrl+Z / Ctrl+Shift+Z undo and redo a decision.

The shortcuts hold only while the view (or a child) has focus, so they never take the
desk's keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .common import translate
from .gold_decisions import _settings_value
from .lanes_view import LanesView
from .wrapped_items import WrappedItemDelegate


class ComparisonLayoutMixin:
    """Builds what ComparisonView shows; needs its slots (go_to, accept_current, ...)
    and `stack`, the window's own undo stack."""

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
        self.article.click_hook = self._link_click
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
        self.two_box = QCheckBox()
        self.two_box.setObjectName("agreedByTwo")
        self.two_box.setChecked(_settings_value("adjudication/agreed_by", "all") == "two")
        self.two_box.toggled.connect(self._agreed_by_changed)
        db.addWidget(self.two_box)
        row3 = QHBoxLayout()
        self.link_button = QPushButton()
        self.link_button.clicked.connect(self.start_linking)
        self.done_button = QPushButton()
        self.done_button.setObjectName("goldDone")
        self.done_button.setCheckable(True)
        self.done_button.clicked.connect(lambda *_: self.toggle_gold_done())
        row3.addWidget(self.link_button)
        row3.addWidget(self.done_button)
        db.addLayout(row3)
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
        self.accept_button.setText(translate("Supervisor", "&Accept (1–9, A)"))
        self.accept_button.setToolTip(translate(
            "Supervisor", "Put the chosen span into gold as it is; keys 1–9 accept "
                          "the span with that number, Ctrl+Down and Ctrl+Up choose among "
                          "all candidates and A or Return accepts the chosen one"))
        self.edit_button.setText(translate("Supervisor", "&Edit (E)"))
        self.edit_button.setToolTip(translate(
            "Supervisor", "Put the chosen span into gold with the text selected in the "
                          "article as its bounds and the category below"))
        self.reject_button.setText(translate("Supervisor", "&Reject (R)"))
        self.reject_button.setToolTip(translate("Supervisor", "Take the span out of gold"))
        self.edit_category_label.setText(translate("Supervisor", "Category for Edit:"))
        self.all_button.setText(translate("Supervisor",
                                          "Accept all agreed spans (Ctrl+Shift+A)"))
        self.all_button.setToolTip(translate(
            "Supervisor", "Agreed: identical bounds, category and attributes from every "
                          "coder who marked the article done; the links whose both ends "
                          "are then in gold come too"))
        self.two_box.setText(translate("Supervisor", "Two identical spans are enough"))
        self.two_box.setToolTip(translate(
            "Supervisor", "Count a span as agreed when at least two coders have it "
                          "identically, instead of every coder who finished the article"))
        self.link_button.setText(translate("Supervisor", "&Link gold spans (L)"))
        self.link_button.setToolTip(translate(
            "Supervisor", "Link the chosen gold span to another: press L, then click the "
                          "other gold span; linked ones are unlinked. Esc cancels"))
        self.done_button.setText(translate("Supervisor", "&Gold done (D)"))
        self.done_button.setToolTip(translate(
            "Supervisor", "Gold is finished for this article: what is not in gold was left "
                          "out on purpose, and agreement with gold counts this article"))
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
        act("accept_chosen", ("A", "Return", "Enter"), self.accept_current)
        act("next_candidate", ("Ctrl+Down",), lambda: self.choose_candidate(1))
        act("previous_candidate", ("Ctrl+Up",), lambda: self.choose_candidate(-1))
        act("link", ("L",), self.start_linking)
        self.act_cancel_link = act("cancel_link", ("Esc",), self.stop_linking)
        self.act_cancel_link.setEnabled(False)   # Esc closes the window unless linking
        act("gold_done", ("D",), self.toggle_gold_done)
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
