"""CLI start-up: a command loads only its own module, `--help` loads none, and the list
of commands the fast path knows is the list the modules register."""

from __future__ import annotations

import argparse
import subprocess
import sys

from annotator import cli
from annotator.core import db


def _registered() -> dict[str, str]:
    out = {}
    for name in cli.MODULES:
        mod = cli._load(name)
        if mod is None:
            continue
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        mod.register(sub)
        out.update({cmd: name for cmd in sub.choices})
    return out


def test_fast_command_table_matches_what_modules_register():
    registered = _registered()
    missing = sorted(set(registered) - set(cli.COMMANDS))
    assert not missing, (f"add {missing} to annotator/cli/__init__.py COMMANDS (module and "
                         "help line): the fast path does not know them")
    assert {c: m for c, (m, _) in cli.COMMANDS.items() if c in registered} == registered
    for name in cli.MODULES:  # every module name is importable (or missing on purpose)
        cli._load(name)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\n"
                          "print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_help_imports_no_heavy_module():
    mods = _modules_after("import sys\nfrom annotator.cli import main\n"
                          "sys.stdout = open('/dev/null', 'w')\n"
                          "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    heavy = {m for m in mods if m.split(".")[0] in
             ("sqlalchemy", "alembic", "numpy", "openpyxl", "xlsxwriter", "PySide6",
              "krippendorff", "yaml", "pyarabic")}
    assert not heavy, sorted(heavy)[:10]


def test_docs_loads_neither_alembic_nor_numpy(tmp_path):
    from annotator.core.project import Project

    path = tmp_path / "s.annot"
    Project.create(path).close()
    mods = _modules_after(f"import sys\nfrom annotator.cli import main\n"
                          f"sys.stdout = open('/dev/null', 'w')\nmain(['docs', {str(path)!r}])")
    heavy = {m.split(".")[0] for m in mods} & {"alembic", "numpy", "openpyxl", "xlsxwriter",
                                                "PySide6", "krippendorff"}
    assert not heavy


def test_help_lists_every_command(capsys):
    try:
        cli.main(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    for cmd in _registered():
        assert cmd in out


def test_schema_head_read_from_files_is_alembics_head():
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(db._alembic_config()).get_current_head()
    assert db.schema_head() == head
    assert db._known_revisions() == {r.revision for r in ScriptDirectory.from_config(
        db._alembic_config()).walk_revisions()}
