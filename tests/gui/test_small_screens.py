"""Small and large screens (issue 10, item 13): at 1024x640 and 800x600 the article keeps
at least 45% of the width, side panels collapse from the View menu and F9 / Shift+F9 and
come back, sizes are remembered, and the attribute form scrolls instead of squashing its
fields. Screenshots of each size and language go to ANNOTATOR_SHOTS (default: tmp)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit

from annotator.gui.actions import Act
from annotator.gui.layout import ARTICLE_SHARE, LEFT, RIGHT

from .conftest import ARTICLE, CODER, span_of
from .test_desk import press
from .test_orientation import click_word


def shot(widget, name: str, tmp_path) -> None:
    folder = os.environ.get("ANNOTATOR_SHOTS") or str(tmp_path)
    widget.grab().save(os.path.join(folder, name))


def article_share(window) -> float:
    return window.view.width() / window.centralWidget().width()


def _claim_and_source(window):
    p = window.project
    p.add_annotation(window.doc_id, CODER, "claim", *span_of(ARTICLE, "غادر الموصل"))
    return p.add_annotation(window.doc_id, CODER, "source", *span_of(ARTICLE, "مواقع عراقية"))


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", [(1024, 640), (800, 600)])
def test_article_keeps_its_share_and_the_form_stays_readable(qtbot, window, tmp_path, size,
                                                              lang):
    window.set_language(lang)
    _claim_and_source(window)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    click_word(window, "مواقع")
    assert window.active is not None
    QTest.qWait(50)  # the form lays itself out from the event loop
    assert article_share(window) >= ARTICLE_SHARE
    # the attribute fields keep a usable height (the form scrolls instead)
    for w in [*window.attrs.findChildren(QComboBox), *window.attrs.findChildren(QLineEdit)]:
        if w.isVisibleTo(window.attrs):
            assert w.height() >= w.minimumSizeHint().height() - 1, w.objectName()
    links = window.attrs.links
    assert links.height() >= links.fontMetrics().height() * 2
    # no header cut to "Sou…" or "Attribut…"
    for table in (window.ann_table, window.doc_table):
        h = table.horizontalHeader()
        for col in range(h.count()):
            if not h.isSectionHidden(col):
                assert h.sectionSize(col) >= h.sectionSizeHint(col) - 2, (table.objectName(),
                                                                           col)
    shot(window, f"desk-{size[0]}x{size[1]}-{lang}.png", tmp_path)
    # the find bar: whole placeholder, and "Annotate all as" before the category
    press(qtbot, window, Qt.Key_F, Qt.ControlModifier)
    QTest.qWait(50)
    bar = window.find
    q = bar.query
    assert q.fontMetrics().horizontalAdvance(q.placeholderText()) < q.width() - 20
    button, combo = bar.annotate_button, bar.category
    if lang == "ar":  # read from the right
        assert button.geometry().left() > combo.geometry().right()
    else:
        assert button.geometry().right() < combo.geometry().left()
    assert article_share(window) >= ARTICLE_SHARE
    shot(window, f"desk-{size[0]}x{size[1]}-{lang}-find.png", tmp_path)


def test_shrinking_a_large_window_gives_way_at_the_sides(qtbot, window):
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.width() == 1600)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800)
    assert article_share(window) >= ARTICLE_SHARE


def test_side_panels_collapse_by_menu_and_shortcut_and_come_back(qtbot, window, tmp_path):
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.width() == 1024)
    left_width = window.panels.split.sizes()[LEFT]
    assert window.view_menu.actions().count(window.acts[Act.SHOW_ARTICLES]) == 1
    assert window.acts[Act.SHOW_ARTICLES].isChecked()
    press(qtbot, window, Qt.Key_F9)
    assert window.panels.split.sizes()[LEFT] == 0
    assert not window.acts[Act.SHOW_ARTICLES].isChecked()
    window.acts[Act.SHOW_PANEL].trigger()  # the View menu entry
    assert window.panels.split.sizes()[RIGHT] == 0
    shot(window, "desk-collapsed.png", tmp_path)
    assert article_share(window) > 0.9
    press(qtbot, window, Qt.Key_F9, Qt.ShiftModifier)
    press(qtbot, window, Qt.Key_F9)
    sizes = window.panels.split.sizes()
    assert sizes[RIGHT] > 0 and abs(sizes[LEFT] - left_width) <= 2
    assert window.acts[Act.SHOW_ARTICLES].isChecked()
    assert window.acts[Act.SHOW_PANEL].isChecked()


def test_panel_sizes_are_remembered(qtbot, project):
    from annotator.gui.app import settings, setup
    from annotator.gui.main_window import MainWindow

    setup("en")
    win = MainWindow(project, CODER, settings())
    qtbot.addWidget(win)
    win.restore_layout()
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    sizes = win.panels.split.sizes()
    win.panels.split.setSizes([sizes[0] + 60, sizes[1] - 60, sizes[2]])
    press(qtbot, win, Qt.Key_F9, Qt.ShiftModifier)  # the coding panel shut
    wanted = win.panels.split.sizes()
    win.close()
    from annotator.core.project import Project

    again = MainWindow(Project.open(project.path), CODER, settings())
    qtbot.addWidget(again)
    again.restore_layout()
    again.resize(1200, 800)
    again.show()
    qtbot.waitExposed(again)
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    assert again.panels.split.sizes()[LEFT] == wanted[LEFT]
    assert again.panels.split.sizes()[RIGHT] == 0
    assert not again.acts[Act.SHOW_PANEL].isChecked()
    press(qtbot, again, Qt.Key_F9, Qt.ShiftModifier)  # back at its old width
    assert abs(again.panels.split.sizes()[RIGHT] - sizes[RIGHT]) <= 2
    again.close()


def test_a_first_start_fits_the_screen(qtbot, project):
    """With no remembered geometry the desk opens at 1400x860 only where that fits; on a
    smaller screen (a 1280x800 laptop; offscreen's 800x600 here) the window stays on it."""
    from annotator.gui.app import settings, setup
    from annotator.gui.main_window import MainWindow

    setup("en")
    win = MainWindow(project, CODER, settings())
    qtbot.addWidget(win)
    avail = win.screen().availableGeometry()
    assert avail.width() < 1400  # the case this guards
    assert win.width() <= avail.width() and win.height() <= avail.height()
    win.show()
    qtbot.waitExposed(win)
    assert win.frameGeometry().width() <= avail.width()
