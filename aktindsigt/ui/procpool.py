"""Heavy service calls in worker processes, so that they cannot hold the UI process's GIL.

A background *thread* is not enough for import or analysis of a 500-page document: PyMuPDF and
SQLAlchemy's compiled row processing hold the GIL for long stretches, and the UI thread then stalls
for hundreds of milliseconds (the viewer reads word maps page by page, in threads, see
``without_gc``). ``ProcessCall`` runs
``getattr(services, method)(*args, **kwargs)`` in a small pool of spawned processes, each with
its own ``Services`` on the same store (same database URL, blob folder, user and login), with progress
and cancellation carried across. ``ui.ops.run_op`` uses it through ``isolated(...)``.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing as mp
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WORKERS = 2
WORKER_NICE = 5  # scheduling priority of the workers below the UI process (POSIX; ignored elsewhere)
_FLAGS = 4096  # cancel flags, indexed by task id modulo this

# --- in the worker process ------------------------------------------------------------------

_services = None
_progress_q = None
_cancel_flags = None


def _init(url: str, blobs: str, user: str, login: str, progress_q, cancel_flags) -> None:
    global _services, _progress_q, _cancel_flags
    import contextlib
    import os

    from aktindsigt.core.procs import exit_with_parent

    exit_with_parent()  # no orphans when the app is killed

    from aktindsigt.logging_setup import setup_logging

    # background work yields the CPU to the UI process: with two workers busy on a two-core machine the
    # UI thread otherwise waits for a core (a "stall" that is not the GIL's doing)
    with contextlib.suppress(AttributeError, OSError):
        os.nice(WORKER_NICE)
    from aktindsigt.services import Services
    from aktindsigt.store.store import Store

    setup_logging()
    # the login keys the user's profile: the worker sees the same role as the UI process
    _services = Services(Store(url, Path(blobs), migrate_db=False), user=user, login=login)
    _progress_q, _cancel_flags = progress_q, cancel_flags


class _FlagToken:
    """A CancelToken whose flag lives in shared memory (set by the UI process)."""

    def __init__(self, task: int) -> None:
        self.task = task

    @property
    def cancelled(self) -> bool:
        return bool(_cancel_flags[self.task % _FLAGS])

    def cancel(self) -> None:
        _cancel_flags[self.task % _FLAGS] = 1

    def raise_if_cancelled(self) -> None:
        from aktindsigt.core.progress import Cancelled

        if self.cancelled:
            raise Cancelled()


def _run(task: int, method: str, args: tuple, kwargs: dict, with_progress: bool, packed: bool = False) -> Any:
    if with_progress:
        kwargs = dict(kwargs, progress=lambda d, t, m: _progress_q.put((task, d, t, m)), cancel=_FlagToken(task))
    result = getattr(_services, method)(*args, **kwargs)
    return pack_pages(result) if packed else result


# --- a compact form for the word map ----------------------------------------------------------
# Unpickling hundreds of thousands of Word objects is one long C call that holds the GIL; arrays
# unpickle as a memory copy, and the objects are then rebuilt in Python code, which yields the GIL.


def pack_pages(pages: list) -> list[tuple]:
    from array import array

    out = []
    for p in pages:
        rects, nums = array("d"), array("q")
        texts = []
        for w in p.words:
            rects.extend((w.rect.x0, w.rect.y0, w.rect.x1, w.rect.y1))
            nums.extend((w.start, w.end, w.line))
            texts.append(w.text)
        out.append((p.number, p.width, p.height, p.text_start, p.text_end, p.ocr, p.withheld, p.withheld_ground,
                    "\x00".join(texts), len(texts), rects.tobytes(), nums.tobytes()))
    return out


def unpack_pages(packed: list[tuple]) -> list:
    from array import array

    from aktindsigt.core.model import Page, Rect, Word

    pages = []
    for number, width, height, ts, te, ocr, withheld, ground, joined, n, rb, nb in packed:
        rects, nums = array("d"), array("q")
        rects.frombytes(rb)
        nums.frombytes(nb)
        texts = joined.split("\x00") if n else []
        words = [Word(texts[i], Rect(rects[4 * i], rects[4 * i + 1], rects[4 * i + 2], rects[4 * i + 3]),
                      nums[3 * i], nums[3 * i + 1], nums[3 * i + 2]) for i in range(n)]
        pages.append(Page(number, width, height, ts, te, words, ocr=ocr, withheld=withheld, withheld_ground=ground))
    return pages


# --- in the UI process ------------------------------------------------------------------------


class ProcessPool:
    def __init__(self, url: str, blobs: Path, user: str, login: str | None = None) -> None:
        ctx = mp.get_context("spawn")
        self.progress_q = ctx.Queue()
        self.cancel_flags = ctx.Array("b", _FLAGS, lock=False)
        self.executor = ProcessPoolExecutor(WORKERS, mp_context=ctx, initializer=_init,
                                            initargs=(url, str(blobs), user, login or user, self.progress_q,
                                                      self.cancel_flags))
        self.key = (url, str(blobs), user, login or user)
        self._ids = itertools.count(1)
        self._progress: dict[int, Callable[[int, int, str], None]] = {}
        self._reader = threading.Thread(target=self._read_progress, name="aktindsigt-progress", daemon=True)
        self._reader.start()

    def _read_progress(self) -> None:
        while True:
            item = self.progress_q.get()
            if item is None:
                return
            task, d, t, m = item
            cb = self._progress.get(task)
            if cb is not None:
                cb(d, t, m)

    def submit(self, method: str, args: tuple, kwargs: dict,
               progress: Callable[[int, int, str], None] | None, packed: bool = False) -> tuple[int, Future]:
        task = next(self._ids)
        self.cancel_flags[task % _FLAGS] = 0
        if progress is not None:
            self._progress[task] = progress
        fut = self.executor.submit(_run, task, method, args, kwargs, progress is not None, packed)
        fut.add_done_callback(lambda _f: self._progress.pop(task, None))
        return task, fut

    def cancel(self, task: int) -> None:
        self.cancel_flags[task % _FLAGS] = 1

    def shutdown(self, kill: bool = False) -> None:
        """Stop the workers. ``kill`` ends a running call at once (its transaction is rolled back by the
        database); otherwise running calls are waited for."""
        if kill:
            for proc in list((getattr(self.executor, "_processes", None) or {}).values()):
                proc.terminate()
        self.executor.shutdown(wait=not kill, cancel_futures=True)
        self.progress_q.put(None)
        self._reader.join(timeout=2)


_pool: ProcessPool | None = None
_lock = threading.Lock()
enabled = False  # the app turns this on; tests run in-thread unless they turn it on


def pool_for(services) -> ProcessPool | None:
    """The pool for this services' store, or None when isolation is off or impossible."""
    global _pool
    if not enabled:
        return None
    store = getattr(services, "store", None)
    url = getattr(store, "url", None)
    blobs = getattr(getattr(store, "blobs", None), "root", None)
    if not url or blobs is None or url.startswith("sqlite:///:memory:"):
        return None
    login = getattr(services, "login", services.user)
    key = (url, str(blobs), services.user, login)
    with _lock:
        if _pool is not None and _pool.key != key:
            _pool.shutdown()
            _pool = None
        if _pool is None:
            _pool = ProcessPool(url, Path(blobs), services.user, login)
        return _pool


