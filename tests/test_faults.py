"""Faults a team's laptops will see: a killed app, two processes on one file, damaged,
foreign or too-new files, read-only folders, a full disk, restoring a backup.

Where it matters the faulty party is a real subprocess: `tests/fault_driver.py` codes in a
loop and is killed with SIGKILL; the CLI is run as `python -m annotator`. Read-only
folders and full disks are real too when the tests run as root in a sandbox that allows
`mount` (a read-only bind mount, a 1-2 MB tmpfs); elsewhere those tests are skipped with
the reason, and the in-process variants below still run.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core import db
from annotator.core.errors import ProjectError, ProjectLockedError
from annotator.core.importers import iter_files, read_path
from annotator.core.project import Project
from annotator.resources import SAMPLE

ROOT = Path(__file__).resolve().parent.parent
DRIVER = Path(__file__).resolve().parent / "fault_driver.py"
CODER = "Mona"


# --- helpers ---------------------------------------------------------------------------------

def _env() -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONSTARTUP", None)
    return env


def cli(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=_env(),
                          cwd=ROOT)


def assert_one_error_line(r: subprocess.CompletedProcess, path: Path | str, *words: str):
    """Non-zero exit, stderr exactly one `error: <path>: ...` line naming the problem."""
    assert r.returncode != 0, r
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    assert lines[0].startswith(f"error: {path}: "), lines[0]
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


def message_issue(r: subprocess.CompletedProcess, path: Path | str, *words: str) -> str | None:
    """Like assert_one_error_line, but returns what is wrong with the message instead of
    failing: for faults where the core's wording is a known issue (listed in the report),
    the test first proves that no data changed and only then xfails on the wording."""
    if r.returncode == 0:
        return f"exit 0 for {r.args[3:]}"
    lines = r.stderr.strip().splitlines()
    if len(lines) != 1 or "internal error" in r.stderr or "Traceback" in r.stderr:
        return f"{r.args[3]}: not one clear line: {r.stderr.strip()[:300]!r}"
    if not lines[0].startswith(f"error: {path}: "):
        return f"{r.args[3]}: does not start with 'error: {path}:': {lines[0]!r}"
    missing = [w for w in words if w not in lines[0]]
    if missing:
        return f"{r.args[3]}: says {lines[0]!r}, expected it to mention {missing}"
    return None


def xfail_on(issues: list[str | None], why: str) -> None:
    issues = [i for i in issues if i]
    if issues:
        pytest.xfail(f"{why}: " + " | ".join(issues))


def make_project(path: Path, annotate: int = 0) -> Path:
    docs = [d for f in iter_files([SAMPLE]) for d in read_path(f)]
    with Project.create(path) as p:
        p.add_documents(docs)
        if annotate:
            rng = random.Random(7)
            ids = [d.id for d in p.documents()]
            for _ in range(annotate):
                doc = rng.choice(ids)
                n = len(p.text(doc))
                s = rng.randrange(0, n - 30)
                p.add_annotation(doc, CODER, "claim", s, s + rng.randrange(5, 30))
    return path


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "p.annot", annotate=12)


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def dump(path: Path) -> list:
    """Every row of every table, read without changing the file (immutable read)."""
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        tables = [t for (t,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall())
                for t in tables]
    finally:
        con.close()


def state(path: Path) -> tuple[str, list]:
    return digest(path), dump(path)


def _root_mount_ok() -> str | None:
    """None if we can mount (root in a permissive sandbox), else the reason we cannot."""
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root to mount a read-only folder or a tiny disk"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


@contextlib.contextmanager
def mounted(*argv: str, target: Path):
    r = subprocess.run(["mount", *argv, str(target)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"mount not permitted here: {r.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


@contextlib.contextmanager
def tmpfs(where: Path, size: str):
    why = _root_mount_ok()
    if why:
        pytest.skip(why)
    where.mkdir(parents=True, exist_ok=True)
    with mounted("-t", "tmpfs", "-o", f"size={size}", "tmpfs", target=where):
        yield where


@contextlib.contextmanager
def readonly_folder(folder: Path):
    """Make `folder` read-only for everyone, root included: a read-only bind mount of it
    onto itself (root ignores permission bits, not a read-only mount)."""
    why = _root_mount_ok()
    if why:
        pytest.skip(why)
    with mounted("--bind", str(folder), target=folder):
        r = subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            pytest.skip(f"read-only remount not permitted: {r.stderr.strip()}")
        yield folder


def fill(folder: Path) -> Path:
    """Fill the file system of `folder` to the last byte (unbuffered writes, so closing
    the file has nothing left to flush)."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for size in (1 << 20, 65536, 4096, 512, 1):
            chunk = b"\0" * size
            with contextlib.suppress(OSError):
                while True:
                    if os.write(fd, chunk) < size:
                        break
    finally:
        os.close(fd)
    return filler


