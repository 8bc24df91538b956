"""Blind coding enforced by PostgreSQL, not by the client.

Each coder is a database role (member of `annot_coders`); `annot_roles` maps a role to its
coder row. Row-level security lets a coder read only the articles assigned to them, the
codebook and their own rows, and write only their own rows on their own articles. The
supervisor is the role that ran `server init` and owns the tables, so no policy limits it.
Passwords are set once and printed once: they live in the coder's PGPASSFILE, never here.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from sqlalchemy import text

from ..errors import InputError, ProjectError

GROUP = "annot_coders"
# tables a coder writes: their own rows only (coder_id), on their own articles
OWN_ROWS = ("annotations", "relations", "document_notes", "suggestion_rejections")
READ_ONLY = ("project", "categories", "category_groups", "attributes", "relation_types",
             "codebook_versions", "settings", "alembic_version")

_SETUP = [
    f"DO $$ BEGIN CREATE ROLE {GROUP} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; "
    "END $$",
    "CREATE TABLE IF NOT EXISTS annot_roles (role name PRIMARY KEY, "
    "coder_id integer NOT NULL UNIQUE REFERENCES coders(id) ON DELETE CASCADE)",
    # who am I, as a coder row: SECURITY DEFINER so it reads annot_roles past RLS
    """CREATE OR REPLACE FUNCTION annot_coder_id() RETURNS integer
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
       $$ SELECT coder_id FROM annot_roles WHERE role = session_user $$""",
    """CREATE OR REPLACE FUNCTION annot_my_documents() RETURNS SETOF integer
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
       $$ SELECT document_id FROM assignments WHERE coder_id = annot_coder_id() $$""",
    f"GRANT USAGE ON SCHEMA public TO {GROUP}",
    f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {GROUP}",
    f"REVOKE SELECT ON annot_roles FROM {GROUP}",
    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {GROUP}",
    f"GRANT INSERT, UPDATE ON {', '.join(OWN_ROWS)} TO {GROUP}",
    f"GRANT UPDATE (status, updated) ON assignments TO {GROUP}",
    f"GRANT DELETE ON suggestion_rejections TO {GROUP}",
    f"GRANT EXECUTE ON FUNCTION annot_coder_id(), annot_my_documents() TO {GROUP}",
]


def _policies() -> list[str]:
    out = []
    mine = "document_id IN (SELECT annot_my_documents())"
    specs = {
        "documents": ("SELECT", "id IN (SELECT annot_my_documents())", None),
        "document_texts": ("SELECT", mine, None),
        "coders": ("SELECT", "id = annot_coder_id()", None),
        "assignments": ("ALL", "coder_id = annot_coder_id()", "coder_id = annot_coder_id()"),
        "annotations": ("ALL", f"coder_id = annot_coder_id() AND {mine}",
                        f"coder_id = annot_coder_id() AND {mine}"),
        "document_notes": ("ALL", f"coder_id = annot_coder_id() AND {mine}",
                           f"coder_id = annot_coder_id() AND {mine}"),
        "suggestion_rejections": ("ALL", f"coder_id = annot_coder_id() AND {mine}",
                                  f"coder_id = annot_coder_id() AND {mine}"),
        # a relation is a coder's own, between two of their annotations
        "relations": ("ALL", "coder_id = annot_coder_id()",
                      "coder_id = annot_coder_id() AND from_id IN (SELECT id FROM "
                      "annotations) AND to_id IN (SELECT id FROM annotations)"),
    }
    for table, (cmd, using, check) in specs.items():
        out.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        out.append(f"DROP POLICY IF EXISTS annot_coder ON {table}")
        pol = f"CREATE POLICY annot_coder ON {table} FOR {cmd} TO {GROUP} USING ({using})"
        if check:
            pol += f" WITH CHECK ({check})"
        out.append(pol)
    return out


def install_security(server) -> None:
    """Roles, grants and policies (idempotent: `server init` and `server upgrade` run it)."""
    with server._engine.begin() as conn:
        for stmt in _SETUP + _policies():
            conn.execute(text(stmt))


_ROLE_OK = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def role_for(name: str) -> str:
    """A database role name for a coder: ASCII letters of the name when it has some (for
    a readable pg_stat_activity), and always a random suffix (names need not be ASCII)."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:20] or "coder"
    return f"annot_{base}_{secrets.token_hex(3)}"


def add_coder(server, name: str) -> tuple[str, str]:
    """Create `name`'s role with a fresh password; returns (role, password). The password
    is shown once and stored nowhere by Annotator."""
    name = name.strip()
    if not name or any(ord(c) < 32 for c in name):
        raise InputError(None, "a coder's name must be printable text")
    server.add_coder(name)
    role = role_for(name)
    password = secrets.token_urlsafe(18)
    if not _ROLE_OK.match(role):
        raise InputError(None, f"cannot make a role name from {name!r}")
    with server._engine.begin() as conn:
        cid = conn.execute(text("SELECT id FROM coders WHERE name = :n"), {"n": name}).scalar()
        have = conn.execute(text("SELECT role FROM annot_roles WHERE coder_id = :c"),
                            {"c": cid}).scalar()
        if have:
            raise ProjectError(server.path, f"coder '{name}' already has the login {have}; "
                                            "to set a new password: ALTER ROLE " + have)
        # identifiers cannot be bound; role is [a-z0-9_] by construction
        # the server gets a SCRAM verifier, never the password: nothing to leak in its log
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN IN ROLE {GROUP} PASSWORD "
                             f"'{scram_verifier(password)}'")
        conn.execute(text("INSERT INTO annot_roles (role, coder_id) VALUES (:r, :c)"),
                     {"r": role, "c": cid})
    return role, password


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5803 / RFC 7677)."""
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = base64.b64encode
    return (f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}"
            f"${b64(stored_key).decode()}:{b64(server_key).decode()}")
