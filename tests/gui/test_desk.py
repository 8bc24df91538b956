"""The desk driven through its real widgets, offscreen. Every assertion about data goes
through the Project API: offsets are code points into the stored text, quotes are cut
from it (the article has 😀 and 𝐀, two UTF-16 units each, before the spans)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from annotator.core.text import OffsetMap
from annotator.gui.actions import Act

from .conftest import ARTICLE, CODER, span_of


def doc_id(win) -> int:
    return win.doc_id


def stored(win, **kw):
    return [(a.category, a.start, a.end, a.quote)
            for a in win.project.annotations(win.doc_id, coder=CODER, **kw)]


def press(qtbot, win, key, modifier=Qt.NoModifier):
    """A key press as the coder makes it: to the focused article, through the shortcut map."""
    win.activateWindow()
    win.view.setFocus()
    QTest.keyClick(win.view, key, modifier)


def drag(qtbot, view, start: int, end: int):
    """Mouse press at the caret before code point `start`, move, release before `end`."""
    vp = view.viewport()
    a = view.cursor_rect_at(start).center()
    b = view.cursor_rect_at(end).center()
    qtbot.mousePress(vp, Qt.LeftButton, Qt.NoModifier, a)
    for i in range(1, 6):
        QTest.mouseMove(vp, a + (b - a) * (i / 5))
    qtbot.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, b)


# --- selecting and annotating --------------------------------------------------------------

def test_programmatic_selection_and_hotkey_store_code_points(qtbot, window):
    assert window.view.text == ARTICLE
    s, e = span_of(ARTICLE, "البريطانية")  # after 😀: UTF-16 differs from code points by 1
    window.view.select_span(s, e)
    press(qtbot, window, Qt.Key_2)  # "2" is the source category's hotkey
    assert stored(window) == [("source", s, e, "البريطانية")]
    assert OffsetMap.for_text(ARTICLE).to_qt(s) == s + 1  # the fixture really has astral chars


def test_latin_name_after_astral_chars(qtbot, window):
    s, e = span_of(ARTICLE, "John Smith")  # after 😀 and 𝐀: two UTF-16 units ahead
    window.view.select_span(s, e)
    press(qtbot, window, Qt.Key_2)
    [(cat, start, end, quote)] = stored(window)
    assert (cat, start, end, quote) == ("source", s, e, "John Smith")
    assert ARTICLE[start:end] == quote


def test_partial_selection_snaps_to_whole_words(qtbot, window):
    s, e = span_of(ARTICLE, "المقاتل John")
    window.view.select_span(s + 2, e - 1)  # inside both words
    press(qtbot, window, Qt.Key_1)
    assert stored(window) == [("claim", s, e, "المقاتل John")]


def test_snapping_off_keeps_exact_selection(qtbot, window):
    window.acts[Act.SNAP].setChecked(False)
    s, e = span_of(ARTICLE, "الجارديان")
    window.view.select_span(s + 2, e)
    press(qtbot, window, Qt.Key_2)
    assert stored(window) == [("source", s + 2, e, ARTICLE[s + 2:e])]


def test_mouse_drag_over_arabic_then_hotkey(qtbot, window):
    s, e = span_of(ARTICLE, "صحيفة الجارديان")
    drag(qtbot, window.view, s, e)
    assert window.view.selection_span() == (s, e)
    press(qtbot, window, Qt.Key_2)
    assert stored(window) == [("source", s, e, "صحيفة الجارديان")]


def test_mouse_drag_over_latin_name_inside_arabic(qtbot, window):
    # At the Arabic/Latin boundary a caret position is ambiguous; drag from inside the
    # first word to inside the last and let snapping find the words.
    s, e = span_of(ARTICLE, "John Smith")
    drag(qtbot, window.view, s + 1, e - 1)
    press(qtbot, window, Qt.Key_2)
    assert stored(window) == [("source", s, e, "John Smith")]


def test_keyboard_selection_with_shift_arrows(qtbot, window):
    s, e = span_of(ARTICLE, "وأكدت مواقع")
    c = window.view.textCursor()
    c.setPosition(window.view.map.to_qt(s))
    window.view.setTextCursor(c)
    window.view.setFocus()
    for _ in range(e - s):
        # In a right-to-left paragraph Shift+Left extends towards the reading end.
        QTest.keyClick(window.view, Qt.Key_Left, Qt.ShiftModifier)
    assert window.view.selection_span() == (s, e)
    press(qtbot, window, Qt.Key_1)
    assert stored(window) == [("claim", s, e, "وأكدت مواقع")]


def test_palette_click_annotates(qtbot, window):
    s, e = span_of(ARTICLE, "مسؤول")
    window.view.select_span(s, e)
    qtbot.mouseClick(window.palette.buttons["source"], Qt.LeftButton)
    assert stored(window) == [("source", s, e, "مسؤول")]


# --- undo and redo --------------------------------------------------------------------------

def test_undo_redo_restore_the_database(qtbot, window):
    s, e = span_of(ARTICLE, "الموصل")
    window.view.select_span(s, e)
    press(qtbot, window, Qt.Key_2)
    [a] = window.project.annotations(doc_id(window))
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.project.annotations(doc_id(window)) == []
    assert a.uuid not in window.view.annotations
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    [b] = window.project.annotations(doc_id(window))
    assert (b.uuid, b.start, b.end, b.quote) == (a.uuid, a.start, a.end, a.quote)
    assert b.uuid in window.view.annotations


def test_undo_of_an_edit_in_another_article_switches_to_it(qtbot, window):
    first = window.doc_id
    s, e = span_of(ARTICLE, "الموصل")
    window.view.select_span(s, e)
    press(qtbot, window, Qt.Key_2)
    press(qtbot, window, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.doc_id != first
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert window.doc_id == first
    assert window.project.annotations(first) == []


def test_delete_key_and_undo_bring_back_links(qtbot, window):
    p, d = window.project, window.doc_id
    src = p.add_annotation(d, CODER, "source", *span_of(ARTICLE, "الجارديان"))
    claim = p.add_annotation(d, CODER, "claim", *span_of(ARTICLE, "نشرت وثائق جديدة"))
    p.add_relation("attributed_to", claim.uuid, src.uuid, CODER)
    window.activate(src.uuid)
    press(qtbot, window, Qt.Key_Delete)
    assert [a.uuid for a in p.annotations(d)] == [claim.uuid]
    assert p.relations(d) == []
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert {a.uuid for a in p.annotations(d)} == {src.uuid, claim.uuid}
    assert [(r.from_uuid, r.to_uuid) for r in p.relations(d)] == [(claim.uuid, src.uuid)]


# --- boundaries, categories, overlaps --------------------------------------------------

def test_boundary_moves_by_keyboard_and_merge_into_one_undo(qtbot, window):
    s, e = span_of(ARTICLE, "مواقع")
    window.view.select_span(s, e)
    press(qtbot, window, Qt.Key_1)
    # Arabic paragraph: Alt+Shift+Left moves the end forward (reading direction).
    press(qtbot, window, Qt.Key_Left, Qt.AltModifier | Qt.ShiftModifier)
    press(qtbot, window, Qt.Key_Left, Qt.AltModifier | Qt.ShiftModifier)
    e2 = span_of(ARTICLE, "مواقع عراقية أن")[1]
    assert stored(window) == [("claim", s, e2, "مواقع عراقية أن")]
    # Alt+Right moves the start backward.
    press(qtbot, window, Qt.Key_Right, Qt.AltModifier)
    s2 = span_of(ARTICLE, "وأكدت")[0]
    assert stored(window)[0][1:3] == (s2, e2)
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)  # the two end moves were one step
    assert stored(window)[0][1:3] == (s, e2)
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert stored(window)[0][1:3] == (s, e)


def test_hotkey_on_active_annotation_changes_its_category(qtbot, window):
    s, e = span_of(ARTICLE, "مسؤول")
    window.view.select_span(s, e)
    press(qtbot, window, Qt.Key_1)
    press(qtbot, window, Qt.Key_2)  # no selection now: recategorise the active span
    assert stored(window) == [("source", s, e, "مسؤول")]


def test_overlapping_spans_are_stored_and_painted_as_segments(qtbot, window):
    claim = span_of(ARTICLE, "قالت صحيفة الجارديان 😀 البريطانية")
    source = span_of(ARTICLE, "صحيفة الجارديان")
    window.view.select_span(*claim)
    press(qtbot, window, Qt.Key_1)
    window.view.select_span(*source)
    press(qtbot, window, Qt.Key_2)
    assert sorted(stored(window)) == sorted([("claim", *claim, ARTICLE[slice(*claim)]),
                                             ("source", *source, ARTICLE[slice(*source)])])
    m = window.view.map
    segs = window.view.highlighter.segments(0)
    assert segs == [(m.to_qt(claim[0]), m.to_qt(source[0]), ("claim",)),
                    (m.to_qt(source[0]), m.to_qt(source[1]), ("claim", "source")),
                    (m.to_qt(source[1]), m.to_qt(claim[1]), ("claim",))]
    # the formats Qt holds for the paragraph are the same UTF-16 ranges
    formats = window.view.document().firstBlock().layout().formats()
    assert [(f.start, f.start + f.length) for f in formats] == [s[:2] for s in segs]
    overlap = window.view.highlighter.format_for(("claim", "source")).background().color()
    single = window.view.highlighter.format_for(("claim",)).background().color()
    assert overlap != single


def test_only_touched_paragraphs_rehighlight(qtbot, window, monkeypatch):
    seen = []
    hl = window.view.highlighter
    original = hl.rehighlightBlock
    monkeypatch.setattr(hl, "rehighlightBlock", lambda b: (seen.append(b.blockNumber()),
                                                           original(b)))
    window.view.select_span(*span_of(ARTICLE, "مسؤول"))
    press(qtbot, window, Qt.Key_1)
    assert seen == [2]


def test_tooltip_names_category_coder_and_attributes(qtbot, window):
    s, e = span_of(ARTICLE, "الجارديان")
    a = window.project.add_annotation(window.doc_id, CODER, "source", s, e,
                                      attrs={"type": "foreign_media"})
    assert a.uuid in window.view.annotations
    pos = window.view.viewport().mapTo(window.view, window.view.cursor_rect_at(s + 3).center())
    tip = window.view.tooltip_at(pos)
    assert "Source" in tip and CODER in tip and "Foreign media" in tip


def test_refused_edit_shows_one_line_and_keeps_the_stack_clean(qtbot, window):
    from annotator.gui.commands import AddAnnotation

    cmd = AddAnnotation(window.ctx, window.doc_id, CODER, "claim", 5, 10_000)
    assert window.push(cmd) is False
    assert "outside the text" in window.last_error
    assert "\n" not in window.last_error and "Traceback" not in window.last_error
    assert window.undo.count() == 0
    [box] = window.findChildren(QMessageBox, "errorBox")
    assert box.text() == window.last_error
    box.close()