# --- a. SIGKILL in the middle of a coding session -----------------------------------------

def read_log(text: str) -> tuple[dict, str | None, int]:
    """(final state per uuid, the change in flight at the kill or None, changes printed).
    Only whole lines count: the kill may cut the last one."""
    lines = text.split("\n")[:-1]
    final: dict[str, tuple] = {}
    pending, n = None, 0
    for line in lines:
        parts = line.split()
        if not parts or parts[0] in ("ready", "done"):
            continue
        if parts[0] == "try":
            pending = " ".join(parts[1:])
            continue
        pending = None
        n += 1
        if parts[0] in ("add", "upd"):
            final[parts[1]] = ("live", int(parts[2]), int(parts[3]), int(parts[4]))
        elif parts[0] == "del":
            final[parts[1]] = ("deleted",)
    return final, pending, n


def kill_session(path: Path, seed: int, gui: bool) -> tuple[str, int]:
    rng = random.Random(seed)
    cmd = [sys.executable, str(DRIVER), str(path), str(seed), "--coder", CODER]
    if gui:
        cmd.append("--gui")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(),
                            cwd=ROOT)
    first = proc.stdout.readline()
    assert first == b"ready\n", (first, proc.stderr.read() if proc.poll() is not None else "")
    time.sleep(rng.uniform(0.15, 1.2))
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate(timeout=30)
    assert alive, f"the driver stopped by itself: {err.decode()[-2000:]}"
    assert proc.returncode == -signal.SIGKILL
    return rest.decode("utf-8", "replace"), proc.returncode


def live_uuids(path: Path) -> set[str]:
    with Project.open(path, readonly=True) as p:
        return {a.uuid for a in p.annotations(coder=CODER)}


def verify_after_kill(path: Path, log: str, baseline: set[str]) -> int:
    """Every change printed before the kill is in the file; nothing else changed except
    the one change in flight; the file checks clean and opens for writing again."""
    final, pending, n = read_log(log)
    assert n > 0, "killed before any change was committed; the kill point is too early"
    in_flight = pending.split()[1] if pending and len(pending.split()) > 1 else None
    # The OS lock died with the process: the project opens for writing at once.
    with Project.open(path) as p:
        assert p.check() == []
        rows = {a.uuid: a for a in p.annotations(coder=CODER, include_deleted=True)}
        texts = {d.id: p.text(d.id) for d in p.documents()}
    for uuid, st in final.items():
        if uuid == in_flight:
            continue  # its last change may or may not have been committed
        a = rows.get(uuid)
        assert a is not None, f"{uuid} was printed as committed but is not in the file"
        if st[0] == "deleted":
            assert a.deleted is not None, f"{uuid} was deleted but is alive again"
        else:
            _, doc, s, e = st
            assert a.deleted is None, f"{uuid} was added but is tombstoned"
            assert (a.doc_id, a.start, a.end) == (doc, s, e), (uuid, a, st)
            assert a.quote == texts[doc][s:e]
    # Nothing else appeared, except the one add in flight at the kill.
    unknown = [u for u, a in rows.items()
               if u not in final and u not in baseline and a.deleted is None]
    untouched = baseline - set(final) - {in_flight}
    assert untouched <= {u for u, a in rows.items() if a.deleted is None}
    assert len(unknown) <= (1 if pending == "add" else 0), (unknown, pending)
    r = cli("check", path)
    assert r.returncode == 0, r.stderr + r.stdout
    return n


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11, 12, 13, 14, 15, 16])
def test_sigkill_during_coding_keeps_every_committed_change(project, seed):
    total = 0
    # two sessions on the same file: the second starts on what the first kill left
    for round_ in range(2):
        baseline = live_uuids(project)
        log, _ = kill_session(project, seed * 10 + round_, gui=False)
        total += verify_after_kill(project, log, baseline)
    assert total > 2


