"""The agreement report as the rows of the agreement view's four tables (per category,
per coder pair, per document, per attribute): for each, the columns (key, heading) and
one list of Cells per row, a null figure carrying its reason. No widgets: the view puts
the rows into its FigureModels; headings are translated in context "Supervisor".
"""

from __future__ import annotations

from collections.abc import Callable

from .. import i18n
from .common import translate
from .figure_model import Cell

#: (columns, rows): columns as (key, heading), rows as lists of Cells
Table = tuple[list[tuple[str, str]], list[list[Cell]]]


def _coef(entry: dict, name: str, reason_key: str | None = None, plain: bool = False) -> Cell:
    return Cell(entry.get(name), "plain" if plain else "coef",
                entry.get("reasons", {}).get(reason_key or name, ""))


def spans_text(spans: dict) -> str:
    return " · ".join(f"{c} {n}" for c, n in spans.items())


def pair_label(pair: str) -> str:
    return pair.replace("|", " – ")


def category_table(report: dict, cat_name: Callable[[str], str]) -> Table:
    """Per category: the overall row first, then one row per category."""
    coders = report["coders"]
    cols = [("category", translate("Supervisor", "Category")),
            ("alpha_u", "αU"), ("u_alpha", "(k)u-α"),
            ("alpha_nominal", translate("Supervisor", "α nominal")),
            ("percent_agreement", translate("Supervisor", "% agreement")),
            ("n_units", translate("Supervisor", "Units")),
            ("documents", translate("Supervisor", "Documents"))]
    cols += [(f"spans.{c}", translate("Supervisor", "Spans: {0}").format(c)) for c in coders]
    rows = []
    ov = report["overall"]
    rows.append([Cell(translate("Supervisor", "All categories (overall)")),
                 _coef(ov, "alpha_u"), _coef(ov, "u_alpha"), Cell(None, "blank"),
                 Cell(None, "blank"), Cell(ov.get("n_units", 0), "count"),
                 Cell(ov.get("documents", 0), "count")]
                + [Cell(ov.get("spans", {}).get(c, 0), "count") for c in coders])
    for key, e in report["categories"].items():
        rows.append([Cell(cat_name(key), tip=key), _coef(e, "alpha_u"),
                     _coef(e, "u_alpha"), _coef(e, "alpha_nominal"),
                     Cell(e.get("percent_agreement"), "share",
                          e["reasons"].get("percent_agreement", "")),
                     Cell(e["n_units"], "count"), Cell(e["documents"], "count")]
                    + [Cell(e["spans"].get(c, 0), "count",
                            tip=translate("Supervisor", "{0} after merging overlaps")
                            .format(e.get("merged_spans", {}).get(c, 0)))
                       for c in coders])
    return cols, rows


def pair_table(report: dict, cat_name: Callable[[str], str]) -> Table:
    """Per category and coder pair: kappa, F1 and the counts behind them."""
    cols = [("category", translate("Supervisor", "Category")),
            ("pair", translate("Supervisor", "Coders")),
            ("kappa", "κ (Cohen)"),
            ("f1_exact", translate("Supervisor", "F1 exact")),
            ("f1_overlap", translate("Supervisor", "F1 overlap")),
            ("percent_agreement", translate("Supervisor", "% agreement")),
            ("units", translate("Supervisor", "Units")),
            ("documents", translate("Supervisor", "Documents")),
            ("spans", translate("Supervisor", "Spans"))]
    rows = []
    for key, e in report["categories"].items():
        for pair in e["kappa"]:
            counts = e["pairs"].get(pair, {})
            rows.append([
                Cell(cat_name(key)), Cell(pair_label(pair), tip=pair),
                Cell(e["kappa"][pair], "coef", e["reasons"].get(f"kappa.{pair}", "")),
                Cell(e["f1_exact"][pair], "plain", e["reasons"].get(f"f1_exact.{pair}", ""),
                     tip=translate("Supervisor", "{0} spans match exactly")
                     .format(counts.get("matched_exact", 0))),
                Cell(e["f1_overlap"][pair], "plain",
                     e["reasons"].get(f"f1_overlap.{pair}", ""),
                     tip=translate("Supervisor", "{0} spans match by overlap")
                     .format(counts.get("matched_overlap", 0))),
                Cell(counts.get("percent_agreement"), "share",
                     translate("Supervisor", "the two coders share no included document")),
                Cell(counts.get("units", 0), "count"),
                Cell(counts.get("documents", 0), "count"),
                Cell(spans_text(counts.get("spans", {}))),
            ])
    return cols, rows


