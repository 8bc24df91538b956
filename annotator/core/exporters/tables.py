"""The export's former single module, kept as a re-export for code outside the package
(bench/bench_export.py). Inside the package, import from the modules that define these:
table, plan, context, sheet_*, sheets, files."""

from .context import CONTEXT, context_after, context_before
from .files import check_folder, check_output_file, explain_os_error, opened, temp_beside
from .plan import (
    ATTRIBUTED_TO,
    CLAIM,
    DOC_BATCH,
    JOIN,
    RATES,
    RELIABILITY,
    SOURCE,
    AttrMeta,
    CategoryMeta,
    Plan,
    counts_of,
    make_plan,
    parse_doc_ids,
)
from .sheet_about import ABOUT_NOTES, SHEET_NOTES, about_table
from .sheet_agreement import (
    AGREEMENT_COLUMNS,
    agreement_coders,
    agreement_rows,
    agreement_table,
    build_agreement_report,
)
from .sheet_annotations import annotations_table
from .sheet_claims import claims_table
from .sheet_codebook import codebook_table
from .sheet_documents import documents_table
from .sheet_matrix import matrix_table
from .sheets import data_tables
from .table import SHEETS, XLSX_MAX_ROWS, Column, ExportError, Progress, Table

__all__ = [
    "ABOUT_NOTES", "AGREEMENT_COLUMNS", "ATTRIBUTED_TO", "CLAIM", "CONTEXT", "DOC_BATCH", "JOIN",
    "RATES", "RELIABILITY", "SHEETS", "SHEET_NOTES", "SOURCE", "XLSX_MAX_ROWS", "AttrMeta",
    "CategoryMeta", "Column", "ExportError", "Plan", "Progress", "Table", "about_table",
    "agreement_coders", "agreement_rows", "agreement_table", "annotations_table",
    "build_agreement_report", "check_folder", "check_output_file", "claims_table",
    "codebook_table", "context_after", "context_before", "counts_of", "data_tables",
    "documents_table", "explain_os_error", "make_plan", "matrix_table", "opened",
    "parse_doc_ids", "temp_beside",
]
