"""``aktindsigt db copy``: move a whole store (rows and blobs) to another database, e.g. a caseworker's
SQLite store into the team's PostgreSQL store.

Every table of the schema is copied row by row with its primary keys, versions and audit rows as they
are (the audit trail is append-only: it is inserted, never rewritten, so its hash chain survives), in
the order of the foreign keys; PostgreSQL sequences are moved past the copied ids. Every blob the
source knows (its blob rows, its blob folder or its ``blob_chunks``) is streamed into the target's blob
store and checked by its SHA-256. Afterwards the copy is verified: the same number of rows in every
table, the same audit trail (a SHA-256 over all audit rows on both sides), every blob present. The
target must be empty (no cases, no audit rows): a copy never merges two stores.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from aktindsigt.store.blobs import sha256_file
from aktindsigt.store.schema import AuditRow, Base, BlobRow, CaseRow
from aktindsigt.store.store import Store

log = logging.getLogger(__name__)

#: tables not copied: blob content moves through the blob stores, presence is only "who is here now"
SKIP = {"blob_chunks", "presence"}
BATCH = 500


class CopyError(Exception):
    """The copy cannot be made or did not verify (Danish message)."""


@dataclass
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)
    blobs: int = 0
    blob_bytes: int = 0
    audit_sha256: str = ""
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _utc(value: Any) -> Any:
    """The app writes UTC; SQLite hands datetimes back without a zone."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    return value


def table_digest(store: Store, table_name: str) -> tuple[int, str]:
    """(rows, SHA-256) over a table's rows in primary-key order, values normalised across engines."""
    table = Base.metadata.tables[table_name]
    h = hashlib.sha256()
    n = 0
    with store.engine.connect() as conn:
        rows = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
            select(table).order_by(*table.primary_key.columns))
        for row in rows:
            n += 1
            h.update(json.dumps({k: _canonical(v) for k, v in row._mapping.items()}, sort_keys=True,
                                default=str).encode("utf-8"))
            h.update(b"\n")
    return n, h.hexdigest()


def _rows(store: Store, table: Any) -> Iterator[list[dict[str, Any]]]:
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
            select(table).order_by(*table.primary_key.columns))
        batch: list[dict[str, Any]] = []
        for row in result:
            batch.append({k: _utc(v) for k, v in row._mapping.items()})
            if len(batch) >= BATCH:
                yield batch
                batch = []
        if batch:
            yield batch


def _source_blobs(src: Store) -> list[str]:
    """Every blob the source knows: its blob rows, and whatever its blob folder or chunk table holds."""
    from aktindsigt.store.dbblobs import DatabaseBlobStore
    from aktindsigt.store.schema import BlobChunkRow

    with src.transaction() as s:
        shas = set(s.scalars(select(BlobRow.sha256)))
        if isinstance(src.blobs, DatabaseBlobStore):
            shas.update(s.scalars(select(BlobChunkRow.sha256).where(BlobChunkRow.seq == 0)))
    if not isinstance(src.blobs, DatabaseBlobStore) and src.blobs.root.is_dir():
        for p in src.blobs.root.glob("??/??/*"):
            if len(p.name) == 64 and p.is_file():
                shas.add(p.name)
    return sorted(shas)


def copy_store(src: Store, dst: Store, progress: Callable[[str], None] = lambda _m: None) -> CopyReport:
    """Copy everything from ``src`` into the empty ``dst`` and verify it (see the module docstring)."""
    started = time.monotonic()
    report = CopyReport()
    with dst.transaction() as s:
        if s.scalar(select(func.count()).select_from(CaseRow)) or s.scalar(select(func.count()).select_from(AuditRow)):
            raise CopyError("Måldatabasen indeholder allerede sager eller en revisionslog. Kopiér kun til en tom "
                            "database (opret en ny, og kør 'aktindsigt db upgrade' på den).")
    tables = [t for t in Base.metadata.sorted_tables if t.name not in SKIP]
    # the target's settings may hold what its first open wrote; the source's win (the audit trail is empty,
    # and append-only: it is not touched)
    with dst.transaction(write=True) as s:
        for t in reversed(tables):
            if t.name != AuditRow.__tablename__:
                s.execute(t.delete())
    for table in tables:
        progress(f"Kopierer {table.name}")
        n = 0
        for batch in _rows(src, table):
            with dst.transaction(write=True) as s:
                s.execute(insert(table), batch)
            n += len(batch)
        report.rows[table.name] = n
    if dst.postgres:
        with dst.transaction(write=True) as s:
            for table in tables:
                pk = list(table.primary_key.columns)
                if len(pk) == 1 and pk[0].name == "id" and pk[0].autoincrement in (True, "auto"):
                    s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                   f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
    shas = _source_blobs(src)
    for i, sha in enumerate(shas):
        if i % 50 == 0:
            progress(f"Kopierer filer ({i} af {len(shas)})")
        path = src.blobs.path(sha)
        if not path.is_file():
            report.problems.append(f"Filen {sha[:12]}… findes ikke i kildens filarkiv.")
            continue
        if sha256_file(path) != sha:
            report.problems.append(f"Filen {sha[:12]}… i kildens filarkiv er ændret (SHA-256 passer ikke).")
            continue
        got, size, _new = dst.blobs.put_file(path)
        report.blobs += 1
        report.blob_bytes += size
    progress("Kontrollerer kopien")
    report.problems.extend(verify_copy(src, dst, shas))
    _n, report.audit_sha256 = table_digest(dst, AuditRow.__tablename__)
    report.seconds = time.monotonic() - started
    return report


def verify_copy(src: Store, dst: Store, shas: list[str]) -> list[str]:
    problems = []
    for table in Base.metadata.sorted_tables:
        if table.name in SKIP:
            continue
        a, b = table_digest(src, table.name), table_digest(dst, table.name)
        if a != b:
            problems.append(f"Tabellen {table.name} er ikke kopieret ens ({a[0]} rækker i kilden, {b[0]} i målet).")
    for sha in shas:
        if not dst.blobs.exists(sha):
            problems.append(f"Filen {sha[:12]}… mangler i målets filarkiv.")
    return problems


def open_for_copy(url: str, blobs: Path | None, mode: str | None) -> Store:
    """A store for ``db copy``: migrated to the newest revision, its blob store as given or its default."""
    if blobs is None:
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            blobs = Path(url.split("///", 1)[1]).parent / "blobs"
        else:
            from aktindsigt.config import resolve_paths

            blobs = resolve_paths().blobs
    return Store(url, Path(blobs), blob_mode=mode)


__all__ = ["CopyError", "CopyReport", "copy_store", "open_for_copy", "table_digest", "verify_copy"]
