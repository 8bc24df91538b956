"""The coder's desk: document list, article, palette, attributes, annotation list.

The window follows the project: it subscribes to Project events and updates the view and
models from them, so a first edit, an undo and a redo all take the same path.

Here: the project and the article shown, stepping, the status bar and the interface
language. The widgets, menus and signal wiring are built by `desk_widgets`; coding,
following project events, files and incomplete annotations are the other mixins'.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from ..core.errors import AnnotatorError
from ..core.project import Project
from . import i18n
from .actions import Act, Actions, menu_text
from .coding import CodingMixin
from .commands import Context, SetStatus
from .desk_widgets import DeskWidgetsMixin
from .files import FilesMixin
from .follow import FollowMixin
from .incomplete import IncompleteMixin
from .suggestions import SuggestionController
from .sync_control import SyncController


class MainWindow(DeskWidgetsMixin, FollowMixin, CodingMixin, IncompleteMixin, FilesMixin,
                 QMainWindow):
    def __init__(self, project: Project, coder: str, settings=None):
        super().__init__()
        self.settings = settings
        self.project: Project | None = None
        self.coder = coder
        # a coder's package carries its coder's name: the desk codes as that coder
        self.package_coder: str | None = None
        self.doc_id: int | None = None
        self.active: str | None = None
        self.linking: str | None = None
        self.relations: list = []
        self.last_error: str | None = None
        self._saved_at = ""
        self.undo = QUndoStack(self)
        self.acts = Actions(self)
        self._build()
        self._connect()
        self.suggest = SuggestionController(self)
        self.sync = SyncController(self)
        if settings is not None:
            self.acts[Act.SNAP].setChecked(str(settings.value("snap", "true")).lower() != "false")
            self.view.set_zoom(float(settings.value("zoom", 0.0)))
        self.set_project(project)


    # --- project and documents ----------------------------------------------------------

    def commit_edits(self) -> None:
        """Store what is typed in an attribute field but not finished with Enter, before
        the panel shows something else: nothing typed is ever lost."""
        if self.project is not None:
            self.attrs.commit_pending()
            self.article_note.edit.flush()

    def _memo(self, store, *args) -> None:
        try:
            store(*args)
        except AnnotatorError as exc:
            self.show_error(exc)

    def set_project(self, project: Project) -> None:
        self.commit_edits()
        if self.project is not None:
            self.project.unsubscribe(self._on_event)
            self.project.close()
        self.project = project
        package_coder = project.info().get("package_coder")
        if package_coder:
            self.coder = package_coder
        elif self.package_coder and self.settings is not None:  # back to one's own name
            self.coder = str(self.settings.value("coder", self.coder))
        self.package_coder = package_coder
        self.ctx = Context(project, self.show_error,
                           lambda d: self.view.text if d == self.doc_id else project.text(d))
        self.undo.clear()
        self.doc_id = None
        project.subscribe(self._on_event)
        self._load_codebook()
        self.find.set_project(project)
        self.doc_model.reset(project.documents(), self.coder)
        self.remember_project(project.path)
        if self.doc_model.rowCount():
            self.open_document(self.doc_model.doc_at(0).id)
        else:
            self.view.set_article("")
            if hasattr(self, "suggest"):
                self.suggest.load()
        self.retranslate()
        if hasattr(self, "sync"):
            self.sync.refresh()

    def _load_codebook(self) -> None:
        self._incomplete_seen.clear()  # which attributes are required may have changed
        self.codebook = self.project.codebook()
        self.view.set_codebook(self.codebook)
        self.palette.set_codebook(self.codebook)
        self.attrs.set_codebook(self.codebook, self.project.suggestions,
                                self.project.companions)
        self.ann_model.set_codebook(self.codebook)
        self._name_hotkeys()

    def _category_name(self, key: str) -> str:
        cat = self.codebook.category(key) if getattr(self, "codebook", None) else None
        return i18n.name(cat) if cat else key

    def open_document(self, doc_id: int) -> None:
        if doc_id == self.doc_id:
            return
        self.commit_edits()
        try:
            doc = self.project.document(doc_id)
            text = self.project.text(doc_id)
            anns = self.project.annotations(doc_id, coder=self.coder)
            self.relations = self.project.relations(doc_id, coder=self.coder)
        except AnnotatorError as exc:
            self.show_error(exc)
            return
        self.stop_linking()
        self.doc_id, self.active = doc_id, None
        self.doc = doc
        self.view.set_article(text, doc.language, anns)
        self.ann_model.reset(anns, self.codebook)
        self.palette.set_document_category(
            next((a.category for a in anns if a.end <= a.start), None))
        self.find.set_article(text)
        self.attrs.show_annotation(None)
        self.article_note.edit.show_note(doc_id, self.project.document_note(doc_id, self.coder))
        self._select_doc_row(doc_id)
        self.setWindowTitle(f"{doc.title[:80]} — {self.project.path.name} — Annotator")
        self._status()
        self.suggest.load()

    def _select_doc_row(self, doc_id: int) -> None:
        src = self.doc_model.index(self.doc_model.row_of(doc_id), 0)
        idx = self.doc_filter.mapFromSource(src)
        sm = self.doc_table.selectionModel()
        if src.isValid() and not idx.isValid():
            # The article is hidden by the title filter (an undo, a find result opened
            # it): clear the filter so the list shows which article this is.
            self.doc_search.clear()
            idx = self.doc_filter.mapFromSource(src)
        # A flag, not blockSignals(): the table repaints the row it leaves only from the
        # selection model's signals (blocked, two rows stayed painted as selected).
        self._selecting_row = True
        try:
            sm.setCurrentIndex(idx, QItemSelectionModel.ClearAndSelect
                               | QItemSelectionModel.Rows)
        finally:
            self._selecting_row = False
        self.doc_table.scrollTo(idx)

    def _doc_row_changed(self, current, _previous) -> None:
        if getattr(self, "_selecting_row", False):
            return
        d = self.doc_model.doc_at(self.doc_filter.mapToSource(current).row())
        if d is not None:
            self.open_document(d.id)

    def step_document(self, delta: int) -> None:
        if self.doc_id is None:
            return
        idx = self.doc_filter.mapFromSource(
            self.doc_model.index(self.doc_model.row_of(self.doc_id), 0))
        row = idx.row() + delta
        if 0 <= row < self.doc_filter.rowCount():
            src = self.doc_filter.mapToSource(self.doc_filter.index(row, 0))
            self.open_document(self.doc_model.doc_at(src.row()).id)
        elif delta > 0:
            self.hint(self.tr("This is the last article."))
        elif delta < 0:
            self.hint(self.tr("This is the first article."))

    def toggle_done(self) -> None:
        """Done or not done again. Marking done is never refused for a missing required
        attribute (a coder may finish it later, and "done" is theirs to say); the status
        bar names the annotations that still lack one (incomplete.py)."""
        if self.doc_id is None:
            return
        self.commit_edits()
        done = self.doc_model.status.get(self.doc_id) == "done"
        if not self.push(SetStatus(self.ctx, self.doc_id, self.coder,
                                   "in_progress" if done else "done")) or done:
            return
        self.report_incomplete()

    def edit_attributes(self) -> None:
        """F2: into the selected annotation's first attribute field."""
        ed = self.attrs.first_editor()
        if ed is None:
            self.hint(self.tr("Select an annotation that has attributes first."))
            return
        ed.setFocus(Qt.ShortcutFocusReason)

    # --- small helpers ------------------------------------------------------------------

    def _forward(self, visual_left: bool) -> bool:
        """Alt+Left means "forward" in an Arabic paragraph (the reading direction)."""
        block = self.view.textCursor().block()
        info = self.active_info()
        if info is not None and info.end > info.start:
            block = self.view.document().findBlock(self.view.map.to_qt(info.start))
        rtl = block.textDirection() == Qt.RightToLeft
        return visual_left if rtl else not visual_left

    def _find_seed(self) -> str:
        span = self.view.selection_span()
        return self.view.text[span[0]:span[1]] if span and span[1] - span[0] < 80 else ""

    def _hits_changed(self, hits, current) -> None:
        self.view.set_hits(hits, current)
        if 0 <= current < len(hits):
            self.view.select_span(*hits[current])
        elif self.find.isVisible():
            # no match: nothing may stay selected for the next hotkey to code
            self.view.clear_selection()

    def _find_result(self, doc_id: int, start: int, end: int) -> None:
        self.open_document(doc_id)
        self.view.select_span(start, end)

    def set_snap(self, on: bool) -> None:
        self.view.snap = on
        if self.settings is not None:
            self.settings.setValue("snap", on)

    def set_zoom(self, steps: float) -> None:
        self.view.set_zoom(steps)
        if self.settings is not None:
            self.settings.setValue("zoom", self.view.zoom)

    def hint(self, text: str, sticky: bool = False) -> None:
        self.statusBar().showMessage(text, 0 if sticky else 6000)

    def show_error(self, exc) -> None:
        """One line, never a traceback; opened window-modal so nothing waits on it."""
        self.last_error = str(exc)
        self.save_label.setText(self.tr("Not saved"))
        box = QMessageBox(QMessageBox.Warning, self.tr("Annotator"), str(exc),
                          QMessageBox.Ok, self)
        box.setObjectName("errorBox")
        box.open()

    def _status(self) -> None:
        self.coder_label.setText(self.tr("Coder: %1").replace("%1", self.coder))
        self.progress_label.setText(self.tr("%1 of %2 done")
                                    .replace("%1", str(self.doc_model.done_count()))
                                    .replace("%2", str(self.doc_model.rowCount())))
        if self.attrs.has_pending():
            # typed, stored when the typing pauses: not "Saved" yet
            self.save_label.setText(self.tr("Typing…"))
        elif self._saved_at:
            self.save_label.setText(self.tr("Saved %1").replace("%1", self._saved_at))
        self.update_incomplete()
        done = self.doc_model.status.get(self.doc_id) == "done"
        mark = self.acts[Act.MARK_DONE]
        mark.setText(menu_text(self.tr("Mark article not done") if done
                               else Act.MARK_DONE.text, mark, i18n.is_rtl()))

    def _name_undo(self, *_args) -> None:
        """Undo and Redo say what they would do ("Undo: add Source «…»") and are off when
        there is nothing to undo or redo."""
        for act, can, what, plain in (
                (Act.UNDO, self.undo.canUndo(), self.undo.undoText(), self.tr("&Undo: %1")),
                (Act.REDO, self.undo.canRedo(), self.undo.redoText(), self.tr("&Redo: %1"))):
            action = self.acts[act]
            action.setEnabled(can)
            text = plain.replace("%1", what) if can and what else act.text
            action.setText(menu_text(text, action, i18n.is_rtl()))
            tip = text.replace("&", "")
            action.setToolTip(tip)
            action.setIconText(act.text.replace("&", "").replace("…", ""))

    def _name_hotkeys(self) -> None:
        for i in range(1, 10):
            a = self.acts[Act.hotkey(str(i))]
            cat = next((c for c in self.codebook.categories
                        if c.hotkey == str(i) and c.kind == "span"), None)
            a.setText(i18n.name(cat) if cat else "")
            a.setVisible(cat is not None)
            a.setEnabled(cat is not None)

    # --- language -----------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.commit_edits()  # the panel rebuilds its fields in the new language
        lang = i18n.install(lang)
        if self.settings is not None:
            self.settings.setValue("language", lang)
        self.retranslate()

    def retranslate(self) -> None:
        self.acts.retranslate()
        self._name_undo()
        self.acts[Act.LANG_EN].setChecked(i18n.current() == "en")
        self.acts[Act.LANG_AR].setChecked(i18n.current() == "ar")
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Recent projects"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.code_menu.setTitle(self.tr("&Code"))
        self.view_menu.setTitle(self.tr("&View"))
        self.lang_menu.setTitle(self.tr("Interface &language"))
        self.article_menu_.setTitle(self.tr("&Article"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.doc_search.setPlaceholderText(self.tr("Filter articles by title"))
        self._name_hotkeys()
        # names and status words change language; rows and order stay
        m = self.doc_model
        m.headerDataChanged.emit(Qt.Horizontal, 0, m.columnCount() - 1)
        if m.rowCount():
            m.dataChanged.emit(m.index(0, 0), m.index(m.rowCount() - 1, m.columnCount() - 1))
        self.ann_model.relabel()
        self.columns.fit()
        self.activate(self.active)
        self._status()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.LanguageChange and self.project is not None:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        editor = next((d for d in self.findChildren(QDialog, "codebookEditor")
                       if d.isVisible() and d.unsaved()), None)
        if editor is not None:  # its edits would go with the window: it asks first
            event.ignore()
            editor.raise_()
            editor.activateWindow()
            editor.reject()
            return
        self.commit_edits()
        if self.settings is not None:
            self.settings.setValue("geometry", self.saveGeometry())
            self.panels.save(self.settings)
        if self.project is not None:
            self.project.unsubscribe(self._on_event)
            self.project.close()
            self.project = None
        super().closeEvent(event)
