"""`check` reports every class of invalid data that validation refuses on the way in, if
it got into a project by other means (an SQL edit, a bug, a disk), without crashing; and
`export` on a damaged project lists the damage instead of a KeyError (issue 9 items 4, 8)."""

import sqlite3

import pytest

from annotator.cli import main
from annotator.core.errors import ProjectError
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

TEXTS = ["قالت صحيفة الجارديان إن John Smith غادر الموصل في 2017.",
         "أعلن المتحدث باسم الوزارة أن الاجتماع سيعقد غدا في القاهرة."]


def span(text, word):
    s = text.index(word)
    return s, s + len(word)


@pytest.fixture
def coded(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path) as p:
        p.add_documents([ImportedDocument(text=t, title=f"doc {i}")
                         for i, t in enumerate(TEXTS, 1)])
        c = p.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر الموصل"),
                             attrs={"claim_type": "factual"})
        s = p.add_annotation(1, "mona", "source", *span(TEXTS[0], "الجارديان"))
        p.add_relation("attributed_to", c.uuid, s.uuid, "mona")
        p.add_annotation(2, "mona", "source", *span(TEXTS[1], "المتحدث"))
        assert p.check() == []
    return path


def tamper(path, *statements):
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=OFF")
    for st in statements:
        con.execute(st)
    con.commit()
    con.close()


CLAIM = "WHERE quote = 'غادر الموصل'"
CASES = [
    ("attrs outside the codebook",
     [f"UPDATE annotations SET attrs = '{{\"claim_type\": \"no_such_value\"}}' {CLAIM}"],
     "'no_such_value' is not one of"),
    ("unknown attribute", [f"UPDATE annotations SET attrs = '{{\"zzz\": 1}}' {CLAIM}"],
     "has no attribute 'zzz'"),
    ("cross-document relation",
     ["UPDATE relations SET to_id = (SELECT id FROM annotations WHERE quote = 'المتحدث')"],
     "links annotations of two documents (1 and 2)"),
    ("span outside the text", [f"UPDATE annotations SET \"end\" = 9999 {CLAIM}"],
     "is outside the text"),
    ("reversed span", [f"UPDATE annotations SET start = \"end\", \"end\" = start {CLAIM}"],
     "is reversed"),
    ("bad time", [f"UPDATE annotations SET updated = 'not a date' {CLAIM}"],
     "updated 'not a date' is not a date and time"),
    ("non-JSON attrs", [f"UPDATE annotations SET attrs = 'not json' {CLAIM}"],
     "are not JSON"),
    ("missing category", ["DELETE FROM attributes WHERE category_id = (SELECT id FROM "
                          "categories WHERE key = 'claim')",
                          "DELETE FROM categories WHERE key = 'claim'"],
     "its category is not in the codebook"),
    ("dropped table", ["DROP TABLE relations"], "table 'relations' is missing"),
    ("coder name with a newline", ["UPDATE coders SET name = 'mo' || char(10) || 'na'"],
     "control characters"),
    ("bad status", ["UPDATE assignments SET status = 'finished'"], "'finished' is not one"),
    ("bad note time", ["INSERT INTO document_notes (uuid, document_id, coder_id, text, "
                       "created, updated) VALUES ('00000000-0000-4000-8000-000000000009', 1, "
                       "1, 'x', '2026-01-01 00:00:00', 'yesterday')"],
     "updated 'yesterday' is not a date and time"),
    # found by export's quick scan but missed by check's full one
    ("document metadata not JSON", ["UPDATE documents SET meta = '{bad json' WHERE id = 1"],
     "document 1: metadata is not a JSON object"),
    ("document time", ["UPDATE documents SET created = 'not a date' WHERE id = 2"],
     "document 2: a time is not a date and time"),
    ("choice values not a list", ["UPDATE attributes SET \"values\" = '{}' "
                                  "WHERE key = 'claim_type'"],
     "choice values are not a JSON list"),
    # a stored codebook that a codebook file could not be: the editor could not save it
    ("category colour", ["UPDATE categories SET color = 'red; x' WHERE key = 'claim'"],
     "codebook: category 'claim'.color: 'red; x' is not a colour"),
    ("category kind", ["UPDATE categories SET kind = 'weird' WHERE key = 'claim'"],
     "codebook: category 'claim'.kind: unknown kind 'weird'"),
    ("category hotkey", ["UPDATE categories SET hotkey = 'zz' WHERE key = 'claim'"],
     "codebook: category 'claim'.hotkey: 'zz' is not a hotkey"),
    ("category key a line break", ["UPDATE categories SET key = 'cl' || char(10) || 'aim' "
                                   "WHERE key = 'claim'"], "is not a key"),
    ("attribute type", ["UPDATE attributes SET type = 'weird' WHERE key = 'claim_type'"],
     "codebook: category 'claim'.attributes[0].type: unknown type 'weird'"),
    ("group key empty", ["INSERT INTO category_groups (key, name_ar, name_en, description, "
                         "position) VALUES ('', 'g', 'g', '', 0)"],
     "codebook: groups[0].key: missing required field"),
    ("group in a loop", ["INSERT INTO category_groups (key, name_ar, name_en, description, "
                         "parent, position) VALUES ('g', 'g', 'g', '', 'g', 0)"],
     "group 'g' is in a loop of groups"),
]


