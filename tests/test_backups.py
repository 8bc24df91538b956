"""Backup rotation: the newest ten plus the first of each of the last seven days, every
kind alike, -wal/-shm included; no copy identical to the newest; and `backups` on
something that is not a project says so (issue 11 item 16, issue 9 items 11-12)."""

import sqlite3
from datetime import datetime, timedelta

import pytest

from annotator.cli import main
from annotator.core import backups, db
from annotator.core.errors import ProjectError
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

TEXT = "قالت صحيفة الجارديان إن John Smith غادر الموصل في 2017."


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=TEXT, title="t")])
    return path


def session(path, i):
    """One coding session: open (the on-open backup), one annotation, close."""
    with Project.open(path) as p:
        p.add_annotation(1, "mona", "claim", i, i + 3)


def test_to_keep_the_newest_ten_and_the_first_of_each_of_seven_days():
    now = datetime(2026, 11, 28, 18, 0)
    taken = [now - timedelta(days=d, hours=h) for d in range(10) for h in (1, 3, 5)]
    keep = {taken[i] for i in backups.to_keep(taken, now)}
    newest = sorted(taken, reverse=True)[:10]
    firsts = {min(t for t in taken if t.date() == (now - timedelta(days=d)).date())
              for d in range(7)}
    assert keep == set(newest) | firsts
    assert len(keep) == 10 + 4  # the newest ten hold the firsts of days 0-2; days 3-6 add theirs
    assert min(keep) == now - timedelta(days=6, hours=5)  # nothing older than a week


def test_rotation_keeps_ten_and_the_first_of_today_and_removes_wal_and_shm(path):
    for i in range(13):
        session(path, i)
    listed = db.list_backups(path)
    first_today = min(listed)
    # somebody opened an old backup to look: SQLite left its -wal and -shm
    victim = listed[-2]
    for extra in ("-wal", "-shm"):
        (victim.parent / (victim.name + extra)).write_bytes(b"x")
    session(path, 20)
    session(path, 21)
    listed = db.list_backups(path)
    assert len(listed) == db.BACKUPS_KEPT + 1 and first_today in listed
    assert victim not in listed
    assert sorted(p.name for p in path.parent.joinpath("p.backups").iterdir()) == \
        sorted(p.name for p in listed)


def test_a_copy_identical_to_the_newest_backup_is_not_kept(path):
    first = db.backup_copy(path, "test")
    again = db.backup_copy(path, "test")
    assert again == first and db.list_backups(path) == [first]
    session(path, 5)  # a change: the next copy differs and is kept
    third = db.backup_copy(path, "test")
    assert third != first and db.list_backups(path) == [third, first]


def test_a_before_restore_backup_is_rotated_like_the_others(path):
    for i in range(3):
        session(path, i)
    safety = backups.restore(path, db.list_backups(path)[-1])
    assert "before-restore" in safety.name and safety.exists()
    for i in range(db.BACKUPS_KEPT + 1):
        session(path, 10 + i)
    assert not safety.exists()
    assert all("before-restore" not in p.name for p in db.list_backups(path))


@pytest.mark.parametrize("kind", ["missing", "folder", "random"])
def test_backups_of_something_that_is_not_a_project_says_so(tmp_path, capsys, kind):
    target = tmp_path / "x.annot"
    if kind == "folder":
        target.mkdir()
    elif kind == "random":
        target.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ProjectError):
        backups.backups(target)
    assert main(["backups", str(target)]) == 1
    cap = capsys.readouterr()
    assert "no backups yet" not in cap.out
    assert cap.err.startswith(f"error: {target}: ") and cap.err.count("\n") == 1


def test_a_deleted_projects_backups_are_still_listed(path):
    session(path, 1)
    kept = db.list_backups(path)
    path.unlink()
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    assert [b.path for b in backups.backups(path)] == kept
    con = sqlite3.connect(kept[0])
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    con.close()
