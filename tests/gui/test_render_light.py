"""`annotator render` reads the project through the light reader (issue 10: start-up was
most of its time): the pages are the ones drawn from Project, the command loads neither
SQLAlchemy nor the desk, and a damaged project is still one line naming the file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from annotator.cli import main as cli_main
from annotator.core.importers import read_path
from annotator.core.project import Project
from annotator.core.read_light import ProjectReader
from annotator.gui.render import application, render_document
from annotator.resources import SAMPLE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def coded(tmp_path, qapp):
    application()
    path = tmp_path / "coded.annot"
    with Project.create(path) as p:
        p.add_documents(read_path(SAMPLE / "000_cbfbf9d43873636c.txt"))
        text = p.text(1)
        for cat, quote in (("source", "صحيفة الجارديان البريطانية"),
                           ("claim", "أكدت أن عددًا كبيرًا من مقاتلي التنظيم"),
                           ("claim", "صحيفة الجارديان")):  # an overlap: lanes
            s = text.index(quote)
            p.add_annotation(1, "Mona", cat, s, s + len(quote))
    return path


def test_pages_from_the_reader_are_the_pages_from_project(coded, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with Project.open(coded, readonly=True) as p:
        theirs = render_document(p, 1, tmp_path / "a" / "page.png")
    with ProjectReader.open(coded) as r:
        ours = render_document(r, 1, tmp_path / "b" / "page.png")
    assert [f.name for f in ours] == [f.name for f in theirs]
    for a, b in zip(ours, theirs, strict=True):
        assert QImage(str(a)) == QImage(str(b)), a.name


# what the render command has no use for: the ORM, migrations, the write lock, the desk,
# its translations, suggestions, exporters
HEAVY = ("sqlalchemy", "alembic", "filelock", "yaml", "annotator.core.project",
         "annotator.core.db", "annotator.core.models", "annotator.core.suggest",
         "annotator.core.exporters", "annotator.gui.app", "annotator.gui.i18n",
         "annotator.gui.article_view", "annotator.gui.main_window")


def test_render_loads_no_heavy_module(coded, tmp_path):
    out = tmp_path / "out.pdf"
    code = ("import sys\nfrom annotator.cli import main\n"
            f"assert main(['render', {str(coded)!r}, '--doc', '1', '--out', {str(out)!r}]) == 0\n"
            "print('\\n'.join(sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    mods = set(r.stdout.split())
    assert "annotator.core.read_light" in mods and out.read_bytes().startswith(b"%PDF")
    loaded = sorted(m for m in mods if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert not loaded, loaded


@pytest.mark.parametrize("statement,what", [
    ("DROP TABLE annotations", "table annotations missing"),
    ("UPDATE documents SET published = 'x'", "published 'x' is not a date and time"),
    ("UPDATE alembic_version SET version_num = '9999_future'", "made by a newer version"),
    ("UPDATE alembic_version SET version_num = '0004'", "open it for writing to upgrade"),
])
def test_render_of_a_damaged_or_foreign_project_is_one_line(coded, tmp_path, capsys,
                                                             statement, what):
    con = sqlite3.connect(coded)
    con.execute(statement)
    con.commit()
    con.close()
    out = tmp_path / "x.pdf"
    assert cli_main(["render", str(coded), "--doc", "1", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {coded}: ") and what in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
