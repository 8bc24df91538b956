"""Suggestions (issue 14): what the rules propose on real and hand-coded Arabic news,
what the project teaches them, and what the supervisor's settings hide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from annotator.cli import main as cli
from annotator.core.errors import InputError
from annotator.core.importers.base import ImportedDocument
from annotator.core.merge import merge_package
from annotator.core.packages import AssignmentPlan, apply_assignment, make_package
from annotator.core.project import Project
from annotator.core.suggest import Memory, suggest_text
from annotator.core.suggest.evaluate import Span, score
from annotator.core.suggest.lexicon import parse

DATA = Path(__file__).parent / "data" / "suggest_eval.yaml"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "000_cbfbf9d43873636c.txt"
if not CORPUS.exists():  # CI lays shared/ beside the clone
    CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / CORPUS.name
SEED = (Path(__file__).resolve().parents[1] / "annotator" / "resources" / "sample"
        / "000_cbfbf9d43873636c.txt")


def _gold(item: dict) -> list[Span]:
    out = []
    for g in item["gold"]:
        cat, quote = g[0], g[1]
        pos = -1
        for _ in range(g[2] if len(g) > 2 else 1):
            pos = item["text"].find(quote, pos + 1)
        assert pos >= 0, (item["id"], quote)
        out.append(Span(item["id"], cat, pos, pos + len(quote)))
    return out


def _evaluate(items: list[dict]) -> dict:
    pred, gold, texts = [], [], {}
    for item in items:
        texts[item["id"]] = item["text"]
        gold += _gold(item)
        pred += [Span(item["id"], s.category, s.start, s.end)
                 for s in suggest_text(item["text"]) if s.category != "claim"]
    return {c: sc.as_dict() for c, sc in score(pred, gold, texts).items()}


@pytest.mark.parametrize("part", ["texts", "heldout"])
def test_goals_on_the_evaluation_set(part):
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    items = data[part]
    assert len(data["texts"]) + len(data["heldout"]) >= 20
    r = _evaluate(items)
    assert r["source"]["overlap"]["recall"] >= 0.85
    assert r["source"]["overlap"]["precision"] >= 0.75
    assert r["attribution"]["overlap"]["recall"] >= 0.9


def test_negatives_propose_nothing():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    negatives = [i for i in data["texts"] + data["heldout"] if i.get("negative")]
    assert len(negatives) >= 5
    for item in negatives:
        assert suggest_text(item["text"]) == [], item["id"]


def test_seed_article_gets_its_four_sources():
    text = SEED.read_text(encoding="utf-8")
    sources = {s.quote: s for s in suggest_text(text) if s.category == "source"}
    assert "صحيفة الجارديان البريطانية" in sources
    assert "وثائق حصلت عليها القوات العراقية" in sources
    assert "مواقع عراقية" in sources
    assert "المركز الإقليمي للدراسات الاستراتيجية" in sources
    g = sources["صحيفة الجارديان البريطانية"].attrs
    assert g["type"] == "foreign_media" and g["named"] is True
    assert sources["مواقع عراقية"].attrs == {"type": "websites", "named": False}
    assert sources["المركز الإقليمي للدراسات الاستراتيجية"].attrs["type"] == "think_tank"


def test_claim_clause_is_linked_to_its_source_and_stops_at_the_next_cue():
    text = ("وقال وزير الخارجية في مؤتمر صحفي إن بلاده ترفض أي تدخل خارجي، "
            "مشيرا إلى أن الحوار هو الحل الوحيد.")
    sugs = suggest_text(text)
    src = next(s for s in sugs if s.category == "source")
    claims = [s for s in sugs if s.category == "claim"]
    assert src.quote == "وزير الخارجية"
    assert [c.quote for c in claims] == ["بلاده ترفض أي تدخل خارجي", "الحوار هو الحل الوحيد"]
    assert all(c.link == (src.start, src.end) for c in claims)
    assert claims[0].attrs == {"attribution": "paraphrase"}


def test_offsets_are_code_points_after_emoji_and_astral_letters():
    text = "😀𝐀 خبر عاجل 😀. أكدت وكالة رويترز أن الحكومة وافقت على الخطة."
    for s in suggest_text(text):
        assert text[s.start:s.end] == s.quote
    src = next(s for s in suggest_text(text) if s.category == "source")
    assert src.quote == "وكالة رويترز" and src.start == text.index("وكالة")


def test_diacritics_hamza_and_tatweel_do_not_hide_a_cue():
    text = "وأكّـدت مَصادِرُ أمنيّة أنّ الهجوم أُحبط."
    sugs = suggest_text(text)
    assert [(s.category, s.quote) for s in sugs if s.category != "claim"] == [
        ("attribution", "وأكّـدت"), ("source", "مَصادِرُ أمنيّة")]


def test_a_codebook_without_the_categories_gets_no_suggestions_of_them(tmp_path):
    from annotator.core.codebook import Codebook

    data = yaml.safe_load((Path(__file__).resolve().parents[1] / "annotator" / "resources"
                           / "codebooks" / "sourcing.yaml").read_text(encoding="utf-8"))
    data["categories"] = [c for c in data["categories"] if c["key"] != "attribution"]
    data["relations"] = []
    cb = Codebook.from_dict(data)
    sugs = suggest_text("أكدت وكالة رويترز أن الحكومة وافقت.", codebook=cb)
    assert {s.category for s in sugs} == {"source", "claim"}


def test_a_broken_lexicon_is_one_line_naming_it():
    with pytest.raises(InputError) as e:
        parse({"cues": [{"forms": ["قال"], "kind": "shout"}]}, "lexicon.yaml")
    assert "lexicon.yaml" in str(e.value) and "cue 1" in str(e.value)


# --- the project teaches it ------------------------------------------------------------

def _project(tmp_path, texts) -> tuple[Project, list[int]]:
    p = Project.create(tmp_path / "s.annot")
    ids = p.add_documents([ImportedDocument(text=t, title=f"d{i}")
                           for i, t in enumerate(texts)]).added
    return p, ids


def test_coded_source_names_and_cues_are_proposed_in_later_articles(tmp_path):
    p, (d1, d2) = _project(tmp_path, [
        "ولفتت صحيفة المدى إلى أن الأسعار ارتفعت.",
        "وفي تقرير آخر، لفتت صحيفة المدى إلى أن الرواتب تأخرت. وتحدثت صحيفة المدى عن الطقس.",
    ])
    with p:
        t1 = p.text(d1)
        s = t1.index("صحيفة المدى")
        p.add_annotation(d1, "Mona", "source", s, s + len("صحيفة المدى"),
                         {"type": "arab_media", "named": True, "name": "Al Mada"})
        c = t1.index("ولفتت")
        p.add_annotation(d1, "Mona", "attribution", c, c + 5, {"stance": "neutral"})
        sugs = p.suggested_spans(d2, "Mona")
        t2 = p.text(d2)
        srcs = [x for x in sugs if x.category == "source"]
        assert [x.quote for x in srcs] == ["صحيفة المدى", "صحيفة المدى"]
        assert srcs[0].attrs == {"type": "arab_media", "named": True, "name": "Al Mada"}
        assert any(x.category == "attribution" and x.quote == "لفتت" for x in sugs)
        assert all(t2[x.start:x.end] == x.quote for x in sugs)
        # Ali learns nothing from Mona's coding (blind coding)
        assert not any(x.category == "source" for x in p.suggested_spans(d2, "Ali"))


def test_memory_excluding_an_article_forgets_only_what_it_taught():
    m = Memory.learn([("source", "صحيفة المدى", {"type": "arab_media"}),
                      ("source", "صحيفة المدى", {"type": "arab_media"}),
                      ("source", "قناة الفرات", {"type": "arab_media"})])
    once = m.excluding([("source", "صحيفة المدى", {"type": "arab_media"})])
    assert set(once.sources) == set(m.sources)
    twice = once.excluding([("source", "صحيفة المدى", {"type": "arab_media"})])
    assert ("صحيفه", "المدي") not in twice.sources and ("قناه", "الفرات") in twice.sources


def test_coded_and_rejected_spans_are_not_proposed_again_even_after_reopening(tmp_path):
    text = "أكدت وكالة رويترز أن الحكومة وافقت. وقالت مصادر أمنية إن الهجوم أحبط."
    p, (d,) = _project(tmp_path, [text])
    path = p.path
    with p:
        sugs = p.suggested_spans(d, "Mona")
        reuters = next(x for x in sugs if x.quote == "وكالة رويترز")
        p.add_annotation(d, "Mona", "source", reuters.start, reuters.end, reuters.attrs,
                         origin="suggested")
        sec = next(x for x in sugs if x.quote == "مصادر أمنية")
        p.reject_suggestion(d, "Mona", sec)
    with Project.open(path) as p:
        left = {x.quote for x in p.suggested_spans(d, "Mona")}
        assert "وكالة رويترز" not in left and "مصادر أمنية" not in left
        assert "مصادر أمنية" in {x.quote for x in p.suggested_spans(d, "Ali")}
        p.unreject_suggestion(d, "Mona", sec)
        assert "مصادر أمنية" in {x.quote for x in p.suggested_spans(d, "Mona")}
        assert p.annotations(d, "Mona")[0].origin == "suggested"


def test_supervisor_hides_suggestions_on_the_overlap_set_in_packages_too(tmp_path):
    text = "أكدت وكالة رويترز أن الحكومة وافقت على الخطة."
    p, ids = _project(tmp_path, [text, text + " ", text + "  "])
    with p:
        apply_assignment(p, AssignmentPlan(overlap=[ids[0]],
                                           shares={"Mona": [ids[1]], "Ali": [ids[2]]}))
        assert p.suggested_spans(ids[0], "Mona")  # shown until the supervisor says no
        p.set_suggestion_settings(hide_overlap=True)
        assert p.suggested_spans(ids[0], "Mona") == []
        assert p.suggested_spans(ids[1], "Mona")
        make_package(p, "Mona", None, tmp_path / "Mona.annot")
    with Project.open(tmp_path / "Mona.annot") as pkg:
        assert pkg.suggested_spans(ids[0], "Mona") == []
        assert pkg.suggested_spans(ids[1], "Mona")
        pkg.set_suggestion_settings(enabled=False)
        assert pkg.suggested_spans(ids[1], "Mona") == []


def test_origin_travels_through_a_package_and_back(tmp_path):
    text = "أكدت وكالة رويترز أن الحكومة وافقت على الخطة."
    p, ids = _project(tmp_path, [text])
    with p:
        make_package(p, "Mona", ids, tmp_path / "Mona.annot")
    with Project.open(tmp_path / "Mona.annot") as pkg:
        s = next(x for x in pkg.suggested_spans(ids[0], "Mona") if x.category == "source")
        pkg.add_annotation(ids[0], "Mona", "source", s.start, s.end, s.attrs,
                           origin="suggested")
    with Project.open(tmp_path / "s.annot") as p:
        merge_package(p, tmp_path / "Mona.annot")
        [a] = p.annotations(ids[0], "Mona")
        assert a.origin == "suggested" and a.quote == "وكالة رويترز"


def test_cli_lists_and_evaluates(tmp_path, capsys):
    text = "أكدت وكالة رويترز أن الحكومة وافقت. وقال سكان إن الجسر انهار."
    p, (d,) = _project(tmp_path, [text])
    with p:
        s = text.index("وكالة رويترز")
        p.add_annotation(d, "Mona", "source", s, s + len("وكالة رويترز"),
                         {"type": "foreign_media"}, origin="suggested")
        p.add_annotation(d, "Mona", "attribution", 0, 4, {"stance": "endorsing"})
        p.set_status(d, "Mona", "done")
    assert cli(["suggest", str(tmp_path / "s.annot"), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["category"], r["quote"]) for r in rows} >= {
        ("source", "وكالة رويترز"), ("attribution", "أكدت"), ("source", "سكان")}
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in rows)
    assert cli(["suggest", str(tmp_path / "s.annot"), "--evaluate", "--against", "Mona",
                "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    src = next(c for c in rep["categories"] if c["category"] == "source")
    # Mona coded 1 source; 2 were suggested (Reuters, the residents): P 0.5, R 1
    assert (src["suggested"], src["coded"]) == (2, 1)
    assert src["overlap"]["precision"] == 0.5 and src["overlap"]["recall"] == 1.0
    assert rep["accepted_share"] == {"sources": 1, "accepted": 1, "share": 1.0}
    assert cli(["suggest", str(tmp_path / "s.annot"), "--evaluate", "--against", "Nobody"]) == 1
    assert "no coder 'Nobody'" in capsys.readouterr().err


def test_the_workbook_says_where_each_span_came_from(tmp_path):
    from openpyxl import load_workbook

    from annotator.core.exporters import export_xlsx
    from annotator.core.importers.base import ImportedSpan

    text = "أكدت وكالة رويترز أن الحكومة وافقت. وقال سكان إن الجسر انهار."
    p = Project.create(tmp_path / "o.annot")
    with p:
        [d] = p.add_documents([ImportedDocument(text=text, title="t", spans=[
            ImportedSpan(0, 4, "attribution")])], coder="Mona").added
        s = text.index("وكالة رويترز")
        p.add_annotation(d, "Mona", "source", s, s + len("وكالة رويترز"), origin="suggested")
        c = text.index("الجسر انهار")
        p.add_annotation(d, "Mona", "claim", c, c + len("الجسر انهار"))
        export_xlsx(p, tmp_path / "o.xlsx")
    ws = load_workbook(tmp_path / "o.xlsx", read_only=True)["Annotations"]
    rows = list(ws.iter_rows(values_only=True))
    col = rows[0].index("origin")
    got = {(r[rows[0].index("text")], r[col]) for r in rows[1:]}
    assert got == {("أكدت", "imported"), ("وكالة رويترز", "suggested"),
                   ("الجسر انهار", "manual")}


def test_coded_spans_are_looked_up_exactly_as_a_scan_would():
    """The O(log n) overlap test a long article needs agrees with the plain scan."""
    import random

    from annotator.core.suggest import _Coded

    rnd = random.Random(7)
    spans = []
    for _ in range(500):
        s = rnd.randrange(0, 5000)
        spans.append((rnd.choice(["claim", "source"]), s, s + rnd.randrange(1, 300)))
    coded = _Coded(spans)
    for _ in range(5000):
        cat = rnd.choice(["claim", "source", "attribution"])
        s = rnd.randrange(0, 5400)
        e = s + rnd.randrange(1, 60)
        assert coded.overlaps(cat, s, e) == any(
            c == cat and a < e and s < b for c, a, b in spans)


def test_an_article_in_paragraph_pieces_gives_what_it_gives_whole():
    from annotator.core.suggest import Suggester

    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    text = SEED.read_text(encoding="utf-8") + "\n" + "\n\n".join(
        i["text"] for i in data["texts"] + data["heldout"])
    mem = Memory.learn([("source", "مصادر مطلعة", {"type": "anonymous"})])
    whole = Suggester(text, memory=mem).run()
    for size in (1, 300, 2000):
        sug = Suggester(text, memory=mem)
        pieces = [s for a, b in sug.chunks(size) for s in sug.run(a, b)]
        assert pieces == whole
        assert all(text[s.start:s.end] == s.quote for s in pieces)
    assert len(whole) > 60
