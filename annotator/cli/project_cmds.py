"""Project commands: new, import, docs, show, codebook, check."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core.codebook import load_codebook, save_codebook
from ..core.errors import InputError
from ..core.importers import FORMATS
from ..core.project import Project
from ..core.records import ImportReport
from ..core.versions import CodebookConflictError
from .progress import ProgressBar


def register(sub) -> None:
    p = sub.add_parser("new", help="create a project file",
                       description="Create a project (one .annot file) with a codebook.")
    p.add_argument("project", type=Path)
    p.add_argument("--codebook", type=Path, help="codebook JSON or YAML (default: the "
                                                 "sourcing codebook that ships with Annotator)")
    p.add_argument("--name", help="project name (default: the file name)")
    p.add_argument("--from", dest="from_", type=Path, metavar="FILE.qdpx",
                   help="a REFI-QDA project from another tool (ATLAS.ti, MAXQDA, NVivo, "
                        "QualCoder): its codes become the codebook, its texts and codings "
                        "the documents and annotations")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("import", help="import articles into a project",
                       description="Import text, .docx, .html, .csv/.xlsx (one article per "
                       "row) or doccano JSONL files, or folders of them. The whole batch is "
                       "one transaction: on an error nothing of it is kept. A REFI-QDA "
                       "project (.qdpx) brings its codings, links and coders too.")
    p.add_argument("project", type=Path)
    p.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    p.add_argument("--format", choices=FORMATS, default="auto")
    p.add_argument("--coder", help="whose annotations a doccano file holds")
    p.add_argument("--skip-bad", action="store_true",
                   help="skip files that cannot be read (each is reported) instead of "
                        "refusing the whole batch")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("settings", help="show or change the project's settings",
                       description="Without KEY=VALUE, lists the settings. date_order: how "
                       "an imported numeric date such as 03/07/2017 is read: day-first "
                       "(the default, as Arab newspapers write it: 3 July) or month-first "
                       "(7 March). The date as written stays in the document's metadata.")
    p.add_argument("project", type=Path)
    p.add_argument("assignments", nargs="*", metavar="KEY=VALUE")
    p.set_defaults(handler=cmd_settings)

    p = sub.add_parser("docs", help="list the documents",
                       description="List documents without loading their texts.")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true", help="a JSON list of objects")
    p.set_defaults(handler=cmd_docs)

    p = sub.add_parser("show", help="print a document's text")
    p.add_argument("project", type=Path)
    p.add_argument("doc_id", type=int, metavar="DOC_ID")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("codebook", help="print, export or import the codebook",
                       description="Without options, prints the codebook as YAML.")
    p.add_argument("project", type=Path)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--export", type=Path, metavar="FILE",
                   help="write it (.json/.yaml, or .qdc for REFI-QDA tools)")
    g.add_argument("--import", dest="import_", type=Path, metavar="FILE",
                   help="replace it from a .json/.yaml file or a REFI-QDA .qdc (refused, "
                        "with the list of annotations, when stored work uses what the file "
                        "drops)")
    g.add_argument("--history", action="store_true",
                   help="list the codebook's versions: number, time, who, what changed")
    p.add_argument("--json", action="store_true", help="--history as JSON")
    p.add_argument("--by", metavar="NAME", help="who makes the change (recorded in the "
                                                "history; default: your login name)")
    p.set_defaults(handler=cmd_codebook)

    p = sub.add_parser("check", help="verify the project file",
                       description="SQLite's integrity check, every text against its hash, "
                       "every quote against its text, no orphans. Exit 1 when anything is "
                       "wrong.")
    p.add_argument("project", type=Path)
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("backups", help="list the project's backups, or restore one",
                       description="Backups are taken on open (when anything changed) and "
                       "before merges (the ten newest and the first of each of the last seven days), in "
                       "NAME.backups/ beside the project. "
                       "Restoring first backs up the current state.")
    p.add_argument("project", type=Path)
    p.add_argument("--restore", type=int, metavar="N", help="restore backup number N "
                                                             "(1 = newest, as listed)")
    p.set_defaults(handler=cmd_backups)


def cmd_new(args) -> int:
    if args.from_ is not None:
        if args.codebook is not None:
            raise InputError(args.from_, "--from brings its own codebook; leave out "
                                         "--codebook")
        from .exchange_cmds import new_from

        return new_from(args.project, args.from_, args.name)
    cb = load_codebook(args.codebook) if args.codebook else None
    with Project.create(args.project, codebook=cb, name=args.name) as p:
        n = len(p.codebook().categories)
    print(f"created {args.project} with {n} categories")
    return 0


def cmd_import(args) -> int:
    refi = [f for f in args.paths if f.suffix.lower() == ".qdpx"]
    if refi:
        if len(args.paths) > 1:
            raise InputError(refi[0], "import a .qdpx on its own (it is a whole project)")
        from .exchange_cmds import import_qdpx

        with Project.open(args.project) as p:
            return import_qdpx(p, refi[0])
    from ..core.importers.batch import labels_check, read_batch

    # Open first: a path that is not a project is refused before reading anything.
    with Project.open(args.project) as p:
        with ProgressBar("reading") as bar:
            # labels are checked per file, so the message names the file to fix
            batch = read_batch(args.paths, args.format, check=labels_check(p.unknown_labels),
                               skip_bad=args.skip_bad, progress=bar)
        if not batch.files and not batch.skipped:
            raise InputError(args.paths[0], "no importable files found")
        with ProgressBar("storing") as bar:
            report: ImportReport = p.add_documents(batch.docs, coder=args.coder,
                                                   progress=bar)
    skipped = [str(e) for e in batch.skipped]
    notes = batch.notes
    for s in skipped:
        print(f"skipped: {s}", file=sys.stderr)
    for n in notes:
        print(f"note: {n}", file=sys.stderr)
    print(f"imported {len(report.added)} documents"
          + (f" and {report.annotations} annotations by {args.coder}" if args.coder else ""))
    if report.missing_required:
        print("required attributes left empty (the file has labels only; fill them in the "
              "desk): " + ", ".join(f"{k} on {n}" for k, n in
                                    sorted(report.missing_required.items())))
    if report.duplicates:
        print(f"{len(report.duplicates)} already in the project (same text), not added again:")
        for title, doc_id in report.duplicates[:20]:
            print(f"  #{doc_id} {title[:70]}")
        if len(report.duplicates) > 20:
            print(f"  ... and {len(report.duplicates) - 20} more")
    return 0


#: settings this command may change, and their allowed values
SETTINGS = {"date_order": ("day-first", "month-first")}


def cmd_settings(args) -> int:
    changes = {}
    for a in args.assignments:
        key, sep, value = a.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or key not in SETTINGS:
            raise InputError(None, f"'{a}': give KEY=VALUE with KEY one of "
                                   f"{', '.join(SETTINGS)}")
        if value not in SETTINGS[key]:
            raise InputError(None, f"{key}: '{value}' is not one of "
                                   f"{', '.join(SETTINGS[key])}")
        changes[key] = value
    with Project.open(args.project, readonly=not changes) as p:
        for key, value in changes.items():
            p.set_setting(key, value)
            print(f"{key} = {value}")
        if not changes:
            for key, allowed in SETTINGS.items():
                print(f"{key} = {p.setting(key, allowed[0])}")
    return 0


def cmd_docs(args) -> int:
    with Project.open(args.project, readonly=True) as p:
        flagged = p.flagged_counts()  # annotations coders marked "discuss", per document
        if args.json:
            _docs_json(p.iter_documents(with_meta=True), flagged)
        else:
            _docs_table(p.iter_documents(), flagged)
    return 0


def _docs_json(docs, flagged: dict[int, int]) -> None:
    # streamed, one object per line inside the list: the listing never sits in memory
    out = sys.stdout
    out.write("[")
    n = 0
    for n, d in enumerate(docs, 1):
        out.write(",\n " if n > 1 else "\n ")
        out.write(json.dumps({**d.to_json(), "discuss": flagged.get(d.id, 0)},
                             ensure_ascii=False))
    out.write("\n]\n" if n else "]\n")


def _docs_table(docs, flagged: dict[int, int]) -> None:
    for d in docs:
        date = d.published.strftime("%Y-%m-%d %H:%M") if d.published else "-"
        counts = ", ".join(f"{c}: {n}" for c, n in sorted(d.annotations.items())) or "-"
        if flagged.get(d.id):
            counts += f", discuss: {flagged[d.id]}"
        coders = ", ".join(f"{c} ({st})" for c, st in sorted(d.status.items())) or "-"
        print(f"{d.id:>6}  {date:<16}  {d.length:>7}  {counts:<20}  {coders:<26}  "
              f"{d.title[:60]}")


def cmd_show(args) -> int:
    with Project.open(args.project, readonly=True) as p:
        text = p.text(args.doc_id)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_codebook(args) -> int:
    if any(f is not None and f.suffix.lower() == ".qdc" for f in (args.export, args.import_)):
        from .exchange_cmds import codebook_qdc

        return codebook_qdc(args.project, args.export, args.import_, args.by or _login())
    if args.import_:
        cb = load_codebook(args.import_)
        with Project.open(args.project) as p:
            try:
                number = p.set_codebook(cb, author=args.by or _login())
            except CodebookConflictError as exc:  # name the file that would do the damage
                raise CodebookConflictError(args.import_, exc.problems) from None
        print(f"codebook replaced: {len(cb.categories)} categories"
              + (f", version {number}" if number else " (no change)"))
        return 0
    with Project.open(args.project, readonly=True) as p:
        if args.history:
            _print_history(p.codebook_history(), args.json)
            return 0
        cb = p.codebook()
    if args.export:
        save_codebook(cb, args.export)
        print(f"wrote {args.export}")
    else:
        import yaml

        # libyaml's emitter when there is one: the same text, 3x faster
        yaml.dump(cb.to_dict(), sys.stdout, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                  allow_unicode=True, sort_keys=False)
    return 0


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without a passwd entry)
        return ""


def _print_history(versions, as_json: bool) -> None:
    if as_json:
        print(json.dumps([v.to_json() for v in versions], ensure_ascii=False, indent=1))
        return
    if not versions:
        print("no versions recorded yet (the codebook has not changed since versions began)")
    for v in versions:
        print(f"version {v.number}  {v.created:%Y-%m-%d %H:%M} UTC  {v.author or '-'}")
        for line in v.changes:
            print(f"  {line}")


def cmd_check(args) -> int:
    with Project.open(args.project, readonly=True) as p:
        problems = p.check()
        n_docs = len(p.documents())
    if problems:
        for line in problems:
            print(line)
        print(f"error: {args.project}: {len(problems)} problems found", file=sys.stderr)
        return 1
    print(f"ok: {n_docs} documents, every quote matches its text")
    return 0


def cmd_backups(args) -> int:
    from ..core import backups

    listed = backups.backups(args.project)
    if args.restore is None:
        if not listed:
            print("no backups yet")
        for i, b in enumerate(listed, 1):
            print(f"{i:>3}  {b.taken:%Y-%m-%d %H:%M:%S}  {b.reason:<22} "
                  f"{b.size / 1e6:>8.2f} MB  {b.path.name}")
        return 0
    if not 1 <= args.restore <= len(listed):
        raise InputError(args.project, f"no backup number {args.restore} "
                                       f"({len(listed)} listed by `annotator backups`)")
    chosen = listed[args.restore - 1]
    safety = backups.restore(args.project, chosen.path)
    print(f"restored the backup of {chosen.taken:%Y-%m-%d %H:%M:%S}; the state before "
          f"the restore is kept as {safety.name}")
    return 0
