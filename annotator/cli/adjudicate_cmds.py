"""`annotator adjudicate`: accept the agreed spans (and the links that follow them) into
gold from the command line, and mark gold done per article."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from ..core.errors import InputError


def register(sub) -> None:
    p = sub.add_parser(
        "adjudicate", help="accept agreed spans into gold; mark gold done",
        description="Put every span the coders agree on (identical bounds, category and "
        "attributes from each coder who marked the article done) into gold, with the "
        "links whose both ends are then in gold, and print what was accepted and what "
        "is left to decide in the comparison window.")
    p.add_argument("project", type=Path)
    p.add_argument("--docs", metavar="IDS", help="only these documents, e.g. 1,4,10-20 "
                   "(default: every document two or more coders annotated)")
    p.add_argument("--coders", metavar="A,B", help="compare only these coders "
                   "(default: everyone but gold who annotated the article)")
    p.add_argument("--agreed", action="store_true", help="accept all agreed spans")
    p.add_argument("--agreed-by", choices=("all", "two"), default="all",
                   help="agreed = identical from every coder who marked the article done "
                        "(all, the default), or from at least two coders (two)")
    p.add_argument("--done", action="store_true",
                   help="mark gold done for these articles: what is not in gold was left "
                        "out on purpose, and `agreement --coders gold,NAME` counts them")
    p.add_argument("--by", metavar="NAME", help="who decides (default: $ANNOTATOR_CODER or "
                   "your login name)")
    p.set_defaults(handler=cmd_adjudicate)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def cmd_adjudicate(args) -> int:
    from ..core import adjudication as adj
    from ..core.gold_links import link_disagreements
    from ..core.project import Project
    from .doc_ids import existing_docs, given_docs

    if not (args.agreed or args.done):
        print("error: say what to do: --agreed (accept agreed spans) and/or --done",
              file=sys.stderr)
        return 2
    by = args.by or os.environ.get("ANNOTATOR_CODER") or getpass.getuser()
    coders = [c.strip() for c in args.coders.split(",") if c.strip()] if args.coders else None
    given = given_docs(args.docs)
    with Project.open(args.project) as p:
        if coders is not None:
            unknown = sorted(set(coders) - {c.name for c in p.coders()})
            if unknown:
                raise InputError(args.project, "no coder named " + ", ".join(unknown))
        if given is not None:
            docs = p.documents(existing_docs(p, given))
        else:
            docs = [d for d in p.documents()
                    if sum(1 for c, n in d.annotations.items() if n and c != adj.GOLD) >= 2]
        tot = {"spans": 0, "links": 0, "left_spans": 0, "left_links": 0, "docs_left": 0}
        for d in docs:
            cs = coders or adj.compared_coders(p, d.id)
            line = f"document {d.id} \u2068{d.title}\u2069: "
            if args.agreed:
                before = len(p.relations(d.id, coder=adj.GOLD)) if cs else 0
                n = adj.accept_all_agreed(p, d.id, by, cs, args.agreed_by) if cs else 0
                links = len(p.relations(d.id, coder=adj.GOLD)) - before if cs else 0
                tot["spans"] += n
                tot["links"] += links
                line += f"accepted {_plural(n, 'span')}, {_plural(links, 'link')}; "
            if args.done:
                adj.set_gold_done(p, d.id, True)
            left = [x for x in adj.disagreements(p, d.id, cs, agreed_by=args.agreed_by)
                    if not x.gold] if cs else []
            left_links = [x for x in link_disagreements(p, d.id, cs) if not x.decided] \
                if cs else []
            tot["left_spans"] += len(left)
            tot["left_links"] += len(left_links)
            tot["docs_left"] += bool(left or left_links)
            line += f"left: {_plural(len(left), 'span')}, {_plural(len(left_links), 'link')}"
            if args.done:
                line += " (gold marked done" + (": the spans left are left out of gold)"
                                                if left else ")")
            print(line)
    total = []
    if args.agreed:
        total.append(f"accepted {_plural(tot['spans'], 'span')} and "
                     f"{_plural(tot['links'], 'link')} into gold")
    total.append(f"{_plural(tot['left_spans'], 'span')} and "
                 f"{_plural(tot['left_links'], 'link')} left to decide in "
                 f"{_plural(tot['docs_left'], 'document')}")
    if args.done:
        total.append(f"gold marked done in {_plural(len(docs), 'document')}")
    print("total: " + "; ".join(total))
    return 0
