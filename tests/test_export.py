"""The Excel and CSV export: sheets, headers, exact values, form, formulas, errors."""

from __future__ import annotations

import csv
import errno
import shutil
import subprocess
import zipfile
from datetime import datetime

import openpyxl
import pytest

from annotator.cli import main
from annotator.core.exporters import SHEETS, ExportError, export_csv, export_xlsx, parse_doc_ids
from annotator.core.exporters import files as files_mod
from annotator.core.exporters.context import context_after, context_before
from annotator.core.exporters.sheet_agreement import agreement_rows
from annotator.core.importers.base import ImportedDocument
from annotator.core.project import Project

T1 = ("قالت صحيفة الجارديان البريطانية إن John Smith 😀 غادر الموصل في 2017.\n"
      "وأكدت مواقع عراقية ذلك، بحسب وثائق حصلت عليها القوات العراقية خلال عملياتها.")
T2 = "=SUM(A1) قال المتحدث إن -5 درجات سجلت أمس، ونشر @x الخبر."
PUBLISHED = datetime(2017, 4, 27, 15, 53)

ANNOTATION_HEADER = [
    "annotation_id", "document_id", "document_title", "coder", "category", "category_ar",
    "category_en", "start", "end", "text", "context_before", "context_after",
    "claim.claim_type", "claim.attribution", "source.name", "source.type", "source.named",
    "source.location", "reliability.level", "attribution.stance", "article.genre",
    "article.origin", "note", "flag", "origin", "created", "updated"]


def span(text, needle):
    s = text.index(needle)
    return s, s + len(needle)


@pytest.fixture(scope="module")
def known(tmp_path_factory):
    """Two coders, two documents (emoji and a Latin name; an article that starts with a
    formula), claims linked to sources, reliability by link and by overlap."""
    path = tmp_path_factory.mktemp("proj") / "study.annot"
    ids = {}
    with Project.create(path, name="دراسة المصادر") as p:
        r = p.add_documents([
            ImportedDocument(text=T1, title="الجارديان: John Smith 😀 غادر الموصل",
                             published=PUBLISHED, outlet="الجزيرة", author="محمد الشرقاوي",
                             url="https://example.org/a"),
            ImportedDocument(text=T2, title="=SUM(A1)", outlet="-5", author="@x"),
        ])
        d1, d2 = r.added
        ids["d1"], ids["d2"] = d1, d2
        cs, ce = span(T1, "John Smith 😀 غادر الموصل في 2017")
        m_claim = p.add_annotation(d1, "Mona", "claim", cs, ce,
                                   attrs={"claim_type": "factual", "attribution": "paraphrase"})
        g = p.add_annotation(d1, "Mona", "source", *span(T1, "صحيفة الجارديان البريطانية"),
                             attrs={"name": "The Guardian", "type": "foreign_media",
                                    "named": True, "location": "foreign"})
        js = p.add_annotation(d1, "Mona", "source", *span(T1, "John Smith"),
                              attrs={"type": "expert", "named": True})
        p.add_relation("attributed_to", m_claim.uuid, js.uuid, "Mona")
        p.add_relation("attributed_to", m_claim.uuid, g.uuid, "Mona")
        rel = p.add_annotation(d1, "Mona", "reliability", cs, ce, attrs={"level": "4"})
        p.add_relation("rates", rel.uuid, m_claim.uuid, "Mona")
        p.add_annotation(d1, "Mona", "article", attrs={"genre": "translated_report"})
        a_claim = p.add_annotation(d1, "Ali", "claim", cs, ce - 5,
                                   attrs={"claim_type": "factual", "attribution": "none"})
        w = p.add_annotation(d1, "Ali", "source", *span(T1, "مواقع عراقية"),
                             attrs={"type": "websites", "named": False})
        p.add_relation("attributed_to", a_claim.uuid, w.uuid, "Ali")
        p.add_annotation(d1, "Ali", "reliability", cs - 3, ce, attrs={"level": "2"})
        f_claim = p.add_annotation(d2, "Mona", "claim", *span(T2, "=SUM(A1)"),
                                   attrs={"claim_type": "statistical"})
        x = p.add_annotation(d2, "Mona", "source", *span(T2, "@x"),
                             attrs={"name": "@x", "type": "social_media"})
        p.add_relation("attributed_to", f_claim.uuid, x.uuid, "Mona")
        p.add_annotation(d2, "Mona", "claim", *span(T2, "-5 درجات"),
                         attrs={"claim_type": "statistical", "attribution": "paraphrase"})
        p.set_status(d1, "Mona", "done")
        p.set_status(d1, "Ali", "done")
        ids.update(m_claim=m_claim.uuid, a_claim=a_claim.uuid, f_claim=f_claim.uuid,
                   g=g.uuid, js=js.uuid, w=w.uuid, x=x.uuid)
    return path, ids


