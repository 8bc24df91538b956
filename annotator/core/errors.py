"""Errors a user can act on. Each names the file and says what is wrong in one line."""

from __future__ import annotations

import os


class AnnotatorError(Exception):
    """Base class: `str(err)` is `<path>: <message>` (or just the message without a path)."""

    def __init__(self, path: str | os.PathLike | None, message: str):
        self.path = os.fspath(path) if path is not None else None
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}" if self.path else self.message
        # a file name with bytes that are not UTF-8 arrives as lone surrogates
        # (surrogateescape): shown as \xff, so printing the line never fails
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class InputError(AnnotatorError):
    """A file to import cannot be read as what it claims to be."""


class ProjectError(AnnotatorError):
    """The project file is missing, not a project, too new, read-only, or damaged."""


class ProjectLockedError(ProjectError):
    """Another process has the project open for writing."""


class CodebookError(AnnotatorError):
    """A codebook is invalid; `problems` lists each field that is wrong. The message (one
    line) names the first SHOWN, each cut to SHOWN_CHARS, and counts the rest: a hostile
    file of 20,000 bad references or a key of megabytes still makes one readable line."""

    SHOWN = 20
    SHOWN_CHARS = 300
    KEEP_LAST = False  # the last problem is what to do: shown after the count

    def __init__(self, path, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        listed = self.problems[:-1] if self.KEEP_LAST else self.problems
        shown = [p if len(p) <= self.SHOWN_CHARS else p[:self.SHOWN_CHARS - 3] + "..."
                 for p in listed[:self.SHOWN]]
        if len(listed) > len(shown):
            shown.append(f"and {len(listed) - len(shown)} more problems")
        if self.KEEP_LAST and self.problems:
            shown.append(self.problems[-1])
        super().__init__(path, "; ".join(shown))


class NotFoundError(AnnotatorError):
    """A document, annotation, coder or category that was asked for does not exist."""
