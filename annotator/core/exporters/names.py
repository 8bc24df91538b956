"""Variable names SPSS and R both accept, for `--csv-names spss`.

The workbook's column names are made for reading ("status [Mona]", "claim.claim_type");
SPSS refuses brackets, dots at the end and spaces, and R's read.csv mangles them. Each
becomes lowercase ASCII letters, digits and underscores, starting with a letter, at most
64 bytes, not a reserved word of either, unique within its file: "claim [Ali]" ->
claim_ali, "status [Mona]" -> status_mona, "from.claim.claim_type" -> from_claim_claim_type.
A coder or codebook name with no ASCII letters (منى) becomes coder1, coder2, ... or v<n>.
variables.csv maps every name back to its label.
"""

from __future__ import annotations

import re
import unicodedata

MAX_BYTES = 64
# SPSS's reserved keywords and R's reserved words (compared in lower case)
RESERVED = {"all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with",
            "if", "else", "repeat", "while", "function", "for", "next", "break", "true",
            "false", "null", "inf", "nan", "na", "in"}

_CODER = re.compile(r"^(.*) \[(.*)\]$")


def slug(s: str) -> str:
    """Lowercase ASCII letters, digits and single underscores ('' if nothing is left)."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def coder_slugs(coders: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    used: set[str] = set()
    for i, name in enumerate(coders, 1):
        s = slug(name) or f"coder{i}"
        if s in used:
            s = f"{s}_{i}"
        used.add(s)
        out[name] = s
    return out


def spss_names(columns: list[str], coders: dict[str, str]) -> list[str]:
    """A valid, unique name for each column (in order)."""
    out: list[str] = []
    used: set[str] = set()
    for i, col in enumerate(columns, 1):
        m = _CODER.match(col)
        if m:
            base = slug(m.group(1)) or f"v{i}"
            who = coders.get(m.group(2)) or slug(m.group(2)) or "coder"
            name = f"{base}_{who}"
        else:
            name = slug(col) or f"v{i}"
        if not name[0].isalpha() or name in RESERVED:
            name = "v_" + name
        name = name[:MAX_BYTES].rstrip("_")
        if name in used:
            k = 2
            while f"{name[:MAX_BYTES - 4]}_{k}" in used:
                k += 1
            name = f"{name[:MAX_BYTES - 4]}_{k}"
        used.add(name)
        out.append(name)
    return out
