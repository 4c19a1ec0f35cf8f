"""Work around a reference-count bug of PySide6 6.12 on CPython 3.11.

Every ``Signal.emit()`` returns ``True`` and many void Qt methods (``QWidget.update()``,
``QTimer.singleShot()`` ...) return ``None`` without taking a new reference. Each call therefore
lowers the reference count of ``True`` / ``None`` by one; after a few hundred emits
(``True`` starts at ~150) CPython aborts with "Fatal Python error: bool_dealloc" or
"none_dealloc". CPython 3.12+ makes these singletons immortal, which hides the bug there.

We do the same on older CPython: give the singletons a reference count so large that no
session can use it up. They are never freed anyway, so this changes nothing else.
``tests/ui/test_refcount_guard.py`` checks that the bug is still harmless.
"""

from __future__ import annotations

import ctypes
import sys

_BIG = 1 << 40
_done = False


def make_singletons_immortal() -> bool:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False, Ellipsis, NotImplemented):
        # ob_refcnt is the first field of every object in a release build of CPython 3.11
        ctypes.c_ssize_t.from_address(id(obj)).value += _BIG
    _done = True
    return True
