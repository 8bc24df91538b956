"""What every export writes (xlsx sheets, CSV files): tables as streams of typed rows.

Each table is a `Table`: a name, its columns, and a generator of row tuples whose values
are already of the type the cell must have: `str` (always written as text, never parsed,
so "=SUM(A1)" stays a string), `int`/`float`, `bool`, `datetime`, `Joined` (several
names in one cell), or `None` (empty). The writers (xlsx.py, csv.py) only dispatch on
that type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import AnnotatorError

XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_COLS = 16_384

SHEETS = ("About", "Documents", "Annotations", "Claims", "Links", "Matrix", "Agreement",
          "Notes", "Codebook")


JOIN = " | "
FSI, PDI = "\u2068", "\u2069"  # first strong isolate ... pop directional isolate


class Joined(tuple):
    """Several values in one cell (a claim's sources), in order. The workbook isolates
    each with U+2068...U+2069, so Arabic and Latin names keep their order whichever way
    the sheet runs; the CSV files join them plainly, for R and SPSS to split on " | "."""

    def plain(self) -> str:
        return JOIN.join(self)

    def isolated(self) -> str:
        return JOIN.join(FSI + v + PDI for v in self)


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
    # columns that identify a row: repeated on every part of a table wider than a sheet
    key_columns: int = 1
