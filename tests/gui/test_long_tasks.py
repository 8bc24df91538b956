"""Long work in the desk (issue 17): import 2,000 articles from a folder through the File
menu's dialog and by dropping it on the article list, with the event loop running all
along; Cancel half way leaves the project as it was; a bad file is skipped (or the whole
import refused) as the user chooses; a second long task is refused while one runs."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton

from annotator.gui.actions import Act

from ..test_long_work import coded_package

N = 2000


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def write_articles(folder: Path, n: int) -> Path:
    for i in range(n):
        sub = folder / f"batch{i % 4}" / ("older" if i % 5 == 0 else "")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article-{i:04d}.txt").write_text(
            f"خبر رقم {i}\n\nقالت مصادر عراقية إن الاجتماع رقم {i} عقد في الموصل.",
            encoding="utf-8")
    return folder


@pytest.fixture
def folder(tmp_path) -> Path:
    return write_articles(tmp_path / "articles", N)


def idle(qtbot, window, timeout=120_000) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=timeout)


class Watch:
    """What the GUI thread saw during a task: progress reports, and the ticks of a 10 ms
    timer together with the progress at that moment (ticks mid-task prove the event loop
    ran while the worker read and stored)."""

    def __init__(self, window):
        from annotator.gui.tasks import TaskRunner

        self.runner = TaskRunner.of(window)
        self.reports: list[tuple[int, int, str]] = []
        self.ticks: list[tuple[bool, int, int]] = []
        self.runner.progressed.connect(lambda d, t, label: self.reports.append((d, t, label)))
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(10)

    def _tick(self) -> None:
        d, t, _ = self.reports[-1] if self.reports else (0, 0, "")
        self.ticks.append((self.runner.busy, d, t))

    def ticks_mid_task(self) -> int:
        return sum(1 for busy, d, t in self.ticks if busy and 0 < d < t)

    def stop(self) -> None:
        self.timer.stop()


def summary(qtbot, window):
    qtbot.waitUntil(lambda: getattr(window, "import_summary", None) is not None
                    and window.import_summary.isVisible(), timeout=60_000)
    return window.import_summary


def click(dlg, name: str) -> None:
    button = dlg.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    QTest.mouseClick(button, Qt.LeftButton)


def test_import_a_folder_of_2000_articles_through_the_dialog(qtbot, window, folder):
    before = window.doc_model.rowCount()
    watch = Watch(window)
    heard = []  # project events must reach listeners on the GUI thread, where widgets live
    window.project.subscribe(lambda event, _: heard.append((event, threading.get_ident())))
    window.acts[Act.IMPORT_FOLDER].trigger()
    dlg = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QFileDialog) and w.objectName() == "importFolderDialog")
    qtbot.waitUntil(dlg.isVisible)
    name = dlg.findChild(QLineEdit, "fileNameEdit")
    assert Path(dlg.directory().path()) == folder.parent  # opens where the project is
    name.clear()
    QTest.keyClicks(name, folder.name)
    QTest.keyClick(name, Qt.Key_Return)

    done = summary(qtbot, window)
    watch.stop()
    assert window.doc_model.rowCount() == before + N
    assert done.heading.text().splitlines()[0] == f"{N} articles added."
    assert done.skipped.count() == 0
    # files read: counts up to 2,000 reported in order (at most ~30 a second), with names
    reads = [r for r in watch.reports if r[1] == N and r[2].endswith(".txt")]
    assert reads[-1][0] == N and [r[0] for r in reads] == sorted(r[0] for r in reads)
    # the event loop ran while the worker worked: the timer fired mid-import, many times
    assert watch.ticks_mid_task() >= 5, watch.ticks[:20]
    assert heard == [("documents_added", threading.main_thread().ident)]
    click(done, "importClose")
    assert not done.isVisible()
    titles = {d.title for d in window.project.documents()}
    assert {"خبر رقم 0", "خبر رقم 1999"} <= titles


def drop(widget, paths: list[Path], pos: QPoint | None = None) -> bool:
    """What a file manager's drag does at the end: enter, then drop, with file URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = pos or widget.rect().center()
    enter = QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_drop_a_folder_on_the_article_list_imports_it(qtbot, window, folder):
    before = window.doc_model.rowCount()
    watch = Watch(window)
    assert drop(window.doc_table.viewport(), [folder])
    done = summary(qtbot, window)
    watch.stop()
    assert window.doc_model.rowCount() == before + N
    assert done.heading.text().startswith(f"{N} articles added.")
    assert watch.ticks_mid_task() >= 5
    click(done, "importClose")


