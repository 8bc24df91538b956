"""Reordering the codebook editor's tree as a supervisor does: a real mouse drag (press,
move past the start distance, move over the target, release) through Qt's own drag and
drop, and Ctrl+Up / Ctrl+Down. A drag moves an entry among its siblings only, is one undo
step, and is saved like any edit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.project import Project

from .test_codebook_editor import click_item, editor, focus_tree

DRIVER = Path(__file__).resolve().parent / "drag_driver.py"


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
    steps = {s["step"].split(":")[0]: s for s in map(json.loads, run.stdout.splitlines())}
    values = ["factual", "statistical", "accusation", "prediction", "evaluation"]

    cat = steps["category onto a later category"]
    assert cat["events"][0] == "enter in-drag" and "move in-drag" in cat["events"]
    assert cat["events"][-1].startswith("drop in-drag on Reliability")
    assert cat["categories"] == ["source", "reliability", "claim", "attribution", "article"]
    assert cat["undo"] == 1

    other = steps["value onto another attribute's value"]  # dropped, refused
    assert other["events"][-1].startswith("drop in-drag on Direct quote")
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
