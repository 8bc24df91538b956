"""The `annotator` command: each subcommand, and every bad input as a one-line error."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.project import Project

SEED = Path(__file__).resolve().parent.parent / "annotator/resources/sample"
CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/000_cbfbf9d43873636c.txt"


def seed_article() -> Path:
    for p in (*sorted(SEED.glob("000_*.txt")), CORPUS):
        if p.exists():
            return p
    pytest.skip("seed article not found")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *needles: str) -> None:
    assert err.startswith("error: "), err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for n in needles:
        assert n in err, err


@pytest.fixture
def proj(tmp_path, capsys):
    path = tmp_path / "study.annot"
    code, out, _ = run(capsys, "new", path)
    assert code == 0 and "created" in out
    return path


def test_import_seed_article_and_list_docs(proj, tmp_path, capsys):
    code, out, err = run(capsys, "import", proj, seed_article())
    assert code == 0, err
    assert "imported 1 documents" in out
    code, out, _ = run(capsys, "docs", proj, "--json")
    [doc] = json.loads(out)
    assert doc["title"] == "«رحلة الهروب الجماعي».. وثائق تكشف فرار عناصر داعش من سوريا والعراق"
    assert doc["published"] == "2017-04-27T15:53:00"
    assert doc["author"] == "محمد الشرقاوي"
    assert set(doc) >= {"id", "title", "published", "author", "outlet", "length", "annotations"}
    code, out, _ = run(capsys, "show", proj, doc["id"])
    assert "يعاني تنظيم داعش الإرهابي" in out
    assert "إقرأ أيضًا" not in out and "لا توجد تعليقات" not in out
    assert len(out.rstrip("\n")) == doc["length"]


def test_importing_the_same_text_twice_says_so(proj, capsys):
    run(capsys, "import", proj, seed_article())
    code, out, _ = run(capsys, "import", proj, seed_article())
    assert code == 0
    assert "imported 0 documents" in out and "already in the project" in out
    code, out, _ = run(capsys, "docs", proj, "--json")
    assert len(json.loads(out)) == 1


def test_doccano_round_trip_keeps_offsets(proj, tmp_path, capsys):
    text = "قال John Smith لصحيفة الغارديان 😀 إن 𝐀 الوثائق حقيقية"
    spans = [[text.index("John"), text.index("John") + 10, "Source"],
             [text.index("الغارديان"), text.index("الغارديان") + 9, "مصدر"],
             [text.index("الوثائق"), len(text), "claim"]]
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"text": text, "label": spans}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    code, out, err = run(capsys, "import", proj, f, "--coder", "ali")
    assert code == 0, err
    with Project.open(proj, readonly=True) as p:
        [doc] = p.documents()
        got = [(a.start, a.end, a.quote) for a in p.annotations(doc.id)]
        assert p.text(doc.id) == text
    assert got == sorted((s, e, text[s:e]) for s, e, _ in spans)


def test_doccano_unknown_labels_are_listed(proj, tmp_path, capsys):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"text": "نص", "label": [[0, 1, "Foo"], [1, 2, "Bar"]]}) + "\n",
                 encoding="utf-8")
    code, _, err = run(capsys, "import", proj, f, "--coder", "ali")
    assert code == 1
    assert_one_line_error(err, "Bar", "Foo", f"error: {f}: ")  # names the file to fix


def test_codebook_export_and_import(proj, tmp_path, capsys):
    out_file = tmp_path / "cb.json"
    code, _, _ = run(capsys, "codebook", proj, "--export", out_file)
    assert code == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    data["categories"][0]["name_en"] = "Assertion"
    out_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, _ = run(capsys, "codebook", proj, "--import", out_file)
    assert code == 0
    with Project.open(proj, readonly=True) as p:
        assert p.codebook().categories[0].name_en == "Assertion"


def test_bad_codebook_is_refused_naming_the_field(proj, tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ncategories:\n- key: a\n  name_en: A\n  color: red\n", "utf-8")
    code, _, err = run(capsys, "codebook", proj, "--import", bad)
    assert code == 1
    assert_one_line_error(err, str(bad), "color")
    with Project.open(proj, readonly=True) as p:
        assert p.codebook().category("claim") is not None  # unchanged


def test_check_reports_problems_with_exit_1(proj, capsys):
    run(capsys, "import", proj, seed_article())
    with Project.open(proj) as p:
        doc = p.documents()[0]
        p.add_annotation(doc.id, "mona", "claim", 0, 5)
    code, out, _ = run(capsys, "check", proj)
    assert code == 0 and out.startswith("ok")
    con = sqlite3.connect(proj)
    con.execute("UPDATE annotations SET start = start + 1")
    con.commit()
    con.close()
    code, out, err = run(capsys, "check", proj)
    assert code == 1 and "no longer matches" in out
    assert err.startswith("error: ")


def _text_file(d):
    (d / "x.annot").write_text("not sqlite", encoding="utf-8")
    return d / "x.annot"


@pytest.mark.parametrize("make, needle", [
    (lambda d: d / "missing.annot", "no such project file"),
    (_text_file, "not an Annotator project"),
    (lambda d: d, "is a folder"),
])
def test_path_that_is_not_a_project(tmp_path, capsys, make, needle):
    path = make(tmp_path)
    for argv in (["docs", path], ["import", path, seed_article()], ["check", path]):
        code, _, err = run(capsys, *argv)
        assert code == 1
        assert_one_line_error(err, needle)


def test_bad_import_leaves_project_exactly_as_it_was(proj, tmp_path, capsys):
    run(capsys, "import", proj, seed_article())
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text("خبر أول عن الموصل", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "c.txt").write_text("خبر ثالث", encoding="utf-8")
    code, _, err = run(capsys, "import", proj, folder)
    assert code == 1
    assert_one_line_error(err, "b.txt")
    code, out, _ = run(capsys, "docs", proj, "--json")
    assert len(json.loads(out)) == 1  # no half-imported batch
    code, out, err = run(capsys, "import", proj, folder, "--skip-bad")
    assert code == 0 and "imported 2 documents" in out and "b.txt" in err


def test_second_writer_is_refused_in_another_process(proj, tmp_path):
    import subprocess
    import sys

    with Project.open(proj):
        r = subprocess.run([sys.executable, "-m", "annotator", "import", str(proj),
                            str(seed_article())], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert_one_line_error(r.stderr, "open for writing in another process")


def test_read_only_project_file(proj, tmp_path, capsys):
    shutil.copy(seed_article(), tmp_path / "a.txt")
    proj.chmod(0o444)
    try:
        before = proj.read_bytes()
        code, _, err = run(capsys, "import", proj, tmp_path / "a.txt")
        assert code == 1
        assert_one_line_error(err, "read-only")
        assert proj.read_bytes() == before
        code, out, _ = run(capsys, "docs", proj)
        assert code == 0
    finally:
        proj.chmod(0o644)


def test_help_for_every_command(capsys):
    for cmd in ("new", "import", "docs", "show", "codebook", "check", "backups"):
        with pytest.raises(SystemExit) as e:
            main([cmd, "--help"])
        assert e.value.code == 0
        assert "usage: annotator " + cmd in capsys.readouterr().out


def test_backups_list_and_restore(proj, capsys):
    run(capsys, "import", proj, seed_article())  # opening for the import backs up first
    with Project.open(proj) as p:
        p.add_annotation(p.documents()[0].id, "mona", "claim", 0, 5)
    code, out, _ = run(capsys, "backups", proj)
    assert code == 0 and "on-open" in out
    n = len(out.strip().splitlines())
    code, out, _ = run(capsys, "backups", proj, "--restore", n)  # the oldest: before import
    assert code == 0 and "restored" in out
    code, out, _ = run(capsys, "docs", proj, "--json")
    assert json.loads(out) == []
    code, _, err = run(capsys, "backups", proj, "--restore", 99)
    assert code == 1
    assert_one_line_error(err, "no backup number 99")


def test_format_option_reads_a_file_without_extension(proj, tmp_path, capsys):
    f = tmp_path / "article_no_ext"
    f.write_text("خبر عن الموصل\n\nنص الخبر.", encoding="utf-8")
    code, _, err = run(capsys, "import", proj, f)
    assert code == 1
    assert_one_line_error(err, "article_no_ext")
    code, out, err = run(capsys, "import", proj, f, "--format", "txt")
    assert code == 0 and "imported 1 documents" in out, err


def test_spreadsheet_rows_without_text_are_reported(proj, tmp_path, capsys):
    f = tmp_path / "a.csv"
    f.write_text("title,text\nأول,نص الخبر الأول\nثان,\nثالث,نص الخبر الثالث\n",
                 encoding="utf-8")
    code, out, err = run(capsys, "import", proj, f)
    assert code == 0 and "imported 2 documents" in out
    assert "note: " in err and "rows 3" in err and "without text" in err


def test_an_error_quoting_a_hostile_key_stays_one_line(proj, tmp_path, capsys):
    """A key that is a line break or a terminal escape is shown escaped: the error is one
    line and cannot colour or clear the terminal (found by the property suite)."""
    import json

    bad = tmp_path / "cb.json"
    bad.write_text(json.dumps({"name": "x", "categories": [
        {"key": "\n"}, {"key": "\n"}, {"key": "\x1b[2J"}]}), encoding="utf-8")
    assert main(["codebook", str(proj), "--import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {bad}")
    assert "\x1b" not in err and "duplicate key '\\n'" in err and "'\\x1b[2J'" in err
