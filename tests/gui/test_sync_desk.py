"""Sync from the desk (issue 15): the button runs the sync in the background, the window
keeps working, and the status bar says when the file last met the server."""

from __future__ import annotations

from annotator.core.project import Project
from annotator.core.server.connect import open_server

from ..test_server import _server_with_coders


def test_the_desk_syncs_in_the_background_and_says_when(qtbot, tmp_path, db, monkeypatch):
    from datetime import datetime, timedelta, timezone

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.gui.app import setup
    from annotator.gui.main_window import MainWindow
    from annotator.gui.sync_control import ago

    ids, creds = _server_with_coders(tmp_path, db, ("Mona",), n_docs=2)
    role, pw = creds["Mona"]
    monkeypatch.setenv("PGPASSWORD", pw)  # what the coder's PGPASSFILE gives libpq
    with Project.open(tmp_path / "Mona.annot") as p:
        p.set_setting("sync.server", str(db.with_user(role)))
    setup("en")
    win = MainWindow(Project.open(tmp_path / "Mona.annot"), "Mona", None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.sync.label.text() == "Not synced yet"
    s = win.view.text.index("صحيفة الجارديان")  # coded (the desk's own tests cover keys)
    win.project.add_annotation(win.doc_id, "Mona", "source", s, s + len("صحيفة الجارديان"))
    ticks = []
    from PySide6.QtCore import QTimer
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    button = win.toolbar.widgetForAction(win.sync.act)
    QTest.mouseClick(button, Qt.LeftButton)  # the Sync button
    assert win.tasks.busy, win.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not win.tasks.busy, timeout=60000)
    timer.stop()
    assert ticks  # the window kept processing events while the sync ran
    assert "Synced: " in win.statusBar().currentMessage()
    assert win.sync.label.text() == "Synced just now"
    with open_server(db) as server:
        assert [a.quote for a in server.annotations(coder="Mona")] == ["صحيفة الجارديان"]
    now = datetime.now(timezone.utc)
    assert ago((now - timedelta(minutes=5)).isoformat(), now) == "Last synced 5 min ago"
    win.close()


def test_the_supervisors_desk_on_the_server_shows_progress_and_agreement(qtbot, tmp_path, db):
    from annotator.core.sync import sync
    from annotator.gui.app import setup
    from annotator.gui.main_window import MainWindow

    from ..test_server import _code

    ids, creds = _server_with_coders(tmp_path, db, ("Mona", "Ali"), n_docs=2)
    for c in ("Mona", "Ali"):
        _code(tmp_path / f"{c}.annot", c, ids, extra=1 if c == "Ali" else 0)
        sync(tmp_path / f"{c}.annot", db.with_user(*creds[c]))
    setup("en")
    win = MainWindow(Project.open(str(db)), "supervisor", None)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.project.is_server and db.database in win.windowTitle()
    prog = win.supervisor.progress()
    qtbot.addWidget(prog)
    qtbot.waitUntil(lambda: prog.table.rowCount() >= 2, timeout=30000)
    coders = {prog.table.item(r, 0).text() for r in range(prog.table.rowCount())}
    assert {"Mona", "Ali"} <= coders
    dlg = win.supervisor.agreement()
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: not dlg.view.runner.busy, timeout=30000)
    with open_server(db) as server:
        from annotator.core.agreement.from_project import project_report
        expected = project_report(server)["overall"]["alpha_u"]
    assert dlg.view.report["overall"]["alpha_u"] == expected
