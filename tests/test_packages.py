"""Coder packages out, merged back in; assignment and progress."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import db
from annotator.core.errors import InputError, NotFoundError, ProjectError
from annotator.core.importers.base import ImportedDocument
from annotator.core.merge import CodebookMismatchError, merge_package, merge_packages
from annotator.core.packages import (
    apply_assignment,
    make_package,
    parse_ids,
    plan_assignment,
    progress,
)
from annotator.core.project import Project

TEXTS = [
    "قالت صحيفة الجارديان إن John Smith 😀 غادر الموصل في 2017.\nوأكدت مواقع عراقية ذلك.",
    "أعلن المتحدث باسم الوزارة أن الاجتماع سيعقد غدا في القاهرة.",
    "نقلت وكالة رويترز عن مصادر مطلعة أن المفاوضات توقفت 𝐀 مؤقتا.",
    "ذكر شهود عيان أن الانفجار وقع قرب السوق المركزي صباح اليوم.",
]
TABLES = ("documents", "document_texts", "coders", "assignments", "annotations", "relations")


def span(text, word):
    s = text.index(word)
    return s, s + len(word)


def dump(path: Path) -> dict:
    """Every row of the tables a merge may touch (read through SQLite, not the API)."""
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}
    finally:
        con.close()


def rows(project, coder=None):
    """Annotations as comparable tuples, tombstones included."""
    return sorted((a.uuid, a.doc_id, a.coder, a.category, a.start, a.end, a.quote,
                   tuple(sorted(a.attrs.items())), a.updated, a.deleted)
                  for a in project.annotations(coder=coder, include_deleted=True))


@pytest.fixture
def main_path(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path, name="Study") as p:
        p.add_documents([ImportedDocument(text=t, title=f"doc {i}", author="كاتب",
                                          meta={"section": f"s{i}"})
                         for i, t in enumerate(TEXTS, 1)])
    return path


@pytest.fixture
def project(main_path):
    p = Project.open(main_path)
    yield p
    p.close()


def package(project, coder, docs, tmp_path, name=None, **kw):
    out = tmp_path / (name or f"{coder}.annot")
    return make_package(project, coder, docs, out, **kw)["path"]


# --- packages --------------------------------------------------------------------------------

def test_package_holds_only_the_assigned_documents_and_the_coders_own_work(project, tmp_path):
    mona_claim = project.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر الموصل"))
    ali_claim = project.add_annotation(1, "ali", "claim", *span(TEXTS[0], "غادر الموصل"))
    project.add_annotation(2, "ali", "claim", *span(TEXTS[1], "الاجتماع"))
    info = make_package(project, "mona", [1, 2], tmp_path / "mona.annot")
    assert (info["documents"], info["annotations"], info["relations"]) == (2, 1, 0)
    main_docs = {d.id: d for d in project.documents()}
    mona = next(c for c in project.coders() if c.name == "mona")
    with Project.open(info["path"], readonly=True) as pkg:
        assert pkg.uuid == project.uuid
        assert pkg.info()["package_coder"] == "mona"
        assert pkg.codebook().fingerprint() == project.codebook().fingerprint()
        docs = pkg.documents()
        assert [d.id for d in docs] == [1, 2]
        for d in docs:
            m = main_docs[d.id]
            assert (d.uuid, d.title, d.author, d.sha256, d.length, d.meta) == \
                (m.uuid, m.title, m.author, m.sha256, m.length, m.meta)
            assert pkg.text(d.id) == project.text(d.id)
        # blind: only mona, her annotation, her assignments
        assert [(c.uuid, c.name) for c in pkg.coders()] == [(mona.uuid, "mona")]
        [a] = pkg.annotations()
        assert a.uuid == mona_claim.uuid and a.uuid != ali_claim.uuid
        assert {d.id: d.status for d in docs} == {1: {"mona": "in_progress"},
                                                  2: {"mona": "todo"}}
        assert pkg.check() == []
    # handing out assigns in the main project too
    assert project.status(2, "mona") == "todo"
    assert {r["coder"]: r["assigned"] for r in progress(project)}["mona"] == 2


def test_package_without_docs_takes_the_assigned_ones(project, tmp_path):
    with pytest.raises(InputError, match="no documents are assigned to 'mona'"):
        make_package(project, "mona", None, tmp_path / "m.annot")
    assert not (tmp_path / "m.annot").exists()
    project.assign([3, 4], "mona")
    info = make_package(project, "mona", None, tmp_path / "m.annot")
    assert info["documents"] == 2
    with Project.open(info["path"], readonly=True) as pkg:
        assert [d.id for d in pkg.documents()] == [3, 4]


def test_package_refuses_unknown_documents_and_existing_files(project, tmp_path):
    with pytest.raises(NotFoundError, match="no document with id 9"):
        make_package(project, "mona", [1, 9], tmp_path / "m.annot")
    assert not list(tmp_path.glob("m.annot*"))
    out = package(project, "mona", [1], tmp_path)
    with pytest.raises(ProjectError, match="already exists"):
        make_package(project, "mona", [1, 2], out)
    make_package(project, "mona", [1, 2], out, overwrite=True)
    with Project.open(out, readonly=True) as pkg:
        assert len(pkg.documents()) == 2


def test_parse_ids():
    assert parse_ids("1,2,5-9") == [1, 2, 5, 6, 7, 8, 9]
    assert parse_ids(" 3 , 1,1-2 ") == [1, 2, 3]
    for bad in ("a", "3-1", "", "1-x", "0"):
        with pytest.raises(InputError):
            parse_ids(bad)


# --- merging ---------------------------------------------------------------------------------

def test_round_trip_brings_back_exactly_the_coders_changes(project, tmp_path):
    keep = project.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر الموصل"))
    edit = project.add_annotation(1, "mona", "source", *span(TEXTS[0], "الجارديان"))
    gone = project.add_annotation(1, "mona", "claim", *span(TEXTS[0], "مواقع"))
    ali = project.add_annotation(1, "ali", "claim", *span(TEXTS[0], "غادر"))
    path = package(project, "mona", [1, 2], tmp_path)
    before_ali = rows(project, "ali")

    with Project.open(path) as pkg:  # the coder at work, offline
        coder = pkg.info()["package_coder"]
        new = pkg.add_annotation(2, coder, "claim", *span(TEXTS[1], "الاجتماع سيعقد"),
                                 attrs={"claim_type": "factual"})
        src = pkg.add_annotation(2, coder, "source", *span(TEXTS[1], "المتحدث"),
                                 attrs={"name": "المتحدث"})
        rel = pkg.add_relation("attributed_to", new.uuid, src.uuid, coder)
        pkg.update_annotation(edit.uuid, start=span(TEXTS[0], "صحيفة الجارديان")[0],
                              attrs={"name": "الجارديان"})
        pkg.delete_annotation(gone.uuid)
        pkg.set_status(1, coder, "done")
        pkg.set_status(2, coder, "done")
        expected = rows(pkg)
        expected_rel = [(r.uuid, r.type, r.from_uuid, r.to_uuid, r.coder) for r in pkg.relations()]

    report = merge_package(project, path)
    assert report.coder == "mona"
    assert report.added["annotations"] == 2 and report.updated["annotations"] == 1
    assert report.deleted["annotations"] == 1 and report.skipped["annotations"] == 1
    assert report.added["relations"] == 1
    assert report.updated["assignments"] == 2
    assert report.notes == []
    assert rows(project, "mona") == expected
    assert rows(project, "ali") == before_ali
    assert [(r.uuid, r.type, r.from_uuid, r.to_uuid, r.coder)
            for r in project.relations(coder="mona")] == expected_rel == \
        [(rel.uuid, "attributed_to", new.uuid, src.uuid, "mona")]
    assert project.status(1, "mona") == project.status(2, "mona") == "done"
    assert project.annotation(keep.uuid).deleted is None
    assert project.annotation(gone.uuid).deleted is not None
    assert project.annotation(edit.uuid).quote == "صحيفة الجارديان"
    assert project.annotation(ali.uuid).deleted is None
    assert project.check() == []

    # a re-issued package continues the work: the merged annotations are in it
    again = package(project, "mona", None, tmp_path, name="mona2.annot")
    with Project.open(again, readonly=True) as pkg:
        assert {a.uuid for a in pkg.annotations()} == {keep.uuid, edit.uuid, new.uuid,
                                                       src.uuid}
        assert pkg.status(2, "mona") == "done"


def test_merging_the_same_file_twice_changes_nothing(project, main_path, tmp_path):
    project.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر الموصل"))
    path = package(project, "mona", [1, 2], tmp_path)
    with Project.open(path) as pkg:
        a = pkg.add_annotation(2, "mona", "claim", *span(TEXTS[1], "الاجتماع"))
        b = pkg.add_annotation(2, "mona", "source", *span(TEXTS[1], "المتحدث"))
        pkg.add_relation("attributed_to", a.uuid, b.uuid, "mona")
        pkg.delete_annotation(pkg.annotations(1)[0].uuid)
        pkg.set_status(2, "mona", "done")
    first = merge_package(project, path)
    assert first.changed
    before = dump(main_path)
    second = merge_package(project, path)
    assert dump(main_path) == before
    assert not second.changed
    assert second.totals()["skipped"] == sum(first.totals().values())
    assert second.skipped["annotations"] == 3 and second.skipped["relations"] == 1


def test_a_later_edit_replaces_an_earlier_one(project, tmp_path):
    a = project.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر"))
    path = package(project, "mona", [1], tmp_path)
    stale = tmp_path / "stale.annot"
    with Project.open(path) as pkg:
        pkg.update_annotation(a.uuid, end=span(TEXTS[0], "غادر الموصل")[1])
    shutil.copy(path, stale)  # the coder sent this version first ...
    with Project.open(path) as pkg:  # ... and then changed her mind
        pkg.update_annotation(a.uuid, attrs={"claim_type": "factual"},
                              end=span(TEXTS[0], "غادر الموصل في 2017")[1])
    r = merge_package(project, path)
    assert r.updated["annotations"] == 1
    assert project.annotation(a.uuid).quote == "غادر الموصل في 2017"
    # the older version arriving late does not undo the later one
    r = merge_package(project, stale)
    assert not r.changed and r.skipped["annotations"] == 1
    assert project.annotation(a.uuid).quote == "غادر الموصل في 2017"
    assert project.annotation(a.uuid).attrs == {"claim_type": "factual"}

    # second round: re-issued package, edited again, merged again: the newer one wins
    path2 = package(project, "mona", [1], tmp_path, name="round2.annot")
    with Project.open(path2) as pkg:
        pkg.update_annotation(a.uuid, category="source", attrs={"name": "x"})
    r = merge_package(project, path2)
    assert r.updated["annotations"] == 1
    assert project.annotation(a.uuid).category == "source"


def test_a_deletion_travels_unless_the_local_row_changed_later(project, tmp_path):
    a = project.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر"))
    b = project.add_annotation(1, "mona", "source", *span(TEXTS[0], "الجارديان"))
    rel = project.add_relation("attributed_to", a.uuid, b.uuid, "mona")
    c = project.add_annotation(1, "mona", "claim", *span(TEXTS[0], "مواقع"))
    path = package(project, "mona", [1], tmp_path)
    with Project.open(path) as pkg:
        pkg.delete_annotation(a.uuid)  # and its relation with it
        pkg.delete_annotation(c.uuid)
    project.update_annotation(c.uuid, attrs={"claim_type": "factual"})  # after her deletion
    r = merge_package(project, path)
    assert r.deleted["annotations"] == 1 and r.deleted["relations"] == 1
    assert project.annotation(a.uuid).deleted is not None
    assert project.relations() == [] and rel.uuid in {
        x.uuid for x in project.relations(include_deleted=True)}
    assert project.annotation(c.uuid).deleted is None  # the later local edit wins
    assert project.check() == []


def test_two_coders_packages_both_come_back(project, tmp_path):
    project.assign([1, 2, 3], "mona")
    project.assign([1, 3, 4], "ali")
    mona, ali = package(project, "mona", None, tmp_path), package(project, "ali", None, tmp_path)
    for path, coder, doc in ((mona, "mona", 3), (ali, "ali", 3)):
        with Project.open(path) as pkg:
            assert [d.id for d in pkg.documents()] == ([1, 2, 3] if coder == "mona"
                                                       else [1, 3, 4])
            pkg.add_annotation(doc, coder, "claim", *span(TEXTS[2], "المفاوضات توقفت"))
            pkg.add_annotation(1, coder, "source", *span(TEXTS[0], "John Smith"))
            pkg.set_status(doc, coder, "done")
    reports = merge_packages(project, [mona, ali])
    assert [r.added["annotations"] for r in reports] == [2, 2]
    assert reports[0].backup == reports[1].backup and reports[0].backup.exists()
    for coder in ("mona", "ali"):
        assert [(a.doc_id, a.category) for a in project.annotations(coder=coder)] == \
            [(1, "source"), (3, "claim")]
        assert project.status(3, coder) == "done"
    assert {r["coder"]: r["done"] for r in progress(project)} == {"ali": 1, "mona": 1}


def test_backup_is_written_before_a_merge(project, main_path, tmp_path):
    path = package(project, "mona", [1], tmp_path)
    with Project.open(path) as pkg:
        pkg.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر"))
    before = dump(main_path)
    report = merge_package(project, path)
    [backup] = [b for b in db.list_backups(main_path) if "before-merge" in b.name]
    assert report.backup == backup
    assert dump(backup) == before != dump(main_path)


def change_codebook(path: Path, conflicting: bool = True) -> None:
    """The coder's copy of the codebook drifts: a category (and the relation that uses it)
    gone, a choice value added, a colour changed: all compatible. With `conflicting`, the
    coder's work also uses the added value and 'source' became a whole-article category:
    keys that mean something else to the project. Written through SQLite so it does not
    depend on Project.set_codebook."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys=ON")
        con.execute("DELETE FROM relation_types WHERE key = 'rates'")
        con.execute("DELETE FROM categories WHERE key = 'reliability'")
        cat = con.execute("SELECT id FROM categories WHERE key = 'claim'").fetchone()[0]
        [(values,)] = con.execute("SELECT \"values\" FROM attributes WHERE category_id = ? "
                                  "AND key = 'claim_type'", (cat,)).fetchall()
        values = json.loads(values) + [{"key": "rumour", "name_ar": "شائعة",
                                        "name_en": "Rumour", "description": ""}]
        con.execute("UPDATE attributes SET \"values\" = ? WHERE category_id = ? "
                    "AND key = 'claim_type'", (json.dumps(values), cat))
        con.execute("UPDATE categories SET color = '#123456' WHERE key = 'source'")
        if conflicting:
            con.execute("UPDATE categories SET kind = 'document' WHERE key = 'source'")
            con.execute("UPDATE annotations SET attrs = '{\"claim_type\": \"rumour\"}' "
                        "WHERE category_id = ?", (cat,))
        con.commit()
    finally:
        con.close()


