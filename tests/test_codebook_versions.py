"""Codebook versions: every saved change numbered with time, who and a change list;
compatible revisions never block a merge; a package learns the new codebook with
`package --update` without its work changing; changes that stored work cannot survive are
refused with the list of what uses them (issue 9 item 5)."""

from __future__ import annotations

import copy
import json
import sqlite3

import pytest
import yaml

from annotator.cli import main
from annotator.core.codebook import Codebook, ValueDef, save_codebook
from annotator.core.importers.base import ImportedDocument
from annotator.core.merge import CodebookMismatchError, merge_package
from annotator.core.packages import make_package, update_package
from annotator.core.project import Project
from annotator.core.versions import CodebookConflictError

TEXT = "قالت صحيفة الجارديان إن المقاتل غادر الموصل في 2017. وأكدت مواقع عراقية ذلك."


def span(word):
    s = TEXT.index(word)
    return s, s + len(word)


def dump(path) -> dict:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("annotations", "relations", "document_notes", "categories",
                          "attributes", "codebook_versions", "project")}
    finally:
        con.close()


def work(path) -> list:
    """The coder's work as stored: annotations, relations and notes, rows as they are."""
    d = dump(path)
    return [d["annotations"], d["relations"], d["document_notes"]]


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path, name="Study") as p:
        p.add_documents([ImportedDocument(text=TEXT, title="t")])
    return path


def revised(cb: Codebook, fn) -> Codebook:
    cb = copy.deepcopy(cb)
    fn(cb)
    return cb


def add_rumour(cb):
    cb.category("claim").attribute("claim_type").values.append(
        ValueDef("rumour", "شائعة", "Rumour", "heard, not confirmed"))


def drop_value(key):
    def fn(cb):
        a = cb.category("claim").attribute("claim_type")
        a.values = [v for v in a.values if v.key != key]
    return fn


def test_every_change_is_a_version_with_time_who_and_what(study, tmp_path, capsys):
    with Project.open(study) as p:
        [v1] = p.codebook_history()
        assert v1.number == 1 and "5 categories" in v1.changes[0]
        cb = p.codebook()
        assert p.set_codebook(revised(cb, add_rumour), author="sara") == 2
        assert p.set_codebook(p.codebook(), author="sara") is None  # nothing changed
        def recolour(c):
            c.category("source").color = "#336699"
            c.category("claim").name_en = "Statement"
        assert p.set_codebook(revised(p.codebook(), recolour), author="omar") == 3
        assert p.codebook().version == 3 and p.info()["codebook_version"] == 3
        hist = p.codebook_history()
        assert [(v.number, v.author) for v in hist] == [(1, ""), (2, "sara"), (3, "omar")]
        assert hist[1].changes == ["added value 'rumour' to 'claim.claim_type'"]
        assert hist[2].changes == [
            f"category 'claim': name_en '{cb.category('claim').name_en}' -> 'Statement'",
            f"category 'source': color {cb.category('source').color} -> #336699"]
        assert p.codebook_version(2).category("claim").attribute("claim_type").value("rumour")
    assert main(["codebook", str(study), "--history"]) == 0
    out = capsys.readouterr().out
    assert "version 2" in out and "sara" in out and "added value 'rumour'" in out
    assert main(["codebook", str(study), "--history", "--json"]) == 0
    assert [v["number"] for v in json.loads(capsys.readouterr().out)] == [1, 2, 3]


