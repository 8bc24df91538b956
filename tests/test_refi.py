"""REFI-QDA out and back: every file written validates against Project.xsd, positions are
code points, and a project exported and imported into a new one is the same project."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.cli import main
from annotator.core.exchange import export_qdc, exporter_for, importer_for, new_from_qdpx
from annotator.core.exchange.refi_common import (
    CODEBOOK_NS,
    PROJECT_NS,
    attribute_guid,
    category_guid,
    value_guid,
)
from annotator.core.project import Project

from .exchange_data import T1, build_project

# The REFI-QDA project schema (QDA-XML 1.0, REFI consortium, MIT licence), kept with the
# tests so they never depend on a folder outside the repository.
SCHEMA_PATH = Path(__file__).resolve().parent / "fixtures" / "refi" / "Project.xsd"
NS = {"q": PROJECT_NS}


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


@pytest.fixture(scope="module")
def known(tmp_path_factory):
    path = tmp_path_factory.mktemp("proj") / "study.annot"
    return path, build_project(path)


def qde(path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("project.qde"))


def assert_valid(schema, root) -> None:
    if not schema.validate(root):
        raise AssertionError(str(schema.error_log))


def export(project_path, out, **kw):
    return exporter_for(out)(project_path, out, **kw)


@pytest.mark.parametrize("sel", [{}, {"coders": ["Ali"]}, {"doc_ids": [2, 3]},
                                 {"coders": ["Mona"], "doc_ids": [1]}])
def test_every_export_validates_against_the_schema(known, tmp_path, schema, sel):
    path, _ = known
    out = tmp_path / "x.qdpx"
    export(path, out, **sel)
    assert_valid(schema, qde(out))


def test_qdc_validates_as_the_project_codebook(known, tmp_path, schema):
    path, _ = known
    out = tmp_path / "book.qdc"
    with Project.open(path, readonly=True) as p:
        export_qdc(p.codebook(), out)
        cb = p.codebook()
    root = etree.parse(str(out)).getroot()
    assert root.tag == f"{{{CODEBOOK_NS}}}CodeBook"
    # the codebook schema's Codes are the project schema's: check them inside a project
    wrapped = etree.fromstring(
        f'<Project xmlns="{PROJECT_NS}" name="x"><CodeBook/></Project>'.encode())
    codes = etree.fromstring(etree.tostring(root[0]).replace(CODEBOOK_NS.encode(),
                                                             PROJECT_NS.encode()))
    wrapped[0].append(codes)
    assert_valid(schema, wrapped)
    top = [c.get("name") for c in codes]
    assert top == [c.name_en for c in cb.categories]
    claim = codes[0]
    assert claim.get("color") == cb.category("claim").color
    assert claim.findtext("q:Description", namespaces=NS) == cb.category("claim").description


def test_positions_are_code_points_and_uuids_are_guids(known, tmp_path):
    path, ids = known
    out = tmp_path / "x.qdpx"
    export(path, out)
    root = qde(out)
    sel = root.find(f".//q:PlainTextSelection[@guid='{ids['guardian']}']", NS)
    start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    # two astral letters and an emoji come first: UTF-16 would count 3 more
    assert T1[start:end] == "صحيفة الجارديان البريطانية"
    with zipfile.ZipFile(out) as z:
        src = root.find(".//q:TextSource", NS)
        text = z.read(f"Sources/{src.get('guid')}.txt").decode("utf-8")
    assert text[start:end] == "صحيفة الجارديان البريطانية"
    assert src.get("plainTextPath") == f"internal://{src.get('guid')}.txt"
    codes = [c.find("q:CodeRef", NS).get("targetGUID") for c in sel.findall("q:Coding", NS)]
    # the category, then a value code per choice and a code per true flag
    assert codes == [category_guid("source"), value_guid("source", "type", "foreign_media"),
                     attribute_guid("source", "named"),
                     value_guid("source", "location", "foreign")]
    # the source name (a text attribute) has no code; other tools show it in the Description
    assert sel.findtext("q:Description", namespaces=NS) == "Source name: The Guardian"


def test_notes_are_notes_with_refs(known, tmp_path, schema):
    path, ids = known
    out = tmp_path / "x.qdpx"
    counts = export(path, out)
    root = qde(out)
    assert counts["notes"] == 4
    notes = {n.get("guid"): n for n in root.findall("q:Notes/q:Note", NS)}
    sel = root.find(f".//q:PlainTextSelection[@guid='{ids['claim']}']", NS)
    ref = sel.find("q:NoteRef", NS).get("targetGUID")
    assert notes[ref].findtext("q:PlainTextContent", namespaces=NS) == \
        "تحقق من التاريخ 😀\nسطر ثان"
    src_refs = [r.get("targetGUID") for r in root.find(".//q:TextSource", NS)
                .findall("q:NoteRef", NS)]
    assert {notes[g].findtext("q:PlainTextContent", namespaces=NS) for g in src_refs} == {
        "ملاحظة على المقال كله", "Ali's note"}


def test_relations_are_links_and_coders_users(known, tmp_path):
    path, ids = known
    out = tmp_path / "x.qdpx"
    export(path, out)
    root = qde(out)
    links = root.findall(".//q:Link", NS)
    assert len(links) == 3
    pairs = {(x.get("originGUID"), x.get("targetGUID")) for x in links}
    assert (ids["claim"], ids["guardian"]) in pairs
    with Project.open(path, readonly=True) as p:
        coders = {c.uuid: c.name for c in p.coders()}
    assert {u.get("guid"): u.get("name") for u in root.findall(".//q:User", NS)} == coders


def _state(p: Project):
    docs = [(d.uuid, d.title, d.outlet, d.author, d.published, d.url, d.language, d.meta,
             p.text(d.id).encode("utf-8")) for d in p.documents(with_meta=True)]
    anns = sorted((a.uuid, a.coder, a.category, a.start, a.end, a.quote,
                   json.dumps(a.attrs, sort_keys=True), a.created, a.note, a.flag,
                   a.origin)
                  for a in p.annotations())
    notes = [(n.uuid, n.doc_id, n.coder, n.text) for n in p.document_notes()]
    rels = sorted((r.uuid, r.type, r.from_uuid, r.to_uuid, r.coder) for r in p.relations())
    coders = sorted((c.uuid, c.name, c.role) for c in p.coders())
    return docs, anns, rels, coders, notes


def test_round_trip_gives_the_same_project(known, tmp_path):
    path, _ = known
    out = tmp_path / "x.qdpx"
    export(path, out)
    new = tmp_path / "back.annot"
    report = new_from_qdpx(new, out)
    assert report.notes == []
    with Project.open(path, readonly=True) as a, Project.open(new, readonly=True) as b:
        assert _state(b) == _state(a)
        assert b.codebook() == a.codebook()
        assert b.check() == []
    # a second export of the imported project says the same
    again = tmp_path / "again.qdpx"
    export(new, again)
    first, second = qde(out), qde(again)
    for r in (first, second):
        r.attrib.pop("creationDateTime")
        r.attrib.pop("name")
    assert etree.tostring(first, method="c14n") == etree.tostring(second, method="c14n")
    with zipfile.ZipFile(out) as z1, zipfile.ZipFile(again) as z2:
        assert sorted(z1.namelist()) == sorted(z2.namelist())
        for n in z1.namelist():
            if n != "project.qde":
                assert z1.read(n) == z2.read(n), n


def test_import_into_the_same_project_changes_nothing(known, tmp_path):
    path, _ = known
    out = tmp_path / "x.qdpx"
    export(path, out)
    copy = tmp_path / "copy.annot"
    copy.write_bytes(path.read_bytes())
    with Project.open(copy) as p:
        before = _state(p)
        report = importer_for(out)(p, out)
        assert (report.documents, report.annotations, report.relations) == (0, 0, 0)
        assert report.reused == 3
        assert _state(p) == before


def test_cli_export_new_from_and_codebook(known, tmp_path, capsys):
    path, _ = known
    out = tmp_path / "cli.qdpx"
    assert main(["export", str(path), str(out), "--coders", "Mona"]) == 0
    assert "wrote" in capsys.readouterr().out
    new = tmp_path / "cli.annot"
    assert main(["new", str(new), "--from", str(out)]) == 0
    with Project.open(new, readonly=True) as p:
        assert {a.coder for a in p.annotations()} == {"Mona"}
    qdc = tmp_path / "book.qdc"
    assert main(["codebook", str(path), "--export", str(qdc)]) == 0
    assert main(["codebook", str(new), "--import", str(qdc)]) == 0
    with Project.open(new, readonly=True) as p, Project.open(path, readonly=True) as q:
        assert [c.key for c in p.codebook().categories] == [c.key for c in q.codebook().categories]
