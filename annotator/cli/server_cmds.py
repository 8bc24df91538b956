"""`annotator server …` (the supervisor sets up the team's PostgreSQL project) and
`annotator sync` (a coder's file and the server exchange work)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core.errors import InputError


def register(sub) -> None:
    p = sub.add_parser("server", help="the team's project on a PostgreSQL server",
                       description="Set up and look after the team's server project. "
                       "Addresses are postgresql://USER@HOST[:PORT]/DATABASE[?sslmode=...]; "
                       "passwords come from your PGPASSFILE (~/.pgpass) or PGPASSWORD, "
                       "never from the project. See docs/team-server.md.")
    ssub = p.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    q = ssub.add_parser("init", help="create the server project from a local one",
                        description="Copy a local project (documents, codebook, coders, "
                        "assignments, all work) into an empty database, and set up roles "
                        "and row-level security. Run it as the role that will supervise.")
    q.add_argument("url")
    q.add_argument("--from", dest="source", type=Path, required=True, metavar="PROJECT")
    q.set_defaults(handler=cmd_init)
    q = ssub.add_parser("add-coder", help="a login for a coder (prints a one-time password)",
                        description="Create the coder (if new) and a database role for them, "
                        "and print the role and a password once. Give both to the coder for "
                        "their PGPASSFILE; Annotator stores the password nowhere.")
    q.add_argument("url")
    q.add_argument("name")
    q.set_defaults(handler=cmd_add_coder)
    q = ssub.add_parser("upgrade", help="bring the server's schema and policies up to date")
    q.add_argument("url")
    q.set_defaults(handler=cmd_upgrade)

    p = sub.add_parser("sync", help="exchange a coder's file with the team's server",
                       description="Pull the articles newly assigned to you and the current "
                       "codebook, then push your annotations, links, notes and statuses. "
                       "Safe to repeat; if the network drops, run it again.")
    p.add_argument("local", type=Path, metavar="LOCAL.annot")
    p.add_argument("--server", required=True, metavar="URL",
                   help="postgresql://YOUR_ROLE@HOST/DATABASE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sync)


def _url(value: str):
    from ..core.server.url import ServerURL, is_server_url

    if not is_server_url(value):
        raise InputError(None, f"not a server address: {value} (postgresql://user@host/db)")
    return ServerURL(value)


def cmd_init(args) -> int:
    from ..core.server.init import init_server

    counts = init_server(_url(args.url), args.source)
    print(f"created the server project at {_url(args.url)}: "
          + ", ".join(f"{n} {t}" for t, n in counts.items() if n))
    return 0


def cmd_add_coder(args) -> int:
    from ..core.server.connect import open_server
    from ..core.server.security import add_coder

    with open_server(_url(args.url)) as server:
        role, password = add_coder(server, args.name)
    print(f"coder: {args.name}\nrole: {role}\npassword: {password}\n"
          f"The coder adds this line to their PGPASSFILE (~/.pgpass, mode 0600):\n"
          f"{_url(args.url).split('@')[-1].split('/')[0].split(':')[0]}:*:"
          f"{_url(args.url).database}:{role}:{password}")
    return 0


def cmd_upgrade(args) -> int:
    from ..core.server.connect import open_server
    from ..core.server.security import install_security

    with open_server(_url(args.url), upgrade=True) as server:
        install_security(server)
    print(f"{_url(args.url)} is up to date")
    return 0


def cmd_sync(args) -> int:
    from ..core.sync import sync

    rep = sync(args.local, _url(args.server))
    if args.json:
        json.dump(rep.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    pushed = ", ".join(f"{v} {k}" for k, v in rep.pushed.items() if v) or "nothing new"
    print(f"synced {args.local.name} with {_url(args.server)} at {rep.when}: pulled "
          f"{rep.pulled_documents} articles"
          + (", the new codebook" if rep.codebook_updated else "") + f"; pushed {pushed}")
    for n in rep.notes:
        print(f"note: {n}")
    return 0