@pytest.fixture(scope="module")
def book(known, tmp_path_factory):
    path, ids = known
    out = tmp_path_factory.mktemp("out") / "study.xlsx"
    seen = []
    counts = export_xlsx(path, out, progress=lambda d, t: seen.append((d, t)))
    return out, openpyxl.load_workbook(out), counts, seen, ids


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def records(ws):
    head, *body = rows(ws)
    return [dict(zip(head, r, strict=True)) for r in body]


# --- workbook structure -----------------------------------------------------------------


def test_sheet_names_and_order(book):
    _, wb, counts, _, _ = book
    assert wb.sheetnames == list(SHEETS)
    assert counts["sheets"] == list(SHEETS)
    assert (counts["documents"], counts["annotations"], counts["claims"]) == (2, 11, 4)
    assert counts["agreement_documents"] == 1


def test_headers(book):
    _, wb, _, _, _ = book
    assert rows(wb["Annotations"])[0] == ANNOTATION_HEADER
    assert rows(wb["Documents"])[0] == ["document_id", "title", "outlet", "author", "published",
                                        "url", "length", "source_file", "source_row",
                                        "source_id", "source_id_column", "status [Ali]",
                                        "status [Mona]"]
    assert rows(wb["Claims"])[0] == [
        "annotation_id", "document_id", "document_title", "coder", "start", "end", "text",
        "claim.claim_type", "claim.attribution", "n_sources", "sources", "source_types",
        "source_ids", "reliability", "reliability_basis"]
    m = rows(wb["Matrix"])[0]
    assert m[:4] == ["document_id", "document_title", "claim [Ali]", "claim [Mona]"]
    assert rows(wb["Agreement"])[0] == ["category", "measure", "value", "pair", "n",
                                        "document", "note"]
    assert rows(wb["Codebook"])[0][:5] == ["element", "column", "category", "attribute",
                                           "value"]


def test_documents_values_and_date_cell(book):
    _, wb, _, _, _ = book
    ws = wb["Documents"]
    d1, d2 = records(ws)
    assert d1["title"] == "الجارديان: John Smith 😀 غادر الموصل"
    assert d1["published"] == PUBLISHED
    cell = ws["E2"]
    assert cell.is_date and isinstance(cell.value, datetime)
    assert "yy" in cell.number_format
    assert d1["length"] == len(T1) and isinstance(d1["length"], int)
    assert (d1["status [Mona]"], d1["status [Ali]"]) == ("done", "done")
    assert (d2["title"], d2["outlet"], d2["author"]) == ("=SUM(A1)", "-5", "@x")
    assert d2["published"] is None and d2["status [Ali]"] is None


def test_annotation_rows_exact(book):
    _, wb, _, _, ids = book
    recs = records(wb["Annotations"])
    # order: document, coder (by name), position
    assert [(r["document_id"], r["coder"]) for r in recs[:2]] == [(1, "Ali"), (1, "Ali")]
    m = next(r for r in recs if r["annotation_id"] == ids["m_claim"])
    cs, ce = span(T1, "John Smith 😀 غادر الموصل في 2017")
    assert (m["start"], m["end"]) == (cs, ce)  # code points: the emoji counts once
    assert m["text"] == "John Smith 😀 غادر الموصل في 2017" == T1[cs:ce]
    assert m["context_before"] == "قالت صحيفة الجارديان البريطانية إن "
    assert m["context_after"] == ".\nوأكدت مواقع عراقية ذلك، بحسب وثائق حصلت عليها القوات"
    assert T1.find(m["context_before"] + m["text"] + m["context_after"]) >= 0
    assert len(m["context_after"]) <= 60
    assert (m["category"], m["category_ar"], m["category_en"]) == ("claim", "ادعاء", "Claim")
    assert (m["claim.claim_type"], m["claim.attribution"]) == ("factual", "paraphrase")
    assert m["source.name"] is None and m["reliability.level"] is None
    assert isinstance(m["created"], datetime) and isinstance(m["updated"], datetime)
    g = next(r for r in recs if r["annotation_id"] == ids["g"])
    assert (g["source.name"], g["source.type"], g["source.named"], g["source.location"]) == \
        ("The Guardian", "foreign_media", True, "foreign")
    lv = [r["reliability.level"] for r in recs if r["category"] == "reliability"]
    assert sorted(lv) == [2, 4] and all(type(v) is int for v in lv)  # ordinal codes: numbers
    art = next(r for r in recs if r["category"] == "article")
    assert art["article.genre"] == "translated_report"
    assert art["start"] is None and art["text"] is None  # document-level code: no span


