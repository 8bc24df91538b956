"""`annotator agreement`: inter-coder agreement as a readable table or JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core.agreement.from_project import project_report
from ..core.project import Project


def register(sub) -> None:
    p = sub.add_parser(
        "agreement", help="inter-coder agreement per category, coder pair and document",
        description="Krippendorff's alpha_U (2004), the u-alpha family (2016), alpha "
        "(nominal) and Cohen's kappa on character units, span F1 (exact and overlap), "
        "percent agreement and attribute agreement. By default over the documents that "
        "two or more coders marked done.")
    p.add_argument("project", type=Path)
    p.add_argument("--coders", help="comma-separated coder names (default: all but gold)")
    p.add_argument("--category", help="only this category key")
    p.add_argument("--all-docs", action="store_true",
                   help="every document two or more coders annotated, done or not")
    p.add_argument("--per-document", action="store_true",
                   help="also a table per document: alpha_U overall and per category")
    p.add_argument("--json", action="store_true", help="the full report as JSON")
    p.set_defaults(handler=cmd_agreement)
    from . import adjudicate_cmds

    adjudicate_cmds.register(sub)


BELOW_MINUS_ONE = ("below -1: the coders disagree more than twice as much as chance "
                   "would make them, which happens where one side marked far fewer spans "
                   "(gold still incomplete, a coder who stopped early); see "
                   "docs/agreement.md")


def verdict(x) -> str:
    if x is None:
        return ""
    return "reliable" if x >= 0.8 else "tentative" if x >= 0.667 else "not reliable"


class Notes:
    """Footnotes: each "-" gets the number of its reason, said once below the table."""

    def __init__(self):
        self.reasons: list[str] = []

    def cell(self, x, why: str | None, pct: bool = False) -> str:
        if x is not None:
            if x < -1 and not pct:
                return f"{x:.3f}" + self.mark(BELOW_MINUS_ONE)
            return f"{100 * x:.1f}" if pct else f"{x:.3f}"
        return "-" + self.mark(why or "not computed")

    def mark(self, why: str) -> str:
        if why not in self.reasons:
            self.reasons.append(why)
        return f"[{self.reasons.index(why) + 1}]"

    def write(self, out) -> None:
        for i, why in enumerate(self.reasons, 1):
            out(f"  [{i}] {why}\n")
        self.reasons.clear()


def cmd_agreement(args) -> int:
    coders = [c.strip() for c in args.coders.split(",") if c.strip()] if args.coders else None
    with Project.open(args.project, readonly=True) as p:
        report = project_report(p, coders, args.category, args.all_docs)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print_table(report, per_document=args.per_document)
    return 0


def print_table(r: dict, per_document: bool = False) -> None:
    out = sys.stdout.write
    notes = Notes()
    out(f"coders: {', '.join(r['coders'])}; documents: {r['documents']}\n\n")
    if not r["documents"]:
        why = r["overall"].get("reasons", {}).get("documents")
        out((why + ".\n") if why else
            "No document has two or more coders' finished work; mark articles done, or use "
            "--all-docs.\n")
        return
    cats = r["categories"]
    if cats:
        ov = r["overall"]
        why = ov.get("reasons", {})
        out("overall  alpha_U {}  u-alpha {}  |u-alpha {}  cu-alpha {}\n".format(
            *(notes.cell(ov.get(k), why.get(k))
              for k in ("alpha_u", "u_alpha", "bu_alpha", "cu_alpha"))))
        notes.write(out)
        out(f"\n{'category':<14}{'alpha_U':>12}{'(k)u-a':>12}{'alpha':>12}{'agree%':>12}"
            f"{'units':>10}  {'label (by alpha_U)':<20}spans per coder\n")
        for key, c in cats.items():
            why = c.get("reasons", {})
            spans = ", ".join(f"{k}: {v}" for k, v in c["spans"].items())
            out(f"{key:<14}{notes.cell(c['alpha_u'], why.get('alpha_u')):>12}"
                f"{notes.cell(c['u_alpha'], why.get('u_alpha')):>12}"
                f"{notes.cell(c['alpha_nominal'], why.get('alpha_nominal')):>12}"
                f"{notes.cell(c.get('percent_agreement'), why.get('percent_agreement'), True):>12}"
                f"{c['n_units']:>10}  {verdict(c['alpha_u']):<20}{spans}\n")
        notes.write(out)
        out(f"\n{'category':<14}{'pair':<24}{'kappa':>12}{'F1 exact':>12}{'F1 overlap':>12}\n")
        for key, c in cats.items():
            why = c.get("reasons", {})
            for pair in sorted(set(c["kappa"]) | set(c["f1_exact"])):
                cells = [notes.cell(c[f].get(pair), why.get(f"{f}.{pair}"))
                         for f in ("kappa", "f1_exact", "f1_overlap")]
                out(f"{key:<14}{pair:<24}{cells[0]:>12}{cells[1]:>12}{cells[2]:>12}\n")
        notes.write(out)
        attrs = [(k, a, v, c.get("attribute_levels", {}).get(a, "nominal"),
                  c.get("reasons", {}).get(f"attributes.{a}"))
                 for k, c in cats.items() for a, v in c.get("attributes", {}).items()]
        if attrs:
            out(f"\n{'attribute (on overlap-matched spans)':<40}{'alpha':>12}  level\n")
            for k, a, v, level, why in attrs:
                out(f"{k + '.' + a:<40}{notes.cell(v, why):>12}  {level}\n")
            notes.write(out)
    doc_cats = r.get("document_categories") or {}
    rows = [(k, a, c) for k, c in doc_cats.items() for a in c["attributes"]]
    if rows:
        out(f"\n{'whole-article code (documents as units)':<40}{'alpha':>12}{'agree%':>12}"
            f"{'documents':>11}  level, label\n")
        for k, a, c in rows:
            why = c.get("reasons", {})
            v = c["attributes"][a]
            out(f"{k + '.' + a:<40}{notes.cell(v, why.get('attributes.' + a)):>12}"
                f"{notes.cell(c['percent_agreement'][a], why.get('percent_agreement.' + a), True):>12}"
                f"{c['attribute_units'][a]:>11}  {c['attribute_levels'][a]}"
                f"{', ' + verdict(v) if v is not None else ''}\n")
        notes.write(out)
    out("\nLabels: alpha >= 0.800 reliable, >= 0.667 tentative (Krippendorff 2004); span "
        "categories are labelled by alpha_U, whole-article codes by their alpha.\n")
    if per_document:
        print_per_document(r, notes)


def print_per_document(r: dict, notes: Notes) -> None:
    out = sys.stdout.write
    cats = list(r["categories"])
    out(f"\n{'document':<10}{'coders':<24}{'alpha_U':>12}"
        + "".join(f"{k[:11]:>12}" for k in cats) + "\n")
    for doc, d in sorted(r.get("per_document", {}).items(), key=lambda kv: int(kv[0])):
        why = d["overall"].get("reasons", {})
        cells = [notes.cell(d["overall"].get("alpha_u"), why.get("alpha_u"))]
        cells += [notes.cell(d["categories"][k]["alpha_u"],
                             d["categories"][k].get("reasons", {}).get("alpha_u"))
                  for k in cats]
        out(f"{doc:<10}{', '.join(d['coders'])[:23]:<24}"
            + "".join(f"{c:>12}" for c in cells) + "\n")
    notes.write(out)
