"""Excel export speed and memory on large projects. Run by hand (takes minutes):

    python bench/bench_export.py                  # 250k, 500k and 1M annotations
    python bench/bench_export.py --n 100000       # one size
    python bench/bench_export.py --openpyxl       # also openpyxl write-only as a baseline

For each size it builds a project (documents of ~4,000 characters, 100 annotations each:
2 coders x 50 spans of claims, sources, reliability and attribution phrases plus an
article code, with attributed_to and rates links), bulk-inserted with sqlite3 into a file
made by Project.create. Then, each step in its own process so its peak memory
(ru_maxrss) is its own:

1. export: `export_xlsx` (all sheets), time and peak memory;
2. dump: the exact cell values of every sheet, pickled to a file (not timed);
3. raw: xlsxwriter (constant_memory, the same engine) writing those cells, with a date
   format and nothing else around it; the time to merely unpickle them is measured
   separately and subtracted, so "raw" is the library's own writing time;
4. (--openpyxl) the same with openpyxl's write-only mode.

Prints the export time, the ratio export / raw (goal < 1.5), and the peak memory per
size, which should stay flat as the project grows. No documents are marked done, so the
Agreement sheet has only its overall rows (agreement's own speed is benched elsewhere).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = ("قالت صحيفة الجارديان البريطانية إن عددا من مقاتلي التنظيم يحاولون دخول الأراضي "
         "التركية وأكدت وثائق حصلت عليها القوات العراقية خلال عملياتها في الموصل أن "
         "John Smith 2017 المركز الإقليمي للدراسات الاستراتيجية مواقع عراقية 😀").split()
PER_DOC = 100  # annotations per document, 50 per coder
MIX = ["claim"] * 20 + ["source"] * 15 + ["reliability"] * 10 + ["attribution"] * 4


def article(rng: random.Random, n_chars: int = 4000) -> str:
    out, size = [], 0
    while size < n_chars:
        para = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 80))) + "."
        out.append(para)
        size += len(para) + 1
    return "\n".join(out)[:n_chars]


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- building the project -------------------------------------------------------------------

def build(path: Path, n: int) -> None:
    from annotator.core.project import Project

    Project.create(path, overwrite=True, name="bench").close()
    rng = random.Random(7)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    cats = dict(con.execute("SELECT key, id FROM categories"))
    rels = dict(con.execute("SELECT key, id FROM relation_types"))
    coders = []
    for name in ("Ali", "Mona"):
        cur = con.execute("INSERT INTO coders (uuid, name, role) VALUES (?, ?, 'coder')",
                          (str(uuid.uuid4()), name))
        coders.append(cur.lastrowid)
    n_docs = max(1, n // PER_DOC)
    texts = [article(rng) for _ in range(50)]
    now = "2024-03-01 10:00:00.000000"
    ann_id = rel_id = 0
    stypes = ["foreign_media", "arab_media", "official_document", "anonymous", "websites"]
    for d0 in range(0, n_docs, 500):
        docs, bodies, anns, links, assigns = [], [], [], [], []
        for d in range(d0 + 1, min(n_docs, d0 + 500) + 1):
            text = f"مقال رقم {d}\n" + texts[d % len(texts)]
            docs.append((d, str(uuid.uuid4()), f"=عنوان {d} " + text[12:60], "الجزيرة",
                         "محمد الشرقاوي", f"2017-04-{1 + d % 28:02d} 15:53:00.000000",
                         f"https://example.org/{d}", "ar", f"{d:064x}", len(text), None,
                         "{}", now))
            bodies.append((d, text))
            for cid in coders:
                assigns.append((d, cid, "in_progress", now))
                claims = []
                for k, cat in enumerate(MIX):
                    ann_id += 1
                    s = rng.randrange(0, len(text) - 80)
                    e = s + rng.randint(5, 70)
                    if cat == "claim":
                        attrs = {"claim_type": rng.choice(["factual", "statistical"]),
                                 "attribution": "paraphrase"}
                        claims.append(ann_id)
                    elif cat == "source":
                        attrs = {"name": rng.choice(["The Guardian", "", "Reuters"]) or None,
                                 "type": rng.choice(stypes), "named": k % 2 == 0}
                        attrs = {a: v for a, v in attrs.items() if v is not None}
                        rel_id += 1
                        links.append((rel_id, str(uuid.uuid4()), claims[k % len(claims)],
                                      ann_id, rels["attributed_to"], cid, now, now))
                    elif cat == "reliability":
                        attrs = {"level": str(rng.randint(1, 5))}
                        rel_id += 1
                        links.append((rel_id, str(uuid.uuid4()), ann_id,
                                      claims[k % len(claims)], rels["rates"], cid, now, now))
                    else:
                        attrs = {"stance": "neutral"}
                    anns.append((ann_id, str(uuid.uuid4()), d, cid, cats[cat], s, e, text[s:e],
                                 json.dumps(attrs, ensure_ascii=False), now, now))
                ann_id += 1
                anns.append((ann_id, str(uuid.uuid4()), d, cid, cats["article"], 0, 0, "",
                             '{"genre": "news_report"}', now, now))
        con.executemany("INSERT INTO documents (id, uuid, title, outlet, author, published, "
                        "url, language, sha256, length, source_file, meta, created) VALUES "
                        "(?,?,?,?,?,?,?,?,?,?,?,?,?)", docs)
        con.executemany("INSERT INTO document_texts (document_id, text) VALUES (?, ?)", bodies)
        con.executemany("INSERT INTO annotations (id, uuid, document_id, coder_id, category_id,"
                        " start, \"end\", quote, attrs, created, updated) VALUES "
                        "(?,?,?,?,?,?,?,?,?,?,?)", anns)
        con.executemany("INSERT INTO relations (id, uuid, from_id, to_id, type_id, coder_id, "
                        "created, updated) VALUES (?,?,?,?,?,?,?,?)", links)
        con.executemany("INSERT INTO assignments (document_id, coder_id, status, updated) "
                        "VALUES (?,?,?,?)", assigns)
    con.commit()
    con.close()


# --- the steps, each in its own process ---------------------------------------------------

def step_export(project: Path, out: Path) -> dict:
    from annotator.core.exporters import export_xlsx

    t = time.perf_counter()
    counts = export_xlsx(project, out)
    return {"seconds": time.perf_counter() - t, "maxrss_mb": maxrss_mb(),
            "annotations": counts["annotations"], "claims": counts["claims"],
            "documents": counts["documents"], "size_mb": out.stat().st_size / 2**20}


def step_dump(project: Path, dump: Path) -> dict:
    """Every sheet's header and cell values, pickled in batches of 5,000 rows."""
    from annotator.core.exporters.files import opened
    from annotator.core.exporters.plan import counts_of, make_plan
    from annotator.core.exporters.sheet_about import about_table
    from annotator.core.exporters.sheet_agreement import build_agreement_report
    from annotator.core.exporters.sheets import data_tables

    with opened(project) as p, open(dump, "wb") as fh:
        plan = make_plan(p)
        report = build_agreement_report(plan) if plan.with_agreement else None
        tables = data_tables(plan, report)
        tables.insert(0, about_table(plan, counts_of(plan), [t.name for t in tables]))
        for t in tables:
            pickle.dump(("sheet", t.name, [c.name for c in t.columns]), fh, protocol=5)
            batch = []
            for row in t.rows:
                batch.append(row)
                if len(batch) == 5000:
                    pickle.dump(("rows", batch), fh, protocol=5)
                    batch = []
            pickle.dump(("rows", batch), fh, protocol=5)
    return {"dump_mb": dump.stat().st_size / 2**20}


