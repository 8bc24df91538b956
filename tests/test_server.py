"""The team server on a real PostgreSQL (issue 15): a project copied to the server reads
the same, coders sync as file merges would, the database itself keeps coding blind, and
a sync that dies or loses the server loses nothing."""

from __future__ import annotations

import json
import os
import threading

import psycopg
import pytest

from annotator.cli import main as cli
from annotator.core.errors import ProjectError
from annotator.core.importers.base import ImportedDocument
from annotator.core.merge import merge_packages
from annotator.core.packages import AssignmentPlan, apply_assignment, make_package
from annotator.core.project import Project
from annotator.core.server.connect import open_server
from annotator.core.server.security import add_coder
from annotator.core.sync import sync

TEXT = "قالت صحيفة الجارديان البريطانية إن المقاتلين فروا. وأكدت مواقع عراقية أن العشرات فروا."


def _study(tmp_path, n_docs=4, coders=("Mona", "Ali")):
    p = Project.create(tmp_path / "study.annot")
    ids = p.add_documents([ImportedDocument(text=TEXT + f" ({i})", title=f"d{i}")
                           for i in range(n_docs)]).added
    apply_assignment(p, AssignmentPlan(overlap=ids, shares={c: [] for c in coders}))
    return p, ids


def _code(pkg_path, coder, ids, extra=0):
    """What a coder does in the desk, through the API: a claim, its source, a link."""
    with Project.open(pkg_path) as p:
        for d in ids:
            t = p.text(d)
            s = t.index("صحيفة الجارديان")
            src = p.add_annotation(d, coder, "source", s, s + len("صحيفة الجارديان"),
                                   {"type": "foreign_media"})
            c = t.index("المقاتلين فروا")
            cl = p.add_annotation(d, coder, "claim", c, c + len("المقاتلين فروا") + extra,
                                  {"claim_type": "factual"})
            p.add_relation("attributed_to", cl.uuid, src.uuid, coder)
            p.set_status(d, coder, "done")


def _rows(p):
    return sorted((a.uuid, a.doc_id, a.coder, a.category, a.start, a.end, a.quote,
                   json.dumps(a.attrs, sort_keys=True)) for a in p.annotations())


def test_server_project_reads_as_the_file_it_came_from(tmp_path, db, capsys):
    p, ids = _study(tmp_path)
    p.close()
    for coder in ("Mona", "Ali"):
        with Project.open(tmp_path / "study.annot") as p:
            make_package(p, coder, None, tmp_path / f"{coder}.annot")
        _code(tmp_path / f"{coder}.annot", coder, ids, extra=1 if coder == "Ali" else 0)
    with Project.open(tmp_path / "study.annot") as p:
        merge_packages(p, [tmp_path / "Mona.annot", tmp_path / "Ali.annot"])
    assert cli(["server", "init", str(db), "--from", str(tmp_path / "study.annot")]) == 0
    assert "created the server project" in capsys.readouterr().out
    for cmd in (["docs", "--json"], ["agreement", "--json"]):
        assert cli([cmd[0], str(tmp_path / "study.annot"), *cmd[1:]]) == 0
        local = json.loads(capsys.readouterr().out)
        assert cli([cmd[0], str(db), *cmd[1:]]) == 0
        remote = json.loads(capsys.readouterr().out)
        assert remote == local, cmd[0]
    with Project.open(str(db)) as server, Project.open(tmp_path / "study.annot") as local:
        assert _rows(server) == _rows(local)
        assert server.relations() == local.relations()
        # ids handed out after the copy follow the copied ones
        a = server.add_annotation(ids[0], "Mona", "claim", 0, 4)
        assert a.id > max(x.id for x in local.annotations())
    # a second init into the same database is refused, nothing changed
    assert cli(["server", "init", str(db), "--from", str(tmp_path / "study.annot")]) == 1
    assert "already holds a project" in capsys.readouterr().err


