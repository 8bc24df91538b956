"""The comparison window adjudicates span by span and link by link, driven by keys as a
supervisor does: N steps, digits accept, Ctrl+Down/A reach every candidate, R rejects,
L links gold spans with a click, D marks gold done (issue 11, items 1, 2 and 4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QUndoStack

from annotator.core.adjudication import GOLD, gold_done
from annotator.core.agreement.from_project import project_report
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project
from annotator.gui.supervisor import ComparisonView

TEXT = ("قالت صحيفة الجارديان 😀 البريطانية إن المقاتل غادر الموصل في 2017، "
        "وأكدت مواقع عراقية أن الحكومة نشرت وثائق جديدة.")


def span(word):
    s = TEXT.index(word)
    return s, s + len(word)


CLAIM = (span("المقاتل")[0], span("2017")[1])
SRC = span("صحيفة الجارديان")


@pytest.fixture
def proj(tmp_path):
    p = Project.create(tmp_path / "c.annot")
    [doc] = p.add_documents([ImportedDocument(text=TEXT, title="مقال")]).added
    p.doc = doc
    yield p
    QThreadPool.globalInstance().waitForDone(10000)
    p.close()


def open_view(qtbot, proj):
    view = ComparisonView(proj, proj.doc, undo_stack=QUndoStack(), decided_by="sara")
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.article.setFocus()
    return view


def key(qtbot, view, k, mod=Qt.NoModifier):
    qtbot.keyClick(view.article, k, mod)


def undecided(view):
    return int(view.position_label.text().split("·")[1].split()[0])


def test_three_coders_over_one_sentence_are_decided_span_by_span(qtbot, proj):
    for c, shift in (("mona", 0), ("ali", 0), ("sami", 3)):
        proj.add_annotation(proj.doc, c, "claim", CLAIM[0] + shift, CLAIM[1])
        proj.add_annotation(proj.doc, c, "source", SRC[0] + shift * 2, SRC[1])
        proj.add_annotation(proj.doc, c, "attribution", *span("قالت"),
                            attrs={"stance": "neutral"})
    proj.add_annotation(proj.doc, "mona", "source", *span("مواقع عراقية"))
    view = open_view(qtbot, proj)
    # one place per category, not one region of 10 spans: claim, source, Iraqi websites
    assert [(d.category, len(d.annotations)) for d in view.items] == [
        ("source", 3), ("claim", 3), ("source", 1)]
    assert undecided(view) == 3
    assert "1 agreed not yet in gold" in view.position_label.text()
    key(qtbot, view, Qt.Key_1)                       # the source: mona's
    assert undecided(view) == 2                      # only that one is decided
    key(qtbot, view, Qt.Key_N)
    assert view.current().category == "claim"
    # the third candidate (sami's) is reachable by keys other than 3
    key(qtbot, view, Qt.Key_Down, Qt.ControlModifier)
    key(qtbot, view, Qt.Key_Down, Qt.ControlModifier)
    assert view.candidates.currentRow() == 2
    key(qtbot, view, Qt.Key_A)
    [g] = [a for a in proj.annotations(proj.doc, coder=GOLD) if a.category == "claim"]
    assert (g.start, g.end) == (CLAIM[0] + 3, CLAIM[1])
    assert undecided(view) == 1
    key(qtbot, view, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    assert any(a.category == "attribution" for a in proj.annotations(proj.doc, coder=GOLD))
    assert "agreed not yet" not in view.position_label.text()
    # D: gold done; the span left out counts as decided, and gold is measurable
    for c in ("mona", "ali"):
        proj.set_status(proj.doc, c, "done")
    key(qtbot, view, Qt.Key_D)
    assert gold_done(proj, proj.doc) and view.done_button.isChecked()
    assert undecided(view) == 0
    r = project_report(proj, coders=[GOLD, "mona"])
    assert r["documents"] == 1
    view.stack.undo()
    assert not gold_done(proj, proj.doc)
    qtbot.waitUntil(lambda: not view.done_button.isChecked())


def test_links_follow_their_ends_and_a_disputed_link_is_decided_by_key(qtbot, proj):
    for c in ("mona", "ali"):
        cl = proj.add_annotation(proj.doc, c, "claim", *CLAIM)
        s = proj.add_annotation(proj.doc, c, "source", *SRC)
        if c == "mona":
            proj.add_relation("attributed_to", cl.uuid, s.uuid, c)
    view = open_view(qtbot, proj)
    assert view.items == []
    key(qtbot, view, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    # both ends in gold, ali did not link them: a link disagreement of its own
    [item] = view.items
    assert item.kind == "relation" and not item.decided
    assert "mona" in view.list.item(0).text() and "ali" in view.list.item(0).text()
    assert proj.relations(proj.doc, coder=GOLD) == []
    key(qtbot, view, Qt.Key_1)
    [rel] = proj.relations(proj.doc, coder=GOLD)
    assert rel.type == "attributed_to"
    assert undecided(view) == 0
    key(qtbot, view, Qt.Key_R)                      # leave it unlinked after all
    assert proj.relations(proj.doc, coder=GOLD) == []
    assert view.items[0].decided and undecided(view) == 0
    view.stack.undo()
    assert len(proj.relations(proj.doc, coder=GOLD)) == 1
    # undoing "accept all" takes the spans out; redo brings spans back, not a decision
    view.stack.undo()
    view.stack.undo()
    assert proj.annotations(proj.doc, coder=GOLD) == []
    view.stack.redo()
    assert len(proj.annotations(proj.doc, coder=GOLD)) == 2


def test_agreed_link_comes_with_accept_all_and_L_unlinks_and_links_by_click(qtbot, proj):
    for c in ("mona", "ali"):
        cl = proj.add_annotation(proj.doc, c, "claim", CLAIM[0] + (2 if c == "ali" else 0),
                                 CLAIM[1])
        s = proj.add_annotation(proj.doc, c, "source", *SRC)
        proj.add_relation("attributed_to", cl.uuid, s.uuid, c)
    view = open_view(qtbot, proj)
    key(qtbot, view, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)   # the source
    [d] = view.items                                                      # the claim
    key(qtbot, view, Qt.Key_1)
    # both ends in gold and both coders linked them: the link followed
    [rel] = proj.relations(proj.doc, coder=GOLD)
    # L on the gold claim, then a click on the gold source: unlinks
    key(qtbot, view, Qt.Key_L)
    assert view.linking is not None and view.linking.category == "claim"
    qtbot.mouseClick(view.article.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view.article.cursor_rect_at(SRC[0] + 3).center())
    assert view.linking is None
    assert proj.relations(proj.doc, coder=GOLD) == []
    key(qtbot, view, Qt.Key_L)
    qtbot.mouseClick(view.article.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view.article.cursor_rect_at(SRC[0] + 3).center())
    [rel2] = proj.relations(proj.doc, coder=GOLD)
    assert rel2.uuid == rel.uuid
    # Esc leaves link mode without linking
    key(qtbot, view, Qt.Key_L)
    key(qtbot, view, Qt.Key_Escape)
    assert view.linking is None


def test_two_identical_spans_are_enough_when_chosen(qtbot, proj):
    for c, shift in (("mona", 0), ("ali", 0), ("sami", 3)):
        proj.add_annotation(proj.doc, c, "claim", CLAIM[0] + shift, CLAIM[1])
    view = open_view(qtbot, proj)
    assert len(view.items) == 1
    qtbot.mouseClick(view.two_box, Qt.LeftButton)
    assert view.items == []
    key(qtbot, view, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    [g] = proj.annotations(proj.doc, coder=GOLD)
    assert (g.start, g.end) == CLAIM
    view.grab().save("/tmp/comparison_links.png")


def test_agreement_view_shows_ordinal_levels_and_whole_article_codes(qtbot, proj):
    from annotator.gui.supervisor import AgreementView

    second = proj.add_documents([ImportedDocument(text=TEXT + " ثانٍ", title="ب")]).added[0]
    for c, level, genre in (("mona", "4", "news_report"), ("ali", "3", "analysis")):
        for d in (proj.doc, second):
            proj.add_annotation(d, c, "reliability", *CLAIM, attrs={"level": level})
            proj.add_annotation(d, c, "article", attrs={"genre": genre})
            proj.set_status(d, c, "done")
    view = AgreementView(proj)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.report is not None and not view.busy, timeout=15000)
    expected = project_report(proj, coders=["ali", "mona"])
    am = view.attribute_model
    rows = {(am.rows[i][0].value, am.rows[i][1].tip): i for i in range(am.rowCount())}
    level = rows[("Reliability", "level")]
    assert am.cell(level, "level").value == "ordinal"
    assert am.cell(level, "alpha").value == \
        expected["categories"]["reliability"]["attributes"]["level"]
    genre = rows[("Article", "genre")]
    assert am.cell(genre, "alpha").value == \
        expected["document_categories"]["article"]["attributes"]["genre"]
    assert am.cell(genre, "pairs").value == 2
    # the whole-article category can be chosen on its own
    view.category_combo.setCurrentIndex(view.category_combo.findData("article"))
    view.refresh()
    qtbot.waitUntil(lambda: view.report is not None and not view.busy
                    and view.report["categories"] == {}, timeout=15000)
    assert view.attribute_model.rowCount() == 2


def test_L_links_agreed_gold_spans_no_coder_linked(qtbot, proj):
    for c in ("mona", "ali"):
        proj.add_annotation(proj.doc, c, "claim", *CLAIM)
        proj.add_annotation(proj.doc, c, "source", *SRC)
    view = open_view(qtbot, proj)
    key(qtbot, view, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    assert view.items == [] and proj.relations(proj.doc, coder=GOLD) == []
    # click into the gold claim (no disagreement is current), L, click the gold source
    qtbot.mouseClick(view.article.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view.article.cursor_rect_at(CLAIM[0] + 4).center())
    key(qtbot, view, Qt.Key_L)
    assert view.linking is not None and view.linking.category == "claim"
    qtbot.mouseClick(view.article.viewport(), Qt.LeftButton, Qt.NoModifier,
                     view.article.cursor_rect_at(SRC[0] + 3).center())
    [rel] = proj.relations(proj.doc, coder=GOLD)
    gold = {a.uuid: a.category for a in proj.annotations(proj.doc, coder=GOLD)}
    assert (gold[rel.from_uuid], gold[rel.to_uuid]) == ("claim", "source")


def test_a_value_below_minus_one_is_explained_where_it_appears(qtbot):
    from annotator.gui.supervisor.figure_model import Cell, FigureModel

    m = FigureModel()
    m.set_rows([("a", "a"), ("b", "b")], [[Cell(-1.37, "coef"), Cell(-0.2, "coef")]])
    assert "−1" in m.index(0, 0).data(Qt.ToolTipRole)
    assert "−1" not in (m.index(0, 1).data(Qt.ToolTipRole) or "")


def test_agreement_view_says_how_to_compare_with_gold(qtbot, proj):
    from annotator.gui.supervisor import AgreementView

    for c in ("mona", "ali"):
        proj.add_annotation(proj.doc, c, "claim", *CLAIM)
        proj.set_status(proj.doc, c, "done")
    view = open_view(qtbot, proj)
    key(qtbot, view, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    agreement = AgreementView(proj, coders=[GOLD, "mona"])
    qtbot.addWidget(agreement)
    qtbot.waitUntil(lambda: agreement.report is not None and not agreement.busy, timeout=15000)
    assert agreement.report["documents"] == 0
    assert "adjudicate --done" in agreement.summary.text()
    key(qtbot, view, Qt.Key_D)
    agreement.refresh()
    qtbot.waitUntil(lambda: agreement.report is not None and not agreement.busy
                    and agreement.report["documents"] == 1, timeout=15000)
    assert agreement.report["categories"]["claim"]["f1_exact"] == {"gold|mona": 1.0}
