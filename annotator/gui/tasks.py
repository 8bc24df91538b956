"""The one helper for long work in the desk: an import, a merge, a package, an assignment,
a restore, an export. The core function runs in a worker thread; the window keeps
repainting and can be moved; a progress dialog (not modal) shows "done of total" and the
item being worked on, with a Cancel the core checks between items.

    runner = TaskRunner.of(widget)            # one per main window, shared by its dialogs
    runner.start(translate("Tasks", "Importing articles"),
                 lambda progress, cancel: core_fn(..., progress=progress, cancel=cancel),
                 done=on_result, count=translate("Tasks", "Files read: %1 of %2"))

Only one long task runs at a time: a second one is refused with a message naming the one
running, never interleaved. The core stays Qt-free: it gets a plain progress(done, total,
label) callback and a CancelToken. Project events raised on the worker thread reach the
widgets on the GUI thread (Project.set_dispatcher). A project's writes stay one
transaction inside the core function, on the worker's own pooled connection, so Cancel
(or an error) leaves the project as it was.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import AnnotatorError
from ..core.progress import Cancelled, CancelToken, Progress

Work = Callable[[Progress, CancelToken], object]

LRI, PDI = "\u2066", "\u2069"  # isolate a left-to-right run (a path) inside any text
SHOW_AFTER_MS = 250  # a task done sooner never flashes a dialog
EMIT_EVERY_S = 0.03  # progress signals at most ~30 a second, whatever the core reports


translate = QCoreApplication.translate


class _Worker(QThread):
    """Runs `work(progress, cancel)` once; reports through queued signals."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, work: Work, token: CancelToken, parent=None):
        super().__init__(parent)
        self.work, self.token = work, token
        self._last = 0.0

    def run(self) -> None:
        try:
            result = self.work(self._progress, self.token)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to show
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)

    def _progress(self, done: int, total: int = 0, label: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= EMIT_EVERY_S or (total and done >= total) or done == 0:
            self._last = now
            self.progressed.emit(int(done), int(total or 0), str(label or ""))


class ProgressPanel(QDialog):
    """Title, bar, "done of total", the current item, Cancel. Not modal: the desk stays
    usable and repaints behind it."""

    cancelRequested = Signal()

    def __init__(self, title: str, count: str, parent=None):
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(title)
        self.setModal(False)
        self.setWindowModality(Qt.NonModal)
        self.count_text = count
        self.heading = QLabel(title)
        self.heading.setObjectName("taskTitle")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.bar = QProgressBar()
        self.bar.setObjectName("taskBar")
        self.bar.setRange(0, 0)  # busy until the first report says how much there is
        self.counter = QLabel(translate("Tasks", "Starting…"))
        self.counter.setObjectName("taskCount")
        self.item = QLabel("")
        self.item.setObjectName("taskItem")
        self.item.setTextFormat(Qt.PlainText)
        self.item.setMinimumWidth(380)
        self.cancel_button = QPushButton(translate("Tasks", "Cancel"))
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        for w in (self.heading, self.bar, self.counter, self.item):
            lay.addWidget(w)
        lay.addLayout(row)
        self.resize(460, self.sizeHint().height())

    def set_progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.counter.setText(self.count_text.replace("%1", str(done))
                                 .replace("%2", str(total)))
        if label:
            metrics = self.item.fontMetrics()
            shown = metrics.elidedText(label, Qt.ElideMiddle, self.item.width())
            # a file name reads left to right in either interface, Arabic letters or not
            self.item.setText(LRI + shown + PDI)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.counter.setText(translate("Tasks", "Cancelling…"))
        self.cancelRequested.emit()

    def reject(self) -> None:  # Escape or the window's close button mean Cancel
        if self.cancel_button.isEnabled():
            self._cancel()


class TaskRunner(QObject):
    """One long task at a time for a main window and its dialogs (see the module doc)."""

    progressed = Signal(int, int, str)  # every report the dialog shows (tests, status bar)
    _call = Signal(object)  # a project event to deliver on the GUI thread

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("taskRunner")
        self.window = window
        self.title = ""
        self.worker: _Worker | None = None
        self.token: CancelToken | None = None
        self.panel: ProgressPanel | None = None
        self.project = None
        self._handlers: dict = {}
        self._closing = False
        self._gui_thread = threading.get_ident()
        self._call.connect(self._run_call, Qt.QueuedConnection)
        window.installEventFilter(self)

    @classmethod
    def of(cls, widget: QWidget) -> TaskRunner:
        """The runner of the main window `widget` belongs to (created on first use)."""
        root = widget
        while root.parentWidget() is not None:
            root = root.parentWidget()
        found = root.findChild(TaskRunner, "taskRunner", Qt.FindDirectChildrenOnly)
        return found if found is not None else cls(root)

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def refuse_if_busy(self, parent: QWidget | None = None) -> bool:
        """True (after telling the user which task runs) when a long task is running."""
        if not self.busy:
            return False
        text = translate("Tasks", "“%1” is still running. Wait until it finishes, or cancel it.")
        box = QMessageBox(QMessageBox.Information, translate("Tasks", "Please wait"),
                          text.replace("%1", self.title), QMessageBox.Ok, parent or self.window)
        box.setObjectName("taskBusy")
        box.open()
        return True

    def start(self, title: str, work: Work, *, done: Callable[[object], None],
              failed: Callable[[BaseException], None] | None = None,
              cancelled: Callable[[], None] | None = None, project=None,
              count: str | None = None, parent: QWidget | None = None) -> bool:
        """Run `work(progress, cancel)` off the GUI thread; then call `done(result)`,
        `failed(exc)` (default: a one-line message box) or `cancelled()` on the GUI thread.
        Returns False, after saying so, when another long task is running."""
        if self.refuse_if_busy(parent):
            return False
        if project is not None:
            project.set_dispatcher(self._dispatch)
        self.project = project
        self.title = title
        self.token = CancelToken()
        self._handlers = {"done": done, "failed": failed, "cancelled": cancelled,
                          "parent": parent or self.window}
        self.panel = ProgressPanel(title, count or translate("Tasks", "%1 of %2"),
                                   parent or self.window)
        self.panel.cancelRequested.connect(self.cancel)
        self.worker = _Worker(work, self.token, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        QTimer.singleShot(SHOW_AFTER_MS, self._show_panel)
        self.worker.start()
        return True

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()

    def wait(self, ms: int = -1) -> bool:
        """Block until the worker ends (closing the window); True if it has."""
        if self.worker is None:
            return True
        return self.worker.wait() if ms < 0 else self.worker.wait(ms)

    # --- on the GUI thread --------------------------------------------------------------

    def _show_panel(self) -> None:
        if self.panel is not None and self.busy:
            self.panel.show()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        if self.panel is not None:
            self.panel.set_progress(done, total, label)
        self.progressed.emit(done, total, label)

    def _finish(self) -> dict:
        handlers = self._handlers
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
        if self.panel is not None:
            self.panel.hide()
            self.panel.deleteLater()
        if self.project is not None:
            # events of the task are queued already; later ones come from the GUI thread
            self.project.set_dispatcher(None)
        self.worker = self.token = self.panel = self.project = None
        self._handlers = {}
        return handlers

    @Slot(object)
    def _succeeded(self, result) -> None:
        h = self._finish()
        if not self._closing:
            h["done"](result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        h = self._finish()
        if self._closing:
            return
        if h.get("failed") is not None:
            h["failed"](exc)
        elif isinstance(exc, AnnotatorError):
            show_task_error(h["parent"], exc)
        else:  # a bug: the app's crash handler gets it, as on the GUI thread
            sys.excepthook(type(exc), exc, exc.__traceback__)

    @Slot()
    def _cancelled(self) -> None:
        h = self._finish()
        if not self._closing and h.get("cancelled") is not None:
            h["cancelled"]()

    def _dispatch(self, call: Callable[[], None]) -> None:
        if threading.get_ident() == self._gui_thread:
            call()
        else:
            self._call.emit(call)

    @Slot(object)
    def _run_call(self, call) -> None:
        call()

    def eventFilter(self, obj, event) -> bool:
        # Closing the window cancels the task and waits for the worker to roll back:
        # the project is never closed under a running transaction.
        if obj is self.window and event.type() == QEvent.Close and self.busy:
            self._closing = True
            self.cancel()
            self.wait()
            self._finish()  # its queued result finds nothing left to call
        return False


def show_task_error(parent: QWidget, exc: BaseException) -> None:
    box = QMessageBox(QMessageBox.Warning, translate("Tasks", "Annotator"), str(exc),
                      QMessageBox.Ok, parent)
    box.setObjectName("taskError")
    box.open()
