"""Render a long article as A4 pages (issue 10, item 14): PNG pages any image reader
opens (Qt's own refused the one 94 MB image of the whole article), --page N, --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from annotator.cli import main as cli_main
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project
from annotator.gui import app as desk_app

ROOT = Path(__file__).resolve().parents[2]
PARA = ("وأكدت صحيفة الجارديان البريطانية أن الوثائق التي حصلت عليها القوات العراقية تكشف "
        "تفاصيل جديدة عن مقاتلي التنظيم. وقال المتحدث John Smith إن العدد بلغ 120 مقاتلاً.")


@pytest.fixture
def long_project(tmp_path, qapp):
    desk_app.setup("en")
    path = tmp_path / "long.annot"
    text = "\n\n".join([PARA] * 400)  # about 70,000 characters: many pages
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=text, title="مقال طويل")])
        for i in range(0, 400, 7):
            s = text.index("صحيفة الجارديان", i * (len(PARA) + 2))
            p.add_annotation(1, "Mona", "source", s, s + len("صحيفة الجارديان"))
            p.add_annotation(1, "Mona", "claim", s, s + len("صحيفة الجارديان البريطانية"))
    return path


def test_a_long_article_becomes_a4_png_pages(long_project, tmp_path, capsys):
    out = tmp_path / "long.png"
    assert cli_main(["render", str(long_project), "--doc", "1", "--out", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    pages = sorted(tmp_path.glob("long-*.png"), key=lambda f: int(f.stem.split("-")[1]))
    assert len(pages) > 5 and printed == [str(f) for f in pages]
    assert not out.exists()
    for f in pages:
        img = QImage(str(f))
        assert not img.isNull(), f
        assert abs(img.height() / img.width() - 297 / 210) < 0.01
    # every page has text (no empty page between), the last one the legend
    first, last = QImage(str(pages[0])), QImage(str(pages[-1]))
    assert _dark(first) > 1000 and _dark(last) > 100


def test_page_n_writes_that_page_alone(long_project, tmp_path, capsys):
    out = tmp_path / "p3.png"
    assert cli_main(["render", str(long_project), "--doc", "1", "--page", "3", "--out",
                     str(out)]) == 0
    assert capsys.readouterr().out.split() == [str(out)]
    assert not QImage(str(out)).isNull()
    assert list(tmp_path.glob("p3-*.png")) == []
    assert cli_main(["render", str(long_project), "--doc", "1", "--page", "999", "--out",
                     str(out)]) == 1
    err = capsys.readouterr().err
    assert "no page 999" in err and "Traceback" not in err


def test_pdf_of_a_long_article_has_pages(long_project, tmp_path):
    out = tmp_path / "long.pdf"
    assert cli_main(["render", str(long_project), "--doc", "1", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + \
        data.count(b"/Type /Page ") + data.count(b"/Type/Page") > 5


def test_help_says_pages():
    r = subprocess.run([sys.executable, "-m", "annotator", "render", "--help"],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0
    assert "FILE-1.png" in r.stdout and "--page" in r.stdout


def _dark(img: QImage) -> int:
    return sum(1 for y in range(0, img.height(), 4) for x in range(0, img.width(), 4)
               if img.pixelColor(x, y).lightness() < 110)
