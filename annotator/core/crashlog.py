"""Where a bug's details go: a new file in the user's own log folder (platformdirs), never
a fixed name in a shared temporary folder. The file is created exclusively and without
following a symlink (O_CREAT | O_EXCL | O_NOFOLLOW), so nothing planted at its path is
ever overwritten; if nothing can be written, the user still gets one line."""

from __future__ import annotations

import os
import secrets
import traceback
from datetime import datetime
from pathlib import Path

APP = "annotator"
ATTEMPTS = 5


def log_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def _name() -> str:
    return f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}-{secrets.token_hex(3)}.log"


def write(details: str) -> Path:
    """Write `details` to a new file in the log folder; raises OSError if it cannot."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    err: OSError | None = None
    for _ in range(ATTEMPTS):
        path = folder / _name()
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError as exc:  # taken, or something planted there: another name
            err = exc
            continue
        with os.fdopen(fd, "wb") as fh:
            fh.write(details.encode("utf-8", "replace"))
        return path
    raise err or OSError("no free log file name")


WHAT_SHOWN = 200  # characters of the bug's message in the user's line (the log has all)


def report(exc: BaseException) -> str:
    """The one line for the user about a bug, after trying to keep its details."""
    what = f"{type(exc).__name__}: {exc}".splitlines()[0] if str(exc) else type(exc).__name__
    if len(what) > WHAT_SHOWN:  # a message quoting a megabyte of a damaged value
        what = what[:WHAT_SHOWN - 3] + "..."
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        path = write(details)
    except OSError as why:
        return (f"internal error ({what}); the details could not be written to "
                f"{log_folder()} ({why.strerror or why})")
    return f"internal error ({what}); details in {path}"
