"""Other users' changes, live: the store's change feed (LISTEN/NOTIFY on PostgreSQL, polling on SQLite)
is turned into ChangeBus broadcasts on the UI thread, so every open view reloads what it shows within
seconds, and the status bar says who changed what. A conflict reported by the store (a stale write)
reloads the views too (``show_conflict``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from aktindsigt.ui.ops import ChangeSet, change_bus, show_error

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Live", text)


@dataclass
class RemoteChanges(ChangeSet):
    """A ChangeSet that came from another user (``remote`` = their name)."""

    remote: str = ""


class LiveRefresh(QObject):
    """Owns the change feed of one services object; ``stop()`` ends it."""

    arrived = Signal(object)  # list[ChangeEvent]; emitted on the feed's thread, delivered on the UI thread
    announced = Signal(str)  # a Danish line for a status bar

    def __init__(self, services, parent: QObject | None = None, interval: float = 1.5) -> None:
        super().__init__(parent)
        self.services = services
        self.arrived.connect(self._deliver)
        self.feed = None
        try:
            self.feed = services.change_feed(self.arrived.emit, interval)
        except Exception:  # noqa: BLE001 - without the feed the views refresh on the user's own actions only
            log.exception("could not start the change feed")
        self.last: list = []

    def _deliver(self, events: list) -> None:
        self.last = events
        for e in events:
            if e.actions and all(a.startswith("presence.") for a in e.actions):
                ch = RemoteChanges(cases={e.case_id} if e.case_id else set(), remote=e.who)
            else:
                ch = RemoteChanges(cases={e.case_id} if e.case_id is not None else set(), decisions=True,
                                   pages=True, remote=e.who)
                self.announced.emit(tr("{0} ændrede sagen kl. {1}").format(e.who or tr("En anden bruger"),
                                                                         datetime.now().strftime("%H.%M")))
            change_bus().changed.emit(ch)

    def stop(self) -> None:
        if self.feed is not None:
            self.feed.stop()
            self.feed = None


def show_conflict(parent, error) -> None:
    """A stale write: reload what the case's views show, then say who changed it (the view is up to date)."""
    case_id = getattr(error, "case_id", None)
    if case_id is not None:
        change_bus().changed.emit(ChangeSet({case_id}, decisions=True, pages=True))
    show_error(parent, error.ui_message)


def show_notices(parent, notices: list[str]) -> None:
    """Tell the user what their action did to other users' work (a decision it replaced): an information box
    that does not block, the lines as the services wrote them."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QMessageBox

    from aktindsigt.ui import ops

    parent = parent if ops._alive(parent) else None
    text = "\n".join(notices)
    box = QMessageBox(QMessageBox.Icon.Information, tr("Du har ændret en andens afgørelse"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("noticeBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ops.last_messages.append(text)
    QTimer.singleShot(0, box, box.open)
