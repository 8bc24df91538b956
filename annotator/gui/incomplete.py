"""Annotations lacking a required attribute. Marking the article done (Ctrl+D) names them;
the annotation list marks each with an icon (models.missing_required); F8 / Shift+F8, or
the status bar's button, step through them. A mixin of MainWindow."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QStyle, QToolButton

from . import i18n
from .models import missing_required

translate = QCoreApplication.translate
NAMED = 3  # the done message names this many, then counts the rest


class IncompleteMixin:
    """Needs: ann_model, codebook, active, activate(), hint(), statusBar()."""

    def build_incomplete_button(self) -> QToolButton:
        # The count is refreshed once the event loop is idle, not inside every edit's
        # repaint (a pass over 3,000 annotations per key press was visible).
        self._incomplete_timer = QTimer(self)
        self._incomplete_timer.setSingleShot(True)
        self._incomplete_timer.setInterval(50)
        self._incomplete_timer.timeout.connect(self._show_incomplete)
        self._incomplete_seen: dict[str, tuple[object, bool]] = {}
        b = QToolButton()
        b.setObjectName("incomplete")
        b.setAutoRaise(True)
        b.setIcon(self.style().standardIcon(QStyle.SP_MessageBoxWarning))
        b.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        b.clicked.connect(lambda: self.step_incomplete(1))
        b.setVisible(False)
        self.incomplete_button = b
        return b

    def incomplete(self) -> list:
        """This coder's annotations in the article lacking a required attribute, in the
        list's (text) order."""
        cats = {c.key: c for c in self.codebook.categories}
        seen = self._incomplete_seen
        out = []
        for a in self.ann_model.rows:
            hit = seen.get(a.uuid)
            if hit is None or hit[0] is not a:  # records are replaced when they change
                hit = (a, bool(missing_required(a, cats.get(a.category))))
                seen[a.uuid] = hit
            if hit[1]:
                out.append(a)
        return out

    def missing_required(self) -> int:
        return len(self.incomplete())

    def update_incomplete(self) -> None:
        self._incomplete_timer.start()

    def _show_incomplete(self) -> None:
        if self.project is None:
            return
        n = self.missing_required()
        b = self.incomplete_button
        b.setVisible(n > 0)
        b.setText(translate("Incomplete", "%1 incomplete").replace("%1", str(n)))
        b.setToolTip(translate("Incomplete", "Annotations lacking a required attribute (*): "
                                             "click or F8 for the next, Shift+F8 for the "
                                             "previous"))

    def report_incomplete(self) -> None:
        """After marking done: which annotations still lack a required attribute."""
        todo = self.incomplete()
        if not todo:
            return
        names = [self.ctx.label(a.category, a.quote if a.end > a.start else "")
                 for a in todo[:NAMED]]
        text = ", ".join(names)
        if len(todo) > NAMED:
            text += " " + translate("Incomplete", "and %1 more").replace(
                "%1", str(len(todo) - NAMED))
        self.hint(translate("Incomplete", "Marked done. Lacking a required attribute (*): "
                                          "%1. F8 goes to each.").replace("%1", text),
                  sticky=True)

    def step_incomplete(self, delta: int) -> None:
        todo = self.incomplete()
        if not todo:
            self.hint(translate("Incomplete", "No annotation lacks a required attribute."))
            return
        rows = [self.ann_model.row_of(a.uuid) for a in todo]
        here = self.ann_model.row_of(self.active) if self.active else -1
        if delta > 0:
            nxt = next((r for r in rows if r > here), rows[0])
        else:
            nxt = next((r for r in reversed(rows) if r < here), rows[-1]) if here >= 0 \
                else rows[-1]
        a = self.ann_model.info_at(nxt)
        self.view.clear_selection()
        self.activate(a.uuid, scroll=True)
        lacking = ", ".join(i18n.name(att) for att in
                            missing_required(a, self.codebook.category(a.category)))
        self.hint(translate("Incomplete", "Incomplete %1 of %2: %3 lacks %4")
                  .replace("%1", str(rows.index(nxt) + 1)).replace("%2", str(len(rows)))
                  .replace("%3", self.ctx.label(a.category, a.quote))
                  .replace("%4", lacking))
