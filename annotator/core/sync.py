"""Sync between a coder's local project file and the team's server project: the merge
rules (UUIDs, newer wins, tombstones, a coder's own rows only) are the sync rules, so a
file merged by hand and a sync end the same.

    pull: articles newly assigned on the server, and the server's codebook
    push: the coder's annotations, relations, notes and statuses (merge into the server)

Offline is normal: nothing here runs unless asked, and a server that is unreachable or
goes away mid-sync leaves the local file as it was and the server as it was (each
direction is one transaction), so running it again completes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from .errors import InputError, ProjectError
from .models import Assignment, Coder, Document, DocumentText
from .progress import CancelToken, Progress

LAST = "sync.last"
SERVER = "sync.server"


@dataclass
class SyncReport:
    pulled_documents: int = 0
    codebook_updated: bool = False
    pushed: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    when: str = ""

    def to_json(self) -> dict:
        return {"pulled_documents": self.pulled_documents,
                "codebook_updated": self.codebook_updated, "pushed": self.pushed,
                "notes": self.notes, "when": self.when}


def sync(local, address, progress: Progress | None = None,
         cancel: CancelToken | None = None) -> SyncReport:
    """Sync the coder's file `local` (a path, or the Project the desk has open) with the
    server at `address`. Pull first (so the push meets the same codebook), then push."""
    from .project import Project

    if isinstance(local, Project):
        return _sync_open(local, address, progress, cancel)
    with Project.open(Path(local)) as project:
        return _sync_open(project, address, progress, cancel)


def _sync_open(local, address, progress, cancel) -> SyncReport:
    from .merge import merge_packages
    from .server.connect import explain, open_server

    report = SyncReport()
    coder = local.info()["package_coder"]
    if not coder:
        raise InputError(local.path, "is not a coder's file (a package); sync takes the "
                                     "file the supervisor gave you")
    server = open_server(address)
    try:
        if server.uuid != local.uuid:
            raise ProjectError(local.path, f"belongs to another project than the one on "
                                           f"{server.path}")
        try:
            _pull(local, server, coder, report)
            # push: the merge, into the server, in one server transaction; it reads the
            # file through its own read-only connection, beside the desk's
            [merged] = merge_packages(server, [local.path], progress, cancel)
        except DBAPIError as exc:
            raise explain(server.path, exc) from None
        report.pushed = merged.totals()
        report.notes += merged.notes
    finally:
        server.close()
    report.when = datetime.now(timezone.utc).isoformat(timespec="seconds")
    local.set_setting(LAST, report.when)
    local.set_setting(SERVER, str(address))
    return report


def _pull(local, server, coder: str, report: SyncReport) -> None:
    """Articles assigned to `coder` on the server that the file lacks, and the codebook."""
    scb, lcb = server.codebook(), local.codebook()
    if scb.fingerprint() != lcb.fingerprint() or scb.version != lcb.version:
        _check_codebook_keeps_work(local, scb)
        local.set_codebook(scb)
        report.codebook_updated = True
    with server._read() as ss, local._tx() as ls:
        mine = ss.scalar(select(Coder.id).where(Coder.name == coder))
        if mine is None:
            raise ProjectError(server.path, f"has no coder '{coder}'; ask the supervisor to "
                                            f"run `annotator server add-coder`")
        have = set(ls.scalars(select(Document.uuid)))
        local_coder = ls.scalar(select(Coder.id).where(Coder.name == coder))
        rows = ss.execute(select(Document, DocumentText.text, Assignment.status)
                          .join(DocumentText, DocumentText.document_id == Document.id)
                          .join(Assignment, Assignment.document_id == Document.id)
                          .where(Assignment.coder_id == mine)
                          .order_by(Document.id)).all()
        for d, text, status in rows:
            if d.uuid in have:
                continue
            if ls.get(Document, d.id) is not None:
                report.notes.append(f"article {d.id} is another article in this file; "
                                    "not pulled")
                continue
            row = Document(id=d.id, uuid=d.uuid, title=d.title, outlet=d.outlet,
                           author=d.author, published=d.published, url=d.url,
                           language=d.language, sha256=d.sha256, length=d.length,
                           source_file=d.source_file, meta=dict(d.meta or {}),
                           created=d.created)
            row.body = DocumentText(text=text)
            ls.add(row)
            ls.flush()
            ls.add(Assignment(document_id=d.id, coder_id=local_coder, status=status))
            report.pulled_documents += 1
    if report.pulled_documents:
        local._emit("documents_added", [])


def _check_codebook_keeps_work(local, cb) -> None:
    """The server's codebook must still hold every category and value the coder used."""
    from .annotations import validate_attrs

    problems = []
    for a in local.annotations():
        cat = cb.category(a.category)
        if cat is None:
            problems.append(f"{a.category} (annotation {a.uuid[:8]})")
            continue
        try:
            validate_attrs(cat, a.attrs)
        except InputError as exc:
            problems.append(f"{exc.message} (annotation {a.uuid[:8]})")
    if problems:
        raise ProjectError(local.path, "the server's codebook no longer has what this file "
                                       "uses: " + "; ".join(problems[:5]) +
                           (f" and {len(problems) - 5} more" if len(problems) > 5 else "") +
                           "; ask the supervisor")
