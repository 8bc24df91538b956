"""Server project addresses: `postgresql://user@host[:port]/database[?sslmode=...]`.

A password may be given in the URL for scripts, but the address shown in messages and
stored anywhere is always without it: passwords belong in the user's PGPASSFILE
(~/.pgpass) or the PGPASSWORD environment, which libpq reads by itself.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit, urlunsplit

from ..errors import InputError

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def is_server_url(value) -> bool:
    s = str(value)
    return s.split(":", 1)[0].lower() in SCHEMES and ":/" in s


class ServerURL(str):
    """The address as shown (password removed); `.sqlalchemy` is what connects."""

    sqlalchemy: str
    database: str
    user: str

    def __new__(cls, value) -> ServerURL:
        raw = str(value)
        # a Path turned "postgresql://h/db" into "postgresql:/h/db": put the slash back
        scheme, _, rest = raw.partition(":")
        rest = "//" + rest.lstrip("/")
        if scheme.lower() not in SCHEMES:
            raise InputError(None, f"not a PostgreSQL address: {raw.split('@')[-1]}")
        parts = urlsplit("postgresql:" + rest)
        if not parts.hostname or not parts.path.strip("/"):
            raise InputError(None, "a server address needs a host and a database: "
                                   "postgresql://user@host/database")
        query = dict(parse_qsl(parts.query))
        mode = query.get("sslmode")
        if mode is not None and mode not in SSLMODES:
            raise InputError(None, f"sslmode must be one of {', '.join(SSLMODES)}")
        user = parts.username or ""
        netloc_shown = (f"{user}@" if user else "") + parts.hostname + (
            f":{parts.port}" if parts.port else "")
        shown = urlunsplit(("postgresql", netloc_shown, parts.path, parts.query, ""))
        obj = super().__new__(cls, shown)
        netloc = parts.netloc  # with the password, if one was given
        obj.sqlalchemy = urlunsplit(("postgresql+psycopg", netloc, parts.path, parts.query, ""))
        obj.database = parts.path.strip("/")
        obj.user = user
        return obj

    # what the rest of the core asks of a project's path
    @property
    def name(self) -> str:
        return self.database

    @property
    def stem(self) -> str:
        return self.database

    @property
    def parent(self):
        """Where "beside the project" is for a save dialog: the user's home folder."""
        from pathlib import Path

        return Path.home()

    def resolve(self) -> ServerURL:
        return self

    def exists(self) -> bool:
        return True

    def with_user(self, user: str, password: str | None = None) -> ServerURL:
        parts = urlsplit(self.sqlalchemy)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        auth = user + (f":{password}" if password else "")
        return ServerURL(urlunsplit(("postgresql", f"{auth}@{host}", parts.path,
                                     parts.query, "")))
