"""Agreement measures: published values, the krippendorff package, hand-computed cases."""

import json

import krippendorff
import numpy as np
import pytest

from annotator.core.agreement import (
    DocInput,
    Span,
    agreement_report,
    alpha_nominal,
    alpha_u,
    char_reliability_data,
    cohen_kappa,
    merge_intervals,
    overlap_matches,
    u_family,
)

# Krippendorff, Content Analysis (2004), p. 254: continuum from 150, length 300.
K2004 = [
    (0, "c", 225, 70), (0, "c", 370, 30),
    (1, "c", 220, 80), (1, "c", 355, 20), (1, "c", 400, 20),
    (0, "k", 180, 60), (0, "k", 300, 50),
    (1, "k", 180, 60), (1, "k", 300, 50),
]


def test_alpha_u_published_example():
    assert alpha_u(150, 300, K2004) == pytest.approx(0.8587, abs=5e-5)
    assert alpha_u(150, 300, K2004, category="c") == pytest.approx(0.7286, abs=5e-5)
    assert alpha_u(150, 300, K2004, category="k") == pytest.approx(1.0, abs=1e-12)


def test_alpha_u_through_the_report_matches_the_low_level_function():
    text = "x" * 300
    spans = [Span(1, f"c{c}", cat, s - 150, s - 150 + n) for c, cat, s, n in K2004]
    r = agreement_report([DocInput(1, text, ("c0", "c1"))], spans)
    assert r["overall"]["alpha_u"] == pytest.approx(0.8587, abs=5e-5)
    assert r["categories"]["c"]["alpha_u"] == pytest.approx(0.7286, abs=5e-5)
    assert r["categories"]["k"]["alpha_u"] == pytest.approx(1.0)
    json.dumps(r)  # JSON-ready


# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", 4 coders x 12 units.
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def test_alpha_nominal_published_example():
    assert alpha_nominal(K2011) == pytest.approx(0.7434, abs=5e-5)
    data = np.array([[np.nan if v is None else v for v in row] for row in K2011])
    assert krippendorff.alpha(reliability_data=data, level_of_measurement="nominal") == \
        pytest.approx(alpha_nominal(K2011), abs=1e-12)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_alpha_nominal_equals_krippendorff_package(seed):
    rng = np.random.default_rng(seed)
    data = rng.integers(0, 4, size=(5, 200)).astype(float)
    data[rng.random(data.shape) < 0.25] = np.nan
    ours = alpha_nominal(data)
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert ours == pytest.approx(theirs, abs=1e-10)


