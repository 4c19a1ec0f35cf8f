"""The one helper through which the UI calls services (modelled on Anki's ``aqt.operations``).

``run_op(parent, fn, ...)`` runs ``fn(ctx)`` on a background thread. ``ctx`` carries a
progress callback and a ``CancelToken`` that the service call may use. On success the
``success`` callback runs on the UI thread with the result; when the call mutates the case
(``mutates=True``, the default) a description of what changed is broadcast on the
app-wide ``ChangeBus`` so that every view refreshes only what it shows.

Failures never show a traceback: a ``ServiceError`` becomes a message box with its Danish
message, anything else becomes a plain Danish message and the traceback goes to the log.

Cancelling a long job (the progress dialog's "Annullér") answers within a second: the job is asked to
stop; when it runs in a worker process (``procpool``) and has not stopped after ``CANCEL_GRACE_MS``, the
worker is ended (its transaction is rolled back). The window's status bar then says "Annulleret".
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from aktindsigt.core.progress import Cancelled, CancelToken
from aktindsigt.services import Changes, Operation, ReviewState, ServiceError

log = logging.getLogger(__name__)

CANCEL_GRACE_MS = 600  # a job asked to stop gets this long before its worker process is ended


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass
class ChangeSet:
    """What changed: ids of cases, documents and suggestions (empty set = nothing of that kind)."""

    cases: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    suggestions: set[int] = field(default_factory=set)
    decisions: bool = False  # decisions of the listed cases/documents changed
    pages: bool = False  # page properties (withheld pages) of the listed documents changed
    user: bool = False  # the current user's name or role changed (what they may do changes everywhere)

    def touches_case(self, case_id: int | None) -> bool:
        return case_id is not None and case_id in self.cases


def changes_of(result: Any) -> ChangeSet:
    """Translate what a service returned into a ``ChangeSet`` (no rules: only reads the result)."""
    if isinstance(result, ChangeSet):
        return result
    if isinstance(result, ReviewState):  # a review transition: the case's status changed
        return ChangeSet({result.case_id})
    if isinstance(result, Operation):
        return ChangeSet({result.case_id}, result.document_ids, set(result.suggestion_ids), decisions=True,
                         pages=bool(result.pages_after or result.pages_before or result.documents_before
                                    or result.documents_after))
    ch = getattr(result, "changes", None)
    if isinstance(ch, Changes):
        return ChangeSet(set(ch.cases), set(ch.documents), set(ch.suggestions), decisions=bool(ch.suggestions))
    if isinstance(result, Changes):
        return ChangeSet(set(result.cases), set(result.documents), set(result.suggestions))
    # a Document (set_document_access) or a Case
    case_id = getattr(result, "case_id", None)
    doc_id = getattr(result, "id", None)
    if case_id is not None and doc_id is not None:
        return ChangeSet({case_id}, {doc_id}, set(), decisions=True)
    if doc_id is not None and hasattr(result, "requester_name"):
        return ChangeSet({doc_id})
    return ChangeSet()


class ChangeBus(QObject):
    """App-wide broadcast of what changed; views connect to ``changed``."""

    changed = Signal(object)  # ChangeSet


_bus: ChangeBus | None = None


def change_bus() -> ChangeBus:
    global _bus
    if _bus is None or not shiboken6.isValid(_bus):
        _bus = ChangeBus()
    return _bus


class OpContext:
    """Handed to the background function: ``ctx.progress(done, total, message)`` and ``ctx.cancel``."""

    def __init__(self, relay: _Relay) -> None:
        self.cancel = CancelToken()
        self._relay = relay
        self.in_worker = False  # procpool.call sets it: the job runs in a worker process (which may be ended)

    def progress(self, done: int, total: int, message: str) -> None:
        self._relay.progressed.emit(done, total, message)


class _Relay(QObject):
    """Lives on the UI thread; the worker emits its signals, Qt queues them to the UI thread."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback


