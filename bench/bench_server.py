"""Team server: sync and agreement on a real PostgreSQL, beside the raw library.

Run: python bench/bench_server.py   (starts its own cluster in a temp folder; prints
figures; no timed assertions)

- one coder syncs 10,000 annotations; ten coders sync 1,000 each at once; each against a
  raw psycopg COPY of the same rows into a bare table (the least any client could do);
- `agreement` on a server project of 1,000 articles x 3 coders against the same project
  in its SQLite file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import uuid as uuidlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import pgserver  # noqa: E402
import psycopg  # noqa: E402

from annotator.core.importers.base import ImportedDocument  # noqa: E402
from annotator.core.models import Annotation, Assignment, Category, Coder, utcnow  # noqa: E402
from annotator.core.packages import AssignmentPlan, apply_assignment, make_package  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.server.connect import open_server  # noqa: E402
from annotator.core.server.init import init_server  # noqa: E402
from annotator.core.server.security import add_coder  # noqa: E402
from annotator.core.server.url import ServerURL  # noqa: E402
from annotator.core.sync import sync  # noqa: E402

TEXT = ("قالت صحيفة الجارديان البريطانية إن المقاتلين فروا من الموصل، وأكدت مواقع عراقية "
        "أن العشرات قد لاذوا بالفرار. ") * 4


def study(tmp: Path, n_docs: int, coders: list[str]) -> tuple[Path, list[int]]:
    path = tmp / "study.annot"
    with Project.create(path) as p:
        ids = p.add_documents([ImportedDocument(text=TEXT + f" {i}", title=f"d{i}")
                               for i in range(n_docs)]).added
        apply_assignment(p, AssignmentPlan(overlap=ids, shares={c: [] for c in coders}))
    return path, ids


def fill(pkg: Path, coder: str, ids: list[int], per_doc: int) -> int:
    """A coder's work written straight into their file (what hours in the desk leave)."""
    with Project.open(pkg) as p, p._tx() as s:
        cid = s.query(Coder.id).filter(Coder.name == coder).scalar()
        cat = s.query(Category.id).filter(Category.key == "claim").scalar()
        now = utcnow()
        rows = []
        for d in ids:
            for k in range(per_doc):
                start = (k * 7) % (len(TEXT) - 20)
                rows.append(dict(uuid=str(uuidlib.uuid4()), document_id=d, coder_id=cid,
                                 category_id=cat, start=start, end=start + 12,
                                 quote=(TEXT + " 0")[start:start + 12], attrs={},
                                 created=now, updated=now, note="", flag=False))
        s.execute(Annotation.__table__.insert(), rows)
        # marked done now: the merge carries a status only when it is newer
        s.query(Assignment).filter(Assignment.coder_id == cid).update(
            {"status": "done", "updated": utcnow()})
    return len(rows)


def raw_copy(url: str, n: int) -> float:
    rows = [(str(uuidlib.uuid4()), 1, 1, 1, 0, 12, TEXT[:12], "{}") for _ in range(n)]
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TEMP TABLE raw (uuid text, document_id int, coder_id int, "
                     "category_id int, start int, \"end\" int, quote text, attrs jsonb)")
        t0 = time.perf_counter()
        with conn.cursor().copy("COPY raw FROM STDIN") as cp:
            for r in rows:
                cp.write_row(r)
        conn.commit()
        return time.perf_counter() - t0


def main() -> None:
    c = pgserver.start()
    os.environ["PGPASSWORD"] = c.password
    tmp = Path(tempfile.mkdtemp())
    try:
        with psycopg.connect(c.url(), autocommit=True) as conn:
            for name in ("one", "ten", "agree"):
                conn.execute(f"CREATE DATABASE {name}")

        # one coder, 10,000 annotations
        url = ServerURL(c.url("one"))
        (tmp / "one").mkdir()
        path, ids = study(tmp / "one", 200, ["Mona"])
        init_server(url, path)
        with open_server(url) as server:
            cred = add_coder(server, "Mona")
        with Project.open(path) as p:
            make_package(p, "Mona", None, tmp / "one" / "Mona.annot")
        n = fill(tmp / "one" / "Mona.annot", "Mona", ids, 50)
        t0 = time.perf_counter()
        sync(tmp / "one" / "Mona.annot", url.with_user(*cred))
        t = time.perf_counter() - t0
        raw = raw_copy(c.url("one"), n)
        print(f"one coder syncs {n:,} annotations: {t:.2f} s; raw COPY {raw:.3f} s; "
              f"ratio {t / raw:.0f}x")

        # ten coders, 1,000 each, at once
        d = tmp / "ten"
        d.mkdir()
        coders = [f"c{i}" for i in range(10)]
        url = ServerURL(c.url("ten"))
        path, ids = study(d, 50, coders)
        init_server(url, path)
        creds = {}
        with open_server(url) as server:
            for co in coders:
                creds[co] = add_coder(server, co)
        with Project.open(path) as p:
            for co in coders:
                make_package(p, co, None, d / f"{co}.annot")
        for co in coders:
            fill(d / f"{co}.annot", co, ids, 20)
        threads = [threading.Thread(target=sync, args=(d / f"{co}.annot",
                                                       url.with_user(*creds[co])))
                   for co in coders]
        t0 = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        t = time.perf_counter() - t0
        raw = raw_copy(c.url("ten"), 10_000)
        print(f"ten coders sync 1,000 annotations each at once: {t:.2f} s; raw COPY of "
              f"10,000 {raw:.3f} s; ratio {t / raw:.0f}x")

        # agreement on 1,000 articles x 3 coders
        d = tmp / "agree"
        d.mkdir()
        coders = ["A", "B", "C"]
        path, ids = study(d, 1000, coders)
        with Project.open(path) as p:
            for co in coders:
                make_package(p, co, None, d / f"{co}.annot")
        for co in coders:
            fill(d / f"{co}.annot", co, ids, 10)
        from annotator.core.merge import merge_packages
        with Project.open(path) as p:
            merge_packages(p, [d / f"{co}.annot" for co in coders])
        url = ServerURL(c.url("agree"))
        init_server(url, path)
        from annotator.core.agreement.from_project import project_report
        with Project.open(path, readonly=True) as p:
            t0 = time.perf_counter()
            local = project_report(p, None, None, False)
            tl = time.perf_counter() - t0
        with open_server(url) as p:
            t0 = time.perf_counter()
            remote = project_report(p, None, None, False)
            tr = time.perf_counter() - t0
        same = local["overall"] == remote["overall"]
        print(f"agreement, {remote['documents']:,} articles x {len(remote['coders'])} coders: "
              f"server {tr:.2f} s, SQLite file {tl:.2f} s; ratio {tr / tl:.2f}x; "
              f"same figures: {same}")
    finally:
        c.stop()


if __name__ == "__main__":
    main()
