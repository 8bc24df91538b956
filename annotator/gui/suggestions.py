"""Suggestions in the desk: the article shows proposed sources, attribution phrases and
claims as dashed outlines; Tab and Shift+Tab step through them, Enter accepts (the coder's
own annotation, origin "suggested"), Backspace rejects (never proposed again for this
article and coder), Esc stops stepping. With no suggestion on the article, or with an
annotation selected before stepping began, Tab moves focus to its fields as before.

The coder can hide them (View menu); the supervisor can turn them off for the project or
for the reliability sample (Supervisor menu), and a coder's package carries that choice.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from ..core.errors import AnnotatorError
from ..core.suggest import Suggestion
from . import i18n
from .suggestion_commands import AcceptSuggestions, RejectSuggestion

translate = QCoreApplication.translate
SLICE_MS = 4  # the longest the desk waits on suggestions at a time
FIRST_SLICE_AFTER_MS = 40  # let the article paint first


class SuggestionController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.items: list[Suggestion] = []
        self.current = -1
        self.ready = True
        self._job = None
        self._chunks: list[tuple[int, int]] = []
        self._found: list[Suggestion] = []
        self._dirty = False
        self._slice = QTimer(self)
        self._slice.setInterval(0)
        self._slice.timeout.connect(self._step_job)
        self._start = QTimer(self)
        self._start.setSingleShot(True)
        self._start.setInterval(FIRST_SLICE_AFTER_MS)
        self._start.timeout.connect(self._slice.start)
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(80)  # a burst of undos reloads once
        self._reload.timeout.connect(self.load)
        self._build_actions()
        window.view.installEventFilter(self)
        window.installEventFilter(self)

    # --- actions ------------------------------------------------------------------------

    def _build_actions(self) -> None:
        w = self.w
        self.show_act = QAction(w)
        self.show_act.setObjectName("show_suggestions")
        self.show_act.setCheckable(True)
        self.show_act.setShortcut(QKeySequence("Ctrl+Shift+G"))
        show = True if w.settings is None else \
            str(w.settings.value("suggestions/show", "true")).lower() != "false"
        self.show_act.setChecked(show)
        self.show_act.toggled.connect(self._set_shown)
        self.paragraph_act = QAction(w)
        self.paragraph_act.setObjectName("accept_paragraph_suggestions")
        self.paragraph_act.setShortcut(QKeySequence("Ctrl+Return"))
        self.paragraph_act.triggered.connect(self.accept_paragraph)
        self.allow_act = QAction(w)
        self.allow_act.setObjectName("allow_suggestions")
        self.allow_act.setCheckable(True)
        self.allow_act.toggled.connect(lambda on: self._project_setting(enabled=on))
        self.hide_overlap_act = QAction(w)
        self.hide_overlap_act.setObjectName("hide_suggestions_overlap")
        self.hide_overlap_act.setCheckable(True)
        self.hide_overlap_act.toggled.connect(lambda on: self._project_setting(hide_overlap=on))
        for a in (self.show_act, self.paragraph_act, self.allow_act, self.hide_overlap_act):
            a.setShortcutContext(Qt.WindowShortcut)
            w.addAction(a)
        w.view_menu.addSeparator()
        w.view_menu.addAction(self.show_act)
        w.code_menu.addSeparator()
        w.code_menu.addAction(self.paragraph_act)
        sup = w.supervisor.menu
        sup.addSeparator()
        sup.addAction(self.allow_act)
        sup.addAction(self.hide_overlap_act)
        sup.aboutToShow.connect(self._sync_project_settings)
        self.retranslate()

    def retranslate(self) -> None:
        self.show_act.setText(translate("Suggestions", "Show &suggestions"))
        self.paragraph_act.setText(translate("Suggestions", "Accept suggestions in this &paragraph"))
        self.allow_act.setText(translate("Suggestions", "Allow suggestions in this project"))
        self.hide_overlap_act.setText(
            translate("Suggestions", "Hide suggestions on the reliability sample"))

    def _sync_project_settings(self) -> None:
        p = self.w.project
        if p is None:
            return
        st = p.suggestion_settings()
        package = bool(p.info().get("package_coder"))
        for act, on in ((self.allow_act, st["enabled"]),
                        (self.hide_overlap_act, st["hide_overlap"])):
            act.blockSignals(True)
            act.setChecked(on)
            act.setEnabled(not package)  # the supervisor's choice, not the coder's
            act.blockSignals(False)

    def _project_setting(self, **kw) -> None:
        try:
            self.w.project.set_suggestion_settings(**kw)
        except AnnotatorError as exc:
            self.w.show_error(exc)

    def _set_shown(self, on: bool) -> None:
        if self.w.settings is not None:
            self.w.settings.setValue("suggestions/show", "true" if on else "false")
        self.load()

    # --- loading and following the project ---------------------------------------------

    def load(self) -> None:
        """Find the article's suggestions a few paragraphs at a time, between the desk's
        own events: the article paints and takes keys at once, the outlines follow. (On
        the GUI thread, in slices of a few milliseconds: a Python thread would fight the
        window for the interpreter lock and slow every keystroke.)"""
        self.items, self.current = [], -1
        self._job, self._chunks, self._found, self._dirty = None, [], [], False
        self._slice.stop()
        self._paint()
        w = self.w
        self.ready = not (w.project is not None and w.doc_id is not None
                          and self.show_act.isChecked())
        if not self.ready:
            # the first slice reads the project: after the article's first paint
            self._start.start()

    def _step_job(self) -> None:
        """One slice: paragraphs until SLICE_MS have passed, then back to the event loop."""
        w = self.w
        t0 = time.perf_counter()
        if w.project is None or w.doc_id is None:  # closed meanwhile (restore, switch)
            self._slice.stop()
            self._job, self.ready = None, True
            return
        if self._job is None:
            try:
                self._job = w.project.suggester(w.doc_id, w.coder)
            except AnnotatorError as exc:
                self._job = None
                w.show_error(exc)
            if self._job is None:  # an error, or turned off by the supervisor
                self._slice.stop()
                self.ready = True
                return
            self._chunks = self._job.chunks()
        while self._chunks and (time.perf_counter() - t0) * 1000 < SLICE_MS:
            self._found.extend(self._job.run(*self._chunks.pop(0)))
        if self._chunks:
            return
        self._slice.stop()
        self._job = None
        self.ready = True
        self.items, self.current = self._found, -1
        self._found = []
        self._paint()
        if self._dirty:  # a deletion during the search may free a suggestion
            self._reload.start()

    def _during_search(self, event: str, payload) -> None:
        """An edit while the article is still being read: applied to the search, which
        goes on (starting over on every keystroke would never finish a long article)."""
        job = self._job
        if event in ("annotation_added", "annotation_updated"):
            a = payload
            if a.doc_id == self.w.doc_id and a.coder == self.w.coder:
                if job is not None:
                    job.also_coded(a.category, a.start, a.end)
                self._found = [s for s in self._found if not (
                    s.category == a.category and s.start < a.end and a.start < s.end)]
        elif event == "suggestion_rejected":
            doc_id, coder, sug = payload
            if job is not None:
                job.rejected.add(sug.key)
            self._found = [s for s in self._found if s.key != sug.key]
        elif event.startswith("annotation_") or event == "suggestion_unrejected":
            self._dirty = True
        elif event in ("settings_changed", "codebook_changed"):
            self.load()

    def on_event(self, event: str, payload) -> None:
        w = self.w
        if not self.ready:
            self._during_search(event, payload)
            return
        if event == "annotation_added" or event == "annotation_updated":
            a = payload
            if a.doc_id == w.doc_id and a.coder == w.coder:
                self._drop(lambda s: s.category == a.category and s.start < a.end
                           and a.start < s.end)
        elif event == "annotation_deleted":
            if payload.doc_id == w.doc_id and payload.coder == w.coder:
                self._reload.start()
        elif event == "suggestion_rejected":
            doc_id, coder, sug = payload
            if doc_id == w.doc_id and coder == w.coder:
                self._drop(lambda s: s.key == sug.key)
        elif event in ("suggestion_unrejected", "settings_changed", "codebook_changed"):
            self._reload.start()

    def _drop(self, gone) -> None:
        cur = self.items[self.current] if 0 <= self.current < len(self.items) else None
        keep = [s for s in self.items if not gone(s)]
        if len(keep) == len(self.items):
            return
        if cur is not None and cur not in keep:
            # the next one takes the place of the one decided
            idx = sum(1 for s in keep if (s.start, s.end) < (cur.start, cur.end))
            self.current = min(idx, len(keep) - 1)
        elif cur is not None:
            self.current = keep.index(cur)
        self.items = keep
        self._paint()

    def _paint(self) -> None:
        cb = self.w.codebook
        colours = {c.key: c.color for c in cb.categories} if cb else {}
        self.w.view.set_suggestions([(s.start, s.end, colours.get(s.category, "#888888"))
                                     for s in self.items], self.current)

    # --- keys ---------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:
        if obj is self.w and event.type() == QEvent.LanguageChange:
            self.retranslate()
            return False
        if obj is not self.w.view or event.type() != QEvent.KeyPress or not self.items:
            return False
        key, mods = event.key(), event.modifiers()
        # Tab steps through suggestions once stepping has begun, or while no annotation
        # is selected; with one selected and none begun, Tab goes on to its fields.
        stepping = self.current >= 0 or self.w.active is None
        if stepping and key == Qt.Key_Tab and not mods & (Qt.ControlModifier | Qt.AltModifier):
            self.step(-1 if mods & Qt.ShiftModifier else 1)
            return True
        if stepping and key == Qt.Key_Backtab:
            self.step(-1)
            return True
        if self.current < 0:
            return False
        if key in (Qt.Key_Return, Qt.Key_Enter) and not mods & Qt.ControlModifier:
            self.accept()
            return True
        if key == Qt.Key_Backspace:
            self.reject()
            return True
        return False

    def step(self, delta: int) -> None:
        if not self.items:
            return
        if self.current < 0:
            self.current = 0 if delta > 0 else len(self.items) - 1
        else:
            self.current = (self.current + delta) % len(self.items)
        s = self.items[self.current]
        view = self.w.view
        c = view.cursor_for(s.start)
        view.setTextCursor(c)
        view.ensureCursorVisible()
        self._paint()
        cat = self.w.codebook.category(s.category) if self.w.codebook else None
        self.w.hint(translate("Suggestions", "Suggested %1 «%2» (%3 of %4): Enter accepts, "
                                       "Backspace rejects, Tab goes on.")
                    .replace("%1", i18n.name(cat) if cat else s.category)
                    .replace("%2", _short(s.quote))
                    .replace("%3", str(self.current + 1)).replace("%4", str(len(self.items))))

    def leave(self) -> None:
        """Esc: stop stepping (Tab then reaches a selected annotation's fields again)."""
        self.current = -1
        self._paint()
        self.w.hint("")

    def current_suggestion(self) -> Suggestion | None:
        return self.items[self.current] if 0 <= self.current < len(self.items) else None

    def accept(self) -> None:
        s = self.current_suggestion()
        if s is None:
            return
        cmd = AcceptSuggestions(self.w.ctx, self.w.doc_id, self.w.coder, [s],
                                translate("Suggestions", "Accept suggestion"))
        if self.w.push(cmd):
            self.w.activate(cmd.uuids[0])
            self.w.view.setFocus()
            self._after_decision()

    def reject(self) -> None:
        s = self.current_suggestion()
        if s is not None and self.w.push(RejectSuggestion(self.w.ctx, self.w.doc_id,
                                                          self.w.coder, s)):
            self._after_decision()

    def _after_decision(self) -> None:
        if self.current_suggestion() is not None:
            self.step(0)
        else:
            self.current = -1
            self._paint()
            self.w.hint(translate("Suggestions", "No more suggestions in this article."))

    def accept_paragraph(self) -> None:
        """Every suggestion in the paragraph of the current one (or of the caret)."""
        w = self.w
        if not self.items or w.doc_id is None:
            return
        cur = self.current_suggestion()
        pos = cur.start if cur is not None else w.view.to_py(w.view.textCursor().position())
        text = w.view.text
        ps = text.rfind("\n", 0, pos) + 1
        pe = text.find("\n", pos)
        pe = len(text) if pe < 0 else pe
        batch = [s for s in self.items if ps <= s.start and s.end <= pe]
        if not batch:
            w.hint(translate("Suggestions", "No suggestions in this paragraph."))
            return
        text_ = translate("Suggestions", "Accept %1 suggestions").replace("%1", str(len(batch)))
        if w.push(AcceptSuggestions(w.ctx, w.doc_id, w.coder, batch, text_)):
            w.hint(text_)


def _short(q: str, n: int = 40) -> str:
    q = " ".join(q.split())
    return q if len(q) <= n else q[: n - 1] + "…"
