"""Selecting by double and triple click, dragging anew inside a selection, and find:
"annotate all" codes whole words, a search without a match leaves nothing selected, and
"all articles" never says "no matches" beside a list of hits (issue 10, items 1-4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from .conftest import ARTICLE, span_of
from .test_desk import drag, press, stored


def word_point(view, needle: str, nth: int = 0):
    """The middle of a word on screen, where a person would point at it."""
    s, e = span_of(view.text, needle, nth)
    # inside the word: at a Latin/Arabic edge the caret may be drawn on either run
    a, b = view.cursor_rect_at(s + 1).center(), view.cursor_rect_at(e - 1).center()
    assert abs(a.y() - b.y()) < 3, "the word must sit on one line"
    return (a + b) / 2


def double_click(view, pos) -> None:
    """What the system sends for a double click: press, release, double-click, release."""
    vp = view.viewport()
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, pos)
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, pos)
    QTest.mouseDClick(vp, Qt.LeftButton, Qt.NoModifier, pos)
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, pos)


def test_double_click_selects_the_word_and_the_hotkey_codes_it(qtbot, window):
    s, e = span_of(ARTICLE, "البريطانية")
    double_click(window.view, word_point(window.view, "البريطانية"))
    assert window.view.selection_span() == (s, e)
    press(qtbot, window, Qt.Key_2)
    assert stored(window) == [("source", s, e, "البريطانية")]


def test_double_click_on_a_latin_name_inside_arabic(qtbot, window):
    s, e = span_of(ARTICLE, "Smith")
    double_click(window.view, word_point(window.view, "Smith"))
    press(qtbot, window, Qt.Key_2)
    assert stored(window) == [("source", s, e, "Smith")]


def test_triple_click_selects_the_sentence(qtbot, window):
    vp, pos = window.view.viewport(), word_point(window.view, "مسؤول")
    double_click(window.view, pos)
    QTest.mouseClick(vp, Qt.LeftButton, Qt.NoModifier, pos)
    # the second paragraph is one sentence ending in "مؤكد."
    s, e = span_of(ARTICLE, "وأكدت مواقع عراقية أن الجارديان نشرت وثائق جديدة، وقال مسؤول إن "
                            "الأمر مؤكد.")
    assert window.view.selection_span() == (s, e)
    press(qtbot, window, Qt.Key_1)
    assert stored(window)[0][1:3] == (s, e)


def test_triple_click_stops_at_the_full_stop_not_the_paragraph(qtbot, window):
    # "...في 2017." ends the first sentence of the first paragraph
    vp, pos = window.view.viewport(), word_point(window.view, "غادر")
    double_click(window.view, pos)
    QTest.mouseClick(vp, Qt.LeftButton, Qt.NoModifier, pos)
    s, e = window.view.selection_span()
    assert ARTICLE[s:e].startswith("قالت") and ARTICLE[s:e].endswith("2017.")


def test_drag_starting_inside_a_selection_makes_a_new_selection(qtbot, window):
    s, e = span_of(ARTICLE, "صحيفة الجارديان")
    drag(qtbot, window.view, s, e)
    assert window.view.selection_span() == (s, e)
    s2, _ = span_of(ARTICLE, "الجارديان")
    _, e2 = span_of(ARTICLE, "البريطانية")
    drag(qtbot, window.view, s2 + 2, e2 - 2)  # from inside the selection to beyond it
    assert window.view.selection_span() == (s2, e2)


def test_double_click_then_drag_inside_it_selects_anew(qtbot, window):
    double_click(window.view, word_point(window.view, "صحيفة"))
    s, _ = span_of(ARTICLE, "صحيفة")
    _, e = span_of(ARTICLE, "الجارديان")
    drag(qtbot, window.view, s + 1, e - 1)  # from inside the selected word
    assert window.view.selection_span() == (s, e)


def test_plain_click_still_only_places_the_caret(qtbot, window):
    QTest.mouseClick(window.view.viewport(), Qt.LeftButton, Qt.NoModifier,
                     word_point(window.view, "صحيفة"))
    assert window.view.selection_span() is None


# --- find ------------------------------------------------------------------------------------


def _find(qtbot, window, text: str, project_wide: bool = False) -> None:
    press(qtbot, window, Qt.Key_F, Qt.ControlModifier | (Qt.ShiftModifier if project_wide
                                                         else Qt.NoModifier))
    window.find.query.clear()
    window.find.query.insert(text)  # what an Arabic input method does


def test_annotate_all_matches_codes_whole_words(qtbot, window):
    _find(qtbot, window, "اكدت")  # matches inside وأكدت
    window.find.category.setCurrentIndex(window.find.category.findData("claim"))
    qtbot.mouseClick(window.find.annotate_button, Qt.LeftButton)
    s, e = span_of(ARTICLE, "وأكدت")
    assert stored(window) == [("claim", s, e, "وأكدت")]
    assert "1" in window.statusBar().currentMessage()
    # again: nothing new, and the coder is told why
    qtbot.mouseClick(window.find.annotate_button, Qt.LeftButton)
    assert len(stored(window)) == 1
    assert window.undo.count() == 1


def test_annotate_all_counts_created_and_skipped(qtbot, window):
    _find(qtbot, window, "جارديان")  # inside الجارديان three times
    window.find.category.setCurrentIndex(window.find.category.findData("source"))
    s, e = span_of(ARTICLE, "الجارديان")
    window.project.add_annotation(window.doc_id, "Mona", "source", s, e)
    qtbot.mouseClick(window.find.annotate_button, Qt.LeftButton)
    quotes = sorted(q for _c, _s, _e, q in stored(window))
    assert quotes == sorted(["الجارديان", "الجارديان", "الْجَارِدْيَان"])
    msg = window.statusBar().currentMessage()
    assert "2" in msg and "1" in msg, msg
    window.do_undo()
    assert len(stored(window)) == 1  # one undo step removes both new ones


def test_search_without_a_match_leaves_nothing_selected(qtbot, window):
    _find(qtbot, window, "ا")
    assert window.view.selection_span() is not None  # the first hit is selected
    window.find.query.insert("xyz")  # no match any more
    assert window.find.hits == []
    assert window.view.selection_span() is None
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_1)
    assert stored(window) == []


def test_find_in_all_articles_never_says_no_matches_beside_hits(qtbot, window):
    _find(qtbot, window, "قصير", project_wide=True)  # only in the second article
    assert window.find.results.count() == 1
    label = window.find.count.text()
    assert "no matches" not in label
    assert "1" in label