@pytest.mark.parametrize("name, statements, needle", CASES, ids=[c[0] for c in CASES])
def test_check_reports_each_class_of_invalid_data(coded, capsys, name, statements, needle):
    tamper(coded, *statements)
    with Project.open(coded, readonly=True) as p:
        problems = p.check()
    assert any(needle in line for line in problems), problems
    assert main(["check", str(coded)]) == 1
    cap = capsys.readouterr()
    assert needle in cap.out and "Traceback" not in cap.err + cap.out
    assert cap.err.startswith(f"error: {coded}: ") and cap.err.count("\n") == 1


EXPORT_CASES = [c for c in CASES if c[0] in (
    "non-JSON attrs", "missing category", "dropped table", "bad time", "bad note time")]


@pytest.mark.parametrize("name, statements, needle", EXPORT_CASES,
                         ids=[c[0] for c in EXPORT_CASES])
def test_export_on_a_damaged_project_lists_the_damage(coded, tmp_path, capsys, name,
                                                      statements, needle):
    tamper(coded, *statements)
    out = tmp_path / "out.xlsx"
    assert main(["export", str(coded), str(out), "--csv", str(tmp_path / "csv")]) == 1
    cap = capsys.readouterr()
    assert cap.err.startswith(f"error: {coded}: damaged project (") and \
        cap.err.count("\n") == 1, cap.err
    assert "KeyError" not in cap.err and "internal error" not in cap.err
    assert not out.exists() and not (tmp_path / "csv").exists()
    assert list(tmp_path.glob(".out.xlsx*")) == []


