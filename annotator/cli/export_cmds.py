"""`annotator export`: the Excel workbook (and CSV files) for analysis."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError
from .doc_ids import existing_docs, given_docs
from .progress import ProgressBar


def register(sub) -> None:
    p = sub.add_parser(
        "export", help="write the coded data to Excel (and CSV)",
        description="Write an Excel workbook with the sheets About, Documents, Annotations, "
                    "Claims, Matrix, Agreement (when two or more coders are included) and "
                    "Codebook. --csv writes the same tables as UTF-8 CSV files, and "
                    "labels.csv (English and Arabic labels for R). OUT.qdpx writes a "
                    "REFI-QDA project, OUT.sav an SPSS file.")
    p.add_argument("project", type=Path)
    p.add_argument("out", type=Path, nargs="?", metavar="OUT.xlsx",
                   help="the workbook to write (may be left out when --csv is given); "
                        "OUT.qdpx writes a REFI-QDA project for other QDA tools, OUT.sav "
                        "an SPSS file of one table (--table)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--coders", metavar="A,B", help="only these coders (default: all)")
    g.add_argument("--gold", action="store_true", help="only the adjudicated (gold) version")
    p.add_argument("--docs", metavar="IDS", help="only these documents, e.g. 1,4,10-20")
    p.add_argument("--csv", type=Path, metavar="DIR",
                   help="also write one UTF-8 CSV per sheet (with a BOM) into DIR")
    p.add_argument("--csv-names", choices=("labels", "spss"), default="labels",
                   help="column names of the CSV files: the workbook's labels (default), or "
                        "spss: ASCII names valid in SPSS and R (claim_ali, status_ali, ...) "
                        "with variables.csv mapping each to its label")
    p.add_argument("--csv-excel-safe", action="store_true",
                   help="in the CSV files, prefix texts starting with = + - @ with an "
                        "apostrophe so Excel cannot read them as formulas")
    p.add_argument("--table", choices=("annotations", "documents", "claims", "matrix",
                                       "links"),
                   help="for OUT.sav: which table (default: annotations)")
    p.set_defaults(handler=cmd_export)


def cmd_export(args) -> int:
    from ..core.exporters import export_csv, export_xlsx
    from ..core.exporters.files import check_csv_folder, check_output_file
    from ..core.project import Project

    if args.out is None and args.csv is None:
        raise InputError(None, "give OUT.xlsx, --csv DIR, or both")
    coders = [c.strip() for c in args.coders.split(",") if c.strip()] if args.coders else None
    if args.coders is not None and not coders:
        raise InputError(None, "--coders: give one or more names, e.g. --coders Mona,Ali")
    docs = given_docs(args.docs)
    from .exchange_cmds import export as exchange_export
    from .exchange_cmds import is_exchange_export

    if args.table is not None and not (args.out and args.out.suffix.lower() == ".sav"):
        raise InputError(args.out, "--table is for an OUT.sav file")
    # every output is checked before any is written: no x.xlsx left behind by a bad --csv
    if args.out is not None:
        check_output_file(args.out, args.out.suffix.lower() if is_exchange_export(args.out)
                          else ".xlsx")
    if args.csv is not None:
        check_csv_folder(args.csv)
    with Project.open(args.project, readonly=True) as p:
        if docs is not None:
            # the ids given go on: the About sheet records how many were asked for
            existing_docs(p, docs)
        if is_exchange_export(args.out):
            bar = ProgressBar(f"writing {args.out.name}")
            try:
                line = exchange_export(p, args.out, coders, args.gold, docs, args.table, bar)
            finally:
                bar.close()
            print(line)
        elif args.out is not None:
            bar = ProgressBar(f"writing {args.out.name}")
            try:
                counts = export_xlsx(p, args.out, coders=coders, gold=args.gold,
                                     doc_ids=docs, progress=bar)
            finally:
                bar.close()
            print(f"wrote {args.out}: {_summary(counts)}")
        if args.csv is not None:
            bar = ProgressBar(f"writing CSV files in {args.csv}")
            try:
                counts = export_csv(p, args.csv, coders=coders, gold=args.gold, doc_ids=docs,
                                    progress=bar, excel_safe=args.csv_excel_safe,
                                    names=args.csv_names)
            finally:
                bar.close()
            print(f"wrote {len(counts['files'])} CSV files in {args.csv}: {_summary(counts)}")
    return 0


def _summary(c: dict) -> str:
    s = (f"{c['documents']} documents, {c['annotations']} annotations, {c['claims']} claims, "
         f"coders: {', '.join(c['coders']) or 'none'}")
    if c.get("agreement_documents") is not None:
        s += f"; agreement over {c['agreement_documents']} documents"
    if c.get("truncated"):
        s += f"; {c['truncated']} cells cut at Excel's 32,767 characters"
    return s
