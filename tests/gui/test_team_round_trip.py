"""The whole team cycle: packages out, two coders code them in the desk with the keyboard,
the files come back, merge, and the agreement report counts both coders' work."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.cli import main
from annotator.core.importers.base import ImportedDocument
from annotator.core.merge import merge_packages
from annotator.core.packages import make_package
from annotator.core.project import Project

from .conftest import ARTICLE, SECOND, span_of


def code_in_desk(qtbot, path, coder, spans):
    """Open the coder's package in the real window, select each span, press its key,
    mark the article done, close: exactly what a coder does."""
    from annotator.gui.app import settings, setup
    from annotator.gui.main_window import MainWindow

    setup("en")
    win = MainWindow(Project.open(path), coder, settings())
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    win.open_document(1)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # shortcuts only reach the active window
    win.view.setFocus()  # keys go to the focused article, through the shortcut map
    for (s, e), key in spans:
        win.view.select_span(s, e)
        QTest.keyClick(win.view, key)
    QTest.keyClick(win.view, Qt.Key_D, Qt.ControlModifier)
    assert win.project.status(1, coder) == "done"
    win.close()


def test_two_coders_code_packages_in_the_desk_and_agreement_counts_them(qtbot, tmp_path,
                                                                         capsys):
    main_path = tmp_path / "study.annot"
    with Project.create(main_path) as p:
        p.add_documents([ImportedDocument(text=ARTICLE, title="a"),
                         ImportedDocument(text=SECOND, title="b")])
        for coder in ("Mona", "Ali"):
            make_package(p, coder, [1], tmp_path / f"{coder}.annot")

    claim = span_of(ARTICLE, "غادر الموصل")
    code_in_desk(qtbot, tmp_path / "Mona.annot", "Mona",
                 [(claim, Qt.Key_1), (span_of(ARTICLE, "الجارديان"), Qt.Key_2)])
    code_in_desk(qtbot, tmp_path / "Ali.annot", "Ali",
                 [(claim, Qt.Key_1), (span_of(ARTICLE, "صحيفة الجارديان"), Qt.Key_2)])

    with Project.open(main_path) as p:
        reports = merge_packages(p, [tmp_path / "Mona.annot", tmp_path / "Ali.annot"])
        assert [r.totals()["added"] >= 2 for r in reports] == [True, True]
        got = {(a.coder, a.category, a.quote) for a in p.annotations(1)}
        # a second merge of the same files changes nothing
        again = merge_packages(p, [tmp_path / "Mona.annot", tmp_path / "Ali.annot"])
        assert not any(r.changed for r in again)
    assert got == {("Mona", "claim", "غادر الموصل"), ("Ali", "claim", "غادر الموصل"),
                   ("Mona", "source", "الجارديان"), ("Ali", "source", "صحيفة الجارديان")}

    assert main(["agreement", str(main_path), "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["coders"] == ["Ali", "Mona"] and r["documents"] == 1
    assert r["categories"]["claim"]["f1_exact"] == {"Ali|Mona": 1.0}
    assert r["categories"]["source"]["f1_exact"] == {"Ali|Mona": 0.0}
    assert r["categories"]["source"]["f1_overlap"] == {"Ali|Mona": 1.0}
    assert r["categories"]["claim"]["spans"] == {"Ali": 1, "Mona": 1}
