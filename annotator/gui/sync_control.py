"""Sync with the team server from the desk: a button (and File menu entry) that runs the
sync in the background with a progress dialog, and a status line "last synced 5 min ago".
The desk never waits for the server: coding goes on while a sync runs, and a sync that
cannot reach the server says so in one line and leaves the file as it was."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox

from ..core.errors import AnnotatorError
from ..core.server.url import ServerURL, is_server_url

translate = QCoreApplication.translate
LAST, SERVER = "sync.last", "sync.server"


def ago(when: str | None, now: datetime | None = None) -> str:
    """"last synced 5 min ago", in the interface language."""
    if not when:
        return translate("Sync", "Not synced yet")
    try:
        then = datetime.fromisoformat(when)
    except ValueError:
        return translate("Sync", "Not synced yet")
    now = now or datetime.now(timezone.utc)
    minutes = int((now - then).total_seconds() // 60)
    if minutes < 1:
        return translate("Sync", "Synced just now")
    if minutes < 120:
        return translate("Sync", "Last synced %1 min ago").replace("%1", str(minutes))
    if minutes < 48 * 60:
        return translate("Sync", "Last synced %1 h ago").replace("%1", str(minutes // 60))
    return translate("Sync", "Last synced %1 days ago").replace("%1", str(minutes // 1440))


class SyncController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.act = QAction(window)
        self.act.setObjectName("sync")
        self.act.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.act.setShortcutContext(Qt.WindowShortcut)
        self.act.triggered.connect(self.start)
        window.addAction(self.act)
        window.file_menu.insertAction(window.file_menu.actions()[-1], self.act)
        window.toolbar.addSeparator()
        window.toolbar.addAction(self.act)
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        window.statusBar().addPermanentWidget(self.label)
        self._tick = QTimer(self)
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.act.setText(translate("Sync", "S&ync with the team server"))
        self.act.setToolTip(translate("Sync", "Send your work to the team server and get "
                                              "new articles (Ctrl+Shift+Y)"))
        self.refresh()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.w and event.type() == QEvent.LanguageChange:
            self.retranslate()
        return False

    def _is_package(self) -> bool:
        p = self.w.project
        return p is not None and not p.is_server and bool(p.info().get("package_coder"))

    def refresh(self) -> None:
        p = self.w.project
        shown = self._is_package() and p.setting(SERVER) is not None
        self.label.setVisible(shown)
        if shown:
            self.label.setText(ago(p.setting(LAST)))

    def start(self) -> bool:
        w = self.w
        if not self._is_package():
            QMessageBox.information(w, "Annotator", translate(
                "Sync", "Sync is for a coder's file (the package your supervisor gave you). "
                        "This project is not one."))
            return False
        address = w.project.setting(SERVER)
        if not address:
            address, ok = QInputDialog.getText(
                w, translate("Sync", "Team server"),
                translate("Sync", "The server's address, from your supervisor "
                                  "(postgresql://YOUR_LOGIN@HOST/DATABASE):"),
                QLineEdit.Normal, "postgresql://")
            if not ok or not address.strip():
                return False
            address = address.strip()
        if not is_server_url(address):
            QMessageBox.warning(w, "Annotator", translate(
                "Sync", "Not a server address: %1").replace("%1", address.split("@")[-1]))
            return False
        try:
            url = ServerURL(address)
        except AnnotatorError as exc:
            w.show_error(exc)
            return False
        from ..core.sync import sync

        project = w.project
        return w.tasks.start(
            translate("Sync", "Syncing with the team server"),
            lambda progress, cancel: sync(project, url, progress, cancel),
            done=self._done, project=project,
            count=translate("Sync", "Rows sent: %1 of %2"))

    def _done(self, report) -> None:
        pushed = report.pushed or {}
        sent = pushed.get("added", 0) + pushed.get("updated", 0) + pushed.get("deleted", 0)
        msg = translate("Sync", "Synced: %1 changes sent, %2 new articles.") \
            .replace("%1", str(sent)).replace("%2", str(report.pulled_documents))
        if report.codebook_updated:
            msg += " " + translate("Sync", "The codebook was updated.")
        self.w.hint(msg)
        if report.pulled_documents or report.codebook_updated:
            self.w.doc_model.reset(self.w.project.documents(), self.w.coder)
        self.refresh()
