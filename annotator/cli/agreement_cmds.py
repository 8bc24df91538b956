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
    p.add_argument("--json", action="store_true", help="the full report as JSON")
    p.set_defaults(handler=cmd_agreement)


def fmt(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def verdict(x) -> str:
    if x is None:
        return ""
    return "reliable" if x >= 0.8 else "tentative" if x >= 0.667 else "not reliable"


def cmd_agreement(args) -> int:
    coders = [c.strip() for c in args.coders.split(",") if c.strip()] if args.coders else None
    with Project.open(args.project, readonly=True) as p:
        report = project_report(p, coders, args.category, args.all_docs)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print_table(report)
    return 0


def print_table(r: dict) -> None:
    out = sys.stdout.write
    out(f"coders: {', '.join(r['coders'])}; documents: {r['documents']}\n\n")
    if not r["documents"]:
        out("No document has two or more coders' finished work; mark articles done, or use "
            "--all-docs.\n")
        return
    ov = r["overall"]
    out("overall  alpha_U {}  u-alpha {}  |u-alpha {}  cu-alpha {}\n\n".format(
        fmt(ov.get("alpha_u")), fmt(ov.get("u_alpha")), fmt(ov.get("bu_alpha")),
        fmt(ov.get("cu_alpha"))))
    out(f"{'category':<14}{'alpha_U':>9}{'(k)u-a':>9}{'alpha':>9}{'agree%':>9}"
        f"{'units':>10}  spans per coder\n")
    for key, c in r["categories"].items():
        spans = ", ".join(f"{k}: {v}" for k, v in c["spans"].items())
        pa = c.get("percent_agreement")
        out(f"{key:<14}{fmt(c['alpha_u']):>9}{fmt(c['u_alpha']):>9}"
            f"{fmt(c['alpha_nominal']):>9}{'-' if pa is None else f'{100 * pa:.1f}':>9}"
            f"{c['n_units']:>10}  {spans}   {verdict(c['alpha_nominal'])}\n")
    out(f"\n{'category':<14}{'pair':<24}{'kappa':>8}{'F1 exact':>10}{'F1 overlap':>12}\n")
    for key, c in r["categories"].items():
        for pair in sorted(set(c["kappa"]) | set(c["f1_exact"])):
            out(f"{key:<14}{pair:<24}{fmt(c['kappa'].get(pair)):>8}"
                f"{fmt(c['f1_exact'].get(pair)):>10}{fmt(c['f1_overlap'].get(pair)):>12}\n")
    attrs = [(k, a, v) for k, c in r["categories"].items()
             for a, v in c.get("attributes", {}).items()]
    if attrs:
        out(f"\n{'attribute (on overlap-matched spans)':<40}{'alpha':>8}\n")
        for k, a, v in attrs:
            out(f"{k + '.' + a:<40}{fmt(v):>8}\n")
    reasons = [(k, what, why) for k, c in r["categories"].items()
               for what, why in c.get("reasons", {}).items()]
    if reasons:
        out("\nnot computed:\n")
        for k, what, why in reasons:
            out(f"  {k}.{what}: {why}\n")
