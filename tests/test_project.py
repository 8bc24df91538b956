"""The project file: creation, upgrades, locking, annotations, relations, checks."""

import sqlite3
from datetime import datetime

import pytest

from annotator.core import db
from annotator.core.errors import InputError, ProjectError, ProjectLockedError
from annotator.core.importers.base import ImportedDocument, ImportedSpan
from annotator.core.project import Project

TEXT = "قالت صحيفة الجارديان إن John Smith 😀 غادر الموصل في 2017.\nوأكدت مواقع عراقية ذلك."


@pytest.fixture
def project(tmp_path):
    p = Project.create(tmp_path / "p.annot")
    yield p
    p.close()


def add_doc(p, text=TEXT, **kw):
    report = p.add_documents([ImportedDocument(text=text, title=kw.pop("title", "t"), **kw)])
    return report.added[0]


def test_create_and_reopen_keeps_everything(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path, name="Study") as p:
        doc = add_doc(p, published=datetime(2017, 4, 27, 15, 53), author="محمد الشرقاوي")
        s = TEXT.index("John")
        a = p.add_annotation(doc, "mona", "source", s, s + len("John Smith"),
                             attrs={"name": "John Smith"})
    with Project.open(path) as p:
        assert p.name == "Study"
        [d] = p.documents()
        assert d.published == datetime(2017, 4, 27, 15, 53)
        assert d.author == "محمد الشرقاوي"
        assert d.length == len(TEXT)
        assert d.annotations == {"mona": 1}
        assert d.status == {"mona": "in_progress"}
        [b] = p.annotations(doc)
        assert (b.uuid, b.start, b.end, b.quote) == (a.uuid, a.start, a.end, "John Smith")
        assert b.attrs == {"name": "John Smith"}
        assert p.check() == []


def test_offsets_are_code_points_with_astral_characters(project):
    doc = add_doc(project)
    s = TEXT.index("غادر")
    a = project.add_annotation(doc, "mona", "claim", s, s + 4)
    # 😀 comes before the span: UTF-16 offsets would be one higher
    assert a.quote == "غادر" and a.start == s


def test_span_outside_text_is_refused_and_nothing_stored(project):
    doc = add_doc(project)
    with pytest.raises(InputError, match="outside the text"):
        project.add_annotation(doc, "mona", "claim", 5, len(TEXT) + 1)
    assert project.annotations(doc) == []


def test_same_text_imported_twice_is_not_added_twice(project):
    add_doc(project)
    report = project.add_documents([ImportedDocument(text=TEXT, title="again")])
    assert report.added == [] and len(report.duplicates) == 1
    assert len(project.documents()) == 1


def test_import_batch_is_one_transaction(project):
    good = ImportedDocument(text="نص أول", title="a")
    bad = ImportedDocument(text="نص ثان", title="b", spans=[ImportedSpan(0, 2, "nonsense")])
    with pytest.raises(InputError, match="nonsense"):
        project.add_documents([good, bad], coder="mona")
    assert project.documents() == []


def test_doccano_spans_attach_to_existing_document(project):
    doc = add_doc(project)
    s = TEXT.index("الجارديان")
    report = project.add_documents(
        [ImportedDocument(text=TEXT, spans=[ImportedSpan(s, s + 9, "Source")])], coder="ali")
    assert report.added == [] and report.annotations == 1
    [a] = project.annotations(doc, coder="ali")
    assert (a.category, a.quote) == ("source", "الجارديان")
    # the same file again adds nothing
    report = project.add_documents(
        [ImportedDocument(text=TEXT, spans=[ImportedSpan(s, s + 9, "مصدر")])], coder="ali")
    assert report.annotations == 0


def test_update_delete_and_undo_by_uuid(project):
    doc = add_doc(project)
    a = project.add_annotation(doc, "mona", "claim", 0, 4)
    b = project.update_annotation(a.uuid, end=10)
    assert b.quote == TEXT[0:10]
    project.delete_annotation(a.uuid)
    assert project.annotations(doc) == []
    assert project.annotations(doc, include_deleted=True)[0].deleted is not None
    # undo of the delete brings the same row back
    c = project.add_annotation(doc, "mona", "claim", 0, 10, uuid=a.uuid)
    assert c.uuid == a.uuid and c.id == a.id and c.deleted is None


