"""Export leftovers and permissions: what a killed export left is cleaned on the next
run, every output is checked before any is written, and exported files get the project
file's permissions (issue 9 items 6 and 9, issue 11 item 15)."""

import os
import stat
import subprocess
import sys

import pytest

from annotator.cli import main
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text="قالت صحيفة الجارديان إن الوزير غادر.",
                                          title="t")])
        p.add_annotation(1, "mona", "claim", 0, 4)
    return path


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_what_a_killed_export_left_is_cleaned_on_the_next_run(project, tmp_path, capsys):
    out = tmp_path / "out.xlsx"
    pid = dead_pid()
    part = tmp_path / f".out.xlsx.{pid}.k2j3h4.part"
    part.write_bytes(b"\0" * 1_000_000)
    work = tmp_path / f".out.xlsx.{pid}.a8s7d6.tmp"
    work.mkdir()
    (work / "sheet1.xml").write_bytes(b"<x/>" * 100_000)
    running = tmp_path / f".out.xlsx.{os.getpid()}.q1w2e3.part"  # an export still running
    running.write_bytes(b"x")
    other = tmp_path / f".notes.txt.{pid}.z9x8c7.part"  # not this export's
    other.write_bytes(b"x")
    csv_part = tmp_path / "csv" / f".About.csv.{pid}.r5t6y7.part"
    csv_part.parent.mkdir()
    csv_part.write_bytes(b"x")
    assert main(["export", str(project), str(out), "--csv", str(tmp_path / "csv")]) == 0
    capsys.readouterr()
    assert out.exists()
    assert not part.exists() and not work.exists() and not csv_part.exists()
    assert running.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.xlsx")) == \
        [running.name]


def test_every_output_is_checked_before_any_is_written(project, tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    assert main(["export", str(project), str(out), "--csv", str(project)]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {project}: is a file; --csv takes a folder\n"
    assert not out.exists() and not list(tmp_path.glob(".x.xlsx*"))


def test_export_into_a_folder_that_does_not_exist_names_the_target(project, tmp_path, capsys):
    out = tmp_path / "nowhere" / "x.xlsx"
    assert main(["export", str(project), str(out)]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {out}: folder {out.parent} does not exist\n"
    assert ".part" not in err
    csv_dir = tmp_path / "nowhere" / "deeper"
    assert main(["export", str(project), "--csv", str(csv_dir)]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {csv_dir}: folder {csv_dir.parent} does not exist\n"


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600])
def test_exported_files_get_the_project_files_permissions(project, tmp_path, capsys, mode):
    old = os.umask(0o022)
    try:
        os.chmod(project, mode)
        out = tmp_path / "out.xlsx"
        assert main(["export", str(project), str(out), "--csv", str(tmp_path / "csv")]) == 0
    finally:
        os.umask(old)
    capsys.readouterr()
    written = [out, *(tmp_path / "csv").glob("*.csv")]
    assert len(written) > 3
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {mode}
