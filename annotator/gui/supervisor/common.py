"""What the supervisor's windows share: translation, threshold colours, number formats,
one-line error messages, and the report worker that runs off the GUI thread.

Every user-visible string goes through `translate("Supervisor", "...")` written out
literally, so pyside6-lupdate finds it (it does not see through a wrapper function).
"""

from __future__ import annotations

import getpass
import traceback

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.adjudication import GOLD_NOT_DONE
from ...core.errors import AnnotatorError
from ...resources import FONTS

translate = QCoreApplication.translate
CONTEXT = "Supervisor"

RELIABLE, TENTATIVE = 0.800, 0.667
# Light backgrounds that keep black text readable (contrast > 7:1).
GREEN, AMBER, RED = "#c8ecd0", "#ffe3a3", "#f7c5c0"
# Strong versions for the chart's bars.
BAR_GREEN, BAR_AMBER, BAR_RED = "#2e9d55", "#e0a100", "#d2453b"
NULL_TEXT = "—"


def verdict(value: float | None) -> str | None:
    """"reliable", "tentative", "unreliable" by Krippendorff's usual cut-offs, None for null."""
    if value is None:
        return None
    if value >= RELIABLE:
        return "reliable"
    if value >= TENTATIVE:
        return "tentative"
    return "unreliable"


def threshold_colour(value: float | None, strong: bool = False) -> QColor | None:
    v = verdict(value)
    if v is None:
        return None
    pick = {"reliable": (GREEN, BAR_GREEN), "tentative": (AMBER, BAR_AMBER),
            "unreliable": (RED, BAR_RED)}[v]
    return QColor(pick[1] if strong else pick[0])


def verdict_text(value: float | None) -> str:
    v = verdict(value)
    if v == "reliable":
        return translate("Supervisor", "reliable (≥ 0.800)")
    if v == "tentative":
        return translate("Supervisor", "tentative (0.667 – 0.800)")
    if v == "unreliable":
        return translate("Supervisor", "not reliable (< 0.667)")
    return ""


def fmt(value: float | None, kind: str = "coef") -> str:
    """A figure as the tables show it: coefficients with 3 decimals, shares as percent."""
    if value is None:
        return NULL_TEXT
    if kind == "share":
        return f"{value * 100:.1f}%"
    if kind == "count":
        return f"{int(value):,}"
    return number(f"{value:.3f}") if value < 0 else f"{value:.3f}"


def number(text: str) -> str:
    """A figure isolated left to right (LRI ... PDI): in a right-to-left layout "-0.103"
    would otherwise read "0.103-", and it cannot reorder the text around it."""
    return f"\u2066{text}\u2069"


def reason_text(reason: str | None) -> str:
    """Why a figure is null, in the interface language. The core gives its reasons in
    English; the ones it gives are listed here for the translator, anything else (a
    reason naming a category or coder) stays as the core wrote it."""
    if not reason:
        return ""
    known = {
        "no spans of this category": translate("Supervisor", "no spans of this category"),
        "no spans of this category from either coder": translate(
            "Supervisor", "no spans of this category from either coder"),
        "no spans": translate("Supervisor", "no spans"),
        "only one coder": translate("Supervisor", "only one coder"),
        "nothing pairable": translate("Supervisor", "nothing pairable"),
        "fewer than 2 pairable values": translate("Supervisor",
                                                  "fewer than 2 pairable values"),
        "no units coded by both coders": translate("Supervisor",
                                                   "no units coded by both coders"),
        "no stretch that two coders both identified as a unit": translate(
            "Supervisor", "no stretch that two coders both identified as a unit"),
        "no expected disagreement (the units leave no room for chance)": translate(
            "Supervisor", "no expected disagreement (the units leave no room for chance)"),
        "no variation": translate("Supervisor", "no variation"),
        "no variation: every character unit has the same value": translate(
            "Supervisor", "no variation: every character unit has the same value"),
        "no variation: every stretch has the same value": translate(
            "Supervisor", "no variation: every stretch has the same value"),
        "no variation: every unit has the same value": translate(
            "Supervisor", "no variation: every unit has the same value"),
        "no variation: no coder marked anything, or coders marked everything": translate(
            "Supervisor", "no variation: no coder marked anything, or coders marked "
                          "everything"),
        "no variation: no coder marked this category": translate(
            "Supervisor", "no variation: no coder marked this category"),
        "no variation: only one category among the jointly identified units": translate(
            "Supervisor", "no variation: only one category among the jointly identified "
                          "units"),
        "neither coder marked this category": translate(
            "Supervisor", "neither coder marked this category"),
        "no coder pair shares a document": translate("Supervisor",
                                                     "no coder pair shares a document"),
        "no document has two or more included coders": translate(
            "Supervisor", "no document has two or more included coders"),
        "the two coders share no included document": translate(
            "Supervisor", "the two coders share no included document"),
        "no document with this attribute coded by two coders": translate(
            "Supervisor", "no document with this attribute coded by two coders"),
        GOLD_NOT_DONE: translate(
            "Supervisor", "gold is marked done on no article the other coders finished: "
                          "mark gold done per article in the comparison window (D), or "
                          "with `annotator adjudicate --done`"),
    }
    return known.get(reason, reason)