def test_a_package_with_another_codebook_is_refused_and_nothing_changes(
        project, main_path, tmp_path):
    path = package(project, "mona", [1], tmp_path)
    with Project.open(path) as pkg:
        pkg.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر"))
    change_codebook(path)
    before = dump(main_path)
    backups = db.list_backups(main_path)  # the rolling backup taken on open
    with pytest.raises(CodebookMismatchError) as err:
        merge_package(project, path)
    [uuid] = [a.uuid for a in Project.open(path, readonly=True).annotations()]
    assert err.value.differences == [
        f"value 'rumour' of 'claim.claim_type' is missing in the project but is used by 1 "
        f"annotation ({uuid})",
        "category 'source' is a document category in the package but a span category in "
        "the project",
    ]
    assert str(err.value).startswith(f"{path}: codebook conflicts with the project: "
                                     + "; ".join(err.value.differences))
    assert "what to do" in str(err.value)
    assert dump(main_path) == before
    assert db.list_backups(main_path) == backups  # no before-merge backup for a refusal


def test_a_package_with_an_older_or_drifted_but_compatible_codebook_merges(
        project, main_path, tmp_path):
    """Compatible differences (a category and relation the package lacks, a value only the
    package has and nobody used, a colour) never block a merge; the work arrives intact."""
    path = package(project, "mona", [1], tmp_path)
    with Project.open(path) as pkg:
        a = pkg.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر"),
                               attrs={"claim_type": "factual"})
    change_codebook(path, conflicting=False)
    report = merge_package(project, path)
    assert report.added["annotations"] == 1
    got = project.annotation(a.uuid)
    assert (got.start, got.end, got.attrs) == (a.start, a.end, {"claim_type": "factual"})
    assert project.codebook().category("reliability") is not None  # the project's stays
    assert project.check() == []


