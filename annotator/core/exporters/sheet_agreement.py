"""The Agreement sheet: the agreement report flattened into rows."""

from __future__ import annotations

from collections.abc import Iterator

from .plan import Plan
from .table import Column, Table

AGREEMENT_COLUMNS = [Column("category", 16), Column("measure", 18), Column("value", 10, "num"),
                     Column("pair", 20), Column("n", 10, "int"), Column("document", 11, "int"),
                     Column("note", 50, "long")]


def agreement_coders(plan: Plan) -> list[str]:
    """Whose agreement the sheet reports: the included coders, without gold when two or
    more others are included (gold is decided from them, not a coder to agree with);
    gold with one coder is that coder's feedback."""
    others = [name for _, name, role in plan.coders if role != "gold" and name != "gold"]
    return others if len(others) >= 2 else plan.coder_names


def build_agreement_report(plan: Plan) -> dict | None:
    """The same report `annotator agreement` prints (one place builds its inputs), over
    the exported documents that two or more of these coders marked done."""
    from ..agreement.from_project import project_report

    return project_report(plan.project, coders=agreement_coders(plan), doc_ids=plan.doc_ids)


def _num(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return v
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def agreement_rows(report: dict) -> Iterator[tuple]:
    """Flatten the agreement report (annotator.core.agreement.report's shape) into rows
    (category, measure, value, pair, n, document, note); `pair` holds "A|B" for pairwise
    figures and a coder's name for per-coder counts; `n` is the count behind the figure;
    `note` the reason a figure is missing."""
    yield from _scope_rows(report, None)
    for doc_id, sub in (report.get("per_document") or {}).items():
        try:
            doc = int(doc_id)
        except (TypeError, ValueError):
            doc = None
        yield from _scope_rows(sub, doc)


def _scope_rows(scope: dict, doc) -> Iterator[tuple]:
    overall = scope.get("overall") or {}
    reasons = overall.get("reasons") or {}
    L = overall.get("continuum_length")
    yield ("(all)", "documents", _num(overall.get("documents", scope.get("documents"))),
           None, None, doc, None)
    for m in ("alpha_u", "u_alpha", "bu_alpha", "cu_alpha"):
        if m in overall:
            yield ("(all)", m, _num(overall[m]), None, _num(L), doc, reasons.get(m))
    for coder, n in (overall.get("spans") or {}).items():
        yield ("(all)", "spans", _num(n), coder, None, doc, None)
    if overall.get("ignored_spans"):
        yield ("(all)", "ignored_spans", _num(overall["ignored_spans"]), None, None, doc,
               "spans outside their document's text")
    for key, why in reasons.items():
        if key not in ("alpha_u", "u_alpha", "bu_alpha", "cu_alpha"):
            yield ("(all)", key, None, None, None, doc, why)
    for cat, e in (scope.get("categories") or {}).items():
        why = e.get("reasons") or {}
        L = e.get("continuum_length")
        units = e.get("n_units")
        for m, n in (("alpha_u", L), ("u_alpha", L), ("alpha_nominal", units),
                     ("percent_agreement", units)):
            if m in e:
                yield (cat, m, _num(e[m]), None, _num(n), doc, why.get(m))
        pairs = e.get("pairs") or {}
        for m in ("kappa", "f1_exact", "f1_overlap"):
            for p, v in (e.get(m) or {}).items():
                pc = pairs.get(p) or {}
                n = pc.get("units") if m == "kappa" else sum((pc.get("spans") or {}).values())
                yield (cat, m, _num(v), p, _num(n), doc, why.get(f"{m}.{p}"))
        for attr, v in (e.get("attributes") or {}).items():
            n = (e.get("attribute_units") or {}).get(attr)
            yield (cat, f"attribute:{attr}", _num(v), None, _num(n), doc,
                   why.get(f"attributes.{attr}"))
        for coder, n in (e.get("spans") or {}).items():
            yield (cat, "spans", _num(n), coder, None, doc, None)


def agreement_table(plan: Plan, report: dict | None) -> Table:
    if report is None:
        rows = iter([("(all)", "report", None, None, None, None,
                      plan.agreement_error or "not computed")])
    else:
        rows = agreement_rows(report)
    return Table("Agreement", AGREEMENT_COLUMNS, rows, False, 0)
