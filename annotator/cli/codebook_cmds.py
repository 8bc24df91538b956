"""Codebook operations that rewrite coded data: recode (merge value A into B), undo."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError
from ..core.project import Project


def register(sub) -> None:
    p = sub.add_parser(
        "recode", help="merge one choice value into another, in the codebook and the data",
        description="Every annotation of CATEGORY whose ATTRIBUTE is OLD gets NEW, and OLD "
        "leaves the codebook; one transaction, recorded as a codebook version "
        "(`annotator codebook PROJECT --history`). `--undo N` undoes the recode or split "
        "recorded as version N.")
    p.add_argument("project", type=Path)
    p.add_argument("target", nargs="?", metavar="CATEGORY.ATTRIBUTE")
    p.add_argument("old", nargs="?", metavar="OLD")
    p.add_argument("new", nargs="?", metavar="NEW")
    p.add_argument("--undo", type=int, metavar="N", help="undo the operation of version N")
    p.add_argument("--by", metavar="NAME", help="who makes the change (for the history)")
    p.set_defaults(handler=cmd_recode)

    p = sub.add_parser(
        "split", help="move chosen annotations of a category into a new category",
        description="Add category NEW (same kind and attributes as CATEGORY) and move the "
        "given annotations into it; one transaction, recorded as a codebook version, "
        "undone with `annotator recode PROJECT --undo N`.")
    p.add_argument("project", type=Path)
    p.add_argument("category", metavar="CATEGORY")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--annotations", required=True, metavar="UUIDS",
                   help="comma-separated annotation ids (UUIDs, as in the export)")
    p.add_argument("--name-en", default="", metavar="TEXT")
    p.add_argument("--name-ar", default="", metavar="TEXT")
    p.add_argument("--color", default="#c5b0d5", metavar="#RRGGBB")
    p.add_argument("--by", metavar="NAME", help="who makes the change (for the history)")
    p.set_defaults(handler=cmd_split)


def cmd_recode(args) -> int:
    from .project_cmds import _login

    author = args.by or _login()
    if args.undo is not None:
        if args.target:
            raise InputError(None, "give either --undo N or CATEGORY.ATTRIBUTE OLD NEW")
        with Project.open(args.project) as p:
            number = p.undo_operation(args.undo, author)
            line = p.codebook_history()[-1].changes[0]
        print(f"version {number}: {line}")
        return 0
    if not (args.target and args.old and args.new):
        raise InputError(None, "usage: annotator recode PROJECT CATEGORY.ATTRIBUTE OLD NEW")
    category, dot, attribute = args.target.partition(".")
    if not dot or not category or not attribute:
        raise InputError(None, f"'{args.target}' is not CATEGORY.ATTRIBUTE "
                               "(e.g. claim.claim_type)")
    with Project.open(args.project) as p:
        number = p.recode(category, attribute, args.old, args.new, author)
        line = p.codebook_history()[-1].changes[0]
    print(f"version {number}: {line}")
    return 0


def cmd_split(args) -> int:
    from ..core.codebook import Codebook
    from .project_cmds import _login

    uuids = [u.strip() for u in args.annotations.split(",") if u.strip()]
    if not uuids:
        raise InputError(None, "--annotations lists no annotation ids")
    name_en = args.name_en or args.new
    new = {"key": args.new, "name_en": name_en, "name_ar": args.name_ar or name_en,
           "color": args.color}
    # checked as a codebook file would be: the key's form, the colour
    cat = Codebook.from_dict({"name": "x", "categories": [new]}).categories[0]
    with Project.open(args.project) as p:
        number = p.split_category(args.category, cat, uuids, author=args.by or _login())
        line = p.codebook_history()[-1].changes[0]
    print(f"version {number}: {line}")
    return 0
