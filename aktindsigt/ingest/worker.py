"""Ingest in a worker process, so that one file can never take the import down.

``IngestWorker.ingest(path, name, options, workdir)`` sends the file to a child process
(``python -m aktindsigt.ingest.worker``) that runs ``aktindsigt.ingest.ingest`` and sends back the
``IngestedDocument`` tree (renditions and extracted attachments stay in ``workdir``). The child has a
memory limit: on Linux and macOS an address-space limit set in the child (a sudden allocation fails
there as a ``MemoryError``: the file fails with a reason), and everywhere a watchdog in the parent
that kills the child when its resident memory, with its own children (LibreOffice, Tesseract),
passes ``memory_limit``. A child that is killed, crashes or stops answering is replaced for the next
file; the file it was reading becomes a failed document with a Danish reason (``WorkerFailure``).

Messages are length-prefixed pickles over the child's stdin/stdout: both ends are this program.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import pickle
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from aktindsigt.config import module_command
from aktindsigt.core.progress import Cancelled, CancelToken, ProgressCallback
from aktindsigt.ingest.base import IngestedDocument, IngestOptions

log = logging.getLogger(__name__)

DEFAULT_MEMORY_LIMIT = 1536 * 2**20  # resident bytes of the worker and its children
ADDRESS_SPACE_FACTOR = 3  # the child's virtual-memory limit, as a multiple of the RSS limit
TOO_MUCH_MEMORY = ("Filen kræver for meget hukommelse til at blive læst sikkert og er ikke importeret "
                   "(grænsen er {limit}).")
CRASHED = "Filen fik læseprogrammet til at stoppe og er ikke importeret. Prøv at gemme filen igen i et andet format."
HUNG = "Læsningen af filen gik i stå og blev stoppet efter {minutes} minutter."


@dataclass
class WorkerFailure(Exception):
    reason: str  # Danish, for the caseworker
    detail: str  # English, for the log


def _send(stream: IO[bytes], obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<Q", len(data)))
    stream.write(data)
    stream.flush()


def _recv(stream: IO[bytes]) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError("worker closed its pipe")
    (n,) = struct.unpack("<Q", head)
    data = stream.read(n)
    if len(data) < n:
        raise EOFError("worker closed its pipe mid-message")
    return pickle.loads(data)  # noqa: S301 - our own child process


def _format_bytes(n: int) -> str:
    return f"{n / 2**30:.1f} GB".replace(".", ",") if n >= 2**30 else f"{n // 2**20} MB"


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (0 when it is gone)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def kill_tree(pid: int) -> None:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [*proc.children(recursive=True), proc]
    except psutil.Error:
        return
    for p in procs:
        with contextlib.suppress(psutil.Error):
            p.kill()
    psutil.wait_procs(procs, timeout=5)


class IngestWorker:
    """One child process that ingests files one at a time (started lazily, replaced when it fails)."""

    def __init__(self, memory_limit: int = DEFAULT_MEMORY_LIMIT, idle_timeout: float = 600.0) -> None:
        self.memory_limit = memory_limit
        self.idle_timeout = idle_timeout  # no sign of life for this long: the child hangs
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self.last_peak = 0  # resident bytes the child (with its children) reached on the last file

    # --- the child's life ------------------------------------------------------------------

    def _start(self) -> subprocess.Popen:
        env = dict(os.environ, AKTINDSIGT_WORKER_MEMORY=str(self.memory_limit * ADDRESS_SPACE_FACTOR))
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        kwargs: dict[str, Any] = {}
        if sys.platform == "win32":  # pragma: no cover - Windows only
            kwargs["creationflags"] = 0x08000000  # CREATE_NO_WINDOW
        proc = subprocess.Popen(module_command("aktindsigt.ingest.worker"), stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, env=env, **kwargs)
        self._proc = proc
        return proc

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError, ValueError):
            if proc.poll() is None and proc.stdin is not None:
                _send(proc.stdin, None)  # ask it to stop (it closes its LibreOffice)
                proc.wait(timeout=15)
        if proc.poll() is None:
            kill_tree(proc.pid)
        for stream in (proc.stdin, proc.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()

    def stop_after_import(self) -> None:
        """The import is over: the child stops (with its LibreOffice) between files, not during one."""
        with self._lock:
            self.close()

    def end_import(self) -> None:
        """The child stops what it kept for an import (LibreOffice) but stays ready (``close`` stops it)."""
        with self._lock:
            proc = self._proc
            if proc is None or proc.poll() is not None or proc.stdin is None:
                return
            try:
                _send(proc.stdin, "end-of-import")
            except (OSError, ValueError):
                self._kill()

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            kill_tree(proc.pid)
            for stream in (proc.stdin, proc.stdout):
                with contextlib.suppress(OSError):
                    if stream is not None:
                        stream.close()

    # --- one file ----------------------------------------------------------------------------

    def ingest(self, path: Path, name: str, options: IngestOptions | None, workdir: Path,
               progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
               ahead: Sequence[Path] = ()) -> IngestedDocument:
        """The document tree of one file; raises ``WorkerFailure`` when the child died on it and
        ``Cancelled`` when ``cancel`` was set meanwhile (the child is then stopped at once). ``ahead``: the
        files the import reads next, whose scans the child reads ahead when Tesseract has time."""
        request = (str(path), name, options, str(workdir), [str(p) for p in ahead])
        with self._lock:
            proc = self._proc if self._proc is not None and self._proc.poll() is None else self._start()
            assert proc.stdin is not None and proc.stdout is not None
            try:
                _send(proc.stdin, request)
            except (OSError, ValueError):
                self._kill()
                proc = self._start()
                assert proc.stdin is not None
                _send(proc.stdin, request)
            return self._wait(proc, progress, cancel)

    def _wait(self, proc: subprocess.Popen, progress: ProgressCallback | None,
              cancel: CancelToken | None) -> IngestedDocument:
        assert proc.stdout is not None
        inbox: list[Any] = []
        got = threading.Event()
        reader_done = threading.Event()

        def read() -> None:
            try:
                while True:
                    msg = _recv(proc.stdout)  # type: ignore[arg-type]
                    inbox.append(msg)
                    got.set()
                    if msg[0] != "progress":
                        return
            except (EOFError, OSError, pickle.UnpicklingError, ValueError) as e:
                inbox.append(("died", str(e)))
                got.set()
            finally:
                reader_done.set()

        threading.Thread(target=read, daemon=True, name="ingest-worker-reader").start()
        last_sign = time.monotonic()
        peak = 0
        self.last_peak = 0
        while True:
            got.wait(0.05)
            got.clear()
            while inbox:
                msg = inbox.pop(0)
                kind = msg[0]
                if kind == "progress":
                    last_sign = time.monotonic()
                    if progress is not None:
                        progress(*msg[1:])
                elif kind == "ok":
                    return msg[1]
                elif kind == "cancelled":
                    raise Cancelled()
                else:  # "died"
                    self._kill()
                    code = proc.returncode
                    if peak > self.memory_limit * 0.9 or code in (-9,) and peak > self.memory_limit * 0.5:
                        raise WorkerFailure(TOO_MUCH_MEMORY.format(limit=_format_bytes(self.memory_limit)),
                                            f"worker died at {peak >> 20} MB (exit {code})")
                    raise WorkerFailure(CRASHED, f"worker died (exit {code}): {msg[1]}")
            if cancel is not None and cancel.cancelled:
                self._kill()
                raise Cancelled()
            rss = tree_rss(proc.pid)
            peak = max(peak, rss)
            self.last_peak = peak
            if rss > self.memory_limit:
                self._kill()
                raise WorkerFailure(TOO_MUCH_MEMORY.format(limit=_format_bytes(self.memory_limit)),
                                    f"worker killed at {rss >> 20} MB > {self.memory_limit >> 20} MB")
            if time.monotonic() - last_sign > self.idle_timeout:
                self._kill()
                raise WorkerFailure(HUNG.format(minutes=max(int(self.idle_timeout // 60), 1)),
                                    f"no sign of life for {self.idle_timeout:.0f} s")


_shared: IngestWorker | None = None


def shared_worker() -> IngestWorker:
    """The process's worker (kept between imports; stopped at exit)."""
    global _shared
    if _shared is None:
        _shared = IngestWorker()
        atexit.register(_shared.close)
    return _shared


