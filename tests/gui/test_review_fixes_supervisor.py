"""Fixes from the first-day UX review of the supervisor's windows: every line of a
disagreement readable in Arabic, lane numbers beside their own names, quotes isolated with
their guillemets, gold decisions out of the desk's undo, a comparison that opens where
there is something to compare, translated reasons and isolated numbers in the agreement
figures, Western digits in the Assign dialog."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QTextDocument, QTextLayout, QTextOption, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStyle

from annotator.core.adjudication import GOLD
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project
from annotator.gui import i18n
from annotator.gui.supervisor import (
    AgreementView,
    ComparisonView,
    chart,
    common,
    install_supervisor_menu,
)
from annotator.gui.supervisor.team_dialogs import AssignmentDialog

TEXT = ("قالت صحيفة الجارديان 😀 إن John Smith غادر الموصل. وأكدت مواقع عراقية ذلك الخبر، "
        "فيما نفى المتحدث باسم وزارة الداخلية الأمر.")
LONELY = "مقال لم يرمّزه إلا مرمّز واحد."
FSI, LRI, RLI, PDI, LRM, RLM = "\u2068", "\u2066", "\u2067", "\u2069", "\u200e", "\u200f"


def span(word, text=TEXT):
    s = text.index(word)
    return s, s + len(word)


@pytest.fixture
def proj(tmp_path):
    p = Project.create(tmp_path / "team.annot")
    [lonely] = p.add_documents([ImportedDocument(text=LONELY, title="وحيد")]).added
    [doc] = p.add_documents([ImportedDocument(text=TEXT, title="الموصل")]).added
    p.add_annotation(lonely, "mona", "claim", *span("مقال", LONELY))   # one coder only
    for c in ("mona", "ali"):
        p.add_annotation(doc, c, "claim", *span("غادر الموصل"))                # agreed
        p.add_annotation(doc, c, "source", *span("المتحدث باسم وزارة الداخلية"))  # agreed
    p.add_annotation(doc, "mona", "source", *span("الجارديان"))
    p.add_annotation(doc, "ali", "source", *span("صحيفة الجارديان"))
    p.add_annotation(doc, "ali", "source", *span("John Smith"))
    p.add_annotation(doc, "mona", "source", *span("مواقع عراقية"))
    for c in ("mona", "ali"):
        p.set_status(doc, c, "done")
    p.doc, p.lonely = doc, lonely
    yield p
    QThreadPool.globalInstance().waitForDone(10000)
    p.close()


@pytest.fixture
def arabic():
    i18n.install("ar")
    yield
    i18n.install("en")


def comparison(qtbot, proj, stack=None):
    view = ComparisonView(proj, proj.doc, undo_stack=stack or QUndoStack(), decided_by="sara")
    qtbot.addWidget(view)
    view.resize(1180, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def shows_every_line(text: str, font, width: float, max_height: float, direction) -> bool:
    """Whether Qt's item drawing shows every line: it lays the text out line by line and
    stops (eliding) after a line when the height so far plus that line's height again
    would not fit in the item."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WordWrap)
    opt.setTextDirection(direction)
    layout.setTextOption(opt)
    layout.beginLayout()
    heights = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        heights.append(line.height())
    layout.endLayout()
    so_far = 0.0
    for i, h in enumerate(heights):
        so_far += h
        if i < len(heights) - 1 and so_far + h > max_height:
            return False
    return so_far <= max_height


# --- 1. every line of a disagreement shows in Arabic -------------------------------------

def test_arabic_disagreement_items_are_tall_enough_for_every_line(qtbot, proj, arabic):
    view = comparison(qtbot, proj)
    assert view.layoutDirection() == Qt.RightToLeft
    lst = view.list
    margin = lst.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, lst) + 1
    assert lst.count() == 3
    for width in (1180, 900):
        view.resize(width, 760)
        qtbot.wait(50)
        for i in range(lst.count()):
            item = lst.item(i)
            text = item.text()
            assert len(text.split("\n")) >= 4
            assert text.split("\n")[-1].lstrip(RLM) == "لم يُحسم"     # the decision state
            rect = lst.visualItemRect(item)
            assert shows_every_line(text, lst.font(), rect.width() - 2 * margin,
                                    rect.height(), Qt.RightToLeft), (width, i, rect)


# --- 2. the lane legend pairs each number with its own name --------------------------------