def test_a_file_of_another_project_or_not_a_project_is_refused(project, main_path, tmp_path):
    other_path = tmp_path / "other.annot"
    with Project.create(other_path, name="Other") as other:
        other.add_documents([ImportedDocument(text=TEXTS[0], title="same text")])
        other.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر"))
    before = dump(main_path)
    with pytest.raises(ProjectError, match=r"belongs to project 'Other' \(.{8}\), "
                                           r"not 'Study' \(.{8}\)"):
        merge_package(project, other_path)
    junk = tmp_path / "notes.annot"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(ProjectError, match="not an Annotator project"):
        merge_package(project, junk)
    with pytest.raises(ProjectError, match="no such project file"):
        merge_package(project, tmp_path / "missing.annot")
    with pytest.raises(ProjectError, match="is the project itself"):
        merge_package(project, main_path)
    assert dump(main_path) == before


def test_a_merge_of_several_files_is_one_transaction(project, main_path, tmp_path, monkeypatch):
    good = package(project, "mona", [1], tmp_path)
    bad = package(project, "ali", [1], tmp_path)
    with Project.open(good) as pkg:
        pkg.add_annotation(1, "mona", "claim", *span(TEXTS[0], "غادر"))
    with Project.open(bad) as pkg:
        pkg.add_annotation(1, "ali", "claim", *span(TEXTS[0], "غادر"))
    change_codebook(bad)
    before = dump(main_path)
    with pytest.raises(CodebookMismatchError):
        merge_packages(project, [good, bad])
    assert dump(main_path) == before

    # an error half way through the writing keeps nothing either
    from annotator.core import merge

    def boom(self, ps):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(merge._Merger, "assignments", boom)
    with pytest.raises(RuntimeError):
        merge_package(project, good)
    assert dump(main_path) == before


