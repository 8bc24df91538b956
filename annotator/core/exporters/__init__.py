"""Exports for analysis: the Excel workbook and the same tables as CSV files.

    from annotator.core.exporters import export_xlsx, export_csv
    export_xlsx(project, "out.xlsx", coders=["Mona", "Ali"], progress=lambda d, t: ...)
"""

from .csv import export_csv
from .plan import parse_doc_ids
from .table import SHEETS, ExportError
from .xlsx import export_xlsx

__all__ = ["SHEETS", "ExportError", "export_csv", "export_xlsx", "parse_doc_ids"]
