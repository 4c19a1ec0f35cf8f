"""The audit log as a hash chain, append-only in the database.

Every audit row carries ``prev_hash`` (the hash of the row before it, ``GENESIS`` for the first) and
``hash`` = SHA-256 over a canonical JSON of its fields and ``prev_hash``.  The one-row table
``audit_chain`` holds the head (hash and number of rows); the journal note and the export bundle quote
it, so a log that is cut short or rewritten no longer matches what was sent.  Writers serialise on
that row (``Store._audit`` updates it before it reads the head: the write lock on SQLite, a row lock on
PostgreSQL), so concurrent transactions cannot fork the chain.

The database refuses ``UPDATE`` and ``DELETE`` of audit rows (and, on PostgreSQL, ``TRUNCATE``) by
triggers created in migration 0002; :func:`verify_chain` recomputes the whole chain.

A migration that has to rebuild ``audit_events`` (SQLite batch mode) must drop the triggers first and
create them again with :func:`create_triggers`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
CHAIN_VERSION = 1
APPEND_ONLY_MESSAGE = "audit_events is append-only"


def _at(value: Any) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    return str(value)


def row_hash(prev_hash: str, at: Any, who: str, action: str, object_type: str, object_id: str,
             case_id: int | None, before: Any, after: Any) -> str:
    """The hash of one audit row (``at`` compared in UTC to the microsecond, as both databases keep it)."""
    payload = [CHAIN_VERSION, prev_hash, _at(at), who, action, object_type, str(object_id),
               case_id, before, after]
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass
class ChainReport:
    events: int = 0
    head: str = GENESIS
    stored_head: str = GENESIS
    stored_events: int = 0
    problems: list[str] = field(default_factory=list)  # Danish, first problem first
    expected_at: int | None = None  # see verify_chain(expect_head=...)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(rows: Iterable[Any], stored_head: str, stored_events: int, limit: int = 20,
                 expect_head: str = "") -> ChainReport:
    """Walk ``rows`` (in id order; attributes as ``AuditRow``) and compare with the stored head.
    ``expect_head``: a head quoted earlier (a journal note, a bundle; a prefix will do): ``expected_at`` is
    the number of the event that has it, ``None`` when no event does (the log was rewritten since)."""
    rep = ChainReport(stored_head=stored_head, stored_events=stored_events)
    prev = GENESIS
    for r in rows:
        rep.events += 1
        if expect_head and rep.expected_at is None and (r.hash or "").startswith(expect_head.lower()):
            rep.expected_at = rep.events
        if r.prev_hash != prev:
            rep.problems.append(f"Hændelse {r.id} ({r.action}, {_at(r.at)[:19]}) peger ikke på hændelsen før den: "
                                "en hændelse er slettet, indsat eller ændret.")
        h = row_hash(r.prev_hash or "", r.at, r.who, r.action, r.object_type, r.object_id, r.case_id,
                     r.before, r.after)
        if h != r.hash:
            rep.problems.append(f"Hændelse {r.id} ({r.action}, {_at(r.at)[:19]}) er ændret, efter at den blev "
                                "skrevet (kontrolsummen passer ikke).")
        prev = r.hash or ""
        if len(rep.problems) >= limit:
            break
    rep.head = prev
    if not rep.problems and (prev != stored_head or rep.events != stored_events):
        rep.problems.append(f"Loggen slutter ved hændelse nr. {rep.events}, men kædens gemte hoved siger "
                            f"{stored_events} hændelser: de seneste hændelser er slettet, eller hovedet er ændret.")
    return rep


# --- triggers (SQL per dialect) ------------------------------------------------------------------------

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END""",
)
SQLITE_DROP = ("DROP TRIGGER IF EXISTS audit_events_no_update", "DROP TRIGGER IF EXISTS audit_events_no_delete")

POSTGRES_TRIGGERS = (
    f"""CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}'; END; $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events",
    """CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()""",
    "DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events",
    """CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()""",
)
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events",
    "DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events",
    "DROP FUNCTION IF EXISTS audit_events_append_only()",
)


def create_triggers(execute, dialect: str) -> None:
    for sql in POSTGRES_TRIGGERS if dialect == "postgresql" else SQLITE_TRIGGERS:
        execute(sql)


def drop_triggers(execute, dialect: str) -> None:
    for sql in POSTGRES_DROP if dialect == "postgresql" else SQLITE_DROP:
        execute(sql)
