"""The editor's undo steps: an edit of the working copy, and operations that rewrite the
project's data (undone through Project.undo_operation)."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ...core.codebook import Codebook

if TYPE_CHECKING:
    from .editor import CodebookEditor

translate = QCoreApplication.translate


class Snapshot(QUndoCommand):
    """One edit: the whole codebook before and after (small; restores exactly)."""

    def __init__(self, editor: CodebookEditor, before: Codebook, after: Codebook, text: str,
                 path_after: tuple):
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after
        self.path_before, self.path_after = editor.current_path(), path_after
        self._first = True

    def redo(self) -> None:
        self.editor.show_codebook(copy.deepcopy(self.after), self.path_after,
                                  keep_form=self._first)
        self._first = False

    def undo(self) -> None:
        self.editor.show_codebook(copy.deepcopy(self.before), self.path_before)


class RecodeStep(QUndoCommand):
    """Merge a value into another in the project's data (undo: Project.undo_operation)."""

    def __init__(self, editor: CodebookEditor, category: str, attribute: str, old: str,
                 new: str):
        super().__init__(translate("CodebookEditor", "Merge value '%1' into '%2'").replace("%1", old).replace("%2", new))
        self.editor, self.args = editor, (category, attribute, old, new)
        self.number: int | None = None

    def redo(self) -> None:
        p = self.editor.project
        self.number = p.recode(*self.args, author=self.editor.author)
        self.editor.reload()

    def undo(self) -> None:
        self.editor.project.undo_operation(self.number, author=self.editor.author)
        self.editor.reload()
