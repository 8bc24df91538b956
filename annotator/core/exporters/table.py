"""What every export writes (xlsx sheets, CSV files): tables as streams of typed rows.

Each table is a `Table`: a name, its columns, and a generator of row tuples whose values
are already of the type the cell must have: `str` (always written as text, never parsed,
so "=SUM(A1)" stays a string), `int`/`float`, `bool`, `datetime`, or `None` (empty). The
writers (xlsx.py, csv.py) only dispatch on that type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import AnnotatorError

XLSX_MAX_ROWS = 1_048_576

SHEETS = ("About", "Documents", "Annotations", "Claims", "Matrix", "Agreement", "Notes",
          "Codebook")


class ExportError(AnnotatorError):
    """The export cannot be written (folder missing, not writable, disk full, ...)."""


Progress = Callable[[int, int], None]


@dataclass
class Column:
    name: str
    width: float = 12
    kind: str = "text"  # text | long (wrapped) | int | num | date | bool
    ar: bool = False  # holds Arabic text from articles or people


@dataclass
class Table:
    name: str
    columns: list[Column]
    rows: Iterable[tuple]
    rtl: bool = False
    total: int = 0  # expected number of rows, for progress
