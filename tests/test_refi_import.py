"""REFI-QDA files as other tools write them, and hostile ones.

The fixtures in tests/fixtures/refi/ are zipped into .qdpx here, member names as they are
(Sources/ or sources/). A hostile file gives one line naming it and leaves the project as
it was, byte for byte."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.exchange import importer_for, new_from_qdpx
from annotator.core.exchange.refi_codes import slug
from annotator.core.importers.base import ImportedDocument
from annotator.core.progress import Cancelled, CancelToken
from annotator.core.project import Project

from .exchange_data import big_qdpx

FIXTURES = Path(__file__).parent / "fixtures" / "refi"


def zip_folder(folder: Path, out: Path) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(folder.rglob("*")):
            if f.is_file() and f.name != "README.md":
                z.write(f, f.relative_to(folder).as_posix())
    return out


def make_qdpx(out: Path, qde: str, files: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", qde)
        for name, data in (files or {}).items():
            z.writestr(name, data)
    return out


def test_maxqda_shape(tmp_path):
    qdpx = zip_folder(FIXTURES / "maxqda_like", tmp_path / "m.qdpx")
    new = tmp_path / "m.annot"
    report = new_from_qdpx(new, qdpx)
    with Project.open(new, readonly=True) as p:
        cb = p.codebook()
        keys = [c.key for c in cb.categories]
        # the code "Actors" (not codable) is a group, not a category; "Claim" (codable,
        # with a child) is both: a group holding its own category and "Prediction"
        assert keys == ["government_official", "news_agency", "claim", "prediction", "code"]
        assert [(g.key, g.name_en, g.parent) for g in cb.groups] == [
            ("actors", "Actors", None), ("claim", "Claim", None)]
        assert [c.group for c in cb.categories] == ["actors", "actors", "claim", "claim", None]
        off = cb.category("government_official")
        assert (off.name_en, off.color) == ("Government official", "#ff0000")
        assert off.description == "A minister, spokesperson or other official."
        assert cb.category("news_agency").color == "#0000ff"  # #00F widened
        assert cb.category("code").name_ar == "مصدر مجهول"  # Arabic name: a made-up key
        docs = p.documents(with_meta=True)
        assert [d.uuid for d in docs] == ["6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
                                          "0a0b0c0d-1111-4222-8333-444455556666"]
        assert docs[0].title == "محادثات" and docs[0].outlet == "الأهرام"  # from the case
        assert docs[0].meta["refi_variables"] == {"words": 17}
        text = p.text(docs[0].id)
        anns = {a.uuid: a for a in p.annotations()}
        official = anns["5e1e0001-0000-4000-8000-000000000001"]
        assert (official.category, official.coder, official.quote) == (
            "government_official", "Layla", "وزير الخارجية")
        assert text[official.start:official.end] == "وزير الخارجية"
        # one selection, two codes by two users: two annotations, the codings' GUIDs
        claim = anns["c0d10001-0000-4000-8000-000000000002"]
        pred = anns["c0d10001-0000-4000-8000-000000000003"]
        assert (claim.category, claim.coder) == ("claim", "Layla")
        assert (pred.category, pred.coder) == ("prediction", "Omar")
        assert claim.quote == pred.quote == "المحادثات ستستأنف الأسبوع المقبل"
        # the memo on the selection goes with each annotation made of it
        assert claim.note == pred.note == "Check the date of the talks."
        agency = anns["5e1e0001-0000-4000-8000-000000000003"]
        assert (agency.coder, agency.quote) == ("Omar", "وكالة رويترز")  # the selection's user
        assert p.annotations(doc_id=docs[1].id) == []  # the source without codings
        assert p.check() == []
    assert not any("notes not imported" in n for n in report.notes)
    ignored = next(n for n in report.notes if n.startswith("ignored"))
    for part in ("PDFSource", "Sets", "Graphs", "VendorExtension"):
        assert part in ignored


def test_atlas_shape(tmp_path):
    qdpx = zip_folder(FIXTURES / "atlas_like", tmp_path / "a.qdpx")
    new = tmp_path / "a.annot"
    report = new_from_qdpx(new, qdpx)
    with Project.open(new, readonly=True) as p:
        docs = p.documents()
        assert [d.uuid for d in docs] == ["b1c2d3e4-0000-4000-8000-00000000000a",
                                          "b1c2d3e4-0000-4000-8000-00000000000b"]
        text = p.text(docs[0].id)
        assert "\r" not in text and not text.startswith("\ufeff")
        assert p.text(docs[1].id) == "نص قصير مضمن في الملف."
        anns = {a.category: a for a in p.annotations()}
        # positions counted with the CR of each CRLF land on the same words without it
        assert anns["speaker"].quote == "The minister"
        assert anns["statement"].quote == "The minister said talks resume."
        assert (anns["economy"].start, anns["economy"].end) == (0, len(text))
        assert anns["speaker"].coder == "sam"
        assert anns["speaker"].uuid == "f1f1f1f1-0000-4000-8000-000000000001"
        assert {a.origin for a in anns.values()} == {"imported"}  # another tool's coding
        assert p.check() == []
    # the link has no relation type in a codebook made of plain codes: said so
    assert any("1 links not imported" in n for n in report.notes)


def test_deep_code_tree_becomes_unique_keys(tmp_path):
    def code(i, depth):
        g = uuid.uuid4()
        kids = "".join(code(i * 10 + k, depth + 1) for k in range(3)) if depth < 2 else ""
        name = ["Economy", "economy!", "الاقتصاد", "1st wave", "Economy"][i % 5]
        return (f'<Code guid="{str(g).upper()}" name="{name}" isCodable="true">'
                f"<Description>code {i}</Description>{kids}</Code>")

    codes = "".join(code(i, 0) for i in range(40))  # 40 + 120 + 360 = 520 codes
    qde = (f'<Project xmlns="urn:QDA-XML:project:1.0" name="deep"><CodeBook><Codes>{codes}'
           "</Codes></CodeBook></Project>")
    new = tmp_path / "deep.annot"
    new_from_qdpx(new, make_qdpx(tmp_path / "deep.qdpx", qde))
    with Project.open(new, readonly=True) as p:
        cats = p.codebook().categories
    assert len(cats) == 520
    keys = [c.key for c in cats]
    assert len(set(keys)) == 520
    assert all(slug(k) == k for k in keys)
    assert keys[:3] == ["economy", "economy_2", "economy_3"]
    assert all(c.description.startswith("code ") for c in cats)
    # every code with children is a group (40 + 120), nested as in the file: a leaf sits
    # in its parent's group, three deep
    with Project.open(new, readonly=True) as p:
        cb = p.codebook()
    assert len(cb.groups) == 160 and len({g.key for g in cb.groups}) == 160
    leaf = cats[2]  # first code > its first child > that child's second child
    assert [g.description for g in cb.group_path(leaf.group)] == ["code 0", "code 0"]
    assert cats[0].group == cb.groups[0].key and cb.groups[0].parent is None


def test_slug():
    assert slug("Government official") == "government_official"
    assert slug("1st wave") == "c_1st_wave"
    assert slug("الاقتصاد") == ""


# --- hostile files ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.annot"
    with Project.create(path):
        pass
    return path


GOOD_SOURCE = ('<Sources><TextSource guid="11111111-1111-4111-8111-111111111111" '
               'plainTextPath="internal://11111111-1111-4111-8111-111111111111.txt">{sel}'
               '</TextSource></Sources>')
CODES = ('<CodeBook><Codes><Code guid="22222222-2222-4222-8222-222222222222" name="X" '
         'isCodable="true"/></Codes></CodeBook>')
SEL = ('<PlainTextSelection guid="33333333-3333-4333-8333-333333333333" startPosition="{s}" '
       'endPosition="{e}"><Coding guid="44444444-4444-4444-8444-444444444444">'
       '<CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/></Coding>'
       '</PlainTextSelection>')
TEXT = {"Sources/11111111-1111-4111-8111-111111111111.txt": "نص 😀".encode()}


def project_qde(body: str) -> str:
    return f'<Project xmlns="urn:QDA-XML:project:1.0" name="h">{body}</Project>'


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", project_qde(""))
        with z.open("Sources/big.txt", "w") as f:
            block = b"\0" * (1 << 20)
            for _ in range(300):
                f.write(block)
    return path


def entity_bomb(path: Path) -> Path:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    qde = (f'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY l0 "lol">{lol}]>'
           '<Project xmlns="urn:QDA-XML:project:1.0" name="&l9;"/>')
    return make_qdpx(path, qde)


HOSTILE = {
    "zip bomb": (zip_bomb, "zip bomb"),
    "entity bomb": (entity_bomb, "DTD"),
    "path traversal": (lambda p: make_qdpx(p, project_qde(
        CODES + GOOD_SOURCE.replace("internal://1111", "internal://../../1111").format(sel="")),
        {"../../11111111-1111-4111-8111-111111111111.txt": b"x", **TEXT}), "refused path"),
    "absolute path": (lambda p: make_qdpx(p, project_qde(
        GOOD_SOURCE.replace("internal://11111111-1111-4111-8111-111111111111.txt",
                            "absolute:///etc/passwd").format(sel=""))), "refused path"),
    "position past the end": (lambda p: make_qdpx(p, project_qde(
        CODES + GOOD_SOURCE.format(sel=SEL.format(s=2, e=99))), TEXT), "outside the text"),
    "reversed positions": (lambda p: make_qdpx(p, project_qde(
        CODES + GOOD_SOURCE.format(sel=SEL.format(s=4, e=1))), TEXT), "outside the text"),
    "position not a number": (lambda p: make_qdpx(p, project_qde(
        CODES + GOOD_SOURCE.format(sel=SEL.format(s="x", e=2))), TEXT), "not whole numbers"),
    "not a zip": (lambda p: (p.write_bytes(b"PK\x03\x04 garbage" * 10), p)[1], "zip"),
    "bad GUID": (lambda p: make_qdpx(p, project_qde(
        GOOD_SOURCE.replace('guid="1111', 'guid="zz11').format(sel="")), TEXT), "not a GUID"),
    "missing text": (lambda p: make_qdpx(p, project_qde(GOOD_SOURCE.format(sel=""))),
                     "not in the archive"),
    "not XML": (lambda p: make_qdpx(p, "<Project"), "not valid XML"),
    "two sources, one GUID": (lambda p: make_qdpx(p, project_qde(
        GOOD_SOURCE.format(sel="").replace("</Sources>", "") + GOOD_SOURCE.format(sel="")
        .replace("<Sources>", "")), TEXT), "used by two elements"),
    "deep nesting": (lambda p: make_qdpx(p, project_qde(
        "<CodeBook><Codes>" + '<Code guid="22222222-2222-4222-8222-222222222222" name="x" '
        'isCodable="true">' * 5000 + "</Code>" * 5000 + "</Codes></CodeBook>")),
        "not valid XML"),
    "bad sidecar": (lambda p: make_qdpx(p, project_qde(""), {
        "annotator/project.json": b'{"format": "annotator-refi", "codebook": {"name": 1}}'}),
        "codebook"),
}


def _no_qde(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("other.txt", "x")
    return path


HOSTILE["no project.qde"] = (_no_qde, "project.qde")


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_one_line_project_unchanged(case, project, tmp_path, capsys):
    make, words = HOSTILE[case]
    bad = make(tmp_path / "bad.qdpx")
    before = project.read_bytes()
    assert main(["import", str(project), str(bad)]) == 1
    assert project.read_bytes() == before
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert err.startswith(f"error: {bad}"), err
    assert words in err, err
    with Project.open(project, readonly=True) as p:
        assert p.documents() == [] and p.check() == []
        assert [c.key for c in p.codebook().categories] == [
            "claim", "source", "reliability", "attribution", "article"]
    # and `new --from` leaves no project behind
    new = tmp_path / "new.annot"
    assert main(["new", str(new), "--from", str(bad)]) == 1
    assert not new.exists()


def test_refused_rows_leave_the_codebook_as_it_was(project, tmp_path, capsys):
    """A file whose codes would add categories, refused at a later row, adds none."""
    with Project.open(project) as p:
        doc = p.add_documents([ImportedDocument(text="نص آخر")]).added[0]
        other = p.document(doc).uuid
    qde = project_qde(CODES + GOOD_SOURCE.replace("11111111-1111-4111-8111-111111111111",
                                                  other).format(sel=""))
    bad = make_qdpx(tmp_path / "clash.qdpx", qde, {f"Sources/{other}.txt": "نص مختلف".encode()})
    assert main(["import", str(project), str(bad)]) == 1
    assert "another text" in capsys.readouterr().err
    with Project.open(project, readonly=True) as p:
        assert "x" not in [c.key for c in p.codebook().categories]
        assert len(p.documents()) == 1


def test_foreign_qdc_becomes_the_codebook(project, tmp_path, capsys):
    qde = (FIXTURES / "maxqda_like" / "project.qde").read_text(encoding="utf-8")
    codes = qde[qde.index("<Codes>"):qde.index("</Codes>") + len("</Codes>")]
    qdc = tmp_path / "book.qdc"
    qdc.write_text('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:'
                   f'codebook:1.0" origin="MAXQDA 24">{codes}</CodeBook>', encoding="utf-8")
    assert main(["codebook", str(project), "--import", str(qdc)]) == 0
    assert "5 categories" in capsys.readouterr().out
    with Project.open(project, readonly=True) as p:
        cb = p.codebook()
    assert [c.key for c in cb.categories] == [
        "government_official", "news_agency", "claim", "prediction", "code"]
    assert cb.category("claim").color == "#00aa00"
    # a .qdc that is not one: one line
    bad = tmp_path / "bad.qdc"
    bad.write_text("<Project", encoding="utf-8")
    assert main(["codebook", str(project), "--import", str(bad)]) == 1
    assert capsys.readouterr().err.startswith(f"error: {bad}: the codebook is not valid XML")


def test_importing_twice_into_a_project_that_had_the_text(project, tmp_path, capsys):
    qdpx = zip_folder(FIXTURES / "maxqda_like", tmp_path / "m.qdpx")
    text = (FIXTURES / "maxqda_like" / "Sources" /
            "6F1A2B3C-4D5E-4F60-8A7B-9C0D1E2F3A4B.txt").read_text(encoding="utf-8")
    with Project.open(project) as p:
        p.add_documents([ImportedDocument(text=text, title="already here")])
        versions = len(p.codebook_history())
    assert main(["import", str(project), str(qdpx)]) == 0
    out = capsys.readouterr().out
    assert "added 4 categories" in out and "4 annotations" in out
    assert main(["import", str(project), str(qdpx)]) == 0  # the same file again: nothing new
    assert "imported 0 documents (2 already here), 0 annotations" in capsys.readouterr().out
    with Project.open(project, readonly=True) as p:
        docs = p.documents()
        assert [d.title for d in docs] == ["already here", "Uncoded"]
        assert len(p.annotations(doc_id=docs[0].id)) == 4
        assert p.check() == []
        history = p.codebook_history()
        assert len(history) == versions + 1  # the categories the file brought, once


# --- progress, Cancel, and one transaction ---------------------------------------------------


def dump(path: Path) -> list[str]:
    """Every table's rows (codebook versions too), as SQL: what "unchanged" compares."""
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_progress_counts_the_rows_stored(project, tmp_path):
    qdpx = big_qdpx(tmp_path / "big.qdpx", 12, 30)
    seen = []
    with Project.open(project) as p:
        versions = len(p.codebook_history())
        report = importer_for(qdpx)(p, qdpx, "tester", progress=lambda *r: seen.append(r),
                                    cancel=CancelToken())
        assert (report.documents, report.annotations) == (12, 360)
        assert report.categories_added == ["extra"]
        history = p.codebook_history()
    total = 12 + 360  # the articles, then their annotations
    assert seen[0][:2] == (0, total) and seen[-1][:2] == (total, total)
    done = [d for d, t, _ in seen]
    assert done == sorted(done) and {t for _, t, _ in seen} == {total}
    assert len(seen) >= 4  # along the way, not only at the ends
    # the new category is one codebook version, by the author, in the same transaction
    assert len(history) == versions + 1
    assert history[-1].author == "tester"
    assert history[-1].changes == ["added category 'extra' from big.qdpx"]