def visual_centres(html: str, words: list[str], direction) -> list[float]:
    doc = QTextDocument()
    opt = QTextOption()
    opt.setTextDirection(direction)
    doc.setDefaultTextOption(opt)
    doc.setHtml(html)
    doc.setTextWidth(3000)
    doc.documentLayout().documentSize()   # lays the document out
    block = doc.firstBlock()
    text = block.text()
    assert block.layout().lineCount() == 1
    line = block.layout().lineAt(0)
    out, at = [], 0
    for w in words:
        i = text.index(w, at)
        at = i + len(w)
        xs = [line.cursorToX(k)[0] for k in range(i, i + len(w) + 1)]
        out.append((min(xs) + max(xs)) / 2)
    return out


def test_arabic_legend_keeps_each_number_beside_its_name(qtbot, proj, arabic):
    view = comparison(qtbot, proj)
    legend = view.legend.text()
    assert view.article.lanes == ["ali", "mona", GOLD]
    assert f"{RLI}<b>1</b> ali{PDI}{RLM} {RLI}<b>2</b> mona{PDI}{RLM} {RLI}<b>3</b> " in legend
    first_line = legend.split("<br>")[0]
    x1, xa, x2, xm = visual_centres(first_line, ["1", "ali", "2", "mona"], Qt.RightToLeft)
    # read from the right: 1 ali, 2 mona
    assert x1 > xa > x2 > xm


def test_english_legend_reads_left_to_right(qtbot, proj):
    view = comparison(qtbot, proj)
    first_line = view.legend.text().split("<br>")[0]
    assert f"{LRI}<b>1</b> ali{PDI}{LRM} {LRI}<b>2</b> mona{PDI}" in first_line
    x1, xa, x2, xm = visual_centres(first_line, ["1", "ali", "2", "mona"], Qt.LeftToRight)
    assert x1 < xa < x2 < xm


# --- 3. quotes isolated with their guillemets, lines marked ------------------------------

@pytest.mark.parametrize("lang, mark", [("en", LRM), ("ar", RLM)])
def test_describe_isolates_whole_quotes_and_marks_every_line(qtbot, proj, lang, mark):
    i18n.install(lang)
    view = comparison(qtbot, proj)
    for i, d in enumerate(view.items, 1):
        for text in (view.describe(d), view.list.item(i - 1).text()):
            lines = text.split("\n")
            assert all(line.startswith(mark) for line in lines), lines
            assert lines[0].startswith(f"{mark}{i}. ") or text == view.describe(d)
            # every quote: FSI « ... » PDI, the guillemets inside the isolate
            assert text.count("«") == text.count(f"{FSI}«") > 0
            assert text.count("»") == text.count(f"»{PDI}") > 0
            assert not re.search(f"«{FSI}|{PDI}»", text)


# --- 4. the comparison's own undo stack ---------------------------------------------------

@pytest.fixture
def desk(qtbot, proj):
    win = QMainWindow()
    qtbot.addWidget(win)
    win.coder = "sara"
    stack = QUndoStack(win)
    doc = {"id": proj.doc}
    menu = install_supervisor_menu(win, win.menuBar(), lambda: proj, stack,
                                   doc_getter=lambda: doc["id"])
    return win, stack, menu, doc


def gold(proj):
    return sorted((a.start, a.end, a.category) for a in proj.annotations(proj.doc, coder=GOLD))


def test_desk_undo_never_touches_gold_decisions(qtbot, proj, desk):
    win, desk_stack, menu, _ = desk
    dlg = menu.compare()
    qtbot.addWidget(dlg)
    qtbot.waitExposed(dlg)
    assert dlg.view.stack is not desk_stack and dlg.stack is dlg.view.stack
    assert dlg.view.accept_all_agreed() == 2
    agreed = gold(proj)
    assert len(agreed) == 2
    assert desk_stack.count() == 0
    # the comparison's own Ctrl+Z / Ctrl+Shift+Z work while it has the focus
    win.show()
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
    dlg.view.article.setFocus()
    qtbot.keyClick(dlg.view.article, Qt.Key_Z, Qt.ControlModifier)
    assert gold(proj) == []
    qtbot.keyClick(dlg.view.article, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert gold(proj) == agreed
    dlg.close()
    # the desk's undo: nothing of the supervisor's on it
    while desk_stack.canUndo():
        desk_stack.undo()
    assert gold(proj) == agreed


# --- 5. compare opens where there is something to compare ---------------------------------

@pytest.fixture
def messages(monkeypatch):
    seen = []

    def capture(parent, title, text, *a, **k):
        seen.append(text)
        return QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "information", capture)
    monkeypatch.setattr(QMessageBox, "warning", capture)
    return seen