def document_table(report: dict, cat_name: Callable[[str], str],
                   titles: dict[int, str]) -> tuple[list, list, list[int]]:
    """Per document: its overall row, then one per category; with the document of
    each row (double-clicking a row opens it)."""
    cols = [("document", translate("Supervisor", "Document")),
            ("coders", translate("Supervisor", "Coders")),
            ("category", translate("Supervisor", "Category")),
            ("alpha_u", "αU"), ("u_alpha", "(k)u-α"),
            ("alpha_nominal", translate("Supervisor", "α nominal")),
            ("percent_agreement", translate("Supervisor", "% agreement")),
            ("n_units", translate("Supervisor", "Units")),
            ("spans", translate("Supervisor", "Spans"))]
    per_doc = report.get("per_document", {})
    rows, docs = [], []
    for key, sub in per_doc.items():
        doc_id = int(key)
        label = f"{doc_id} · \u2068{titles.get(doc_id, '')}\u2069" if titles.get(doc_id) \
            else str(doc_id)
        who = ", ".join(sub["coders"])
        ov = sub["overall"]
        rows.append([Cell(label, tip=titles.get(doc_id, "")), Cell(who),
                     Cell(translate("Supervisor", "All categories (overall)")),
                     _coef(ov, "alpha_u"), _coef(ov, "u_alpha"), Cell(None, "blank"),
                     Cell(None, "blank"), Cell(ov.get("n_units", 0), "count"),
                     Cell(spans_text(ov.get("spans", {})))])
        docs.append(doc_id)
        for cat, e in sub["categories"].items():
            rows.append([Cell(label), Cell(who), Cell(cat_name(cat), tip=cat),
                         _coef(e, "alpha_u"), _coef(e, "u_alpha"),
                         _coef(e, "alpha_nominal"),
                         Cell(e.get("percent_agreement"), "share",
                              e["reasons"].get("percent_agreement", "")),
                         Cell(e["n_units"], "count"), Cell(spans_text(e["spans"]))])
            docs.append(doc_id)
    return cols, rows, docs


def attribute_table(report: dict, cb, cat_name: Callable[[str], str]) -> Table:
    """Span attributes over matched span pairs, then whole-article codes over the
    documents; each with the level its alpha is computed at."""
    cols = [("category", translate("Supervisor", "Category")),
            ("attribute", translate("Supervisor", "Attribute")),
            ("alpha", translate("Supervisor", "α")),
            ("level", translate("Supervisor", "Level")),
            ("pairs", translate("Supervisor", "Units (matched span pairs or documents)"))]
    levels = {"ordinal": translate("Supervisor", "ordinal"),
              "nominal": translate("Supervisor", "nominal")}
    rows = []
    entries = [(k, e, False) for k, e in report["categories"].items()]
    entries += [(k, e, True) for k, e in report.get("document_categories", {}).items()]
    for key, e, whole in entries:
        cat = cb.category(key)
        for attr, v in e.get("attributes", {}).items():
            a = cat.attribute(attr) if cat else None
            level = e.get("attribute_levels", {}).get(attr, "nominal")
            tip = translate("Supervisor", "documents as units") if whole else ""
            rows.append([Cell(cat_name(key), tip=tip),
                         Cell(i18n.name(a) if a else attr, tip=attr),
                         Cell(v, "coef", e["reasons"].get(f"attributes.{attr}", "")),
                         Cell(levels.get(level, level)),
                         Cell(e.get("attribute_units", {}).get(attr, 0), "count")])
    return cols, rows
