"""How the desk follows the project: the view, lists and status bar change only here, from
Project events, so a first edit, an undo and a redo repaint the same way. Also undo/redo
across articles. A mixin of MainWindow."""

from __future__ import annotations

import time

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication


class FollowMixin:
    # --- undo across articles -----------------------------------------------------------

    def do_undo(self) -> None:
        self.commit_edits()  # a typed value first becomes the edit that is undone
        if self.undo.canUndo():
            cmd = self.undo.command(self.undo.index() - 1)
            moved = self._show_doc_of(cmd)
            text = cmd.text()
            self.undo.undo()
            if moved:
                self._show_where(cmd, True, self.tr("Undone in this article: %1"), text)

    def do_redo(self) -> None:
        self.commit_edits()
        if self.undo.canRedo():
            cmd = self.undo.command(self.undo.index())
            moved = self._show_doc_of(cmd)
            text = cmd.text()
            self.undo.redo()
            if moved:
                self._show_where(cmd, False, self.tr("Redone in this article: %1"), text)

    def _show_doc_of(self, cmd) -> bool:
        """An edit of another article is undone where the coder can see it happen; True
        if that opened another article."""
        doc_id = getattr(cmd, "doc_id", None)
        if doc_id is not None and doc_id != self.doc_id:
            self.open_document(doc_id)
            return self.doc_id == doc_id
        return False

    def _show_where(self, cmd, undone: bool, message: str, text: str) -> None:
        """Scroll to what the step touched and select it; for an annotation that is gone
        now, select the words where it was."""
        where = cmd.where(undone) if hasattr(cmd, "where") else None
        if where is not None:
            uuid, start, end = where
            if uuid and self.ann_model.row_of(uuid) >= 0:
                self.view.clear_selection()
                self.activate(uuid, scroll=True)
            elif end > start:
                self.activate(None)
                self.view.select_span(start, end)
        self.hint(message.replace("%1", text))

    # --- following the project ----------------------------------------------------------

    def _on_event(self, event: str, payload) -> None:
        self._saved_at = time.strftime("%H:%M:%S")
        self._status()
        if event.startswith("annotation_"):
            self._annotation_event(event, payload)
        elif event.startswith("relation_"):
            if self.doc_id is not None:
                self.relations = self.project.relations(self.doc_id, coder=self.coder)
            self.activate(self.active)
        elif event == "status_changed":
            doc_id, coder, status = payload
            if coder == self.coder:
                self.doc_model.set_status(doc_id, status)
                self._status()
        elif event == "documents_added":
            # new rows at the end; the rows already listed (and the selection) stay
            self.doc_model.append(self.project.documents(payload))
            self._status()
            self._select_doc_row(self.doc_id) if self.doc_id else self.step_document(0)
        elif event == "codebook_changed":
            self._load_codebook()
        if getattr(self, "suggest", None) is not None:
            self.suggest.on_event(event, payload)

    def _annotation_event(self, event: str, a) -> None:
        if a.coder != self.coder:
            return
        self.doc_model.bump(a.doc_id, {"annotation_added": 1,
                                       "annotation_deleted": -1}.get(event, 0))
        if a.doc_id != self.doc_id:
            return
        if event == "annotation_deleted":
            self.view.drop(a.uuid)
            self.ann_model.drop(a.uuid)
            self.relations = [r for r in self.relations if a.uuid not in
                              (r.from_uuid, r.to_uuid)]
            if a.uuid == self.linking:
                self.stop_linking()
            if a.uuid == self.active:
                self.activate(None)
        else:
            self.view.put(a)
            self.ann_model.put(a)
            if a.uuid == self.active:
                self.activate(a.uuid)
        if a.end <= a.start:
            doc_level = next((x for x in self.ann_model.rows if x.end <= x.start), None)
            self.palette.set_document_category(doc_level.category if doc_level else None)
        self._select_active_row()
        self._status()

    def _select_active_row(self) -> None:
        """The list selects the active annotation and nothing else: a removed row hands
        Qt's selection to its neighbour, which is not what the coder has active. Not
        selectRow(): on the selected row it toggles the selection off, and in a
        right-to-left table it looks for the column at the viewport's right edge, finds
        none, and selects nothing."""
        row = self.ann_model.row_of(self.active) if self.active else -1
        sm = self.ann_table.selectionModel()
        if [i.row() for i in sm.selectedRows()] == ([row] if row >= 0 else []):
            return
        if row >= 0:
            sm.setCurrentIndex(self.ann_model.index(row, 0),
                               QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        else:
            sm.clearSelection()

    def activate(self, uuid: str | None, scroll: bool = False) -> None:
        shown = self.attrs.info
        if shown is not None and shown.uuid != uuid:
            # another annotation (or none) is about to fill the panel: store what is typed
            self.attrs.commit_pending()
        had_focus = _inside(self.attrs, QApplication.focusWidget())
        info = None
        if uuid:
            row = self.ann_model.row_of(uuid)
            info = self.ann_model.info_at(row)
        self.active = info.uuid if info else None
        linked = [r.to_uuid if r.from_uuid == uuid else r.from_uuid
                  for r in self.relations if uuid in (r.from_uuid, r.to_uuid)]
        self.view.set_active(self.active, linked)
        can_link = bool(info and self.relation_types_from(info.category))
        self.attrs.show_annotation(info, self.links_of(uuid) if info else [], can_link)
        if had_focus and not _inside(self.attrs, QApplication.focusWidget()):
            self.view.setFocus()  # the focused field went with the old form
        self._select_active_row()
        if info is None:
            return
        self.ann_table.scrollTo(self.ann_model.index(self.ann_model.row_of(info.uuid), 0))
        if scroll and info.end > info.start:
            c = self.view.textCursor()
            c.setPosition(self.view.map.to_qt(info.start))
            self.view.setTextCursor(c)
            self.view.centerCursor()

    def _span_clicked(self, uuid: str) -> None:
        if self.linking and uuid:
            self.link_to(uuid)
        else:
            self.activate(uuid or None)


def _inside(panel, w) -> bool:
    return w is not None and panel.isAncestorOf(w)