def below_minus_one_text() -> str:
    """Why an alpha falls below -1 (docs/agreement.md says the same)."""
    return translate(
        "Supervisor", "Below −1: the two disagree more than twice as much as chance would "
                      "make them. This happens where one side marked far fewer spans than "
                      "the other (gold still incomplete, a coder who stopped early): read "
                      "it as not comparable yet. Finish gold and mark it done first.")


def one_line(exc: BaseException) -> str:
    """The message a user can act on, one line: an AnnotatorError as it reads, anything
    else as its first line (the traceback goes to stderr for a bug report)."""
    if isinstance(exc, AnnotatorError):
        text = str(exc)
    else:
        traceback.print_exception(exc)
        text = str(exc) or type(exc).__name__
    text = " ".join(text.split()) if text else type(exc).__name__
    return text if len(text) <= 300 else text[:299] + "…"


def show_error(parent: QWidget | None, exc: BaseException,
               title: str | None = None) -> str:
    msg = one_line(exc)
    QMessageBox.warning(parent, title or translate("Supervisor", "Annotator"), msg)
    return msg


def current_user(main_window=None) -> str:
    """Who is deciding: the desk's coder name when it has one, else the login name."""
    for attr in ("coder", "coder_name", "user"):
        v = getattr(main_window, attr, None) if main_window is not None else None
        if callable(v):
            try:
                v = v()
            except TypeError:
                v = None
        if isinstance(v, str) and v.strip():
            return v.strip()
    try:
        return getpass.getuser() or "supervisor"
    except Exception:  # no login name in some sandboxes
        return "supervisor"


_fonts_loaded = False


def ensure_fonts() -> None:
    """Load the shipped Naskh face once (the desk's app does it too; harmless twice)."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    _fonts_loaded = True
    for path in sorted(FONTS.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


# --- computing reports off the GUI thread ----------------------------------------------

class _Signals(QObject):
    finished = Signal(int, object)   # generation, {job name: report}
    failed = Signal(int, str)        # generation, one-line message


class ReportJob(QRunnable):
    """Computes agreement reports in a pool thread.

    SQLAlchemy sessions must not cross threads, so the job opens its own read-only
    Project on the same file (no lock, never writes), computes, and closes it there.
    `jobs` maps a name to project_report keyword arguments.
    """

    def __init__(self, project_cls, path, jobs: dict[str, dict], generation: int,
                 signals: _Signals):
        super().__init__()
        self.project_cls, self.path, self.jobs = project_cls, path, jobs
        self.generation, self.signals = generation, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        from ...core.agreement.from_project import project_report

        try:
            project = self.project_cls.open(self.path, readonly=True)
            try:
                out = {name: project_report(project, **kw) for name, kw in self.jobs.items()}
            finally:
                project.close()
        except Exception as exc:  # reported in the window, never a traceback dialog
            self._emit(self.signals.failed, one_line(exc))
            return
        self._emit(self.signals.finished, out)

    def _emit(self, signal, payload) -> None:
        try:
            signal.emit(self.generation, payload)
        except RuntimeError:  # the window closed while this ran: nobody wants the answer
            pass


class ReportRunner(QObject):
    """Starts ReportJobs; only the newest request's answer is delivered."""

    finished = Signal(object)
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._generation = 0
        self._signals = _Signals(self)
        self._signals.finished.connect(self._done)
        self._signals.failed.connect(self._fail)
        self.busy = False

    def start(self, project, jobs: dict[str, dict]) -> None:
        self._generation += 1
        self._set_busy(True)
        QThreadPool.globalInstance().start(
            ReportJob(type(project), project.path, jobs, self._generation, self._signals))

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)

    def _done(self, generation: int, result: object) -> None:
        if generation == self._generation:
            self._set_busy(False)
            self.finished.emit(result)

    def _fail(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._set_busy(False)
            self.failed.emit(message)
