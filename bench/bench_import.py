"""Import speed and `annotator docs` on a large project. Run by hand:

    python bench/bench_import.py [--articles 10000] [--docs-project 100000]
                                 [--coded-articles 5000 --spans 100000] [--only coded]

Coded work: `annotator import --format doccano --coder alice` of a doccano file with
5,000 articles and 100,000 labelled spans, against a bare sqlite3 load of the same rows
(the articles, then the spans with a uuid each) in one transaction; goal at most 3x.

Prints articles per second for storing 10,000 articles of ~4,000 characters through the
project API (one transaction, hashes, duplicate check) and through the full path from
text files (decode, article recognition, store), each against a bare sqlite3 executemany
of the same texts; then the time and peak memory of `annotator docs --json` on a
100,000-document project, in a subprocess so its memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.importers.base import ImportedDocument  # noqa: E402
from annotator.core.project import Project  # noqa: E402

WORDS = ("قالت صحيفة الجارديان البريطانية إن عددا من مقاتلي التنظيم يحاولون دخول الأراضي "
         "التركية وأكدت وثائق حصلت عليها القوات العراقية خلال عملياتها في الموصل أن "
         "John Smith 2017 المركز الإقليمي للدراسات الاستراتيجية مواقع عراقية").split()


def article(rng: random.Random, n_chars: int = 4000) -> str:
    out, size = [], 0
    while size < n_chars:
        para = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 80))) + "."
        out.append(para)
        size += len(para) + 1
    return "\n".join(out)[:n_chars]


def bare_sqlite(path: Path, texts: list[str]) -> float:
    t = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
    con.executemany("INSERT INTO docs (title, text) VALUES (?, ?)",
                    ((t_[:60], t_) for t_ in texts))
    con.commit()
    con.close()
    return time.perf_counter() - t


def bench_store(n: int, tmp: Path) -> None:
    rng = random.Random(1)
    texts = [f"مقال رقم {i}\n" + article(rng) for i in range(n)]
    raw = bare_sqlite(tmp / "bare.db", texts)
    with Project.create(tmp / "store.annot") as p:
        docs = [ImportedDocument(text=t_, title=t_[:60]) for t_ in texts]
        t = time.perf_counter()
        report = p.add_documents(docs)
        api = time.perf_counter() - t
    assert len(report.added) == n
    print(f"store {n} articles of ~4,000 chars via Project.add_documents: {api:.2f} s, "
          f"{n / api:,.0f} articles/s; bare sqlite3 executemany {raw:.2f} s "
          f"({n / raw:,.0f}/s); ratio {api / raw:.2f}x")

    folder = tmp / "files"
    folder.mkdir()
    for i, t_ in enumerate(texts):
        (folder / f"{i:05d}.txt").write_text(t_, encoding="utf-8")
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "annotator.cli", "new", str(tmp / "f.annot")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "annotator.cli", "import", str(tmp / "f.annot"),
                        str(folder)], capture_output=True, text=True)
    full = time.perf_counter() - t
    assert r.returncode == 0, r.stderr
    print(f"`annotator import` of {n} .txt files (decode, recognise, store, incl. process "
          f"start): {full:.2f} s, {n / full:,.0f} articles/s; ratio to bare sqlite3 "
          f"{full / raw:.2f}x")


def bare_coded(path: Path, records: list[dict]) -> float:
    """The same rows as the import stores, through sqlite3 alone: documents, texts, and
    one annotation row per span with a fresh uuid, in one transaction."""
    t = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, title TEXT, "
                "sha TEXT)")
    con.execute("CREATE TABLE texts (doc INTEGER PRIMARY KEY, text TEXT)")
    con.execute("CREATE TABLE spans (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, doc INTEGER, "
                "label TEXT, start INTEGER, end INTEGER, quote TEXT, attrs TEXT)")
    con.execute("CREATE INDEX spans_doc ON spans (doc)")
    for i, r in enumerate(records, 1):
        con.execute("INSERT INTO docs VALUES (?, ?, ?, ?)", (i, str(uuid.uuid4()),
                                                             r["text"][:60], str(i)))
    con.executemany("INSERT INTO texts VALUES (?, ?)",
                    ((i, r["text"]) for i, r in enumerate(records, 1)))
    con.executemany("INSERT INTO spans (uuid, doc, label, start, end, quote, attrs) "
                    "VALUES (?, ?, ?, ?, ?, ?, '{}')",
                    ((str(uuid.uuid4()), i, lab, a, b, r["text"][a:b])
                     for i, r in enumerate(records, 1) for a, b, lab in r["label"]))
    con.commit()
    con.close()
    return time.perf_counter() - t


def bench_coded(n: int, spans: int, tmp: Path, repeat: int = 3) -> None:
    rng = random.Random(3)
    per = max(1, spans // n)
    labels = ("claim", "source", "reliability", "attribution")
    records = []
    for i in range(n):
        text = f"مقال رقم {i}\n" + article(rng, 2000)
        cuts = sorted(rng.sample(range(len(text)), 2 * per))
        records.append({"id": i + 1, "text": text,
                        "label": [[cuts[k], cuts[k + 1], labels[k // 2 % 4]]
                                  for k in range(0, 2 * per, 2) if cuts[k] < cuts[k + 1]]})
    n_spans = sum(len(r["label"]) for r in records)
    src = tmp / "coded.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    raws, fulls = [], []
    for k in range(repeat):  # best of `repeat`: a shared machine adds noise, never speed
        raws.append(bare_coded(tmp / f"bare_coded{k}.db", records))
        proj = tmp / f"coded{k}.annot"
        r = subprocess.run([sys.executable, "-m", "annotator.cli", "new", str(proj)],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "annotator.cli", "import", str(proj),
                            str(src), "--format", "doccano", "--coder", "alice"],
                           capture_output=True, text=True)
        fulls.append(time.perf_counter() - t)
        assert r.returncode == 0, r.stderr
        assert f"{n_spans} annotations" in r.stdout, r.stdout
    raw, full = min(raws), min(fulls)
    print(f"`annotator import --format doccano --coder alice` of {n:,} articles and "
          f"{n_spans:,} spans (incl. process start): {full:.2f} s; bare sqlite3 load of the "
          f"same rows with a uuid each: {raw:.2f} s; ratio {full / raw:.1f}x (goal <= 3x; "
          f"best of {repeat}, load average {os.getloadavg()[0]:.1f})")


def bench_docs(n: int, tmp: Path) -> None:
    path = tmp / "big.annot"
    Project.create(path).close()
    rng = random.Random(2)
    body = article(rng)
    # Fill through sqlite3 directly: this measures listing, not importing.
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO documents (id, uuid, title, language, sha256, length, meta, created) "
        "VALUES (?, ?, ?, 'ar', ?, ?, '{}', '2026-01-01 00:00:00')",
        ((i, f"u{i}", f"مقال رقم {i}", f"{i:064x}", len(body)) for i in range(1, n + 1)))
    con.executemany("INSERT INTO document_texts (document_id, text) VALUES (?, ?)",
                    ((i, body) for i in range(1, n + 1)))
    con.commit()
    con.close()
    # the JSON goes to a file, as `annotator docs --json > list.json` would: holding it in
    # a StringIO would measure the bench's buffer, not the command
    out = tmp / "docs.json"
    code = ("import resource, sys, time, contextlib, os;"
            "from annotator.cli import main;"
            "t=time.perf_counter();"
            f"fh=open({str(out)!r}, 'w', encoding='utf-8');"
            "ctx=contextlib.redirect_stdout(fh);ctx.__enter__();"
            f"rc=main(['docs', {str(path)!r}, '--json']);ctx.__exit__(None,None,None);"
            "fh.close();"
            "dt=time.perf_counter()-t;"
            f"print(rc, dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
            f"os.path.getsize({str(out)!r}))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    rc, dt, rss, size = r.stdout.split()
    assert rc == "0", r.stderr
    print(f"`annotator docs --json` on {n:,} documents ({path.stat().st_size / 1e6:.0f} MB "
          f"file): {float(dt):.2f} s, peak memory {int(rss) / 1024:.0f} MB, "
          f"{int(size) / 1e6:.1f} MB of JSON")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--docs-project", type=int, default=100_000)
    ap.add_argument("--coded-articles", type=int, default=5_000)
    ap.add_argument("--spans", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3, help="coded: best of N runs")
    ap.add_argument("--only", choices=("store", "coded", "docs"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        if args.only in (None, "store"):
            bench_store(args.articles, Path(d))
        if args.only in (None, "coded"):
            bench_coded(args.coded_articles, args.spans, Path(d), args.repeat)
        if args.only in (None, "docs"):
            bench_docs(args.docs_project, Path(d))


if __name__ == "__main__":
    main()