def test_formula_like_text_stays_text(book):
    _, wb, _, _, ids = book
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula"
    recs = records(wb["Annotations"])
    f = next(r for r in recs if r["annotation_id"] == ids["f_claim"])
    assert f["text"] == "=SUM(A1)" and f["document_title"] == "=SUM(A1)"
    assert f["context_after"].startswith(" قال المتحدث إن -5")
    neg = next(r for r in recs if r["text"] == "-5 درجات")
    assert neg["context_before"] == "=SUM(A1) قال المتحدث إن "
    x = next(r for r in recs if r["annotation_id"] == ids["x"])
    assert (x["text"], x["source.name"]) == ("@x", "@x")
    ws = wb["Documents"]
    for cell in (ws["B3"], ws["C3"], ws["D3"]):
        assert cell.data_type == "s" and isinstance(cell.value, str)
    assert ws["C3"].value == "-5"


def test_claims_sources_and_reliability(book):
    _, wb, _, _, ids = book
    recs = {r["annotation_id"]: r for r in records(wb["Claims"])}
    m = recs[ids["m_claim"]]
    # sources in text order, names (or the words in the article when unnamed) and types
    assert m["n_sources"] == 2
    # each joined name isolated (U+2068 ... U+2069): the order holds in an RTL sheet
    assert m["sources"] == "\u2068The Guardian\u2069 | \u2068John Smith\u2069"
    assert m["source_types"] == "\u2068foreign_media\u2069 | \u2068expert\u2069"
    assert m["source_ids"] == f"\u2068{ids['g']}\u2069 | \u2068{ids['js']}\u2069"
    assert (m["reliability"], m["reliability_basis"]) == (4, "rates")
    a = recs[ids["a_claim"]]
    assert (a["sources"], a["source_types"], a["n_sources"]) == \
        ("\u2068مواقع عراقية\u2069", "\u2068websites\u2069", 1)
    assert (a["reliability"], a["reliability_basis"]) == (2, "overlap")
    assert a["claim.attribution"] == "none"
    f = recs[ids["f_claim"]]
    assert (f["text"], f["sources"], f["reliability"]) == ("=SUM(A1)", "\u2068@x\u2069", None)
    assert len(recs) == 4


def test_matrix_counts(book):
    _, wb, _, _, _ = book
    d1, d2 = records(wb["Matrix"])
    assert (d1["claim [Mona]"], d1["claim [Ali]"], d1["source [Mona]"]) == (1, 1, 2)
    # both marked document 1 done: 0 means "done, none found"
    assert (d1["reliability [Ali]"], d1["article [Mona]"], d1["article [Ali]"]) == (1, 1, 0)
    # document 2: Ali was never given it, Mona has not marked it done: empty, not 0;
    # Mona's work so far is still counted
    assert (d2["claim [Mona]"], d2["claim [Ali]"], d2["source [Mona]"]) == (2, None, 1)
    assert (d2["reliability [Mona]"], d2["reliability [Ali]"]) == (None, None)


def test_agreement_sheet_from_the_report(book):
    _, wb, _, _, _ = book
    recs = records(wb["Agreement"])
    overall = [r for r in recs if r["document"] is None]
    assert {"alpha_u", "u_alpha", "documents"} <= {r["measure"] for r in overall}
    assert next(r for r in overall if r["measure"] == "documents")["value"] == 1
    kappa = [r for r in overall if r["category"] == "claim" and r["measure"] == "kappa"]
    assert [r["pair"] for r in kappa] == ["Ali|Mona"]
    assert isinstance(kappa[0]["value"], float) and kappa[0]["n"] > 0
    per_doc = {r["document"] for r in recs} - {None}
    assert per_doc == {1}
    for r in recs:
        assert r["value"] is None or isinstance(r["value"], int | float)
        if r["value"] is None and r["measure"] not in ("report",):
            assert r["note"], r  # a missing figure says why


