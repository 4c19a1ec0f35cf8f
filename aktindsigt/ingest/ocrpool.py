"""One pool of Tesseract threads for a whole import, and reading ahead into the next files (#14).

A document's scanned pages are read ``ocr_workers()`` at a time (``pdf.OcrAhead``). Between two files the
pool used to stand still: the next file's first scan waited for the previous file to be stored, and a
case of many short scans (a letter of one or two pages each) kept one core idle for most of its OCR.
The import tells the worker which files come next (``expect``); whenever a Tesseract thread is free,
the importing thread renders the next scanned page of those files and hands it to the pool.  When the
import reaches that file, ``take`` gives the words read ahead, and the page's words are the same as
if it had been read then: same file (path, size, modification time), same page, language and
resolution, rendered by the same code.

Only the leading run of scanned pages of a file is read ahead (a file whose first page has a text
layer is left to its own import, which reads its scans ahead itself), and only files that PyMuPDF
opens as they are: a damaged or encrypted file is repaired or decrypted by the import first. PyMuPDF
is only called from the importing thread; the pool's threads run Tesseract."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FileKey = tuple[str, int, int]


def file_key(path: Path) -> FileKey | None:
    """The file as it is now (a file changed after it was read ahead has another key)."""
    try:
        st = os.stat(path)
        return (os.path.realpath(path), st.st_size, st.st_mtime_ns)
    except OSError:
        return None


@dataclass
class _Expected:
    path: Path
    key: FileKey
    language: str
    dpi: int
    timeout: float
    next_page: int = 0
    finished: bool = False


class OcrPool:
    """Tesseract threads shared by every document of an import, and the pages read ahead of it."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="ocr")
        self._lock = threading.Lock()
        self._running = 0  # tasks submitted and not finished (the documents' own and the read-ahead)
        self._expected: list[_Expected] = []
        self._ahead: dict[tuple[FileKey, int, str, int], Future] = {}
        self._root: Path | None = None
        self._serial = 0

    # --- the pool ---------------------------------------------------------------------------

    def submit(self, fn: Any, *args: Any) -> Future:
        with self._lock:
            self._running += 1
        fut = self._executor.submit(fn, *args)
        fut.add_done_callback(self._finished)
        return fut

    def _finished(self, _fut: Future) -> None:
        with self._lock:
            self._running -= 1

    def idle_threads(self) -> int:
        with self._lock:
            return self.workers - self._running

    # --- reading ahead ----------------------------------------------------------------------

    def expect(self, current: Path | None, paths: list[Path], language: str, dpi: int, timeout: float,
               root: Path) -> None:
        """The import is at ``current``; ``paths`` follow. What was read ahead of other files is dropped."""
        keep: dict[FileKey, Path] = {}
        for p in ([current] if current is not None else []) + list(paths):
            key = file_key(p)
            if key is not None:
                keep.setdefault(key, p)
        with self._lock:
            if self._root != root:
                self._drop_all_locked()
                self._root = root
            for k in [k for k in self._ahead if k[0] not in keep or k[2:] != (language, dpi)]:
                self._ahead.pop(k).cancel()
            known = {e.key for e in self._expected if (e.language, e.dpi) == (language, dpi)}
            self._expected = [e for e in self._expected if e.key in keep and (e.language, e.dpi) == (language, dpi)]
            for key, p in keep.items():
                if key not in known and p != current:
                    self._expected.append(_Expected(p, key, language, dpi, timeout))

    def claim(self, key: FileKey) -> None:
        """The import has reached this file: its own read-ahead (``pdf.OcrAhead``) goes on from here."""
        with self._lock:
            for e in self._expected:
                if e.key == key:
                    e.finished = True

    def reading(self, key: FileKey, page: int, language: str, dpi: int) -> bool:
        """Is page ``page`` (0-based) of this file read ahead (or being read)?"""
        with self._lock:
            return (key, page, language, dpi) in self._ahead

    def take(self, key: FileKey, page: int, language: str, dpi: int) -> Any | None:
        """The words of a page read ahead (waiting for them if Tesseract is still at it), or ``None``: not
        read ahead, or the reading failed (the import then reads the page itself and reports what fails)."""
        with self._lock:
            fut = self._ahead.pop((key, page, language, dpi), None)
        if fut is None:
            return None
        self.fill_idle()
        try:
            return fut.result()
        except (Exception, CancelledError):  # noqa: BLE001 - read again by the import, which reports a failure
            log.info("page %d of %s read ahead failed; read again", page + 1, key[0], exc_info=True)
            return None

    def fill_idle(self) -> None:
        """Give every free Tesseract thread the next scanned page of the files that come next (called from
        the importing thread)."""
        from aktindsigt.ingest.pdf import (
            needs_ocr,
            pdf_page_lines,
            read_rendered,
            render_for_ocr,
            unreadable,
            was_repaired,
        )
        from aktindsigt.pdflib import pymupdf

        while True:
            with self._lock:
                if self._running >= self.workers or len(self._ahead) >= 3 * self.workers or self._root is None:
                    return
                todo = next((e for e in self._expected if not e.finished), None)
                if todo is None:
                    return
                root = self._root
                self._serial += 1
                serial = self._serial
            page_index = todo.next_page
            todo.next_page += 1
            try:
                if file_key(todo.path) != todo.key:
                    todo.finished = True
                    continue
                with contextlib.closing(pymupdf.open(todo.path, filetype="pdf")) as pdf:
                    if pdf.needs_pass or was_repaired(pdf) or page_index >= pdf.page_count:
                        todo.finished = True
                        continue
                    page = pdf.load_page(page_index)
                    lines = pdf_page_lines(page)
                    if unreadable(lines) or not needs_ocr(page, lines):
                        todo.finished = True  # the rest of this file is left to its own import
                        continue
                    folder = root / f"{serial:06d}"
                    folder.mkdir(parents=True, exist_ok=True)
                    image, zoom = render_for_ocr(page, todo.dpi, folder)
            except Exception:  # noqa: BLE001 - the import meets the file and handles what is wrong with it
                log.debug("read-ahead of %s stopped", todo.path, exc_info=True)
                todo.finished = True
                continue
            fut = self.submit(_read_and_remove, read_rendered, image, zoom, todo.language, todo.timeout)
            with self._lock:
                if todo in self._expected:
                    self._ahead[(todo.key, page_index, todo.language, todo.dpi)] = fut
                else:  # dropped meanwhile
                    fut.cancel()

    def _drop_all_locked(self) -> None:
        for fut in self._ahead.values():
            fut.cancel()
        self._ahead.clear()
        self._expected.clear()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
        self._root = None

    def reset(self) -> None:
        """The import is over: drop what was read ahead and its rendered pages."""
        with self._lock:
            self._drop_all_locked()

    def close(self) -> None:
        self.reset()
        self._executor.shutdown(wait=True, cancel_futures=True)


def _read_and_remove(read: Any, image: Path, zoom: float, language: str, timeout: float) -> Any:
    try:
        return read(image, zoom, language, timeout)
    finally:
        with contextlib.suppress(OSError):
            image.parent.rmdir()


_shared: OcrPool | None = None
_shared_lock = threading.Lock()


def shared_pool(workers: int) -> OcrPool:
    """The process's pool (a new one when the number of threads changed)."""
    global _shared
    with _shared_lock:
        if _shared is None or _shared.workers != max(1, workers):
            if _shared is not None:
                _shared.close()
            _shared = OcrPool(workers)
        return _shared


def end_import() -> None:
    """End of an import (``registry.on_end_of_import``): forget what was read ahead."""
    with _shared_lock:
        if _shared is not None:
            _shared.reset()
