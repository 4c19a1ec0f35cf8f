"""The case store: the only module that knows SQL.

Every public method runs in its own transaction and returns plain ``core``
dataclasses. Every state change writes an audit event in the same transaction.

Several users on one store (the team store, PostgreSQL; SQLite works the same way on one machine):

- **Versions.** Every row a person edits (cases, documents, pages, suggestions, settings, comments)
  has a ``version`` that SQLAlchemy checks and bumps on every UPDATE (``version_id_col``): an
  update of a row someone else changed in between fails instead of overwriting it. Writers that
  act on what a person *saw* pass the version they saw (``expected_version`` / ``versions``); a
  different current version raises ``core.errors.Conflict`` naming who changed it and when.
- **Locks.** A write transaction locks the rows it decides on (``SELECT … FOR UPDATE`` on
  PostgreSQL, in id order so two writers never deadlock; on SQLite a write transaction starts
  with ``BEGIN IMMEDIATE``, so writers take turns). Numbers (case numbers, akt numbers) are
  allocated under a lock: akt numbers under the case row's lock, case numbers under a
  transaction-level advisory lock.
- **Timeouts.** PostgreSQL connections set ``lock_timeout`` (``AKTINDSIGT_LOCK_TIMEOUT``, seconds,
  default 5) and ``idle_in_transaction_session_timeout`` (``AKTINDSIGT_IDLE_TIMEOUT``, default 60):
  a user blocked by another's open change gets ``core.errors.Busy`` in Danish naming who holds it
  (from ``application_name``), and a frozen client's transaction is ended by the server, so the
  others can go on. SQLite waits ``busy_timeout`` and then raises ``Busy`` too.
- **Change feed.** Each committed transaction that wrote audit events sends a ``NOTIFY aktindsigt``
  (PostgreSQL) with the cases it touched; ``store/notify.py`` listens (or polls the audit table on
  SQLite) so that other app instances refresh within seconds.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import logging
import os
import re
import uuid
import zlib
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from aktindsigt.core.errors import Busy, Conflict
from aktindsigt.core.model import (
    AccessType,
    AuditEvent,
    Case,
    CaseStatus,
    Direction,
    Document,
    DocumentStatus,
    Page,
    Rect,
    Regime,
    RequesterIdentifiers,
    RequesterType,
    Word,
)
from aktindsigt.store import migrate
from aktindsigt.store.auditchain import GENESIS, ChainReport, row_hash, verify_chain
from aktindsigt.store.blobs import BlobStore
from aktindsigt.store.schema import (
    AuditChainRow,
    AuditRow,
    BlobRow,
    CaseRow,
    DocumentRow,
    PageRow,
    PresenceRow,
    SettingRow,
)

log = logging.getLogger(__name__)

#: the channel of the change feed (PostgreSQL NOTIFY)
CHANNEL = "aktindsigt"


class NotFound(LookupError):
    """The case or document does not exist."""


class StatusConflict(Exception):
    """The case is not in the status a transition expects (someone else moved it meanwhile)."""

    def __init__(self, status: CaseStatus) -> None:
        super().__init__(status.value)
        self.status = status


def utcnow() -> datetime:
    return datetime.now(UTC)


def _jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def _seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, "") or default)
    except ValueError:
        log.warning("%s must be a number of seconds; using %s", name, default)
        return default
    return max(value, 0.0)


def lock_timeout() -> float:
    """Seconds a writer waits for another user's lock before it is told (``AKTINDSIGT_LOCK_TIMEOUT``)."""
    return _seconds("AKTINDSIGT_LOCK_TIMEOUT", 5.0)


def idle_timeout() -> float:
    """Seconds an open transaction may stand idle before PostgreSQL ends it (``AKTINDSIGT_IDLE_TIMEOUT``)."""
    return _seconds("AKTINDSIGT_IDLE_TIMEOUT", 60.0)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _sqlite_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(max(lock_timeout(), 10.0) * 1000)}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    """A write transaction takes SQLite's write lock at BEGIN: its reads and writes cannot interleave with
    another writer's (a deferred transaction that read first would fail on its first write instead)."""
    write = conn.get_execution_options().get("aktindsigt_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql", "postgres:"))


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            from aktindsigt.config import resolve_paths
            from aktindsigt.store.private import create_private_file, inside, private_dir, private_file

            db = Path(path)
            private_dir(db.parent, tighten=inside(db.parent, resolve_paths().home))
            create_private_file(db)  # 0600 before SQLite opens it: -wal and -shm take its permissions
            for extra in ("-wal", "-shm", "-journal"):
                private_file(db.with_name(db.name + extra))
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    elif url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    options = (f"-c lock_timeout={int(lock_timeout() * 1000)} "
               f"-c idle_in_transaction_session_timeout={int(idle_timeout() * 1000)}")
    return create_engine(url, pool_pre_ping=True, connect_args={"options": options, "application_name": "aktindsigt"})


# --- row <-> domain -------------------------------------------------------


