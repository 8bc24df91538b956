"""Issue 11, items 7-9: ordinal attributes measured with ordinal alpha, agreement on
whole-article codes, and a CLI table that says what its labels follow, why each "-" is
there, and prints the per-document table."""

from __future__ import annotations

import json

import krippendorff
import numpy as np
import pytest

from annotator.cli import main
from annotator.core.agreement.coding import ordinal_alpha_from_coincidences
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

TEXT = "قالت صحيفة الجارديان إن John Smith 😀 غادر الموصل. وأكدت مواقع عراقية ذلك الخبر."
WORDS = ["قالت", "صحيفة", "الجارديان", "John", "غادر", "الموصل.", "وأكدت", "مواقع"]
# reliability levels of two coders on eight matched spans: every disagreement one step
MONA = ["1", "2", "3", "4", "5", "2", "3", "4"]
ALI = ["2", "2", "4", "4", "4", "3", "3", "5"]
GENRES = {"mona": ["news_report", "analysis", "opinion", "news_report"],
          "ali": ["news_report", "analysis", "news_report", "news_report"]}


def span(word):
    s = TEXT.index(word)
    return s, s + len(word)


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path) as p:
        ids = p.add_documents([ImportedDocument(text=TEXT + " " * i, title=f"d{i}")
                               for i in range(4)]).added
        for coder, levels in (("mona", MONA), ("ali", ALI)):
            for w, level in zip(WORDS, levels, strict=True):
                p.add_annotation(ids[0], coder, "reliability", *span(w),
                                 attrs={"level": level})
            for d, genre in zip(ids, GENRES[coder], strict=True):
                p.add_annotation(d, coder, "article", attrs={"genre": genre})
                p.set_status(d, coder, "done")
        # a third coder finished document 2 without using the claim category at all
        p.add_annotation(ids[1], "sami", "source", *span("مواقع"))
        p.set_status(ids[1], "sami", "done")
    return path


def run(capsys, *argv):
    code = main(["agreement", *map(str, argv)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_ordinal_alpha_matches_the_krippendorff_package():
    rng = np.random.default_rng(3)
    data = rng.integers(1, 6, size=(3, 40)).astype(float)
    data[0, :5] = np.nan
    o = np.zeros((5, 5))
    for u in range(data.shape[1]):
        vals = [int(v) - 1 for v in data[:, u] if not np.isnan(v)]
        for i, a in enumerate(vals):
            for j, b in enumerate(vals):
                if i != j:
                    o[a, b] += 1 / (len(vals) - 1)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal")
    assert ordinal_alpha_from_coincidences(o)[0] == pytest.approx(expected, abs=1e-9)


def test_ordinal_attribute_is_measured_as_ordinal(study, capsys):
    r = json.loads(run(capsys, study, "--category", "reliability", "--json"))
    rel = r["categories"]["reliability"]
    assert rel["attribute_levels"]["level"] == "ordinal"
    data = np.array([[float(v) for v in ALI], [float(v) for v in MONA]])
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal",
                                  value_domain=[1, 2, 3, 4, 5])
    nominal = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert rel["attributes"]["level"] == pytest.approx(expected, abs=1e-9)
    assert rel["attributes"]["level"] > nominal + 0.3     # one-step disagreements count less


def test_document_level_categories_get_agreement(study, capsys):
    r = json.loads(run(capsys, study, "--category", "article", "--json"))
    art = r["document_categories"]["article"]
    codes = {"news_report": 0, "analysis": 1, "opinion": 2}
    data = np.array([[codes[g] for g in GENRES[c]] for c in ("ali", "mona")], dtype=float)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert art["attributes"]["genre"] == pytest.approx(expected, abs=1e-9)
    assert art["attribute_units"]["genre"] == 4 and art["documents"] == 4
    assert art["attributes"]["origin"] is None and "origin" in "".join(art["reasons"])
    assert r["categories"] == {}
    out = run(capsys, study, "--category", "article")
    assert "article.genre" in out and f"{expected:.3f}" in out


def test_table_names_its_label_coefficient_and_every_dash_reason(study, capsys):
    out = run(capsys, study)
    assert "label (by alpha_U)" in out
    lines = out.splitlines()
    dashes = [ln for ln in lines if " -[" in ln or ln.strip().startswith("-[")]
    assert dashes
    notes = {ln.strip().split("]", 1)[0] + "]" for ln in lines if ln.strip().startswith("[")}
    for ln in dashes:
        for part in ln.split("-[")[1:]:
            assert "[" + part.split("]")[0] + "]" in notes
    # two coders finished a document and neither marked a claim: that is the reason
    at = next(i for i, ln in enumerate(lines) if ln.startswith("claim "))
    n = lines[at].split("-[")[1].split("]")[0]
    reason = next(ln for ln in lines[at:] if ln.strip().startswith(f"[{n}]"))
    assert "no spans of this category" in reason
    assert "no coder pair shares a document" not in out


def test_per_document_table(study, capsys):
    out = run(capsys, study, "--per-document")
    lines = out.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.startswith("document "))
    rows = [ln.split()[0] for ln in lines[head + 1:head + 5]]
    assert rows == ["1", "2", "3", "4"]
    assert "ali, mona, sami" in out