def shutdown(kill: bool = False) -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(kill)
            _pool = None


def abort() -> None:
    """End the worker processes now (a cancelled job that did not stop); the next call starts new ones."""
    shutdown(kill=True)


_quiet_lock = threading.Lock()
_quiet_depth = 0
_quiet_was_enabled = True


def without_gc(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``fn`` (a background job that builds many long-lived objects: word maps, suggestions) with the cyclic
    garbage collector paused, then move everything that exists into the permanent generation.

    A full collection walks every tracked object while holding the GIL; with hundreds of thousands of words
    and suggestions that is a visible UI stall (0.1-0.5 s), whichever thread triggers it. The data built here
    is acyclic, so reference counting still frees it when a view replaces it. Nested and concurrent calls
    keep the collector paused until the last one ends."""
    global _quiet_depth, _quiet_was_enabled
    with _quiet_lock:
        if _quiet_depth == 0:
            _quiet_was_enabled = gc.isenabled()
            gc.disable()
        _quiet_depth += 1
    try:
        return fn(*args, **kwargs)
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                if _quiet_was_enabled:
                    gc.enable()
                gc.freeze()


def call(services, ctx, method: str, *args: Any, progress: Callable[[int, int, str], None] | None = None,
         **kwargs: Any) -> Any:
    """Run ``services.<method>(*args, **kwargs)`` in a worker process when isolation is on, else here.

    Runs inside a ``ui.ops`` background thread (``ctx`` is its OpContext): it blocks that thread,
    not the UI. With ``progress`` the call gets ``progress=`` and ``cancel=`` (wired to ``ctx.cancel``).
    """
    from concurrent.futures.process import BrokenProcessPool

    with_progress = progress is not None
    pool = pool_for(services)
    if pool is not None and hasattr(ctx, "in_worker"):
        ctx.in_worker = True
    if pool is None:
        if with_progress:
            kwargs = dict(kwargs, progress=progress, cancel=ctx.cancel)
        return getattr(services, method)(*args, **kwargs)
    task, fut = pool.submit(method, args, kwargs, progress)
    if with_progress:
        # forward a cancel from the UI to the worker process
        def watch() -> None:
            while not fut.done():
                if ctx.cancel.cancelled:
                    pool.cancel(task)
                    return
                ctx.cancel._event.wait(0.1)

        threading.Thread(target=watch, daemon=True).start()
    try:
        return fut.result()
    except BrokenProcessPool:
        if ctx is not None and ctx.cancel.cancelled:
            from aktindsigt.core.progress import Cancelled

            raise Cancelled() from None
        raise
