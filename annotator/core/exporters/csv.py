"""The same tables as the workbook, one UTF-8 CSV file per sheet (with a BOM, so Excel reads
Arabic), for R, SPSS, Stata and pandas.

Values are exact: dates as "YYYY-MM-DD HH:MM:SS" (UTC), booleans TRUE/FALSE, empty cells
empty. A text starting with = + - @ is kept as it is, because the files are data for
analysis; Excel may read such a cell of a CSV as a formula, so open the .xlsx in Excel, or
pass `excel_safe=True` (`--csv-excel-safe`) to prefix such texts with an apostrophe.

No cell holds a raw line break: each one (in quotes, contexts, titles) is written as
" ⏎ " (U+23CE), so every record is one line for readers that split on lines (SPSS's
wizard, grep, naive R code); the workbook keeps the breaks. `names="spss"` writes ASCII
variable names valid in SPSS and R (see names.py) and a variables.csv mapping each name
to its label.

All files are written to temporary files first and moved into place together at the end.
"""

from __future__ import annotations

import csv as _csv
from datetime import date, datetime
from pathlib import Path

from .files import check_folder, explain_os_error, opened, publish, temp_beside
from .names import coder_slugs, spss_names
from .plan import Plan, counts_of, make_plan
from .sheet_about import about_table
from .sheet_agreement import build_agreement_report
from .sheets import data_tables
from .table import Column, ExportError, Joined, Progress, Table

_RISKY = ("=", "+", "-", "@", "\t", "\r")
BREAK = " \u23ce "  # ⏎ in place of a line break inside a cell
NAMES = ("labels", "spss")


def _flat(v: str) -> str:
    if "\n" in v or "\r" in v:
        return v.replace("\r\n", BREAK).replace("\n", BREAK).replace("\r", BREAK)
    return v


def _cell(v, excel_safe: bool) -> str:
    if v is None:
        return ""
    t = type(v)
    if t is str:
        v = _flat(v)
        if excel_safe and v.startswith(_RISKY):
            return "'" + v
        return v
    if t is bool:
        return "TRUE" if v else "FALSE"
    if t is Joined:
        v = _flat(v.plain())
        return "'" + v if excel_safe and v.startswith(_RISKY) else v
    if t is datetime:
        return v.isoformat(sep=" ")
    if t is date:
        return v.isoformat()
    return str(v)


def export_csv(project, folder, coders: list[str] | None = None, gold: bool = False,
               doc_ids=None, progress: Progress | None = None,
               excel_safe: bool = False, names: str = "labels") -> dict:
    """Write <folder>/<Sheet>.csv for each sheet of the workbook (About.csv, Documents.csv,
    ...). The folder is created if its parent exists. Same arguments and return value as
    `export_xlsx`, plus `excel_safe` and `names` ("labels": the workbook's column names;
    "spss": names valid in SPSS and R, with variables.csv)."""
    if names not in NAMES:
        raise ExportError(folder, f"names must be one of {', '.join(NAMES)}")
    folder = Path(folder)
    if not folder.exists():
        check_folder(folder.parent if str(folder.parent) else Path("."), folder)
        try:
            folder.mkdir()
        except OSError as exc:
            raise explain_os_error(folder, exc) from None
    elif not folder.is_dir():
        raise ExportError(folder, "is a file; --csv takes a folder")
    check_folder(folder, folder)
    with opened(project) as p:
        plan = make_plan(p, coders=coders, gold=gold, doc_ids=doc_ids)
        counts = _write(plan, folder, progress, excel_safe, names)
        # the value and variable labels (English, Arabic) for R users: labels.csv
        from ..exchange.labels import write_labels_csv

        counts["files"].append(str(write_labels_csv(plan, folder, names)))
        return counts


def _write_table(table: Table, path: Path, excel_safe: bool, tick,
                 header: list[str] | None = None) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = _csv.writer(fh)
        w.writerow(header or [c.name for c in table.columns])
        batch = []
        for row in table.rows:
            batch.append([_cell(v, excel_safe) for v in row])
            if len(batch) == 2000:
                w.writerows(batch)
                n += len(batch)
                tick(len(batch))
                batch = []
        w.writerows(batch)
        n += len(batch)
        tick(len(batch))
    return n


def _write(plan: Plan, folder: Path, progress: Progress | None, excel_safe: bool,
           names: str = "labels") -> dict:
    temps: list[tuple[Path, Path]] = []
    coders = coder_slugs(plan.coder_names)
    variables: list[tuple] = []

    def header(t: Table) -> list[str] | None:
        if names != "spss":
            return None
        labels = [c.name for c in t.columns]
        out = spss_names(labels, coders)
        variables.extend((f"{t.name}.csv", n, lab) for n, lab in zip(out, labels, strict=True))
        return out

    state = {"done": 0}
    try:
        report = build_agreement_report(plan) if plan.with_agreement else None
        tables = data_tables(plan, report)
        total = max(sum(t.total for t in tables), 1)

        def tick(n: int) -> None:
            state["done"] += n
            if progress is not None:
                progress(min(state["done"], total), total)

        if progress is not None:
            progress(0, total)
        counts = counts_of(plan)
        sheet_names = ["About"]
        for t in tables:
            target = folder / f"{t.name}.csv"
            tmp = temp_beside(target)
            temps.append((tmp, target))
            n = _write_table(t, tmp, excel_safe, tick, header(t))
            sheet_names.append(t.name)
            if t.name in ("Documents", "Annotations", "Claims"):
                counts[t.name.lower()] = n
        counts["agreement_documents"] = report.get("documents") if report else None
        counts["truncated"] = 0
        target = folder / "About.csv"
        tmp = temp_beside(target)
        temps.insert(0, (tmp, target))
        about = about_table(plan, counts, sheet_names)
        _write_table(about, tmp, excel_safe, lambda n: None, header(about))
        if names == "spss":
            target = folder / "variables.csv"
            tmp = temp_beside(target)
            temps.append((tmp, target))
            cols = [Column("file", 16), Column("variable", 24), Column("label", 30)]
            _write_table(Table("variables", cols, iter(variables)), tmp, False, lambda n: None)
        for tmp, target in temps:
            publish(tmp, target, plan.project.path)
    except BaseException as exc:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise explain_os_error(folder, exc) from None
        raise
    counts["files"] = [str(t) for _, t in temps]
    return counts
