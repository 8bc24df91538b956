"""A codebook of sixty categories in eight groups (two nested), as a supervisor built one
and met it in the desk: the palette's buttons scroll under their group headings between
the title and the whole-article list, the window still fits the screen (it grew to 2,486
pixels and pushed the annotation list and the note off it), a name longer than the panel
ends in "…" with the whole name in its tooltip, and the last button is reached with the
mouse wheel and codes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from annotator.core.codebook import Codebook

from .conftest import CODER

GROUPS = [("actors", "Actors", "الفاعلون", None), ("media", "Media", "الإعلام", "actors"),
          ("official", "Official sources", "المصادر الرسمية", "actors"),
          ("frames", "Frames", "الأطر", None), ("tone", "Tone", "النبرة", None),
          ("topics", "Topics", "الموضوعات", None), ("geo", "Geography", "الجغرافيا", None),
          ("techniques", "Techniques", "الأساليب", None)]
COLOURS = ["#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#dbdb8d", "#9edae5"]


def sixty() -> Codebook:
    cats = []
    for n in range(60):
        key, en, ar, _ = GROUPS[n % 8]
        long = " with a longer name than the panel is wide" if n % 7 == 0 else ""
        cats.append({"key": f"c{n + 1:02d}", "name_en": f"{en} {n + 1}{long}",
                     "name_ar": f"{ar} {n + 1}", "color": COLOURS[n % 7], "group": key,
                     "description": f"Rule {n + 1}.",
                     **({"hotkey": str(n + 1)} if n < 9 else {})})
    groups = [{"key": k, "name_en": en, "name_ar": ar, **({"parent": p} if p else {})}
              for k, en, ar, p in GROUPS]
    return Codebook.from_dict({"name": "Sixty", "categories": cats, "groups": groups})


def wheel_down(widget, times: int) -> None:
    at = QPointF(widget.width() / 2, widget.height() / 2)
    for _ in range(times):
        QApplication.sendEvent(widget, QWheelEvent(
            at, QPointF(widget.mapToGlobal(at.toPoint())), QPoint(), QPoint(0, -120),
            Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False))


def in_view(pal, button) -> bool:
    vp = pal.scroll.viewport()
    return vp.rect().contains(button.mapTo(vp, button.rect().center()))


def test_sixty_categories_scroll_in_the_palette_and_the_desk_fits(qtbot, project):
    from annotator.gui.app import settings, setup
    from annotator.gui.main_window import MainWindow

    project.set_codebook(sixty(), author="sara")
    setup("en")
    win = MainWindow(project, CODER, settings())
    qtbot.addWidget(win)
    avail = win.screen().availableGeometry()
    win.show()
    qtbot.waitExposed(win)
    assert win.frameGeometry().height() <= avail.height(), win.frameGeometry()
    pal = win.palette
    assert pal.height() < avail.height() // 2 + 40
    assert win.ann_table.isVisible() and win.ann_table.height() >= 60
    assert win.article_note.visibleRegion().boundingRect().height() >= 40

    # the headings, nested ones with their path
    assert pal.headings["media"].text() == "Actors › Media"
    # a long name: "…" in the button, the whole of it in the tooltip
    long_one = pal.buttons["c01"]
    assert long_one.text().endswith("…")
    assert long_one.width() <= pal.scroll.viewport().width()
    assert "Actors 1 with a longer name than the panel is wide" in long_one.toolTip()
    assert "Rule 1." in long_one.toolTip()
    assert pal.buttons["c02"].toolTip() == "Rule 2."  # short: the rule, as before

    # the last button: out of sight, reached with the wheel, clicked
    last = list(pal.buttons.values())[-1]  # the last of the last group, "Techniques"
    assert last.objectName() == "category_c56"
    bar = pal.scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    assert not in_view(pal, last)
    wheel_down(pal.scroll.viewport(), 60)
    qtbot.waitUntil(lambda: in_view(pal, last))
    with qtbot.waitSignal(pal.categoryChosen) as chosen:
        qtbot.mouseClick(last, Qt.LeftButton)
    assert chosen.args == ["c56"]


def test_new_groups_in_the_codebook_get_room_in_the_palette(qtbot, window):
    """Sizes set for the old codebook left a new group's buttons under a scroll bar,
    though half the panel was the attribute form's empty space."""
    import copy

    from annotator.core.codebook import CategoryDef, GroupDef

    pal = window.palette
    qtbot.waitUntil(lambda: pal.height() > 0)
    bar = pal.scroll.verticalScrollBar()
    assert bar.maximum() == 0  # all shown
    cb = copy.deepcopy(window.project.codebook())
    cb.groups = [GroupDef("actors", "الفاعلون", "Actors"), GroupDef("frames", "الأطر", "Frames")]
    cb.category("source").group = "actors"
    cb.category("claim").group = "frames"
    for n in range(3):
        cb.categories.append(CategoryDef(f"frame{n}", f"إطار {n}", f"Frame {n}", COLOURS[n],
                                         group="frames"))
    window.project.set_codebook(cb, author="sara")
    qtbot.waitUntil(lambda: "frame2" in pal.buttons)
    qtbot.waitUntil(lambda: in_view(pal, pal.buttons["frame2"]), timeout=2000)
    assert bar.maximum() == 0
