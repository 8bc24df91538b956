"""The Excel workbook: About, Documents, Annotations, Claims, Matrix, [Agreement], Codebook.

Written with xlsxwriter in constant_memory mode: each row goes to disk as it is written,
so memory stays flat, and it is the faster of the two Python writers (see DESIGN.md,
"Writing .xlsx fast"). Every value is written with the method of its Python type, so a
text such as "=SUM(A1)", "-5" or "@x" is always a string cell, never a formula or number.

The workbook is written to a temporary file beside the target and moved into place at
the end: a failure (disk full, a cancelled progress callback) leaves no half-written file.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

from .files import (
    check_output_file,
    explain_os_error,
    opened,
    publish,
    temp_beside,
    work_dir_beside,
)
from .plan import Plan, counts_of, make_plan
from .sheet_about import about_table
from .sheet_agreement import build_agreement_report
from .sheets import data_tables
from .table import XLSX_MAX_COLS, XLSX_MAX_ROWS, Column, Joined, Progress, Table

FONT = "Arial"  # has Arabic glyphs in Excel on Windows and macOS; LibreOffice falls back
FONT_SIZE = 10
DATE_FORMAT = "yyyy-mm-dd hh:mm"
PROGRESS_EVERY = 2000
LINE_PT = 12.75  # one line of Arial 10
MAX_ROW_PT = 409  # Excel's tallest row


def _lines(v: str, per_line: int) -> int:
    """Lines a wrapped cell needs at `per_line` characters a line (an estimate that errs
    on the tall side: a row a little too high reads well, a clipped one does not)."""
    if len(v) <= per_line and "\n" not in v:
        return 1
    return sum(len(p) // per_line + 1 for p in v.split("\n"))


def _height(row, longs) -> float | None:
    """The row height that shows every wrapped cell whole (None: one line is enough).
    Excel and LibreOffice do not grow rows for wrapped text written by a streaming writer,
    so without it long quotes print over the next rows."""
    n = 1
    for i, per_line in longs:
        v = row[i]
        if type(v) is str and len(v) > per_line or type(v) is str and "\n" in v:
            n = max(n, _lines(v, per_line))
    return min(MAX_ROW_PT, n * LINE_PT + 2) if n > 1 else None


class _Writer:
    def __init__(self, wb: xlsxwriter.Workbook, progress: Progress | None, total: int):
        self.wb = wb
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0
        self.truncated = 0
        self.sheets: list[str] = []
        self.split: list[str] = []  # what went on extra sheets, for the About sheet
        self.header = wb.add_format({"bold": True, "bg_color": "#e8e8e8", "bottom": 1,
                                     "valign": "top"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self.date = wb.add_format({"num_format": DATE_FORMAT, "valign": "top"})

    def tick(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def sheet(self, name: str, table: Table, ws=None):
        ws = ws or self.wb.add_worksheet(name)
        self.sheets.append(name)
        if table.rtl:
            ws.right_to_left()
        for i, col in enumerate(table.columns):
            ws.set_column(i, i, _width(col), self.wrap if col.kind == "long" else None)
            ws.write_string(0, i, col.name, self.header)
        ws.freeze_panes(1, 0)
        # printing: landscape A4, all columns on the page's width, the header row on
        # every page, the sheet's name and page numbers in the footer
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        ws.set_footer("&L&A&R&P / &N")
        return ws

    @staticmethod
    def longs(cols: list[Column]) -> list[tuple[int, int]]:
        """(index, characters per line) of the wrapped columns."""
        return [(i, max(4, int(_width(c)))) for i, c in enumerate(cols) if c.kind == "long"]

    def table(self, table: Table, ws=None) -> int:
        """Write the table's rows; returns how many. A table longer than a sheet goes on in
        '<name> (2)', '<name> (3)', ... with the same header; one wider than a sheet in
        '<name> (part 2)', ... (see `wide_table`)."""
        if len(table.columns) > XLSX_MAX_COLS:
            return self.wide_table(table)
        cols = table.columns
        # plain cells take the workbook's default format (Arial, top-aligned): a format
        # per cell costs ~15% of the writing time
        fmts = [self.wrap if c.kind == "long" else self.date if c.kind == "date" else None
                for c in cols]
        ncols = len(cols)
        longs = self.longs(cols)
        part = 1
        ws = self.sheet(table.name, table, ws)
        write_string, write_number = ws.write_string, ws.write_number
        write_boolean, write_datetime = ws.write_boolean, ws.write_datetime
        date_fmt = self.date
        r = 1
        count = 0
        pending = 0
        truncated = 0
        for row in table.rows:
            if r == XLSX_MAX_ROWS:
                ws.autofilter(0, 0, r - 1, ncols - 1)
                part += 1
                ws = self.sheet(f"{table.name} ({part})", table)
                write_string, write_number = ws.write_string, ws.write_number
                write_boolean, write_datetime = ws.write_boolean, ws.write_datetime
                r = 1
            if longs:
                h = _height(row, longs)
                if h is not None:
                    ws.set_row(r, h)
            c = 0
            for v in row:
                if v is not None:
                    t = type(v)
                    if t is str:
                        if v and write_string(r, c, v, fmts[c]) == -2:
                            truncated += 1
                    elif t is int or t is float:
                        write_number(r, c, v, fmts[c])
                    elif t is datetime or t is date:
                        write_datetime(r, c, v, date_fmt)
                    elif t is bool:
                        write_boolean(r, c, v, fmts[c])
                    elif t is Joined:
                        if write_string(r, c, v.isolated(), fmts[c]) == -2:
                            truncated += 1
                    elif isinstance(v, int | float) and not isinstance(v, bool):
                        write_number(r, c, v, fmts[c])
                    else:
                        if write_string(r, c, str(v), fmts[c]) == -2:
                            truncated += 1
                c += 1
            r += 1
            count += 1
            pending += 1
            if pending == PROGRESS_EVERY:
                self.tick(pending)
                pending = 0
        self.tick(pending)
        ws.autofilter(0, 0, max(r - 1, 1), ncols - 1)
        self.truncated += truncated
        return count

    def wide_table(self, table: Table) -> int:
        """A table wider than Excel's 16,384 columns (thousands of categories x coders):
        split by columns into '<name>', '<name> (part 2)', ..., each starting with the
        table's key columns, so every value is kept and each part joins back on them."""
        cols, k = table.columns, table.key_columns
        step = XLSX_MAX_COLS - k
        parts = [list(range(k)) + list(range(i, min(i + step, len(cols))))
                 for i in range(k, len(cols), step)]
        names = [table.name] + [f"{table.name} (part {j})" for j in range(2, len(parts) + 1)]

        def open_sheets(suffix: str = ""):
            return [self.sheet(n + suffix, Table(n, [cols[i] for i in idx], (), table.rtl))
                    for n, idx in zip(names, parts, strict=True)]

        sheets = open_sheets()
        self.split.append(f"{table.name} has {len(cols):,} columns, more than Excel's "
                          f"{XLSX_MAX_COLS:,} per sheet: it continues in "
                          + ", ".join(f"'{n}'" for n in names[1:])
                          + f", each starting with {', '.join(c.name for c in cols[:k])}")
        fmts = [self.wrap if c.kind == "long" else self.date if c.kind == "date" else None
                for c in cols]
        longs = self.longs(cols)
        r = rowpart = 1
        count = 0
        for row in table.rows:
            if r == XLSX_MAX_ROWS:
                for ws, idx in zip(sheets, parts, strict=True):
                    ws.autofilter(0, 0, r - 1, len(idx) - 1)
                rowpart += 1
                sheets = open_sheets(f" ({rowpart})")
                r = 1
            h = _height(row, longs)
            for ws, idx in zip(sheets, parts, strict=True):
                if h is not None:
                    ws.set_row(r, h)
                for c, i in enumerate(idx):
                    self.cell(ws, r, c, row[i], fmts[i])
            r += 1
            count += 1
            if count % PROGRESS_EVERY == 0:
                self.tick(PROGRESS_EVERY)
        self.tick(count % PROGRESS_EVERY)
        for ws, idx in zip(sheets, parts, strict=True):
            ws.autofilter(0, 0, max(r - 1, 1), len(idx) - 1)
        return count

    def cell(self, ws, r: int, c: int, v, fmt) -> None:
        if v is None:
            return
        t = type(v)
        if t is datetime or t is date:
            ws.write_datetime(r, c, v, self.date)
        elif t is bool:
            ws.write_boolean(r, c, v, fmt)
        elif t is Joined:
            if ws.write_string(r, c, v.isolated(), fmt) == -2:
                self.truncated += 1
        elif isinstance(v, int | float):
            ws.write_number(r, c, v, fmt)
        elif v != "" and ws.write_string(r, c, str(v), fmt) == -2:
            self.truncated += 1


