"""Stepping through disagreements and building the gold version."""

import json

import pytest

from annotator.cli import main
from annotator.core.adjudication import (
    GOLD,
    accept,
    accept_all_agreed,
    disagreements,
    reject,
)
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

TEXT = "قالت صحيفة الجارديان إن John Smith 😀 غادر الموصل. وأكدت مواقع عراقية ذلك الخبر."


def span(word):
    s = TEXT.index(word)
    return s, s + len(word)


@pytest.fixture
def p(tmp_path):
    with Project.create(tmp_path / "p.annot") as proj:
        [doc] = proj.add_documents([ImportedDocument(text=TEXT, title="a")]).added
        for c in ("mona", "ali"):
            proj.add_annotation(doc, c, "claim", *span("غادر الموصل"))  # agreed
        proj.add_annotation(doc, "mona", "source", *span("الجارديان"))
        proj.add_annotation(doc, "ali", "source", *span("صحيفة الجارديان"))  # bounds differ
        proj.add_annotation(doc, "mona", "source", *span("مواقع عراقية"))  # ali missed it
        proj.doc = doc
        yield proj


def test_disagreements_in_text_order_with_missing_coders(p):
    ds = disagreements(p, p.doc)
    assert [(TEXT[d.start:d.end], sorted(a.coder for a in d.annotations), d.missing)
            for d in ds] == [
        ("صحيفة الجارديان", ["ali", "mona"], ()),
        ("مواقع عراقية", ["mona"], ("ali",)),
    ]
    assert not any(d.decided for d in ds)


def test_accept_edit_reject_build_gold_with_provenance(p):
    first, second = disagreements(p, p.doc)
    ali = next(a for a in first.annotations if a.coder == "ali")
    g = accept(p, ali.uuid, decided_by="supervisor")
    assert (g.coder, g.quote, g.decided_by, g.origin_uuid) == (
        GOLD, "صحيفة الجارديان", "supervisor", ali.uuid)
    # accepting again with an edit updates the same gold span
    g2 = accept(p, ali.uuid, decided_by="supervisor", start=span("الجارديان")[0])
    assert g2.uuid == g.uuid and g2.quote == "الجارديان"
    assert disagreements(p, p.doc)[0].decided
    reject(p, g.uuid)
    assert p.annotations(p.doc, coder=GOLD) == []
    # the coders' own spans are untouched
    assert len(p.annotations(p.doc, coder="ali")) == 2


def test_accept_all_agreed_then_measure_gold_against_coders(p, capsys):
    assert accept_all_agreed(p, p.doc, "supervisor", coders=["ali", "mona"]) == 1
    [g] = p.annotations(p.doc, coder=GOLD)
    assert g.quote == "غادر الموصل"
    mona_src = [a for a in p.annotations(p.doc, coder="mona") if a.category == "source"]
    for a in mona_src:
        accept(p, a.uuid, "supervisor")
    for c in ("mona", "ali", GOLD):
        p.set_status(p.doc, c, "done")
    path = str(p.path)
    p.close()
    assert main(["agreement", path, "--coders", "gold,mona", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    # gold was built from mona's spans: feedback for mona is perfect agreement
    assert r["categories"]["source"]["f1_exact"] == {"gold|mona": 1.0}
    assert r["categories"]["claim"]["f1_exact"] == {"gold|mona": 1.0}
