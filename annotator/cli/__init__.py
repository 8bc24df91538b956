"""`annotator`: one entry point. Thin: parse, call the core, print.

Each command group lives in its own module with a `register(subparsers)` function; a
command's handler takes the parsed args and returns an exit code.

Start-up time: a command imports only its own module (so `annotator docs` never loads
numpy for agreement, nor Qt), and `annotator --help` imports none: COMMANDS lists every
command's module and one-line help (tests/test_cli_startup.py keeps it in step with what
the modules register). A command missing from COMMANDS still works: every module is
then loaded, as before.
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..core.errors import AnnotatorError

#: every command group module, in the order of `annotator --help`
MODULES = ("project_cmds", "agreement_cmds", "export_cmds", "team_cmds", "suggest_cmds",
           "codebook_cmds", "server_cmds", "gui_cmds")

#: command -> (module, the help line `annotator --help` shows)
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("project_cmds", "create a project file"),
    "import": ("project_cmds", "import articles into a project"),
    "settings": ("project_cmds", "show or change the project's settings"),
    "docs": ("project_cmds", "list the documents"),
    "show": ("project_cmds", "print a document's text"),
    "codebook": ("project_cmds", "print, export or import the codebook"),
    "check": ("project_cmds", "verify the project file"),
    "backups": ("project_cmds", "list the project's backups, or restore one"),
    "agreement": ("agreement_cmds",
                  "inter-coder agreement per category, coder pair and document"),
    "adjudicate": ("agreement_cmds", "accept agreed spans into gold; mark gold done"),
    "export": ("export_cmds", "write the coded data to Excel (and CSV)"),
    "package": ("team_cmds", "write a coder's package (their documents, no one else's work)"),
    "merge": ("team_cmds", "bring coders' packages back"),
    "assign": ("team_cmds", "share documents among coders, with an overlap set"),
    "progress": ("team_cmds", "documents per coder: assigned, todo, in progress, done"),
    "recode": ("codebook_cmds",
               "merge one choice value into another, in the codebook and the data"),
    "split": ("codebook_cmds", "move chosen annotations of a category into a new category"),
    "suggest": ("suggest_cmds", "suggested sources, attribution phrases and claims"),
    "server": ("server_cmds", "the team's project on a PostgreSQL server"),
    "sync": ("server_cmds", "exchange a coder's file with the team's server"),
    "open": ("gui_cmds", "open a project in the desktop app"),
    "render": ("gui_cmds", "draw an article with its highlights to PNG or PDF"),
}


def _load(name: str):
    """A command group module, or None when this build lacks it (or a part it needs)."""
    try:
        return __import__(f"{__name__}.{name}", fromlist=["register"])
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(__name__):
            return None
        raise


def _modules_for(command: str | None) -> list:
    if command is None:
        return []  # `annotator --help` or the desktop app: no command module needed
    if command in COMMANDS:
        names = [COMMANDS[command][0]]
    else:
        names = list(MODULES)  # unknown here: a new command, or a typo argparse explains
    return [m for m in map(_load, names) if m is not None]


def _command_of(argv: list[str]) -> str | None:
    for a in argv:
        if a == "--":
            return None
        if not a.startswith("-"):
            return a
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: full for its command, one help line for the others.
    Without argv, every module is loaded (the complete parser)."""
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate Arabic news articles for content analysis. "
                    "Without a command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if argv is None:
        mods = [m for m in map(_load, MODULES) if m is not None]
    else:
        mods = _modules_for(_command_of(argv))
    for mod in mods:
        mod.register(sub)
    for name, (_module, help_line) in COMMANDS.items():
        if name not in sub.choices:
            sub.add_parser(name, help=help_line, add_help=False)
    return parser


def one_line(message: str) -> str:
    """The message with control characters shown escaped: text quoted from a hostile file
    (a key that is a line break, a terminal escape sequence) can neither break the one
    error line nor drive the terminal."""
    return "".join(ch if ch.isprintable() or ch == " " else
                   ch.encode("unicode_escape").decode("ascii") for ch in message)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        handler = getattr(args, "handler", None) or _start_gui
    else:
        handler = getattr(args, "handler", None)
        if handler is None:  # listed, but its module is not part of this build
            print(f"error: `annotator {args.command}` is not part of this build",
                  file=sys.stderr)
            return 1
    try:
        return handler(args) or 0
    except AnnotatorError as exc:
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; nothing of the unfinished step was saved", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        damage = _damage_behind(args)
        if damage is not None:  # not our bug: a project file damaged on disk or by hand
            print(f"error: {one_line(damage)}", file=sys.stderr)
            return 1
        from ..core import crashlog  # a bug: one line for the user, details in a log file

        # the message may quote hostile data: escaped like every other error line
        print(f"error: {one_line(crashlog.report(exc))}", file=sys.stderr)
        return 2


def _damage_behind(args) -> str | None:
    """'FILE: damaged project (...)' when the command's project file is damaged."""
    from pathlib import Path

    path = getattr(args, "project", None)
    if not isinstance(path, (str, Path)) or not Path(path).is_file():
        return None
    from ..core.check import damage_behind

    found = damage_behind(path)
    return f"{path}: {found}" if found else None


def _start_gui(args) -> int:
    try:
        from ..gui.app import run
    except ModuleNotFoundError:
        print("error: the desktop app is not part of this build yet; see `annotator --help`",
              file=sys.stderr)
        return 1
    return run(None)
