"""Lists of document ids as people type them ("1,4,10-20"): the one parser every command's
--docs uses, the ids of a list that exist in a project, and a list written back short."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import InputError

EXAMPLE = "e.g. --docs 1,4,10-20"
CHUNK = 500  # ids per IN (...) query


def parse_doc_ids(spec: str) -> list[int]:
    """ "3, 1,5-7,3" -> [1, 3, 5, 6, 7] (sorted, no duplicates). Ids start at 1."""
    out: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        lo, sep, hi = part.partition("-")
        try:
            a = int(lo)
            b = int(hi) if sep else a
        except ValueError:
            a = b = 0
        if a < 1 or b < 1:
            raise InputError(None, f"--docs: '{part}' is not a document id or a range "
                                   "like 10-20")
        if b < a:
            raise InputError(None, f"--docs: '{part}' is not a range of document ids (the "
                                   "first is larger)")
        out.update(range(a, b + 1))
    if not out:
        raise InputError(None, f"--docs: give one or more document ids, {EXAMPLE}")
    return sorted(out)


def existing_doc_ids(project, ids: Iterable[int]) -> list[int]:
    """Those of `ids` that are documents of `project`, sorted."""
    from sqlalchemy import select

    from .models import Document

    wanted = sorted(set(ids))
    have: set[int] = set()
    with project._read() as s:
        for i in range(0, len(wanted), CHUNK):
            have.update(s.scalars(select(Document.id)
                                  .where(Document.id.in_(wanted[i:i + CHUNK]))))
    return [i for i in wanted if i in have]


def short_ids(ids: Iterable[int], most: int = 10) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"; past `most` runs, " ..."."""
    runs: list[list[int]] = []
    for i in sorted(set(ids)):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    text = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs[:most])
    return text + (" ..." if len(runs) > most else "")


def none_exist_message(ids: Iterable[int]) -> str:
    return f"none of the documents given exists (no document with id {short_ids(ids)})"
