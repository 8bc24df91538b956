"""The About sheet: the project, the export, what each sheet holds, and the design
decisions a reader of the data needs (`ABOUT_NOTES`)."""

from __future__ import annotations

from ... import __version__
from .plan import Plan
from .table import Column, Table

SHEET_NOTES = {
    "Documents": "One row per document: id, metadata, published (a date-time), length in "
                 "characters, where it came from (source_file: the imported file's name; "
                 "source_row: its row in an imported spreadsheet; source_id: the article's "
                 "own id there or in a doccano file, from the column named in "
                 "source_id_column, to join back to the sampling frame), and each included "
                 "coder's status (todo, in_progress, done; empty = not assigned).",
    "Annotations": "One row per annotation of the included coders, by document, coder and "
                   "position. annotation_id is the annotation's UUID (stable across coders' "
                   "packages and merges). One column per attribute, named "
                   "<category>.<attribute>; only the annotation's own category's columns "
                   "are filled.",
    "Claims": "One row per claim, with its sources (linked by 'attributed_to', in text order, "
              "joined by ' | ': the source's name attribute, or its words in the article "
              "when unnamed; source_types are type codes) and reliability (the level of the "
              "reliability spans linked to the claim by 'rates'; when none is linked, the "
              "same coder's reliability spans that overlap the claim and rate no other "
              "claim; several: the lowest; reliability_basis says which).",
    "Links": "One row per relation between two annotations (a claim attributed_to a source, "
             "a reliability span that rates a claim): the coder, the relation, both ends' "
             "ids (annotation_id on the Annotations sheet), texts and attributes (columns "
             "from.<category>.<attribute> and to.<category>.<attribute>).",
    "Matrix": "Documents x categories: the number of annotations of each category per coder "
              "(columns '<category> [<coder>]'). 0 = the coder marked the article done and "
              "found none; empty = the coder was not given the article, or has not marked "
              "it done and has none of that category yet (a number on an unfinished "
              "article counts the work so far; Documents has each coder's status).",
    "Agreement": "The agreement report (only when two or more coders are included), over the "
                 "documents two or more included coders marked done; the whole corpus first "
                 "(document empty), then per document. pair: 'A|B', or a coder for span "
                 "counts; n: the units, continuum length or spans behind the figure; note: "
                 "why a figure is missing.",
    "Notes": "Each coder's note on a whole article: one row per article and coder that has "
             "one. Notes on single annotations are in the Annotations sheet (note; flag = "
             "marked 'discuss' by the coder).",
    "Codebook": "Categories, attributes, their values (codes and labels), colours, hotkeys "
                "and relations. The 'column' field names the Annotations column a value "
                "appears in.",
}

ABOUT_NOTES = [
    ("choice values", "Choice attributes hold the value's key, a stable code for SPSS and "
                      "R; labels in Arabic and English are in the Codebook sheet. Keys that "
                      "are whole numbers (e.g. reliability 1-5) are numbers."),
    ("offsets", "start and end are character positions (Unicode code points, as Python "
                "counts them) in the stored text, half-open [start, end). Document-level "
                "codes have no offsets or text."),
    ("context", "context_before and context_after hold up to 60 characters each side of the "
                "quote, cut at a word boundary where possible; context_before + text + "
                "context_after is an exact passage of the document."),
    ("joined cells", "Cells holding several names (Claims: sources, source_types, "
                     "source_ids) join them with ' | ' in the order of source_ids. In the "
                     "workbook each name is wrapped in the invisible marks U+2068 and U+2069 "
                     "so that Arabic and Latin names keep that order in a right-to-left "
                     "sheet; the CSV files hold the names without these marks."),
    ("CSV files", "The CSV files hold the same tables, one file per sheet, UTF-8 with a BOM "
                  "(R: read.csv(\"Annotations.csv\", fileEncoding = \"UTF-8-BOM\")). No "
                  "cell holds a line break: each line break inside a text (quotes, "
                  "contexts, titles) is written as ' \u23ce ', so every record is one line; "
                  "in the CSV files context_before + text + context_after is therefore the "
                  "passage with its line breaks shown as \u23ce. With --csv-names spss the "
                  "column names are ASCII names valid in SPSS and R (claim_ali, "
                  "status_ali, claim_claim_type, ...) and variables.csv gives each one's "
                  "label (the column name used here)."),
    ("times", "created, updated and the export time are UTC."),
    ("text cells", "Every text cell is stored as text: a value starting with = + - @ is "
                   "never a formula."),
]


def about_table(plan: Plan, counts: dict, sheets: list[str]) -> Table:
    info = plan.project.info()
    rows: list[tuple] = [
        ("project", info["name"]),
        ("project file", str(plan.project.path)),
        ("project uuid", info["uuid"]),
        ("exported (UTC)", plan.exported_at),
        ("application", f"Annotator {__version__}"),
        ("codebook", info["codebook"] or None),
        ("codebook version", info["codebook_version"]),
        ("codebook versions coded with", ", ".join(
            map(str, plan.project.versions_used(plan.coder_names, plan.doc_ids))) or None),
        ("coders included", ", ".join(plan.coder_names) or "(none)"),
        ("documents", counts.get("documents", 0)),
        ("annotations", counts.get("annotations", 0)),
        ("claims", counts.get("claims", 0)),
    ]
    if counts.get("agreement_documents") is not None:
        rows.append(("agreement documents", counts["agreement_documents"]))
    if plan.doc_ids is not None:
        picked = _ranges(plan.doc_ids)
        if plan.docs_given > len(plan.doc_ids):
            picked += (f" ({len(plan.doc_ids)} of the {plan.docs_given} documents given exist; "
                       "the others were left out)")
        rows.append(("documents selected", picked))
    if counts.get("truncated"):
        rows.append(("truncated cells", f"{counts['truncated']} text cells were longer than "
                                        "Excel's 32,767 characters and are cut there (the "
                                        "CSV export has them whole)"))
    for line in counts.get("split") or ():
        rows.append(("sheet split", line))
    for name in sheets:
        if name in SHEET_NOTES:
            rows.append((f"sheet {name}", SHEET_NOTES[name]))
    if plan.agreement_error:
        rows.append(("agreement", plan.agreement_error))
    rows += ABOUT_NOTES
    cols = [Column("field", 30), Column("value", 100, "long", True)]
    return Table("About", cols, iter(rows), False, 0)


def _ranges(ids: list[int]) -> str:
    out, i = [], 0
    while i < len(ids):
        j = i
        while j + 1 < len(ids) and ids[j + 1] == ids[j] + 1:
            j += 1
        out.append(str(ids[i]) if i == j else f"{ids[i]}-{ids[j]}")
        i = j + 1
    return ",".join(out)
