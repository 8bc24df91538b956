"""Every error names its file, in one line, with the project unchanged (issue 9 item 6), and
the smaller refusals of item 12."""

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text="نص أول عن الموصل.", title="t")])
    return path


def dump(path):
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def one_line(capsys, named) -> str:
    cap = capsys.readouterr()
    err = cap.err
    assert err.startswith(f"error: {named}: ") and err.count("\n") == 1, err
    assert "internal error" not in err and "Traceback" not in err
    return err


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names must be UTF-8")
def test_a_file_name_with_invalid_utf8_bytes(project, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"bad-\xff\xfe.txt")
    with open(bad, "wb") as fh:
        fh.write("مقال عن الانتخابات في العراق.".encode())
    (folder / "good.txt").write_text("مقال جيد عن الاقتصاد.", encoding="utf-8")
    before = dump(project)
    code = main(["import", str(project), str(folder)])
    assert code in (0, 1)
    cap = capsys.readouterr()
    assert "internal error" not in cap.err and "Traceback" not in cap.err, cap.err
    if code == 1:
        assert cap.err.count("\n") == 1 and "bad-" in cap.err
        assert dump(project) == before
        assert main(["import", str(project), str(folder), "--skip-bad"]) == 0
        cap = capsys.readouterr()
        assert "skipped" in cap.err and "bad-" in cap.err
    with Project.open(project, readonly=True) as p:
        assert len(p.documents()) == 3 and p.check() == []


def test_doccano_with_a_lone_surrogate(project, tmp_path, capsys):
    src = tmp_path / "lone.jsonl"
    src.write_text('{"text": "نص \\ud800 مكسور", "label": []}\n', encoding="utf-8")
    before = dump(project)
    assert main(["import", str(project), str(src), "--coder", "mona"]) == 1
    err = one_line(capsys, src)
    assert "lone surrogate" in err
    assert dump(project) == before


def test_json_nested_100000_deep_as_doccano_and_as_codebook(project, tmp_path, capsys):
    deep = "[" * 100_000 + "]" * 100_000
    src = tmp_path / "deep.jsonl"
    src.write_text(deep, encoding="utf-8")
    before = dump(project)
    assert main(["import", str(project), str(src), "--coder", "mona"]) == 1
    one_line(capsys, src)
    cb = tmp_path / "deep.json"
    cb.write_text('{"name": "x", "categories": ' + deep + "}", encoding="utf-8")
    assert main(["codebook", str(project), "--import", str(cb)]) == 1
    one_line(capsys, cb)
    assert main(["new", str(tmp_path / "n.annot"), "--codebook", str(cb)]) == 1
    one_line(capsys, cb)
    assert dump(project) == before


def test_a_codebook_with_version_10_to_the_100(project, tmp_path, capsys):
    with Project.open(project, readonly=True) as p:
        data = p.codebook().to_dict()
    data["version"] = 10**100
    cb = tmp_path / "big.json"
    cb.write_text(json.dumps(data), encoding="utf-8")
    before = dump(project)
    assert main(["codebook", str(project), "--import", str(cb)]) == 1
    one_line(capsys, cb)
    assert dump(project) == before


def test_codebook_export_into_a_missing_folder_names_the_target(project, tmp_path, capsys):
    out = tmp_path / "nowhere" / "cb.yaml"
    assert main(["codebook", str(project), "--export", str(out)]) == 1
    err = one_line(capsys, out)
    assert ".part" not in err and "does not exist" in err


def test_coder_names_with_control_characters_are_refused(project, capsys):
    before = dump(project)
    for name in ("mo\nna", "ali\x1b[31m", "x\x07"):
        assert main(["assign", str(project), "--coders", name]) == 1
        err = one_line(capsys, project)
        assert "control characters" in err
    assert dump(project) == before


def test_package_out_with_another_extension_warns(project, tmp_path, capsys):
    out = tmp_path / "notes.txt"
    assert main(["package", str(project), "--coder", "mona", "--all", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"warning: {out}: ") and ".annot" in err
    with Project.open(out, readonly=True) as pkg:
        assert pkg.info()["package_coder"] == "mona"


def test_a_txt_with_a_few_control_characters_is_imported_with_a_note(project, tmp_path,
                                                                       capsys):
    src = tmp_path / "scraped.txt"
    src.write_bytes("قال الوزير\x1b إن الاجتماع\x07 سيعقد غدا في القاهرة.".encode())
    assert main(["import", str(project), str(src)]) == 0
    cap = capsys.readouterr()
    assert "imported 1 documents" in cap.out
    assert f"note: {src}: " in cap.err and "control" in cap.err
    with Project.open(project, readonly=True) as p:
        assert len(p.documents()) == 2 and p.check() == []


def test_backups_and_read_only_messages(tmp_path, capsys, project):
    # a file from a newer Annotator: the read-only message must not send the user to
    # open it for writing (that is refused too)
    con = sqlite3.connect(project)
    con.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    con.commit()
    con.close()
    assert main(["docs", str(project)]) == 1
    err = one_line(capsys, project)
    assert "newer version of Annotator" in err and "for writing" not in err
    assert Path(project).exists()
