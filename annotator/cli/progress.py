"""A progress bar on stderr for long commands (import, merge, export).

It draws only on a terminal, and only once the work has run for more than DELAY seconds:
a quick command prints nothing extra, and piped or logged output (CI, scripts) stays
clean. Pass the bar as the core's `progress(done, total, label)` callback:

    with ProgressBar("importing") as bar:
        read_batch(paths, progress=bar)
"""

from __future__ import annotations

import shutil
import sys
import time

DELAY = 2.0  # seconds before the bar appears
INTERVAL = 0.1  # seconds between redraws
BAR = 24  # cells


class ProgressBar:
    def __init__(self, what: str, stream=None, delay: float = DELAY, clock=time.monotonic):
        self.what = what
        self.stream = stream if stream is not None else sys.stderr
        self.delay, self.clock = delay, clock
        self.start = clock()
        self.last = float("-inf")
        self.drawn = 0  # characters on the line now
        try:
            self.tty = bool(self.stream.isatty())
        except (AttributeError, ValueError):  # closed or not a real stream
            self.tty = False

    def __call__(self, done: int, total: int = 0, label: str = "") -> None:
        if not self.tty:
            return
        now = self.clock()
        if now - self.start < self.delay:
            return
        if now - self.last < INTERVAL and not (total and done >= total):
            return
        self.last = now
        self._draw(self.line(done, total, label))

    def line(self, done: int, total: int, label: str = "") -> str:
        if total > 0:
            filled = min(BAR, BAR * done // total)
            head = (f"{self.what} [{'#' * filled}{'.' * (BAR - filled)}] "
                    f"{done}/{total} {100 * done // total:3d}%")
        else:
            head = f"{self.what}: {done}"
        return f"{head}  {label}" if label else head

    def _draw(self, text: str) -> None:
        width = max(20, shutil.get_terminal_size((80, 20)).columns - 1)
        text = text.replace("\n", " ")[:width]  # never wrap: \r must reach the line start
        pad = " " * max(0, self.drawn - len(text))
        self.stream.write("\r" + text + pad)
        self.stream.flush()
        self.drawn = len(text)

    def close(self) -> None:
        """Clear the bar, so what the command prints next starts on a clean line."""
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