def test_unknown_documents_are_skipped_and_reported_and_sha256_matches(
        project, tmp_path):
    path = package(project, "mona", [1, 2], tmp_path)
    with Project.open(path) as pkg:
        pkg.add_documents([ImportedDocument(text="مقال أضافته المبرمجة بنفسها.", title="x")])
        [extra] = [d.id for d in pkg.documents() if d.id not in (1, 2)]
        pkg.add_annotation(extra, "mona", "claim", 0, 4)
        pkg.add_annotation(2, "mona", "claim", *span(TEXTS[1], "الاجتماع"))
    con = sqlite3.connect(path)  # document 2 re-imported on her side: another UUID
    con.execute("UPDATE documents SET uuid = 'not-the-same' WHERE id = 2")
    con.commit()
    con.close()
    r = merge_package(project, path)
    assert r.added["annotations"] == 1
    assert r.skipped["documents"] == 1 and r.skipped["annotations"] == 1
    assert any("is not in the project" in n for n in r.notes)
    assert [(a.doc_id, a.quote) for a in project.annotations(coder="mona")] == \
        [(2, "الاجتماع")]
    assert len(project.documents()) == 4


# --- assignment --------------------------------------------------------------------------------

def test_plan_assignment_overlap_and_even_shares():
    plan = plan_assignment(range(1, 21), ["A", "B", "C"], overlap=0.2, seed=7)
    assert len(plan.overlap) == 4
    assert sorted(len(v) for v in plan.shares.values()) == [5, 5, 6]
    everyone = set(plan.overlap)
    for c in "ABC":
        docs = plan.documents_for(c)
        assert everyone <= set(docs) and len(docs) == 4 + len(plan.shares[c])
    own = [d for v in plan.shares.values() for d in v]
    assert len(own) == len(set(own)) == 16 and not everyone & set(own)
    assert everyone | set(own) == set(range(1, 21))
    # deterministic with a seed; another seed deals differently
    assert plan_assignment(range(1, 21), ["A", "B", "C"], 0.2, seed=7) == plan
    assert plan_assignment(range(1, 21), ["A", "B", "C"], 0.2, seed=8) != plan
    # edge cases
    assert plan_assignment(range(1, 11), ["A", "B"], overlap=0, seed=1).overlap == []
    assert len(plan_assignment(range(1, 11), ["A", "B"], overlap=1, seed=1).overlap) == 10
    assert plan_assignment([], ["A", "B"], seed=1).per_coder == {"A": [], "B": []}
    for coders, overlap in ((["A", "A"], 0.2), ([], 0.2), (["A"], 1.5)):
        with pytest.raises(InputError):
            plan_assignment(range(5), coders, overlap)