def _records(dump: Path):
    with open(dump, "rb") as fh:
        while True:
            try:
                yield pickle.load(fh)
            except EOFError:
                return


def step_load(dump: Path) -> dict:
    t = time.perf_counter()
    n = 0
    for rec in _records(dump):
        if rec[0] == "rows":
            for row in rec[1]:
                for _ in row:
                    n += 1
    return {"seconds": time.perf_counter() - t, "cells": n, "maxrss_mb": maxrss_mb()}


def step_raw_xlsxwriter(dump: Path, out: Path) -> dict:
    """The same cells with xlsxwriter and nothing around them (a date format only)."""
    from datetime import datetime

    import xlsxwriter

    t = time.perf_counter()
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True, "tmpdir": str(out.parent)})
    datefmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    ws = None
    r = 0
    for rec in _records(dump):
        if rec[0] == "sheet":
            ws = wb.add_worksheet(rec[1])
            for c, name in enumerate(rec[2]):
                ws.write_string(0, c, name)
            r = 1
            continue
        ws_s, ws_n, ws_b, ws_d = ws.write_string, ws.write_number, ws.write_boolean, \
            ws.write_datetime
        for row in rec[1]:
            for c, v in enumerate(row):
                if v is None:
                    continue
                t_ = type(v)
                if t_ is str:
                    ws_s(r, c, v)
                elif t_ is int or t_ is float:
                    ws_n(r, c, v)
                elif t_ is datetime:
                    ws_d(r, c, v, datefmt)
                elif t_ is bool:
                    ws_b(r, c, v)
            r += 1
    wb.close()
    return {"seconds": time.perf_counter() - t, "maxrss_mb": maxrss_mb()}


