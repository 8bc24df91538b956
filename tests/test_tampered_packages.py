"""Packages are untrusted input: real packages, edited with SQL the way a careless or
hostile hand could, must be refused as a whole with one line naming the file, leave the
project byte for byte as it was (and write no backup), and never leave `check` failing.
One case per item of issue 9 (1-4, 6, 12) and issue 11 (5, 6)."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import db
from annotator.core.importers.base import ImportedDocument
from annotator.core.merge import PackageRefusedError, merge_package, merge_packages
from annotator.core.packages import make_package
from annotator.core.project import Project

TEXTS = [
    "قالت صحيفة الجارديان إن John Smith غادر الموصل في 2017.",
    "أعلن المتحدث باسم الوزارة أن الاجتماع سيعقد غدا في القاهرة.",
    "نقلت وكالة رويترز عن مصادر مطلعة أن المفاوضات توقفت مؤقتا.",
]


def span(text, word):
    s = text.index(word)
    return s, s + len(word)


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def sql(path: Path, *statements, params=()) -> None:
    con = sqlite3.connect(path)
    try:
        for st in statements:
            con.execute(st, params) if params else con.execute(st)
        con.commit()
    finally:
        con.close()


def scalar(path: Path, query: str, params=()):
    con = sqlite3.connect(path)
    try:
        return con.execute(query, params).fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def study(tmp_path):
    """Mona has documents 1 and 2, Ali has 3 and 1; Ali has coded (claim, source, link)."""
    path = tmp_path / "study.annot"
    with Project.create(path, name="Study") as p:
        p.add_documents([ImportedDocument(text=t, title=f"doc {i}")
                         for i, t in enumerate(TEXTS, 1)])
        p.assign([1, 2], "mona")
        p.assign([3, 1], "ali")
        claim = p.add_annotation(3, "ali", "claim", *span(TEXTS[2], "المفاوضات توقفت"),
                                 attrs={"claim_type": "factual"})
        src = p.add_annotation(3, "ali", "source", *span(TEXTS[2], "رويترز"))
        p.add_relation("attributed_to", claim.uuid, src.uuid, "ali")
        p.set_status(3, "ali", "done")
        shared = p.add_annotation(1, "ali", "claim", *span(TEXTS[0], "John Smith"))
        mona = tmp_path / "mona.annot"
        make_package(p, "mona", None, mona)
    with Project.open(mona) as pkg:
        c = pkg.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر الموصل"),
                               attrs={"claim_type": "factual"})
        s = pkg.add_annotation(1, "mona", "source", *span(TEXTS[0], "الجارديان"))
        pkg.add_relation("attributed_to", c.uuid, s.uuid, "mona")
        pkg.add_annotation(2, "mona", "claim", *span(TEXTS[1], "الاجتماع سيعقد"))
        pkg.set_status(1, "mona", "done")
    return {"project": path, "mona": mona, "ali_claim": claim.uuid, "ali_source": src.uuid,
            "ali_shared": shared.uuid}


def refused(study, *needles, allow=()):
    """Merge must refuse with one line naming the package; nothing changes."""
    before = dump(study["project"])
    backups = db.list_backups(study["project"])
    with Project.open(study["project"]) as p:
        backups = db.list_backups(study["project"])  # the rolling one on open
        with pytest.raises(PackageRefusedError) as err:
            merge_packages(p, [study["mona"]], allow_coders=allow)
        assert p.check() == []
    msg = str(err.value)
    assert msg.startswith(f"{study['mona']}: ") and "\n" not in msg, msg
    for n in needles:
        assert n in msg, msg
    assert dump(study["project"]) == before
    assert db.list_backups(study["project"]) == backups  # no before-merge backup
    return msg


def later(path: Path, table="annotations"):
    sql(path, f"UPDATE {table} SET updated = '2099-01-01 00:00:00.000000'")


# --- the untampered package merges and leaves check passing ---------------------------------

def test_the_untampered_package_merges(study):
    with Project.open(study["project"]) as p:
        r = merge_package(p, study["mona"])
        assert r.added["annotations"] == 3 and r.added["relations"] == 1
        assert p.check() == []


# --- issue 9 items 1-3, issue 11 item 5: a package carries only its coder's rows ---------------

def test_an_annotation_carrying_another_coders_uuid_is_refused(study):
    # Mona's claim in document 1 takes the UUID of Ali's claim in document 3, edited later
    sql(study["mona"], "UPDATE annotations SET uuid = ?, updated = '2099-01-01 00:00:00' "
        "WHERE quote = 'غادر الموصل'", params=(study["ali_claim"],))
    msg = refused(study, "1 row refused", study["ali_claim"], "another coder's annotation")
    assert "nothing was merged" in msg


def test_a_tombstone_of_another_coders_annotation_is_refused(study):
    # Ali's claim in document 1 (which both were given), deleted "by Mona", later
    sql(study["mona"], "INSERT INTO annotations (uuid, document_id, coder_id, category_id, "
        "start, \"end\", quote, attrs, created, updated, deleted) SELECT ?, 1, coder_id, "
        "category_id, ?, ?, 'John Smith', '{}', created, '2099-01-01 00:00:00', "
        "'2099-01-01 00:00:00' FROM annotations LIMIT 1",
        params=(study["ali_shared"], *span(TEXTS[0], "John Smith")))
    refused(study, study["ali_shared"], "another coder's annotation")
    with Project.open(study["project"], readonly=True) as p:
        assert p.annotation(study["ali_shared"]).deleted is None


def test_rows_under_another_coders_name_are_refused_unless_allowed(study):
    # the desk was left on Ali's name: a claim of "ali" in Mona's package
    ali_uuid = scalar(study["project"], "SELECT uuid FROM coders WHERE name = 'ali'")
    sql(study["mona"], "INSERT INTO coders (uuid, name, role) VALUES (?, 'ali', 'coder')",
        params=(ali_uuid,))
    sql(study["mona"], "UPDATE annotations SET coder_id = (SELECT id FROM coders WHERE "
        "name = 'ali') WHERE quote = 'الاجتماع سيعقد'")
    refused(study, "1 row of other coders (ali: 1)", "--allow-coders ali")
    with Project.open(study["project"]) as p:  # on purpose: accepted
        r = merge_package(p, study["mona"], allow_coders=["ali"])
        assert r.added["annotations"] == 3
        assert [a.quote for a in p.annotations(coder="ali", doc_id=2)] == ["الاجتماع سيعقد"]
        assert p.status(3, "ali") == "done"
        assert p.check() == []


def test_a_coder_cannot_rename_themself_inside_a_package(study):
    sql(study["mona"], "UPDATE coders SET name = 'ali' WHERE name = 'mona'")
    refused(study, "renamed themself to 'ali'")


def test_another_identity_under_the_coders_name_is_refused(study):
    sql(study["mona"], "UPDATE coders SET uuid = '00000000-0000-4000-8000-000000000000' "
        "WHERE name = 'mona'")
    refused(study, "not the project's 'mona'")


def test_work_on_a_document_not_given_to_the_coder_is_refused(study):
    # document 3 is Ali's; the package has it only if someone adds it
    sql(study["mona"], "INSERT INTO documents (id, uuid, title, language, sha256, length, "
        "meta, created) VALUES (3, ?, 'x', 'ar', ?, ?, '{}', '2026-01-01 00:00:00')",
        params=(scalar(study["project"], "SELECT uuid FROM documents WHERE id = 3"),
                scalar(study["project"], "SELECT sha256 FROM documents WHERE id = 3"),
                len(TEXTS[2])))
    sql(study["mona"], "INSERT INTO document_texts (document_id, text) VALUES (3, ?)",
        params=(TEXTS[2],))
    sql(study["mona"], "UPDATE annotations SET document_id = 3, start = 0, \"end\" = 4, "
        "quote = 'نقلت' WHERE quote = 'الاجتماع سيعقد'")
    refused(study, "document 3 was not given to mona")


# --- issue 9 item 4: values are validated on the way in -----------------------------------------

@pytest.mark.parametrize("edit, needle", [
    ("UPDATE annotations SET attrs = '{\"claim_type\": \"no_such_value\", \"zzz\": 1}' "
     "WHERE quote = 'غادر الموصل'", "'no_such_value' is not one of"),
    ("UPDATE annotations SET attrs = '{\"zzz\": 1}' WHERE quote = 'غادر الموصل'",
     "category 'claim' has no attribute 'zzz'"),
    ("UPDATE annotations SET attrs = 'not json {' WHERE quote = 'غادر الموصل'",
     "are not JSON"),
    ("UPDATE annotations SET attrs = '[1, 2]' WHERE quote = 'غادر الموصل'",
     "not a JSON object"),
    ("UPDATE annotations SET updated = 'not a date' WHERE quote = 'غادر الموصل'",
     "updated 'not a date' is not a date and time"),
    ("UPDATE annotations SET created = 17 WHERE quote = 'غادر الموصل'",
     "created 17 is not a date and time"),
    ("UPDATE annotations SET \"end\" = 100000 WHERE quote = 'غادر الموصل'",
     "is outside the text"),
    ("UPDATE annotations SET start = \"end\", \"end\" = start WHERE quote = 'غادر الموصل'",
     "is reversed"),
    ("UPDATE annotations SET start = 'x' WHERE quote = 'غادر الموصل'",
     "start 'x' is not a whole number"),
    ("UPDATE annotations SET uuid = 'not-a-uuid' WHERE quote = 'غادر الموصل'",
     "uuid 'not-a-uuid' is not a UUID"),
    ("UPDATE relations SET updated = 'soon'", "relation"),
    ("UPDATE assignments SET status = 'finished'", "'finished' is not one of"),
])
def test_invalid_values_refuse_the_file_naming_the_row(study, edit, needle):
    sql(study["mona"], "PRAGMA foreign_keys=OFF", edit)
    refused(study, needle)


def test_a_relation_across_two_documents_is_refused(study):
    sql(study["mona"], "UPDATE relations SET to_id = (SELECT id FROM annotations WHERE "
        "quote = 'الاجتماع سيعقد')")
    # make the far end a source so only the documents differ
    sql(study["mona"], "UPDATE annotations SET category_id = (SELECT id FROM categories "
        "WHERE key = 'source') WHERE quote = 'الاجتماع سيعقد'")
    refused(study, "links annotations of two documents (1 and 2)")


def test_a_coder_name_with_control_characters_is_refused(study):
    sql(study["mona"], "INSERT INTO coders (uuid, name, role) VALUES "
        "('00000000-0000-4000-8000-000000000001', 'eve' || char(10) || 'x', 'coder')")
    refused(study, "control characters")


# --- issue 11 item 6, issue 9 items 11-12: twice, no-op, skipped --------------------------------

def test_the_same_file_given_twice_is_merged_once(study, tmp_path, capsys):
    link = tmp_path / "again.annot"
    link.symlink_to(study["mona"])
    with Project.open(study["project"]) as p:
        reports = merge_packages(p, [study["mona"], study["mona"], link])
    assert len(reports) == 1 and reports[0].given == 3
    assert reports[0].added["annotations"] == 3 and reports[0].skipped["annotations"] == 0
    code = main(["merge", str(study["project"]), str(study["mona"]), str(study["mona"])])
    out = capsys.readouterr().out
    assert code == 0 and out.count(str(study["mona"])) == 1, out
    assert "given 2 times; merged once" in out


def test_a_merge_that_changes_nothing_writes_no_backup(study, capsys):
    assert main(["merge", str(study["project"]), str(study["mona"])]) == 0
    assert "backup before the merge" in capsys.readouterr().out
    # the next open backs up what the merge brought (on open); after that, nothing
    assert main(["merge", str(study["project"]), str(study["mona"])]) == 0
    capsys.readouterr()
    kept = db.list_backups(study["project"])
    before = dump(study["project"])
    for _ in range(5):
        assert main(["merge", str(study["project"]), str(study["mona"])]) == 0
        out = capsys.readouterr().out
        assert "nothing new (already merged)" in out and "no backup was written" in out
    assert db.list_backups(study["project"]) == kept
    assert dump(study["project"]) == before


def test_a_merge_that_skipped_rows_does_not_say_already_merged(study, capsys):
    sql(study["mona"], "UPDATE documents SET uuid = 'elsewhere', sha256 = 'x' WHERE id = 2")
    shutil.copy(study["mona"], study["mona"].with_name("copy.annot"))
    assert main(["merge", str(study["project"]), str(study["mona"])]) == 0
    assert main(["merge", str(study["project"]), str(study["mona"])]) == 0
    out = capsys.readouterr().out.split("backup before the merge")[1]
    assert "already merged" not in out and "nothing merged, see the skipped rows" in out


# --- the command line: one line, exit 1 ---------------------------------------------------------

def test_cli_refusal_is_one_line_naming_the_file(study, capsys):
    sql(study["mona"], "UPDATE annotations SET updated = 'not a date'")
    before = dump(study["project"])
    code = main(["merge", str(study["project"]), str(study["mona"])])
    cap = capsys.readouterr()
    assert code == 1 and cap.out == ""
    assert cap.err.startswith(f"error: {study['mona']}: ") and cap.err.count("\n") == 1
    assert "internal error" not in cap.err
    assert dump(study["project"]) == before


def test_cli_allow_coders(study, capsys):
    ali_uuid = scalar(study["project"], "SELECT uuid FROM coders WHERE name = 'ali'")
    sql(study["mona"], "INSERT INTO coders (uuid, name, role) VALUES (?, 'ali', 'coder')",
        params=(ali_uuid,))
    sql(study["mona"], "UPDATE annotations SET coder_id = (SELECT id FROM coders WHERE "
        "name = 'ali') WHERE quote = 'الاجتماع سيعقد'")
    assert main(["merge", str(study["project"]), str(study["mona"])]) == 1
    assert "--allow-coders ali" in capsys.readouterr().err
    assert main(["merge", str(study["project"]), str(study["mona"]),
                 "--allow-coders", "ali"]) == 0
    assert "annotations: 3 added" in capsys.readouterr().out


# --- a package damaged in its codebook or its tables -----------------------------------------

@pytest.mark.parametrize("edits, needle", [
    (["DROP TABLE category_groups"], "table 'category_groups' is missing"),
    (["DROP TABLE attributes"], "table 'attributes' is missing"),
    (["UPDATE attributes SET \"values\" = 'nope' WHERE type = 'choice'"],
     "choice values are not a JSON list"),
    (["UPDATE attributes SET \"values\" = '[1, 2]' WHERE type = 'choice'"],
     "values is not a list of values"),
    (["UPDATE attributes SET \"values\" = '[{\"name_en\": \"x\"}]' WHERE type = 'choice'"],
     "values is not a list of values"),
    (["UPDATE categories SET key = X'ff' WHERE key = 'claim'"], "key is not text"),
    (["UPDATE annotations SET attrs = printf('%.*c', 100000, '[')"], "not JSON"),
])
def test_a_package_damaged_beyond_its_rows_is_refused_in_one_line(study, capsys, edits,
                                                                    needle):
    """The damage was in the package, the check behind an unexpected error looked at the
    project: each of these was an internal error."""
    sql(study["mona"], "PRAGMA foreign_keys=OFF", *edits)
    before = dump(study["project"])
    code = main(["merge", str(study["project"]), str(study["mona"])])
    err = capsys.readouterr().err
    assert code == 1 and "internal error" not in err, err
    assert err.startswith(f"error: {study['mona']}: ") and err.count("\n") == 1, err
    assert needle in err, err
    assert dump(study["project"]) == before