def test_apply_assignment_and_progress(project):
    plan = plan_assignment([1, 2, 3, 4], ["A", "B"], overlap=0.5, seed=3)
    apply_assignment(project, plan)
    project.set_status(plan.overlap[0], "A", "done")
    project.add_annotation(plan.shares["B"][0], "B", "claim", 0, 3)
    assert progress(project) == [
        {"coder": "A", "assigned": 3, "todo": 2, "in_progress": 0, "done": 1},
        {"coder": "B", "assigned": 3, "todo": 2, "in_progress": 1, "done": 0},
    ]


# --- the commands ------------------------------------------------------------------------------

def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str, *needles: str) -> None:
    assert err.startswith("error: ") and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    for n in needles:
        assert n in err, err


def test_cli_assign_package_merge_progress(main_path, tmp_path, capsys):
    code, out, err = run(capsys, "assign", main_path, "--coders", "mona,ali",
                         "--overlap", "0.5", "--seed", "4")
    assert code == 0, err
    assert "assigned 4 documents to 2 coders (seed 4); 2 coded by everyone" in out
    code, out, err = run(capsys, "assign", main_path, "--coders", "mona,ali")
    assert code == 1
    one_line_error(err, "every document is assigned already")

    code, out, err = run(capsys, "progress", main_path)
    assert code == 0 and "mona" in out and "ali" in out and "in progress" in out

    pkg = tmp_path / "mona.annot"
    code, out, err = run(capsys, "package", main_path, "--coder", "mona", "--out", pkg)
    assert code == 0, err
    assert f"wrote {pkg} for mona: 3 documents" in out
    code, out, err = run(capsys, "package", main_path, "--coder", "mona", "--out", pkg)
    assert code == 1
    one_line_error(err, "already exists")

    with Project.open(pkg) as p:
        doc = p.documents()[0].id
        p.add_annotation(doc, "mona", "claim", 0, 3)
        p.set_status(doc, "mona", "done")
    code, out, err = run(capsys, "merge", main_path, pkg)
    assert code == 0, err
    assert f"{pkg}: added 1, updated 1, deleted 0, skipped 2 (package of mona)" in out
    assert "annotations: 1 added" in out and "backup before the merge" in out
    code, out, err = run(capsys, "merge", main_path, pkg)
    assert code == 0 and "nothing new (already merged)" in out

    code, out, err = run(capsys, "progress", main_path, "--json")
    assert {r["coder"]: r["done"] for r in json.loads(out)} == {"ali": 0, "mona": 1}


