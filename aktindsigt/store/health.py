"""What ``aktindsigt doctor`` says about the store: the database, its timeouts, the blob store every team
member must reach, the change feed and the protection of the audit trail."""

from __future__ import annotations

import contextlib
import os
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text

from aktindsigt.store import migrate
from aktindsigt.store.blobs import sha256_file
from aktindsigt.store.schema import BlobRow
from aktindsigt.store.store import Store

SAMPLE = 25


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str  # what was found
    consequence: str = ""  # Danish: what does not work, and what to do


def _database(store: Store) -> Check:
    try:
        with store.engine.connect() as conn:
            version = (conn.execute(text("SHOW server_version")).scalar() if store.postgres
                       else conn.execute(text("SELECT sqlite_version()")).scalar())
        current = migrate.current_revision(store.engine)
    except Exception as e:  # noqa: BLE001
        return Check("Database", False, str(e), "Databasen kan ikke nås. Kontrollér AKTINDSIGT_DB_URL og netværket.")
    heads = migrate.script_heads()
    engine = "PostgreSQL" if store.postgres else "SQLite"
    if current is None:
        return Check("Database", True, f"{engine} {version}, tom (skemaet oprettes ved første start eller med "
                     "'aktindsigt db upgrade')")
    if current not in heads:
        return Check("Database", False, f"{engine} {version}, skemaversion {current or 'tom'}",
                     "Skemaet er ikke opdateret. Kør 'aktindsigt db upgrade'.")
    return Check("Database", True, f"{engine} {version}, skemaversion {current}")


def _timeouts(store: Store) -> Check | None:
    if not store.postgres:
        return None
    with store.engine.connect() as conn:
        lock = conn.execute(text("SHOW lock_timeout")).scalar()
        idle = conn.execute(text("SHOW idle_in_transaction_session_timeout")).scalar()
    ok = lock not in ("0", None) and idle not in ("0", None)
    return Check("Låse og tidsgrænser", ok, f"lock_timeout {lock}, idle_in_transaction_session_timeout {idle}",
                 "" if ok else "En bruger, der venter på en andens ændring, får ingen besked. Sæt "
                 "AKTINDSIGT_LOCK_TIMEOUT og AKTINDSIGT_IDLE_TIMEOUT til et antal sekunder.")


def _blobs(store: Store, home: Path | None) -> Check:
    from aktindsigt.store.dbblobs import DatabaseBlobStore

    blobs = store.blobs
    in_db = isinstance(blobs, DatabaseBlobStore)
    where = "i databasen" if in_db else f"i mappen {blobs.root}"
    with store.transaction() as s:
        total = s.scalar(select(func.count()).select_from(BlobRow)) or 0
        rows = list(s.execute(select(BlobRow.sha256, BlobRow.size)).all()) if total <= 5000 else list(
            s.execute(select(BlobRow.sha256, BlobRow.size).limit(5000)).all())
    sample = random.Random(0).sample(rows, min(SAMPLE, len(rows)))
    missing, wrong = 0, 0
    for sha, size in sample:
        if isinstance(blobs, DatabaseBlobStore):
            got = blobs.size(sha)
            missing += got is None
            wrong += got is not None and got != size
        else:
            path = blobs.path(sha)
            if not path.is_file():
                missing += 1
            elif sha256_file(path) != sha:
                wrong += 1
    problems = []
    if missing:
        problems.append(f"{missing} af {len(sample)} kontrollerede filer mangler")
    if wrong:
        problems.append(f"{wrong} af {len(sample)} kontrollerede filer er ændret")
    if not in_db:
        try:
            blobs.root.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=blobs.root, prefix=".doctor-")
            os.close(fd)
            os.unlink(tmp)
        except OSError as e:
            problems.append(f"der kan ikke skrives i mappen ({e.strerror})")
        if store.postgres and home is not None and _inside(blobs.root, home):
            problems.append("mappen ligger i din egen datamappe, så resten af teamet kan ikke læse originalerne")
    detail = f"Originaler og PDF-udgaver {where}; {total} filer registreret, {len(sample)} kontrolleret"
    if problems:
        return Check("Filarkiv", False, detail, "; ".join(problems).capitalize() + ". Sæt AKTINDSIGT_BLOBS til "
                     "teamets fælles mappe eller til 'database'.")
    return Check("Filarkiv", True, detail)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def _feed(store: Store) -> Check:
    if not store.postgres:
        return Check("Ændringer fra andre", True, "SQLite: andre vinduer på samme maskine ser ændringer inden for "
                     "få sekunder (revisionsloggen aflæses)")
    import psycopg

    from aktindsigt.store.notify import ChangeFeed

    channel = f"aktindsigt_doctor_{os.getpid()}"
    conninfo = ChangeFeed(store, lambda _e: None)._conninfo()
    try:
        with psycopg.connect(conninfo, autocommit=True) as listener, psycopg.connect(conninfo, autocommit=True) as talker:
            listener.execute(f"LISTEN {channel}")
            started = time.monotonic()
            talker.execute(f"NOTIFY {channel}, 'ping'")
            got = list(listener.notifies(timeout=3, stop_after=1))
    except Exception as e:  # noqa: BLE001
        return Check("Ændringer fra andre", False, str(e), "Andre brugeres ændringer vises først, når visningen "
                     "opdateres.")
    if not got:
        return Check("Ændringer fra andre", False, "LISTEN/NOTIFY svarede ikke inden for 3 sekunder",
                     "Andre brugeres ændringer vises først, når visningen opdateres.")
    return Check("Ændringer fra andre", True, f"LISTEN/NOTIFY virker ({(time.monotonic() - started) * 1000:.0f} ms)")


def _audit_protection(store: Store) -> Check:
    with store.engine.connect() as conn:
        if store.postgres:
            n = conn.execute(text("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                  "WHERE c.relname = 'audit_events' AND NOT t.tgisinternal")).scalar()
        else:
            n = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                  "AND tbl_name = 'audit_events'")).scalar()
    if n:
        return Check("Revisionslog", True, "Databasen afviser ændring og sletning af revisionshændelser")
    return Check("Revisionslog", False, "Ingen beskyttelse i databasen",
                 "Revisionshændelser kan ændres med SQL uden om programmet.")


def store_checks(store: Store, home: Path | None = None) -> list[Check]:
    """Every check; a check that fails to run is reported as failed, never raised."""
    checks: list[Check] = []
    first = _database(store)
    checks.append(first)
    if "kan ikke nås" in first.consequence or " tom " in first.detail:
        return checks

    def blobs(s: Store) -> Check:
        return _blobs(s, home)

    names = {_timeouts: "Låse og tidsgrænser", blobs: "Filarkiv", _feed: "Ændringer fra andre",
             _audit_protection: "Revisionslog"}
    for fn, name in names.items():
        try:
            c = fn(store)
        except Exception as e:  # noqa: BLE001
            c = Check(name, False, str(e).splitlines()[0][:200], "Kontrollen kunne ikke køres.")
        if c is not None:
            checks.append(c)
    return checks


def open_for_checks(url: str, blobs: Path, mode: str | None) -> Store:
    """The store without migrating it (the doctor reports an old schema instead of changing it)."""
    with contextlib.suppress(Exception):
        return Store(url, blobs, migrate_db=False, blob_mode=mode)
    return Store(url, blobs, migrate_db=False, blob_mode="folder")


__all__ = ["Check", "open_for_checks", "store_checks"]
