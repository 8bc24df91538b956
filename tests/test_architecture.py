"""The two rules that keep the code easy to change, and ruff, checked on every run."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def test_core_never_imports_qt_and_widgets_never_run_sql():
    r = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert "2 kept, 0 broken" in r.stdout


def test_ruff_is_clean():
    r = subprocess.run([_tool("ruff"), "check", "annotator", "tests", "bench", "packaging"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:]