def test_cancel_half_way_leaves_the_project_unchanged(project, tmp_path):
    qdpx = big_qdpx(tmp_path / "big.qdpx", 40, 25)
    total = 40 + 40 * 25
    before, raw = dump(project), project.read_bytes()
    token, seen = CancelToken(), []

    def progress(done, total_, label=""):
        seen.append((done, total_))
        if done >= total_ // 2:
            token.cancel()  # the user's Cancel, half way through the rows

    with Project.open(project) as p:
        versions = [v.number for v in p.codebook_history()]
        with pytest.raises(Cancelled):
            importer_for(qdpx)(p, qdpx, "tester", progress=progress, cancel=token)
        assert [v.number for v in p.codebook_history()] == versions
        assert "extra" not in [c.key for c in p.codebook().categories]
        assert p.documents() == []
    assert total // 2 <= seen[-1][0] < total  # it stopped half way, not at the end
    assert dump(project) == before  # codebook_versions included
    assert project.read_bytes() == raw
    # and the same file imports whole afterwards
    with Project.open(project) as p:
        report = importer_for(qdpx)(p, qdpx, "tester")
        assert (report.documents, report.annotations) == (40, 1000)


def test_a_late_refusal_leaves_no_codebook_versions_behind(project, tmp_path, capsys):
    """A GUID found to clash only while the rows are written (a note's GUID that is
    another article's note here) refuses the file after the new category was applied:
    the one transaction takes the category back, so the history has no version for it
    and none for taking it back."""
    with Project.open(project) as p:
        doc = p.add_documents([ImportedDocument(text="نص آخر")]).added[0]
        note = p.set_document_note(doc, "Mona", "ملاحظتي")
    qdpx = big_qdpx(tmp_path / "clash.qdpx", 3, 5, note_guid=note.uuid)
    before, raw = dump(project), project.read_bytes()
    assert main(["import", str(project), str(qdpx)]) == 1
    err = capsys.readouterr().err
    assert f"note {note.uuid} has the GUID of another article's note here" in err
    assert dump(project) == before
    assert project.read_bytes() == raw
    with Project.open(project, readonly=True) as p:
        assert len(p.codebook_history()) == 1
        assert "extra" not in [c.key for c in p.codebook().categories]


