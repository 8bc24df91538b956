"""A real PostgreSQL for the tests: Debian's server binaries, a cluster in a temp folder on
127.0.0.1 and a free port, started once per test session and stopped at its end.

initdb refuses to run as root, so as root the cluster belongs to the `postgres` user
(runuser); as anyone else it is the current user's. Only where no server binary exists is
it skipped, with the reason; CI installs the `postgresql` package (.ci/run).
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    dir: Path
    port: int
    password: str
    bin: Path
    as_postgres: bool

    def url(self, db: str = "postgres", user: str = "postgres", password: str | None = None
            ) -> str:
        pw = self.password if password is None and user == "postgres" else password
        auth = f"{user}:{pw}@" if pw else f"{user}@"
        return f"postgresql://{auth}127.0.0.1:{self.port}/{db}"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=True, capture_output=True, text=True)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def start() -> Cluster:
    b = bindir()
    if b is None:
        raise FileNotFoundError("no PostgreSQL server binaries (Debian package postgresql)")
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="annot-pg-"))
    password = secrets.token_hex(12)
    pwfile = root / "pw"
    pwfile.write_text(password + "\n")
    if as_postgres:
        shutil.chown(root, "postgres")
        shutil.chown(pwfile, "postgres")
    c = Cluster(root, _free_port(), password, b, as_postgres)
    c._run("initdb", "-D", str(root / "data"), "-U", "postgres", "-A", "scram-sha-256",
           "--pwfile", str(pwfile), "-E", "UTF8", "--locale", "C.UTF-8")
    c._run("pg_ctl", "-D", str(root / "data"), "-l", str(root / "log"), "-w", "-o",
           f"-p {c.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
           f"-c max_connections=60", "start")
    return c
