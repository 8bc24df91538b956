"""Team commands: package, merge, assign, progress."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from ..core.errors import InputError
from ..core.merge import MergeReport, merge_packages
from ..core.packages import (
    apply_assignment,
    make_package,
    plan_assignment,
    progress,
    unassigned_documents,
    update_package,
)
from ..core.project import Project
from .doc_ids import existing_docs, given_docs
from .progress import ProgressBar

NOTES_SHOWN = 20


def register(sub) -> None:
    p = sub.add_parser(
        "package", help="write a coder's package (their documents, no one else's work)",
        description="Write a project file for one coder: the documents assigned to them "
        "(or those given), the codebook, their identity preset, their own earlier work, "
        "and no other coder's annotations. The documents are assigned to the coder here.")
    p.add_argument("project", type=Path)
    p.add_argument("--coder", required=True, metavar="NAME")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--docs", metavar="IDS", help='document ids, e.g. "1,2,5-9"')
    g.add_argument("--all", action="store_true", help="every document of the project")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--out", type=Path, metavar="FILE")
    g.add_argument("--update", type=Path, metavar="FILE",
                   help="write the project's current codebook into the coder's existing "
                        "package FILE, leaving their work as it is")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=cmd_package)

    p = sub.add_parser(
        "merge", help="bring coders' packages back",
        description="Merge coders' files back, row by row by UUID: a later edit replaces an "
        "earlier one, deletions travel, merging the same file twice changes nothing. A file "
        "of another project or with a different codebook is refused, as is one holding "
        "rows of other coders (unless --allow-coders names them) or invalid rows. All "
        "files are merged in one transaction, with a backup when anything changes: on an "
        "error nothing is changed.")
    p.add_argument("project", type=Path)
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("--allow-coders", metavar="A,B",
                   help="also accept rows of these other coders (a package carries only "
                        "its own coder's rows; anything else is refused by default)")
    p.add_argument("--json", action="store_true", help="the reports as JSON")
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser(
        "assign", help="share documents among coders, with an overlap set",
        description="Shuffle the documents (seeded), give a share (--overlap) to every "
        "coder for reliability, and deal the rest round robin. Without --docs, the "
        "documents nobody is assigned yet. Existing assignments keep their status.")
    p.add_argument("project", type=Path)
    p.add_argument("--coders", required=True, metavar="A,B,C")
    p.add_argument("--overlap", type=float, default=0.2,
                   help="share coded by everyone, 0..1 (default 0.2)")
    p.add_argument("--seed", type=int, help="shuffle seed (printed when not given)")
    p.add_argument("--docs", metavar="IDS", help='document ids, e.g. "1,2,5-9"')
    p.set_defaults(handler=cmd_assign)

    p = sub.add_parser("progress", help="documents per coder: assigned, todo, in progress, "
                                        "done")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_progress)


def cmd_package(args) -> int:
    if args.out is not None and args.out.suffix.lower() != ".annot":
        print(f"warning: {args.out}: a package is a project file; name it .annot so the "
              "coder's desk opens it", file=sys.stderr)
    if args.update:
        if args.docs is not None or args.all:
            raise InputError(None, "--update keeps the package's documents; leave out "
                                   "--docs/--all")
        with Project.open(args.project, readonly=True) as p:
            info = update_package(p, args.coder, args.update)
        print(f"updated {info['path']} for {info['coder']}: codebook version "
              f"{info['from_version']} -> {info['version']}, their work unchanged")
        return 0
    given = given_docs(args.docs)
    with Project.open(args.project) as p:
        if args.all:
            ids = [d.id for d in p.documents()]
        elif given is not None:
            ids = existing_docs(p, given)
        else:
            ids = None
        info = make_package(p, args.coder, ids, args.out, overwrite=args.force)
    print(f"wrote {info['path']} for {info['coder']}: {info['documents']} documents, "
          f"{info['annotations']} of their annotations, {info['relations']} relations")
    return 0


def _describe(report: MergeReport) -> list[str]:
    t = report.totals()
    head = (f"{report.path}: added {t['added']}, updated {t['updated']}, deleted "
            f"{t['deleted']}, skipped {t['skipped']}")
    if report.coder:
        head += f" (package of {report.coder})"
    if not report.changed:
        head += ("; nothing merged, see the skipped rows" if report.notes
                 else "; nothing new (already merged)")
    lines = [head]
    if report.given > 1:
        lines.append(f"  given {report.given} times; merged once")
    for kind, c in report.per_kind().items():
        lines.append(f"  {kind}: {c['added']} added, {c['updated']} updated, "
                     f"{c['deleted']} deleted, {c['skipped']} skipped")
    for note in report.notes[:NOTES_SHOWN]:
        lines.append(f"  skipped: {note}")
    if len(report.notes) > NOTES_SHOWN:
        lines.append(f"  ... and {len(report.notes) - NOTES_SHOWN} more skipped")
    return lines


def cmd_merge(args) -> int:
    allow = [c.strip() for c in (args.allow_coders or "").split(",") if c.strip()]
    if args.allow_coders is not None and not allow:
        raise InputError(None, "--allow-coders: give one or more names, e.g. "
                               "--allow-coders Mona,Ali")
    with Project.open(args.project) as p, ProgressBar("merging") as bar:
        reports = merge_packages(p, args.files, progress=bar, allow_coders=allow)
    if args.json:
        json.dump([r.to_json() for r in reports], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in reports:
        print("\n".join(_describe(r)))
    if reports and reports[0].backup:
        print(f"backup before the merge: {reports[0].backup}")
    elif reports:
        print("nothing changed, so no backup was written")
    return 0


def cmd_assign(args) -> int:
    coders = [c.strip() for c in args.coders.split(",") if c.strip()]
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    given = given_docs(args.docs)
    with Project.open(args.project) as p:
        if given is not None:
            ids = existing_docs(p, given)
        else:
            ids = unassigned_documents(p)
            if not ids:
                raise InputError(args.project, "every document is assigned already; give "
                                               "--docs IDS to assign some again")
        plan = plan_assignment(ids, coders, overlap=args.overlap, seed=seed)
        apply_assignment(p, plan)
    print(f"assigned {len(ids)} documents to {len(coders)} coders (seed {seed}); "
          f"{len(plan.overlap)} coded by everyone")
    for c in coders:
        print(f"  {c}: {len(plan.documents_for(c))} documents "
              f"({len(plan.shares[c])} own + {len(plan.overlap)} overlap)")
    return 0


def cmd_progress(args) -> int:
    with Project.open(args.project, readonly=True) as p:
        rows = progress(p)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if not rows:
        print("no documents are assigned yet (see `annotator assign`)")
        return 0
    width = max(5, *(len(r["coder"]) for r in rows))
    print(f"{'coder':<{width}}  {'assigned':>8}  {'todo':>6}  {'in progress':>11}  {'done':>6}")
    for r in rows:
        print(f"{r['coder']:<{width}}  {r['assigned']:>8}  {r['todo']:>6}  "
              f"{r['in_progress']:>11}  {r['done']:>6}")
    return 0