def test_new_from_a_qdpx_cancelled_leaves_no_file(tmp_path):
    qdpx = big_qdpx(tmp_path / "big.qdpx", 10, 10)
    token = CancelToken()

    def progress(done, total, label=""):
        if done >= total // 2:
            token.cancel()

    new = tmp_path / "new.annot"
    with pytest.raises(Cancelled):
        new_from_qdpx(new, qdpx, progress=progress, cancel=token)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.qdpx"]


def test_cli_import_and_new_from_draw_a_bar_on_a_terminal(project, tmp_path, monkeypatch,
                                                         capsys):
    from annotator.cli import exchange_cmds
    from annotator.cli.progress import ProgressBar

    from .test_long_work import Terminal

    term = Terminal()
    monkeypatch.setattr(exchange_cmds, "ProgressBar",
                        lambda what: ProgressBar(what, stream=term, delay=0))
    qdpx = big_qdpx(tmp_path / "big.qdpx", 5, 4)
    assert main(["import", str(project), str(qdpx)]) == 0
    drawn = term.getvalue()
    assert "importing big.qdpx [" in drawn and "25/25 100%" in drawn
    assert drawn.endswith("\r")  # cleared before the summary is printed
    assert "imported 5 documents" in capsys.readouterr().out
    term.truncate(0)
    term.seek(0)
    assert main(["new", str(tmp_path / "new.annot"), "--from", str(qdpx)]) == 0
    assert "25/25 100%" in term.getvalue()