def test_agreement_rows_from_a_hand_made_report():
    report = {
        "coders": ["A", "B"], "documents": 2, "continuum_length": 300,
        "categories": {"claim": {
            "alpha_u": 0.7286, "u_alpha": None, "alpha_nominal": 0.5,
            "percent_agreement": 0.9, "kappa": {"A|B": 0.4}, "f1_exact": {"A|B": 0.5},
            "f1_overlap": {"A|B": 1.0}, "attributes": {"claim_type": None},
            "attribute_units": {"claim_type": 0}, "n_units": 280, "continuum_length": 300,
            "spans": {"A": 2, "B": 3}, "pairs": {"A|B": {"units": 280, "spans": {"A": 2, "B": 3}}},
            "reasons": {"u_alpha": "no variation", "attributes.claim_type": "no pairs"}}},
        "overall": {"alpha_u": 0.8587, "u_alpha": 0.8, "bu_alpha": 0.7, "cu_alpha": None,
                    "documents": 2, "continuum_length": 300, "spans": {"A": 2, "B": 3},
                    "reasons": {"cu_alpha": "one category"}},
        "per_document": {"7": {"documents": 1, "categories": {}, "overall": {
            "alpha_u": 1.0, "documents": 1, "continuum_length": 100, "reasons": {}}}},
    }
    got = list(agreement_rows(report))
    assert ("(all)", "alpha_u", 0.8587, None, 300, None, None) in got
    assert ("(all)", "cu_alpha", None, None, 300, None, "one category") in got
    assert ("claim", "alpha_u", 0.7286, None, 300, None, None) in got
    assert ("claim", "u_alpha", None, None, 300, None, "no variation") in got
    assert ("claim", "kappa", 0.4, "A|B", 280, None, None) in got
    assert ("claim", "f1_overlap", 1.0, "A|B", 5, None, None) in got
    assert ("claim", "attribute:claim_type", None, None, 0, None, "no pairs") in got
    assert ("claim", "spans", 3, "B", None, None, None) in got
    assert ("(all)", "alpha_u", 1.0, None, 100, 7, None) in got


def test_codebook_sheet_has_codes_and_labels(book):
    _, wb, _, _, _ = book
    recs = records(wb["Codebook"])
    lv = [r for r in recs if r["element"] == "value" and r["column"] == "reliability.level"]
    assert [r["value"] for r in lv] == [1, 2, 3, 4, 5]
    assert lv[0]["name_en"] == "1 - Unverifiable"
    cat = next(r for r in recs if r["element"] == "category" and r["category"] == "claim")
    assert (cat["color"], cat["hotkey"], cat["name_ar"]) == ("#8ec5ff", "1", "ادعاء")
    rel = next(r for r in recs if r["element"] == "relation" and r["value"] == "rates")
    assert (rel["from_category"], rel["to_category"]) == ("reliability", "claim")


def test_about_sheet(book, known):
    _, wb, _, _, _ = book
    about = dict((r[0], r[1]) for r in rows(wb["About"])[1:])
    assert about["project"] == "دراسة المصادر"
    assert isinstance(about["exported (UTC)"], datetime)
    assert about["coders included"] == "Ali, Mona"
    assert about["annotations"] == 11 and about["codebook version"] == 1
    assert "key" in about["choice values"]
    assert all(f"sheet {s}" in about for s in SHEETS[1:])


def test_form_rtl_freeze_filter_font_widths(book):
    out, wb, _, _, _ = book
    for name in SHEETS:
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), name
        rtl = bool(ws.sheet_view.rightToLeft)
        assert rtl == (name not in ("About", "Agreement")), name
    ws = wb["Annotations"]
    assert ws.auto_filter.ref == "A1:AA12"
    assert ws.column_dimensions["J"].width >= 40  # text
    assert ws["J2"].alignment.wrap_text
    assert ws["A1"].font.b
    assert ws["J2"].font.name == "Arial"


def test_progress_reports_to_the_total(book):
    _, _, _, seen, _ = book
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))


# --- filters ----------------------------------------------------------------------------


def test_one_coder_has_no_agreement_sheet(known, tmp_path):
    path, _ = known
    out = tmp_path / "mona.xlsx"
    counts = export_xlsx(path, out, coders=["Mona"])
    wb = openpyxl.load_workbook(out)
    assert "Agreement" not in wb.sheetnames
    assert wb.sheetnames == [s for s in SHEETS if s != "Agreement"]
    assert {r["coder"] for r in records(wb["Annotations"])} == {"Mona"}
    assert counts["annotations"] == 8
    assert rows(wb["Matrix"])[0][2:4] == ["claim [Mona]", "source [Mona]"]