def test_import_that_would_invalidate_stored_annotations_is_refused(study, tmp_path, capsys):
    with Project.open(study) as p:
        a = p.add_annotation(1, "mona", "claim", *span("غادر الموصل"),
                             attrs={"claim_type": "prediction"})
        cb = p.codebook()
    before = dump(study)
    # a used value removed
    f = tmp_path / "dropped.yaml"
    save_codebook(revised(cb, drop_value("prediction")), f)
    assert main(["codebook", str(study), "--import", str(f)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {f}: ") and len(err.strip().splitlines()) == 1
    assert "value 'prediction' of 'claim.claim_type'" in err and a.uuid in err
    assert "annotator recode" in err
    # a used choice attribute turned into a number
    def to_number(c):
        attr = c.category("claim").attribute("claim_type")
        attr.type, attr.values = "number", []
    f2 = tmp_path / "typed.yaml"
    save_codebook(revised(cb, to_number), f2)
    assert main(["codebook", str(study), "--import", str(f2)]) == 1
    err = capsys.readouterr().err
    assert "'claim.claim_type' is choice in the project but number" in err and a.uuid in err
    assert dump(study) == before
    # removing a value nobody uses is fine, and recorded
    f3 = tmp_path / "ok.yaml"
    save_codebook(revised(cb, drop_value("statistical")), f3)
    assert main(["codebook", str(study), "--import", str(f3)]) == 0
    with Project.open(study, readonly=True) as p:
        assert p.codebook_history()[-1].changes == [
            "removed value 'statistical' from 'claim.claim_type'"]
        assert p.annotation(a.uuid).attrs == {"claim_type": "prediction"}


def test_package_from_an_older_version_merges_after_a_compatible_revision(study, tmp_path):
    pkg = tmp_path / "mona.annot"
    with Project.open(study) as p:
        make_package(p, "mona", [1], pkg)
    with Project.open(pkg) as k:
        assert k.info()["codebook_version"] == 1
        a = k.add_annotation(1, "mona", "claim", *span("غادر الموصل"),
                             attrs={"claim_type": "factual"})
        k.set_note(a.uuid, "ok")
    with Project.open(study) as p:
        p.set_codebook(revised(p.codebook(), add_rumour), author="sara")  # version 2
        r = merge_package(p, pkg)
        assert r.added["annotations"] == 1
        got = p.annotation(a.uuid)
        assert (got.start, got.end, got.attrs, got.note) == (a.start, a.end,
                                                              {"claim_type": "factual"}, "ok")
        assert p.check() == []


def test_package_whose_work_uses_a_deleted_value_is_refused_with_the_list(study, tmp_path):
    pkg = tmp_path / "mona.annot"
    with Project.open(study) as p:
        make_package(p, "mona", [1], pkg)
    with Project.open(pkg) as k:
        a = k.add_annotation(1, "mona", "claim", *span("غادر الموصل"),
                             attrs={"claim_type": "prediction"})
    with Project.open(study) as p:
        p.set_codebook(revised(p.codebook(), drop_value("prediction")), author="sara")
    before = dump(study)
    with Project.open(study) as p, pytest.raises(CodebookMismatchError) as err:
        merge_package(p, pkg)
    assert err.value.differences == [
        f"value 'prediction' of 'claim.claim_type' is missing in the project but is used "
        f"by 1 annotation ({a.uuid})"]
    assert dump(study) == before


def test_update_writes_the_new_codebook_into_a_package_without_touching_the_work(
        study, tmp_path, capsys):
    pkg = tmp_path / "mona.annot"
    with Project.open(study) as p:
        make_package(p, "mona", [1], pkg)
    with Project.open(pkg) as k:
        a = k.add_annotation(1, "mona", "claim", *span("غادر الموصل"),
                             attrs={"claim_type": "factual"})
        k.set_flag(a.uuid, True)
        k.set_document_note(1, "mona", "note")
    before = work(pkg)
    with Project.open(study) as p:
        p.set_codebook(revised(p.codebook(), add_rumour), author="sara")
    assert main(["package", str(study), "--coder", "mona", "--update", str(pkg)]) == 0
    assert "codebook version 1 -> 2" in capsys.readouterr().out
    assert work(pkg) == before
    with Project.open(pkg, readonly=True) as k:
        assert k.codebook().version == 2
        assert k.codebook().category("claim").attribute("claim_type").value("rumour")
        assert [v.number for v in k.codebook_history()] == [1, 2]
        assert k.info()["package_coder"] == "mona"
    # the updated package still merges, and brings its work
    with Project.open(study) as p:
        assert merge_package(p, pkg).added["annotations"] == 1
    # another coder's name is refused
    assert main(["package", str(study), "--coder", "ali", "--update", str(pkg)]) == 1
    assert "is the package of 'mona', not of 'ali'" in capsys.readouterr().err


def test_update_refused_when_the_package_uses_what_the_new_codebook_dropped(study, tmp_path):
    pkg = tmp_path / "mona.annot"
    with Project.open(study) as p:
        make_package(p, "mona", [1], pkg)
    with Project.open(pkg) as k:
        a = k.add_annotation(1, "mona", "claim", *span("غادر الموصل"),
                             attrs={"claim_type": "prediction"})
    with Project.open(study) as p:
        p.set_codebook(revised(p.codebook(), drop_value("prediction")), author="sara")
    before = dump(pkg)
    with Project.open(study, readonly=True) as p, pytest.raises(CodebookConflictError) as err:
        update_package(p, "mona", pkg)
    assert a.uuid in str(err.value) and str(err.value).startswith(str(pkg))
    assert dump(pkg) == before


def test_retired_entries_travel_in_the_yaml(study, tmp_path):
    with Project.open(study) as p:
        def retire(c):
            c.category("claim").attribute("claim_type").value("prediction").retired = True
        p.set_codebook(revised(p.codebook(), retire), author="sara")
        assert p.codebook_history()[-1].changes == [
            "retired value 'claim.claim_type.prediction'"]
        out = tmp_path / "cb.yaml"
        save_codebook(p.codebook(), out)
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    claim = next(c for c in data["categories"] if c["key"] == "claim")
    [vals] = [a["values"] for a in claim["attributes"] if a["key"] == "claim_type"]
    assert next(v for v in vals if v["key"] == "prediction")["retired"] is True


def test_agreement_and_workbook_name_the_versions_the_figures_rest_on(study, tmp_path):
    import openpyxl

    from annotator.core.agreement.from_project import project_report
    from annotator.core.exporters import export_xlsx

    with Project.open(study) as p:
        p.add_annotation(1, "mona", "claim", *span("غادر الموصل"))
        p.set_codebook(revised(p.codebook(), add_rumour), author="sara")  # version 2
        p.add_annotation(1, "ali", "claim", *span("غادر الموصل"))
        for c in ("mona", "ali"):
            p.set_status(1, c, "done")
        report = project_report(p)
        assert report["codebook_versions"] == {"current": 2, "coded_with": [1, 2]}
        assert project_report(p, coders=["ali", "mona"])["codebook_versions"]["coded_with"] \
            == [1, 2]
        export_xlsx(p, tmp_path / "out.xlsx")
    about = {r[0].value: r[1].value
             for r in openpyxl.load_workbook(tmp_path / "out.xlsx")["About"].iter_rows()}
    assert about["codebook version"] == 2
    assert about["codebook versions coded with"] == "1, 2"


def test_an_unused_attribute_can_be_removed_and_a_used_one_cannot(study):
    """Removing an attribute from a category used to crash the save (a deleted row left
    in the category's attribute list)."""
    with Project.open(study) as p:
        def drop(name):
            def fn(c):
                cat = c.category("claim")
                cat.attributes = [a for a in cat.attributes if a.key != name]
            return fn
        assert p.codebook().category("claim").attribute("attribution") is not None
        assert p.set_codebook(revised(p.codebook(), drop("attribution")), author="sara")
        assert p.codebook().category("claim").attribute("attribution") is None
        a = p.add_annotation(1, "mona", "claim", *span("غادر الموصل"),
                             attrs={"claim_type": "factual"})
        with pytest.raises(CodebookConflictError, match=a.uuid):
            p.set_codebook(revised(p.codebook(), drop("claim_type")))