# --- code trees: codes named alike, wide trees ------------------------------------------------


def alike_qdpx(path: Path, n: int = 40, groups: int = 10) -> Path:
    """n codable codes under four names, and `groups` group codes all named "Group", each
    holding a code named "Leaf"; fresh GUIDs each time (another tool's file)."""
    names = ["Claim", "claim", "Source", "المصدر"]
    codes = "".join(f'<Code guid="{uuid.uuid4()}" name="{names[i % 4]}" isCodable="true"/>'
                    for i in range(n))
    codes += "".join(f'<Code guid="{uuid.uuid4()}" name="Group" isCodable="false">'
                     f'<Code guid="{uuid.uuid4()}" name="Leaf" isCodable="true"/></Code>'
                     for _ in range(groups))
    return make_qdpx(path, project_qde(f"<CodeBook><Codes>{codes}</Codes></CodeBook>"))


def test_codes_named_alike_imported_twice_add_nothing_the_second_time(project, tmp_path,
                                                                      capsys):
    """Same-named codes each became a category; a second import matched every one of them
    to the first category of that name, found it taken, and added them all again."""
    assert main(["import", str(project), str(alike_qdpx(tmp_path / "a.qdpx"))]) == 0
    assert "added 48 categories" in capsys.readouterr().out
    with Project.open(project, readonly=True) as p:
        first = p.codebook()
        versions = len(p.codebook_history())
    assert len(first.categories) == 5 + 38 + 10  # "claim" and "source" were there
    assert len(first.groups) == 10
    for again in ("b.qdpx", "c.qdpx"):  # the same tree, as another tool writes it again
        assert main(["import", str(project), str(alike_qdpx(tmp_path / again))]) == 0
        assert "added" not in capsys.readouterr().out
        with Project.open(project, readonly=True) as p:
            assert p.codebook() == first and len(p.codebook_history()) == versions
            assert p.check() == []


