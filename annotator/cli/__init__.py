"""`annotator`: one entry point. Thin: parse, call the core, print.

Each command group lives in its own module with a `register(subparsers)` function; a
command's handler takes the parsed args and returns an exit code.
"""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..core.errors import AnnotatorError
from . import project_cmds

COMMAND_MODULES = [project_cmds]


def _optional_modules() -> list:
    """Command groups that need parts not every install has (they import lazily)."""
    mods = []
    for name in ("agreement_cmds", "export_cmds", "team_cmds", "suggest_cmds", "gui_cmds"):
        try:
            mods.append(__import__(f"{__name__}.{name}", fromlist=["register"]))
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith(__name__):
                continue
            raise
    return mods


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate Arabic news articles for content analysis. "
                    "Without a command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in COMMAND_MODULES + _optional_modules():
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        handler = getattr(args, "handler", None) or _start_gui
    else:
        handler = args.handler
    try:
        return handler(args) or 0
    except AnnotatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; nothing of the unfinished step was saved", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line for the user, the details in a log file
        from ..core import crashlog

        print(f"error: {crashlog.report(exc)}", file=sys.stderr)
        return 2


def _start_gui(args) -> int:
    try:
        from ..gui.app import run
    except ModuleNotFoundError:
        print("error: the desktop app is not part of this build yet; see `annotator --help`",
              file=sys.stderr)
        return 1
    return run(None)
