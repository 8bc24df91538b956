"""Adjudication span by span (issue 11, items 1-4): groups per category matched one to one
as span F1 matches, "agreed" = identical spans of the coders who marked the article
done, relations that follow their ends into gold, gold marked done per article, and
`annotator adjudicate`."""

from __future__ import annotations

import json

import openpyxl
import pytest

from annotator.cli import main
from annotator.core.adjudication import (
    GOLD,
    accept,
    accept_all_agreed,
    disagreements,
    groups,
    set_gold_done,
)
from annotator.core.exporters import export_xlsx
from annotator.core.gold_links import gold_link, link_disagreements, sync_links
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

# One claim holding its source and its attribution phrase, a reliability judgement over
# the claim and a second claim: everything overlaps, as in a real news sentence.
TEXT = ("قالت صحيفة الجارديان البريطانية إن المقاتل غادر الموصل في 2017 😀 "
        "وأكدت مواقع عراقية أن الحكومة نشرت وثائق جديدة.")


def span(word, nth=0):
    s = -1
    for _ in range(nth + 1):
        s = TEXT.index(word, s + 1)
    return s, s + len(word)


CLAIM = (span("قالت")[0], span("2017")[1])
SRC = span("صحيفة الجارديان البريطانية")
ATTR = span("قالت")
REL = (span("صحيفة")[0], span("2017")[1])
CLAIM2 = (span("الحكومة")[0], span("جديدة")[1])
CLAIM_ATTRS = {"claim_type": "factual", "attribution": "paraphrase"}
SRC_ATTRS = {"name": "The Guardian", "type": "foreign_media", "named": True}


def code_five(p, doc, coder, links=True):
    """Five overlapping spans with attributes, and the claim -> source link."""
    c = p.add_annotation(doc, coder, "claim", *CLAIM, attrs=CLAIM_ATTRS)
    s = p.add_annotation(doc, coder, "source", *SRC, attrs=SRC_ATTRS)
    p.add_annotation(doc, coder, "attribution", *ATTR, attrs={"stance": "neutral"})
    p.add_annotation(doc, coder, "reliability", *REL, attrs={"level": "4"})
    p.add_annotation(doc, coder, "claim", *CLAIM2, attrs={"claim_type": "accusation",
                                                          "attribution": "none"})
    if links:
        p.add_relation("attributed_to", c.uuid, s.uuid, coder)
    return c, s


@pytest.fixture
def p(tmp_path):
    with Project.create(tmp_path / "p.annot") as proj:
        [doc] = proj.add_documents([ImportedDocument(text=TEXT, title="مقال")]).added
        proj.doc = doc
        yield proj


def test_three_coders_overlapping_spans_form_one_group_per_category_and_place(p):
    # 14 spans of 3 coders over one sentence: today one "disagreement" of 14 spans
    code_five(p, p.doc, "mona")
    code_five(p, p.doc, "ali")
    p.add_annotation(p.doc, "sami", "claim", CLAIM[0], CLAIM[1] - 5, attrs=CLAIM_ATTRS)
    p.add_annotation(p.doc, "sami", "source", *span("الجارديان"), attrs=SRC_ATTRS)
    p.add_annotation(p.doc, "sami", "reliability", *REL, attrs={"level": "3"})
    p.add_annotation(p.doc, "sami", "attribution", *ATTR, attrs={"stance": "neutral"})
    assert sum(1 for a in p.annotations(p.doc)) == 14
    gs = groups(p, p.doc)
    assert len(gs) == 5
    for g in gs:
        assert len({a.category for a in g.annotations}) == 1
        assert len({a.coder for a in g.annotations}) == len(g.annotations) <= 3
    by_cat = sorted((g.category, len(g.annotations)) for g in gs)
    assert by_cat == [("attribution", 3), ("claim", 2), ("claim", 3), ("reliability", 3),
                      ("source", 3)]
    # only the attribution phrase is identical for all three
    ds = disagreements(p, p.doc)
    assert sorted(d.category for d in ds) == ["claim", "claim", "reliability", "source"]


def test_accept_all_agreed_takes_identical_overlapping_spans_of_two_coders(p):
    code_five(p, p.doc, "mona", links=False)
    code_five(p, p.doc, "ali", links=False)
    assert disagreements(p, p.doc) == []
    assert accept_all_agreed(p, p.doc, "sara") == 5
    gold = sorted((a.category, a.start, a.end) for a in p.annotations(p.doc, coder=GOLD))
    assert gold == sorted([("claim", *CLAIM), ("source", *SRC), ("attribution", *ATTR),
                           ("reliability", *REL), ("claim", *CLAIM2)])
    # attributes travel too, and a second run adds nothing
    g_src = next(a for a in p.annotations(p.doc, coder=GOLD) if a.category == "source")
    assert g_src.attrs == SRC_ATTRS
    assert accept_all_agreed(p, p.doc, "sara") == 0


