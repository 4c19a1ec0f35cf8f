"""Adapters for the external tools ingestion uses: Tesseract (OCR) and LibreOffice (office → PDF).

Each tool has a ``*_status()`` telling whether it is available, what was found,
and in Danish what the caseworker loses without it. The adapter functions raise
``ToolError`` on failure; the format modules turn that into warnings or failed
documents.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)


class ToolError(RuntimeError):
    pass


@dataclass(frozen=True)
class ToolStatus:
    name: str
    available: bool
    detail: str  # what was found (path, version) or why not
    consequence: str  # Danish: what the caseworker loses without the tool
    path: str | None = None
    languages: tuple[str, ...] = field(default=())


TESSERACT_CONSEQUENCE = "Uden Tesseract kan scannede sider ikke læses, søges i eller anonymiseres automatisk"
LIBREOFFICE_CONSEQUENCE = (
    "Uden LibreOffice vises Word-dokumenter som ren tekst uden det oprindelige layout"
)

_WIN_TESSERACT = [r"C:\Program Files\Tesseract-OCR\tesseract.exe", r"C:\Program Files (x86)\Tesseract-OCR\tesseract.exe"]
_WIN_SOFFICE = [r"C:\Program Files\LibreOffice\program\soffice.exe", r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]
_MAC_SOFFICE = ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]


def _find(env: str, names: list[str], extra: list[str]) -> str | None:
    """Where a tool is, in this order: the environment variable, the user's own setting
    (``aktindsigt settings tools``), the Windows installer's registry value, PATH, the default folders."""
    from aktindsigt.config import installer_tool_path, tool_settings

    explicit = os.environ.get(env)
    if explicit:
        return explicit if Path(explicit).is_file() else None
    key = names[0]
    for configured in (tool_settings().get(key), installer_tool_path(key)):
        if configured and Path(configured).is_file():
            return configured
    for n in names:
        found = shutil.which(n)
        if found:
            return found
    for p in extra:
        if Path(p).is_file():
            return p
    return None


