"""`--docs IDS` means the same in every command that takes it (export, package, assign,
adjudicate, suggest): one parser, the ids that exist are taken with a line saying how many
of those given exist, none existing is one error line and nothing changes."""

from __future__ import annotations

import json
import sqlite3

import pytest

from annotator.cli import main
from annotator.core.project import Project

FRAME = ("العنوان,النص\n"
         "عنوان أول,قال المتحدث إن الخبر صحيح.\n"
         "عنوان ثان,وأكدت مصادر عراقية الخبر.\n")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path, capsys):
    """Two articles, ids 1 and 2."""
    path = tmp_path / "study.annot"
    frame = tmp_path / "frame.csv"
    frame.write_text(FRAME, encoding="utf-8")
    assert run(capsys, "new", path)[0] == 0
    assert run(capsys, "import", path, frame)[0] == 0
    with Project.open(path, readonly=True) as p:
        assert [d.id for d in p.documents()] == [1, 2]
    return path


def dump(path) -> list:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def command(name, path, tmp_path, docs):
    """The command line of `name` restricted to `docs`."""
    return {
        "export": ["export", path, tmp_path / "out.xlsx", "--docs", docs],
        "package": ["package", path, "--coder", "Mona", "--docs", docs,
                    "--out", tmp_path / "mona.annot"],
        "assign": ["assign", path, "--coders", "Mona,Ali", "--seed", "1", "--docs", docs],
        "adjudicate": ["adjudicate", path, "--agreed", "--done", "--by", "Sara",
                       "--docs", docs],
        "suggest": ["suggest", path, "--json", "--docs", docs],
    }[name]


COMMANDS = ["export", "package", "assign", "adjudicate", "suggest"]


@pytest.mark.parametrize("name", COMMANDS)
def test_a_range_past_the_last_id_takes_the_ids_that_exist_and_says_so(
        name, project, tmp_path, capsys):
    code, out, err = run(capsys, *command(name, project, tmp_path, "1-50"))
    assert code == 0, err
    assert err == ("note: --docs: 2 of the 50 documents given exist; taking those 2 "
                   "(no document with id 3-50)\n")
    if name == "export":
        assert "2 documents" in out
    elif name == "package":
        assert "2 documents" in out
        with Project.open(tmp_path / "mona.annot", readonly=True) as pkg:
            assert [d.id for d in pkg.documents()] == [1, 2]
    elif name == "assign":
        assert out.startswith("assigned 2 documents to 2 coders")
        with Project.open(project, readonly=True) as p:
            assert all(d.status for d in p.documents())
    elif name == "adjudicate":
        assert out.splitlines()[0].startswith("document 1 ")
        assert out.splitlines()[1].startswith("document 2 ")
        assert "gold marked done in 2 documents" in out
    else:  # the note goes to stderr, so --json stays JSON
        assert {s["document_id"] for s in json.loads(out)} == {1, 2}


@pytest.mark.parametrize("name", COMMANDS)
def test_all_given_existing_says_nothing_more(name, project, tmp_path, capsys):
    code, _, err = run(capsys, *command(name, project, tmp_path, "2,1"))
    assert code == 0 and err == ""


@pytest.mark.parametrize("name", COMMANDS)
def test_none_existing_is_one_error_line_and_changes_nothing(name, project, tmp_path, capsys):
    before, files = dump(project), sorted(tmp_path.iterdir())
    code, out, err = run(capsys, *command(name, project, tmp_path, "60-70,75"))
    assert code == 1
    assert err == (f"error: {project}: none of the documents given exists "
                   "(no document with id 60-70, 75)\n")
    assert out == ""
    assert dump(project) == before
    assert sorted(tmp_path.iterdir()) == files  # no package or workbook written


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize(("docs", "said"), [
    ("2-x", "--docs: '2-x' is not a document id or a range like 10-20"),
    ("0", "--docs: '0' is not a document id or a range like 10-20"),
    ("5-3", "--docs: '5-3' is not a range of document ids (the first is larger)"),
    ("", "--docs: give one or more document ids, e.g. --docs 1,4,10-20"),
    (" , ", "--docs: give one or more document ids, e.g. --docs 1,4,10-20"),
])
def test_one_parser_one_message_for_a_bad_list(name, docs, said, project, tmp_path, capsys):
    """An empty --docs was taken as no --docs by package, assign and adjudicate (packing,
    assigning or adjudicating whatever the default was); it is refused like a bad id."""
    before = dump(project)
    code, out, err = run(capsys, *command(name, project, tmp_path, docs))
    assert (code, out, err) == (1, "", f"error: {said}\n")
    assert dump(project) == before