# ------------------------------------------------------------------------ the child


def _limit_memory() -> None:
    limit = int(os.environ.get("AKTINDSIGT_WORKER_MEMORY", "0") or 0)
    if not limit or sys.platform == "win32":
        return
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with contextlib.suppress(ValueError, OSError):
        # the soft limit only: Tesseract and LibreOffice, started from here, lift it again (tools.py)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


class _Heartbeat:
    """The child's progress callback: at most five messages a second (they also show it is alive)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.last = 0.0

    def __call__(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if now - self.last > 0.2:
            self.last = now
            _send(self.stream, ("progress", done, total, message))


def _expect(current: Path | None, ahead: list[Path], options: IngestOptions | None, workdir: Path) -> None:
    """The files that follow ``current`` in this import: their scans are read ahead whenever a Tesseract
    thread is free (``ingest.ocrpool``), into the import's work folder."""
    from aktindsigt.ingest import tools
    from aktindsigt.ingest.ocrpool import shared_pool
    from aktindsigt.ingest.pdf import ocr_workers

    opts = options or IngestOptions()
    try:
        if not (ahead and opts.ocr and ocr_workers() > 1 and tools.tesseract_status(opts.ocr_language).available):
            return
        pool = shared_pool(ocr_workers())
        pool.expect(current, ahead, opts.ocr_language, opts.ocr_dpi, opts.ocr_timeout, workdir.parent / "ocr-ahead")
        pool.fill_idle()
    except Exception:  # noqa: BLE001 - reading ahead is an optimisation: the import reads every page itself
        log.warning("OCR read-ahead failed", exc_info=True)


def main() -> None:  # pragma: no cover - runs in the child (tested through IngestWorker)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the message pipe
    _limit_memory()
    from aktindsigt.ingest import ingest
    from aktindsigt.ingest.registry import end_of_import

    try:
        while True:
            try:
                req = _recv(stdin)
            except EOFError:
                return
            if req is None:
                return
            if req == "end-of-import":
                end_of_import()
                continue
            path, name, options, workdir, ahead = req
            progress = _Heartbeat(stdout)
            _expect(Path(path), [Path(p) for p in ahead], options, Path(workdir))
            try:
                result = ingest(Path(path), options, name=name, progress=progress, workdir=Path(workdir))
            except Cancelled:
                _send(stdout, ("cancelled",))
                continue
            _expect(None, [Path(p) for p in ahead], options, Path(workdir))  # busy while the file is stored
            _send(stdout, ("ok", result.document))
    finally:
        end_of_import()


if __name__ == "__main__":  # pragma: no cover
    main()
