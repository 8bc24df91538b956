"""Starting the desk: the QApplication, fonts, translator, settings, the first project.

`run(path)` opens that project; without one, the last project from the settings; the
first time, a demo project built from resources/sample in the user's data folder (the
shipped files are never written to).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from ..core.errors import AnnotatorError
from ..core.importers import iter_files, read_path
from ..core.project import Project
from ..core.server.url import is_server_url
from ..resources import ICONS, SAMPLE
from . import i18n
from .code_points import load_fonts

ORGANISATION = APPLICATION = "Annotator"
DEMO_NAME = "demo.annot"


translate = QCoreApplication.translate


def settings() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANISATION, APPLICATION)


def setup(language: str | None = None) -> QApplication:
    """The application object (reused if one exists, as under pytest-qt), fonts and the
    interface language from the settings."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    load_fonts()
    app.setWindowIcon(QIcon(str(ICONS / "annotator.svg")))
    i18n.install(language or str(settings().value("language", "en")))
    return app


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APPLICATION, appauthor=False))


def create_demo_project(path: Path) -> Project:
    """A project with the sample articles (imported as any file would be, so headline,
    date and byline are recognised) and the default codebook."""
    path.parent.mkdir(parents=True, exist_ok=True)
    project = Project.create(path, name=translate("App", "Demo project"))
    try:
        docs = [d for f in iter_files([SAMPLE]) for d in read_path(f)]
        project.add_documents(docs)
    except BaseException:
        project.close()
        path.unlink(missing_ok=True)
        raise
    return project


def open_start_project(path: str | os.PathLike | None, store: QSettings) -> Project:
    if path is not None:
        return Project.open(path)
    last = store.value("lastProject", "")
    if last and (is_server_url(last) or Path(last).exists()):
        try:
            return Project.open(last)
        except AnnotatorError:
            pass  # moved, locked or damaged: the demo still lets the coder start
    demo = data_dir() / DEMO_NAME
    return Project.open(demo) if demo.exists() else create_demo_project(demo)


def ask_coder(store: QSettings) -> str | None:
    name, ok = QInputDialog.getText(
        None, translate("App", "Welcome to Annotator"),
        translate("App", "Your name as a coder (saved with every annotation; you can change it in "
           "Settings):"))
    name = name.strip()
    if ok and name:
        store.setValue("coder", name)
        return name
    return None


def _excepthook(kind, value, tb) -> None:
    """A bug shows one line and leaves the details in a log; saved work is already saved."""
    from ..core import crashlog

    details = "".join(traceback.format_exception(kind, value, tb))
    what = f"{kind.__name__}: {value}"
    try:
        log = str(crashlog.write(details))
        text = translate("App", "Internal error (%1); details in %2. Everything you coded is "
                                "saved.")
    except OSError as exc:  # still one line, and the details on the terminal
        log = f"{crashlog.log_folder()}: {exc.strerror or exc}"
        text = translate("App", "Internal error (%1); the details could not be written "
                                "(%2). Everything you coded is saved.")
        sys.stderr.write(details)
    print(f"error: internal error ({what}); {log}", file=sys.stderr)
    if QApplication.instance() is not None:
        QMessageBox.critical(None, "Annotator", text.replace("%1", what).replace("%2", log))


def display_problem() -> str | None:
    """Why a window cannot be shown here, if it cannot: Qt itself would abort with a core
    dump and several lines of advice instead of one line."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM") \
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return ("no display to open the window on (no DISPLAY or WAYLAND_DISPLAY); the "
                "command-line tools work without one, see `annotator --help`")
    return None


def run(path: str | os.PathLike | None = None, coder: str | None = None) -> int:
    problem = display_problem()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    app = setup()
    store = settings()
    coder = coder or os.environ.get("ANNOTATOR_CODER") or store.value("coder", "") or \
        ask_coder(store)
    if not coder:
        return 1
    store.setValue("coder", coder)
    try:
        project = open_start_project(path, store)
    except AnnotatorError as exc:
        # the terminal gets the one line too; no modal box where nobody could close it
        print(f"error: {exc}", file=sys.stderr)
        if QGuiApplication.platformName() != "offscreen":
            QMessageBox.warning(None, "Annotator", str(exc))
        return 1
    from .main_window import MainWindow

    sys.excepthook = _excepthook
    win = MainWindow(project, coder, store)
    win.restore_layout()
    win.show()
    quit_after = os.environ.get("ANNOTATOR_QUIT_AFTER_MS")  # smoke tests of a built app
    if quit_after:
        QTimer.singleShot(int(quit_after), win.close)
    return app.exec()