def test_a_wide_code_tree_is_mapped_in_linear_time(project, tmp_path, monkeypatch):
    """Each code's name was compared with every category (50,000 codes: 42 s, 142 s the
    second time), and each key_N was found by trying _2, _3, ... from the start."""
    from annotator.core.codebook import model
    from annotator.core.exchange import refi_codes

    calls = []

    def counted(s, real=model._label_form):
        calls.append(1)
        return real(s)

    monkeypatch.setattr(model, "_label_form", counted)
    monkeypatch.setattr(refi_codes, "_label_form", counted)
    qdpx = alike_qdpx(tmp_path / "wide.qdpx", 3000, 300)
    with Project.open(project) as p:
        importer_for(qdpx)(p, qdpx)
    assert len(calls) < 20 * 3600, len(calls)
    calls.clear()
    with Project.open(project) as p:
        before = p.codebook()
        importer_for(qdpx)(p, alike_qdpx(tmp_path / "again.qdpx", 3000, 300))
        assert p.codebook() == before
    assert len(calls) < 20 * 7200, len(calls)


def test_unique_keys_resume_where_the_last_search_stopped():
    from annotator.core.exchange.refi_codes import _unique

    tries = []

    class Keys(set):
        def __contains__(self, k):
            tries.append(k)
            return super().__contains__(k)

    keys, nexts = Keys({"claim"}), {}
    for _ in range(2000):
        keys.add(_unique("claim", keys, nexts))
    assert "claim_2001" in keys and len(tries) < 3 * 2000


