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
    """A codebook is invalid; `problems` lists each field that is wrong."""

    def __init__(self, path, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(path, "; ".join(self.problems))


class NotFoundError(AnnotatorError):
    """A document, annotation, coder or category that was asked for does not exist."""
