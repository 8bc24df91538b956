"""`annotator agreement` on a real project: which documents count, and the JSON shape."""

import json

import krippendorff
import numpy as np
import pytest

from annotator.cli import main
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

TEXT = "قالت صحيفة الجارديان إن John Smith 😀 غادر الموصل. وأكدت مواقع عراقية ذلك الخبر."


@pytest.fixture
def proj(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path) as p:
        [d1, d2] = p.add_documents([ImportedDocument(text=TEXT, title="a"),
                                    ImportedDocument(text=TEXT + " ثانٍ", title="b")]).added
        claim = (TEXT.index("غادر"), TEXT.index("."))
        for coder in ("mona", "ali"):
            p.add_annotation(d1, coder, "claim", *claim)
            p.set_status(d1, coder, "done")
        p.add_annotation(d1, "mona", "source", TEXT.index("الجارديان"), TEXT.index(" إن"))
        p.add_annotation(d1, "ali", "source", TEXT.index("صحيفة"), TEXT.index(" إن"))
        # second document: annotated by both, but only mona finished it
        p.add_annotation(d2, "mona", "claim", 0, 4)
        p.add_annotation(d2, "ali", "claim", 5, 10)
        p.set_status(d2, "mona", "done")
    return path


def agreement(capsys, *argv):
    code = main(["agreement", *map(str, argv)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_json_report_counts_only_documents_both_coders_finished(proj, capsys):
    r = json.loads(agreement(capsys, proj, "--json"))
    assert r["coders"] == ["ali", "mona"] and r["documents"] == 1
    claim, source = r["categories"]["claim"], r["categories"]["source"]
    assert claim["f1_exact"] == {"ali|mona": 1.0}
    assert source["f1_exact"] == {"ali|mona": 0.0}
    assert source["f1_overlap"] == {"ali|mona": 1.0}
    assert claim["spans"] == {"ali": 1, "mona": 1}
    # alpha on character units, recomputed here with the krippendorff package
    units = [i for i, ch in enumerate(TEXT) if not ch.isspace()]
    mona = np.zeros(len(TEXT))
    ali = np.zeros(len(TEXT))
    mona[TEXT.index("الجارديان"):TEXT.index(" إن")] = 1
    ali[TEXT.index("صحيفة"):TEXT.index(" إن")] = 1
    expected = krippendorff.alpha(reliability_data=np.vstack([ali[units], mona[units]]),
                                  level_of_measurement="nominal")
    assert source["alpha_nominal"] == pytest.approx(expected, abs=1e-9)
    assert source["n_units"] == len(units)
    assert set(r["overall"]) >= {"alpha_u", "u_alpha", "bu_alpha", "cu_alpha"}
    assert list(r["per_document"]) == ["1"]


def test_all_docs_includes_unfinished_work(proj, capsys):
    r = json.loads(agreement(capsys, proj, "--json", "--all-docs"))
    assert r["documents"] == 2
    assert r["categories"]["claim"]["spans"] == {"ali": 2, "mona": 2}


def test_category_filter_and_table(proj, capsys):
    r = json.loads(agreement(capsys, proj, "--json", "--category", "claim"))
    assert list(r["categories"]) == ["claim"]
    out = agreement(capsys, proj)
    assert "claim" in out and "ali|mona" in out and "alpha_U" in out


def test_one_coder_gives_nulls_with_reasons_not_a_crash(proj, capsys):
    r = json.loads(agreement(capsys, proj, "--json", "--coders", "mona"))
    assert r["documents"] == 0
    for c in r["categories"].values():
        assert c["alpha_nominal"] is None


def test_unknown_coder_is_a_one_line_error(proj, capsys):
    assert main(["agreement", str(proj), "--coders", "nobody"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "nobody" in err and len(err.splitlines()) == 1


def test_a_category_nobody_used_has_no_percent_agreement(proj, capsys):
    r = json.loads(agreement(capsys, proj, "--json"))
    rel = r["categories"]["reliability"]
    assert rel["percent_agreement"] is None and rel["reasons"]["percent_agreement"]
    assert r["categories"]["claim"]["percent_agreement"] == 1.0
