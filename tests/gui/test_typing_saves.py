"""A typed attribute value is stored while typing, one undo step per burst, "Saved" only
when true; Escape reverts; a picked source name brings the attributes it usually carries
(issue 10, items 5-7). The kill -9 test runs the real window in a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from annotator.core.project import Project

from .conftest import ARTICLE, CODER, span_of
from .test_desk import drag, press

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "typing_driver.py"


def new_source(qtbot, window, needle: str):
    s, e = span_of(ARTICLE, needle)
    drag(qtbot, window.view, s, e)
    press(qtbot, window, Qt.Key_2)
    return next(a for a in window.project.annotations(window.doc_id, coder=CODER)
                if (a.start, a.end) == (s, e))


def name_field(qtbot, window) -> QLineEdit:
    window.activateWindow()
    press(qtbot, window, Qt.Key_F2)  # F2: into the first attribute field
    edit = window.attrs.findChild(QLineEdit, "attr_name")
    qtbot.waitUntil(edit.hasFocus)
    return edit


def test_typed_value_is_stored_after_a_pause_without_enter(qtbot, window):
    a = new_source(qtbot, window, "مواقع عراقية")
    edit = name_field(qtbot, window)
    QTest.keyClicks(edit, "Reuters")
    assert not window.save_label.text().startswith("Saved")  # not stored yet: not "Saved"
    qtbot.waitUntil(lambda: window.project.annotation(a.uuid).attrs == {"name": "Reuters"},
                    timeout=1000)
    assert edit.hasFocus()  # nothing left the field
    assert window.save_label.text().startswith("Saved")


def test_a_typing_burst_is_one_undo_step(qtbot, window):
    a = new_source(qtbot, window, "مواقع عراقية")
    steps = window.undo.count()
    edit = name_field(qtbot, window)
    QTest.keyClicks(edit, "Reu")
    QTest.qWait(700)  # a pause: stored
    assert window.project.annotation(a.uuid).attrs == {"name": "Reu"}
    QTest.keyClicks(edit, "ters")
    QTest.qWait(700)
    assert window.project.annotation(a.uuid).attrs == {"name": "Reuters"}
    assert window.undo.count() == steps + 1
    window.view.setFocus()
    window.do_undo()
    assert window.project.annotation(a.uuid).attrs == {}
    window.do_redo()
    assert window.project.annotation(a.uuid).attrs == {"name": "Reuters"}


def test_escape_reverts_to_the_stored_value_even_after_a_pause(qtbot, window):
    a = new_source(qtbot, window, "مواقع عراقية")
    window.project.update_annotation(a.uuid, attrs={"name": "AFP"})
    steps = window.undo.count()
    edit = name_field(qtbot, window)
    assert edit.text() == "AFP"
    QTest.keyClicks(edit, " and Reuters")
    QTest.qWait(700)  # the burst was stored meanwhile
    assert window.project.annotation(a.uuid).attrs == {"name": "AFP and Reuters"}
    QTest.keyClick(edit, Qt.Key_Escape)
    assert window.project.annotation(a.uuid).attrs == {"name": "AFP"}
    assert edit.text() == "AFP"
    assert window.undo.count() == steps  # typed and taken back: nothing to undo
    # (the window's own focus: offscreen Qt leaves the shown-and-hidden completer popup
    # as the active window)
    assert window.focusWidget() is window.view


def test_escape_closes_the_suggestion_popup_and_stores_nothing(qtbot, window):
    other = new_source(qtbot, window, "مسؤول")
    window.project.update_annotation(other.uuid, attrs={"name": "Reuters"})
    a = new_source(qtbot, window, "مواقع عراقية")
    edit = name_field(qtbot, window)
    QTest.keyClicks(edit, "Reu")
    popup = edit.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=1000)
    QTest.keyClick(popup, Qt.Key_Escape)  # the popup has the keyboard while it is open
    assert not popup.isVisible()
    assert edit.text() == ""  # one Escape: the popup closes and the field reverts
    QTest.qWait(600)
    assert window.project.annotation(a.uuid).attrs == {}
    assert window.active == a.uuid


def test_sigkill_a_second_after_typing_keeps_the_value(tmp_path):
    """The real window in its own process: type a name (no Enter, no Tab), wait about a
    second, kill -9; the reopened project has the name."""
    path = tmp_path / "kill.annot"
    from annotator.core.importers.base import ImportedDocument

    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=ARTICLE, title="t")])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = subprocess.Popen([sys.executable, str(DRIVER), str(path), "Reuters"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = ""
        while line.strip() != "typed":
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    with Project.open(path, readonly=True) as p:
        [a] = p.annotations(p.documents()[0].id, coder=CODER)
        assert a.attrs == {"name": "Reuters"}


def test_picking_a_suggested_name_fills_in_what_that_name_usually_carries(qtbot, window):
    project = window.project
    for needle, attrs in (("الجارديان", {"name": "Reuters", "type": "foreign_media",
                                         "named": True}),
                          ("البريطانية", {"name": "reuters", "type": "foreign_media"}),
                          ("John", {"name": "Reuters", "type": "websites"})):
        project.add_annotation(window.doc_id, CODER, "source", *span_of(ARTICLE, needle),
                               attrs=attrs)
    a = new_source(qtbot, window, "مواقع عراقية")
    steps = window.undo.count()
    edit = name_field(qtbot, window)
    QTest.keyClicks(edit, "reu")
    popup = edit.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=1000)
    QTest.keyClick(popup, Qt.Key_Down)
    QTest.keyClick(popup, Qt.Key_Return)
    assert project.annotation(a.uuid).attrs == {"name": "Reuters", "type": "foreign_media",
                                                "named": True}
    # shown in the form, where the coder can change them
    type_box = window.attrs.editors["type"]
    assert type_box.currentData() == "foreign_media"
    assert window.undo.count() == steps + 1  # typing and picking: one step
    window.view.setFocus()
    window.do_undo()
    assert project.annotation(a.uuid).attrs == {}
