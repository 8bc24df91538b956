"""Progress and cancel for long core work, without Qt: the GUI runs these functions in a
worker thread, the CLI on its own thread, and both pass plain callbacks.

    def long_work(items, progress=None, cancel=None):
        for i, item in enumerate(items, 1):
            checkpoint(cancel)                   # raises Cancelled once cancel() was called
            ...
            report(progress, i, len(items), item.name)

A function that writes checks `cancel` only inside its one transaction (or before it),
so a cancelled run leaves the project exactly as it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

#: progress(done, total, label): `label` names the item being worked on ("" if none)
Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user cancelled; whatever the work had started is rolled back."""

    def __init__(self, what: str = "cancelled"):
        super().__init__(what)


class CancelToken:
    """Set from any thread (the GUI's Cancel button), read by the worker between items."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def checkpoint(cancel: CancelToken | None) -> None:
    """Raise Cancelled if the user asked to stop; a no-op without a token."""
    if cancel is not None:
        cancel.check()


def report(progress: Progress | None, done: int, total: int, label: str = "") -> None:
    if progress is not None:
        progress(done, total, label)