def test_a_wide_qdc_is_not_searched_code_by_code(project, tmp_path, monkeypatch):
    """import_qdc asked `in mapping.added` (a list) for every code: 50,000 codes spent
    8 s there (20.6 s in all, now 11 s)."""
    from annotator.core.exchange import refi_codes, refi_qdc

    searched = []

    class Added(list):
        def __contains__(self, key):
            searched.append(key)
            return super().__contains__(key)

    def mapped(*args, real=refi_codes.map_codes):
        m = real(*args)
        m.added = Added(m.added)
        return m

    monkeypatch.setattr(refi_qdc, "map_codes", mapped)
    codes = "".join(f'<Code guid="{uuid.uuid4()}" name="C{i}" isCodable="true"/>'
                    for i in range(500))
    qdc = tmp_path / "wide.qdc"
    qdc.write_text(f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{codes}</Codes>'
                   "</CodeBook>", encoding="utf-8")
    assert main(["codebook", str(project), "--import", str(qdc)]) == 0
    assert len(searched) <= 1


def test_a_project_name_longer_than_its_column_is_cut(tmp_path):
    """Another tool's project name fills the project's and the codebook's names (200
    characters on a team's server)."""
    qde = (f'<Project xmlns="urn:QDA-XML:project:1.0" name="{"ن" * 300}"><CodeBook><Codes>'
           f'<Code guid="{uuid.uuid4()}" name="X" isCodable="true"/></Codes></CodeBook>'
           "</Project>")
    new = tmp_path / "long.annot"
    new_from_qdpx(new, make_qdpx(tmp_path / "long.qdpx", qde))
    with Project.open(new, readonly=True) as p:
        assert p.codebook().name == "ن" * 200
        assert p.name == "ن" * 200


