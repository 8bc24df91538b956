"""Reordering the codebook editor's tree as a supervisor does: a real mouse drag (press,
move past the start distance, move over the target, release) through Qt's own drag and
drop (QTest events on the "minimal" platform; X pointer events from xdotool under Xvfb),
and Ctrl+Up / Ctrl+Down. A drag moves an entry among its siblings only (elsewhere the drop
is refused as the pointer gets there), is one undo step, and is saved like any edit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.project import Project

from .test_codebook_editor import click_item, editor, focus_tree

DRIVER = Path(__file__).resolve().parent / "drag_driver.py"


def check_drags(lines: list[str], path: Path) -> None:
    """The driver's report: each drag's events came while a QDrag ran, and dropped where
    aimed; siblings reorder, other entries do not; one undo step each; saved."""
    steps = {s["step"].split(":")[0]: s for s in map(json.loads, lines) if "step" in s}
    values = ["factual", "statistical", "accusation", "prediction", "evaluation"]

    cat = steps["category onto a later category"]
    assert cat["events"][0] == "enter in-drag" and "move in-drag" in cat["events"]
    assert cat["events"][-1].startswith("drop in-drag on Reliability")
    assert cat["categories"] == ["source", "reliability", "claim", "attribution", "article"]
    assert cat["undo"] == 1

    other = steps["value onto another attribute's value"]  # refused while dragging
    assert other["events"][0] == "enter in-drag"
    assert not [e for e in other["events"] if e.startswith("drop")]
    assert other["claim_type"] == values and other["undo"] == 1

    sib = steps["value onto its sibling"]
    assert sib["events"][-1].startswith("drop in-drag on Accusation")
    assert sib["claim_type"] == ["statistical", "accusation", "factual", *values[3:]]
    assert sib["undo"] == 2

    assert steps["ctrl+z"]["claim_type"] == values  # one drag, one undo step
    assert steps["ctrl+shift+z"]["claim_type"] == sib["claim_type"]
    with Project.open(path, readonly=True) as p:  # saved as the editor showed it
        cb = p.codebook()
        assert [c.key for c in cb.categories] == cat["categories"]
        assert [v.key for v in cb.category("claim").attribute("claim_type").values] == \
            sib["claim_type"]


def test_mouse_drag_reorders_through_qts_drag_loop(tmp_path):
    """The suite's offscreen platform cannot drag (QDrag.exec returns at once there), so
    the driver runs on the "minimal" platform, whose drag runs its own loop as on a desktop;
    the drag events must arrive while that QDrag runs."""
    path = tmp_path / "drag.annot"
    Project.create(path).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "minimal"}
    run = subprocess.run([sys.executable, str(DRIVER), str(path)], env=env, timeout=120,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    check_drags(run.stdout.splitlines(), path)


def xdotool_drag(display: str, a: list[int], b: list[int]) -> None:
    """Press, move in steps (past the start distance, then over the target), release:
    XTEST input, the same the X server gets from a mouse."""
    (x1, y1), (x2, y2) = a, b
    cmd = ["xdotool", "mousemove", str(x1), str(y1), "sleep", "0.2", "mousedown", "1",
           "sleep", "0.2"]
    for i in range(1, 13):
        cmd += ["mousemove", str(round(x1 + (x2 - x1) * i / 12)),
                str(round(y1 + (y2 - y1) * i / 12)), "sleep", "0.05"]
    cmd += ["mousemove", str(x2), str(y2), "sleep", "0.3", "mouseup", "1"]
    subprocess.run(cmd, env={**os.environ, "DISPLAY": display}, check=True, timeout=30)


@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                    reason="needs Xvfb and xdotool (Debian: xvfb xdotool; .ci/run installs "
                           "them)")
def test_x11_pointer_drag_under_xvfb(tmp_path):
    """The same drags with the X server's pointer (xdotool) on the xcb platform: what a
    supervisor's mouse does on a Linux desktop, through QXcbDrag's loop."""
    path = tmp_path / "xdrag.annot"
    Project.create(path).close()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24",
                             "-nolisten", "tcp"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    driver = None
    try:
        display = ":" + xvfb.stdout.readline().decode().strip()
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        driver = subprocess.Popen([sys.executable, str(DRIVER), str(path), "x11"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        watchdog = threading.Timer(120, driver.kill)  # a lost release must not hang CI
        watchdog.start()
        lines = []
        for line in driver.stdout:
            lines.append(line)
            asked = json.loads(line)
            if "drag" in asked:
                xdotool_drag(display, asked["from"], asked["to"])
        watchdog.cancel()
        assert driver.wait(timeout=30) == 0, driver.stderr.read()[-2000:]
        check_drags(lines, path)
    finally:
        if driver is not None and driver.poll() is None:
            driver.kill()
            driver.wait()
        xvfb.terminate()
        xvfb.wait(timeout=30)


def test_ctrl_down_and_up_reorder_by_keys(qtbot, tmp_path):
    p = Project.create(tmp_path / "k.annot")
    ed = editor(qtbot, p)
    before = [c.key for c in ed.cb.categories]
    click_item(qtbot, ed, "[claim]")
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Down, Qt.ControlModifier)
    QTest.keyClick(ed.tree, Qt.Key_Down, Qt.ControlModifier)
    assert [c.key for c in ed.cb.categories][:3] == ["source", "reliability", "claim"]
    assert ed.tree.currentItem().text(0).endswith("[claim]  (1)")  # the moved entry stays chosen
    QTest.keyClick(ed.tree, Qt.Key_Up, Qt.ControlModifier)
    assert [c.key for c in ed.cb.categories][:3] == ["source", "claim", "reliability"]
    last = ed.tree.findItems(f"[{before[-1]}]", Qt.MatchContains)[0]
    ed.tree.scrollToItem(last)  # far down the expanded tree
    click_item(qtbot, ed, f"[{before[-1]}]")
    assert ed.tree.currentItem() is last
    focus_tree(qtbot, ed)
    QTest.keyClick(ed.tree, Qt.Key_Down, Qt.ControlModifier)  # already last: no step
    assert ed.undo.count() == 3, [ed.undo.text(i) for i in range(ed.undo.count())]
    for _ in range(3):
        QTest.keyClick(ed.tree, Qt.Key_Z, Qt.ControlModifier)
    assert [c.key for c in ed.cb.categories] == before
    p.close()
