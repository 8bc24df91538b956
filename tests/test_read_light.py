"""The light reader `render` uses (core.read_light, plain sqlite3): the same records as
Project, field for field; the same refusals with the same words (a schema older or newer
than this version's is never read); damage as one line naming the file; one snapshot."""

from __future__ import annotations

import sqlite3
from dataclasses import fields, replace
from datetime import datetime

import pytest

from annotator.core.codebook import GroupDef
from annotator.core.errors import NotFoundError, ProjectError
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project
from annotator.core.read_light import ProjectReader

TEXT = "قالت صحيفة الجارديان إن John Smith غادر الموصل في 2017. وأكدت مواقع عراقية ذلك."


def span(word):
    s = TEXT.index(word)
    return s, s + len(word)


@pytest.fixture
def rich(tmp_path):
    """Two coders, attributes, a note and a flag, a deleted span, a status, metadata, a
    publication date, a retired category that still has a span, nested groups."""
    path = tmp_path / "rich.annot"
    with Project.create(path) as p:
        p.add_documents([
            ImportedDocument(text=TEXT, title="مقال", author="كاتب", outlet="الجريدة",
                             published=datetime(2017, 3, 4, 5, 6, 7), url="https://x.example",
                             source_file="a.txt", meta={"row": 3, "source_id": "A-1"}),
            ImportedDocument(text="نص ثان قصير.", title="second", language="en")])
        c = p.add_annotation(1, "mona", "claim", *span("غادر الموصل"),
                             attrs={"claim_type": "factual"})
        s = p.add_annotation(1, "mona", "source", *span("الجارديان"),
                             attrs={"name": "الجارديان", "named": True})
        p.set_note(c.uuid, "راجع هذا")
        p.set_flag(s.uuid, True)
        gone = p.add_annotation(1, "ali", "claim", *span("John Smith"))
        p.delete_annotation(gone.uuid)
        p.add_annotation(1, "ali", "reliability", *span("مواقع عراقية"))
        p.add_annotation(1, "ali", "source", *span("الجارديان"))
        p.set_status(1, "mona", "done")
        cb = p.codebook()
        p.set_codebook(replace(
            cb, categories=[replace(x, group="sub" if x.key == "claim" else None)
                            for x in cb.categories if x.key != "reliability"],
            relations=[r for r in cb.relations if r.key != "rates"],
            groups=[GroupDef("top", "مجموعة", "Top"),
                    GroupDef("sub", "فرعية", "Sub", parent="top")]))
    return path


def test_the_reader_hands_out_what_project_does(rich):
    with Project.open(rich, readonly=True) as p, ProjectReader.open(rich) as r:
        assert r.codebook() == p.codebook()
        assert "reliability" not in {c.key for c in r.codebook().categories}  # retired
        assert r.codebook().category("claim").group == "sub"
        assert [g.parent for g in r.codebook().groups] == [None, "top"]
        assert r.coders() == p.coders()
        for doc in (1, 2):
            ours, theirs = r.document(doc), p.document(doc)
            for f in fields(ours):  # meta, counts and status compare=False: check them too
                assert getattr(ours, f.name) == getattr(theirs, f.name), f.name
            assert r.text(doc) == p.text(doc)
            for kw in ({}, {"coder": "mona"}, {"coder": "ali"}, {"include_deleted": True},
                       {"coder": "nobody"}):
                mine, project = r.annotations(doc, **kw), p.annotations(doc, **kw)
                assert [vars(a) for a in mine] == [vars(a) for a in project], kw
        assert r.document(1).published == datetime(2017, 3, 4, 5, 6, 7)
        assert len(r.annotations(1)) == 4  # the retired category's span is still there
        with pytest.raises(NotFoundError, match="no document with id 9"):
            r.document(9)
        with pytest.raises(NotFoundError, match="no document with id 9"):
            r.text(9)


def tamper(path, *statements):
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=OFF")
    for st in statements:
        con.execute(st)
    con.commit()
    con.close()


def _refusal(opener, path) -> str:
    with pytest.raises(ProjectError) as info:
        opener(path).close()
    return str(info.value)


def _make_other(path):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE foo (x)")
    con.commit()
    con.close()