def _grouped(path: Path) -> Path:
    """A project whose sources are filed under Actors > Media."""
    import copy

    from annotator.core.codebook import GroupDef

    with Project.open(path) as p:
        cb = copy.deepcopy(p.codebook())
        cb.groups = [GroupDef("actors", "a", "Actors"),
                     GroupDef("media", "m", "Media", parent="actors")]
        cb.category("source").group = "media"
        p.set_codebook(cb)
    return path


def _coded(codes: str, coded: list[str], files: dict | None = None) -> str:
    sels = "".join(SEL.replace("33333333-3333-4333-8333-333333333333", str(uuid.uuid4()))
                   .replace("44444444-4444-4444-8444-444444444444", str(uuid.uuid4()))
                   .replace("22222222-2222-4222-8222-222222222222", guid)
                   .format(s=0, e=2) for guid in coded)
    return project_qde(f"<CodeBook><Codes>{codes}</Codes></CodeBook>"
                       + GOOD_SOURCE.format(sel=sels))


def _clashes():
    from annotator.core.exchange.refi_common import category_guid, group_guid

    media, actors, kid = group_guid("media"), group_guid("actors"), str(uuid.uuid4())
    source, claim = category_guid("source"), category_guid("claim")
    return {
        "a group's GUID on a codable code with codings": (
            f'<Code guid="{media}" name="Media" isCodable="true"><Code guid="{kid}" '
            'name="TV" isCodable="true"/></Code>', [media, kid]),
        "a group's GUID on a leaf": (f'<Code guid="{actors}" name="Actors!" '
                                     'isCodable="true"/>', [actors]),
        "a group inside its own child": (
            f'<Code guid="{media}" name="Media" isCodable="false"><Code guid="{actors}" '
            f'name="Actors" isCodable="false"><Code guid="{kid}" name="K" isCodable="true"/>'
            "</Code></Code>", [kid]),
        "a category's GUID holding codes": (
            f'<Code guid="{source}" name="Source" isCodable="true"><Code guid="{kid}" '
            'name="Sub" isCodable="true"/></Code>', [source, kid]),
        "a category's GUID as a folder of another": (
            f'<Code guid="{claim}" name="Claim" isCodable="false"><Code guid="{source}" '
            'name="Source" isCodable="true"/></Code>', [source]),
        "the group GUID of a category's key": (
            f'<Code guid="{group_guid("claim")}" name="Claim group" isCodable="false">'
            f'<Code guid="{claim}" name="Claim" isCodable="true"/></Code>', [claim]),
    }