def test_agreed_counts_the_coders_who_marked_the_article_done(p):
    code_five(p, p.doc, "mona", links=False)
    code_five(p, p.doc, "ali", links=False)
    p.add_annotation(p.doc, "sami", "claim", CLAIM[0], CLAIM[1] - 5, attrs=CLAIM_ATTRS)
    # while nobody has finished, every coder counts, and sami has only a shorter claim
    assert accept_all_agreed(p, p.doc, "sara") == 0
    # sami has not finished: not counted once mona and ali are done
    for c in ("mona", "ali"):
        p.set_status(p.doc, c, "done")
    assert accept_all_agreed(p, p.doc, "sara") == 5
    assert len(p.annotations(p.doc, coder=GOLD)) == 5


def test_agreed_by_two_takes_the_span_two_coders_share(p):
    for c in ("mona", "ali"):
        p.add_annotation(p.doc, c, "claim", *CLAIM, attrs=CLAIM_ATTRS)
    p.add_annotation(p.doc, "sami", "claim", CLAIM[0], CLAIM[1] - 5, attrs=CLAIM_ATTRS)
    assert accept_all_agreed(p, p.doc, "sara") == 0
    assert accept_all_agreed(p, p.doc, "sara", agreed_by="two") == 1
    [g] = p.annotations(p.doc, coder=GOLD)
    assert (g.start, g.end) == CLAIM


def test_different_attributes_are_a_disagreement(p):
    for c, level in (("mona", "4"), ("ali", "3")):
        p.add_annotation(p.doc, c, "reliability", *REL, attrs={"level": level})
    [d] = disagreements(p, p.doc)
    assert d.category == "reliability" and len(d.annotations) == 2
    assert accept_all_agreed(p, p.doc, "sara") == 0


def test_accepting_some_spans_leaves_the_rest_undecided(p):
    code_five(p, p.doc, "mona", links=False)
    for cat, (s, e) in (("claim", CLAIM), ("source", SRC), ("claim", CLAIM2)):
        p.add_annotation(p.doc, "ali", cat, s + 1 if cat == "source" else s, e)
    ds = disagreements(p, p.doc)
    assert len(ds) == 5 and not any(d.decided for d in ds)
    src = next(d for d in ds if d.category == "source")
    accept(p, src.annotations[0].uuid, "sara")
    ds = disagreements(p, p.doc)
    assert sum(1 for d in ds if not d.decided) == 4
    set_gold_done(p, p.doc)
    assert all(d.decided for d in disagreements(p, p.doc))


def test_gold_keeps_the_agreed_link_and_the_claims_sheet_counts_it(p, tmp_path):
    for c in ("mona", "ali"):
        code_five(p, p.doc, c)
        p.set_status(p.doc, c, "done")
    accept_all_agreed(p, p.doc, "sara")
    [rel] = p.relations(p.doc, coder=GOLD)
    gold = {a.uuid: a for a in p.annotations(p.doc, coder=GOLD)}
    assert (rel.type, gold[rel.from_uuid].category, gold[rel.to_uuid].category) == (
        "attributed_to", "claim", "source")
    out = tmp_path / "gold.xlsx"
    export_xlsx(p, out, gold=True)
    ws = openpyxl.load_workbook(out)["Claims"]
    head, *body = [list(r) for r in ws.iter_rows(values_only=True)]
    recs = [dict(zip(head, r, strict=True)) for r in body]
    claim = next(r for r in recs if r["start"] == CLAIM[0])
    assert claim["n_sources"] == 1


def test_accepting_both_ends_one_by_one_brings_the_link(p):
    c_m, s_m = code_five(p, p.doc, "mona")
    accept(p, c_m.uuid, "sara")
    assert p.relations(p.doc, coder=GOLD) == []
    accept(p, s_m.uuid, "sara")
    assert len(p.relations(p.doc, coder=GOLD)) == 1


def test_coders_who_disagree_on_a_link_make_a_link_disagreement(p):
    code_five(p, p.doc, "mona")
    code_five(p, p.doc, "ali", links=False)     # same spans, no link
    accept_all_agreed(p, p.doc, "sara")
    assert p.relations(p.doc, coder=GOLD) == []
    [ld] = link_disagreements(p, p.doc)
    assert (ld.type, ld.linked_by, ld.not_linked_by, ld.decided) == (
        "attributed_to", ("mona",), ("ali",), False)
    # the supervisor links the two gold spans (either order)
    state, rel = gold_link(p, ld.target.uuid, ld.source.uuid)
    assert state == "linked" and (rel.from_uuid, rel.to_uuid) == (ld.source.uuid,
                                                                  ld.target.uuid)
    assert link_disagreements(p, p.doc)[0].decided
    # unlinking is a decision too, and later syncs never put it back
    assert gold_link(p, ld.source.uuid, ld.target.uuid)[0] == "unlinked"
    assert link_disagreements(p, p.doc)[0].decided
    assert sync_links(p, p.doc) == []