def test_the_database_keeps_coding_blind(tmp_path, db, pg):
    p, ids = _study(tmp_path, n_docs=3)
    apply_assignment(p, AssignmentPlan(shares={"Huda": []}))
    p.close()
    with Project.open(tmp_path / "study.annot") as p:
        t = p.text(ids[0])
        p.add_annotation(ids[0], "Ali", "claim", 0, 4)
        extra = p.add_documents([ImportedDocument(text="مقال لعلي وحده", title="x")]).added
        p.assign(extra, "Ali")
    from annotator.core.server.init import init_server
    init_server(db, tmp_path / "study.annot")
    with open_server(db) as server:
        mona_role, mona_pw = add_coder(server, "Mona")
        ali_role, _ = add_coder(server, "Ali")
    url = db.with_user(mona_role, mona_pw).sqlalchemy.replace("+psycopg", "")
    with psycopg.connect(url) as conn:
        # reads: no one else's annotation, no article not assigned to her
        assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
        docs = {r[0] for r in conn.execute("SELECT id FROM documents")}
        assert docs == set(ids) and extra[0] not in docs
        assert conn.execute("SELECT count(*) FROM document_texts WHERE document_id = %s",
                            (extra[0],)).fetchone()[0] == 0
        assert [r[0] for r in conn.execute("SELECT name FROM coders")] == ["Mona"]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM annot_roles")
        conn.rollback()
        # writes: not as Ali, not on Ali's article, never the codebook
        ali_id = None
        with psycopg.connect(pg.url(db.database)) as su:
            ali_id = su.execute("SELECT id FROM coders WHERE name='Ali'").fetchone()[0]
        for sql, args in (
            ("INSERT INTO annotations (uuid, document_id, coder_id, category_id, start, "
             "\"end\", quote, attrs, created, updated, note, flag) VALUES (%s, %s, %s, 1, 0, "
             "4, %s, '{}', now(), now(), '', false)",
             ("x-1", ids[0], ali_id, t[:4])),
            ("UPDATE annotations SET quote = 'x'", None),
            ("DELETE FROM annotations", None),
            ("UPDATE categories SET color = '#000000'", None),
        ):
            try:
                cur = conn.execute(sql, args)
                assert cur.rowcount == 0, sql  # RLS: the row is not hers to touch
            except (psycopg.errors.InsufficientPrivilege,
                    psycopg.errors.CheckViolation) as exc:
                assert "row-level security" in str(exc) or "permission denied" in str(exc)
            conn.rollback()
    with Project.open(tmp_path / "study.annot") as local, open_server(db) as server:
        assert _rows(server) == _rows(local)  # nothing changed


def _server_with_coders(tmp_path, db, coders, n_docs=4):
    p, ids = _study(tmp_path, n_docs=n_docs, coders=coders)
    p.close()
    from annotator.core.server.init import init_server
    init_server(db, tmp_path / "study.annot")
    creds = {}
    with open_server(db) as server:
        for c in coders:
            creds[c] = add_coder(server, c)
    with Project.open(tmp_path / "study.annot") as p:
        for c in coders:
            make_package(p, c, None, tmp_path / f"{c}.annot")
    return ids, creds


def test_two_coders_sync_to_what_a_file_merge_gives(tmp_path, db):
    ids, creds = _server_with_coders(tmp_path, db, ("Mona", "Ali"))
    for c in ("Mona", "Ali"):
        _code(tmp_path / f"{c}.annot", c, ids, extra=1 if c == "Ali" else 0)
        role, pw = creds[c]
        rep = sync(tmp_path / f"{c}.annot", db.with_user(role, pw))
        assert rep.pushed["added"] >= len(ids) * 3
    again = sync(tmp_path / "Mona.annot", db.with_user(*creds["Mona"]))
    assert again.pushed["added"] == 0 and again.pushed["updated"] == 0  # idempotent
    with Project.open(tmp_path / "study.annot") as p:
        merge_packages(p, [tmp_path / "Mona.annot", tmp_path / "Ali.annot"])
    with Project.open(tmp_path / "study.annot") as local, open_server(db) as server:
        assert _rows(server) == _rows(local)
        assert sorted(r.uuid for r in server.relations()) == \
            sorted(r.uuid for r in local.relations())
        assert {(d.id, tuple(sorted(d.status.items()))) for d in server.documents()} == \
            {(d.id, tuple(sorted(d.status.items()))) for d in local.documents()}
    with Project.open(tmp_path / "Mona.annot") as mona:
        assert mona.setting("sync.last")