@pytest.mark.parametrize("case", list(_clashes()))
def test_codes_with_the_guids_annotator_derives_import_twice_cleanly(project, tmp_path,
                                                                     capsys, case):
    """Codes carrying the GUIDs Annotator derives for its groups and categories, moved
    elsewhere in the tree, codable or with codings: the import holds, and the same file
    again adds nothing."""
    codes, coded = _clashes()[case]
    qdpx = make_qdpx(tmp_path / "clash.qdpx", _coded(codes, coded), TEXT)
    _grouped(project)
    assert main(["import", str(project), str(qdpx)]) == 0
    with Project.open(project, readonly=True) as p:
        first = (p.codebook(), len(p.annotations()), len(p.codebook_history()))
        assert p.check() == []
    assert main(["import", str(project), str(qdpx)]) == 0
    capsys.readouterr()
    with Project.open(project, readonly=True) as p:
        assert (p.codebook(), len(p.annotations()), len(p.codebook_history())) == first
        assert p.check() == []


def test_a_sidecar_codebook_whose_groups_disagree_with_the_tree(project, tmp_path, capsys):
    """The code tree files the categories; the sidecar's own groups only lend their keys
    and names. A sidecar that is no codebook (its groups in a loop) refuses the file."""
    import json

    from annotator.core.exchange.refi_common import category_guid, group_guid

    one, two = category_guid("one"), category_guid("two")
    codes = (f'<Code guid="{group_guid("alpha")}" name="Alpha" isCodable="false">'
             f'<Code guid="{one}" name="One" isCodable="true"/></Code>'
             f'<Code guid="{two}" name="Two" isCodable="true"/>')

    def side(groups, group="beta"):
        return {"annotator/project.json": json.dumps({
            "format": "annotator-refi", "codebook": {
                "name": "x", "groups": groups,
                "categories": [{"key": "one", "name_en": "One", "color": "#000000",
                                "group": group},
                               {"key": "two", "name_en": "Two", "color": "#000000"}]}}
        ).encode(), **TEXT}

    other = make_qdpx(tmp_path / "other.qdpx", _coded(codes, [one]), side(
        [{"key": "beta", "name_en": "Beta"}, {"key": "alpha", "name_en": "Alpha",
                                              "parent": "beta"}]))
    for _ in range(2):
        assert main(["import", str(project), str(other)]) == 0
    with Project.open(project, readonly=True) as p:
        cb = p.codebook()
        assert [(g.key, g.parent) for g in cb.groups] == [("alpha", None)]
        assert (cb.category("one").group, cb.category("two").group) == ("alpha", None)
        assert len(p.annotations()) == 1 and p.check() == []
    capsys.readouterr()
    loop = make_qdpx(tmp_path / "loop.qdpx", _coded(codes, [one]), side(
        [{"key": "alpha", "name_en": "Alpha", "parent": "beta"},
         {"key": "beta", "name_en": "Beta", "parent": "alpha"}]))
    before = dump(project)
    assert main(["import", str(project), str(loop)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {loop}: annotator/project.json: codebook: groups[0]"
                          ".parent: 'beta' makes a loop") and err.count("\n") == 1
    assert dump(project) == before
