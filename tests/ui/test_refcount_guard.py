"""PySide6 6.12 on CPython 3.11 drops a reference to True/None per emit / void call (see ui/refcount_guard.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import aktindsigt.ui  # noqa: F401 - installs the guard


class _Emitter(QObject):
    sig = Signal(int)


def test_many_emits_do_not_exhaust_true():
    e = _Emitter()
    seen = []
    e.sig.connect(seen.append)
    for i in range(20_000):  # without the guard CPython 3.11 aborts after a few hundred
        e.sig.emit(i)
    assert len(seen) == 20_000
    if sys.version_info < (3, 12):
        assert sys.getrefcount(True) > 1 << 39
        assert sys.getrefcount(None) > 1 << 39