def _random_corpus(seed, n_docs=6, coders=("A", "B", "C")):
    rng = np.random.default_rng(seed)
    docs, spans = [], []
    for d in range(n_docs):
        words = ["".join(rng.choice(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"), rng.integers(2, 8)))
                 for _ in range(60)]
        text = " ".join(words)
        cs = tuple(c for c in coders if rng.random() < 0.8) or coders[:2]
        docs.append(DocInput(d + 1, text, cs))
        for c in coders:
            for _ in range(rng.integers(0, 6)):
                s = int(rng.integers(0, len(text) - 30))
                spans.append(Span(d + 1, c, str(rng.choice(["p", "q"])), s,
                                  s + int(rng.integers(1, 30)),
                                  (("tone", str(rng.choice(["+", "-"]))),)))
    return docs, spans


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_report_alpha_nominal_equals_krippendorff_package_on_character_units(seed):
    docs, spans = _random_corpus(seed)
    r = agreement_report(docs, spans)
    for cat in ("p", "q"):
        _, data = char_reliability_data(docs, spans, cat)
        assert np.isnan(data).any() or len({d.coders for d in docs}) == 1
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert r["categories"][cat]["alpha_nominal"] == pytest.approx(theirs, abs=1e-10)
        assert r["categories"][cat]["n_units"] == data.shape[1]


# --- hand-computed cases -------------------------------------------------------------

TEN = "abcdefghij"


def test_kappa_percent_and_alpha_by_hand():
    # A marks a-e, B marks a-d: a=4 both, b=1 A only, c=0, d=5 neither.
    r = agreement_report([DocInput(1, TEN + "  ", ("A", "B"))],
                         [Span(1, "A", "x", 0, 5), Span(1, "B", "x", 0, 4)])
    cat = r["categories"]["x"]
    assert cat["n_units"] == 10  # whitespace is not a unit
    # po = .9, pe = (5*4 + 5*6)/100 = .5, kappa = .4/.5
    assert cat["kappa"]["A|B"] == pytest.approx(0.8)
    assert cat["percent_agreement"] == pytest.approx(0.9)
    # coincidences o11 = 8, o01 = o10 = 1, o00 = 10; n = 20, n1 = 9, n0 = 11
    assert cat["alpha_nominal"] == pytest.approx(1 - 19 * 2 / (400 - 81 - 121))
    assert cohen_kappa([1, 1, 1, 1, 1, 0, 0, 0, 0, 0], [1, 1, 1, 1, 0, 0, 0, 0, 0, 0])[0] == \
        pytest.approx(0.8)


def test_f1_exact_and_overlap_by_hand():
    text = "x" * 40
    spans = [Span(1, "A", "x", 0, 5), Span(1, "A", "x", 10, 15), Span(1, "A", "x", 20, 25),
             Span(1, "B", "x", 0, 5), Span(1, "B", "x", 12, 18), Span(1, "B", "x", 30, 35)]
    cat = agreement_report([DocInput(1, text, ("A", "B"))], spans)["categories"]["x"]
    assert cat["f1_exact"]["A|B"] == pytest.approx(2 * 1 / 6)
    assert cat["f1_overlap"]["A|B"] == pytest.approx(2 * 2 / 6)
    assert cat["pairs"]["A|B"]["matched_overlap"] == 2


def test_overlap_matching_is_one_to_one_and_prefers_the_larger_overlap():
    a = [Span(1, "A", "x", 0, 10)]
    b = [Span(1, "B", "x", 0, 3), Span(1, "B", "x", 5, 10)]
    m = overlap_matches(a, b)
    assert [(x.start, y.start) for x, y in m] == [(0, 5)]
    cat = agreement_report([DocInput(1, "x" * 20, ("A", "B"))], a + b)["categories"]["x"]
    assert cat["f1_overlap"]["A|B"] == pytest.approx(2 / 3)


def test_attribute_alpha_by_hand():
    def s(c, start, tone):
        return Span(1, c, "x", start, start + 3, (("tone", tone), ("stance", None)))
    spans = [s("A", 0, "pos"), s("B", 0, "pos"), s("A", 10, "neg"), s("B", 10, "neg"),
             s("A", 20, "pos"), s("B", 21, "neg")]
    cat = agreement_report([DocInput(1, "x" * 30, ("A", "B"))], spans,
                           attributes={"x": ["tone", "stance"]})["categories"]["x"]
    # o(pos,pos)=2, o(neg,neg)=2, o(pos,neg)=o(neg,pos)=1: n=6, 1 - 5*2/(36-9-9)
    assert cat["attributes"]["tone"] == pytest.approx(1 - 10 / 18)
    assert cat["attribute_units"]["tone"] == 3
    assert cat["attributes"]["stance"] is None
    assert cat["reasons"]["attributes.stance"] == "fewer than 2 pairable values"


def test_overlapping_spans_of_one_coder_are_merged():
    assert merge_intervals([(3, 8), (0, 5), (8, 10)]) == [(0, 8), (8, 10)]
    doc = [DocInput(1, "x" * 50, ("A", "B"))]
    split = agreement_report(doc, [Span(1, "A", "x", 0, 5), Span(1, "A", "x", 3, 8),
                                   Span(1, "B", "x", 1, 9)])
    whole = agreement_report(doc, [Span(1, "A", "x", 0, 8), Span(1, "B", "x", 1, 9)])
    a, b = split["categories"]["x"], whole["categories"]["x"]
    for key in ("alpha_u", "u_alpha", "alpha_nominal", "percent_agreement"):
        assert a[key] == pytest.approx(b[key])
    assert a["spans"]["A"] == 2 and a["merged_spans"]["A"] == 1
    # F1 uses the raw spans: A's two spans against B's one.
    assert a["f1_overlap"]["A|B"] == pytest.approx(2 * 1 / 3)


# --- null with a reason --------------------------------------------------------------

def test_one_coder_gives_nulls_with_reasons():
    r = agreement_report([DocInput(1, TEN, ("A",))], [Span(1, "A", "x", 0, 3)])
    assert r["documents"] == 0
    assert r["overall"]["alpha_u"] is None and r["overall"]["reasons"]["alpha_u"]
    assert r["overall"]["reasons"]["coders"] == "only one coder"
    assert alpha_u(0, 10, [("A", "x", 0, 3)]) is None


def test_no_spans_and_no_variation_give_nulls_with_reasons():
    r = agreement_report([DocInput(1, TEN, ("A", "B"))], [], categories=["x"])
    cat = r["categories"]["x"]
    for key in ("alpha_u", "u_alpha", "alpha_nominal"):
        assert cat[key] is None and cat["reasons"][key]
    assert cat["kappa"]["A|B"] is None
    assert cat["reasons"]["kappa.A|B"] == "no variation: every unit has the same value"
    assert cat["f1_exact"]["A|B"] is None
    # Both coders mark every character: no variation, not a made-up 1.0.
    r = agreement_report([DocInput(1, TEN, ("A", "B"))],
                         [Span(1, "A", "x", 0, 10), Span(1, "B", "x", 0, 10)])
    assert r["categories"]["x"]["alpha_nominal"] is None
    assert r["categories"]["x"]["kappa"]["A|B"] is None


def test_pair_without_shared_document():
    docs = [DocInput(1, TEN, ("A", "B")), DocInput(2, TEN, ("B", "C"))]
    r = agreement_report(docs, [Span(1, "A", "x", 0, 3), Span(2, "C", "x", 0, 3)])
    assert r["categories"]["x"]["kappa"]["A|C"] is None
    assert "share no" in r["categories"]["x"]["reasons"]["kappa.A|C"]
    assert set(r["per_document"]) == {"1", "2"}
    assert r["per_document"]["2"]["coders"] == ["B", "C"]


# --- the 2016 u-alpha family: properties (no published numeric example was reachable) ----

def test_u_family_perfect_agreement_is_one():
    units = [(c, cat, s, n) for c in ("A", "B", "C")
             for cat, s, n in (("p", 10, 20), ("q", 40, 5), ("p", 60, 30))]
    f = u_family(0, 100, units)
    assert f["u_alpha"] == pytest.approx(1.0)
    assert f["bu_alpha"] == pytest.approx(1.0)
    assert f["cu_alpha"] == pytest.approx(1.0)
    assert f["ku_alpha"]["p"] == pytest.approx(1.0)
    assert alpha_u(0, 100, units) == pytest.approx(1.0)


def test_u_family_systematic_disagreement_is_negative():
    # A marks what B leaves empty and the other way round.
    units = [("A", "p", 0, 10), ("A", "p", 20, 10), ("A", "p", 40, 10),
             ("B", "p", 10, 10), ("B", "p", 30, 10), ("B", "p", 50, 10)]
    f = u_family(0, 60, units)
    assert f["u_alpha"] < 0 and f["bu_alpha"] < 0
    assert alpha_u(0, 60, units) < 0


def test_u_family_is_invariant_to_coder_order_and_names():
    docs, spans = _random_corpus(7)
    r1 = agreement_report(docs, spans)
    ren = {"A": "Z", "B": "Y", "C": "X"}
    docs2 = [DocInput(d.doc, d.text, tuple(reversed([ren[c] for c in d.coders]))) for d in docs]
    spans2 = [Span(s.doc, ren[s.coder], s.category, s.start, s.end, s.attrs)
              for s in reversed(spans)]
    r2 = agreement_report(docs2, spans2)
    for key in ("alpha_u", "u_alpha", "bu_alpha", "cu_alpha"):
        assert r1["overall"][key] == pytest.approx(r2["overall"][key])
    for cat in ("p", "q"):
        for key in ("alpha_u", "u_alpha", "alpha_nominal"):
            assert r1["categories"][cat][key] == pytest.approx(r2["categories"][cat][key])


def test_single_category_ku_equals_u_and_bu():
    units = [("A", "p", 0, 10), ("A", "p", 30, 15), ("B", "p", 2, 10), ("B", "p", 50, 5),
             ("C", "p", 0, 12), ("C", "p", 31, 14)]
    f = u_family(0, 80, units)
    assert f["ku_alpha"]["p"] == pytest.approx(f["u_alpha"])
    assert f["bu_alpha"] == pytest.approx(f["u_alpha"])
    assert f["cu_alpha"] is None  # one category: nothing to disagree on given units


def test_u_alpha_with_one_character_units_is_ordinary_alpha():
    # Units of length 1 everywhere: u-alpha reduces to nominal alpha on the positions.
    rng = np.random.default_rng(3)
    vals = rng.integers(0, 3, size=(3, 40))  # 0 = gap, 1/2 = categories
    units = [(f"c{i}", str(v), p, 1) for i in range(3) for p, v in enumerate(vals[i]) if v]
    f = u_family(0, 40, units)
    assert f["u_alpha"] == pytest.approx(alpha_nominal(vals.tolist()), abs=1e-10)


def test_u_family_with_a_source_nested_in_its_claim():
    """The sourcing codebook nests sources inside claims. Two coders who code identically
    must agree perfectly on every u-alpha figure, not be penalised claim-against-source;
    and results without nesting must not change."""
    from annotator.core.agreement import u_family

    same = [(c, "claim", 10, 40) for c in "ab"] + [(c, "source", 20, 10) for c in "ab"] \
        + [(c, "claim", 60, 20) for c in "ab"]
    r = u_family(0, 100, same)
    assert (r["u_alpha"], r["bu_alpha"], r["cu_alpha"]) == (1.0, 1.0, 1.0)
    # the source shifted by 2 characters: only the source's agreement drops
    shifted = [(c, "claim", 10, 40) for c in "ab"] + [("a", "source", 20, 10),
                                                     ("b", "source", 22, 10)]
    r = u_family(0, 100, shifted)
    assert r["ku_alpha"]["claim"] == 1.0
    assert 0.5 < r["ku_alpha"]["source"] < 1.0
    assert 0.9 < r["u_alpha"] < 1.0
    # without nesting the multi-valued pairing is not used: same figures as before
    flat = [("a", "claim", 10, 40), ("b", "claim", 12, 38), ("a", "source", 60, 10),
            ("b", "source", 60, 12)]
    r1 = u_family(0, 100, flat)
    from annotator.core.agreement import unitizing

    sec = unitizing._sections_from_units(0, 100, flat, None)
    cov = unitizing.coverage(sec, ["claim", "source"])
    m = len(sec.coders)
    mats = np.empty((m, 3, 100))
    mats[:, :2, :] = cov
    mats[:, 2, :] = ~cov.any(axis=1)
    # the general pairing gives the usual table when values are single
    s = mats.sum(axis=0)
    usual = s @ s.T - sum(mats[i] @ mats[i].T for i in range(m))
    assert np.allclose(unitizing._multi_valued_coincidences(mats, 2), usual)
    assert r1["u_alpha"] is not None
