"""A bug's details go to a new file in the user's own log folder, created without ever
following a symlink; when nothing can be written the user still gets one line
(issue 9 item 7)."""

import os
import stat

import pytest

from annotator.cli import main, project_cmds
from annotator.core import crashlog


@pytest.fixture
def log_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def boom(args):
        raise RuntimeError("a bug in the docs command")

    monkeypatch.setattr(project_cmds, "cmd_docs", boom)
    return tmp_path


def test_a_bug_writes_a_private_log_in_the_users_log_folder(log_home, capsys):
    assert main(["docs", "whatever.annot"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("error: internal error (RuntimeError: a bug in the docs command); "
                          "details in ")
    log = err.strip().rsplit("details in ", 1)[1]
    assert log.startswith(str(log_home / "state")), log
    assert "a bug in the docs command" in open(log, encoding="utf-8").read()
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600
    assert not os.path.exists("/tmp/annotator-crash.log") or \
        os.path.getmtime("/tmp/annotator-crash.log") < os.path.getmtime(log)


def test_a_symlink_at_the_log_path_is_never_followed(log_home, capsys, monkeypatch):
    folder = crashlog.log_folder()
    folder.mkdir(parents=True)
    victim = log_home / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    names = iter(["planted.log", "planted.log", "fresh.log"])
    monkeypatch.setattr(crashlog, "_name", lambda: next(names))
    (folder / "planted.log").symlink_to(victim)
    assert main(["docs", "whatever.annot"]) == 2
    err = capsys.readouterr().err
    assert err.strip().endswith(f"details in {folder / 'fresh.log'}"), err
    assert victim.read_text(encoding="utf-8") == "precious"
    assert os.path.islink(folder / "planted.log")


def test_when_nothing_can_be_written_it_is_still_one_line(log_home, capsys):
    folder = crashlog.log_folder()
    folder.parent.mkdir(parents=True)
    folder.write_text("a file where the folder should be", encoding="utf-8")
    assert main(["docs", "whatever.annot"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("error: internal error (RuntimeError: a bug in the docs command); "
                          f"the details could not be written to {folder}")


def test_a_bug_quoting_hostile_data_is_still_one_short_escaped_line(log_home, capsys,
                                                                     monkeypatch):
    """The bug's message may quote a damaged or hostile value (a KeyError of a key read
    from a file): a terminal escape or a megabyte of it reached the terminal as it was."""
    def boom(args):
        raise RuntimeError("\x1b[2J\x1b]0;owned\x07" + "k" * 1_000_000)

    monkeypatch.setattr(project_cmds, "cmd_docs", boom)
    assert main(["docs", "whatever.annot"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\x07" not in err
    assert err.startswith("error: internal error (RuntimeError: \\x1b[2J\\x1b]0;owned\\x07kkk")
    assert len(err) < 600, len(err)
    log = err.strip().rsplit("details in ", 1)[1]
    assert "k" * 1000 in open(log, encoding="utf-8").read()  # the details keep it all