def test_an_unlinked_agreed_relation_stays_out(p):
    for c in ("mona", "ali"):
        code_five(p, p.doc, c)
    accept_all_agreed(p, p.doc, "sara")
    [rel] = p.relations(p.doc, coder=GOLD)
    gold_link(p, rel.from_uuid, rel.to_uuid)
    assert sync_links(p, p.doc) == [] and p.relations(p.doc, coder=GOLD) == []


# --- the command line ---------------------------------------------------------------


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "study.annot"
    with Project.create(path) as proj:
        d1, d2 = proj.add_documents([ImportedDocument(text=TEXT, title="أ"),
                                     ImportedDocument(text=TEXT + " ب", title="ب")]).added
        for c in ("mona", "ali"):
            code_five(proj, d1, c)
            code_five(proj, d2, c, links=False)
            proj.set_status(d1, c, "done")
            proj.set_status(d2, c, "done")
        proj.add_annotation(d2, "ali", "source", *span("مواقع عراقية"))   # mona missed it
    return path, d1, d2


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_adjudicate_agreed_prints_what_it_accepted_and_what_is_left(study, capsys):
    path, d1, d2 = study
    code, out, err = run(capsys, "adjudicate", path, "--agreed")
    assert code == 0, err
    assert f"document {d1}" in out and f"document {d2}" in out
    assert "accepted 5 spans, 1 link" in out           # d1: the link follows
    assert "accepted 5 spans, 0 links" in out
    assert "left: 1 span" in out                       # d2: ali's extra source
    assert "total: accepted 10 spans and 1 link" in out
    with Project.open(path) as p:
        assert len(p.annotations(coder=GOLD)) == 10
        assert len(p.relations(coder=GOLD)) == 1
    # again: nothing new
    code, out, _ = run(capsys, "adjudicate", path, "--agreed", "--docs", str(d1))
    assert code == 0 and "accepted 0 spans, 0 links" in out and f"document {d2}" not in out


def test_cli_adjudicate_done_makes_gold_measurable(study, capsys):
    path, d1, d2 = study
    code, out, err = run(capsys, "agreement", path, "--coders", "gold,mona")
    assert code == 1 and "adjudicate" in err and len(err.strip().splitlines()) == 1
    run(capsys, "adjudicate", path, "--agreed")
    code, out, err = run(capsys, "agreement", path, "--coders", "gold,mona")
    assert code == 0
    assert "gold" in out and "adjudicate --done" in out   # says how to get there
    r = json.loads(run(capsys, "agreement", path, "--coders", "gold,mona", "--json")[1])
    assert r["documents"] == 0 and "gold" in r["overall"]["reasons"]["documents"]
    run(capsys, "adjudicate", path, "--agreed", "--done", "--docs", str(d1))
    code, out, err = run(capsys, "agreement", path, "--coders", "gold,mona", "--json")
    assert code == 0, err
    r = json.loads(out)
    assert r["documents"] == 1
    assert r["categories"]["claim"]["f1_exact"] == {"gold|mona": 1.0}
    with Project.open(path) as p:
        assert p.status(d1, GOLD) == "done" and p.status(d2, GOLD) != "done"


def test_cli_adjudicate_bad_input_is_one_line(study, capsys):
    path, _, _ = study
    code, out, err = run(capsys, "adjudicate", path, "--agreed", "--coders", "mona,zed")
    assert code == 1 and err.startswith("error: ") and "zed" in err and len(
        err.strip().splitlines()) == 1
    code, out, err = run(capsys, "adjudicate", path)
    assert code != 0 and "--agreed" in err


def test_a_link_left_out_is_a_decision_that_stays(p):
    from annotator.core.gold_links import decide_link

    code_five(p, p.doc, "mona")
    code_five(p, p.doc, "ali", links=False)
    accept_all_agreed(p, p.doc, "sara")
    [ld] = link_disagreements(p, p.doc)
    decide_link(p, ld, linked=False)
    [ld] = link_disagreements(p, p.doc)
    assert ld.decided and not ld.in_gold and p.relations(p.doc, coder=GOLD) == []
    decide_link(p, ld, linked=True)
    [ld] = link_disagreements(p, p.doc)
    assert ld.in_gold and len(p.relations(p.doc, coder=GOLD)) == 1
