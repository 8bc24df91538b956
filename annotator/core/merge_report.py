"""What a merge says: the report of one file (counts per row kind, the rows skipped and
why) and the two refusals (a codebook that conflicts, rows that break the ownership rules
or are invalid). The rules themselves are in `merge`'s docstring."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, ProjectError

KINDS = ("documents", "coders", "annotations", "relations", "assignments", "notes")
REASONS_SHOWN = 1  # a refusal is one line: the first reason and the count


class CodebookMismatchError(ProjectError):
    """The package's codebook differs in structure; `differences` lists each line."""

    def __init__(self, path, differences: list[str]):
        self.differences = list(differences)
        super().__init__(path, "codebook conflicts with the project: "
                         + "; ".join(self.differences) + " (what to do: put it back in the "
                         "project's codebook, retired if coders should not use it, or have "
                         "the coder recode those annotations)")


class PackageRefusedError(InputError):
    """The package breaks the ownership rules or holds invalid rows; nothing was merged.
    `foreign` counts the rows per other coder, `reasons` lists every refused row."""

    def __init__(self, path, foreign: Counter, reasons: list[str]):
        self.foreign, self.reasons = Counter(foreign), list(reasons)
        parts = []
        if foreign:
            n = sum(foreign.values())
            names = ", ".join(f"{c}: {k}" for c, k in sorted(foreign.items()))
            parts.append(f"{n} row{'s' if n != 1 else ''} of other coders ({names}); "
                         f"--allow-coders {','.join(sorted(foreign))} merges them on purpose")
        if reasons:
            more = len(reasons) - REASONS_SHOWN
            parts.append(f"{len(reasons)} row{'s' if len(reasons) != 1 else ''} refused: "
                         + "; ".join(reasons[:REASONS_SHOWN])
                         + (f" (and {more} more)" if more > 0 else ""))
        super().__init__(path, "; ".join(parts) + "; nothing was merged")


@dataclass
class MergeReport:
    """What one file brought: counts per row kind (see KINDS), and why rows were refused."""

    path: Path
    coder: str | None = None  # the package's preset coder, if it is a package
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)  # skipped rows, one line each
    backup: Path | None = None
    given: int = 1  # how many times the file was given to this merge (merged once)

    @property
    def changed(self) -> bool:
        return bool(sum(self.added.values()) + sum(self.updated.values())
                    + sum(self.deleted.values()))

    def totals(self) -> dict[str, int]:
        return {"added": sum(self.added.values()), "updated": sum(self.updated.values()),
                "deleted": sum(self.deleted.values()), "skipped": sum(self.skipped.values())}

    def per_kind(self) -> dict[str, dict[str, int]]:
        out = {}
        for kind in KINDS:
            row = {"added": self.added[kind], "updated": self.updated[kind],
                   "deleted": self.deleted[kind], "skipped": self.skipped[kind]}
            if any(row.values()):
                out[kind] = row
        return out

    def to_json(self) -> dict:
        return {"path": str(self.path), "coder": self.coder, **self.totals(),
                "kinds": self.per_kind(), "notes": list(self.notes), "given": self.given,
                "backup": str(self.backup) if self.backup else None}