def _gui_ready() -> str | None:
    try:
        from PySide6.QtTest import QTest  # noqa: F401

        import annotator.gui.main_window  # noqa: F401
    except ImportError as exc:
        return f"the desk is not importable yet: {exc}"
    return None


@pytest.mark.slow
@pytest.mark.parametrize("seed", [21, 22, 23])
def test_sigkill_during_coding_in_the_real_window(project, seed):
    """The real MainWindow, offscreen: select, press the category key; a line is printed
    only once the annotation is in the project AND in the window's annotation list."""
    why = _gui_ready()
    if why:
        pytest.skip(why)
    baseline = live_uuids(project)
    log, _ = kill_session(project, seed, gui=True)
    assert verify_after_kill(project, log, baseline) > 0


# --- b. two processes on one project ---------------------------------------------------------

@pytest.mark.slow
def test_second_writer_is_refused_and_nothing_corrupts(project):
    baseline = live_uuids(project)
    proc = subprocess.Popen([sys.executable, str(DRIVER), str(project), "5", "--coder", CODER],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(),
                            cwd=ROOT)
    try:
        assert proc.stdout.readline() == b"ready\n"
        # another writer, from the command line: refused at once with one line
        t0 = time.monotonic()
        r = cli("import", project, SAMPLE)
        assert time.monotonic() - t0 < 20
        assert_one_error_line(r, project, "open for writing in another process")
        r = cli("codebook", project, "--import", ROOT / "annotator/resources/codebooks/"
                "sourcing.yaml")
        assert_one_error_line(r, project, "open for writing in another process")
        # ... and in process, as the desk would meet it
        with pytest.raises(ProjectLockedError, match="open for writing in another process"):
            Project.open(project)
        # readers are welcome while the coder writes (WAL): the listing, the check
        r = cli("docs", project, "--json")
        assert r.returncode == 0, r.stderr
        r = cli("check", project)
        assert r.returncode == 0, r.stderr + r.stdout
        with Project.open(project, readonly=True) as ro:
            assert ro.check() == []
            with pytest.raises(ProjectError, match="read-only"):
                ro.add_annotation(1, "Ali", "claim", 0, 5)
        assert proc.poll() is None, "the writer died meanwhile"
    finally:
        proc.send_signal(signal.SIGKILL)
        log, _ = proc.communicate(timeout=30)
    verify_after_kill(project, log.decode(), baseline)


# --- c. damaged, foreign, too new, missing, read-only, full ----------------------------------

