"""Every test runs without a screen: Qt draws offscreen, settings go to a temp folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")


# --- a real PostgreSQL for the team-server tests (tests/pgserver.py) ---------------------

import secrets  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def pg():
    """One cluster for the whole run, stopped at its end."""
    from tests import pgserver

    if pgserver.bindir() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have PostgreSQL's server binaries (.ci/run installs them)")
        pytest.skip("no PostgreSQL server binaries here (Debian package postgresql)")
    cluster = pgserver.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def db(pg, monkeypatch):
    """An empty database of its own for each test. The supervisor's password reaches
    libpq as a user's would (PGPASSWORD): never in the address or the project."""
    import psycopg

    from annotator.core.server.url import ServerURL

    monkeypatch.setenv("PGPASSWORD", pg.password)
    name = "t_" + secrets.token_hex(4)
    with psycopg.connect(pg.url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return ServerURL(pg.url(name))