def test_attribute_values_are_validated(project):
    doc = add_doc(project)
    cb = project.codebook()
    src = cb.category("source")
    choice = next(a for a in src.attributes if a.type == "choice")
    with pytest.raises(InputError, match="is not one of"):
        project.add_annotation(doc, "mona", "source", 0, 4, attrs={choice.key: "martian"})
    with pytest.raises(InputError, match="no attribute"):
        project.add_annotation(doc, "mona", "source", 0, 4, attrs={"colour": "red"})
    ok = project.add_annotation(doc, "mona", "source", 0, 4,
                                attrs={choice.key: choice.values[0].key})
    assert ok.attrs == {choice.key: choice.values[0].key}


def test_relations_follow_the_codebook_and_die_with_their_spans(project):
    doc = add_doc(project)
    claim = project.add_annotation(doc, "mona", "claim", TEXT.index("غادر"), TEXT.index(" في"))
    src = project.add_annotation(doc, "mona", "source", TEXT.index("الجارديان"),
                                 TEXT.index(" إن"))
    with pytest.raises(InputError):
        project.add_relation("attributed_to", src.uuid, claim.uuid, "mona")
    r = project.add_relation("attributed_to", claim.uuid, src.uuid, "mona")
    assert [x.uuid for x in project.relations(doc)] == [r.uuid]
    project.delete_annotation(src.uuid)
    assert project.relations(doc) == []
    assert project.check() == []


def test_suggestions_are_names_already_used(project):
    doc = add_doc(project)
    for _ in range(2):
        project.add_annotation(doc, "mona", "source", 0, 4, attrs={"name": "الجارديان"})
    project.add_annotation(doc, "mona", "source", 5, 9, attrs={"name": "مواقع عراقية"})
    assert project.suggestions("source", "name") == ["الجارديان", "مواقع عراقية"]


def test_second_writer_is_refused_but_reader_is_not(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path):
        with pytest.raises(ProjectLockedError, match="open for writing in another process"):
            Project.open(path)
        with Project.open(path, readonly=True) as r:
            assert r.documents() == []
    # after the first closes, it opens again
    Project.open(path).close()


