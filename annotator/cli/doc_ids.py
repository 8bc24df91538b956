"""--docs IDS, the same in every command (export, package, assign, adjudicate, suggest):
parsed by one parser before anything is opened, then clipped to the documents that exist.
A range such as 1-50 on an 11-article project takes the 11, with a note on stderr (so a
command's --json output stays JSON); none existing is an error and nothing is changed."""

from __future__ import annotations

import sys

from ..core.doc_ids import existing_doc_ids, none_exist_message, parse_doc_ids, short_ids
from ..core.errors import NotFoundError


def given_docs(spec: str | None) -> list[int] | None:
    """The ids of --docs, or None when the option was not given."""
    return None if spec is None else parse_doc_ids(spec)


def existing_docs(project, given: list[int]) -> list[int]:
    """Those of `given` that exist; says how many when some do not, refuses when none do."""
    have = existing_doc_ids(project, given)
    if not have:
        raise NotFoundError(project.path, none_exist_message(given))
    if len(have) < len(given):
        missing = sorted(set(given) - set(have))
        print(f"note: --docs: {len(have)} of the {len(given)} documents given exist; taking "
              f"those {len(have)} (no document with id {short_ids(missing)})", file=sys.stderr)
    return have