class _Job(QRunnable):
    def __init__(self, fn: Callable[[OpContext], Any], ctx: OpContext, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.ctx, self.relay = fn, ctx, relay

    def run(self) -> None:
        try:
            result = self.fn(self.ctx)
        except BaseException as e:  # noqa: BLE001 - every failure is reported on the UI thread
            self.relay.failed.emit(e, traceback.format_exc())
        else:
            self.relay.finished.emit(result)


_running: set[OpHandle] = set()


class OpHandle(QObject):
    """One running operation. Keeps itself alive until it has finished."""

    done = Signal(object)  # emitted after success callbacks (tests and chained views may wait for it)
    ended = Signal()  # after success or failure

    def __init__(self, parent: QWidget | None, fn: Callable[[OpContext], Any], *, success: Callable[[Any], None] | None,
                 failure: Callable[[BaseException], None] | None, mutates: bool, progress_title: str | None,
                 cancellable: bool, changes: Callable[[Any], ChangeSet] | None) -> None:
        super().__init__()
        self.parent_widget = parent
        self.fn = fn
        self.success, self.failure, self.mutates = success, failure, mutates
        self.changes_fn = changes
        self.relay = _Relay()
        self.ctx = OpContext(self.relay)
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished_ok = False
        self.dialog: QProgressDialog | None = None
        if progress_title is not None:
            self.dialog = QProgressDialog(progress_title, tr("Annullér") if cancellable else None, 0, 0,
                                          parent if _alive(parent) else None)
            self.dialog.setWindowTitle(tr("Arbejder …"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            if cancellable:
                self.dialog.canceled.connect(self.cancel)
        self.relay.progressed.connect(self._on_progress)
        self.relay.finished.connect(self._on_finished)
        self.relay.failed.connect(self._on_failed)
        self.job = _Job(fn, self.ctx, self.relay)

    def start(self) -> OpHandle:
        _running.add(self)
        if self.dialog is not None:
            self.dialog.setValue(0)
        QThreadPool.globalInstance().start(self.job)
        return self

    @Slot()
    def cancel(self) -> None:
        self.ctx.cancel.cancel()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setLabelText(tr("Annullerer …"))
        QTimer.singleShot(CANCEL_GRACE_MS, self, self._end_worker)

    @Slot()
    def _end_worker(self) -> None:
        """Still running after the grace time: end the worker process (the job then fails as cancelled)."""
        if self in _running and self.ctx.in_worker:
            from aktindsigt.ui import procpool

            log.info("cancelled job did not stop within %d ms: ending the worker processes", CANCEL_GRACE_MS)
            procpool.abort()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        dlg = self.dialog  # a modal dialog's setValue processes events: the job may finish (and close it) meanwhile
        if dlg is None or not shiboken6.isValid(dlg):
            return
        dlg.setMaximum(max(total, 0))
        dlg.setValue(min(done, total) if total else 0)
        if message and not self.ctx.cancel.cancelled and self.dialog is dlg and shiboken6.isValid(dlg):
            if total > 1 and " af " not in message:
                message = f"{message}\n" + tr("{0} af {1}").format(min(done + 1, total), total)
            dlg.setLabelText(message)

    def _close_dialog(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        self.dialog = None

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        self._close_dialog()
        self.result = result
        self.finished_ok = True
        try:
            if self.mutates:
                ch = self.changes_fn(result) if self.changes_fn else changes_of(result)
                change_bus().changed.emit(ch)
            if self.success is not None and (self.parent_widget is None or _alive(self.parent_widget)):
                self.success(result)
            if getattr(result, "notices", None):  # e.g. another user's decision that this one replaced
                from aktindsigt.ui.live import show_notices

                show_notices(self.parent_widget, result.notices)
        except Exception:  # noqa: BLE001 - a view bug must not take the app down
            log.exception("error while handling the result of a background operation")
            _show_unexpected(self.parent_widget)
        finally:
            self.done.emit(result)
            self._end()

    @Slot(object, str)
    def _on_failed(self, error: BaseException, tb: str) -> None:
        self._close_dialog()
        self.error = error
        try:
            if isinstance(error, Cancelled) or (self.ctx.cancel.cancelled and isinstance(error, ServiceError)):
                log.info("operation cancelled")
                show_status(self.parent_widget, tr("Annulleret."))
            elif isinstance(error, ServiceError):
                log.info("service error: %s %s", error.message, error.detail)
                from aktindsigt.core.errors import Conflict

                if isinstance(error, Conflict) and self.failure is None:  # someone else changed it meanwhile
                    from aktindsigt.ui.live import show_conflict

                    show_conflict(self.parent_widget, error)
                elif self.failure is not None:
                    self.failure(error)
                else:
                    show_error(self.parent_widget, error.message)
            else:
                log.error("unexpected error in background operation:\n%s", tb)
                if self.failure is not None:
                    self.failure(error)
                else:
                    _show_unexpected(self.parent_widget)
        finally:
            self._end()

    def _end(self) -> None:
        self.ended.emit()
        _running.discard(self)


def _alive(w: QWidget | None) -> bool:
    return w is not None and shiboken6.isValid(w)


def show_error(parent: QWidget | None, message: str) -> None:
    """A plain Danish message box (never a traceback). Deferred so that it never blocks a signal."""
    parent = parent if _alive(parent) else None
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Det lykkedes ikke"), message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    last_messages.append(message)
    QTimer.singleShot(0, box, box.open)  # dropped by Qt if the box went with its parent


def _show_unexpected(parent: QWidget | None) -> None:
    from aktindsigt.config import resolve_paths

    logfile = resolve_paths().logs / "aktindsigt.log"
    show_error(parent, tr("Der opstod en uventet fejl. Detaljer er skrevet i logfilen {0}.").format(logfile))


# the most recent messages shown (tests read them instead of poking at message boxes)
last_messages: list[str] = []
last_status: list[str] = []


def show_status(parent: QWidget | None, message: str, ms: int = 8000) -> None:
    """A short message in the status bar of the window ``parent`` belongs to."""
    last_status.append(message)
    win = parent.window() if _alive(parent) else None
    bar = getattr(win, "statusBar", None)
    if callable(bar):
        bar().showMessage(message, ms)


def run_op(parent: QWidget | None, fn: Callable[[OpContext], Any], *, success: Callable[[Any], None] | None = None,
           failure: Callable[[BaseException], None] | None = None, mutates: bool = True,
           progress: str | None = None, cancellable: bool = False,
           changes: Callable[[Any], ChangeSet] | None = None) -> OpHandle:
    """Run ``fn(ctx)`` in the background; see the module docstring."""
    return OpHandle(parent, fn, success=success, failure=failure, mutates=mutates, progress_title=progress,
                    cancellable=cancellable, changes=changes).start()


def query(parent: QWidget | None, fn: Callable[[], Any], success: Callable[[Any], None]) -> OpHandle:
    """A read in the background (no change broadcast)."""
    return run_op(parent, lambda ctx: fn(), success=success, mutates=False)


def running() -> int:
    """How many operations are still in flight (tests wait for 0)."""
    return len(_running)
