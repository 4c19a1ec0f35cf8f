"""Errors a person must act on (plain Danish in ``message``), shared by the store and the services.

``ServiceError`` is what the CLI prints and the UI shows in a message box. The store raises two
kinds of it itself, because only the store sees them happen:

- ``Conflict``: a stale write. Someone else changed the row (a suggestion, a document, the case,
  the texts of the decision) after this user read it; nothing was written. ``ui_message`` is the
  text for a view that has just reloaded ("… – visningen er opdateret").
- ``Busy``: the store could not take a lock in time because another user's change is still open
  (PostgreSQL ``lock_timeout``, SQLite ``database is locked``), or the connection was closed
  because this user's own change stood open too long. Nothing was written; trying again works.
"""

from __future__ import annotations

from datetime import datetime


class ServiceError(Exception):
    """A problem the user must act on; ``message`` is plain Danish."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        self.problems: list[str] = []

    @classmethod
    def checklist(cls, head: str, problems: list[str], qualifier: str = "", advice: str = "") -> ServiceError:
        """A refusal because the pre-send checklist has ``problems`` (listed in the message and kept
        in ``.problems`` for the UI)."""
        lines = "\n".join(f"- {p}" for p in problems)
        from aktindsigt.core.danish import antal

        err = cls(f"{head}: tjeklisten har {antal(len(problems), 'punkt')}{qualifier}:\n{lines}"
                  + (f"\n{advice}" if advice else ""))
        err.problems = list(problems)
        return err


def clock(at: datetime | None) -> str:
    """'kl. 10.42' in local time (with the date when it is not today)."""
    if at is None:
        return ""
    local = at.astimezone() if at.tzinfo else at
    if local.date() == datetime.now(local.tzinfo).date():
        return f"kl. {local:%H.%M}"
    return f"{local:%d.%m.%Y} kl. {local:%H.%M}"


#: how a conflict names what changed (Danish, definite form)
WHAT = {
    "suggestion": "Forslaget",
    "suggestions": "Forslagene",
    "document": "Dokumentet",
    "case": "Sagen",
    "page": "Siden",
    "statements": "Afgørelsens tekster",
    "setting": "Indstillingen",
    "comment": "Kommentaren",
    "decision": "Afgørelsen",
}


class Conflict(ServiceError):
    """Someone else changed ``object_type`` ``object_id`` since it was read: the write was refused."""

    def __init__(self, object_type: str, object_id: object = None, who: str = "", at: datetime | None = None,
                 *, case_id: int | None = None, label: str = "") -> None:
        self.object_type, self.object_id, self.who, self.at = object_type, object_id, who, at
        self.case_id = case_id
        what = label or WHAT.get(object_type, "Oplysningen")
        changed = "er ændret"
        by = f" af {who}" if who else " af en anden bruger"
        when = f" {clock(at)}" if at else ""
        self.headline = f"{what} {changed}{by}{when}"
        super().__init__(f"{self.headline} – din ændring er ikke gemt. Se den nye tilstand, og prøv igen.")

    @property
    def ui_message(self) -> str:
        """For a view that reloads what it shows when it reports the conflict."""
        return f"{self.headline} – visningen er opdateret. Din ændring er ikke gemt; prøv igen, hvis den stadig " \
               "skal laves."


class Busy(ServiceError):
    """A lock could not be taken in time (another user's change is open) or the connection was closed."""

    def __init__(self, message: str, holders: list[str] | None = None) -> None:
        super().__init__(message)
        self.holders = list(holders or [])


__all__ = ["Busy", "Conflict", "ServiceError", "clock"]