def test_docs_filter_and_ranges(known, tmp_path):
    path, ids = known
    out = tmp_path / "d2.xlsx"
    export_xlsx(path, out, doc_ids=[ids["d2"]])
    wb = openpyxl.load_workbook(out)
    assert [r["document_id"] for r in records(wb["Documents"])] == [ids["d2"]]
    assert {r["document_id"] for r in records(wb["Annotations"])} == {ids["d2"]}
    assert parse_doc_ids("3, 1,5-7,3") == [1, 3, 5, 6, 7]


def test_unknown_coder_document_and_gold_are_refused(known, tmp_path):
    path, _ = known
    with pytest.raises(Exception, match="no coder named 'Zed'"):
        export_xlsx(path, tmp_path / "x.xlsx", coders=["Zed"])
    with pytest.raises(Exception, match="no document with id 99"):
        export_xlsx(path, tmp_path / "x.xlsx", doc_ids=[99])
    with pytest.raises(Exception, match="no gold"):
        export_xlsx(path, tmp_path / "x.xlsx", gold=True)
    assert list(tmp_path.iterdir()) == []


# --- CSV --------------------------------------------------------------------------------


def _as_text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, datetime):
        return v.isoformat(sep=" ")
    return str(v)


def _norm(v: str):
    """Excel keeps 15 significant digits of a float; the CSV has them all."""
    try:
        return round(float(v), 12)
    except ValueError:
        return v


