"""Render (checked by pixels), the render/open commands, and starting the desk: the demo
project, the coder's name, the last project."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from annotator.cli import main as cli_main
from annotator.core.importers import read_path
from annotator.core.project import Project
from annotator.gui import app as desk_app
from annotator.gui.highlighter import blend
from annotator.gui.render import HEADER_H, PAGE_H, WIDTH, Article, render_document
from annotator.resources import SAMPLE

SEED = SAMPLE / "000_cbfbf9d43873636c.txt"


@pytest.fixture
def seed(tmp_path, qapp):
    desk_app.setup("en")
    path = tmp_path / "seed.annot"
    with Project.create(path) as p:
        p.add_documents(read_path(SEED))
        text = p.text(1)
        spans = {
            "source": "صحيفة الجارديان البريطانية",
            "claim": "أكدت أن عددًا كبيرًا من مقاتلي التنظيم",
            "reliability": "مواقع عراقية",
        }
        for cat, quote in spans.items():
            s = text.index(quote)
            p.add_annotation(1, "Mona", cat, s, s + len(quote))
    return path


def _ink(img: QImage, x0: int, x1: int, y0: int, y1: int) -> int:
    """Dark (text) pixels in a box of a 2x image given in 1x coordinates."""
    n = 0
    for y in range(y0 * 2, y1 * 2, 2):
        for x in range(x0 * 2, x1 * 2, 2):
            if img.pixelColor(x, y).lightness() < 110:
                n += 1
    return n


def test_render_png_right_aligns_arabic_and_puts_highlights_on_the_spans(seed, tmp_path):
    out = tmp_path / "seed.png"
    with Project.open(seed, readonly=True) as p:
        page = render_document(p, 1, out)[0]
        article = Article(p, 1, None)
        text = p.text(1)
        cb = p.codebook()
    assert page == tmp_path / "seed-1.png"
    img = QImage(str(page))
    width = img.width() // 2
    assert width == WIDTH and img.height() // 2 == PAGE_H  # A4 proportions
    # The headline is a short paragraph: ink near the right edge, its left quarter blank.
    _x, top, bottom = article.point_of(0)
    y0, y1 = HEADER_H + int(top) + 4, HEADER_H + int(bottom) - 4
    assert _ink(img, width - 120, width - 18, y0, y1) > 20
    assert _ink(img, 0, width // 4, y0, y1) == 0
    # The middle of each span shows its category's highlight colour.
    for a in article.anns:
        x, top, bottom = article.point_of((a.start + a.end) // 2)
        colour = blend([cb.category(a.category).color])
        found = sum(1 for y in range(int(top) + 2, int(bottom) - 2)
                    for x2 in range(int(x) - 8, int(x) + 8)
                    if img.pixelColor(x2 * 2, (y + HEADER_H) * 2) == colour)
        assert found > 10, (a.category, text[a.start:a.end])
    # ...and an unannotated paragraph does not.
    x, top, bottom = article.point_of(text.index("وتضمنت الوثائق") + 3)
    highlights = {blend([c.color]).rgb() for c in cb.categories}
    assert not any(img.pixelColor(x2 * 2, (y + HEADER_H) * 2).rgb() in highlights
                   for y in range(int(top) + 2, int(bottom) - 2)
                   for x2 in range(int(x) - 8, int(x) + 8))


def test_render_pdf_and_the_cli(seed, tmp_path, capsys):
    pdf = tmp_path / "seed.pdf"
    assert cli_main(["render", str(seed), "--doc", "1", "--coder", "Mona", "--out",
                     str(pdf)]) == 0
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert cli_main(["render", str(seed), "--doc", "1", "--out", str(tmp_path / "x.svg")]) == 1
    assert cli_main(["render", str(seed), "--doc", "99", "--out", str(tmp_path / "x.png")]) == 1
    err = capsys.readouterr().err
    assert "png or .pdf" in err and "no document" in err and "Traceback" not in err


def test_first_start_builds_the_demo_project_in_the_data_folder(tmp_path, qapp):
    store = desk_app.settings()
    p = desk_app.open_start_project(None, store)
    try:
        assert p.path == desk_app.data_dir() / desk_app.DEMO_NAME
        assert str(p.path).startswith(str(tmp_path))  # XDG_DATA_HOME of the test
        docs = p.documents()
        assert len(docs) == 3
        seed_doc = next(d for d in docs if d.published and d.published.year == 2017)
        assert seed_doc.author == "محمد الشرقاوي"
        assert "رحلة الهروب الجماعي" in seed_doc.title
        assert {c.key for c in p.codebook().categories} >= {"claim", "source"}
    finally:
        p.close()
    again = desk_app.open_start_project(None, store)  # opened, not rebuilt
    assert len(again.documents()) == 3
    again.close()


def test_run_opens_the_project_and_remembers_it(tmp_path, qapp, project):
    path = project.path
    project.close()
    closer = QTimer()
    closer.setSingleShot(True)
    closer.timeout.connect(QApplication.closeAllWindows)
    closer.start(200)
    assert desk_app.run(path) == 0  # coder from ANNOTATOR_CODER: no dialog
    store = desk_app.settings()
    assert store.value("lastProject") == str(path.resolve())
    assert store.value("coder") == "Mona"
    p = desk_app.open_start_project(None, store)
    assert p.path.resolve() == path.resolve()
    p.close()


def test_open_command_starts_the_desk(tmp_path, qapp, project, monkeypatch):
    seen = {}
    monkeypatch.setattr(desk_app, "run", lambda path, coder=None: seen.update(
        path=path, coder=coder) or 0)
    assert cli_main(["open", str(project.path), "--coder", "Ali"]) == 0
    assert seen == {"path": project.path, "coder": "Ali"}


def test_shipped_font_loads(qapp):
    families = desk_app.load_fonts()
    assert "Noto Naskh Arabic" in families


def test_blend_darkens_with_each_layer():
    one, two = blend(["#8ec5ff"]), blend(["#8ec5ff", "#ffb347"])
    assert one != two and two.lightness() < one.lightness()
    assert QColor(blend([])) == QColor("#ffffff")


def test_no_display_is_one_line_not_a_core_dump(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_DATA_HOME"] = str(tmp_path)
    r = subprocess.run([sys.executable, "-m", "annotator"], capture_output=True, text=True,
                       env=env, timeout=60)
    assert r.returncode == 1
    assert r.stderr.startswith("error: no display") and len(r.stderr.splitlines()) == 1