def test_truncated_project_is_refused_without_change(project, tmp_path):
    half = tmp_path / "half.annot"
    data = project.read_bytes()
    half.write_bytes(data[: len(data) // 2])
    before = digest(half)
    issues = []
    # writing commands: refused, one line
    issues.append(message_issue(cli("import", half, SAMPLE), half))
    # reading commands: refused or (check) a list of problems, never a crash
    r = cli("check", half)
    assert r.returncode != 0
    issues.append(message_issue(r, half))
    r = cli("export", half, tmp_path / "out.xlsx")
    assert r.returncode != 0
    issues.append(message_issue(r, half))
    assert not (tmp_path / "out.xlsx").exists()
    with pytest.raises(Exception) as ei:
        with Project.open(half) as p:
            problems = p.check()
            assert problems, "half a project passed the check"
            raise ProjectError(half, "damaged: " + problems[0])
    if not isinstance(ei.value, ProjectError):
        issues.append(f"Project.open raised {type(ei.value).__name__}, not ProjectError")
    assert digest(half) == before
    xfail_on(issues, "core: a damaged file read read-only escapes as an internal error")


@pytest.mark.parametrize("content", [
    pytest.param(b"", id="empty"),
    pytest.param(bytes(random.Random(1).randrange(256) for _ in range(20000)), id="garbage"),
    pytest.param(b"SQLite format 3\x00" + bytes(random.Random(2).randrange(256)
                                                for _ in range(8192)), id="sqlite-header"),
    pytest.param("مقال\n".encode() * 100, id="text"),
])
def test_garbage_file_is_refused_without_change(tmp_path, content):
    bad = tmp_path / "bad.annot"
    bad.write_bytes(content)
    before = digest(bad)
    issues = []
    for args in (("check", bad), ("docs", bad), ("import", bad, SAMPLE), ("show", bad, 1)):
        r = cli(*args)
        assert r.returncode != 0
        issues.append(message_issue(r, bad))
    for readonly in (False, True):
        with pytest.raises(Exception) as ei:
            Project.open(bad, readonly=readonly).close()
        if not isinstance(ei.value, ProjectError):
            issues.append(f"Project.open(readonly={readonly}) raised "
                          f"{type(ei.value).__name__}, not ProjectError")
    assert digest(bad) == before
    assert not (tmp_path / "bad.backups").exists() or not any(
        (tmp_path / "bad.backups").iterdir())
    xfail_on(issues, "core: a damaged file read read-only escapes as an internal error")


def test_other_sqlite_database_is_refused(tmp_path):
    other = tmp_path / "other.annot"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    con.close()
    before = state(other)
    r = cli("import", other, SAMPLE)
    assert_one_error_line(r, other, "not an Annotator project")
    r = cli("docs", other)
    assert_one_error_line(r, other, "not an Annotator project")
    assert state(other) == before


def test_project_from_a_newer_version_is_refused_without_change(project):
    con = sqlite3.connect(project)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = state(project)
    r = cli("import", project, SAMPLE)
    assert_one_error_line(r, project, "newer version of Annotator", "9999")
    r = cli("docs", project)
    assert_one_error_line(r, project, "9999", "update Annotator")
    r = cli("check", project)
    assert_one_error_line(r, project, "9999")
    with pytest.raises(ProjectError, match="newer version"):
        Project.open(project)
    assert state(project) == before
    assert not Path(str(project) + "-wal").exists() or \
        Path(str(project) + "-wal").stat().st_size == 0


def test_missing_file_and_folder(tmp_path):
    gone = tmp_path / "gone.annot"
    for args in (("check", gone), ("docs", gone), ("import", gone, SAMPLE),
                 ("export", gone, tmp_path / "x.xlsx")):
        assert_one_error_line(cli(*args), gone, "no such project file")
    assert not gone.exists() and not (tmp_path / "x.xlsx").exists()
    nowhere = tmp_path / "no" / "such" / "x.annot"
    assert_one_error_line(cli("new", nowhere), nowhere, "does not exist")
    folder = tmp_path / "folder.annot"
    folder.mkdir()
    assert_one_error_line(cli("check", folder), folder, "folder")


def test_read_only_project_file(project):
    """A file marked read-only (chmod 444) is meant so, even for root."""
    os.chmod(project, 0o444)
    try:
        before = state(project)
        r = cli("import", project, SAMPLE)
        assert_one_error_line(r, project, "read-only")
        r = cli("check", project)
        assert r.returncode == 0, r.stderr
        assert state(project) == before
    finally:
        os.chmod(project, 0o644)


def test_folder_without_write_permission_is_refused(project, tmp_path, monkeypatch):
    """In process, for a normal user's read-only folder: os.access says no (as root it
    says yes to everything, so it is patched here; the real thing is the next test)."""
    real = os.access

    def access(p, mode, *a, **k):
        if mode & os.W_OK and Path(p) in (tmp_path, project):
            return False
        return real(p, mode, *a, **k)

    monkeypatch.setattr(os, "access", access)
    before = state(project)
    with pytest.raises(ProjectError, match="read-only"):
        Project.open(project)
    with pytest.raises(ProjectError, match="permission denied"):
        Project.create(tmp_path / "new.annot")
    assert not (tmp_path / "new.annot").exists()
    with Project.open(project, readonly=True) as p:
        assert p.check() == []
    assert state(project) == before


@pytest.mark.slow
def test_read_only_folder_for_real(project, tmp_path):
    """A read-only bind mount: writing is refused for root too (EROFS)."""
    folder = project.parent
    with Project.open(project):
        pass  # leave a backup and a checkpointed file behind, as after a normal session
    before = state(project)
    with readonly_folder(folder):
        with pytest.raises(OSError) as ei:
            (folder / "probe").write_text("x")
        assert ei.value.errno == errno.EROFS
        r = cli("import", project, SAMPLE)
        assert_one_error_line(r, project, "read-only")
        r = cli("new", folder / "new.annot")
        assert_one_error_line(r, folder / "new.annot", "cannot write")
        # reading should still work: a project on a read-only share or a locked USB stick
        issues = []
        for args in (("docs", project), ("check", project),
                     ("export", project, tmp_path.parent / f"{tmp_path.name}-out.xlsx")):
            r = cli(*args)
            if r.returncode != 0:
                assert_one_error_line(r, project)  # refused, at least, in one line
                issues.append(f"{args[0]}: {r.stderr.strip()}")
    assert state(project) == before
    assert not (folder / "new.annot").exists()
    xfail_on(issues, "core: a WAL project in a read-only folder cannot even be read "
                     "(needs `immutable=1` when the -shm cannot be created)")


@pytest.mark.slow
def test_full_disk_while_saving_keeps_the_project(tmp_path):
    """A project on an 8 MB tmpfs. The coder has it open when the disk fills up to the
    last byte: the next annotation is refused with "the disk is full" and nothing of it
    is kept; a second process (an import) is refused in one line; after space is freed
    the file checks clean and holds exactly what it held."""
    disk = tmp_path / "disk"
    with tmpfs(disk, "8m"):
        path = make_project(disk / "p.annot", annotate=3)
        with Project.open(path):
            pass  # the on-open backup exists now, so the next open needs no new one
        issues = []
        with Project.open(path) as p:
            kept = sorted(a.uuid for a in p.annotations())
            filler = fill(disk)
            with pytest.raises(ProjectError) as ei:
                for _ in range(500):  # the WAL may still have room for a page or two
                    p.add_annotation(1, CODER, "claim", 0, 12)
                    kept = sorted(a.uuid for a in p.annotations())
            assert str(path) in str(ei.value)
            if "disk is full" not in str(ei.value):
                issues.append(f"add_annotation: {ei.value}")
            assert sorted(a.uuid for a in p.annotations()) == kept
        before = state(path)
        r = cli("import", path, ROOT / "tests" / "fixtures")
        assert r.returncode != 0
        assert_one_error_line(r, path)
        if "full" not in r.stderr:
            issues.append(f"import: {r.stderr.strip()}")
        assert state(path) == before
        filler.unlink()
        with Project.open(path) as p:
            assert p.check() == []
            assert sorted(a.uuid for a in p.annotations()) == kept
        assert cli("check", path).returncode == 0
    xfail_on(issues, "core: a full disk at open is reported as a damaged file")


@pytest.mark.slow
def test_full_disk_while_exporting_leaves_nothing_half_written(project, tmp_path):
    disk = tmp_path / "disk"
    before = state(project)
    with tmpfs(disk, "1m"):
        fill(disk)
        out = disk / "export.xlsx"
        r = cli("export", project, out)
        assert_one_error_line(r, out, "full")
        r = cli("export", project, "--csv", disk / "csv")
        assert r.returncode != 0 and "Traceback" not in r.stderr
        assert r.stderr.startswith("error: ") and "full" in r.stderr
        # no file at all (the CSV folder the command created may stay, empty)
        leftovers = sorted(p.name for p in disk.rglob("*")
                           if p.name != "filler.bin" and not p.is_dir())
        assert leftovers == [], leftovers
    assert state(project) == before


def test_full_disk_simulated_without_mount(project, tmp_path, monkeypatch):
    """Where mounting is not allowed: the write path raising ENOSPC (simulated) gives the
    same one-line error and leaves no partial file."""
    import xlsxwriter.workbook

    from annotator.core.exporters import export_xlsx

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "close", full)
    out = tmp_path / "out.xlsx"
    with Project.open(project, readonly=True) as p:
        with pytest.raises(Exception) as ei:
            export_xlsx(p, out)
    assert "full" in str(ei.value) and str(out) in str(ei.value)
    assert not out.exists()
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".out")] == []


