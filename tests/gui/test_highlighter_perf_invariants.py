"""The article view's fast paths give what Qt would give: paragraph starts computed from the
stored text, offsets converted in bulk, formats laid straight into the paragraphs' layouts
(no QSyntaxHighlighter, so setPlainText never calls back into Python)."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QSyntaxHighlighter, QTextDocument

from annotator.core.codebook import default_codebook
from annotator.core.records import AnnotationInfo
from annotator.core.text import OffsetMap
from annotator.gui.highlighter import block_starts

from .conftest import ARTICLE

TEXTS = {
    "desk article": ARTICLE,
    "astral and breaks": ("😀𝐀 أول\n\nثانٍ 😀 في الوسط\u2029ثالث 𝐀𝐀\n\n\nرابع John 😀"
                          "\u2028 سطر\nأخير 😀"),
    "leading and trailing breaks": "\n\n😀 نص\n",
    "one paragraph": "فقرة واحدة بلا فواصل 😀 ولا شيء آخر",
    "empty": "",
}


def qt_starts(doc: QTextDocument) -> list[int]:
    out, block = [], doc.begin()
    while block.isValid():
        out.append(block.position())
        block = block.next()
    return out


@pytest.mark.parametrize("name", TEXTS)
def test_block_starts_from_the_text_equal_the_documents(name):
    text = TEXTS[name]
    doc = QTextDocument()
    doc.setPlainText(text)
    assert block_starts(text, OffsetMap.for_text(text)) == qt_starts(doc)


def test_block_starts_leave_carriage_returns_to_the_document(qtbot):
    from annotator.gui.article_view import ArticleView

    text = "أول\r\nثانٍ 😀\rثالث"
    assert block_starts(text, OffsetMap.for_text(text)) is None
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(text, "ar", [])
    assert view.highlighter._starts == qt_starts(view.document())


def test_reset_ignores_starts_the_document_disagrees_with(qtbot):
    from annotator.gui.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    view.setPlainText("أ\nب\nج")
    for wrong in ([0, 2], [0, 2, 5], [0, 2, 4, 6]):  # a paragraph too few or many, moved
        view.highlighter.reset([], starts=wrong)
        assert view.highlighter._starts == [0, 2, 4]


@pytest.mark.parametrize("astral", [False, True])
def test_to_qt_many_equals_to_qt(astral):
    rng = random.Random(3)
    text = "".join(rng.choice("ابت 😀\n𝐀" if astral else "ابت \n") for _ in range(2_000))
    m = OffsetMap.for_text(text)
    offsets = [rng.randrange(len(text) + 1) for _ in range(500)] + [0, len(text)]
    assert m.to_qt_many(offsets) == [m.to_qt(p) for p in offsets]
    assert m.to_qt_many([]) == []


# --- segments and formats against a brute-force reference ----------------------------------

def random_annotations(text: str, n: int, seed: int) -> list[AnnotationInfo]:
    rng = random.Random(seed)
    cats = [c.key for c in default_codebook().categories if c.kind == "span"][:4]
    out = []
    for i in range(n):
        s = rng.randrange(len(text))
        e = min(len(text), s + rng.choice([1, 3, 8, 20, 60, 200]))  # some cross paragraphs
        out.append(AnnotationInfo(i + 1, f"u{i}", 1, "c", rng.choice(cats), s, e, text[s:e]))
    out.append(AnnotationInfo(0, "all", 1, "c", cats[0], 0, len(text), text))
    return out


def reference(view, n: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Segments of block n, one UTF-16 unit at a time, from spans converted one by one."""
    order = {c.key: i for i, c in enumerate(view.codebook.categories)}
    block = view.document().findBlockByNumber(n)
    base, length = block.position(), block.length() - 1
    spans = [(view.map.to_qt(a.start), view.map.to_qt(a.end), a.category)
             for a in view.annotations.values()]
    segs: list[tuple[int, int, tuple[str, ...]]] = []
    for p in range(base, base + length):
        cats = tuple(sorted((c for s, e, c in spans if s <= p < e), key=order.__getitem__))
        if not cats:
            continue
        if segs and segs[-1][1] == p - base and segs[-1][2] == cats:
            segs[-1] = (segs[-1][0], p - base + 1, cats)
        else:
            segs.append((p - base, p - base + 1, cats))
    return segs


def assert_painted_as_reference(view) -> None:
    hl = view.highlighter
    block = view.document().begin()
    while block.isValid():
        n = block.blockNumber()
        want = reference(view, n)
        assert hl.segments(n) == want, n
        formats = block.layout().formats()
        assert [(f.start, f.start + f.length) for f in formats] == [s[:2] for s in want], n
        assert [f.format.background().color() for f in formats] == \
            [hl.format_for(s[2]).background().color() for s in want], n
        block = block.next()


@pytest.fixture
def view(qtbot):
    from annotator.gui.article_view import ArticleView

    v = ArticleView()
    qtbot.addWidget(v)
    v.set_codebook(default_codebook())
    return v


@pytest.mark.parametrize("name", [k for k in TEXTS if TEXTS[k]])
def test_segments_and_formats_match_a_brute_force_reference(view, name):
    text = TEXTS[name]
    view.set_article(text, "ar", random_annotations(text, 40, seed=len(text)))
    view.highlighter.ensure_all()
    assert_painted_as_reference(view)
    # changes after the first paint, including spans crossing paragraphs
    anns = random_annotations(text, 12, seed=99)
    for a in anns[:6]:
        view.put(AnnotationInfo(a.id + 100, f"new{a.uuid}", 1, "c", a.category,
                                a.start, a.end, a.quote))
    view.drop("all")
    for k in list(view.annotations)[:5]:
        view.drop(k)
    assert_painted_as_reference(view)
    view.set_zoom(3)  # relayout keeps the formats
    assert_painted_as_reference(view)


def test_loading_formats_nothing_until_painted(qtbot, view):
    assert not view.document().findChildren(QSyntaxHighlighter)  # no callback per block
    text = TEXTS["astral and breaks"]
    view.set_article(text, "ar", random_annotations(text, 30, seed=1))
    block = view.document().begin()
    while block.isValid():
        assert block.layout().formats() == []
        block = block.next()
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.document().firstBlock().layout().formats() != [])
    assert view.highlighter.segments(0) == reference(view, 0)


def test_a_new_article_keeps_none_of_the_old_formats(view):
    text = TEXTS["desk article"]
    view.set_article(text, "ar", random_annotations(text, 20, seed=5))
    view.highlighter.ensure_all()
    assert view.document().firstBlock().layout().formats()
    view.set_article(text, "ar", [])
    view.highlighter.ensure_all()
    block = view.document().begin()
    while block.isValid():
        assert block.layout().formats() == []
        assert view.highlighter.segments(block.blockNumber()) == []
        block = block.next()
