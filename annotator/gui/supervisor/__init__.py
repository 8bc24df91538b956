"""The supervisor's windows: agreement, comparison and adjudication, team work.

The desk's main window adds the whole menu in one line:

    install_supervisor_menu(self, self.menuBar(), lambda: self.project, self.undo_stack)

(`doc_getter`, optional, gives the article the comparison opens on; `user_getter` the
name recorded as `decided_by`.) Strings are translated in context "Supervisor".

The desk's undo stack is accepted but never handed to the comparison: each comparison
window keeps its own, so the coder's Ctrl+Z in the desk cannot undo a gold decision.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from ...core.adjudication import GOLD
from .agreement_view import AgreementDialog, AgreementView
from .common import current_user, show_error, translate
from .comparison_view import ComparisonDialog, ComparisonView
from .team_dialogs import AssignmentDialog, MergeDialog, PackageDialog, ProgressDialog

__all__ = [
    "AgreementDialog", "AgreementView", "ComparisonDialog", "ComparisonView", "SupervisorMenu",
    "install_supervisor_menu", "open_agreement", "open_comparison",
]


def open_comparison(project, doc_id: int, parent=None, decided_by: str | None = None,
                    notice: str = "") -> ComparisonDialog:
    """Show one article compared across coders, with adjudication (not modal), on the
    window's own undo stack; `notice` is a line shown above it (why this article)."""
    dlg = ComparisonDialog(project, doc_id, parent,
                           decided_by=decided_by or current_user(parent))
    if notice:
        dlg.view.show_notice(notice)
    dlg.show()
    return dlg


def open_agreement(project, parent=None, decided_by: str | None = None) -> AgreementDialog:
    """Show the agreement view (not modal); double-clicking a document's row opens the
    comparison of that article."""
    dlg = AgreementDialog(project, parent, open_document=lambda doc: open_comparison(
        project, doc, parent, decided_by))
    dlg.show()
    return dlg


def _n_coders(annotations: dict) -> int:
    return sum(1 for c, n in annotations.items() if n and c != GOLD)


def first_compared_document(project) -> int | None:
    """A sensible article to compare: the first one two or more coders annotated."""
    for d in project.documents():
        if _n_coders(d.annotations) >= 2:
            return d.id
    return None


def document_to_compare(project, doc_id: int | None) -> tuple[int | None, str]:
    """The article to open the comparison on, and a line saying why when it is not the
    one asked for: `doc_id` itself when two or more coders annotated it, else the first
    article that has two; (None, "") when none has."""
    if doc_id is not None:
        try:
            here = _n_coders(project.document(doc_id).annotations)
        except Exception:  # a stale id from the desk: fall back as for none
            here = 0
        if here >= 2:
            return doc_id, ""
    first = first_compared_document(project)
    if first is None or doc_id is None:
        return first, ""
    return first, translate(
        "Supervisor", "Article {0} has fewer than two coders: showing article {1}, the "
                      "first one two or more coders annotated.").format(doc_id, first)


class SupervisorMenu(QObject):
    """The "Supervisor" menu: builds its actions, opens the windows on the project the
    desk has open now, and retranslates itself when the language changes."""

    def __init__(self, main_window, menubar, project_getter: Callable[[], object],
                 undo_stack=None, doc_getter: Callable[[], int | None] | None = None,
                 user_getter: Callable[[], str] | None = None):
        super().__init__(main_window)
        self.window = main_window
        self.project_getter = project_getter
        self.undo_stack = undo_stack   # the desk's: kept, never given to a comparison
        self.doc_getter = doc_getter
        self.user_getter = user_getter
        self.menu = QMenu(main_window)
        self.menu.setObjectName("supervisorMenu")
        menubar.addMenu(self.menu)
        self.actions: dict[str, QAction] = {}
        for key, slot in (("agreement", self.agreement), ("compare", self.compare),
                          (None, None), ("package", self.package), ("merge", self.merge),
                          ("assign", self.assign), ("progress", self.progress),
                          (None, None), ("codebook", self.codebook_editor)):
            if key is None:
                self.menu.addSeparator()
                continue
            a = QAction(self.menu)
            a.setObjectName(f"supervisor_{key}")
            a.triggered.connect(slot)
            self.menu.addAction(a)
            self.actions[key] = a
        self.menu.aboutToShow.connect(self._enable)
        main_window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(translate("Supervisor", "S&upervisor"))
        texts = {"agreement": translate("Supervisor", "&Agreement…"),
                 "compare": translate("Supervisor", "&Compare coders on this article…"),
                 "package": translate("Supervisor", "&Package for a coder…"),
                 "merge": translate("Supervisor", "&Merge coders' files…"),
                 "assign": translate("Supervisor", "A&ssign documents…"),
                 "progress": translate("Supervisor", "P&rogress per coder…"),
                 "codebook": translate("Supervisor", "Code&book editor…")}
        for key, a in self.actions.items():
            a.setText(texts[key])

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.LanguageChange:
            self.retranslate()
        return False

    def _enable(self) -> None:
        has = self._project() is not None
        for a in self.actions.values():
            a.setEnabled(has)

    def _project(self):
        try:
            return self.project_getter()
        except Exception:
            return None

    def _user(self) -> str:
        if self.user_getter is not None:
            try:
                name = self.user_getter()
                if name:
                    return name
            except Exception:
                pass
        return current_user(self.window)

    def _need_project(self):
        p = self._project()
        if p is None:
            QMessageBox.information(self.window, translate("Supervisor", "Annotator"),
                                    translate("Supervisor", "Open a project first."))
        return p

    def codebook_editor(self):
        p = self._need_project()
        if p is not None:
            from ..codebook_editor import open_editor

            return open_editor(p, self.window, self._user())

    def agreement(self):
        p = self._need_project()
        if p is not None:
            return open_agreement(p, self.window, self._user())

    def compare(self):
        p = self._need_project()
        if p is None:
            return None
        doc = None
        if self.doc_getter is not None:
            try:
                doc = self.doc_getter()
            except Exception:
                doc = None
        doc, notice = document_to_compare(p, doc)
        if doc is None:
            QMessageBox.information(self.window, translate("Supervisor", "Annotator"),
                                    translate("Supervisor",
                                              "No article has been annotated by two coders yet."))
            return None
        try:
            return open_comparison(p, doc, self.window, self._user(), notice)
        except Exception as exc:
            show_error(self.window, exc)
            return None

    def _dialog(self, cls):
        p = self._need_project()
        if p is None:
            return None
        dlg = cls(p, self.window)
        dlg.open()
        return dlg

    def package(self):
        return self._dialog(PackageDialog)

    def merge(self):
        return self._dialog(MergeDialog)

    def assign(self):
        return self._dialog(AssignmentDialog)

    def progress(self):
        return self._dialog(ProgressDialog)


def install_supervisor_menu(main_window, menubar, project_getter, undo_stack=None,
                            doc_getter=None, user_getter=None) -> SupervisorMenu:
    """One line in the desk's main window adds the Supervisor menu (see module doc)."""
    return SupervisorMenu(main_window, menubar, project_getter, undo_stack, doc_getter,
                          user_getter)
