"""A persistent pool of detection worker processes (the model's pass *and* the recognizers).

Before, ``nlp.pipe(n_process=2)`` started two fresh processes for every batch of an analysis: each
loaded the model again (~1.5 CPU-s), two pairs could overlap (four copies in memory), and presidio's
recognizers - a third of the work - still ran in the calling process.  Here the workers are started
once per engine (``spawn``, so that it is safe from a Qt process and on Windows), each builds its own
engine on the shipped model, and they live until the engine is closed or the process ends.

A worker gets a list of chunks (already normalised and truecased by the caller) and returns, per chunk,
the raw recognizer results (``engine._Raw``: type, offsets in the chunk, score, detector, context flag).
Everything that depends on the case (regime, policy, allowlist, stoplist, the person filter) stays in
the calling process, so a worker never needs to know which case it is working for.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import sys
import threading
import weakref
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import util as mp_util
from typing import Any

log = logging.getLogger(__name__)

#: the workers yield the CPU to the calling process (which stores results and builds the next batch)
WORKER_NICE = 2

_engine: Any = None  # in a worker: the DetectionEngine it analyses with


def _init() -> None:
    global _engine
    from aktindsigt.core.procs import exit_with_parent

    exit_with_parent()
    with contextlib.suppress(AttributeError, OSError):
        os.nice(WORKER_NICE)
    from aktindsigt.detect.engine import DetectionEngine

    _engine = DetectionEngine(n_process=1, use_stoplist=False, person_filter=False)
    _engine.warm_up()


def _ready() -> int:
    return os.getpid()


def _raws(chunks: list[str]) -> list[list]:
    return _engine.analyze_texts_raw(chunks)


@contextlib.contextmanager
def _main_not_imported():
    """While workers are spawned: the children do not import the parent's ``__main__`` module.

    ``spawn`` runs the parent's main script again in every child (as ``__mp_main__``); a script without
    the ``if __name__ == "__main__"`` guard - a caseworker's or administrator's own script on the
    services - would then run again in each worker (a test driver imported and exported its case three
    times).  The workers need nothing from ``__main__`` (their functions live in this module), so the
    attributes that ``multiprocessing.spawn.get_preparation_data`` reads are hidden while they start."""
    main = sys.modules.get("__main__")
    if main is None or getattr(sys, "frozen", False):  # a frozen build starts its children itself
        yield
        return
    saved = {k: getattr(main, k) for k in ("__spec__", "__file__") if hasattr(main, k)}
    try:
        main.__spec__ = None
        if "__file__" in saved:
            del main.__file__
        yield
    finally:
        for k, v in saved.items():
            setattr(main, k, v)


def idle_seconds() -> float:
    """Seconds without work after which the workers are stopped (``AKTINDSIGT_DETECT_IDLE_S``, default 60;
    they start again, in a few seconds, with the next analysis)."""
    try:
        return max(0.0, float(os.environ.get("AKTINDSIGT_DETECT_IDLE_S", "") or 60))
    except ValueError:
        return 60.0


class DetectionWorkers:
    """``processes`` workers, started on first use (or by ``start``), stopped by ``close`` or after
    ``idle`` seconds without work once they have worked (their memory is not kept for the redaction and
    the export, or for a case window left open)."""

    def __init__(self, processes: int, idle: float | None = None) -> None:
        self.processes = processes
        self.idle = idle_seconds() if idle is None else idle
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.RLock()
        self._busy = 0
        self._timer: threading.Timer | None = None
        # at the end of the process, before multiprocessing closes its queues (priority 10) and joins the
        # children: a worker process that started workers and keeps its engine (the UI's worker process
        # when the app quits) would otherwise wait for ever for them to stop by themselves
        mp_util.Finalize(None, _close_at_exit, args=(weakref.ref(self),), exitpriority=100)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.processes, mp_context=mp.get_context("spawn"),
                                                 initializer=_init)
        return self._executor

    def start(self) -> None:
        """Start every worker and wait until each has loaded its engine."""
        with self._lock, _main_not_imported():
            futures = [self._pool().submit(_ready) for _ in range(self.processes)]
        for f in futures:
            f.result()
        with self._lock:
            self._arm()  # started but not (yet) used, as by the warm-up: they stop when idle too

    def pids(self) -> set[int]:
        return {p.pid for p in (getattr(self._executor, "_processes", None) or {}).values()}

    def submit(self, chunks: list[str]) -> Future:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            with _main_not_imported():  # submit starts the processes
                try:
                    fut = self._pool().submit(_raws, chunks)
                except BrokenProcessPool:  # a worker died in an earlier call: start a new pool
                    self.close(wait=False)
                    fut = self._pool().submit(_raws, chunks)
            self._busy += 1
        fut.add_done_callback(self._done)
        return fut

    def _done(self, _fut: Future) -> None:
        with self._lock:
            self._busy -= 1
            self._arm()

    def _arm(self) -> None:
        """Under the lock: stop the workers after ``idle`` seconds when nothing is running."""
        if self._busy == 0 and self.idle > 0 and self._executor is not None and self._timer is None:
            self._timer = threading.Timer(self.idle, self._stop_idle)
            self._timer.daemon = True
            self._timer.start()

    def _stop_idle(self) -> None:
        with self._lock:
            if self._busy != 0 or self._timer is None:
                return
            self._timer = None
        log.info("detection workers idle for %.0f s: stopped", self.idle)
        self.close()

    def stop_if_idle(self) -> bool:
        """Stop the workers now when nothing is running on them (the redaction needs their memory more than
        the idle timer does); the next submit starts new ones. Returns whether they were stopped."""
        with self._lock:
            if self._busy != 0 or self._executor is None:
                return False
        self.close()
        return True

    def close(self, wait: bool = True) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            executor, self._executor = self._executor, None
        if executor is not None:  # outside the lock: the pool's own thread may be calling _done
            executor.shutdown(wait=wait, cancel_futures=True)


def _close_at_exit(ref: weakref.ref) -> None:
    workers = ref()
    if workers is not None:
        workers.close(wait=True)
