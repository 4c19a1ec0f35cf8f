"""The page renderer's own process (no Qt here): PyMuPDF holds the GIL while it renders, so in
the UI process every page render would freeze the UI for its duration.

Protocol over a ``multiprocessing`` pipe: ``("open", path)`` -> ``("opened", [(w, h), ...])``;
``("render", page, zoom)`` -> ``("image", width, height, stride, bytes)``; errors come back as
``("error", message)``; ``None`` ends the process.
"""

from __future__ import annotations

import multiprocessing as mp
import threading


def serve(conn) -> None:
    import pymupdf

    doc = None
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            break
        if msg is None:
            break
        try:
            if msg[0] == "open":
                if doc is not None:
                    doc.close()
                doc = pymupdf.open(msg[1])
                sizes = []
                for i in range(doc.page_count):
                    r = doc.page_cropbox(i)
                    sizes.append((r.width, r.height))
                conn.send(("opened", sizes))
            elif msg[0] == "render":
                _, page, zoom = msg
                pix = doc[page - 1].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
                conn.send(("image", pix.width, pix.height, pix.stride, bytes(pix.samples)))
        except Exception as e:  # noqa: BLE001 - reported to the viewer, which logs it
            conn.send(("error", f"{type(e).__name__}: {e}"))
    if doc is not None:
        doc.close()


_spare = None
_lock = threading.Lock()


def _start():
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=serve, args=(child,), name="aktindsigt-render", daemon=True)
    proc.start()
    child.close()
    return proc, parent


def prestart() -> None:
    """Start a renderer process ahead of need (the first document then opens without waiting for it)."""
    global _spare
    with _lock:
        if _spare is None or not _spare[0].is_alive():
            _spare = _start()


def take():
    """A running renderer process (the spare one when there is one) and its pipe; a new spare is started."""
    global _spare
    with _lock:
        got = _spare if _spare is not None and _spare[0].is_alive() else None
        _spare = None
    if got is None:
        got = _start()
    prestart()
    return got