def _truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 3])


REFUSED = [
    ("no file", lambda p: p.unlink()),
    ("a folder", lambda p: (p.unlink(), p.mkdir())),
    ("not SQLite", lambda p: p.write_text("hello")),
    ("another database", lambda p: (p.unlink(), _make_other(p))),
    ("newer schema",
     lambda p: tamper(p, "UPDATE alembic_version SET version_num = '9999_future'")),
    ("older schema", lambda p: tamper(p, "UPDATE alembic_version SET version_num = '0004'")),
    ("not stamped", lambda p: tamper(p, "DELETE FROM alembic_version")),
    ("two revisions", lambda p: tamper(p, "INSERT INTO alembic_version VALUES ('0001')")),
    ("no project record", lambda p: tamper(p, "DELETE FROM project")),
    ("truncated", _truncate),
]


@pytest.mark.parametrize("spoil", [s for _, s in REFUSED], ids=[n for n, _ in REFUSED])
def test_the_reader_refuses_what_project_open_refuses_in_the_same_words(rich, spoil):
    spoil(rich)
    before = rich.read_bytes() if rich.is_file() else None
    expected = _refusal(lambda p: Project.open(p, readonly=True), rich)
    assert _refusal(ProjectReader.open, rich) == expected
    assert str(rich) in expected
    if before is not None:  # a reader never upgrades nor repairs
        assert rich.read_bytes() == before


DAMAGED = [
    ("DROP TABLE annotations", "table annotations missing"),
    ("DROP TABLE document_texts", "table document_texts missing"),
    ("UPDATE documents SET published = 'yesterday' WHERE id = 1",
     "document 1: published 'yesterday' is not a date and time"),
    ("UPDATE annotations SET attrs = '{not json'", "its attributes are not JSON"),
    ("UPDATE documents SET meta = '[1,' WHERE id = 1", "document 1: its metadata is not JSON"),
    ("UPDATE attributes SET \"values\" = '{\"a\": 1}' WHERE key = 'claim_type'",
     "attribute claim_type: its values are not a list of values"),
    # values of the wrong type: each was drawn until Qt raised (and then crashed on exit)
    ("UPDATE documents SET title = X'ff' WHERE id = 1", "document 1: title is not text"),
    ("UPDATE document_texts SET text = X'00ff' WHERE document_id = 1",
     "document 1: its text is not text"),
    ("UPDATE documents SET length = 'long' WHERE id = 1",
     "document 1: length 'long' is not a whole number"),
    ("UPDATE annotations SET start = 'abc'", "is not a span of the text"),
    ("UPDATE annotations SET start = -5", "-5-"),
    ("UPDATE annotations SET quote = X'ff'", "quote is not text"),
    ("UPDATE categories SET key = X'ff' WHERE key = 'claim'", "is not text"),
    ("UPDATE categories SET name_en = X'ff' WHERE key = 'claim'",
     "category 'claim': name_en is not text"),
    ("UPDATE category_groups SET name_ar = X'ff'", "group 'top': name_ar is not text"),
    ("UPDATE category_groups SET parent = X'ff' WHERE key = 'sub'",
     "group 'sub': parent is not text"),
    ("UPDATE relation_types SET to_category = X'00'", "to_category is not text"),
    ("UPDATE project SET codebook_version = 'x'",
     "project: codebook_version 'x' is not a whole number"),
    ("UPDATE document_texts SET text = printf('%.*c', 11000000, 'x') WHERE document_id = 1",
     "document 1: its text is 11,000,000 characters"),
]


@pytest.mark.parametrize("statement,what", DAMAGED, ids=[w for _, w in DAMAGED])
def test_damage_met_while_reading_is_one_line_naming_the_file(rich, statement, what):
    tamper(rich, statement)
    with pytest.raises(ProjectError) as info:
        with ProjectReader.open(rich) as r:
            r.codebook()
            r.document(1)
            r.text(1)
            r.annotations(1)
    assert str(info.value).startswith(f"{rich}: damaged project file (")
    assert what in str(info.value)