def _no_window() -> dict:
    """Keyword arguments for starting a tool: no console window on Windows; elsewhere, inside the
    import's worker process (``ingest.worker``), the tool gets back the address space the worker's
    own memory limit took away (Tesseract and LibreOffice reserve much more than they use)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return {"creationflags": 0x08000000}  # CREATE_NO_WINDOW
    if os.environ.get("AKTINDSIGT_WORKER_MEMORY"):
        return {"preexec_fn": _lift_memory_limit}
    return {}


def _lift_memory_limit() -> None:  # pragma: no cover - runs in the forked child
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


@functools.lru_cache(maxsize=4)
def tesseract_status(language: str = "dan") -> ToolStatus:
    exe = _find("AKTINDSIGT_TESSERACT", ["tesseract"], _WIN_TESSERACT)
    if exe is None:
        return ToolStatus("Tesseract", False, "tesseract blev ikke fundet", TESSERACT_CONSEQUENCE)
    try:
        out = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, **_no_window()
        )
    except (OSError, subprocess.SubprocessError) as e:
        return ToolStatus("Tesseract", False, f"tesseract kunne ikke startes: {e}", TESSERACT_CONSEQUENCE, exe)
    text = out.stdout + out.stderr
    langs = tuple(
        line.strip() for line in text.splitlines()[1:] if line.strip() and " " not in line.strip()
    )
    if language not in langs:
        return ToolStatus(
            "Tesseract",
            False,
            f"tesseract fundet ({exe}), men sprogdata for '{language}' mangler",
            TESSERACT_CONSEQUENCE,
            exe,
            langs,
        )
    return ToolStatus("Tesseract", True, f"{exe} (sprog: {', '.join(langs)})", TESSERACT_CONSEQUENCE, exe, langs)


@functools.lru_cache(maxsize=1)
def libreoffice_status() -> ToolStatus:
    exe = _find("AKTINDSIGT_SOFFICE", ["soffice", "libreoffice"], _WIN_SOFFICE + _MAC_SOFFICE)
    if exe is None:
        return ToolStatus("LibreOffice", False, "soffice blev ikke fundet", LIBREOFFICE_CONSEQUENCE)
    return ToolStatus("LibreOffice", True, exe, LIBREOFFICE_CONSEQUENCE, exe)


def refresh_tool_status() -> None:
    """Forget the cached statuses (after the user installed a tool while the program runs)."""
    tesseract_status.cache_clear()
    libreoffice_status.cache_clear()
    uno_python.cache_clear()


def tool_statuses() -> list[ToolStatus]:
    return [tesseract_status(), libreoffice_status()]


# --------------------------------------------------------------------------- OCR


@dataclass(frozen=True)
class OcrWord:
    text: str
    x0: float  # pixels of the input image
    y0: float
    x1: float
    y1: float
    conf: float
    line: tuple[int, int, int]  # (block, paragraph, line) as tesseract numbers them


def ocr_image(image: Path, language: str = "dan", dpi: int = 300, timeout: float = 180) -> list[list[OcrWord]]:
    """OCR one image file with the tesseract CLI; words grouped in lines, reading order."""
    status = tesseract_status(language)
    if not status.available or not status.path:
        raise ToolError(status.detail)
    cmd = [status.path, str(image), "stdout", "-l", language, "--dpi", str(dpi), "--psm", "3", "tsv"]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, **_no_window())
    except subprocess.TimeoutExpired as e:
        raise ToolError(f"tesseract timed out after {timeout}s") from e
    except OSError as e:
        raise ToolError(f"tesseract could not run: {e}") from e
    if out.returncode != 0:
        raise ToolError(f"tesseract exit {out.returncode}: {out.stderr.decode('utf-8', 'replace')[:300]}")
    return parse_tsv(out.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[list[OcrWord]]:
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    rows = tsv.splitlines()
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            left, top, width, height = (int(c) for c in cols[6:10])
            conf = float(cols[10])
            key = (int(cols[2]), int(cols[3]), int(cols[4]))
        except ValueError:
            continue
        for part in text.split():  # tesseract words never contain spaces, but be safe
            lines.setdefault(key, []).append(
                OcrWord(part, left, top, left + width, top + height, conf, key)
            )
    return list(lines.values())


# ------------------------------------------------------------------ LibreOffice


def convert_to_pdf(source: Path, outdir: Path, timeout: float = 180) -> Path:
    """Convert an office document to PDF with LibreOffice headless.

    One LibreOffice is kept running for the whole import and spoken to over UNO (a named pipe, no
    network) when a Python with LibreOffice's ``uno`` module is found (``uno_python``); otherwise each
    file starts ``soffice --convert-to``, with a profile kept for the import. ``end_office()`` stops
    both at the end of the import."""
    status = libreoffice_status()
    if not status.available or not status.path:
        raise ToolError(status.detail)
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / (source.stem + ".pdf")
    with _LOCK:  # one conversion at a time: one LibreOffice, one profile
        if uno_python() and not os.environ.get("AKTINDSIGT_NO_UNO"):
            for attempt in range(2):  # LibreOffice went down (on an earlier file or this one): once more
                server = _office_server(status.path, timeout)
                if server is None:
                    break
                try:
                    server.convert(source, target, timeout)
                    return target
                except OfficeDied as e:
                    if attempt == 1:  # the file itself brings the UNO server down: a LibreOffice of its own
                        log.warning("LibreOffice over UNO failed twice on %s (%s); converting it with "
                                    "soffice --convert-to", source.name, e)
                        break
        return _convert_once(status.path, source, outdir, timeout)


_LOCK = threading.RLock()


def _convert_once(exe: str, source: Path, outdir: Path, timeout: float) -> Path:
    profile_url = _profile().resolve().as_uri()
    cmd = [
        exe,
        f"-env:UserInstallation={profile_url}",
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nodefault",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(source),
    ]
    try:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=sys.platform != "win32",
            env=_office_env(), **_no_window(),
        )
    except OSError as e:
        raise ToolError(f"soffice could not run: {e}") from e
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as e:
        _kill_tree(proc)
        raise ToolError(f"soffice timed out after {timeout}s") from e
    target = outdir / (source.stem + ".pdf")
    if proc.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise ToolError(f"soffice exit {proc.returncode}: {err.decode('utf-8', 'replace')[:300]}")
    return target


_PROFILE: Path | None = None


def _profile() -> Path:
    """LibreOffice's user profile for this process's import (made once: the first start fills it, later
    starts are faster), named after the process so that a later start removes it after a crash."""
    global _PROFILE
    if _PROFILE is None or not _PROFILE.is_dir():
        _PROFILE = Path(tempfile.mkdtemp(prefix=f"aktindsigt-ingest-{os.getpid()}-lo-"))
    return _PROFILE


def _office_env() -> dict[str, str]:
    """LibreOffice's environment: its temporary files (``lu*.tmp``, left behind when it is killed) go into
    the profile, so that they go with it."""
    tmp = _profile() / "tmp"
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp)}


@functools.lru_cache(maxsize=1)
def uno_python() -> str | None:
    """A Python interpreter that can ``import uno`` (LibreOffice's own, or the system's with
    python3-uno), for ``office_server.py``; None when there is none."""
    candidates: list[str] = []
    explicit = os.environ.get("AKTINDSIGT_UNO_PYTHON")
    if explicit:
        candidates.append(explicit)
    exe = libreoffice_status().path
    if exe:
        program = Path(exe).resolve().parent
        candidates += [str(program / "python.exe"), str(program / "python"), str(program.parent / "Resources" / "python")]
    candidates += ["/usr/bin/python3", "/usr/local/bin/python3"]
    for c in candidates:
        if not Path(c).is_file():
            continue
        try:
            ok = subprocess.run([c, "-c", "import uno"], capture_output=True, timeout=30, **_no_window()).returncode == 0
        except (OSError, subprocess.SubprocessError):
            ok = False
        if ok:
            return c
    return None


class OfficeDied(ToolError):
    """LibreOffice went down under the server (on this file, or on an earlier one)."""


class OfficeServer:
    """``office_server.py`` in a child process, with its LibreOffice (one per import)."""

    def __init__(self, soffice: str, timeout: float = 120) -> None:
        import secrets

        python = uno_python()
        assert python is not None
        self.soffice = soffice
        self.pipe = f"aktindsigt-{os.getpid()}-{secrets.token_hex(4)}"
        script = Path(__file__).with_name("office_server.py")
        self.proc = subprocess.Popen(
            [python, str(script), soffice, str(_profile()), self.pipe], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=sys.platform != "win32",
            env=_office_env(), **_no_window())
        reply = self._reply(max(timeout, 1.0))
        if not reply.get("ready"):
            self.close()
            raise ToolError(f"LibreOffice server did not start: {reply.get('error')}")

    def _reply(self, timeout: float) -> dict:
        import json
        import queue
        import threading

        q: queue.Queue[str] = queue.Queue()
        assert self.proc.stdout is not None
        out = self.proc.stdout
        threading.Thread(target=lambda: q.put(out.readline()), daemon=True).start()
        try:
            line = q.get(timeout=timeout)
        except queue.Empty as e:
            self.close(graceful=False)
            raise ToolError(f"LibreOffice did not answer within {timeout:.0f} s") from e
        if not line:
            self.close(graceful=False)
            raise ToolError("LibreOffice server stopped")
        return json.loads(line)

    def convert(self, source: Path, target: Path, timeout: float) -> None:
        import json

        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps({"src": str(source), "out": str(target)}) + "\n")
            self.proc.stdin.flush()
        except OSError as e:
            self.close()
            raise ToolError(f"LibreOffice server gone: {e}") from e
        reply = self._reply(timeout)
        if reply.get("dead"):
            self.close(graceful=False)
            raise OfficeDied(f"LibreOffice stopped: {reply.get('error')}")
        if not reply.get("ok") or not target.is_file() or target.stat().st_size == 0:
            raise ToolError(f"LibreOffice: {reply.get('error') or 'no PDF written'}")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self, graceful: bool = True) -> None:
        if self.proc.poll() is None and not graceful:
            _kill_tree(self.proc)
        if self.proc.poll() is None:
            with contextlib.suppress(OSError, ValueError):
                assert self.proc.stdin is not None
                self.proc.stdin.write('{"quit": true}\n')
                self.proc.stdin.close()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                _kill_tree(self.proc)
        with contextlib.suppress(OSError):
            if self.proc.stdout is not None:
                self.proc.stdout.close()


_SERVER: OfficeServer | None = None
_SERVER_FAILED: str | None = None  # the soffice whose server would not start in this import: one start per file
atexit.register(lambda: end_office())


def _office_server(soffice: str, timeout: float) -> OfficeServer | None:
    global _SERVER, _SERVER_FAILED
    if _SERVER is not None and (not _SERVER.alive() or _SERVER.soffice != soffice):
        _SERVER.close(graceful=False)
        _SERVER = None
    if _SERVER is None and soffice != _SERVER_FAILED:
        try:
            _SERVER = OfficeServer(soffice, timeout)
        except (ToolError, OSError):
            _SERVER_FAILED = soffice
            return None  # fall back to one soffice per file
    return _SERVER


def end_office() -> None:
    """The import is over: stop its LibreOffice and remove its profile."""
    global _SERVER, _PROFILE, _SERVER_FAILED
    with _LOCK:
        _end_office()
        _SERVER_FAILED = None


def _end_office() -> None:
    global _SERVER, _PROFILE
    if _SERVER is not None:
        _SERVER.close()
        _SERVER = None
    if _PROFILE is not None:
        shutil.rmtree(_PROFILE, ignore_errors=True)
        _PROFILE = None


def _kill_tree(proc: subprocess.Popen) -> None:
    try:
        if sys.platform != "win32":
            os.killpg(proc.pid, 9)
        else:  # pragma: no cover
            proc.kill()
    except OSError:
        pass
    with contextlib.suppress(subprocess.SubprocessError):
        proc.wait(timeout=10)