def step_raw_openpyxl(dump: Path, out: Path) -> dict:
    from openpyxl import Workbook

    t = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = None
    for rec in _records(dump):
        if rec[0] == "sheet":
            ws = wb.create_sheet(rec[1])
            ws.append(rec[2])
            continue
        for row in rec[1]:
            ws.append(row)  # strings starting with "=" would become formulas here
    wb.save(out)
    return {"seconds": time.perf_counter() - t, "maxrss_mb": maxrss_mb()}


STEPS = {"build": lambda a, b: build(Path(a), int(b)) or {},
         "export": lambda a, b: step_export(Path(a), Path(b)),
         "dump": lambda a, b: step_dump(Path(a), Path(b)),
         "load": lambda a, b: step_load(Path(a)),
         "raw": lambda a, b: step_raw_xlsxwriter(Path(a), Path(b)),
         "openpyxl": lambda a, b: step_raw_openpyxl(Path(a), Path(b))}


def run(step: str, a, b) -> dict:
    res = subprocess.run([sys.executable, __file__, "--_step", step, str(a), str(b)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"step {step} failed:\n{res.stderr}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def bench(n: int, tmp: Path, with_openpyxl: bool) -> dict:
    proj, out, dump = tmp / f"p{n}.annot", tmp / f"e{n}.xlsx", tmp / f"d{n}.pickle"
    t = time.perf_counter()
    run("build", proj, n)
    built = time.perf_counter() - t
    exp = run("export", proj, out)
    run("dump", proj, dump)
    load = run("load", dump, "-")
    raw = run("raw", dump, tmp / f"r{n}.xlsx")
    res = {"n": n, "build_s": built, "export": exp, "load_s": load["seconds"],
           "cells": load["cells"], "raw_total_s": raw["seconds"],
           "raw_s": raw["seconds"] - load["seconds"], "raw_maxrss_mb": raw["maxrss_mb"]}
    if with_openpyxl:
        op = run("openpyxl", dump, tmp / f"o{n}.xlsx")
        res["openpyxl_s"] = op["seconds"] - load["seconds"]
    for f in (proj, out, dump, tmp / f"r{n}.xlsx", tmp / f"o{n}.xlsx"):
        f.unlink(missing_ok=True)
    return res


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--_step":
        print(json.dumps(STEPS[sys.argv[2]](sys.argv[3], sys.argv[4])))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, action="append",
                    help="annotations (repeatable; default 250000, 500000, 1000000)")
    ap.add_argument("--openpyxl", action="store_true",
                    help="also time openpyxl write-only on the same cells")
    ap.add_argument("--tmp", type=Path, help="working folder (default: a temporary one)")
    args = ap.parse_args()
    sizes = args.n or [250_000, 500_000, 1_000_000]
    with tempfile.TemporaryDirectory(dir=args.tmp) as d:
        print(f"{'annotations':>11} {'cells':>10} {'build':>7} {'export':>8} {'raw':>8} "
              f"{'ratio':>6} {'export MB':>9} {'raw MB':>7} {'xlsx MB':>8}"
              + (f" {'openpyxl':>9} {'vs op':>6}" if args.openpyxl else ""), flush=True)
        for n in sizes:
            r = bench(n, Path(d), args.openpyxl)
            e = r["export"]
            line = (f"{e['annotations']:>11,} {r['cells']:>10,} {r['build_s']:>6.1f}s "
                    f"{e['seconds']:>7.1f}s {r['raw_s']:>7.1f}s "
                    f"{e['seconds'] / r['raw_s']:>6.2f} {e['maxrss_mb']:>9.0f} "
                    f"{r['raw_maxrss_mb']:>7.0f} {e['size_mb']:>8.1f}")
            if args.openpyxl:
                line += f" {r['openpyxl_s']:>8.1f}s {e['seconds'] / r['openpyxl_s']:>6.2f}"
            print(line, flush=True)
    print("export: export_xlsx, all sheets, in its own process; raw: xlsxwriter writing the "
          "same cells (unpickling time subtracted); ratio = export / raw; MB = peak RSS.")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
