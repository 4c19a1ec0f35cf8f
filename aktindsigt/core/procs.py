"""Helpers for the worker processes the app starts (detection workers, the UI's process pool)."""

from __future__ import annotations

import multiprocessing as mp
import os
import threading


def exit_with_parent() -> None:
    """In a worker process: end this process as soon as the process that started it is gone.

    A ``ProcessPoolExecutor`` worker waits for work forever; when its parent is killed (kill -9, a crash,
    ``terminate`` of a pool worker that had started workers of its own) it would live on as an orphan
    with its model in memory, and hold its parent's output pipes open."""
    parent = mp.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns when the parent's sentinel closes, i.e. the parent has ended
        os._exit(0)

    threading.Thread(target=watch, name="aktindsigt-exit-with-parent", daemon=True).start()