def test_csv_has_bom_and_the_same_rows(book, known, tmp_path):
    path, _ = known
    _, wb, _, _, _ = book
    folder = tmp_path / "csv"
    counts = export_csv(path, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{s}.csv" for s in SHEETS] + ["labels.csv"])  # labels: tests/test_spss.py
    assert counts["annotations"] == 11
    for name in SHEETS:
        raw = (folder / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        with open(folder / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
            got = list(csv.reader(fh))
        want = [[_as_text(v) for v in r] for r in rows(wb[name])]
        # the workbook isolates joined names (U+2068/U+2069); the CSV holds them plainly
        want = [[v.replace("\u2068", "").replace("\u2069", "") for v in r] for r in want]
        # and no raw line break: the CSV writes ⏎ in its place (said in About)
        want = [[v.replace("\n", " \u23ce ") for v in r] for r in want]
        if name in ("Links",):  # times: xlsx keeps milliseconds only
            got = [r[:-1] for r in got]
            want = [r[:-1] for r in want]
        if name == "About":  # export time and file differ between the two runs
            got = [r for r in got if r[0] not in ("exported (UTC)",)]
            want = [r for r in want if r[0] not in ("exported (UTC)",)]
        if name in ("Annotations",):  # times: xlsx keeps milliseconds only
            got = [r[:-2] for r in got]
            want = [r[:-2] for r in want]
        assert [[_norm(v) for v in r] for r in got] == [[_norm(v) for v in r] for r in want], name


def test_csv_excel_safe_prefixes_formula_like_text(known, tmp_path):
    path, _ = known
    export_csv(path, tmp_path / "c", excel_safe=True)
    with open(tmp_path / "c" / "Documents.csv", encoding="utf-8-sig", newline="") as fh:
        d2 = list(csv.reader(fh))[2]
    assert d2[1:4] == ["'=SUM(A1)", "'-5", "'@x"]


# --- errors -----------------------------------------------------------------------------


def test_missing_folder(known, tmp_path):
    path, _ = known
    with pytest.raises(ExportError, match="does not exist"):
        export_xlsx(path, tmp_path / "nope" / "out.xlsx")


def test_folder_not_writable(known, tmp_path, monkeypatch):
    path, _ = known
    monkeypatch.setattr(files_mod.os, "access", lambda *a, **k: False)
    with pytest.raises(ExportError, match="permission denied"):
        export_xlsx(path, tmp_path / "out.xlsx")


def test_disk_full_leaves_nothing(known, tmp_path, monkeypatch):
    path, _ = known
    out = tmp_path / "out.xlsx"

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    with pytest.raises(ExportError) as ei:
        export_xlsx(path, out)
    assert str(ei.value) == f"{out}: disk full (no space left on device); nothing was written"
    assert list(tmp_path.iterdir()) == []


def test_disk_full_in_csv_leaves_nothing(known, tmp_path, monkeypatch):
    path, _ = known
    folder = tmp_path / "c"
    folder.mkdir()
    real = csv.writer

    class Full:
        def __init__(self, fh):
            self.w = real(fh)
            self.n = 0

        def writerow(self, r):
            self.w.writerow(r)

        def writerows(self, rs):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("annotator.core.exporters.csv._csv.writer", Full)
    with pytest.raises(ExportError, match="disk full"):
        export_csv(path, folder)
    assert list(folder.iterdir()) == []


def test_cancel_from_progress_leaves_nothing(known, tmp_path):
    path, _ = known

    def cancel(done, total):
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_xlsx(path, tmp_path / "out.xlsx", progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_overwrites_an_existing_file_atomically(known, tmp_path):
    path, _ = known
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"old")
    export_xlsx(path, out)
    assert openpyxl.load_workbook(out).sheetnames == list(SHEETS)
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


# --- command line -----------------------------------------------------------------------


def test_cli_export_xlsx_and_csv(known, tmp_path, capsys):
    path, _ = known
    out = tmp_path / "o.xlsx"
    assert main(["export", str(path), str(out), "--coders", "Mona,Ali", "--docs", "1-2",
                 "--csv", str(tmp_path / "csv")]) == 0
    said = capsys.readouterr().out
    assert "wrote" in said and "11 annotations" in said
    assert openpyxl.load_workbook(out).sheetnames == list(SHEETS)
    assert (tmp_path / "csv" / "Annotations.csv").exists()


def test_cli_not_a_project(tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    assert main(["export", str(bad), str(tmp_path / "o.xlsx")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {bad}: ") and "\n" not in err
    assert not (tmp_path / "o.xlsx").exists()


def test_cli_missing_folder_one_line(known, tmp_path, capsys):
    path, _ = known
    out = tmp_path / "missing" / "o.xlsx"
    assert main(["export", str(path), str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"error: {out}: folder {out.parent} does not exist"


def test_cli_wrong_suffix(known, tmp_path, capsys):
    path, _ = known
    assert main(["export", str(path), str(tmp_path / "o.csv")]) == 1
    assert "must end in .xlsx" in capsys.readouterr().err


# --- small helpers ----------------------------------------------------------------------


def test_context_cuts_at_word_boundaries():
    text = "aaaa bbbb cccc QUOTE dddd eeee ffff"
    q = text.index("QUOTE")
    assert context_before(text, q, width=8) == "cccc "  # "bbbb " partly cut: dropped
    assert context_before(text, q, width=12) == "bbbb cccc "
    assert context_after(text, q + 5, width=12) == " dddd eeee"
    assert context_before(text, q, width=100) == "aaaa bbbb cccc "
    assert context_before("x" * 80 + "Q", 80, width=10) == "x" * 10  # no space: cut anyway


# --- LibreOffice --------------------------------------------------------------------------


def test_libreoffice_opens_the_workbook(book, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out, _, _, _, _ = book
    res = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3",
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    # sheet 3 (Annotations) as UTF-8 CSV: the quote that looks like a formula is text
    produced = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert produced, res.stdout + res.stderr
    text = (tmp_path / [p for p in produced if "Annotations" in p or p == "study.csv"][0]
            ).read_text(encoding="utf-8")
    assert "=SUM(A1)" in text and "John Smith 😀" in text
    assert "Err:" not in text and "#NAME" not in text


def test_agreement_sheet_equals_the_agreement_command(tmp_path, capsys):
    """One place builds agreement inputs: the sheet and `annotator agreement --json` give
    the same figures, with source names compared under Arabic folding and gold left out
    when two coders are included."""
    import json

    text = "قالت صحيفة الجارديان إن الوثائق حقيقية وذكرت رويترز ذلك وأكدت بي بي سي الخبر."
    path = tmp_path / "a.annot"
    names = {"mona": ["الجارديان", "رويترز", "بي بي سي"],
             "ali": ["الْجارديان", "رويترز", "بى بى سى"]}
    with Project.create(path) as p:
        [doc] = p.add_documents([ImportedDocument(text=text, title="t")]).added
        for coder, written in names.items():
            for needle, name in zip(["الجارديان", "رويترز", "بي بي سي"], written,
                                    strict=True):
                s, e = span(text, needle)
                p.add_annotation(doc, coder, "source", s, e, attrs={"name": name})
            p.set_status(doc, coder, "done")
        p.add_coder("gold", role="gold")
        export_xlsx(p, tmp_path / "a.xlsx")
    assert main(["agreement", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["categories"]["source"]["attributes"]["name"] == 1.0
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx", read_only=True)["Agreement"]
    got = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        category, measure, value, pair, n, document, note = row[:7]
        if document is None and category == "source":
            got[(measure, pair)] = value
    assert got[("attribute:name", None)] == pytest.approx(1.0)
    assert got[("alpha_nominal", None)] == pytest.approx(
        report["categories"]["source"]["alpha_nominal"])
    assert all("gold" not in (pair or "") for (_, pair) in got)


def test_matrix_wider_than_a_sheet_is_split_not_cut(known, tmp_path, monkeypatch):
    """Past Excel's column limit (16,384; 5 here, so the test stays small) the Matrix goes
    on in 'Matrix (part 2)', ... with the document columns repeated: no count is lost."""
    from annotator.core.exporters import xlsx as xlsx_mod

    monkeypatch.setattr(xlsx_mod, "XLSX_MAX_COLS", 5)
    path, _ = known
    full = tmp_path / "full.xlsx"
    monkeypatch.undo()
    export_xlsx(path, full)
    monkeypatch.setattr(xlsx_mod, "XLSX_MAX_COLS", 5)
    out = tmp_path / "split.xlsx"
    counts = export_xlsx(path, out)
    wb = openpyxl.load_workbook(out)
    expected = records(openpyxl.load_workbook(full)["Matrix"])
    parts = [n for n in wb.sheetnames if n == "Matrix" or n.startswith("Matrix (part ")]
    assert len(parts) == 4  # 10 count columns, 3 per part beside the 2 document columns
    joined = [{} for _ in expected]
    for name in parts:
        head = rows(wb[name])[0]
        assert head[:2] == ["document_id", "document_title"] and len(head) <= 5
        for i, r in enumerate(records(wb[name])):
            assert r["document_id"] == expected[i]["document_id"]
            joined[i].update(r)
    assert joined == expected
    [said] = [v for f, v in rows(wb["About"])[1:] if f == "sheet split" and "Matrix" in v]
    assert "'Matrix (part 2)'" in said and "more than Excel's 5 per sheet" in said
    assert [n for n in counts["sheets"] if "(" not in n] == list(SHEETS)


def test_links_sheet_one_row_per_relation_with_both_ends(book):
    _, wb, _, _, ids = book
    recs = records(wb["Links"])
    assert len(recs) == 5
    pairs = {(r["from_id"], r["to_id"]): r for r in recs}
    g = pairs[(ids["m_claim"], ids["g"])]
    assert (g["relation"], g["coder"], g["document_id"]) == ("attributed_to", "Mona", 1)
    assert (g["from_category"], g["to_category"]) == ("claim", "source")
    assert g["from_text"] == "John Smith 😀 غادر الموصل في 2017"
    assert g["to_text"] == "صحيفة الجارديان البريطانية"
    assert (g["from.claim.claim_type"], g["from.claim.attribution"]) == ("factual", "paraphrase")
    assert (g["to.source.name"], g["to.source.type"], g["to.source.named"]) == \
        ("The Guardian", "foreign_media", True)
    assert g["from.reliability.level"] is None  # only the end's own category is filled
    w = pairs[(ids["a_claim"], ids["w"])]
    assert (w["coder"], w["to_text"], w["to.source.type"]) == ("Ali", "مواقع عراقية", "websites")
    [rates] = [r for r in recs if r["relation"] == "rates"]
    assert (rates["from_category"], rates["from.reliability.level"], rates["to_id"]) == \
        ("reliability", 4, ids["m_claim"])
    assert [r["document_id"] for r in recs] == sorted(r["document_id"] for r in recs)


def test_every_sheet_prints_landscape_fit_to_width_with_its_header(book):
    out, _, _, _, _ = book
    wb = openpyxl.load_workbook(out)  # read the page setup back as Excel would
    for ws in wb:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        # fitToWidth left out of the file means 1 (the OOXML default); 0 = as many as needed
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1", ws.title


def test_rows_with_wrapped_text_are_tall_enough(tmp_path):
    """A long quote and a context with a line break get a row height that shows all their
    lines (written by a streaming writer, no application grows the rows by itself)."""
    long_claim = " ".join(["قالت مصادر عراقية إن القوات دخلت المدينة"] * 12)
    text = "مقدمة قصيرة.\n" + long_claim + "\nخاتمة."
    path = tmp_path / "t.annot"
    with Project.create(path) as p:
        [d] = p.add_documents([ImportedDocument(text=text, title="t")]).added
        s = text.index(long_claim)
        p.add_annotation(d, "Mona", "claim", s, s + len(long_claim))
        p.add_annotation(d, "Mona", "source", 0, 5)
    out = tmp_path / "t.xlsx"
    export_xlsx(path, out)
    ws = openpyxl.load_workbook(out)["Annotations"]
    head = [c.value for c in ws[1]]
    width = ws.column_dimensions[openpyxl.utils.get_column_letter(head.index("text") + 1)].width
    heights = {r: ws.row_dimensions[r].height for r in (2, 3)}
    row_of = {ws.cell(r, head.index("category") + 1).value: r for r in (2, 3)}
    lines = len(long_claim) / width
    assert heights[row_of["claim"]] >= lines * 12.75  # every line of the quote shows
    # the short source has a one-line context_before... but its context_after wraps
    assert heights[row_of["source"]] is None or heights[row_of["source"]] < 100


def test_csv_cells_hold_no_raw_line_breaks(known, tmp_path):
    """The quote's context runs over a paragraph break in T1: in the CSV it is one line
    with ⏎ where the break was (said in About), in the workbook the break stays."""
    path, ids = known
    folder = tmp_path / "csv"
    export_csv(path, folder)
    for f in folder.glob("*.csv"):
        raw = f.read_text(encoding="utf-8-sig")
        for row in csv.reader(raw.splitlines()):  # splitting on lines must not cut a record
            assert all("\n" not in c and "\r" not in c for c in row)
    with open(folder / "Annotations.csv", encoding="utf-8-sig", newline="") as fh:
        recs = {r["annotation_id"]: r for r in csv.DictReader(fh)}
    m = recs[ids["m_claim"]]
    assert m["context_after"] == ". \u23ce وأكدت مواقع عراقية ذلك، بحسب وثائق حصلت عليها القوات"
    with open(folder / "About.csv", encoding="utf-8-sig", newline="") as fh:
        about = dict(csv.reader(fh))
    assert "\u23ce" in about["CSV files"] and "UTF-8-BOM" in about["CSV files"]


def test_csv_names_for_spss_and_r(known, tmp_path):
    import re

    path, _ = known
    folder = tmp_path / "spss"
    assert main(["export", str(path), "--csv", str(folder), "--csv-names", "spss"]) == 0
    with open(folder / "variables.csv", encoding="utf-8-sig", newline="") as fh:
        mapping = list(csv.DictReader(fh))
    reserved = {"all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to",
                "with", "if", "else", "for", "in", "na", "true", "false", "null"}
    files = {m["file"] for m in mapping}
    assert {"Documents.csv", "Annotations.csv", "Matrix.csv", "Links.csv"} <= files
    for f in files:
        with open(folder / f, encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh))
        mine = [m["variable"] for m in mapping if m["file"] == f]
        assert header == mine
        assert len(set(header)) == len(header), f  # unique within the file
        for name in header:
            # SPSS: a letter first, letters digits _ , at most 64 bytes, not ending in _;
            # R: a syntactic name (no change by make.names)
            assert re.fullmatch(r"[a-z][a-z0-9_]{0,63}", name) and not name.endswith("_"), name
            assert name not in reserved
    labels = {(m["file"], m["label"]): m["variable"] for m in mapping}
    assert labels[("Matrix.csv", "claim [Mona]")] == "claim_mona"
    assert labels[("Documents.csv", "status [Ali]")] == "status_ali"
    assert labels[("Annotations.csv", "claim.claim_type")] == "claim_claim_type"
    assert labels[("Links.csv", "from.claim.claim_type")] == "from_claim_claim_type"


def test_spss_names_for_arabic_coders_and_clashes():
    from annotator.core.exporters.names import coder_slugs, spss_names

    coders = coder_slugs(["منى", "Ali", "علي"])
    assert coders == {"منى": "coder1", "Ali": "ali", "علي": "coder3"}
    names = spss_names(["claim [منى]", "claim [Ali]", "end", "in", "2nd", "a.b", "a b",
                        "x" * 80, "x" * 81, "ادعاء"], coders)
    assert names[:7] == ["claim_coder1", "claim_ali", "end", "v_in", "v_2nd", "a_b", "a_b_2"]
    assert len(names[7]) <= 64 and names[7] != names[8] and len(names[8]) <= 64
    assert names[9] == "v10"
