"""Import speed and `annotator docs` on a large project. Run by hand:

    python bench/bench_import.py [--articles 10000] [--docs-project 100000]

Prints articles per second for storing 10,000 articles of ~4,000 characters through the
project API (one transaction, hashes, duplicate check) and through the full path from
text files (decode, article recognition, store), each against a bare sqlite3 executemany
of the same texts; then the time and peak memory of `annotator docs --json` on a
100,000-document project, in a subprocess so its memory is its own.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
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
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        bench_store(args.articles, Path(d))
        bench_docs(args.docs_project, Path(d))


if __name__ == "__main__":
    main()