def test_ten_coders_sync_at_once(tmp_path, db):
    coders = tuple(f"c{i}" for i in range(10))
    ids, creds = _server_with_coders(tmp_path, db, coders, n_docs=3)
    for c in coders:
        _code(tmp_path / f"{c}.annot", c, ids, extra=coders.index(c) % 3)
    errors = []

    def run(c):
        try:
            sync(tmp_path / f"{c}.annot", db.with_user(*creds[c]))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append((c, exc))

    threads = [threading.Thread(target=run, args=(c,)) for c in coders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with Project.open(tmp_path / "study.annot") as p:
        merge_packages(p, [tmp_path / f"{c}.annot" for c in coders])
    with Project.open(tmp_path / "study.annot") as local, open_server(db) as server:
        assert _rows(server) == _rows(local)
        assert len(_rows(server)) == 10 * 3 * 2
        from annotator.core.agreement.from_project import project_report
        assert project_report(server) == project_report(local)  # the same figures


def test_pull_brings_new_articles_and_the_codebook(tmp_path, db, pg):
    ids, creds = _server_with_coders(tmp_path, db, ("Mona",), n_docs=2)
    with open_server(db) as server:
        [new] = server.add_documents([ImportedDocument(text="خبر جديد عن الموصل",
                                                       title="new")]).added
        server.assign([new], "Mona")
    rep = sync(tmp_path / "Mona.annot", db.with_user(*creds["Mona"]))
    assert rep.pulled_documents == 1
    with Project.open(tmp_path / "Mona.annot") as mona:
        assert mona.text(new) == "خبر جديد عن الموصل"
        assert mona.status(new, "Mona") == "todo"


def test_unreachable_server_is_one_line_and_the_file_is_untouched(tmp_path, db, capsys):
    ids, creds = _server_with_coders(tmp_path, db, ("Mona",), n_docs=2)
    _code(tmp_path / "Mona.annot", "Mona", ids)
    before = (tmp_path / "Mona.annot").read_bytes()
    role, pw = creds["Mona"]
    gone = f"postgresql://{role}:{pw}@127.0.0.1:1/{db.database}"
    assert cli(["sync", str(tmp_path / "Mona.annot"), "--server", gone]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "cannot reach the server" in err and pw not in err
    assert (tmp_path / "Mona.annot").read_bytes() == before
    wrong = db.with_user(role, "not-the-password")
    with pytest.raises(ProjectError, match="refused the login"):
        sync(tmp_path / "Mona.annot", wrong)


def test_a_server_lost_mid_push_keeps_both_sides_whole(tmp_path, db, pg):
    ids, creds = _server_with_coders(tmp_path, db, ("Mona",), n_docs=3)
    _code(tmp_path / "Mona.annot", "Mona", ids)

    def kill_connections(done, total, label):
        if done:  # half way through the push: the server drops every session of ours
            with psycopg.connect(pg.url(), autocommit=True) as su:
                su.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE application_name = 'annotator' AND pid <> pg_backend_pid()")

    from annotator.core import sync as sync_mod
    with pytest.raises(ProjectError, match="cannot reach the server"):
        sync_mod.sync(tmp_path / "Mona.annot", db.with_user(*creds["Mona"]),
                      progress=kill_connections)
    with open_server(db) as server:
        assert server.annotations(coder="Mona") == []  # the push was one transaction
    rep = sync(tmp_path / "Mona.annot", db.with_user(*creds["Mona"]))
    assert rep.pushed["added"] >= 9
    with open_server(db) as server, Project.open(tmp_path / "Mona.annot") as mona:
        assert _rows(server) == _rows(mona)


def test_sync_killed_half_way_completes_on_the_next_run(tmp_path, db, pg):
    import signal
    import subprocess
    import sys
    import time

    ids, creds = _server_with_coders(tmp_path, db, ("Mona",), n_docs=60)
    _code(tmp_path / "Mona.annot", "Mona", ids)
    role, pw = creds["Mona"]
    env = {**os.environ, "PGPASSWORD": pw}
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "sync",
                             str(tmp_path / "Mona.annot"), "--server", str(db.with_user(role))],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # kill -9 the moment the push has written on the server and not yet committed
    caught = False
    with psycopg.connect(pg.url(), autocommit=True) as su:
        deadline = time.time() + 60
        while time.time() < deadline and proc.poll() is None:
            row = su.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s "
                             "AND backend_xid IS NOT NULL", (role,)).fetchone()
            if row[0]:
                proc.send_signal(signal.SIGKILL)
                caught = True
                break
            time.sleep(0.002)
    proc.wait(30)
    assert caught and proc.returncode == -signal.SIGKILL, "the push was not caught half way"
    time.sleep(0.5)  # the server notices the dropped connection and rolls back
    with open_server(db) as server:
        assert server.annotations(coder="Mona") == []
    rep = sync(tmp_path / "Mona.annot", db.with_user(role, pw))
    with open_server(db) as server, Project.open(tmp_path / "Mona.annot") as mona:
        assert _rows(server) == _rows(mona)                 # nothing lost
        assert len(_rows(server)) == 60 * 2                # nothing doubled
        assert len(server.relations()) == 60
    assert rep.pushed["deleted"] == 0