def test_check_finds_a_quote_that_no_longer_matches(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        doc = add_doc(p)
        p.add_annotation(doc, "mona", "claim", 0, 4)
    con = sqlite3.connect(path)
    con.execute("UPDATE annotations SET quote = 'xxxx'")
    con.commit()
    con.close()
    with Project.open(path, readonly=True) as p:
        problems = p.check()
    assert len(problems) == 1 and "no longer matches" in problems[0]


def test_not_a_project_and_garbage_files(tmp_path):
    txt = tmp_path / "notes.annot"
    txt.write_text("hello", encoding="utf-8")
    with pytest.raises(ProjectError, match="not an Annotator project"):
        Project.open(txt)
    with pytest.raises(ProjectError, match="no such project file"):
        Project.open(tmp_path / "missing.annot")
    other = tmp_path / "other.annot"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    before = other.read_bytes()
    with pytest.raises(ProjectError, match="not an Annotator project"):
        Project.open(other)
    assert other.read_bytes() == before


def test_project_from_a_newer_version_is_refused_unchanged(tmp_path):
    path = tmp_path / "p.annot"
    Project.create(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="newer version of Annotator"):
        Project.open(path)
    assert path.read_bytes() == before


def test_older_project_is_upgraded_after_a_backup(tmp_path):
    """A file at schema 0001 (before adjudication fields) opens, is upgraded to head, and
    a backup copy at 0001 is written beside it first."""
    from alembic import command
    from sqlalchemy import create_engine

    path = tmp_path / "old.annot"
    engine = create_engine(f"sqlite:///{path}")
    cfg = db._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql("INSERT INTO project (id, uuid, name, codebook_name, "
                             "codebook_version, codebook_description, app_version, created) "
                             "VALUES (1, 'u', 'old', 'cb', 1, '', '0.0.1', '2026-01-01')")
    engine.dispose()
    with Project.open(path) as p:
        assert p.name == "old"
        assert p.upgraded_from_backup is not None
        assert db.current_revision(p._engine) == db.schema_head()
    [backup] = db.list_backups(path)
    con = sqlite3.connect(backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    con.close()


def test_read_only_project_file(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        add_doc(p)
    path.chmod(0o444)
    try:
        with pytest.raises(ProjectError, match="read-only"):
            Project.open(path)
        with Project.open(path, readonly=True) as r:  # reading still works
            assert len(r.documents()) == 1
    finally:
        path.chmod(0o644)


def test_rolling_backups_on_open_kept_ten_deep_plus_the_first_of_the_day(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        doc = add_doc(p)
    for i in range(12):
        with Project.open(path) as p:
            p.add_annotation(doc, "mona", "claim", i, i + 3)
    assert len(db.list_backups(path)) == db.BACKUPS_KEPT + 1  # + the first of today
    with Project.open(path):  # backs up the 12th session's work
        pass
    newest = db.list_backups(path)[0]
    with Project.open(path):  # nothing changed since: no new backup
        pass
    assert db.list_backups(path)[0] == newest
    with Project.open(path) as p:
        p.add_annotation(doc, "mona", "claim", 20, 25)
    db.restore_backup(newest, path)
    with Project.open(path, readonly=True) as p:
        assert len(p.annotations(doc)) == 12  # the 13th came after the backup
        assert p.check() == []


def test_backup_into_a_folder_without_write_permission_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "p.annot"
    Project.create(path).close()

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(db.Path, "mkdir", refuse)
    with pytest.raises(ProjectError, match="backup failed"):
        db.backup_copy(path, "test")


def test_restore_the_oldest_backup_even_when_rotation_would_drop_it(tmp_path):
    from annotator.core import backups

    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        doc = add_doc(p)
    for i in range(11):
        with Project.open(path) as p:
            p.add_annotation(doc, "mona", "claim", i, i + 3)
    with Project.open(path):  # the app has it open: restoring is refused
        with pytest.raises(ProjectLockedError):
            backups.restore(path, backups.backups(path)[-1].path)
    listed = backups.backups(path)
    assert len(listed) == db.BACKUPS_KEPT + 1 and listed[0].reason == "on-open"
    oldest = listed[-1]
    with Project.open(oldest.path, readonly=True) as b:
        expected = len(b.annotations(doc))
    safety = backups.restore(path, oldest.path)
    # the state before the restore is kept: as a before-restore backup, or as the newest
    # backup when that one already holds exactly this state (no identical copy is made)
    assert safety in db.list_backups(path)
    with Project.open(path, readonly=True) as p:
        assert len(p.annotations(doc)) == expected
        assert p.check() == []
    with Project.open(safety, readonly=True) as s:
        assert len(s.annotations(doc)) == 11  # the state before the restore is kept


def test_text_can_be_corrected_until_someone_annotates_it(project):
    doc = add_doc(project, text="نص فيه خطأ")
    d = project.replace_text(doc, "نص مصحح")
    assert project.text(doc) == "نص مصحح" and d.length == 7
    project.add_annotation(doc, "mona", "claim", 0, 2)
    with pytest.raises(InputError, match="can no longer change"):
        project.replace_text(doc, "نص آخر")
    assert project.text(doc) == "نص مصحح"
    assert project.check() == []


def test_the_project_file_alone_holds_every_commit_while_the_app_is_open(tmp_path):
    """Coders mail the .annot file, often with the app still open: a copy of that one
    file (without -wal) must already hold their last annotation."""
    import shutil

    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        doc = add_doc(p)
        for i in range(5):
            p.add_annotation(doc, "mona", "claim", i, i + 3)
        copy = tmp_path / "sent.annot"
        shutil.copyfile(path, copy)  # the main file only, as an e-mail attachment
        with Project.open(copy, readonly=True) as sent:
            assert len(sent.annotations(doc)) == 5