def test_import_into_a_project_missing_a_table_is_refused(coded, tmp_path, capsys):
    tamper(coded, "DROP TABLE assignments")
    before = list(sqlite3.connect(coded).iterdump())
    txt = tmp_path / "a.txt"
    txt.write_text("نص مقال جديد عن الانتخابات.", encoding="utf-8")
    with pytest.raises(ProjectError, match="table assignments missing"):
        Project.open(coded)
    assert main(["import", str(coded), str(txt)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {coded}: damaged project file") and err.count("\n") == 1
    assert list(sqlite3.connect(coded).iterdump()) == before


@pytest.mark.parametrize("args", [["assign", "{p}", "--coder", "ali", "--docs", "1"],
                                  ["package", "{p}", "--coder", "mona", "--docs", "1",
                                   "--out", "{d}/mona.annot"]])
def test_a_command_tripping_over_damage_names_it_instead_of_an_internal_error(
        coded, tmp_path, capsys, args):
    """Commands that read rows through the ORM fail on a time that is not a time; the
    user learns the file is damaged and what to do, not that Annotator has a bug."""
    tamper(coded, "UPDATE documents SET created = 'not a date' WHERE id = 1")
    code = main([a.format(p=coded, d=tmp_path) for a in args])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err == (f"error: {coded}: damaged project (1 problem: document 1: a time is not "
                   "a date and time); `annotator check` lists them, `annotator backups` "
                   "restores\n")


def rebuilt(table, columns):
    """Statements rebuilding `table` with untyped columns and no NOT NULL or UNIQUE (what
    a hand edit in a database browser, or another tool, may leave)."""
    return [f"CREATE TABLE _old AS SELECT * FROM {table}", f"DROP TABLE {table}",
            f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, {columns})",
            f"INSERT INTO {table} SELECT * FROM _old", "DROP TABLE _old"]


GROUP = ("INSERT INTO category_groups (key, name_ar, name_en, description, position) "
         "VALUES ('actors', 'a', 'Actors', '', 0)")
CATEGORY_COLUMNS = ("key, name_ar, name_en, color, hotkey, kind, description, retired, "
                    "position, group_key")
# values of the wrong type: each made an internal error of some command (found by running
# every command on every kind of damage)
SHAPES = [
    ("group key a blob", [GROUP, "UPDATE category_groups SET key = X'00ff'"],
     "category_groups row 1: key is not text"),
    ("group name a blob", [GROUP, "UPDATE category_groups SET name_en = X'ff00'"],
     "category_groups row 1: name_en is not text"),
    ("category filed in a blob", ["UPDATE categories SET group_key = X'00' "
                                  "WHERE key = 'claim'"], "group_key is not text"),
    ("category key a blob", ["UPDATE categories SET key = X'ff' WHERE key = 'claim'"],
     "key is not text"),
    ("category key NULL", [*rebuilt("categories", CATEGORY_COLUMNS),
                           "UPDATE categories SET key = NULL WHERE key = 'claim'"],
     "key is not text"),
    ("category colour NULL", [*rebuilt("categories", CATEGORY_COLUMNS),
                              "UPDATE categories SET color = NULL"], "color is not text"),
    ("category key twice", [*rebuilt("categories", CATEGORY_COLUMNS),
                            "INSERT INTO categories (key, name_ar, name_en, color, kind, "
                            "description, retired, position) SELECT key, name_ar, name_en, "
                            "color, kind, description, retired, 99 FROM categories "
                            "WHERE key = 'claim'"], "categories: key 'claim' is given twice"),
    ("choice values not objects", ["UPDATE attributes SET \"values\" = '[1, 2]' "
                                   "WHERE type = 'choice'"],
     "values is not a list of values with text keys and names"),
    ("choice value without a key", ["UPDATE attributes SET \"values\" = "
                                    "'[{\"name_en\": \"x\"}]' WHERE type = 'choice'"],
     "values is not a list of values with text keys and names"),
    ("text a blob", ["UPDATE document_texts SET text = X'00ff' WHERE document_id = 1"],
     "text is missing"),
    ("text row missing", ["DELETE FROM document_texts WHERE document_id = 1"],
     "document 1: text is missing"),
    ("title a blob", ["UPDATE documents SET title = X'ff' WHERE id = 1"],
     "documents row 1: title is not text"),
    ("coder name NULL", [*rebuilt("coders", "uuid, name, role"),
                         "UPDATE coders SET name = NULL"], "a coder needs a name"),
    ("coder name twice", [*rebuilt("coders", "uuid, name, role"),
                          "INSERT INTO coders (uuid, name, role) VALUES "
                          "('00000000-0000-4000-8000-000000000001', 'mona', 'coder')"],
     "coders: name 'mona' is given twice"),
    ("codebook version number text", ["UPDATE project SET codebook_version = 'x'"],
     "project row 1: codebook_version is not a whole number"),
    ("history not JSON", ["UPDATE codebook_versions SET codebook = 'x'"],
     "codebook_versions row 1: codebook is not a JSON object"),
    ("history changes not JSON", ["UPDATE codebook_versions SET changes = 'x'"],
     "codebook_versions row 1: changes is not a JSON list"),
]


@pytest.mark.parametrize("name, statements, needle", SHAPES, ids=[c[0] for c in SHAPES])
def test_check_reports_a_value_of_the_wrong_type(coded, capsys, name, statements, needle):
    tamper(coded, *statements)
    assert main(["check", str(coded)]) == 1
    cap = capsys.readouterr()
    assert needle in cap.out, cap.out
    assert "Traceback" not in cap.err + cap.out and cap.err.count("\n") == 1


COMMANDS = [["codebook", "{p}", "--export", "{d}/cb.json"],
            ["export", "{p}", "{d}/out.qdpx"],
            ["export", "{p}", "{d}/out.xlsx"],
            ["package", "{p}", "--coder", "mona", "--out", "{d}/mona.annot"],
            ["codebook", "{p}", "--history"],
            ["agreement", "{p}"], ["progress", "{p}"], ["suggest", "{p}", "--docs", "1"],
            ["split", "{p}", "claim", "claim_b", "--annotations",
             "00000000-0000-4000-8000-000000000000"],
            ["codebook", "{p}", "--import", "{d}/cb.yaml"]]


@pytest.mark.parametrize("name, statements, needle", SHAPES, ids=[c[0] for c in SHAPES])
def test_no_command_makes_an_internal_error_of_a_value_of_the_wrong_type(
        coded, tmp_path, capsys, name, statements, needle):
    from annotator.core.codebook import default_codebook, save_codebook

    save_codebook(default_codebook(), tmp_path / "cb.yaml")
    tamper(coded, *statements)
    for args in COMMANDS:
        code = main([a.format(p=coded, d=tmp_path) for a in args])
        err = capsys.readouterr().err
        assert code in (0, 1) and "internal error" not in err, (args, err)
        assert code == 0 or err.count("\n") == 1, (args, err)
