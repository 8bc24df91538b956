"""The shipped forms of the app: the PyInstaller one-folder build and the wheel.

The build takes about a minute; it is reused when dist/annotator is newer than every
source file, the spec and the build script (set ANNOTATOR_REBUILD=1 to force one). Set
ANNOTATOR_SKIP_BUILD=1 to skip the frozen-app tests (e.g. where PyInstaller is missing).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "annotator"
EXE = DIST / ("annotator.exe" if os.name == "nt" else "annotator")
SAMPLE = ROOT / "annotator" / "resources" / "sample"


def _newest_source() -> float:
    paths = [*ROOT.joinpath("annotator").rglob("*"), *ROOT.joinpath("packaging").rglob("*"),
             ROOT / "pyproject.toml"]
    return max(p.stat().st_mtime for p in paths
               if p.is_file() and "__pycache__" not in p.parts)


def _sample_count() -> int:
    from annotator.core.importers import iter_files

    return len(iter_files([SAMPLE]))


@pytest.fixture(scope="module")
def app() -> Path:
    """The built executable; builds it first if it is missing or stale."""
    if os.environ.get("ANNOTATOR_SKIP_BUILD") == "1":
        pytest.skip("ANNOTATOR_SKIP_BUILD=1")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed (pip install -e '.[package]')")
    fresh = EXE.exists() and EXE.stat().st_mtime > _newest_source()
    if not fresh or os.environ.get("ANNOTATOR_REBUILD") == "1":
        t0 = time.monotonic()
        r = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT,
                           env=dict(os.environ, SKIP_SMOKE="1", PYTHON=sys.executable),
                           capture_output=True, text=True, timeout=1200)
        assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
        print(f"\nbuilt in {time.monotonic() - t0:.0f} s: {r.stdout.strip().splitlines()[-1]}")
    assert EXE.exists()
    return EXE


def _env(tmp: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_PLUGIN", "LD_LIBRARY"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp / "home"),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"),
               XDG_CACHE_HOME=str(tmp / "cache"), TMPDIR=str(tmp))
    env.update(extra)
    for k in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        Path(env[k]).mkdir(parents=True, exist_ok=True)
    return env


def run(exe: Path, *args, tmp: Path, timeout: float = 120, **env):
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=_env(tmp, **env), cwd=tmp)


def ok(r: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert r.returncode == 0, f"{r.args}: exit {r.returncode}\n{r.stdout}\n{r.stderr}"
    assert "Traceback" not in r.stderr, r.stderr
    return r


# --- the frozen app ---------------------------------------------------------------------------

@pytest.mark.slow
def test_bundle_has_its_data_and_stays_lean(app):
    internal = DIST / "_internal"
    res = internal / "annotator" / "resources"
    assert (res / "codebooks" / "sourcing.yaml").is_file()
    assert any((res / "fonts").glob("*.ttf"))
    assert len(list((res / "sample").glob("*.txt"))) >= 1
    for qm in (ROOT / "annotator" / "resources" / "i18n").glob("*.qm"):
        assert (res / "i18n" / qm.name).is_file(), qm.name
    mig = internal / "annotator" / "migrations"
    assert (mig / "env.py").is_file()
    shipped = sorted(p.name for p in (mig / "versions").glob("*.py"))
    assert shipped == sorted(p.name for p in (ROOT / "annotator/migrations/versions")
                             .glob("*.py"))
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6",
                     "libQt63DCore.so.6", "libqgtk3.so", "libcairo.so.2", "tkinter"):
        assert unwanted not in names, unwanted
    files = [p for p in DIST.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(f"\nbundle: {size / 1e6:.0f} MB in {len(files)} files")
    assert size < 300e6


@pytest.mark.slow
def test_frozen_cli_session(app, tmp_path):
    """The built executable on its own: new, import, list, check, codebook, export, and an
    old project upgraded by the bundled migrations."""
    p = tmp_path / "x.annot"
    assert ok(run(app, "--version", tmp=tmp_path)).stdout.startswith("annotator ")
    ok(run(app, "new", p, tmp=tmp_path))
    ok(run(app, "import", p, SAMPLE, tmp=tmp_path))
    docs = json.loads(ok(run(app, "docs", p, "--json", tmp=tmp_path)).stdout)
    assert len(docs) == _sample_count()
    assert "every quote matches" in ok(run(app, "check", p, tmp=tmp_path)).stdout
    ok(run(app, "codebook", p, "--export", tmp_path / "cb.yaml", tmp=tmp_path))
    assert "claim" in (tmp_path / "cb.yaml").read_text(encoding="utf-8")
    ok(run(app, "export", p, tmp_path / "x.xlsx", "--csv", tmp_path / "csv", tmp=tmp_path))
    assert zipfile.is_zipfile(tmp_path / "x.xlsx")
    # the exchange formats: SPSS needs pandas and pyreadstat in the bundle
    ok(run(app, "export", p, tmp_path / "x.sav", "--table", "documents", tmp=tmp_path))
    assert (tmp_path / "x.sav").read_bytes().startswith(b"$FL2")
    ok(run(app, "export", p, tmp_path / "x.qdpx", tmp=tmp_path))
    ok(run(app, "new", tmp_path / "back.annot", "--from", tmp_path / "x.qdpx", tmp=tmp_path))
    r = run(app, "check", tmp_path / "missing.annot", tmp=tmp_path)
    assert r.returncode == 1 and r.stderr.startswith("error: ") and "Traceback" not in r.stderr

    # a project at the first schema revision: the frozen app must find and run 0002
    old = tmp_path / "old.annot"
    _make_old_project(old)
    ok(run(app, "import", old, SAMPLE, tmp=tmp_path))
    ok(run(app, "check", old, tmp=tmp_path))
    assert list((tmp_path / "old.backups").glob("*before-upgrade*"))


def _make_old_project(path: Path) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    from annotator.core import db
    from annotator.core.project import Project

    Project.create(path).close()
    revs = [r.revision for r in ScriptDirectory.from_config(db._alembic_config())
            .walk_revisions()]
    if len(revs) < 2:
        pytest.skip("only one schema revision: nothing to upgrade")
    engine = db.make_engine(path)
    cfg = db._alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revs[-1])  # the first revision
    engine.dispose()
    assert db.current_revision(db.make_engine(path, readonly=True)) == revs[-1]


@pytest.mark.slow
def test_frozen_render_draws_an_article(app, tmp_path):
    """The Qt side of the bundle (offscreen platform plugin, fonts, the article view)."""
    p = tmp_path / "r.annot"
    ok(run(app, "new", p, tmp=tmp_path))
    ok(run(app, "import", p, SAMPLE, tmp=tmp_path))
    out = tmp_path / "doc.png"
    r = run(app, "render", p, "--doc", 1, "--out", out, tmp=tmp_path)
    if r.returncode != 0 and "invalid choice" in r.stderr:
        pytest.skip("no render command in this build")
    ok(r)
    data = (tmp_path / "doc-1.png").read_bytes()  # PNG output is A4 pages: doc-1.png, …
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


@pytest.mark.slow
def test_frozen_gui_starts_on_the_demo_project(app, tmp_path):
    """`annotator` with no arguments, offscreen, first run: it builds the demo project from
    the bundled sample articles, shows the desk, and (ANNOTATOR_QUIT_AFTER_MS) closes by
    itself with exit status 0."""
    proc = subprocess.Popen([str(app)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=tmp_path,
                            env=_env(tmp_path, ANNOTATOR_CODER="Tester",
                                     ANNOTATOR_QUIT_AFTER_MS="1500"))
    demo = tmp_path / "data" / "Annotator" / "demo.annot"
    try:
        out, err = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and not any(
        line.lower().startswith(("error", "fatal", "qt.qpa.plugin: could not"))
        for line in err.splitlines()), err
    assert demo.exists()
    docs = json.loads(ok(run(app, "docs", demo, "--json", tmp=tmp_path)).stdout)
    assert len(docs) == _sample_count()
    ok(run(app, "check", demo, tmp=tmp_path))


# --- the wheel --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("wheelbuild")
    # build from a copy of the tracked tree so the check sees what a fresh clone ships
    # (plus untracked resources, which a release build would have too)
    shutil.copytree(ROOT, build / "src", ignore=shutil.ignore_patterns(
        ".venv", "dist", "build", ".git", "*.egg-info", "__pycache__", ".pytest_cache",
        ".ruff_cache", "out"))
    # build isolation: pip fetches the setuptools that pyproject.toml asks for
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                        "-w", str(out), str(build / "src")],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    (whl,) = out.glob("annotator-*.whl")
    return whl


@pytest.mark.slow
def test_wheel_contains_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "annotator/resources/codebooks/sourcing.yaml" in names
    assert any(n.startswith("annotator/resources/fonts/") and n.endswith(".ttf")
               for n in names)
    assert any(n.startswith("annotator/resources/sample/") for n in names)
    for qm in (ROOT / "annotator" / "resources" / "i18n").glob("*.qm"):
        assert f"annotator/resources/i18n/{qm.name}" in names
    assert "annotator/migrations/env.py" in names
    for v in (ROOT / "annotator" / "migrations" / "versions").glob("*.py"):
        assert f"annotator/migrations/versions/{v.name}" in names
    assert not any(n.startswith(("tests/", "packaging/", "bench/")) for n in names)


@pytest.mark.slow
def test_wheel_installs_a_working_command(wheel, tmp_path):
    """A fresh venv with the wheel; the dependencies come from this venv's site-packages
    through a .pth line (the editable install of the checkout is not visible there)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path("
                           "'purelib'))"], capture_output=True, text=True, check=True)
    site = Path(site.stdout.strip())
    deps = [p for p in map(Path, sys.path) if p.name == "site-packages" and p.is_dir()]
    (site / "zz_deps.pth").write_text("\n".join(map(str, deps)) + "\n")
    r = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install",
                        "--no-deps", "--no-index", "-q", str(wheel)],
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0 and "no such option: --python" in r.stderr:
        pytest.skip("pip too old for --python")
    assert r.returncode == 0, r.stderr
    exe = venv / ("Scripts/annotator.exe" if os.name == "nt" else "bin/annotator")
    env = _env(tmp_path)
    where = subprocess.run([str(py), "-c", "import annotator; print(annotator.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert str(site) in where.stdout, where.stdout + where.stderr
    r = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env,
                       cwd=tmp_path)
    assert ok(r).stdout.startswith("annotator ")
    p = tmp_path / "w.annot"
    for args in (("new", p), ("import", p, site / "annotator" / "resources" / "sample"),
                 ("check", p)):
        ok(subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=tmp_path))