def test_reads_see_one_snapshot_while_the_coder_writes(rich):
    with Project.open(rich) as writer, ProjectReader.open(rich) as r:
        before = r.annotations(1)
        writer.add_annotation(1, "mona", "claim", *span("John Smith"))
        assert r.annotations(1) == before  # the same snapshot to the end of the read
        assert r.document(1).annotations == {"mona": 2, "ali": 2}
    with ProjectReader.open(rich) as r:
        assert len(r.annotations(1)) == len(before) + 1


@pytest.mark.parametrize("name", ["مشروع #1 100%.annot", "a?b.annot"])
def test_file_names_with_uri_characters(tmp_path, rich, name):
    path = tmp_path / name
    path.write_bytes(rich.read_bytes())
    with ProjectReader.open(path) as r:
        assert r.text(1) == TEXT


@pytest.mark.parametrize("statement,what", DAMAGED[6:], ids=[w for _, w in DAMAGED[6:]])
def test_render_of_a_damaged_file_is_one_line_and_writes_nothing(rich, tmp_path, statement,
                                                                 what):
    """`annotator render` in its own process (a Qt error mid-drawing crashed it on exit),
    without touching the project."""
    import os
    import subprocess
    import sys

    tamper(rich, statement)
    before = rich.read_bytes()
    out = tmp_path / "page.png"
    run = subprocess.run([sys.executable, "-m", "annotator", "render", str(rich), "--doc",
                          "1", "--out", str(out), "--page", "1"], capture_output=True,
                         text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 1, run.stderr
    assert run.stderr.startswith(f"error: {rich}: damaged project file (")
    assert what in run.stderr and run.stderr.count("\n") == 1, run.stderr
    assert not out.exists() and rich.read_bytes() == before


@pytest.mark.parametrize("args", [["render", "{f}", "--doc", "1", "--out", "{d}/o.png"],
                                  ["docs", "{f}"], ["check", "{f}"],
                                  ["merge", "{p}", "{f}"],
                                  ["codebook", "{p}", "--import", "{d}/book.yaml"]])
def test_a_fifo_where_a_file_belongs_is_refused_not_waited_on(rich, tmp_path, args):
    """Opening a named pipe to read its header waits for a writer that never comes: every
    command hung on a project (or codebook) that is a FIFO."""
    import os
    import subprocess
    import sys

    fifo = tmp_path / "pipe.annot"
    os.mkfifo(fifo)
    os.mkfifo(tmp_path / "book.yaml")
    argv = [a.format(f=fifo, p=rich, d=tmp_path) for a in args]
    run = subprocess.run([sys.executable, "-m", "annotator", *argv], capture_output=True,
                         text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 1, run.stderr
    assert run.stderr.count("\n") == 1 and "not a regular file" in run.stderr, run.stderr


def test_a_hot_journal_left_beside_the_file_is_named_not_called_read_only(rich, capsys):
    """A program that stopped mid-write in rollback-journal mode leaves FILE-journal; a
    read-only open cannot roll it back, and every reading command said the writable file
    "is read-only; fix the permissions"."""
    import subprocess
    import sys

    from annotator.cli import main

    subprocess.run([sys.executable, "-c", (
        "import os, sqlite3\n"
        f"c = sqlite3.connect({str(rich)!r})\n"
        "c.execute('PRAGMA journal_mode=DELETE').fetchone(); c.commit()\n"
        "c.execute('BEGIN'); c.execute(\"UPDATE documents SET title = 'half'\")\n"
        "c.execute('PRAGMA cache_size=1')\n"
        "c.execute(\"CREATE TABLE filler AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL \"\n"
        "          \"SELECT i + 1 FROM n WHERE i < 20000) SELECT printf('%.*c', 200, 'x') \"\n"
        "          \"AS v FROM n\")\n"
        "os._exit(0)\n")], check=True)
    journal = rich.with_name(rich.name + "-journal")
    assert journal.exists()
    for args in (["docs", str(rich)], ["check", str(rich)]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "read-only" not in err, err
        assert f"{journal.name}" in err and "open it for writing once" in err, err
    with pytest.raises(ProjectError, match="half-written"):
        ProjectReader.open(rich)
    with Project.open(rich) as p:  # for writing: SQLite rolls the change back
        assert p.document(1).title == "مقال" and p.check() == []
    assert not journal.exists()
