"""SPSS out: the .sav read back with pyreadstat has the xlsx export's rows and values, with
variable labels in English and Arabic, value labels, measurement levels and valid names;
labels.csv carries the same labels for R."""

from __future__ import annotations

import csv
import math
import re
from datetime import datetime

import openpyxl
import pandas as pd
import pyreadstat
import pytest

from annotator.cli import main
from annotator.core.exchange import exporter_for
from annotator.core.exporters import export_csv, export_xlsx
from annotator.core.exporters.names import coder_slugs, spss_names
from annotator.core.exporters.table import FSI, PDI
from annotator.core.project import Project

from .exchange_data import build_project

SHEET = {"annotations": "Annotations", "documents": "Documents", "claims": "Claims",
         "matrix": "Matrix", "links": "Links"}


@pytest.fixture(scope="module")
def known(tmp_path_factory):
    path = tmp_path_factory.mktemp("proj") / "study.annot"
    ids = build_project(path)
    with Project.open(path) as p:  # a coder name SPSS cannot take as it is
        p.set_status(ids["d2"], "منى الشامي 2", "done")
    return path, ids


@pytest.fixture(scope="module")
def book(known, tmp_path_factory):
    out = tmp_path_factory.mktemp("xlsx") / "study.xlsx"
    export_xlsx(known[0], out)
    return openpyxl.load_workbook(out)


def names_of(path, head) -> dict[str, str]:
    """The variable names `--csv-names spss` gives these columns (the .sav has the same)."""
    with Project.open(path, readonly=True) as p:
        coders = sorted(c.name for c in p.coders())
    return dict(zip(head, spss_names(list(head), coder_slugs(coders)), strict=True))


def sav(path, tmp_path, table):
    out = tmp_path / f"{table}.sav"
    counts = exporter_for(out)(path, out, table=table)
    df, meta = pyreadstat.read_sav(str(out))
    return counts, df, meta


def same(a, b) -> bool:
    """An xlsx cell and a .sav value: empty is empty, numbers by value, times to 1 ms,
    texts without trailing blanks."""
    empty = (None, "")
    if isinstance(a, float) and math.isnan(a):
        a = None
    if (isinstance(b, float) and math.isnan(b)) or b is pd.NaT:
        b = None
    if a in empty or b in empty:
        return a in empty and b in empty
    if isinstance(a, bool) or isinstance(b, bool):
        return float(a) == float(b)
    if isinstance(a, datetime) and hasattr(b, "to_pydatetime"):
        b = b.to_pydatetime()
    if isinstance(a, datetime) and isinstance(b, datetime):
        return abs((a - b).total_seconds()) < 0.001
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b))
    if isinstance(a, str) and isinstance(b, str):
        # SPSS strings are blank-padded: trailing spaces are not part of the value there;
        # the workbook isolates each of several joined values (U+2068 ... U+2069)
        return a.replace(FSI, "").replace(PDI, "").rstrip(" ") == b
    return a == b


@pytest.mark.parametrize("table", list(SHEET))
def test_values_equal_the_xlsx_export(known, book, tmp_path, table):
    counts, df, meta = sav(known[0], tmp_path, table)
    head, *rows = list(book[SHEET[table]].iter_rows(values_only=True))
    assert counts["rows"] == len(rows) == len(df) > 0
    names = names_of(known[0], head)
    assert meta.column_names == [names[h] for h in head]
    for i, row in enumerate(rows):
        for h, cell in zip(head, row, strict=True):
            value = df.iloc[i][names[h]]
            assert same(cell, value), (table, i, h, cell, value)


def test_labels_measures_and_encoding(known, tmp_path):
    _, df, meta = sav(known[0], tmp_path, "annotations")
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert labels["claim_claim_type"] == "Claim: Claim type / ادعاء: نوع الادعاء"
    assert labels["coder"] == "Coder / المرمِّز"
    vl = meta.variable_value_labels
    assert vl["category"]["claim"] == "Claim / ادعاء"
    assert vl["claim_claim_type"]["factual"] == "Factual / وقائعي"
    assert vl["reliability_level"][4] == "4 - Good / 4 - جيدة"
    assert vl["source_named"] == {0: "No / لا", 1: "Yes / نعم"}
    assert vl["origin"]["suggested"] == "Accepted suggestion / اقتراح مقبول"
    m = meta.variable_measure
    assert m["reliability_level"] == "ordinal"  # the codebook says so
    assert m["claim_claim_type"] == "nominal" and m["claim_confidence"] == "scale"
    assert meta.file_encoding == "UTF-8"
    assert "John Smith غادر الموصل في 2017" in set(df["text"])


def test_names_are_valid_spss_names(known, tmp_path):
    _, _, meta = sav(known[0], tmp_path, "documents")
    valid = re.compile(r"[a-z][a-z0-9_]*\Z")
    for n in meta.column_names:
        assert valid.match(n) and len(n.encode()) <= 64, n
    assert len({n.casefold() for n in meta.column_names}) == len(meta.column_names)
    # a coder's name with no Latin letters still makes a name of its own
    assert {"status_ali", "status_mona"} <= set(meta.column_names)
    assert len([n for n in meta.column_names if n.startswith("status_")]) == 3


def test_links_table(known, tmp_path):
    path, ids = known
    counts, df, meta = sav(path, tmp_path, "links")
    with Project.open(path, readonly=True) as p:
        rels = p.relations()
    assert counts["rows"] == len(rels) == 3
    row = df[df["from_id"] == ids["claim"]].iloc[0]
    assert (row["relation"], row["from_category"], row["to_category"]) == (
        "attributed_to", "claim", "source")
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert labels["from_claim_claim_type"] == "From Claim: Claim type / من ادعاء: نوع الادعاء"
    assert meta.variable_value_labels["relation"]["attributed_to"].endswith(
        "ادعاء منسوب إلى مصدر")


@pytest.mark.parametrize("names", ["labels", "spss"])
def test_labels_csv_for_r(known, tmp_path, names):
    folder = tmp_path / "csv"
    export_csv(known[0], folder, names=names)
    with open(folder / "labels.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["variable", "value", "label_en", "label_ar"]
    got = {(r["variable"], r["value"]): (r["label_en"], r["label_ar"]) for r in rows}
    ct, named = ("claim.claim_type", "source.named") if names == "labels" else \
        ("claim_claim_type", "source_named")
    assert got[(ct, "factual")] == ("Factual", "وقائعي")
    assert got[("category", "source")] == ("Source", "مصدر")
    assert got[(named, "TRUE")] == ("Yes", "نعم")
    assert got[(ct, "")] == ("Claim: Claim type", "ادعاء: نوع الادعاء")
    # every labelled variable is a column of a CSV table, named as the CSV names it
    headers = set()
    for name in ("Annotations", "Documents", "Claims", "Links", "Matrix"):
        with open(folder / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
            headers |= set(next(csv.reader(fh)))
    assert {r["variable"] for r in rows} <= headers


def test_cli(known, tmp_path, capsys):
    out = tmp_path / "claims.sav"
    assert main(["export", str(known[0]), str(out), "--table", "claims",
                 "--coders", "Mona"]) == 0
    assert "table Claims, 2 rows" in capsys.readouterr().out
    df, _ = pyreadstat.read_sav(str(out))
    assert set(df["coder"]) == {"Mona"}
    assert main(["export", str(known[0]), str(tmp_path / "x.xlsx"), "--table", "claims"]) == 1
    assert "--table is for an OUT.sav file" in capsys.readouterr().err