def test_compare_on_a_lonely_article_opens_the_first_compared_one(qtbot, proj, desk,
                                                                   messages):
    _, _, menu, doc = desk
    doc["id"] = proj.lonely
    dlg = menu.compare()
    qtbot.addWidget(dlg)
    qtbot.waitExposed(dlg)
    assert dlg.view.doc_id == proj.doc
    assert dlg.view.coders == ["ali", "mona"] and dlg.view.list.count() == 3
    assert dlg.view.notice.isVisible()
    note = dlg.view.notice.text()
    assert str(proj.lonely) in note and str(proj.doc) in note
    assert messages == []
    # choosing another article takes the note away
    dlg.view.load(proj.lonely)
    assert not dlg.view.notice.isVisible()
    dlg.close()
    # the article asked for has two coders: no note
    doc["id"] = proj.doc
    dlg2 = menu.compare()
    qtbot.addWidget(dlg2)
    assert dlg2.view.doc_id == proj.doc and not dlg2.view.notice.isVisibleTo(dlg2)
    dlg2.close()


def test_compare_with_no_compared_article_says_so_in_one_line(qtbot, tmp_path, messages):
    p = Project.create(tmp_path / "alone.annot")
    try:
        [d] = p.add_documents([ImportedDocument(text=LONELY, title="وحيد")]).added
        p.add_annotation(d, "mona", "claim", *span("مقال", LONELY))
        win = QMainWindow()
        qtbot.addWidget(win)
        menu = install_supervisor_menu(win, win.menuBar(), lambda: p, QUndoStack(win),
                                       doc_getter=lambda: d)
        assert menu.compare() is None
        assert messages == ["No article has been annotated by two coders yet."]
    finally:
        p.close()


# --- 6. agreement figures: reasons translated, numbers isolated ---------------------------

def test_chart_reason_is_translated_and_numbers_isolated(qtbot, proj, arabic):
    reason_text, fmt = common.reason_text, common.fmt
    value_text, tick_text, null_text = chart.value_text, chart.tick_text, chart.null_text
    assert reason_text("no spans of this category") == "لا مقاطع من هذه الفئة"
    assert reason_text("a reason the core adds later") == "a reason the core adds later"
    assert value_text(-0.01) == f"{LRI}-0.010{PDI}"
    assert tick_text(-0.2) == f"{LRI}-0.2{PDI}"
    assert fmt(-0.0103) == f"{LRI}-0.010{PDI}"
    assert fmt(0.5) == "0.500"
    view = AgreementView(proj)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.report is not None and not view.busy, timeout=15000)
    english = {e["reasons"].get("alpha_u") for e in view.report["categories"].values()}
    assert "no spans of this category" in english
    nulls = [b for b in view.chart.bars if b.value is None]
    assert nulls and all(b.reason and b.reason not in english for b in nulls)
    assert "لا مقاطع من هذه الفئة" in {b.reason for b in nulls}
    assert null_text(chart.Bar("x", None, "لا مقاطع من هذه الفئة")) == "—  لا مقاطع من هذه الفئة"
    # the table's tooltip for the same null figure, in Arabic too
    m = view.category_model
    row = 1 + list(view.report["categories"]).index("reliability")
    assert m.index(row, m.column_of("alpha_u")).data(Qt.ToolTipRole) == reason_text(
        view.report["categories"]["reliability"]["reasons"]["alpha_u"])
    view.chart.resize(600, 240)
    view.chart.setLayoutDirection(Qt.RightToLeft)
    assert not view.chart.grab().isNull()


# --- 7. Western digits in the Assign dialog -----------------------------------------------

def test_assign_dialog_uses_western_digits_in_arabic(qtbot, proj, arabic):
    dlg = AssignmentDialog(proj)
    qtbot.addWidget(dlg)
    assert dlg.overlap.text() == "20 %"
    assert dlg.seed.text() == "1"
    dlg.seed.setValue(123456)
    assert dlg.seed.text() == "123456"
    assert not re.search("[\u0660-\u0669\u06f0-\u06f9]", dlg.overlap.text() + dlg.seed.text())