def _case_from_row(r: CaseRow) -> Case:
    ids = r.requester_identifiers or {}
    return Case(
        id=r.id,
        case_number=r.case_number,
        title=r.title,
        requester_name=r.requester_name,
        requester_type=RequesterType(r.requester_type),
        regime=Regime(r.regime),
        received=r.received,
        channel=r.channel,
        request_text=r.request_text,
        scope=r.scope,
        kle_subject=r.kle_subject,
        kle_facet=r.kle_facet,
        underlying_cases=list(r.underlying_cases or []),
        requester_identifiers=RequesterIdentifiers.from_dict(ids),
        status=CaseStatus(r.status),
        esdh_ref=r.esdh_ref,
        caseworker=r.caseworker,
        decided=r.decided,
        created_at=r.created_at,
        version=r.version or 0,
        updated_by=r.updated_by or "",
        updated_at=r.updated_at,
    )


_CASE_FIELDS = (
    "title requester_name channel request_text scope kle_subject kle_facet esdh_ref caseworker received decided"
).split()


def _apply_case(row: CaseRow, case: Case) -> None:
    for name in _CASE_FIELDS:
        setattr(row, name, getattr(case, name))
    row.requester_type = case.requester_type.value
    row.regime = case.regime.value
    row.status = case.status.value
    row.underlying_cases = list(case.underlying_cases)
    row.requester_identifiers = _jsonable(case.requester_identifiers)


def _document_from_row(r: DocumentRow) -> Document:
    return Document(
        id=r.id,
        case_id=r.case_id,
        akt_nr=r.akt_nr,
        title=r.title,
        public_title=r.public_title,
        doc_date=r.doc_date,
        direction=Direction(r.direction),
        sender=r.sender,
        recipient=r.recipient,
        parent_id=r.parent_id,
        source_name=r.source_name,
        source_sha256=r.source_sha256,
        rendition_sha256=r.rendition_sha256,
        format=r.format,
        page_count=r.page_count,
        status=DocumentStatus(r.status),
        failure_reason=r.failure_reason,
        warnings=list(r.warnings or []),
        approximate=r.approximate,
        access=AccessType(r.access) if r.access else None,
        access_grounds=list(r.access_grounds or []),
        access_reason=r.access_reason,
        in_scope=r.in_scope,
        section26_considered=r.section26_considered,
        esdh_doc_id=r.esdh_doc_id,
        created_at=r.created_at,
        version=r.version or 0,
        updated_by=r.updated_by or "",
        updated_at=r.updated_at,
    )


def _page_from_row(r: PageRow) -> Page:
    return Page(
        number=r.number,
        width=r.width,
        height=r.height,
        text_start=r.text_start,
        text_end=r.text_end,
        words=[Word(w[0], Rect(w[1], w[2], w[3], w[4]), w[5], w[6], w[7]) for w in (r.words or [])],
        ocr=r.ocr,
        withheld=r.withheld,
        withheld_ground=r.withheld_ground,
    )


def _words_to_json(words: list[Word]) -> list[list]:
    return [
        [w.text, round(w.rect.x0, 2), round(w.rect.y0, 2), round(w.rect.x1, 2), round(w.rect.y1, 2), w.start, w.end, w.line]
        for w in words
    ]


@dataclasses.dataclass
class NewDocument:
    """What the import hands the store for one document (attachments in ``children``)."""

    document: Document
    pages: list[Page]
    text: str
    source_size: int = 0
    rendition_size: int = 0
    children: list[NewDocument] = dataclasses.field(default_factory=list)


_STALE_TABLE = re.compile(r"table '(\w+)'")
_TABLE_OBJECT = {"suggestions": "suggestion", "documents": "document", "cases": "case", "pages": "page",
                 "settings": "setting", "comments": "comment"}


