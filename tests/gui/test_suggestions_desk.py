"""Suggestions in the desk, driven with the keys a coder presses: Tab and Shift+Tab step,
Enter accepts, Backspace rejects, Ctrl+Return accepts a paragraph, Ctrl+Z undoes; the
supervisor's switch hides them. Data is checked through the Project API."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.packages import AssignmentPlan, apply_assignment

from .conftest import ARTICLE, CODER, span_of


def loaded(qtbot, win):
    """Suggestions are found off the GUI thread; wait until they are shown."""
    qtbot.waitUntil(lambda: win.suggest.ready, timeout=5000)


def key(win, k, mod=Qt.NoModifier):
    win.activateWindow()
    win.view.setFocus()
    QTest.keyClick(win.view, k, mod)


def shown(win) -> list[tuple[str, str]]:
    return [(s.category, s.quote) for s in win.suggest.items]


def stored(win):
    return {(a.category, a.quote, a.origin) for a in win.project.annotations(win.doc_id, CODER)}


def test_suggestions_are_outlined_not_stored(qtbot, window, tmp_path):
    loaded(qtbot, window)
    assert ("source", "صحيفة الجارديان") in shown(window)
    assert ("source", "مواقع عراقية") in shown(window)
    assert window.project.annotations(window.doc_id, CODER) == []
    # painted: one outline per suggestion piece, in the category's colour
    assert len(window.view._sugg) == len(window.suggest.items)
    window.view.grab().save(str(tmp_path / "suggestions.png"))


def test_tab_steps_enter_accepts_with_attributes_and_origin(qtbot, window):
    loaded(qtbot, window)
    first = window.suggest.items[0]
    key(window, Qt.Key_Tab)
    assert window.suggest.current_suggestion() == first
    assert "Enter accepts" in window.statusBar().currentMessage()
    key(window, Qt.Key_Tab)
    key(window, Qt.Key_Tab, Qt.ShiftModifier)  # back to the first
    assert window.suggest.current_suggestion() == first
    key(window, Qt.Key_Return)
    [a] = window.project.annotations(window.doc_id, CODER)
    assert (a.category, a.start, a.end, a.quote, a.origin) == (
        first.category, first.start, first.end, ARTICLE[first.start:first.end], "suggested")
    assert a.attrs == first.attrs
    assert first not in window.suggest.items          # decided: no longer proposed
    assert window.suggest.current_suggestion() is not None  # the next one is current
    # one undo step: the annotation goes and the suggestion comes back
    key(window, Qt.Key_Z, Qt.ControlModifier)
    assert window.project.annotations(window.doc_id, CODER) == []
    qtbot.waitUntil(lambda: first in window.suggest.items, timeout=2000)


def test_backspace_rejects_for_good_and_undo_brings_it_back(qtbot, window):
    loaded(qtbot, window)
    target = next(s for s in window.suggest.items if s.quote == "مواقع عراقية")
    while window.suggest.current_suggestion() != target:
        key(window, Qt.Key_Tab)
    key(window, Qt.Key_Backspace)
    assert target not in window.suggest.items
    assert window.project.annotations(window.doc_id, CODER) == []
    assert target.key not in {s.key for s in window.project.suggested_spans(window.doc_id, CODER)}
    key(window, Qt.Key_Z, Qt.ControlModifier)
    qtbot.waitUntil(lambda: target in window.suggest.items, timeout=2000)


def test_accept_paragraph_links_the_claim_to_its_source(qtbot, window):
    loaded(qtbot, window)
    s, _ = span_of(ARTICLE, "وأكدت مواقع عراقية")
    window.view.select_span(s, s)  # the caret in the second paragraph
    key(window, Qt.Key_Return, Qt.ControlModifier)
    got = stored(window)
    assert ("source", "مواقع عراقية", "suggested") in got
    assert ("attribution", "وأكدت", "suggested") in got
    claims = [a for a in window.project.annotations(window.doc_id, CODER)
              if a.category == "claim"]
    assert claims and all(a.origin == "suggested" for a in claims)
    src = next(a for a in window.project.annotations(window.doc_id, CODER)
               if a.quote == "مواقع عراقية")
    rels = window.project.relations(window.doc_id, CODER)
    assert any(r.type == "attributed_to" and r.to_uuid == src.uuid for r in rels)
    # nothing of the first paragraph was taken
    assert ("source", "صحيفة الجارديان", "suggested") not in got
    key(window, Qt.Key_Z, Qt.ControlModifier)  # the whole paragraph is one undo step
    assert window.project.annotations(window.doc_id, CODER) == []


def test_esc_stops_stepping_and_tab_then_reaches_a_selected_annotations_fields(qtbot, window):
    loaded(qtbot, window)
    key(window, Qt.Key_Tab)
    key(window, Qt.Key_Return)  # accepted and selected
    assert window.active is not None
    key(window, Qt.Key_Escape)
    assert window.suggest.current_suggestion() is None
    assert window.active is not None
    key(window, Qt.Key_Tab)
    assert window.suggest.current_suggestion() is None
    assert window.attrs.isAncestorOf(window.focusWidget())


def test_view_menu_hides_them_for_this_coder(qtbot, window):
    loaded(qtbot, window)
    window.suggest.show_act.trigger()
    loaded(qtbot, window)
    assert window.suggest.items == [] and window.view._sugg == []
    key(window, Qt.Key_Tab)  # no suggestion: Tab is plain focus navigation again
    assert window.suggest.current_suggestion() is None
    window.suggest.show_act.trigger()
    loaded(qtbot, window)
    assert window.suggest.items


def test_supervisor_hides_them_on_the_reliability_sample(qtbot, window):
    loaded(qtbot, window)
    p = window.project
    ids = [d.id for d in p.documents()]
    apply_assignment(p, AssignmentPlan(overlap=[ids[0]], shares={CODER: [ids[1]], "Ali": []}))
    window.supervisor.menu.aboutToShow.emit()
    assert window.suggest.allow_act.isChecked()
    window.suggest.hide_overlap_act.trigger()
    qtbot.waitUntil(lambda: window.suggest.items == [], timeout=2000)
    assert p.suggestion_settings()["hide_overlap"] is True
    window.suggest.allow_act.trigger()
    assert p.suggestion_settings()["enabled"] is False


def test_a_long_article_is_read_in_slices_and_coding_goes_on_meanwhile(qtbot, window):
    from pathlib import Path

    from annotator.core.importers.base import ImportedDocument

    loaded(qtbot, window)
    seed = (Path(__file__).resolve().parents[2] / "annotator" / "resources" / "sample"
            / "000_cbfbf9d43873636c.txt").read_text(encoding="utf-8")
    text = "\n".join([seed] * 40)  # ~120,000 characters
    p = window.project
    [long_id] = p.add_documents([ImportedDocument(text=text, title="long")]).added
    window.open_document(long_id)
    assert not window.suggest.ready  # still reading: the article is already there to code
    s, e = span_of(text, "مواقع عراقية", nth=39)  # in the last copy, read last
    window.view.select_span(s, e)
    key(window, Qt.Key_2)
    assert [(a.category, a.start) for a in p.annotations(long_id, CODER)] == [("source", s)]
    assert not window.suggest.ready
    loaded(qtbot, window)
    sources = [x for x in window.suggest.items if x.quote == "مواقع عراقية"]
    assert len(sources) == 39 and all(x.start != s for x in sources)
