"""Desk fixtures: an isolated settings folder, a project whose article mixes Arabic with
emoji (astral characters: two UTF-16 units each) and a Latin name, and the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

CODER = "Mona"

# 😀 and 𝐀 sit BEFORE the spans the tests annotate, so a UTF-16/code-point mix-up shifts
# every offset by one or two and shows at once.
ARTICLE = (
    "قالت صحيفة الجارديان 😀 البريطانية إن 𝐀 المقاتل John Smith غادر الموصل في 2017.\n"
    "\n"
    "وأكدت مواقع عراقية أن الجارديان نشرت وثائق جديدة، وقال مسؤول إن الأمر مؤكد.\n"
    "\n"
    "An English paragraph about The Guardian stays left to right.\n"
    "\n"
    "وذكرت الْجَارِدْيَان أن 100 مقاتل فروا."
)
SECOND = "مقال ثانٍ قصير عن الموصل والجارديان."


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Settings and the data folder in the test's own temp folder, never the user's."""
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("ANNOTATOR_CODER", CODER)
    yield
    from annotator.gui import i18n

    i18n.install("en")


@pytest.fixture
def project(tmp_path):
    p = Project.create(tmp_path / "desk.annot")
    p.add_documents([ImportedDocument(text=ARTICLE, title="مقال الاختبار"),
                     ImportedDocument(text=SECOND, title="المقال الثاني")])
    yield p
    p.close()


@pytest.fixture
def window(qtbot, project):
    from annotator.gui.app import settings, setup
    from annotator.gui.main_window import MainWindow

    setup("en")
    win = MainWindow(project, CODER, settings())
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def span_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Code-point span of the nth occurrence of `needle` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)
