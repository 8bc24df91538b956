"""Desktop commands: `open PROJECT` starts the desk on a project; `render` draws an article
as the desk shows it (highlights, right-aligned Arabic, legend) to PNG or PDF."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("open", help="open a project in the desktop app",
                       description="Start the coder's desk on PROJECT (without one: the "
                       "last project, as `annotator` does; desktop menus call it so).")
    p.add_argument("project", type=Path, nargs="?")
    p.add_argument("--coder", help="code as NAME (default: the name in the settings)")
    p.set_defaults(handler=cmd_open)

    p = sub.add_parser("render", help="draw an article with its highlights to PNG or PDF",
                       description="Draw one article as the desk shows it, with a legend "
                       "of the categories used, as A4 pages. FILE.pdf holds every page; "
                       "FILE.png writes one image per page, FILE-1.png, FILE-2.png and so "
                       "on (or only page N to FILE.png with --page N). Prints the files "
                       "written. Works without a display.")
    p.add_argument("project", type=Path)
    p.add_argument("--doc", type=int, required=True, metavar="ID", help="document id")
    p.add_argument("--coder", metavar="NAME", help="only this coder's annotations "
                                                    "(default: everyone's)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE",
                   help="FILE.pdf, or FILE.png for FILE-1.png, FILE-2.png…")
    p.add_argument("--page", type=int, metavar="N",
                   help="PNG only: write page N alone, to FILE.png")
    p.set_defaults(handler=cmd_render)


def cmd_open(args) -> int:
    from ..gui.app import run

    return run(args.project, coder=args.coder)


def cmd_render(args) -> int:
    from ..core.errors import InputError, NotFoundError
    from ..core.server.url import is_server_url

    if args.out.suffix.lower() not in (".png", ".pdf"):
        raise InputError(args.out, "the output must end in .png or .pdf")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # servers and CI
    from ..gui.render import application, render_document

    if is_server_url(args.project):
        from ..core.project import Project

        opened = Project.open(args.project, readonly=True)
    else:
        # Plain sqlite3: SQLAlchemy and the ORM took longer to import than the drawing
        # (issue 10); the reader refuses what Project.open refuses.
        from ..core.read_light import ProjectReader

        opened = ProjectReader.open(args.project)
    with opened as project:
        application()
        if args.coder is not None and args.coder not in {c.name for c in project.coders()}:
            # a misspelt name would otherwise draw the article with no highlights at all
            raise NotFoundError(None, f"no coder named {args.coder}")
        written = render_document(project, args.doc, args.out, coder=args.coder,
                                  page=args.page)
    for path in written:
        print(path, file=sys.stdout)
    return 0