class Store:
    def __init__(self, db_url: str, blobs_dir: Path, migrate_db: bool = True, blob_mode: str | None = None) -> None:
        self.url = db_url
        self.engine = make_engine(db_url)
        self.postgres = self.engine.dialect.name == "postgresql"
        #: identifies this store object in the change feed (its own changes are not reported back to it)
        self.session_id = uuid.uuid4().hex
        #: the user name sent as PostgreSQL ``application_name`` (a blocked user is told who holds the lock)
        self.identity = ""
        self._own_audit_ids: set[int] = set()
        if migrate_db:
            migrate.upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "after_flush", self._collect_changes)
        event.listen(self._sessions, "before_commit", self._notify_changes)
        if self.postgres:
            event.listen(self.engine, "checkout", self._set_application_name)
        from aktindsigt.store.dbblobs import open_blob_store

        self.blobs: BlobStore = open_blob_store(self, Path(blobs_dir), blob_mode)

    def close(self) -> None:
        self.engine.dispose()

    def set_identity(self, name: str) -> None:
        self.identity = " ".join(name.split())[:50]

    def _set_application_name(self, dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        wanted = f"aktindsigt: {self.identity}" if self.identity else "aktindsigt"
        if record.info.get("application_name") == wanted:
            return
        cur = dbapi_conn.cursor()
        try:
            cur.execute("SELECT set_config('application_name', %s, false)", (wanted,))
        finally:
            cur.close()
        dbapi_conn.commit()
        record.info["application_name"] = wanted

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Session]:
        """One transaction. ``write=True`` for every transaction that changes something: on SQLite it takes
        the write lock at the start (``BEGIN IMMEDIATE``). Lock timeouts become ``Busy``, a version
        mismatch found by an UPDATE becomes ``Conflict``; both are Danish ``ServiceError``s."""
        try:
            with self._sessions.begin() as session:
                if write and not self.postgres:
                    session.connection(execution_options={"aktindsigt_write": True})
                yield session
        except StaleDataError as e:
            m = _STALE_TABLE.search(str(e))
            raise Conflict(_TABLE_OBJECT.get(m.group(1) if m else "", "")) from e
        except DBAPIError as e:
            busy = self._busy(e)
            if busy is None:
                raise
            raise busy from e

    # --- locks, conflicts and the change feed ---------------------------------

    def _busy(self, error: DBAPIError) -> Busy | None:
        """A Danish ``Busy`` for a lock timeout or a connection the server closed; None for other errors."""
        orig = getattr(error, "orig", None)
        code = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
        text_ = str(orig or error).lower()
        if code == "55P03" or "lock timeout" in text_ or "database is locked" in text_:
            holders = self.lock_holders() if self.postgres else []
            if holders:
                who = holders[0]
                more = f" (og {len(holders) - 1} andre)" if len(holders) > 1 else ""
                message = (f"Ændringen kunne ikke gemmes, fordi {who}{more} har en ændring i gang, der ikke er gjort "
                           "færdig. Prøv igen om lidt.")
            else:
                message = "Ændringen kunne ikke gemmes, fordi en anden bruger har en ændring i gang. Prøv igen om lidt."
            if self.postgres and idle_timeout():
                message += (f" En ændring, der står åben i mere end {int(idle_timeout())} sekunder, afbrydes "
                            "automatisk.")
            return Busy(message, holders)
        if code in ("25P03", "57P01", "57P05") or "idle-in-transaction" in text_ or "terminating connection" in text_:
            return Busy("Forbindelsen til databasen blev lukket, fordi ændringen stod åben for længe eller serveren "
                        "blev genstartet. Ændringen er ikke gemt; prøv igen.")
        if code == "40P01":
            return Busy("To brugere ændrede det samme på samme tid. Ændringen er ikke gemt; prøv igen.")
        return None

    def lock_holders(self) -> list[str]:
        """The users (PostgreSQL ``application_name``) whose transactions have stood open for a second or more."""
        if not self.postgres:
            return []
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(text(
                    "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND xact_start < now() - interval '1 second' "
                    "AND application_name LIKE 'aktindsigt%' ORDER BY xact_start")).scalars().all()
        except DBAPIError:
            log.exception("cannot read pg_stat_activity")
            return []
        names = [r.split(":", 1)[1].strip() if ":" in r else "" for r in rows]
        return list(dict.fromkeys(n or "en anden bruger" for n in names))

    def _lock(self, s: Session, name: str) -> None:
        """A transaction-level lock on ``name`` (PostgreSQL advisory lock; SQLite: the write lock already)."""
        if self.postgres:
            s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": zlib.crc32(name.encode()) & 0x7FFFFFFF})

    def _lock_case(self, s: Session, case_id: int) -> CaseRow:
        row = s.get(CaseRow, case_id, with_for_update=True)
        if row is None:
            raise NotFound(f"case {case_id}")
        return row

    @staticmethod
    def _collect_changes(s: Session, _ctx: Any) -> None:
        for obj in s.new:
            if isinstance(obj, AuditRow):
                s.info.setdefault("aktindsigt_changes", []).append(
                    {"c": obj.case_id, "a": obj.action, "w": obj.who, "id": obj.id})

    def _notify_changes(self, s: Session) -> None:
        s.flush()  # before_commit runs before the commit's own flush: collect the last audit rows now
        changes = s.info.pop("aktindsigt_changes", [])
        if not changes:
            return
        ids = [c["id"] for c in changes if c.get("id")]
        self._own_audit_ids.update(ids)
        if len(self._own_audit_ids) > 10000:
            self._own_audit_ids = set(sorted(self._own_audit_ids)[-5000:])
        if not self.postgres:
            return
        by_case: dict[Any, dict[str, Any]] = {}
        for c in changes:
            entry = by_case.setdefault(c["c"], {"s": self.session_id, "c": c["c"], "w": c["w"], "a": []})
            if c["a"] not in entry["a"] and len(entry["a"]) < 20:
                entry["a"].append(c["a"])
        for payload in by_case.values():
            s.execute(text("SELECT pg_notify(:ch, :p)"), {"ch": CHANNEL, "p": json.dumps(payload)[:7900]})

    def is_own_audit(self, audit_id: int) -> bool:
        return audit_id in self._own_audit_ids

    def notify(self, case_id: int | None, action: str, who: str) -> None:
        """A change-feed message that is not an audited change (someone opened or closed a case)."""
        if not self.postgres:
            return
        with self.engine.begin() as conn:
            conn.execute(text("SELECT pg_notify(:ch, :p)"), {
                "ch": CHANNEL, "p": json.dumps({"s": self.session_id, "c": case_id, "w": who, "a": [action]})})

    # --- presence ------------------------------------------------------------

    def touch_presence(self, case_id: int, name: str) -> None:
        """This app instance has ``case_id`` open (a heartbeat; not audited)."""
        with self.transaction(write=True) as s:
            row = s.get(PresenceRow, self.session_id)
            new = row is None or row.case_id != case_id
            if row is None:
                s.add(PresenceRow(session_id=self.session_id, case_id=case_id, name=name[:128], seen_at=utcnow()))
            else:
                row.case_id, row.name, row.seen_at = case_id, name[:128], utcnow()
        if new:
            self.notify(case_id, "presence.open", name)

    def leave_presence(self) -> None:
        with self.transaction(write=True) as s:
            row = s.get(PresenceRow, self.session_id)
            case_id = row.case_id if row else None
            if row is not None:
                s.delete(row)
        if case_id is not None:
            self.notify(case_id, "presence.close", self.identity)

    def presence(self, case_id: int, within_s: float = 90.0) -> list[tuple[str, datetime]]:
        """(name, last seen) of the other app instances that have the case open (seen within ``within_s``)."""
        with self.transaction() as s:
            rows = s.execute(select(PresenceRow.name, PresenceRow.seen_at, PresenceRow.session_id)
                             .where(PresenceRow.case_id == case_id)).all()
        now = utcnow()
        out: dict[str, datetime] = {}
        for name, seen, sid in rows:
            seen = seen if seen.tzinfo else seen.replace(tzinfo=UTC)
            if sid != self.session_id and (now - seen).total_seconds() <= within_s:
                out[name] = max(seen, out.get(name, seen))
        return sorted(out.items())

    # --- audit -------------------------------------------------------------

    @staticmethod
    def _audit(
        s: Session,
        who: str,
        action: str,
        object_type: str,
        object_id: Any,
        case_id: int | None,
        before: Any = None,
        after: Any = None,
    ) -> None:
        # writers serialise on the chain's head row (the write lock on SQLite, a row lock on PostgreSQL)
        # before they read it, so two transactions cannot both append to the same head
        s.execute(update(AuditChainRow).where(AuditChainRow.id == 1).values(events=AuditChainRow.events + 1))
        prev = s.execute(select(AuditChainRow.head).where(AuditChainRow.id == 1)).scalar_one()
        at, b, a = utcnow(), _jsonable(before), _jsonable(after)
        digest = row_hash(prev, at, who, action, object_type, str(object_id), case_id, b, a)
        s.add(AuditRow(at=at, who=who, action=action, object_type=object_type, object_id=str(object_id),
                       case_id=case_id, before=b, after=a, prev_hash=prev, hash=digest))
        s.execute(update(AuditChainRow).where(AuditChainRow.id == 1).values(head=digest))

    def audit_head(self) -> tuple[str, int]:
        """(hash of the newest audit row, number of rows): what the journal note and the bundle quote."""
        with self.transaction() as s:
            row = s.get(AuditChainRow, 1)
            return (row.head, row.events) if row is not None else (GENESIS, 0)

    def verify_audit(self, expect_head: str = "") -> ChainReport:
        """Recompute the whole audit chain and compare it with the stored head (``verify_chain``)."""
        with self.transaction() as s:
            head = s.get(AuditChainRow, 1)
            rows = s.scalars(select(AuditRow).order_by(AuditRow.id)).yield_per(2000)
            return verify_chain(rows, head.head if head else GENESIS, head.events if head else 0,
                                expect_head=expect_head)

    def last_audit_ids(self, action: str) -> dict[int, int]:
        """Per case: the id of its latest audit event with ``action``."""
        with self.transaction() as s:
            q = (select(AuditRow.case_id, func.max(AuditRow.id)).where(AuditRow.action == action,
                                                                     AuditRow.case_id.is_not(None))
                 .group_by(AuditRow.case_id))
            return {int(cid): int(aid) for cid, aid in s.execute(q).all() if cid is not None}

    def audit_events(self, case_id: int | None = None) -> list[AuditEvent]:
        with self.transaction() as s:
            q = select(AuditRow).order_by(AuditRow.id)
            if case_id is not None:
                q = q.where(AuditRow.case_id == case_id)
            return [
                AuditEvent(
                    id=r.id, at=r.at, who=r.who, action=r.action, object_type=r.object_type,
                    object_id=r.object_id, case_id=r.case_id, before=r.before, after=r.after,
                )
                for r in s.scalars(q)
            ]

    # --- cases -------------------------------------------------------------

    def _next_case_number(self, s: Session, year: int) -> str:
        prefix = f"AKT-{year}-"
        self._lock(s, "case_number")
        existing = s.scalars(select(CaseRow.case_number).where(CaseRow.case_number.like(prefix + "%"))).all()
        numbers = [int(n[len(prefix) :]) for n in existing if n[len(prefix) :].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1:04d}"

    def create_case(self, case: Case, who: str) -> Case:
        """Insert a case; without a case number the next free ``AKT-<year>-NNNN`` is allocated under a lock."""
        for attempt in range(5):
            try:
                with self.transaction(write=True) as s:
                    now = utcnow()
                    row = CaseRow(created_at=now, updated_at=now, updated_by=who[:128])
                    _apply_case(row, case)
                    row.case_number = case.case_number or self._next_case_number(s, case.received.year)
                    s.add(row)
                    s.flush()
                    created = _case_from_row(row)
                    self._audit(s, who, "case.create", "case", row.id, row.id, None, created)
                    return created
            except IntegrityError as e:
                if case.case_number:
                    raise DuplicateCaseNumber(case.case_number) from e
                log.info("case number taken meanwhile (attempt %d); allocating again", attempt + 1)
        raise Busy("Der kunne ikke tildeles et sagsnummer, fordi mange sager blev oprettet på samme tid. Prøv igen.")

    def update_case(self, case: Case, who: str, action: str = "case.update",
                    expected_version: int | None = None) -> Case:
        """Write the case's fields. ``expected_version``: the version the caller read (default: the version of
        ``case``, when it was read from the store); a different one raises ``Conflict`` (no lost update)."""
        if case.id is None:
            raise ValueError("case has no id")
        if expected_version is None and case.version:
            expected_version = case.version
        with self.transaction(write=True) as s:
            row = self._lock_case(s, case.id)
            if expected_version is not None and row.version != expected_version:
                raise Conflict("case", row.id, row.updated_by, row.updated_at, case_id=row.id)
            before = _case_from_row(row)
            _apply_case(row, case)
            if case.case_number:
                row.case_number = case.case_number
            row.updated_at = utcnow()
            row.updated_by = who[:128]
            s.flush()
            after = _case_from_row(row)
            self._audit(s, who, action, "case", row.id, row.id, before, after)
            return after

    def transition_case(
        self, case_id: int, status: CaseStatus, who: str, action: str, *, expected: Collection[CaseStatus],
        setting: tuple[str, Any] | None = None, details: dict[str, Any] | None = None,
        decided: date | None = None,
    ) -> Case:
        """Move a case to ``status`` when it is in one of ``expected`` (else ``StatusConflict``), write
        ``setting`` (key, value) and one audit event with the details, all in one transaction."""
        with self.transaction(write=True) as s:
            row = self._lock_case(s, case_id)
            before = CaseStatus(row.status)
            if before not in expected:
                raise StatusConflict(before)
            row.status = status.value
            row.updated_at = utcnow()
            row.updated_by = who[:128]
            if decided is not None:
                row.decided = decided
            if setting is not None:
                key, value = setting
                self._put_setting(s, key, value, who)
            s.flush()
            self._audit(s, who, action, "case", case_id, case_id, {"status": before.value},
                        {"status": status.value, **(details or {})})
            return _case_from_row(row)

    def reassign_caseworker(self, from_name: str, to_name: str, who: str,
                            action: str = "case.caseworker") -> list[int]:
        """Every case whose caseworker is ``from_name`` gets ``to_name``, in one write transaction with one
        audit event per case; returns the ids. Read and write happen under the write lock, so two callers at
        once (the first-run dialog and the demo build, say) do not conflict: the second finds nothing left."""
        if not from_name or from_name == to_name:
            return []
        moved: list[int] = []
        with self.transaction(write=True) as s:
            ids = s.scalars(select(CaseRow.id).where(CaseRow.caseworker == from_name).order_by(CaseRow.id)).all()
            for case_id in ids:
                row = self._lock_case(s, case_id)
                if row.caseworker != from_name:
                    continue
                before = _case_from_row(row)
                row.caseworker = to_name
                row.updated_at = utcnow()
                row.updated_by = who[:128]
                s.flush()
                self._audit(s, who, action, "case", row.id, row.id, before, _case_from_row(row))
                moved.append(row.id)
        return moved

    def get_case(self, case_id: int) -> Case:
        with self.transaction() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise NotFound(f"case {case_id}")
            return _case_from_row(row)

    def find_case(self, ref: str | int) -> Case:
        """A case by id or by case number."""
        with self.transaction() as s:
            row = None
            if isinstance(ref, int) or str(ref).isdigit():
                row = s.get(CaseRow, int(ref))
            if row is None:
                row = s.scalars(select(CaseRow).where(CaseRow.case_number == str(ref))).first()
            if row is None:
                raise NotFound(f"case {ref}")
            return _case_from_row(row)

    def list_cases(self) -> list[Case]:
        with self.transaction() as s:
            return [_case_from_row(r) for r in s.scalars(select(CaseRow).order_by(CaseRow.received, CaseRow.id))]

    def count_cases(self) -> int:
        with self.transaction() as s:
            return s.scalar(select(func.count(CaseRow.id))) or 0

    # --- documents ----------------------------------------------------------

    def list_documents(self, case_id: int) -> list[Document]:
        with self.transaction() as s:
            q = select(DocumentRow).where(DocumentRow.case_id == case_id).order_by(DocumentRow.akt_nr)
            return [_document_from_row(r) for r in s.scalars(q)]

    def get_document(self, document_id: int) -> Document:
        with self.transaction() as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise NotFound(f"document {document_id}")
            return _document_from_row(row)

    def document_text(self, document_id: int) -> str:
        with self.transaction() as s:
            text = s.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
            if text is None:
                raise NotFound(f"document {document_id}")
            return text

    def get_pages(self, document_id: int, numbers: Collection[int] | None = None) -> list[Page]:
        """The pages with their word maps; ``numbers``: only these pages (1-based)."""
        with self.transaction() as s:
            q = select(PageRow).where(PageRow.document_id == document_id).order_by(PageRow.number)
            if numbers is not None:
                q = q.where(PageRow.number.in_(list(numbers)))
            return [_page_from_row(r) for r in s.scalars(q)]

    def page_index(self, document_id: int) -> list[Page]:
        """Every page's size, text range and withheld state, without the word maps (cheap for long documents)."""
        with self.transaction() as s:
            q = (
                select(PageRow.number, PageRow.width, PageRow.height, PageRow.text_start, PageRow.text_end,
                       PageRow.ocr, PageRow.withheld, PageRow.withheld_ground)
                .where(PageRow.document_id == document_id)
                .order_by(PageRow.number)
            )
            return [Page(number=n, width=w, height=h, text_start=a, text_end=b, ocr=ocr, withheld=withheld,
                         withheld_ground=ground)
                    for n, w, h, a, b, ocr, withheld, ground in s.execute(q).all()]

    def withheld_pages(self, case_id: int) -> dict[int, list[Page]]:
        """The case's withheld pages by document id, without their word maps (cheap)."""
        with self.transaction() as s:
            q = (
                select(PageRow.document_id, PageRow.number, PageRow.width, PageRow.height, PageRow.text_start,
                       PageRow.text_end, PageRow.ocr, PageRow.withheld_ground)
                .join(DocumentRow, DocumentRow.id == PageRow.document_id)
                .where(DocumentRow.case_id == case_id, PageRow.withheld.is_(True))
                .order_by(PageRow.document_id, PageRow.number)
            )
            out: dict[int, list[Page]] = {}
            for doc_id, number, w, h, a, b, ocr, ground in s.execute(q).all():
                out.setdefault(doc_id, []).append(
                    Page(number=number, width=w, height=h, text_start=a, text_end=b, ocr=ocr, withheld=True,
                         withheld_ground=ground))
            return out

    def find_document_by_source(self, case_id: int, sha256: str) -> Document | None:
        """A top-level document of the case imported from identical bytes (duplicate detection)."""
        with self.transaction() as s:
            q = select(DocumentRow).where(
                DocumentRow.case_id == case_id,
                DocumentRow.source_sha256 == sha256,
                DocumentRow.parent_id.is_(None),
            )
            row = s.scalars(q).first()
            return _document_from_row(row) if row else None

    def add_documents(self, case_id: int, new: NewDocument, who: str) -> list[Document]:
        """Insert a document and its attachments in one transaction; akt numbers follow in order."""
        with self.transaction(write=True) as s:
            self._lock_case(s, case_id)  # akt numbers are allocated under the case's lock
            next_nr = (s.scalar(select(func.max(DocumentRow.akt_nr)).where(DocumentRow.case_id == case_id)) or 0) + 1
            created: list[Document] = []

            def ensure_blob(sha: str | None, size: int) -> None:
                if sha:
                    self._ensure_blob_row(s, sha, size)

            def insert(nd: NewDocument, parent_id: int | None) -> None:
                nonlocal next_nr
                d = nd.document
                ensure_blob(d.source_sha256, nd.source_size)
                ensure_blob(d.rendition_sha256, nd.rendition_size)
                row = DocumentRow(
                    case_id=case_id,
                    akt_nr=next_nr,
                    title=d.title[:1000],
                    public_title=d.public_title[:1000],
                    doc_date=d.doc_date,
                    direction=d.direction.value,
                    sender=d.sender[:500],
                    recipient=d.recipient[:1000],
                    parent_id=parent_id,
                    source_name=d.source_name[:1000],
                    source_sha256=d.source_sha256,
                    rendition_sha256=d.rendition_sha256,
                    format=d.format,
                    page_count=len(nd.pages),
                    status=d.status.value,
                    failure_reason=d.failure_reason,
                    warnings=list(d.warnings),
                    approximate=d.approximate,
                    text=nd.text,
                    in_scope=d.in_scope,
                    created_at=utcnow(),
                )
                next_nr += 1
                s.add(row)
                s.flush()
                for p in nd.pages:
                    s.add(
                        PageRow(
                            document_id=row.id,
                            number=p.number,
                            width=p.width,
                            height=p.height,
                            text_start=p.text_start,
                            text_end=p.text_end,
                            ocr=p.ocr,
                            words=_words_to_json(p.words),
                        )
                    )
                doc = _document_from_row(row)
                created.append(doc)
                self._audit(
                    s, who, "document.import" if doc.status is DocumentStatus.READY else "document.import_failed",
                    "document", row.id, case_id, None,
                    {"akt_nr": doc.akt_nr, "title": doc.title, "source": doc.source_name,
                     "sha256": doc.source_sha256, "status": doc.status.value, "reason": doc.failure_reason,
                     "pages": doc.page_count},
                )
                for child in nd.children:
                    insert(child, row.id)

            insert(new, None)
            return created

    def _ensure_blob_row(self, s: Session, sha: str, size: int) -> None:
        """Register a blob; two users storing the same file at the same moment is not an error."""
        if s.get(BlobRow, sha) is not None:
            return
        values = {"sha256": sha, "size": size, "created_at": utcnow()}
        if self.postgres:
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            s.execute(pg_insert(BlobRow).values(**values).on_conflict_do_nothing(index_elements=["sha256"]))
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            s.execute(sqlite_insert(BlobRow).values(**values).on_conflict_do_nothing(index_elements=["sha256"]))

    def update_document(self, document: Document, who: str, action: str = "document.update",
                        expected_version: int | None = None) -> Document:
        """Write a document's decision and properties. ``expected_version``: the version the caller read
        (default: the version of ``document``, when it was read from the store)."""
        if expected_version is None and document.version:
            expected_version = document.version
        fields = (
            "title public_title doc_date sender recipient access_reason in_scope section26_considered esdh_doc_id"
        ).split()
        with self.transaction(write=True) as s:
            row = s.get(DocumentRow, document.id, with_for_update=True)
            if row is None:
                raise NotFound(f"document {document.id}")
            if expected_version is not None and row.version != expected_version:
                raise Conflict("document", row.id, row.updated_by, row.updated_at, case_id=row.case_id,
                               label=f"Akt {row.akt_nr}")
            before = _document_from_row(row)
            for name in fields:
                setattr(row, name, getattr(document, name))
            row.direction = document.direction.value
            row.access = document.access.value if document.access else None
            row.access_grounds = list(document.access_grounds)
            row.updated_by, row.updated_at = who[:128], utcnow()
            s.flush()
            after = _document_from_row(row)
            self._audit(s, who, action, "document", row.id, row.case_id, before, after)
            return after

    def set_document_parent(self, document_id: int, parent_id: int | None, who: str) -> Document:
        """Make a document an attachment of another document of the same case (``None``: top-level)."""
        with self.transaction(write=True) as s:
            row = s.get(DocumentRow, document_id, with_for_update=True)
            if row is None:
                raise NotFound(f"document {document_id}")
            if parent_id is not None:
                parent = s.get(DocumentRow, parent_id)
                if parent is None or parent.case_id != row.case_id or parent.id == row.id:
                    raise NotFound(f"document {parent_id}")
            before = row.parent_id
            row.parent_id = parent_id
            row.updated_by, row.updated_at = who[:128], utcnow()
            s.flush()
            self._audit(s, who, "document.parent", "document", row.id, row.case_id, {"parent_id": before},
                        {"parent_id": parent_id})
            return _document_from_row(row)

    def renumber_documents(self, case_id: int, numbers: dict[int, int], who: str) -> None:
        """Give documents the akt numbers in ``numbers`` (document id -> akt nr.), under the case's lock.
        ``ValueError`` (Danish) when two documents would get the same number."""
        with self.transaction(write=True) as s:
            self._lock_case(s, case_id)
            rows = {r.id: r for r in s.scalars(select(DocumentRow).where(DocumentRow.case_id == case_id))}
            unknown = [d for d in numbers if d not in rows]
            if unknown:
                raise NotFound(f"documents {unknown}")
            final = {doc_id: numbers.get(doc_id, r.akt_nr) for doc_id, r in rows.items()}
            taken: dict[int, int] = {}
            for doc_id, nr in final.items():
                if nr in taken:
                    a, b = rows[taken[nr]], rows[doc_id]
                    raise ValueError(f"akt nr. {nr} ville gå til både '{a.title}' og '{b.title}'")
                taken[nr] = doc_id
            before = {doc_id: r.akt_nr for doc_id, r in rows.items()}
            changed = {d: n for d, n in final.items() if before[d] != n}
            if not changed:
                return
            for doc_id in changed:  # first out of the way (the numbers are unique per case), then in place
                rows[doc_id].akt_nr = -doc_id
            s.flush()
            for doc_id, nr in changed.items():
                rows[doc_id].akt_nr = nr
                rows[doc_id].updated_by, rows[doc_id].updated_at = who[:128], utcnow()
            s.flush()
            self._audit(s, who, "document.renumber", "case", case_id, case_id,
                        {"akt_nr": {str(d): before[d] for d in changed}}, {"akt_nr": {str(d): n for d, n in changed.items()}})

    # --- settings -----------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.transaction() as s:
            row = s.get(SettingRow, key)
            return default if row is None else row.value

    def get_setting_versioned(self, key: str, default: Any = None) -> tuple[Any, int]:
        """(value, version); version 0 when the setting does not exist."""
        with self.transaction() as s:
            row = s.get(SettingRow, key)
            return (default, 0) if row is None else (row.value, row.version)

    def _put_setting(self, s: Session, key: str, value: Any, who: str) -> Any:
        """Insert or update a setting inside ``s`` (the row locked); returns the value before."""
        row = s.get(SettingRow, key, with_for_update=True)
        if row is None:
            if self.postgres:
                from sqlalchemy.dialects.postgresql import insert as pg_insert

                s.execute(pg_insert(SettingRow).values(key=key, value=None, version=1, updated_by="")
                          .on_conflict_do_nothing(index_elements=["key"]))
                row = s.get(SettingRow, key, with_for_update=True, populate_existing=True)
            else:
                row = SettingRow(key=key, value=None)
                s.add(row)
        before = None if row is None else row.value
        assert row is not None
        row.value = _jsonable(value)
        row.updated_by, row.updated_at = who[:128], utcnow()
        return before

    def set_setting(self, key: str, value: Any, who: str, expected_version: int | None = None) -> None:
        """Write a setting. ``expected_version`` (from ``get_setting_versioned``; 0 = must not exist yet): the
        version the caller read; a different one raises ``Conflict``."""
        with self.transaction(write=True) as s:
            if expected_version is not None:
                row = s.get(SettingRow, key, with_for_update=True)
                current = 0 if row is None else row.version
                if current != expected_version:
                    what = "statements" if key.endswith(":statements") else "setting"
                    raise Conflict(what, key, row.updated_by if row else "", row.updated_at if row else None)
            before = self._put_setting(s, key, value, who)
            self._audit(s, who, "setting.set", "setting", key, _case_of_setting(key), {"value": before},
                        {"value": _jsonable(value)})

    def merge_setting(self, key: str, base: Any, new: Any, who: str, normalise: Any = None) -> Any:
        """Write ``new``, which the caller made from ``base``: whatever another user changed in the setting since
        (other keys) is kept, a key both changed differently raises ``Conflict`` naming who changed it.
        ``normalise(stored)`` brings the stored value into the shape ``base`` has (defaults filled in)."""
        norm = normalise or (lambda v: v if v is not None else {})
        try:
            return self.update_setting(key, lambda current: merge3(_jsonable(base), _jsonable(new),
                                                                   _jsonable(norm(current))), who)
        except Conflict as e:
            row_who, row_at = "", None
            with self.transaction() as s:
                row = s.get(SettingRow, key)
                if row is not None:
                    row_who, row_at = row.updated_by, row.updated_at
            raise Conflict("statements", key, row_who, row_at, case_id=_case_of_setting(key)) from e

    def update_setting(self, key: str, change: Any, who: str, default: Any = None) -> Any:
        """Read-modify-write a setting with its row locked: ``change(current) -> new`` (no lost update when two
        users change different parts of one setting at the same time). Returns the new value."""
        with self.transaction(write=True) as s:
            row = s.get(SettingRow, key, with_for_update=True)
            current = default if row is None else row.value
            new = change(current)
            before = self._put_setting(s, key, new, who)
            self._audit(s, who, "setting.set", "setting", key, _case_of_setting(key), {"value": before},
                        {"value": _jsonable(new)})
            return new

    def set_settings(self, values: dict[str, Any], who: str) -> None:
        """Write several settings in one transaction (all or none). A value is written as it is, ``None``
        deletes the key, and a function ``change(current) -> new`` is applied with the row locked."""
        with self.transaction(write=True) as s:
            for key, value in values.items():
                if value is None:
                    row = s.get(SettingRow, key, with_for_update=True)
                    if row is not None:
                        before = row.value
                        s.delete(row)
                        self._audit(s, who, "setting.set", "setting", key, _case_of_setting(key),
                                    {"value": before}, {"value": None})
                    continue
                if callable(value):
                    row = s.get(SettingRow, key, with_for_update=True)
                    value = value(None if row is None else row.value)
                before = self._put_setting(s, key, value, who)
                self._audit(s, who, "setting.set", "setting", key, _case_of_setting(key), {"value": before},
                            {"value": _jsonable(value)})

    def settings_like(self, pattern: str) -> dict[str, Any]:
        """Settings whose key matches the SQL LIKE ``pattern`` (e.g. ``case:%:export_pending``)."""
        with self.transaction() as s:
            return {r.key: r.value for r in s.scalars(select(SettingRow).where(SettingRow.key.like(pattern)))}


