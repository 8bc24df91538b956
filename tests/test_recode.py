"""Operations that rewrite coded data: recode (merge value A into B) and split, each one
transaction, recorded in the history, undoable; delete only what nothing uses."""

from __future__ import annotations

import json
import sqlite3

import pytest

from annotator.cli import main
from annotator.core.codebook import CategoryDef
from annotator.core.errors import CodebookError, InputError, NotFoundError
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

TEXT = "قالت صحيفة الجارديان إن المقاتل غادر الموصل في 2017. وأكدت مواقع عراقية ذلك الخبر."


def span(word):
    s = TEXT.index(word)
    return s, s + len(word)


def rows(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT uuid, category_id, attrs FROM annotations ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path, name="Study") as p:
        p.add_documents([ImportedDocument(text=TEXT, title="t")])
        p.a = p.add_annotation(1, "mona", "claim", *span("غادر الموصل"),
                               attrs={"claim_type": "prediction"})
        p.b = p.add_annotation(1, "ali", "claim", *span("غادر الموصل"),
                               attrs={"claim_type": "prediction"})
        p.c = p.add_annotation(1, "ali", "claim", *span("ذلك الخبر"),
                               attrs={"claim_type": "factual"})
    return path


def test_recode_merges_a_value_and_undo_restores_exactly(study, capsys):
    before = rows(study)
    assert main(["recode", str(study), "claim.claim_type", "prediction", "evaluation",
                 "--by", "sara"]) == 0
    out = capsys.readouterr().out
    assert "merged value 'prediction' into 'evaluation' of 'claim.claim_type' (2 " \
           "annotations recoded)" in out
    with Project.open(study, readonly=True) as p:
        got = {a.uuid: a.attrs.get("claim_type") for a in p.annotations()}
        assert sorted(got.values()) == ["evaluation", "evaluation", "factual"]
        attr = p.codebook().category("claim").attribute("claim_type")
        assert attr.value("prediction") is None
        last = p.codebook_history()[-1]
        assert (last.author, last.operation["op"]) == ("sara", "recode")
        number = last.number
        assert p.check() == []
    assert main(["recode", str(study), "--undo", str(number)]) == 0
    with Project.open(study) as p:
        keys = [v.key for v in p.codebook().category("claim").attribute("claim_type").values]
        assert keys.index("prediction") == 3  # back where it was
        assert sorted(a.attrs["claim_type"] for a in p.annotations()) == [
            "factual", "prediction", "prediction"]
        assert [(u, c, json.loads(a)) for u, c, a in rows(study)] == \
            [(u, c, json.loads(a)) for u, c, a in before]
        # redo: the same operation again
        p.recode("claim", "claim_type", "prediction", "evaluation")
        assert sorted(a.attrs["claim_type"] for a in p.annotations()) == [
            "evaluation", "evaluation", "factual"]
        assert [v.operation and v.operation["op"] for v in p.codebook_history()][-3:] == [
            "recode", "undo", "recode"]


def test_recode_refusals_are_one_line_and_change_nothing(study, capsys):
    before = rows(study)
    for argv, words in [
        (["claim.claim_type", "nope", "factual"], "has no value 'nope'"),
        (["claim", "a", "b"], "is not CATEGORY.ATTRIBUTE"),
        (["source.name", "a", "b"], "only choice values can be merged"),
        (["nope.x", "a", "b"], "no category 'nope'"),
    ]:
        assert main(["recode", str(study), *argv]) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: ") and words in err and len(err.splitlines()) == 1
    assert rows(study) == before


def test_split_moves_chosen_annotations_and_undo_moves_them_back(study):
    with Project.open(study) as p:
        a, c = [x for x in p.annotations() if x.coder == "mona"][0], \
            [x for x in p.annotations() if x.attrs.get("claim_type") == "factual"][0]
        n = p.split_category("claim", CategoryDef("claim_quoted", "ادعاء مقتبس",
                                                  "Quoted claim", "#8c564b"), [a.uuid],
                             author="sara")
        assert p.annotation(a.uuid).category == "claim_quoted"
        assert p.annotation(a.uuid).attrs == {"claim_type": "prediction"}  # same attributes
        assert p.annotation(c.uuid).category == "claim"
        assert p.codebook().category("claim_quoted").attribute("claim_type")
        assert p.check() == []
        p.undo_operation(n)
        assert p.annotation(a.uuid).category == "claim"
        assert p.codebook().category("claim_quoted") is None
        with pytest.raises(InputError, match="not live annotations of 'source'"):
            p.split_category("source", CategoryDef("x", "x", "x", "#000000"), [a.uuid])


