"""The change feed: other app instances' changes, as they are committed.

PostgreSQL: every committed transaction that wrote audit events sent ``NOTIFY aktindsigt`` with the
cases it touched (``Store._notify_changes``); ``ChangeFeed`` holds one extra connection that
``LISTEN``s and calls back at once. SQLite (several app instances on one machine): the feed polls
the audit table for rows newer than the last one it saw (writers take turns, so the ids arrive in
commit order), every ``interval`` seconds.

A store's own changes are not reported back to it. Callbacks run on the feed's thread; a UI hands
them on to its own thread (``ui/live.py``).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from aktindsigt.store.schema import AuditRow

if TYPE_CHECKING:
    from aktindsigt.store.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChangeEvent:
    """Someone else changed ``case_id`` (None: something outside a case, e.g. a setting)."""

    case_id: int | None
    who: str
    actions: tuple[str, ...] = field(default_factory=tuple)


Callback = Callable[[list[ChangeEvent]], None]


class ChangeFeed:
    """Calls ``callback(events)`` when other users commit changes. ``start()`` / ``stop()``."""

    def __init__(self, store: Store, callback: Callback, interval: float = 1.5) -> None:
        self.store = store
        self.callback = callback
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: Any = None
        self.ready = threading.Event()  # set once the feed listens (tests wait for it)

    @property
    def mode(self) -> str:
        return "listen" if self.store.postgres else "poll"

    def start(self) -> ChangeFeed:
        self._thread = threading.Thread(target=self._run, name="aktindsigt-change-feed", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    def _emit(self, events: list[ChangeEvent]) -> None:
        if not events:
            return
        try:
            self.callback(events)
        except Exception:  # noqa: BLE001 - a view's bug must not end the feed
            log.exception("change feed callback failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self.store.postgres:
                    self._listen()
                else:
                    self._poll()
            except Exception:  # noqa: BLE001 - a lost connection: wait, then listen again
                log.warning("change feed interrupted; retrying", exc_info=True)
                self._stop.wait(min(self.interval * 2, 10.0))

    # --- PostgreSQL --------------------------------------------------------------

    def _conninfo(self) -> str:
        url = self.store.engine.url.set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    def _listen(self) -> None:
        import psycopg

        from aktindsigt.store.store import CHANNEL

        with psycopg.connect(self._conninfo(), autocommit=True, application_name="aktindsigt-feed") as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self.ready.set()
            while not self._stop.is_set():
                events = []
                for note in conn.notifies(timeout=0.5, stop_after=50):
                    event = self._parse(note.payload)
                    if event is not None:
                        events.append(event)
                self._emit(events)

    def _parse(self, payload: str) -> ChangeEvent | None:
        try:
            data = json.loads(payload)
        except ValueError:
            return None
        if data.get("s") == self.store.session_id:
            return None
        case_id = data.get("c")
        return ChangeEvent(int(case_id) if case_id is not None else None, str(data.get("w", "")),
                           tuple(data.get("a", [])))

    # --- SQLite -------------------------------------------------------------------

    def _poll(self) -> None:
        with self.store.transaction() as s:
            last = s.scalar(select(func.max(AuditRow.id))) or 0
        self.ready.set()
        while not self._stop.wait(self.interval):
            with self.store.transaction() as s:
                rows = s.execute(select(AuditRow.id, AuditRow.case_id, AuditRow.who, AuditRow.action)
                                 .where(AuditRow.id > last).order_by(AuditRow.id).limit(2000)).all()
            if not rows:
                continue
            last = rows[-1][0]
            merged: dict[Any, dict[str, Any]] = {}
            for rid, case_id, who, action in rows:
                if self.store.is_own_audit(rid):
                    continue
                entry = merged.setdefault(case_id, {"who": who, "actions": []})
                entry["who"] = who
                if action not in entry["actions"]:
                    entry["actions"].append(action)
            self._emit([ChangeEvent(c, e["who"], tuple(e["actions"])) for c, e in merged.items()])


__all__ = ["ChangeEvent", "ChangeFeed"]
