"""SPSS (.sav): one table of the workbook (Annotations by default) with variable labels in
English and Arabic, value labels for every category and choice value, measurement levels
(ordinal where the codebook says so), UTF-8 text, and the variable names SPSS and R accept
that `export --csv-names spss` gives the CSV files (exporters/names.py).

Written with pyreadstat from a pandas frame. The table's rows are streamed from the
project and turned into typed column arrays a chunk at a time (never a list of row
tuples for the whole table); pyreadstat needs the whole frame, so that frame is the peak
memory (bench/bench_exchange.py prints it).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from ..exporters.files import check_output_file, explain_os_error, opened, temp_beside
from ..exporters.names import coder_slugs, spss_names
from ..exporters.plan import make_plan
from ..exporters.sheet_annotations import annotations_table
from ..exporters.sheet_claims import claims_table
from ..exporters.sheet_documents import documents_table
from ..exporters.sheet_links import links_table
from ..exporters.sheet_matrix import matrix_table
from ..exporters.table import ExportError, Joined, Progress, Table
from .labels import Labels, table_labels

TABLES = {"annotations": annotations_table, "documents": documents_table,
          "claims": claims_table, "matrix": matrix_table, "links": links_table}
CHUNK = 20_000  # rows turned into column arrays at a time
MAX_STRING = 32_767  # bytes in one SPSS string value
MAX_VAR_LABEL = 255
MAX_VALUE_LABEL = 120
NUMERIC_KINDS = ("int", "num", "bool")


def _cut(s: str, limit: int) -> str:
    """`s` cut to at most `limit` UTF-8 bytes, never inside a character."""
    b = s.encode("utf-8")
    if len(b) <= limit:
        return s
    return b[:limit].decode("utf-8", "ignore")


def export_sav(project, path, coders: list[str] | None = None, gold: bool = False,
               doc_ids=None, progress: Progress | None = None,
               table: str = "annotations") -> dict:
    """Write one table as an SPSS file. Returns counts: table, rows, variables, truncated
    (string values cut at SPSS's 32,767 bytes)."""
    path = Path(path)
    check_output_file(path, ".sav")
    if table not in TABLES:
        raise ExportError(path, f"no table '{table}' (choose from {', '.join(TABLES)})")
    with opened(project) as p:
        plan = make_plan(p, coders=coders, gold=gold, doc_ids=doc_ids)
        t = TABLES[table](plan)
        labels = table_labels(plan, t)
        frame, truncated = build_frame(t, labels, progress)
        return _write(path, frame, t, labels, truncated, p.name, plan.coder_names)


def build_frame(table: Table, labels: Labels, progress: Progress | None = None):
    """The table as a pandas frame (columns named as in the table), built a chunk at a
    time; returns (frame, number of strings cut)."""
    import numpy as np
    import pandas as pd

    cols = table.columns
    kinds = [c.kind for c in cols]
    total = max(table.total, 1)
    chunks = []
    truncated = 0
    done = 0
    buf: list[list] = [[] for _ in cols]

    def flush():
        nonlocal truncated
        data = {}
        for i, c in enumerate(cols):
            values = buf[i]
            if kinds[i] in NUMERIC_KINDS or c.name in labels.booleans \
                    or c.name in labels.numeric:
                data[c.name] = np.array([_number(v) for v in values], dtype="float64")
            elif kinds[i] == "date":
                data[c.name] = pd.to_datetime(pd.Series(values, dtype="object"))
            else:
                out = []
                for v in values:
                    if v is None:
                        out.append(None)
                        continue
                    # several values in a cell (a claim's sources) joined plainly, as
                    # in the CSV files: " | " to split on
                    v = v.plain() if isinstance(v, Joined) else \
                        v if isinstance(v, str) else _text(v)
                    if len(v) * 4 > MAX_STRING and len(v.encode("utf-8")) > MAX_STRING:
                        v = _cut(v, MAX_STRING)
                        truncated += 1
                    out.append(v)
                data[c.name] = pd.Series(out, dtype="object")
        chunks.append(pd.DataFrame(data))
        for b in buf:
            b.clear()

    n = 0
    for row in table.rows:
        for i, v in enumerate(row):
            buf[i].append(v)
        n += 1
        if n == CHUNK:
            flush()
            done += n
            n = 0
            if progress is not None:
                progress(min(done, total), total)
    if n or not chunks:
        flush()
    frame = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    return frame, truncated


def _number(v):
    if v is None:
        return float("nan")
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, int | float):
        return float(v)
    try:
        return float(v)
    except (TypeError, ValueError):
        return float("nan")


def _text(v) -> str:
    if isinstance(v, datetime | date):
        return v.isoformat(sep=" ") if isinstance(v, datetime) else v.isoformat()
    return str(v)


def _label(en: str, ar: str, limit: int) -> str:
    return _cut(en if not ar or ar == en else f"{en} / {ar}", limit)


def variable_names(table: Table, coders: list[str]) -> dict[str, str]:
    """Column -> its SPSS variable name: the very names `--csv-names spss` gives the CSV
    files (ASCII, valid in SPSS and R), so scripts work on either."""
    cols = [c.name for c in table.columns]
    return dict(zip(cols, spss_names(cols, coder_slugs(coders)), strict=True))


def _write(path: Path, frame, table: Table, labels: Labels, truncated: int,
           project_name: str, coders: list[str]) -> dict:
    import pyreadstat

    names = variable_names(table, coders)
    frame = frame.rename(columns=names)
    var_labels = {names[c]: _label(en, ar, MAX_VAR_LABEL)
                  for c, (en, ar) in labels.variables.items()}
    value_labels = {names[c]: {k: _label(en, ar, MAX_VALUE_LABEL)
                               for k, (en, ar) in vals.items()}
                    for c, vals in labels.values.items()}
    measure, formats = {}, {}
    for c in table.columns:
        n = names[c.name]
        numeric = c.kind in NUMERIC_KINDS or c.name in labels.booleans \
            or c.name in labels.numeric
        if c.name in labels.ordinal:
            measure[n] = "ordinal"
        elif c.kind == "date" or (numeric and c.name not in labels.values
                                  and not c.name.endswith("_id")):
            measure[n] = "scale"
        else:
            measure[n] = "nominal"
        if numeric and (c.kind in ("int", "bool") or c.name in labels.booleans
                        or c.name in labels.values):
            formats[n] = "F12.0"
    tmp = temp_beside(path)
    try:
        pyreadstat.write_sav(frame, str(tmp), file_label=_cut(project_name, 64),
                             column_labels=var_labels, variable_value_labels=value_labels,
                             variable_measure=measure, variable_format=formats)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise explain_os_error(path, exc) from None
        if isinstance(exc, Exception):
            raise ExportError(path, f"the SPSS writer refused the data ({exc}); nothing "
                                    "was written") from None
        raise
    return {"table": table.name, "rows": len(frame), "variables": len(table.columns),
            "truncated": truncated, "names": names}