def test_deleting_a_used_value_is_refused_retiring_keeps_it(study):
    import copy

    with Project.open(study) as p:
        cb = copy.deepcopy(p.codebook())
        attr = cb.category("claim").attribute("claim_type")
        attr.value("prediction").retired = True
        p.set_codebook(cb, author="sara")
        # hidden from coders' menus but still valid on the stored annotations
        assert p.codebook().category("claim").attribute("claim_type").value(
            "prediction").retired
        p.update_annotation(p.annotations()[0].uuid, attrs={"claim_type": "prediction"})


def test_retired_value_is_flagged_in_the_codebook_sheet_and_kept_in_the_data(study, tmp_path):
    import copy

    import openpyxl

    from annotator.core.exporters import export_xlsx

    with Project.open(study) as p:
        cb = copy.deepcopy(p.codebook())
        cb.category("claim").attribute("claim_type").value("prediction").retired = True
        p.set_codebook(cb)
        export_xlsx(p, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    ws = wb["Codebook"]
    head = [c.value for c in ws[1]]
    recs = [dict(zip(head, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=2)]
    vals = {r["value"]: r["retired"] for r in recs
            if r["element"] == "value" and r["attribute"] == "claim_type"}
    assert vals["prediction"] is True and vals["factual"] is False
    ann = wb["Annotations"]
    head = [c.value for c in ann[1]]
    col = head.index("claim.claim_type")
    assert sorted(r[col].value for r in ann.iter_rows(min_row=2)) == [
        "factual", "prediction", "prediction"]


def test_split_from_the_command_line_and_undo(study, capsys):
    with Project.open(study, readonly=True) as p:
        mona = [a.uuid for a in p.annotations() if a.coder == "mona"]
    assert main(["split", str(study), "claim", "claim_quoted", "--annotations", mona[0],
                 "--name-en", "Quoted claim", "--name-ar", "ادعاء مقتبس"]) == 0
    out = capsys.readouterr().out
    assert "1 annotation moved to new category 'claim_quoted'" in out
    number = int(out.split()[1].rstrip(":"))
    with Project.open(study, readonly=True) as p:
        assert p.annotation(mona[0]).category == "claim_quoted"
        assert p.codebook().category("claim_quoted").name_ar == "ادعاء مقتبس"
    assert main(["split", str(study), "claim", "Bad Key", "--annotations", mona[0]]) == 1
    assert "is not a key" in capsys.readouterr().err
    assert main(["recode", str(study), "--undo", str(number)]) == 0
    with Project.open(study, readonly=True) as p:
        assert p.annotation(mona[0]).category == "claim"


def test_split_candidates_list_the_live_annotations_and_flag_the_linked(study):
    with Project.open(study) as p:
        src = p.add_annotation(1, "ali", "source", *span("صحيفة الجارديان"))
        linked = [x for x in p.annotations() if x.attrs.get("claim_type") == "factual"][0]
        p.add_relation("attributed_to", linked.uuid, src.uuid, "ali")
        gone = p.add_annotation(1, "mona", "claim", *span("مواقع عراقية"))
        p.delete_annotation(gone.uuid)
        got = p.split_candidates("claim")
        assert [(c.coder, c.quote, c.title, c.linked) for c in got] == [
            ("mona", "غادر الموصل", "t", False), ("ali", "غادر الموصل", "t", False),
            ("ali", "ذلك الخبر", "t", True)]  # text order; the deleted one is not offered
        assert got[0].attrs == {"claim_type": "prediction"}
        assert [c.linked for c in p.split_candidates("source")] == [True]  # the link's end
        # what it flags is what split_category refuses
        with pytest.raises(InputError, match="linked"):
            p.split_category("claim", CategoryDef("x", "x", "x", "#c5b0d5"), [linked.uuid])
        p.delete_relation(p.relations()[0].uuid)
        assert not any(c.linked for c in p.split_candidates("claim"))
        with pytest.raises(NotFoundError):
            p.split_candidates("nothing")


def test_split_refuses_a_new_category_the_codebook_cannot_hold(study):
    with Project.open(study) as p:
        a = p.annotations()[0]
        versions = len(p.codebook_history())
        taken = p.codebook().category("source").hotkey
        with pytest.raises(CodebookError, match="already used by"):
            p.split_category("claim", CategoryDef("quoted", "x", "x", "#c5b0d5", taken),
                             [a.uuid])
        with pytest.raises(CodebookError, match="not a key"):
            p.split_category("claim", CategoryDef("Bad Key", "x", "x", "#c5b0d5"), [a.uuid])
        assert p.annotation(a.uuid).category == "claim"
        assert len(p.codebook_history()) == versions