# --- d. rolling backups ----------------------------------------------------------------------

def test_rolling_backups_stay_ten_deep_plus_the_first_of_the_day_and_restore(tmp_path):
    path = make_project(tmp_path / "b.annot")
    expected: dict[Path, set[str]] = {}
    for i in range(13):
        with Project.open(path) as p:
            newest = db.list_backups(path)[0]
            # what the on-open backup of this session holds: the work of the ones before
            expected.setdefault(newest, {a.uuid for a in p.annotations()})
            doc = p.documents()[i % 3].id
            p.add_annotation(doc, CODER, "claim", 10 * i, 10 * i + 8)
            if i % 3 == 2:
                p.delete_annotation(p.annotations()[0].uuid)
        time.sleep(0.01)
        backups = db.list_backups(path)
        assert len(backups) <= db.BACKUPS_KEPT + 1  # + the first of today
    backups = db.list_backups(path)
    assert len(backups) == db.BACKUPS_KEPT + 1
    assert not list(path.parent.glob("*.part")) and not list(
        (path.parent / "b.backups").glob("*.part"))
    # every backup is a whole project on its own
    for b in backups:
        with Project.open(b, readonly=True) as p:
            assert p.check() == []
    # the next open backs up the last session's work; one more open, with no change in
    # between, adds no backup
    with Project.open(path):
        pass
    names = [b.name for b in db.list_backups(path)]
    with Project.open(path):
        pass
    assert [b.name for b in db.list_backups(path)] == names
    backups = db.list_backups(path)

    with Project.open(path, readonly=True) as p:
        now = {a.uuid for a in p.annotations()}
    target = backups[2]
    assert target in expected and expected[target] != now
    db.restore_backup(target, path)
    with Project.open(path) as p:
        assert p.check() == []
        assert {a.uuid for a in p.annotations()} == expected[target]
    assert cli("check", path).returncode == 0
    after = db.list_backups(path)
    assert len(after) <= db.BACKUPS_KEPT + 1
    # the state before the restore is itself restorable (a before-restore backup, or the
    # newest one when it already held exactly that state: no identical copy is made)
    undo = next(b for b in after if "before-restore" in b.name) \
        if any("before-restore" in b.name for b in after) else backups[0]
    db.restore_backup(undo, path)
    with Project.open(path, readonly=True) as p:
        assert {a.uuid for a in p.annotations()} == now


def test_backup_on_a_full_disk_refuses_the_open_cleanly(tmp_path):
    """The on-open backup needs room: on a full disk the open is refused with one line
    and the project is untouched (real tmpfs when we may mount, else skipped)."""
    disk = tmp_path / "disk"
    with tmpfs(disk, "8m"):
        path = make_project(disk / "p.annot", annotate=2)
        with Project.open(path) as p:
            p.add_annotation(1, CODER, "claim", 0, 7)  # a change: the next open backs up
        before = state(path)
        fill(disk)
        r = cli("import", path, SAMPLE)
        assert_one_error_line(r, path)
        assert state(path) == before
        assert not list((disk / "p.backups").glob("*.part"))
        if not ("backup failed" in r.stderr or "full" in r.stderr):
            pytest.xfail(f"core: a full disk at open is reported as {r.stderr.strip()!r}")