def _width(col: Column) -> float:
    return max(col.width, min(len(col.name) + 2, 40))


def export_xlsx(project, path, coders: list[str] | None = None, gold: bool = False,
                doc_ids=None, progress: Progress | None = None) -> dict:
    """Write the workbook to `path` (.xlsx). `project`: an open Project or a project path.
    `coders`: names to include (default: all); `gold`: only the adjudicated (gold) coder;
    `doc_ids`: documents to include (default: all). `progress(done, total)` is called as
    rows are written (total = the rows expected); raising from it cancels the export and
    leaves nothing behind. Returns the counts written (documents, annotations, claims,
    coders, sheets, agreement_documents, truncated)."""
    path = Path(path)
    check_output_file(path, ".xlsx")
    with opened(project) as p:
        plan = make_plan(p, coders=coders, gold=gold, doc_ids=doc_ids)
        return _write(plan, path, progress)


def _write(plan: Plan, path: Path, progress: Progress | None) -> dict:
    tmp = temp_beside(path)
    # xlsxwriter's own temporary files (one per sheet, then the parts of the zip) go in a
    # private folder beside the target, removed whatever happens
    work = work_dir_beside(path)
    wb = None
    try:
        report = build_agreement_report(plan) if plan.with_agreement else None
        wb = xlsxwriter.Workbook(str(tmp), {
            "constant_memory": True,
            "tmpdir": str(work),
            "default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE,
                                          "valign": "top"},
            "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False,
            "nan_inf_to_errors": True, "remove_timezone": True,
        })
        tables = data_tables(plan, report)
        total = sum(t.total for t in tables)
        w = _Writer(wb, progress, total)
        if progress is not None:
            progress(0, w.total)
        about_ws = wb.add_worksheet("About")
        counts = counts_of(plan)
        for t in tables:
            n = w.table(t)
            if t.name in ("Documents", "Annotations", "Claims"):
                counts[t.name.lower()] = n
        counts["agreement_documents"] = report.get("documents") if report else None
        counts["truncated"] = w.truncated
        counts["split"] = w.split
        sheets = ["About"] + w.sheets
        about = about_table(plan, counts, sheets)
        w.sheets = []
        w.table(about, about_ws)
        about_ws.activate()
        wb.close()
        publish(tmp, path, plan.project.path)
    except BaseException as exc:
        _abandon(wb)
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) or isinstance(exc, xlsxwriter.exceptions.XlsxWriterException):
            raise explain_os_error(path, exc) from None
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if progress is not None:
        progress(w.total, w.total)
    counts["sheets"] = sheets
    return counts


def _abandon(wb) -> None:
    """Drop an unfinished workbook without the library writing anything more."""
    if wb is None:
        return
    for ws in wb.worksheets():
        fh = getattr(ws, "row_data_fh", None)
        if fh is not None:
            try:
                fh.close()
            except OSError:
                pass
    wb.fileclosed = True


__all__ = ["Column", "export_xlsx"]