def merge3(base: Any, mine: Any, theirs: Any, path: str = "") -> Any:
    """Three-way merge of JSON values: ``mine`` changed ``base``, ``theirs`` is what is stored now. Keys only
    one side changed take that side's value; a key both changed differently raises ``Conflict``."""
    if isinstance(base, dict) and isinstance(mine, dict) and isinstance(theirs, dict):
        out = dict(theirs)
        for k in set(base) | set(mine) | set(theirs):
            b, m, t = base.get(k), mine.get(k), theirs.get(k)
            if m == b:
                continue  # not changed here: theirs stands
            if t in (b, m):
                out[k] = m
                if m is None and k not in mine:
                    out.pop(k, None)
            elif isinstance(b, dict) or isinstance(m, dict) or isinstance(t, dict):
                out[k] = merge3(b or {}, m or {}, t or {}, f"{path}{k}.")
            else:
                raise Conflict("statements", f"{path}{k}")
        return out
    if mine == base or theirs == mine:
        return theirs
    if theirs == base:
        return mine
    raise Conflict("statements", path.rstrip("."))


_CASE_SETTING = re.compile(r"^case:(\d+):")


def _case_of_setting(key: str) -> int | None:
    """The case a setting belongs to (``case:<id>:…``), so that its change reaches the case's audit trail."""
    m = _CASE_SETTING.match(key)
    return int(m.group(1)) if m else None


class DuplicateCaseNumber(Exception):
    """A case with this number exists (someone created it at the same moment)."""

    def __init__(self, number: str) -> None:
        super().__init__(number)
        self.number = number


def _count_by_case(s: Session, column: Any, *where: Any) -> dict[int, int]:
    q = select(column, func.count()).group_by(column)
    for w in where:
        q = q.where(w)
    return {cid: n for cid, n in s.execute(q).all()}


def case_counts(store: Store) -> dict[int, dict[str, int]]:
    """Per case: number of documents, failed documents and open (pending) suggestions."""
    from aktindsigt.store.schema import SuggestionRow

    with store.transaction() as s:
        docs = _count_by_case(s, DocumentRow.case_id)
        failed = _count_by_case(s, DocumentRow.case_id, DocumentRow.status == DocumentStatus.FAILED.value)
        open_ = _count_by_case(s, SuggestionRow.case_id, SuggestionRow.status == "pending")
    ids = set(docs) | set(open_)
    return {cid: {"documents": docs.get(cid, 0), "failed": failed.get(cid, 0), "open_suggestions": open_.get(cid, 0)}
            for cid in ids}
