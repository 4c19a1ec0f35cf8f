"""Progress reporting and cancellation for long operations (import, OCR, analysis, redaction)."""

from __future__ import annotations

import threading
from collections.abc import Callable

# done, total, message
ProgressCallback = Callable[[int, int, str], None]


def no_progress(done: int, total: int, message: str) -> None:  # noqa: ARG001 - the null callback
    return None


class Cancelled(Exception):
    """Raised inside a long operation when its CancelToken was cancelled."""


class CancelToken:
    """Thread-safe flag a UI or CLI sets to stop a long operation between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
