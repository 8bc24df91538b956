"""Exports for analysis: the Excel workbook and the same tables as CSV files.

    from annotator.core.exporters import export_xlsx, export_csv
    export_xlsx(project, "out.xlsx", coders=["Mona", "Ali"], progress=lambda d, t: ...)
"""

from ..doc_ids import parse_doc_ids
from .csv import export_csv
from .table import SHEETS, ExportError
from .xlsx import export_xlsx

__all__ = ["SHEETS", "ExportError", "export_csv", "export_xlsx", "parse_doc_ids"]
