"""The supervisor's windows: agreement view against project_report, threshold colours,
nulls with reasons; the comparison view's disagreements, keys and offsets (emoji before
the spans); adjudication into gold with undo/redo; team dialogs' one-line errors."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox

from annotator.core.adjudication import GOLD, disagreements
from annotator.core.agreement.from_project import project_report
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project
from annotator.core.text import OffsetMap
from annotator.gui.supervisor import (
    AgreementView,
    ComparisonView,
    install_supervisor_menu,
)
from annotator.gui.supervisor.agreement_view import DOC_ROLE, Cell, FigureModel
from annotator.gui.supervisor.chart import Bar, BarChart
from annotator.gui.supervisor.common import AMBER, GREEN, RED, fmt
from annotator.gui.supervisor.team_dialogs import (
    AssignmentDialog,
    MergeDialog,
    PackageDialog,
    ProgressDialog,
)
from annotator.gui.tasks import TaskRunner

# The emoji (two UTF-16 units) sits before most spans: a code-point/UTF-16 mix-up shifts
# every later offset by one and shows at once. "John Smith" is a Latin name inside Arabic.
TEXT = ("قالت صحيفة الجارديان 😀 إن John Smith غادر الموصل. وأكدت مواقع عراقية ذلك الخبر، "
        "فيما نفى المتحدث باسم وزارة الداخلية الأمر.")
SECOND = "خبر ثان عن الحكومة ووكالة الأنباء الرسمية."
SUPERVISOR = "sara"


def span(word, text=TEXT):
    s = text.index(word)
    return s, s + len(word)


@pytest.fixture
def proj(tmp_path):
    p = Project.create(tmp_path / "team.annot")
    [doc] = p.add_documents([ImportedDocument(text=TEXT, title="الموصل")]).added
    [doc2] = p.add_documents([ImportedDocument(text=SECOND, title="ثان")]).added
    for c in ("mona", "ali"):
        p.add_annotation(doc, c, "claim", *span("غادر الموصل"))                # agreed
        p.add_annotation(doc, c, "source", *span("المتحدث باسم وزارة الداخلية"))  # agreed
        p.add_annotation(doc2, c, "source", *span("وكالة الأنباء الرسمية", SECOND))
    p.add_annotation(doc, "mona", "source", *span("الجارديان"))
    p.add_annotation(doc, "ali", "source", *span("صحيفة الجارديان"))   # bounds differ
    p.add_annotation(doc, "ali", "source", *span("John Smith"))        # mona missed it
    p.add_annotation(doc, "mona", "source", *span("مواقع عراقية"))      # ali missed it
    for d in (doc, doc2):
        for c in ("mona", "ali"):
            p.set_status(d, c, "done")
    p.doc, p.doc2 = doc, doc2
    yield p
    QThreadPool.globalInstance().waitForDone(10000)
    p.close()


def state(p):
    """Everything adjudication may change, as comparable rows."""
    return sorted((a.uuid, a.coder, a.category, a.start, a.end, a.decided_by, a.origin_uuid)
                  for a in p.annotations())


def wait_report(qtbot, view):
    qtbot.waitUntil(lambda: view.report is not None and not view.busy, timeout=15000)


# --- agreement view --------------------------------------------------------------------

def test_agreement_view_shows_project_report_figures(qtbot, proj):
    view = AgreementView(proj)
    qtbot.addWidget(view)
    wait_report(qtbot, view)
    assert view.chosen_coders() == ["ali", "mona"]          # all but gold, by default
    expected = project_report(proj, coders=["ali", "mona"])
    assert view.report == expected
    m = view.category_model
    keys = list(expected["categories"])
    assert m.rowCount() == 1 + len(keys)
    assert m.cell(0, "alpha_u").value == expected["overall"]["alpha_u"]
    for row, key in enumerate(keys, 1):
        e = expected["categories"][key]
        for name in ("alpha_u", "u_alpha", "alpha_nominal", "percent_agreement", "n_units",
                     "documents"):
            col = m.column_of(name)
            assert m.index(row, col).data(Qt.UserRole + 11) == e[name], (key, name)
        assert m.cell(row, "spans.ali").value == e["spans"]["ali"]
        shown = m.index(row, m.column_of("alpha_u")).data()
        assert shown == fmt(e["alpha_u"])
        assert m.index(row, m.column_of("percent_agreement")).data() == \
            fmt(e["percent_agreement"], "share")
    # a null figure: "—", the reason as tooltip
    row = keys.index("reliability") + 1
    idx = m.index(row, m.column_of("alpha_u"))
    assert idx.data() == "—"
    assert idx.data(Qt.ToolTipRole) == expected["categories"]["reliability"]["reasons"]["alpha_u"]
    assert idx.data(Qt.BackgroundRole) is None
    # per coder pair and per document
    pm = view.pair_model
    src = expected["categories"]["source"]
    r = next(i for i in range(pm.rowCount()) if pm.rows[i][0].value == "Source")
    assert pm.cell(r, "kappa").value == src["kappa"]["ali|mona"]
    assert pm.cell(r, "f1_exact").value == src["f1_exact"]["ali|mona"]
    assert pm.cell(r, "f1_overlap").value == src["f1_overlap"]["ali|mona"]
    assert pm.cell(r, "units").value == src["pairs"]["ali|mona"]["units"]
    dm = view.document_model
    per_doc = expected["per_document"][str(proj.doc)]
    first = next(i for i in range(dm.rowCount())
                 if dm.index(i, 0).data(DOC_ROLE) == proj.doc)
    assert dm.cell(first, "alpha_u").value == per_doc["overall"]["alpha_u"]
    assert dm.cell(first + 2, "alpha_u").value == per_doc["categories"]["source"]["alpha_u"]
    am = view.attribute_model
    assert am.rowCount() == sum(len(e["attributes"]) for e in expected["categories"].values()) \
        + sum(len(e["attributes"]) for e in expected["document_categories"].values())
    # the chart holds one bar per category with the same values
    assert [b.value for b in view.chart.bars] == [e["alpha_u"] for e in
                                                  expected["categories"].values()]


def test_agreement_view_controls_pass_through(qtbot, proj, tmp_path):
    view = AgreementView(proj)
    qtbot.addWidget(view)
    wait_report(qtbot, view)
    view.category_combo.setCurrentIndex(view.category_combo.findData("source"))
    qtbot.waitUntil(lambda: not view.busy and list(view.report["categories"]) == ["source"],
                    timeout=15000)
    assert view.report == project_report(proj, coders=["ali", "mona"], category="source")
    view.all_radio.setChecked(True)
    assert view.options() == {"coders": ["ali", "mona"], "category": "source",
                              "all_docs": True}
    qtbot.waitUntil(lambda: not view.busy, timeout=15000)
    out = view.export_json(tmp_path / "report.json")
    assert json.loads(out.read_text(encoding="utf-8")) == project_report(
        proj, coders=["ali", "mona"], category="source", all_docs=True)
    # one coder: every figure null with its reason, never a crash
    view.set_coders(["mona"])
    qtbot.waitUntil(lambda: not view.busy and view.report["coders"] == ["mona"], timeout=15000)
    idx = view.category_model.index(1, view.category_model.column_of("alpha_u"))
    assert idx.data() == "—" and idx.data(Qt.ToolTipRole)


def test_threshold_colours():
    m = FigureModel()
    values = [0.95, 0.800, 0.7999, 0.667, 0.6669, -0.2, None]
    m.set_rows([("a", "a")], [[Cell(v, "coef", "why")] for v in values])
    colours = [m.index(i, 0).data(Qt.BackgroundRole) for i in range(len(values))]
    names = [c.color().name() if c is not None else None for c in colours]
    assert names == [QColor(GREEN).name(), QColor(GREEN).name(), QColor(AMBER).name(),
                     QColor(AMBER).name(), QColor(RED).name(), QColor(RED).name(), None]
    assert m.index(6, 0).data() == "—" and m.index(6, 0).data(Qt.ToolTipRole) == "why"
    assert "reliable" in m.index(0, 0).data(Qt.ToolTipRole)
    # F1 and shares are shown, not judged by alpha's cut-offs
    m.set_rows([("f", "f")], [[Cell(0.3, "plain")], [Cell(0.5, "share")]])
    assert m.index(0, 0).data(Qt.BackgroundRole) is None
    assert m.index(1, 0).data() == "50.0%"


def test_chart_paints_in_both_directions(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_bars("αU", [Bar("Claim", 0.9), Bar("Source", 0.7), Bar("Place", -0.3),
                          Bar("Other", None, "no spans of this category")])
    chart.resize(600, 240)
    assert not chart.grab().isNull()
    chart.setLayoutDirection(Qt.RightToLeft)
    assert not chart.grab().isNull()


# --- comparison view -------------------------------------------------------------------

@pytest.fixture
def compare(qtbot, proj):
    stack = QUndoStack()
    view = ComparisonView(proj, proj.doc, undo_stack=stack, decided_by=SUPERVISOR)
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    qtbot.waitExposed(view)
    view.stack_ref = stack
    return view


def selected_span(view):
    c = view.article.textCursor()
    m = OffsetMap.for_text(TEXT)
    return m.from_qt(c.selectionStart()), m.from_qt(c.selectionEnd())


def test_comparison_lists_disagreements_in_text_order(compare, proj):
    expected = disagreements(proj, proj.doc)
    got = [(d.start, d.end) for d in compare.items]
    assert got == sorted(got) == [(d.start, d.end) for d in expected]
    assert [TEXT[s:e] for s, e in got] == ["صحيفة الجارديان", "John Smith", "مواقع عراقية"]
    assert compare.list.count() == 3
    second = compare.list.item(1).text()
    assert "John Smith" in second and "mona" in second        # who missed it
    assert compare.article.lanes == ["ali", "mona", GOLD]
    # the first disagreement is selected on opening
    assert selected_span(compare) == span("صحيفة الجارديان")


def test_next_disagreement_key_selects_the_code_point_span(qtbot, compare):
    compare.article.setFocus()
    compare.activateWindow()
    qtbot.keyClick(compare.article, Qt.Key_N)
    assert compare.index == 1
    # after the emoji: the UTF-16 selection maps back to the right code points
    assert selected_span(compare) == span("John Smith")
    qtbot.keyClick(compare.article, Qt.Key_F8)
    assert selected_span(compare) == span("مواقع عراقية")
    qtbot.keyClick(compare.article, Qt.Key_N, Qt.ShiftModifier)
    assert selected_span(compare) == span("John Smith")
    qtbot.keyClick(compare.article, Qt.Key_F8, Qt.ShiftModifier)
    assert compare.index == 0
    assert compare.list.currentRow() == 0


def test_accept_reject_with_undo_redo(qtbot, compare, proj):
    before = state(proj)
    compare.go_to(1)                                   # John Smith, only ali has it
    [ali] = compare.candidate_spans()
    compare.article.setFocus()
    qtbot.keyClick(compare.article, Qt.Key_1)
    [g] = proj.annotations(proj.doc, coder=GOLD)
    assert (g.coder, g.start, g.end, g.category, g.decided_by, g.origin_uuid) == (
        GOLD, ali.start, ali.end, ali.category, SUPERVISOR, ali.uuid)
    assert compare.items[1].decided
    after_accept = state(proj)
    stack = compare.stack_ref
    stack.undo()
    assert state(proj) == before
    stack.redo()
    assert state(proj) == after_accept
    assert proj.annotations(proj.doc, coder=GOLD)[0].uuid == g.uuid   # the same row back
    # reject takes it out; undo brings it back with its provenance
    compare.go_to(1)
    qtbot.keyClick(compare.article, Qt.Key_R)
    assert proj.annotations(proj.doc, coder=GOLD) == []
    stack.undo()
    [g2] = proj.annotations(proj.doc, coder=GOLD)
    assert (g2.uuid, g2.decided_by, g2.origin_uuid) == (g.uuid, SUPERVISOR, ali.uuid)
    stack.redo()
    assert proj.annotations(proj.doc, coder=GOLD) == []


def test_edit_accepts_selection_bounds_and_category(compare, proj):
    compare.go_to(0)                                   # صحيفة الجارديان (ali) / الجارديان (mona)
    spans = compare.candidate_spans()
    ali = next(a for a in spans if a.coder == "ali")
    compare.candidates.setCurrentRow(spans.index(ali))
    compare.article.select_span(*span("الجارديان"))
    compare.edit_category.setCurrentIndex(compare.edit_category.findData("claim"))
    assert compare.accept_edited()
    [g] = proj.annotations(proj.doc, coder=GOLD)
    assert (g.start, g.end, g.category, g.origin_uuid) == (*span("الجارديان"), "claim",
                                                            ali.uuid)
    # the gold end moves by whole words, and a run of moves is one undo step
    compare.go_to(0)
    assert compare.nudge("end", True)
    assert compare.nudge("end", False)
    assert compare.nudge("start", False)
    g2 = proj.annotation(g.uuid)
    assert (g2.start, g2.end) == (span("صحيفة الجارديان")[0], span("الجارديان")[1])
    compare.stack_ref.undo()
    assert (proj.annotation(g.uuid).start, proj.annotation(g.uuid).end) == span("الجارديان")


def test_accept_all_agreed_is_one_undo_step(compare, proj):
    n = compare.accept_all_agreed()
    assert n == 2
    gold = {(a.start, a.end, a.category) for a in proj.annotations(proj.doc, coder=GOLD)}
    assert gold == {(*span("غادر الموصل"), "claim"),
                    (*span("المتحدث باسم وزارة الداخلية"), "source")}
    assert all(a.decided_by == SUPERVISOR for a in proj.annotations(proj.doc, coder=GOLD))
    compare.stack_ref.undo()
    assert proj.annotations(proj.doc, coder=GOLD) == []
    compare.stack_ref.redo()
    assert len(proj.annotations(proj.doc, coder=GOLD)) == 2


def test_gold_figures_against_each_coder(qtbot, compare, proj):
    compare.accept_all_agreed()
    qtbot.waitUntil(lambda: getattr(compare, "gold_figures", None) is not None
                    and not compare.runner.busy, timeout=15000)
    figs = compare.gold_figures
    assert set(figs) == {"ali", "mona"}
    # over the articles gold is done for (none yet) and this one
    assert figs["mona"] == project_report(proj, coders=[GOLD, "mona"], all_docs=True,
                                          doc_ids=[proj.doc])
    assert compare.gold_table.rowCount() == 2


def test_comparison_mirrors_and_renders(qtbot, compare, tmp_path):
    compare.setLayoutDirection(Qt.RightToLeft)
    compare.go_to(1)
    img = compare.grab()
    assert not img.isNull()
    img.save(str(tmp_path / "comparison_rtl.png"))
    # the article stays right-aligned and the lanes sit under the span after the emoji
    rect = compare.article.cursor_rect_at(span("John Smith")[0])
    assert rect.isValid()


# --- team dialogs ----------------------------------------------------------------------

@pytest.fixture
def messages(monkeypatch):
    seen = []

    def capture(parent, title, text, *a, **k):
        seen.append(text)
        return QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "warning", capture)
    monkeypatch.setattr(QMessageBox, "information", capture)
    return seen


def test_merge_dialog_bad_file_shows_one_line(qtbot, proj, tmp_path, messages):
    bad = tmp_path / "garbage.annot"
    bad.write_bytes(b"this is not a project\x00\x01")
    dlg = MergeDialog(proj)
    qtbot.addWidget(dlg)
    assert dlg.merge_files([bad])
    qtbot.waitUntil(lambda: not TaskRunner.of(dlg).busy)
    assert len(messages) == 1 and dlg.reports == []
    msg = messages[0]
    assert "\n" not in msg and "Traceback" not in msg and "garbage.annot" in msg


def test_package_merge_assign_progress(qtbot, proj, tmp_path, messages):
    pkg = PackageDialog(proj)
    qtbot.addWidget(pkg)
    pkg.coder.setCurrentText("mona")
    assert set(pkg.chosen_documents()) == {proj.doc, proj.doc2}   # assigned to mona
    assert pkg.make(tmp_path / "mona.annot")
    qtbot.waitUntil(lambda: pkg.result_info is not None)
    info = pkg.result_info
    assert info["documents"] == 2 and (tmp_path / "mona.annot").exists()
    # the coder adds a span in the package; it comes back with the merge
    with Project.open(tmp_path / "mona.annot") as p2:
        p2.add_annotation(proj.doc2, "mona", "claim", *span("خبر ثان", SECOND))
    dlg = MergeDialog(proj)
    qtbot.addWidget(dlg)
    assert dlg.merge_files([tmp_path / "mona.annot"])
    qtbot.waitUntil(lambda: bool(dlg.reports))
    [report] = dlg.reports
    assert report.totals()["added"] >= 1
    assert dlg.table.rowCount() == 1 and dlg.table.item(0, 1).text() == "mona"
    assert any(a.category == "claim" for a in proj.annotations(proj.doc2, coder="mona"))
    # a package with no documents ticked: one line, nothing written
    pkg.docs.item(0).setCheckState(Qt.Unchecked)
    pkg.docs.item(1).setCheckState(Qt.Unchecked)
    assert not pkg.make(tmp_path / "none.annot")
    assert messages and "\n" not in messages[-1]
    # assignment: preview the plan, apply, progress per coder
    [doc3] = proj.add_documents([ImportedDocument(text="مقال ثالث للتوزيع.", title="3")]).added
    asg = AssignmentDialog(proj)
    qtbot.addWidget(asg)
    asg.coders.setText("mona, ali, omar")
    asg.overlap.setValue(0)
    plan = asg.preview()
    assert plan is not None and asg.table.rowCount() == 3
    assert sorted(d for ids in plan.per_coder.values() for d in ids) == [doc3]
    with qtbot.waitSignal(asg.applied):
        assert asg.apply()
    prog = ProgressDialog(proj)
    qtbot.addWidget(prog)
    rows = {r["coder"]: r for r in prog.refresh()}
    assert rows["mona"]["done"] == 2 and prog.table.rowCount() == len(rows)
    # a bad coder list is a one-line message, not a traceback
    asg.coders.setText("mona, mona")
    assert asg.preview() is None and "\n" not in messages[-1]


def test_menu_installs_in_one_line(qtbot, proj, monkeypatch):
    win = QMainWindow()
    qtbot.addWidget(win)
    win.coder = "sara"
    menu = install_supervisor_menu(win, win.menuBar(), lambda: proj, QUndoStack(win),
                                   doc_getter=lambda: proj.doc)
    assert len(menu.actions) == 7
    menu._enable()
    editor = menu.codebook_editor()  # the codebook editor, on the desk's project
    qtbot.addWidget(editor)
    assert editor.project is proj and editor.author == "sara"
    editor.close()
    assert all(a.isEnabled() for a in menu.actions.values())
    dlg = menu.compare()
    qtbot.addWidget(dlg)
    assert dlg.view.doc_id == proj.doc and dlg.view.adjudicator.decided_by == "sara"
    agreement = menu.agreement()
    qtbot.addWidget(agreement)
    qtbot.waitUntil(lambda: agreement.view.report is not None, timeout=15000)
    for d in (dlg, agreement):
        d.close()
