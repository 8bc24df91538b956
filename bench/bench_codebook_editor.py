"""The codebook editor on a large imported code tree, as the supervisor meets it.

    python bench/bench_codebook_editor.py [--groups 40] [--repeat 7]

A codebook of GROUPS top-level groups, each with 3 sub-groups of 4 categories (480
categories, 160 groups at the default, each category with a 5-value choice attribute:
about 10,000 tree rows) on top of the shipped one, the size of a MAXQDA tree imported
through REFI-QDA. Printed (medians of --repeat): opening the editor to its first paint;
one edit (Add group: copy, undo step, redraw, form) and one undo, each until the events
are processed; and saving as a new version. Beside them the raw work Qt and Python do
for the same thing: filling a QTreeWidget with the same rows and expanding it, and one
copy.deepcopy of the codebook; the ratio is editor / raw. Goal: an edit under 100 ms.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem  # noqa: E402


def big_codebook(base, groups: int):
    from annotator.core.codebook import AttributeDef, CategoryDef, GroupDef, ValueDef

    cb = copy.deepcopy(base)
    for g in range(groups):
        cb.groups.append(GroupDef(f"g{g}", f"مجموعة {g}", f"Group {g}"))
        for s in range(3):
            cb.groups.append(GroupDef(f"g{g}_{s}", f"فرع {g}.{s}", f"Sub {g}.{s}",
                                      parent=f"g{g}"))
            for c in range(4):
                cb.categories.append(CategoryDef(
                    f"c{g}_{s}_{c}", f"فئة {g}.{s}.{c}", f"Code {g}.{s}.{c}", "#aec7e8",
                    group=f"g{g}_{s}", attributes=[AttributeDef(
                        "kind", "نوع", "Kind", "choice",
                        [ValueDef(f"v{i}", f"قيمة {i}", f"Value {i}") for i in range(5)])]))
    return cb


def timed(fn, app, repeat: int) -> float:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        app.processEvents()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def raw_tree(cb) -> QTreeWidget:
    """The same rows in a bare QTreeWidget, expanded (what the editor's redraw asks Qt)."""
    tree = QTreeWidget()
    for c in cb.categories:
        ci = QTreeWidgetItem(tree, [c.name_en])
        for a in c.attributes:
            ai = QTreeWidgetItem(ci, [a.name_en])
            for v in a.values:
                QTreeWidgetItem(ai, [v.name_en])
    for g in cb.groups:
        QTreeWidgetItem(tree, [g.name_en])
    tree.expandAll()
    return tree


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--groups", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    from annotator.core.project import Project
    from annotator.gui.codebook_editor import CodebookEditor

    tmp = Path(tempfile.mkdtemp())
    p = Project.create(tmp / "big.annot")
    cb = big_codebook(p.codebook(), args.groups)
    p.set_codebook(cb, author="bench")
    rows = sum(1 + sum(1 + len(a.values) for a in c.attributes) for c in cb.categories)
    print(f"codebook: {len(cb.categories)} categories, {len(cb.groups)} groups, "
          f"{rows + len(cb.groups)} tree rows")

    editors = []

    def open_editor():
        ed = CodebookEditor(p, author="bench")
        ed.show()
        editors.append(ed)

    t_open = timed(open_editor, app, args.repeat)
    ed = editors[-1]
    trees = []
    t_raw_tree = timed(lambda: trees.append(raw_tree(ed.cb)), app, args.repeat)
    t_copy = timed(lambda: copy.deepcopy(ed.cb), app, args.repeat)
    t_edit = timed(ed.add_group, app, args.repeat)
    t_undo = timed(ed.undo.undo, app, args.repeat)
    ed.undo.redo()
    t = time.perf_counter()
    ed.save()
    t_save = time.perf_counter() - t
    raw_edit = t_raw_tree + t_copy
    print(f"open the editor:   {t_open * 1000:7.1f} ms   raw tree fill {t_raw_tree * 1000:6.1f} ms"
          f"   ratio {t_open / t_raw_tree:4.1f}x")
    print(f"one edit (Add group): {t_edit * 1000:4.1f} ms   raw tree fill + deepcopy "
          f"{raw_edit * 1000:6.1f} ms   ratio {t_edit / raw_edit:4.1f}x   (goal < 100 ms: "
          f"{'met' if t_edit < 0.1 else 'MISSED'})")
    print(f"one undo:          {t_undo * 1000:7.1f} ms   ratio {t_undo / t_raw_tree:4.1f}x "
          "against the raw tree fill")
    print(f"save as a version: {t_save * 1000:7.1f} ms (once)")
    for e in editors:
        e.close()
    p.close()


if __name__ == "__main__":
    main()