def test_drop_files_on_the_window(qtbot, window, tmp_path):
    files = sorted(write_articles(tmp_path / "few", 3).rglob("*.txt"))
    before = window.doc_model.rowCount()
    assert drop(window, files)
    click(summary(qtbot, window), "importClose")
    assert window.doc_model.rowCount() == before + 3
    # text dragged from another program is not an import
    mime = QMimeData()
    mime.setText("just words")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window.doc_table.viewport(), enter)
    assert not enter.isAccepted()


def slow_reading(monkeypatch, seconds: float = 0.001) -> None:
    """A slow disk: each file takes a millisecond longer to read."""
    import annotator.core.importers.batch as batch

    real = batch.read_path

    def read_path(path, fmt="auto"):
        time.sleep(seconds)
        return real(path, fmt)

    monkeypatch.setattr(batch, "read_path", read_path)


def test_cancel_half_way_leaves_the_project_unchanged(qtbot, window, folder, monkeypatch):
    slow_reading(monkeypatch)
    path = window.project.path
    before = dump(path)
    rows = window.doc_model.rowCount()
    watch = Watch(window)
    window.import_paths([folder])
    runner = window.tasks
    qtbot.waitUntil(lambda: runner.panel is not None and runner.panel.isVisible()
                    and bool(watch.reports) and watch.reports[-1][0] >= N // 2,
                    timeout=60_000)
    panel = runner.panel
    assert panel.bar.maximum() == N and N // 2 <= panel.bar.value() < N
    assert panel.counter.text().startswith("Files read: ")
    assert panel.item.text().strip("\u2066\u2069").startswith("article-")
    QTest.mouseClick(panel.cancel_button, Qt.LeftButton)
    idle(qtbot, window)
    watch.stop()
    assert max(d for d, t, _ in watch.reports if t == N) < N  # stopped half way
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was added."
    assert getattr(window, "import_summary", None) is None
    assert window.doc_model.rowCount() == rows
    assert dump(path) == before
    # and the desk goes on: the same folder imports fine afterwards
    monkeypatch.undo()
    window.import_paths([folder])
    click(summary(qtbot, window), "importClose")
    assert window.doc_model.rowCount() == rows + N


def bad_folder(tmp_path) -> Path:
    folder = write_articles(tmp_path / "mixed", 20)
    (folder / "batch1" / "broken.docx").write_bytes(b"this is not a Word file")
    return folder


def test_skip_a_bad_file_and_import_the_rest(qtbot, window, tmp_path):
    folder = bad_folder(tmp_path)
    rows = window.doc_model.rowCount()
    window.import_paths([folder])
    ask = summary(qtbot, window)
    assert ask.asking
    assert ask.heading.text() == ("20 articles were read from 20 files. "
                                  "1 files cannot be imported:")
    [line] = [ask.skipped.item(i).text() for i in range(ask.skipped.count())]
    assert line.startswith("broken.docx: ") and "\n" not in line
    assert str(folder / "batch1" / "broken.docx") in ask.skipped.item(0).toolTip()
    assert window.doc_model.rowCount() == rows  # nothing stored before the choice
    click(ask, "importRest")
    qtbot.waitUntil(lambda: window.import_summary is not ask, timeout=60_000)
    done = summary(qtbot, window)
    assert done.heading.text().splitlines() == ["20 articles added.", "1 files were skipped:"]
    assert done.skipped.item(0).text() == line
    assert window.doc_model.rowCount() == rows + 20
    click(done, "importClose")


def test_or_import_nothing(qtbot, window, tmp_path):
    folder = bad_folder(tmp_path)
    before = dump(window.project.path)
    window.import_paths([folder])
    click(summary(qtbot, window), "importNothing")
    idle(qtbot, window)
    assert window.statusBar().currentMessage() == "Nothing was imported."
    assert dump(window.project.path) == before


def test_duplicates_are_counted_in_the_summary(qtbot, window, tmp_path):
    folder = write_articles(tmp_path / "twice", 5)
    window.import_paths([folder])
    click(summary(qtbot, window), "importClose")
    window.import_summary = None
    window.import_paths([folder])
    done = summary(qtbot, window)
    assert done.heading.text().splitlines() == [
        "0 articles added.", "5 were already in the project and were not added again."]


def test_a_second_long_task_is_refused_while_one_runs(qtbot, window, folder, monkeypatch):
    slow_reading(monkeypatch)
    path = window.project.path
    before = dump(path)
    assert window.import_paths([folder])
    assert window.tasks.busy
    assert not window.import_paths([folder])  # refused, with a message naming the task
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "taskBusy")
    qtbot.waitUntil(box.isVisible)
    assert "“Importing articles” is still running" in box.text()
    box.close()
    assert not window.open_project_path(path)  # nor may the project be swapped under it
    window.tasks.cancel()
    idle(qtbot, window)
    assert dump(path) == before


