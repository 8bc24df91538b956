"""The same tables as the workbook, one UTF-8 CSV file per sheet (with a BOM, so Excel reads
Arabic), for R, SPSS, Stata and pandas.

Values are exact: dates as "YYYY-MM-DD HH:MM:SS" (UTC), booleans TRUE/FALSE, empty cells
empty. A text starting with = + - @ is kept as it is, because the files are data for
analysis; Excel may read such a cell of a CSV as a formula, so open the .xlsx in Excel, or
pass `excel_safe=True` (`--csv-excel-safe`) to prefix such texts with an apostrophe.

All files are written to temporary files first and moved into place together at the end.
"""

from __future__ import annotations

import csv as _csv
from datetime import date, datetime
from pathlib import Path

from .files import check_folder, explain_os_error, opened, publish, temp_beside
from .plan import Plan, counts_of, make_plan
from .sheet_about import about_table
from .sheet_agreement import build_agreement_report
from .sheets import data_tables
from .table import ExportError, Joined, Progress, Table

_RISKY = ("=", "+", "-", "@", "\t", "\r")


def _cell(v, excel_safe: bool) -> str:
    if v is None:
        return ""
    t = type(v)
    if t is str:
        if excel_safe and v.startswith(_RISKY):
            return "'" + v
        return v
    if t is bool:
        return "TRUE" if v else "FALSE"
    if t is Joined:
        v = v.plain()
        return "'" + v if excel_safe and v.startswith(_RISKY) else v
    if t is datetime:
        return v.isoformat(sep=" ")
    if t is date:
        return v.isoformat()
    return str(v)


def export_csv(project, folder, coders: list[str] | None = None, gold: bool = False,
               doc_ids=None, progress: Progress | None = None,
               excel_safe: bool = False) -> dict:
    """Write <folder>/<Sheet>.csv for each sheet of the workbook (About.csv, Documents.csv,
    ...). The folder is created if its parent exists. Same arguments and return value as
    `export_xlsx`, plus `excel_safe`."""
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
        return _write(plan, folder, progress, excel_safe)


def _write_table(table: Table, path: Path, excel_safe: bool, tick) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = _csv.writer(fh)
        w.writerow([c.name for c in table.columns])
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


def _write(plan: Plan, folder: Path, progress: Progress | None, excel_safe: bool) -> dict:
    temps: list[tuple[Path, Path]] = []
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
        names = ["About"]
        for t in tables:
            target = folder / f"{t.name}.csv"
            tmp = temp_beside(target)
            temps.append((tmp, target))
            n = _write_table(t, tmp, excel_safe, tick)
            names.append(t.name)
            if t.name in ("Documents", "Annotations", "Claims"):
                counts[t.name.lower()] = n
        counts["agreement_documents"] = report.get("documents") if report else None
        counts["truncated"] = 0
        target = folder / "About.csv"
        tmp = temp_beside(target)
        temps.insert(0, (tmp, target))
        _write_table(about_table(plan, counts, names), tmp, excel_safe, lambda n: None)
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
