"""The editor's undo steps: an edit of the working copy, and operations that rewrite the
project's data (undone through Project.undo_operation)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ...core.codebook import CategoryDef, Codebook
from ...core.errors import AnnotatorError

if TYPE_CHECKING:
    from .editor import CodebookEditor

translate = QCoreApplication.translate


class Snapshot(QUndoCommand):
    """One edit: the whole codebook before and after (restores exactly). The editor never
    changes its working copy in place (every edit copies it first), so the two states are
    shown as they are, not copied again: a 500-category codebook copies in ~25 ms.

    `from_form`: the edit came from the form, whose fields already show it (and hold the
    cursor), so its first run leaves them alone. Any other edit (a drop, a delete, a
    move) refills the form: fields left showing the entry as it was, or another entry,
    would be written back by the next edit (a category filed by a drop went back to its
    old group; a neighbour selected after a delete took the deleted one's key)."""

    def __init__(self, editor: CodebookEditor, before: Codebook, after: Codebook, text: str,
                 path_after: tuple, from_form: bool = False):
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after
        self.path_before, self.path_after = editor.current_path(), path_after
        self._keep_form = from_form

    def redo(self) -> None:
        self.editor.show_codebook(self.after, self.path_after, keep_form=self._keep_form)
        self._keep_form = False

    def undo(self) -> None:
        self.editor.show_codebook(self.before, self.path_before)


class DataStep(QUndoCommand):
    """An operation that rewrites coded data (undo: Project.undo_operation). A refusal
    (the core's one line) goes to the editor's problem line and the step makes itself
    obsolete, so the stack drops it instead of holding a step that did nothing; an
    exception must not cross Qt's undo stack."""

    def __init__(self, editor: CodebookEditor, text: str):
        super().__init__(text)
        self.editor = editor
        self.number: int | None = None
        self.error = ""

    def _run(self, fn) -> bool:
        try:
            fn()
        except AnnotatorError as exc:
            self.error = " ".join(getattr(exc, "message", str(exc)).split())
            self.editor.problems.setText(self.error)
            self.setObsolete(True)
            return False
        self.editor.reload()
        return True

    def undo(self) -> None:
        if self._run(lambda: self.editor.project.undo_operation(
                self.number, author=self.editor.author)):
            self.editor.problems.setText("")


class RecodeStep(DataStep):
    """Merge a value into another in the project's data."""

    def __init__(self, editor: CodebookEditor, category: str, attribute: str, old: str,
                 new: str):
        super().__init__(editor, translate("CodebookEditor", "Merge value '%1' into '%2'")
                         .replace("%1", old).replace("%2", new))
        self.args = (category, attribute, old, new)

    def redo(self) -> None:
        def recode():
            self.number = self.editor.project.recode(*self.args, author=self.editor.author)
        self._run(recode)


class SplitStep(DataStep):
    """Split a category: the new one added, the chosen annotations moved into it."""

    def __init__(self, editor: CodebookEditor, source: str, new: CategoryDef,
                 uuids: list[str]):
        super().__init__(editor, translate("CodebookEditor", "Split '%1' into '%2'")
                         .replace("%1", source).replace("%2", new.key))
        self.source, self.new, self.uuids = source, new, list(uuids)

    def redo(self) -> None:
        def split():
            self.number = self.editor.project.split_category(
                self.source, copy.deepcopy(self.new), self.uuids, author=self.editor.author)
        if self._run(split):  # done: said as done (it was red, like a refusal)
            line = translate("CodebookEditor", "1 annotation moved into '%2' (version %3).") \
                if len(self.uuids) == 1 else \
                translate("CodebookEditor", "%1 annotations moved into '%2' (version %3).")
            self.editor.problems.say_done(
                line.replace("%1", str(len(self.uuids))).replace("%2", self.new.key)
                .replace("%3", str(self.number)))
