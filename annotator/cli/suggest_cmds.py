"""`annotator suggest`: the suggestions the desk would propose, and how good they are."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core.errors import InputError


def register(sub) -> None:
    p = sub.add_parser(
        "suggest", help="suggested sources, attribution phrases and claims",
        description="Print the spans the desk proposes (document_id, start, end in code "
        "points, category, quote, attributes, cue, score), found from attribution cues and "
        "source words (resources/suggest/lexicon.yaml) and from what the project's coders "
        "have already coded. With --evaluate, compare them with a coder's (or gold's) "
        "spans on the articles that coder marked done.")
    p.add_argument("project", type=Path)
    p.add_argument("--docs", metavar="IDS", help="only these documents, e.g. 1,4,10-20")
    p.add_argument("--coder", help="as the desk shows them to this coder: minus what the "
                   "coder has coded or rejected, learning from the coder's own work only, "
                   "and none where the supervisor turned suggestions off")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.add_argument("--evaluate", action="store_true",
                   help="precision, recall and F1 per category against --against")
    p.add_argument("--against", metavar="CODER", help="the coder (or gold) to evaluate against")
    p.set_defaults(handler=cmd_suggest)


def cmd_suggest(args) -> int:
    from ..core.project import Project
    from .doc_ids import existing_docs, given_docs

    if args.evaluate and not args.against:
        raise InputError(None, "--evaluate needs --against CODER (a coder's name or gold)")
    given = given_docs(args.docs)
    with Project.open(args.project, readonly=True) as p:
        if args.coder and args.coder not in {c.name for c in p.coders()}:
            raise InputError(p.path, f"no coder '{args.coder}' in this project")
        ids = [d.id for d in p.documents()] if given is None else existing_docs(p, given)
        if args.evaluate:
            return _evaluate(p, ids, args)
        out = []
        for doc_id in ids:
            if args.coder:
                sugs = p.suggested_spans(doc_id, args.coder)
            else:
                sugs = p.suggested_spans(doc_id, None, respect_settings=False)
            out.extend(sugs)
    if args.json:
        json.dump([s.as_dict() for s in out], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    w = sys.stdout.write
    for s in out:
        attrs = ", ".join(f"{k}={v}" for k, v in s.attrs.items())
        w(f"{s.doc_id}\t{s.start}\t{s.end}\t{s.category}\t{s.score:.2f}\t{s.quote}\t{attrs}\n")
    w(f"{len(out)} suggestions in {len(ids)} documents\n")
    return 0


def _evaluate(p, ids: list[int], args) -> int:
    from ..core.suggest.evaluate import evaluate_project

    if args.against not in {c.name for c in p.coders()}:
        raise InputError(p.path, f"no coder '{args.against}' in this project")
    report = evaluate_project(p, args.against, ids)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    w = sys.stdout.write
    w(f"against {report['coder']}: {report['documents']} documents marked done\n\n")
    if not report["documents"]:
        w(f"{report['coder']} has marked no article done; nothing to compare with.\n")
        return 0
    w(f"{'category':<14}{'suggested':>10}{'coded':>7}   overlap P / R / F1      exact P / R / F1\n")

    def f(x):
        return "  -  " if x is None else f"{x:.3f}"

    for sc in report["categories"]:
        o, e = sc["overlap"], sc["exact"]
        w(f"{sc['category']:<14}{sc['suggested']:>10}{sc['coded']:>7}   "
          f"{f(o['precision'])} {f(o['recall'])} {f(o['f1'])}   "
          f"{f(e['precision'])} {f(e['recall'])} {f(e['f1'])}\n")
    share = report["accepted_share"]
    w(f"\n{report['coder']}'s sources that were accepted suggestions: "
      f"{share['accepted']} of {share['sources']}"
      + (f" ({share['share']:.1%})" if share["share"] is not None else "") + "\n")
    return 0