def test_closing_the_window_cancels_and_waits(qtbot, window, folder, monkeypatch):
    slow_reading(monkeypatch)
    path = window.project.path
    before = dump(path)
    window.import_paths([folder])
    assert window.tasks.busy
    window.close()
    assert not window.tasks.busy and window.project is None
    assert dump(path) == before




def test_merge_of_a_large_package_shows_progress(qtbot, tmp_path):
    from annotator.core.project import Project
    from annotator.gui.app import setup
    from annotator.gui.supervisor.team_dialogs import MergeDialog
    from annotator.gui.tasks import TaskRunner

    setup("en")
    path, pkg = coded_package(tmp_path, 150, 80)  # 12,000 annotations
    project = Project.open(path)
    try:
        dlg = MergeDialog(project)
        qtbot.addWidget(dlg)
        dlg.show()
        runner = TaskRunner.of(dlg)
        watch = Watch(dlg)
        shown = []  # the bar as the progress dialog showed it
        runner.progressed.connect(lambda *_: runner.panel and shown.append(
            (runner.panel.bar.value(), runner.panel.bar.maximum(),
             runner.panel.item.text())))
        with qtbot.waitSignal(dlg.merged, timeout=120_000):
            assert dlg.merge_files([pkg])
        watch.stop()
        assert {m for _, m, _ in shown} == {12_000}
        values = [v for v, _, _ in shown]
        assert values == sorted(values) and values[-1] == 12_000
        assert len([v for v in values if 0 < v < 12_000]) >= 3  # it moved along the way
        assert {label.strip("\u2066\u2069") for _, _, label in shown if label} == {"mona.annot"}
        assert watch.ticks_mid_task() >= 3  # and the dialog kept repainting meanwhile
        assert dlg.table.item(0, 1).text() == "mona"
        assert int(dlg.table.item(0, 2).text()) >= 12_000
        assert len(project.annotations(coder="mona")) == 12_000
    finally:
        project.close()


def test_export_runs_off_the_gui_thread_and_cancel_leaves_no_file(qtbot, window, tmp_path):
    out = tmp_path / "study.xlsx"
    assert window.export_xlsx(out)
    assert window.tasks.busy
    window.tasks.cancel()  # at the exporter's first progress report
    idle(qtbot, window)
    assert window.statusBar().currentMessage() == "Export cancelled; no file was written."
    assert sorted(p.name for p in tmp_path.iterdir() if "xlsx" in p.name) == []
    assert window.export_xlsx(out)
    idle(qtbot, window)
    assert window.statusBar().currentMessage() == f"Exported to {out}"
    from openpyxl import load_workbook

    wb = load_workbook(out, read_only=True)
    assert "Documents" in wb.sheetnames
    wb.close()


def test_dropping_on_the_article_text_imports_too(qtbot, window, tmp_path):
    files = sorted(write_articles(tmp_path / "few", 2).rglob("*.txt"))
    rows = window.doc_model.rowCount()
    assert drop(window.view.viewport(), files)  # read-only text: the window takes it
    click(summary(qtbot, window), "importClose")
    assert window.doc_model.rowCount() == rows + 2


def test_a_doccano_file_with_spans_is_skipped_with_its_reason(qtbot, window, tmp_path):
    import json

    folder = write_articles(tmp_path / "with-spans", 3)
    (folder / "coded.jsonl").write_text(json.dumps(
        {"text": "قالت الجارديان إن الهجوم وقع.", "label": [[5, 14, "source"]]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    rows = window.doc_model.rowCount()
    window.import_paths([folder])
    ask = summary(qtbot, window)
    assert ask.asking
    assert ask.skipped.item(0).text().startswith("coded.jsonl: carries annotations")
    click(ask, "importRest")
    qtbot.waitUntil(lambda: window.doc_model.rowCount() == rows + 3)


def test_a_folder_of_only_unreadable_types_says_so(qtbot, window, tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "page1.pdf").write_bytes(b"%PDF-1.4")
    (folder / "page2.jpg").write_bytes(b"\xff\xd8")
    before = dump(window.project.path)
    window.import_paths([folder])
    dlg = summary(qtbot, window)
    assert not dlg.asking and dlg.heading.text() == "No articles found to import."
    assert "page1.pdf" in dlg.skipped.item(0).text()
    click(dlg, "importClose")
    assert dump(window.project.path) == before
