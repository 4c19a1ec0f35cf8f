"""The page renderer's own process (no Qt here): PyMuPDF holds the GIL while it renders, so in
the UI process every page render would freeze the UI for its duration.

Protocol over a ``multiprocessing`` pipe: ``("open", path)`` -> ``("opened", [(w, h, rotation), ...])``
(the unrotated size in points, the coordinates words use, and the page's /Rotate);
``("render", page, zoom)`` -> ``("image", width, height, stride, bytes)``; errors come back as
``("error", message)``; ``None`` ends the process.
"""

from __future__ import annotations

import multiprocessing as mp
import threading


def page_geometry(doc) -> list[tuple[float, float, int]]:
    """(width, height, rotation) of every page of an open ``pymupdf.Document``: the unrotated size (the
    coordinates words use) and the rotation the page is shown with."""
    out = []
    for i in range(doc.page_count):
        page = doc.load_page(i)
        r = page.cropbox
        out.append((r.width, r.height, page.rotation % 360))
    return out


def serve(conn) -> None:
    # without PyMuPDF's optional layout analysis (onnxruntime: telemetry, ~1.5 s of a renderer's start)
    from aktindsigt.pdflib import pymupdf

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
                conn.send(("opened", page_geometry(doc)))
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


SPARE_DELAY = 3.0  # seconds before the next spare starts (sooner when the first page has been rendered)


def take():
    """A running renderer process (the spare one when there is one) and its pipe; a new spare is started a
    little later (a process starting up takes a core for most of a second, which the first page needs)."""
    global _spare
    with _lock:
        got = _spare if _spare is not None and _spare[0].is_alive() else None
        _spare = None
    if got is None:
        got = _start()
    timer = threading.Timer(SPARE_DELAY, prestart)
    timer.daemon = True
    timer.start()
    return got