def test_supervisor_commands_take_the_server_address(tmp_path, db, capsys):
    ids, creds = _server_with_coders(tmp_path, db, ("Mona", "Ali"), n_docs=2)
    for c in ("Mona", "Ali"):
        _code(tmp_path / f"{c}.annot", c, ids)
        sync(tmp_path / f"{c}.annot", db.with_user(*creds[c]))
    capsys.readouterr()
    assert cli(["progress", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Mona" in out and "Ali" in out
    assert cli(["export", str(db), str(tmp_path / "server.xlsx")]) == 0
    from openpyxl import load_workbook
    ws = load_workbook(tmp_path / "server.xlsx", read_only=True)["Annotations"]
    assert len(list(ws.iter_rows(values_only=True))) == 1 + 2 * 2 * 2
    assert cli(["adjudicate", str(db), "--agreed"]) == 0
    with open_server(db) as server:
        assert {a.category for a in server.annotations(coder="gold")} == {"source", "claim"}
    assert cli(["codebook", str(db)]) == 0
    assert "Source" in capsys.readouterr().out
    assert cli(["suggest", str(db), "--json"]) == 0
    assert any(r["quote"] == "مواقع عراقية" for r in json.loads(capsys.readouterr().out))
    # a new coder, assigned and packaged from the server, then syncing back to it
    assert cli(["assign", str(db), "--coders", "Huda", "--docs", f"{ids[0]}"]) == 0
    assert cli(["package", str(db), "--coder", "Huda", "--out",
                str(tmp_path / "Huda.annot")]) == 0
    with open_server(db) as server:
        huda = add_coder(server, "Huda")
    _code(tmp_path / "Huda.annot", "Huda", [ids[0]])
    sync(tmp_path / "Huda.annot", db.with_user(*huda))
    with open_server(db) as server:
        assert len(server.annotations(coder="Huda")) == 2


def test_supervisor_adjudicates_while_coders_sync_and_nothing_is_lost(tmp_path, db):
    from annotator.core.adjudication import accept_all_agreed

    coders = ("Mona", "Ali", "Huda")
    ids, creds = _server_with_coders(tmp_path, db, coders, n_docs=4)
    for c in ("Mona", "Ali"):  # two coders are in: the supervisor can adjudicate
        _code(tmp_path / f"{c}.annot", c, ids)
        sync(tmp_path / f"{c}.annot", db.with_user(*creds[c]))
    _code(tmp_path / "Huda.annot", "Huda", ids, extra=1)
    errors = []

    def adjudicate():
        try:
            with open_server(db) as server:
                for d in ids:
                    accept_all_agreed(server, d, "supervisor", coders=["Mona", "Ali"])
        except Exception as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    def late_coder():
        try:
            sync(tmp_path / "Huda.annot", db.with_user(*creds["Huda"]))
        except Exception as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    threads = [threading.Thread(target=adjudicate), threading.Thread(target=late_coder)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with open_server(db) as server:
        assert len(server.annotations(coder="Huda")) == 2 * len(ids)
        assert len(server.annotations(coder="gold")) == 2 * len(ids)
        assert len(server.annotations(coder="Mona")) == 2 * len(ids)


def test_articles_and_coded_work_import_straight_into_the_server(tmp_path, db, capsys):
    p, ids = _study(tmp_path, n_docs=1)
    p.close()
    from annotator.core.server.init import init_server
    init_server(db, tmp_path / "study.annot")
    text = "قال John Smith لصحيفة الغارديان 😀 إن الوثائق حقيقية"
    j = text.index("John")
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"id": 7, "text": text, "label": [[j, j + 10, "Source"]]},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("خبر عن الموصل", encoding="utf-8")
    assert cli(["import", str(db), str(tmp_path / "a.txt")]) == 0
    assert cli(["import", str(db), str(f), "--coder", "alice"]) == 0
    with open_server(db) as server:
        [a] = server.annotations(coder="alice")
        assert (a.quote, a.origin) == ("John Smith", "imported")
        assert len(server.documents()) == 3
        # the next id the server hands out follows the bulk rows
        b = server.add_annotation(a.doc_id, "alice", "claim", 0, 3)
        assert b.id > a.id