def test_cli_package_options_and_errors(main_path, tmp_path, capsys):
    code, out, err = run(capsys, "package", main_path, "--coder", "mona", "--docs", "1,3-4",
                         "--out", tmp_path / "a.annot")
    assert code == 0 and "3 documents" in out, err
    code, out, err = run(capsys, "package", main_path, "--coder", "ali", "--all",
                         "--out", tmp_path / "b.annot")
    assert code == 0 and "4 documents" in out, err
    code, out, err = run(capsys, "package", main_path, "--coder", "zed", "--out",
                         tmp_path / "c.annot")
    assert code == 1
    one_line_error(err, "no documents are assigned to 'zed'")
    code, out, err = run(capsys, "package", main_path, "--coder", "zed", "--docs", "2-x",
                         "--out", tmp_path / "c.annot")
    assert code == 1
    one_line_error(err, "'2-x'")
    code, out, err = run(capsys, "package", main_path, "--coder", "zed", "--docs", "7",
                         "--out", tmp_path / "c.annot")
    assert code == 1
    one_line_error(err, "no document with id 7")
    assert not (tmp_path / "c.annot").exists()


def test_cli_merge_refusals_are_one_line(main_path, tmp_path, capsys):
    with Project.open(main_path) as p:
        pkg = package(p, "mona", [1], tmp_path)
    change_codebook(pkg)
    before = dump(main_path)
    code, out, err = run(capsys, "merge", main_path, pkg)
    assert code == 1 and out == ""
    one_line_error(err, f"error: {pkg}: codebook conflicts with the project: category "
                        "'source' is a document category in the package but a span category "
                        "in the project (what to do: ")

    other = tmp_path / "other.annot"
    run(capsys, "new", other)
    code, out, err = run(capsys, "merge", main_path, other)
    assert code == 1
    one_line_error(err, f"error: {other}: belongs to project 'other'", "not 'Study'")

    junk = tmp_path / "junk.annot"
    junk.write_bytes(b"PK\x03\x04 a zip, not a project")
    code, out, err = run(capsys, "merge", main_path, junk)
    assert code == 1
    one_line_error(err, f"error: {junk}: not an Annotator project")
    assert dump(main_path) == before


def test_a_failed_package_leaves_no_file_and_assigns_nothing(project, tmp_path, monkeypatch):
    from annotator.core import packages

    def boom(*a):
        raise RuntimeError("disk full")

    monkeypatch.setattr(packages, "_fill_package", boom)
    with pytest.raises(RuntimeError):
        make_package(project, "mona", [1, 2], tmp_path / "m.annot")
    assert list(tmp_path.glob("m.annot*")) == []
    assert progress(project) == []
